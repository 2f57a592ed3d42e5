import HukouRules

/// Renders an answer as plain text for a clerk at the counter: results, reasons,
/// shortfalls and the citation of every item.
struct TextRenderer {
    let answer: JSONValue
    let english: Bool
    private var lines: [String] = []

    init(_ answer: JSONValue) {
        self.answer = answer
        english = answer["locale"].flatMap(\.stringValue) == "en"
    }

    private func word(_ token: String?) -> String {
        guard let token else { return "" }
        let zh: [String: String] = [
            "eligible": "符合", "not_eligible": "不符合", "unknown": "待补充信息", "member": "属于", "not_member": "不属于",
            "may_follow": "可随迁", "may_not_follow": "不可随迁", "entitled": "可享受", "must_join": "应当参加",
            "may_join": "可以参加", "may_choose": "可选择", "provisional": "待实施细则", "not_entitled": "不可享受",
            "met": "满足", "unmet": "不满足", "applies": "适用", "does_not_apply": "不适用",
            "may_apply": "可申领", "may_not_apply_yet": "暂不可申领", "yes": "是", "no": "否",
            "depends_on_local_rules": "取决于未编入的地方规定", "not_applicable": "不适用",
        ]
        return english ? token.replacingOccurrences(of: "_", with: " ") : (zh[token] ?? token)
    }

    private func mark(_ result: String?) -> String {
        switch result {
        case "eligible", "member", "may_follow", "entitled", "must_join", "may_join", "may_choose", "met", "yes", "may_apply": return "[✓]"
        case "unknown", "provisional": return "[?]"
        case "depends_on_local_rules": return "[~]"
        case "not_applicable", "does_not_apply", "own_rules_not_encoded": return "[-]"
        default: return "[✗]"
        }
    }

    private mutating func line(_ indent: Int, _ text: String) {
        lines.append(String(repeating: "  ", count: indent) + text)
    }

    private mutating func details(_ node: JSONValue, indent: Int) {
        if let reason = node["reason"]?.stringValue { line(indent, reason) }
        for shortfall in node["shortfalls"]?.elements ?? [] {
            if let text = shortfall["text"]?.stringValue { line(indent, "· " + text) }
        }
        let missing = (node["missing_facts"]?.elements ?? []).compactMap(\.stringValue)
        if !missing.isEmpty, node["reason"] == nil { line(indent, (english ? "ask for: " : "请补充：") + missing.joined(separator: ", ")) }
        if node["provisional"]?.boolValue == true {
            line(indent, english ? "(provisional: depends on values the documents leave open)" : "（暂定：取决于文件未明确的数值）")
        }
        if let ranking = node["ranking"]?["text"]?.stringValue {
            line(indent, "※ " + ranking + " [\(node["ranking"]?["citation"]?.stringValue ?? "")]")
        }
        if let note = node["note"]?.stringValue { line(indent, "※ " + note) }
    }

    func render() -> String {
        var renderer = self
        renderer.build()
        return renderer.lines.joined(separator: "\n")
    }

    private mutating func build() {
        let jurisdiction = answer["jurisdiction"]
        let name = jurisdiction?["name"]?.stringValue ?? ""
        let document = jurisdiction?["document"]?.stringValue ?? ""
        let version = jurisdiction?["pack_version"]?.stringValue ?? ""
        // Expired or not-yet-in-force rules are said first (docs/answers.md "validity").
        if let validity = answer["validity"], validity["status"]?.stringValue != "in_force",
           let text = validity["text"]?.stringValue {
            line(0, "!! " + text)
        }
        line(0, "\(name) — \(document) (\(version)) — \(answer["as_of"]?.stringValue ?? "")")
        if let own = answer["own_rules"] {
            line(0, "\(mark("own_rules_not_encoded")) \(own["reason"]?.stringValue ?? "") [\(own["citation"]?.stringValue ?? "")]")
            if (answer["pathways"]?.elements ?? []).isEmpty { return }
        }
        if let note = answer["note"]?.stringValue { line(0, "※ " + note) }
        switch answer["kind"]?.stringValue {
        case "eligibility": eligibility()
        case "points": points()
        case "entitlements": entitlements()
        default: line(0, JSONWriter.string(answer))
        }
    }

