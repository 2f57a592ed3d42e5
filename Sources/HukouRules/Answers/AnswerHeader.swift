// SPDX-License-Identifier: Apache-2.0
/// The part every answer starts with: what was asked, which pack version answered.
enum AnswerHeader {
    static func build(kind: String, pack: PolicyPack, request: DecisionRequest) -> JSONObjectBuilder {
        let locale = request.locale
        var answer = JSONObjectBuilder()
        answer.set("kind", kind)
        var jurisdiction = JSONObjectBuilder()
        jurisdiction.set("id", pack.id)
        jurisdiction.set("name", pack.name.text(locale))
        jurisdiction.setIfPresent("city", request.city)
        jurisdiction.set("pack_version", pack.version)
        jurisdiction.set("document", pack.document.number)
        jurisdiction.set("document_title", pack.document.title.text(locale))
        jurisdiction.set("effective_from", pack.effectiveFrom.description)
        if let sizeClass = pack.sizeClass {
            var size = JSONObjectBuilder()
            size.set("class", sizeClass.value)
            size.set("label", sizeClass.label.text(locale))
            size.set("provisional", sizeClass.provisional)
            size.set("source", sizeClass.source)
            jurisdiction.set("city_size_class", size.value)
        }
        answer.set("jurisdiction", jurisdiction.value)
        answer.set("as_of", request.asOf.description)
        answer.set("locale", locale.rawValue)
        return answer
    }

    /// The own-rules city the request names, if the pack defers to that city's rules.
    static func ownRulesCity(_ pack: PolicyPack, _ request: DecisionRequest) -> OwnRulesCity? {
        guard let city = request.city else { return nil }
        return pack.ownRulesCities.first { $0.name == city || $0.aliases.contains(city) }
    }

    /// A note when a province-wide pack is asked without naming the city.
    static func cityNote(_ pack: PolicyPack, _ request: DecisionRequest) -> JSONValue? {
        guard request.city == nil, !pack.ownRulesCities.isEmpty else { return nil }
        let names = pack.ownRulesCities.map(\.name).joined(separator: "、")
        return .string(LocalizedText(
            zh: "未填写城市（city）：以下按全省规则作答；\(names)适用各自的具体规定。",
            en: "No city given (city): answered by the province-wide rules; \(names) apply their own rules.").text(request.locale))
    }

    /// The answer for a city that issues its own rules (Fujian （五）).
    static func ownRules(_ city: OwnRulesCity, into answer: inout JSONObjectBuilder, locale: AnswerLocale) {
        var block = JSONObjectBuilder()
        block.set("city", city.name)
        block.set("result", "own_rules_not_encoded")
        block.set("reason", city.note.text(locale))
        block.set("citation", city.citation)
        answer.set("own_rules", block.value)
    }
}
