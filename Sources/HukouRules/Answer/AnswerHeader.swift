// SPDX-License-Identifier: Apache-2.0
/// The part every answer starts with: what was asked, which pack version answered.
enum AnswerHeader {
    /// The own-rules city the request names, if the pack defers to that city's rules.
    static func ownRulesCity(_ pack: PolicyPack, _ request: DecisionRequest) -> OwnRulesCity? {
        guard let city = request.city else { return nil }
        return pack.ownRulesCities.first { $0.name == city || $0.aliases.contains(city) }
    }

    /// Writes the members every answer starts with (`kind`, `jurisdiction`, `as_of`,
    /// `locale`) into the answer object the caller has opened.
    static func write(kind: StaticString, pack: PolicyPack, request: DecisionRequest, into writer: inout AnswerWriter) {
        let locale = request.locale
        writer.member("kind", kind)
        writer.key("jurisdiction")
        writer.beginObject()
        writer.member("id", pack.id)
        writer.member("name", pack.name.text(locale))
        writer.memberIfPresent("city", request.city)
        writer.member("pack_version", pack.version)
        writer.member("document", pack.document.number)
        writer.member("document_title", pack.document.title.text(locale))
        writer.member("effective_from", date: pack.effectiveFrom)
        if let sizeClass = pack.sizeClass {
            writer.key("city_size_class")
            writer.beginObject()
            writer.member("class", sizeClass.value)
            writer.member("label", sizeClass.label.text(locale))
            writer.member("provisional", sizeClass.provisional)
            writer.member("source", sizeClass.source)
            writer.endObject()
        }
        writer.endObject()
        writer.member("as_of", date: request.asOf)
        writer.member("locale", locale.rawValue)
    }

    /// Writes the `note` member when a province-wide pack is asked without naming the city;
    /// nothing otherwise.
    static func writeCityNote(_ pack: PolicyPack, _ request: DecisionRequest, into writer: inout AnswerWriter) {
        guard request.city == nil, !pack.ownRulesCities.isEmpty else { return }
        let names = pack.ownRulesCities.map(\.name).joined(separator: "、")
        writer.key("note")
        switch request.locale {
        case .zhCN: writer.string("未填写城市（city）：以下按全省规则作答；\(names)适用各自的具体规定。")
        case .en: writer.string("No city given (city): answered by the province-wide rules; \(names) apply their own rules.")
        }
    }

    /// Writes the `own_rules` member for a city that issues its own rules (Fujian （五）).
    static func ownRules(_ city: OwnRulesCity, locale: AnswerLocale, into writer: inout AnswerWriter) {
        writer.key("own_rules")
        writer.beginObject()
        writer.member("city", city.name)
        writer.member("result", "own_rules_not_encoded" as StaticString)
        writer.member("reason", city.note.text(locale))
        writer.member("citation", city.citation)
        writer.endObject()
    }
}
