// SPDX-License-Identifier: Apache-2.0
/// Writes judged conditions as answer JSON and as sentences, in one locale.
struct ConditionReport {
    let locale: AnswerLocale
    let parameters: [String: Parameter]
    /// The declarations of the pack that answers (the words for its facts).
    var facts: FactCatalogue = .base

    func label(_ node: EvaluatedCondition) -> String {
        if let label = node.info.label { return label.text(locale) }
        if let fact = node.fact { return fact.label.text(locale) }
        switch node.kind {
        case "all": return LocalizedText(zh: "同时满足以下条件", en: "all of the following").text(locale)
        case "any": return LocalizedText(zh: "满足以下任一条件", en: "any of the following").text(locale)
        default: return LocalizedText(zh: "不满足以下条件", en: "none of the following").text(locale)
        }
    }

    /// "城镇社会保险缴纳月数还差 4 个月，若继续缴纳将于 2027-03-25 满足" /
    /// "months of urban social insurance paid: 4 more months needed; met on 2027-03-25 if this simply continues".
    func sentence(_ node: EvaluatedCondition, _ shortfall: Shortfall) -> String {
        let name = label(node)
        let unit = shortfall.unit.label
        let amountZh = "\(shortfall.amount)\(unit.zh.isEmpty ? "" : " " + unit.zh)"
        let amountEn = "\(shortfall.amount)\(unit.en.isEmpty ? "" : " " + unit.en)"
        var text: LocalizedText
        if shortfall.closesWithTime || node.op == .greaterOrEqual || node.op == .greater {
            let moreEn = unit.en.isEmpty ? "\(shortfall.amount) more" : "\(shortfall.amount) more \(unit.en)"
            text = LocalizedText(zh: "\(name)还差 \(amountZh)", en: "\(name): \(moreEn) needed")
            if let date = shortfall.metOn {
                text = LocalizedText(zh: text.zh + "，如保持现状将于 \(date) 满足", en: text.en + "; met on \(date) if this simply continues")
            }
        } else {
            text = LocalizedText(zh: "\(name)超出上限 \(amountZh)", en: "\(name): \(amountEn) over the limit")
        }
        return text.text(locale)
    }

    /// Labels of the unmet leaves (for a one-line reason).
    func unmetLabels(_ node: EvaluatedCondition) -> [String] {
        var result: [String] = []
        collectUnmet(node, into: &result)
        return result
    }

    private func collectUnmet(_ node: EvaluatedCondition, into result: inout [String]) {
        guard node.outcome == .unmet else { return }
        if node.fact != nil || node.children.isEmpty || node.kind == "any" || node.kind == "not" {
            let text = label(node)
            if !result.contains(text) { result.append(text) }
            return
        }
        for child in node.children { collectUnmet(child, into: &result) }
    }

    /// The missing request fields as words a citizen understands, in the locale.
    func askLabels(_ fields: [String]) -> [String] {
        fields.map { self.facts.askLabel($0).text(locale) }
    }
}

// MARK: Writer forms: the answer JSON streamed into an ``AnswerWriter``.

extension ConditionReport {
    /// Writes ``label(_:)`` (the generic labels of `all`/`any`/`not` without building a String).
    func label(_ node: EvaluatedCondition, into writer: inout AnswerWriter) {
        if let label = node.info.label { writer.string(label.text(locale)); return }
        if let fact = node.fact { writer.string(fact.label.text(locale)); return }
        let en = locale == .en
        switch node.kind {
        case "all": writer.string(en ? "all of the following" as StaticString : "同时满足以下条件")
        case "any": writer.string(en ? "any of the following" as StaticString : "满足以下任一条件")
        default: writer.string(en ? "none of the following" as StaticString : "不满足以下条件")
        }
    }

