import HukouRules

/// Renders an answer as plain text for a clerk at the counter: results, reasons,
/// shortfalls and the citation of every item.
struct TextRenderer {
    let answer: JSONValue
    let english: Bool
    private var lines: [String] = []

    init(_ answer: JSONValue) {
        self.answer = answer
        english = answer["locale"].flatMap(\.string) == "en"
    }

    private func word(_ token: String?) -> String {
        guard let token else { return "" }
        let zh: [String: String] = [
            "eligible": "符合", "not_eligible": "不符合", "unknown": "待补充信息", "member": "属于", "not_member": "不属于",
            "may_follow": "可随迁", "may_not_follow": "不可随迁", "entitled": "可享受", "must_join": "应当参加",
            "may_join": "可以参加", "may_choose": "可选择", "provisional": "待实施细则", "not_entitled": "不可享受",
            "met": "满足", "unmet": "不满足", "applies": "适用", "does_not_apply": "不适用",
            "may_apply": "可申领", "may_not_apply_yet": "暂不可申领", "yes": "是", "no": "否",
        ]
        return english ? token.replacingOccurrences(of: "_", with: " ") : (zh[token] ?? token)
    }

    private func mark(_ result: String?) -> String {
        switch result {
        case "eligible", "member", "may_follow", "entitled", "must_join", "may_join", "may_choose", "met", "yes", "may_apply": return "[✓]"
        case "unknown", "provisional": return "[?]"
        default: return "[✗]"
        }
    }

    private mutating func line(_ indent: Int, _ text: String) {
        lines.append(String(repeating: "  ", count: indent) + text)
    }

    private mutating func details(_ node: JSONValue, indent: Int) {
        if let reason = node["reason"]?.string { line(indent, reason) }
        for shortfall in node["shortfalls"]?.array ?? [] {
            if let text = shortfall["text"]?.string { line(indent, "· " + text) }
        }
        let missing = (node["missing_facts"]?.array ?? []).compactMap(\.string)
        if !missing.isEmpty, node["reason"] == nil { line(indent, (english ? "ask for: " : "请补充：") + missing.joined(separator: ", ")) }
        if node["provisional"]?.bool == true {
            line(indent, english ? "(provisional: depends on values the documents leave open)" : "（暂定：取决于文件未明确的数值）")
        }
        if let note = node["note"]?.string { line(indent, "※ " + note) }
    }

    func render() -> String {
        var renderer = self
        renderer.build()
        return renderer.lines.joined(separator: "\n")
    }

    private mutating func build() {
        let jurisdiction = answer["jurisdiction"]
        let name = jurisdiction?["name"]?.string ?? ""
        let document = jurisdiction?["document"]?.string ?? ""
        let version = jurisdiction?["pack_version"]?.string ?? ""
        line(0, "\(name) — \(document) (\(version)) — \(answer["as_of"]?.string ?? "")")
        if let own = answer["own_rules"] {
            line(0, "\(mark(nil)) \(own["reason"]?.string ?? "") [\(own["citation"]?.string ?? "")]")
            return
        }
        if let note = answer["note"]?.string { line(0, "※ " + note) }
        switch answer["kind"]?.string {
        case "eligibility": eligibility()
        case "points": points()
        case "entitlements": entitlements()
        default: line(0, JSONWriter.string(answer))
        }
    }

    private mutating func eligibility() {
        for pathway in answer["pathways"]?.array ?? [] {
            let result = pathway["result"]?.string
            line(0, "\(mark(result)) \(pathway["name"]?.string ?? "") — \(word(result)) [\(pathway["citation"]?.string ?? "")]")
            details(pathway, indent: 2)
            for follower in pathway["followers"]?.array ?? [] {
                let who = follower["relation"]?.string ?? "#\(follower["member"]?.integer ?? 0)"
                let rule = follower["rule"]?.string.map { " (\($0))" } ?? ""
                line(2, "\(english ? "family" : "家属") \(who): \(word(follower["result"]?.string))\(rule)")
            }
            for step in pathway["address_order"]?.array ?? [] {
                line(2, "\(english ? "address" : "落户地址") \(step["rank"]?.integer ?? 0). \(step["label"]?.string ?? "")")
            }
        }
        let groups = (answer["priority_groups"]?.array ?? []).filter { $0["result"]?.string == "member" }
        if !groups.isEmpty {
            line(0, english ? "Priority groups:" : "重点群体：")
            for group in groups { line(1, "\(group["name"]?.string ?? "") [\(group["citation"]?.string ?? "")]") }
        }
    }

    private mutating func points() {
        if answer["points_allowed"]?.bool == false {
            line(0, "\(mark(nil)) \(answer["reason"]?.string ?? "") [\(answer["citation"]?.string ?? "")]")
            return
        }
        let total = answer["total"]?.integer ?? 0
        let threshold = answer["threshold"]?.integer.map { " / \($0)" } ?? ""
        line(0, (english ? "Score: " : "积分：") + "\(total)\(threshold)  [\(answer["citation"]?.string ?? "")]")
        for item in answer["breakdown"]?.array ?? [] {
            let cap = item["cap_applied"]?.bool == true ? (english ? " (capped)" : "（封顶）") : ""
            line(1, "\(item["label"]?.string ?? ""): \(item["points"]?.integer ?? 0)\(cap) [\(item["citation"]?.string ?? "")]")
        }
        for requirement in (answer["requirements"]?.array ?? []) + (answer["vetoes"]?.array ?? []) {
            line(1, "\(mark(requirement["result"]?.string == "applies" ? "no" : requirement["result"]?.string)) \(requirement["label"]?.string ?? ""): \(word(requirement["result"]?.string))")
        }
        if let text = answer["projection"]?["text"]?.string { line(0, text) }
        for change in answer["what_if"]?.array ?? [] {
            line(1, "+\(change["points_gained"]?.integer ?? 0): \(change["change"]?.string ?? "")")
        }
        details(answer, indent: 0)
    }

    private mutating func entitlements() {
        if let label = answer["status_label"]?.string { line(0, (english ? "Status assumed: " : "按身份：") + label) }
        if let permit = answer["residence_permit"] {
            line(0, "\(mark(permit["result"]?.string)) \(permit["label"]?.string ?? ""): \(word(permit["result"]?.string)) [\(permit["citation"]?.string ?? "")]")
            details(permit, indent: 2)
        }
        for person in answer["people"]?.array ?? [] {
            let who = person["member"]?.string == "applicant" ? (english ? "Applicant" : "申请人") : (person["relation"]?.string ?? "")
            let age = person["age"]?.integer.map { english ? ", age \($0)" : "，\($0) 岁" } ?? ""
            line(0, who + age)
            for item in person["items"]?.array ?? [] {
                let result = item["result"]?.string
                line(1, "\(mark(result)) \(item["name"]?.string ?? ""): \(word(result)) [\(item["citation"]?.string ?? "")]")
                details(item, indent: 3)
            }
        }
    }
}

extension JSONValue {
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var integer: Int? {
        if case .integer(let n) = self { return Int(n) }
        return nil
    }

    var bool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}