    private mutating func eligibility() {
        for pathway in answer["pathways"]?.elements ?? [] {
            let result = pathway["result"]?.stringValue
            line(0, "\(mark(result)) \(pathway["name"]?.stringValue ?? "") — \(word(result)) [\(pathway["citation"]?.stringValue ?? "")]")
            details(pathway, indent: 2)
            for follower in pathway["followers"]?.elements ?? [] {
                let who = follower["relation"]?.stringValue ?? "#\(follower["member"]?.intValue ?? 0)"
                let rule = follower["rule"]?.stringValue.map { " (\($0))" } ?? ""
                line(2, "\(english ? "family" : "家属") \(who): \(word(follower["result"]?.stringValue))\(rule)")
            }
            for step in pathway["address_order"]?.elements ?? [] {
                line(2, "\(english ? "address" : "落户地址") \(step["rank"]?.intValue ?? 0). \(step["label"]?.stringValue ?? "")")
            }
        }
        for notice in answer["notices"]?.elements ?? [] {
            line(0, "※ \(notice["text"]?.stringValue ?? "") [\(notice["citation"]?.stringValue ?? "")]")
        }
        let groups = (answer["priority_groups"]?.elements ?? []).filter { $0["result"]?.stringValue == "member" }
        if !groups.isEmpty {
            line(0, english ? "Priority groups:" : "重点群体：")
            for group in groups { line(1, "\(group["name"]?.stringValue ?? "") [\(group["citation"]?.stringValue ?? "")]") }
        }
    }

    private mutating func points() {
        if answer["points_allowed"]?.boolValue == false {
            line(0, "\(mark(nil)) \(answer["reason"]?.stringValue ?? "") [\(answer["citation"]?.stringValue ?? "")]")
            return
        }
        if let total = answer["total"]?.intValue {
            let threshold = answer["threshold"]?.intValue.map { " / \($0)" } ?? ""
            line(0, (english ? "Score: " : "积分：") + "\(total)\(threshold)  [\(answer["citation"]?.stringValue ?? "")]")
        } else if let text = answer["score_text"]?.stringValue {
            line(0, "[~] " + text)
        }
        if let mayApply = answer["may_apply"]?.stringValue {
            line(0, (english ? "May apply: " : "可否申报：") + word(mayApply))
        }
        for item in answer["breakdown"]?.elements ?? [] {
            let cap = item["cap_applied"]?.boolValue == true ? (english ? " (capped)" : "（封顶）") : ""
            line(1, "\(item["label"]?.stringValue ?? ""): \(item["points"]?.intValue ?? 0)\(cap) [\(item["citation"]?.stringValue ?? "")]")
        }
        for requirement in (answer["requirements"]?.elements ?? []) + (answer["vetoes"]?.elements ?? []) {
            line(1, "\(mark(requirement["result"]?.stringValue == "applies" ? "no" : requirement["result"]?.stringValue)) \(requirement["label"]?.stringValue ?? ""): \(word(requirement["result"]?.stringValue))")
        }
        if let text = answer["projection"]?["text"]?.stringValue { line(0, text) }
        for change in answer["what_if"]?.elements ?? [] {
            line(1, "+\(change["points_gained"]?.intValue ?? 0): \(change["change"]?.stringValue ?? "")")
        }
        details(answer, indent: 0)
    }

    private mutating func entitlements() {
        if let label = answer["status_label"]?.stringValue { line(0, (english ? "Status assumed: " : "按身份：") + label) }
        if let permit = answer["residence_permit"] {
            line(0, "\(mark(permit["result"]?.stringValue)) \(permit["label"]?.stringValue ?? ""): \(word(permit["result"]?.stringValue)) [\(permit["citation"]?.stringValue ?? "")]")
            details(permit, indent: 2)
        }
        for person in answer["people"]?.elements ?? [] {
            let who = person["member"]?.stringValue == "applicant" ? (english ? "Applicant" : "申请人") : (person["relation"]?.stringValue ?? "")
            let age = person["age"]?.intValue.map { english ? ", age \($0)" : "，\($0) 岁" } ?? ""
            line(0, who + age)
            for item in person["items"]?.elements ?? [] {
                let result = item["result"]?.stringValue
                line(1, "\(mark(result)) \(item["name"]?.stringValue ?? ""): \(word(result)) [\(item["citation"]?.stringValue ?? "")]")
                details(item, indent: 3)
            }
        }
    }
}