    /// Writes the condition tree: every node with its result, leaves with fact, value and shortfall.
    func tree(_ node: EvaluatedCondition, into writer: inout AnswerWriter) {
        writer.beginObject()
        writer.member("result", Self.name(node.outcome))
        writer.memberIfPresent("id", node.info.id)
        writer.key("label")
        label(node, into: &writer)
        writer.memberIfPresent("citation", node.info.citation)
        if let fact = node.fact, let op = node.op {
            writer.member("fact", fact.name)
            writer.member("op", op.rawValue)
            writer.key("expected")
            if let expected = node.expected { writer.value(expected) } else { writer.null() }
            writer.key("actual")
            if let actual = node.actual { writer.value(actual.json) } else { writer.null() }
            if node.actual == nil { writer.member("ask_for", fact.askFor) }
            if let shortfall = node.shortfall {
                writer.key("shortfall")
                self.shortfall(node, shortfall, into: &writer)
            }
            if !node.provisionalParameters.isEmpty {
                writer.member("provisional", true)
                writer.member("provisional_parameters", strings: node.provisionalParameters)
            }
        } else {
            writer.member("kind", node.kind)
            writer.key("children")
            writer.beginArray()
            for child in node.children { tree(child, into: &writer) }
            writer.endArray()
        }
        writer.endObject()
    }

    /// Writes a leaf's shortfall as an object: amount, unit, closes_with_time, met_on, text.
    func shortfall(_ node: EvaluatedCondition, _ shortfall: Shortfall, into writer: inout AnswerWriter) {
        writer.beginObject()
        shortfallMembers(node, shortfall, into: &writer)
        writer.endObject()
    }

    private func shortfallMembers(_ node: EvaluatedCondition, _ shortfall: Shortfall, into writer: inout AnswerWriter) {
        writer.member("amount", shortfall.amount)
        writer.member("unit", shortfall.unit.rawValue)
        writer.member("closes_with_time", shortfall.closesWithTime)
        if let date = shortfall.metOn { writer.member("met_on", date: date) }
        writer.member("text", sentence(node, shortfall))
    }

    /// Writes the answer's flat `shortfalls` list: the unmet leaves with a shortfall, in tree order
    /// (walked in place, no list of nodes gathered).
    func shortfallList(_ node: EvaluatedCondition, into writer: inout AnswerWriter) {
        writer.beginArray()
        shortfallEntries(node, into: &writer)
        writer.endArray()
    }

    private func shortfallEntries(_ node: EvaluatedCondition, into writer: inout AnswerWriter) {
        guard node.outcome == .unmet else { return }
        if let shortfall = node.shortfall {
            writer.beginObject()
            writer.key("condition")
            label(node, into: &writer)
            writer.memberIfPresent("fact", node.fact?.name)
            writer.memberIfPresent("citation", node.info.citation)
            shortfallMembers(node, shortfall, into: &writer)
            writer.endObject()
        }
        for child in node.children { shortfallEntries(child, into: &writer) }
    }

    /// Writes the provisional parameters: each parameter with id, label, source, note.
    func provisional(_ ids: [String], into writer: inout AnswerWriter) {
        writer.beginArray()
        for id in ids {
            writer.beginObject()
            writer.member("id", id)
            if let parameter = parameters[id] {
                writer.memberIfPresent("label", parameter.label?.text(locale))
                writer.member("source", parameter.source)
                writer.memberIfPresent("note", parameter.note?.text(locale))
            }
            writer.endObject()
        }
        writer.endArray()
    }

    /// Writes the `missing_facts` list: the request fields to ask for.
    func missing(_ facts: [String], into writer: inout AnswerWriter) {
        writer.beginArray()
        for fact in facts { writer.string(fact) }
        writer.endArray()
    }

    /// The answer's name of an outcome ("met", "unmet", "unknown").
    static func name(_ outcome: Outcome) -> StaticString {
        switch outcome {
        case .met: return "met"
        case .unmet: return "unmet"
        case .unknown: return "unknown"
        }
    }
}
