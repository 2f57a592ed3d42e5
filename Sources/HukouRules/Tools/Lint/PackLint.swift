// SPDX-License-Identifier: Apache-2.0
/// Checks a city pack against the national rules of 国办发〔2016〕72号 (tasks 7, 8, 9, 20, and
/// the rules the national pack states as data in `lint_rules`: task 3, ``OpenGroupsRule``)
/// and against a cap the pack states for itself (Anyang 二（二）: social insurance ≤ 1 year).
///
/// The numbers (social-insurance caps by city class) are parameters of the national pack
/// (`social_insurance_cap_large_months`, `social_insurance_cap_medium_months`), and a
/// pack's own cap is its parameter `social_insurance_cap_months`; nothing is hard-coded.
/// Lint reads the pack's JSON (after it loaded cleanly) so it can report JSON paths.
public enum PackLint {
    public static func lint(_ text: String, national: PolicyPack?) throws(HukouError) -> [LintViolation] {
        let json = try PackLoader.parse(text)
        let pack = try PackLoader.load(json, byteCount: text.utf8.count)
        var walker = Walker(pack: pack, json: json, national: national)
        walker.run()
        if let national {
            for rule in national.lintRules { walker.violations += rule.check(pack, json: pack.sourceJSON, national: national) }
        }
        return walker.violations
    }

    struct Walker {
        let pack: PolicyPack
        let json: JSONValue
        let national: PolicyPack?
        var violations: [LintViolation] = []

        var sizeClass: String? { pack.sizeClass?.value }
        /// 大城市和中等城市 (not 超大/特大): tasks 7 and 9 bind these.
        var isLargeOrMedium: Bool { ["large_1", "large_2", "medium"].contains(sizeClass ?? "") }

        func nationalCap(_ id: String) -> (months: Int, source: String)? {
            guard let parameter = national?.parameters[id] ?? pack.parameters[id],
                  case .integer(let months) = parameter.value(on: pack.effectiveFrom) else { return nil }
            return (months, parameter.source)
        }

        mutating func run() {
            // Task 8: no points settlement in cities under 3 million (Ⅱ型大, 中等, 小).
            if ["large_2", "medium", "small"].contains(sizeClass ?? ""), case .table(let table)? = pack.points, table.purpose == "settlement" {
                violations.append(LintViolation(
                    rule: "国办发〔2016〕72号 任务8", path: "points",
                    message: LocalizedText(zh: "城区人口 300 万以下的城市不得实行积分落户", en: "cities under 3 million urban residents must not use points-based settlement")))
            }
            for (index, pathway) in (json["pathways"]?.elements ?? []).enumerated() {
                guard let condition = pathway["condition"] else { continue }
                walk(condition, path: "pathways[\(index)].condition", mandatory: true, seen: [])
            }
        }

        private mutating func walk(_ node: JSONValue, path: String, mandatory: Bool, seen: [String]) {
            if let children = node["all"]?.elements {
                for (index, child) in children.enumerated() { walk(child, path: path + ".all[\(index)]", mandatory: mandatory, seen: seen) }
            } else if let children = node["any"]?.elements {
                for (index, child) in children.enumerated() {
                    walk(child, path: path + ".any[\(index)]", mandatory: mandatory && children.count == 1, seen: seen)
                }
            } else if let child = node["not"] {
                walk(child, path: path + ".not", mandatory: false, seen: seen)
            } else if case .string(let name)? = node["ref"], !seen.contains(name), let definition = json["definitions"]?[name] {
                walk(definition, path: "definitions.\(name)", mandatory: mandatory, seen: seen + [name])
            } else if case .string(let fact)? = node["fact"], case .string(let op)? = node["op"] {
                leaf(fact: fact, op: op, node: node, path: path, mandatory: mandatory)
            }
        }

        /// The values a leaf compares with: its literal, or every dated value of its parameter.
        private func values(_ node: JSONValue) -> [JSONValue] {
            if let value = node["value"] { return value.elements ?? [value] }
            if case .string(let id)? = node["param"], let parameter = pack.parameters[id] {
                return parameter.values.flatMap { dated -> [JSONValue] in
                    switch dated.value {
                    case .integer(let n): return [.integer(Int64(n))]
                    case .strings(let names): return names.map(JSONValue.string)
                    }
                }
            }
            return []
        }

        private mutating func leaf(fact: String, op: String, node: JSONValue, path: String, mandatory: Bool) {
            let values = values(node)
            if fact == "rural_rights_given_up" {
                violations.append(LintViolation(
                    rule: "国办发〔2016〕72号 任务20", path: path,
                    message: LocalizedText(zh: "不得以退出土地承包经营权、宅基地使用权、集体收益分配权作为落户条件",
                                           en: "giving up the rural land, homestead and collective-income rights must never be a condition of settlement")))
            }
            if isLargeOrMedium, mandatory {
                let requiresOwnedHome = (fact == "housing.type" && (op == "==" || op == "in") && !values.isEmpty
                                         && values.allSatisfy { $0 == .string("owned") })
                    || (fact == "housing.owns_home_in_city" && (op == "is" || op == "==") && values == [.bool(true)])
                let requiresInvestment = fact == "recognized.investor" && (op == "is" || op == "==") && values == [.bool(true)]
                if requiresOwnedHome || requiresInvestment {
                    violations.append(LintViolation(
                        rule: "国办发〔2016〕72号 任务7", path: path,
                        message: requiresOwnedHome
                            ? LocalizedText(zh: "大中城市不得以购买房屋作为落户限制条件", en: "large and medium cities must not make buying a home a condition of settlement")
                            : LocalizedText(zh: "大中城市不得以投资作为落户限制条件", en: "large and medium cities must not make investment a condition of settlement")))
                }
            }
            guard fact == "social_insurance.months", op == ">=" || op == ">" else { return }
            let required = values.compactMap { value -> Int? in
                if case .integer(let n) = value { return Int(n) + (op == ">" ? 1 : 0) }
                return nil
            }.max()
            guard let required else { return }
            var caps: [(rule: String, months: Int)] = []
            if isLargeOrMedium {
                let id = sizeClass == "medium" ? "social_insurance_cap_medium_months" : "social_insurance_cap_large_months"
                if let cap = nationalCap(id) { caps.append(("国办发〔2016〕72号 任务9", cap.months)) }
            }
            if let own = pack.parameters["social_insurance_cap_months"], case .integer(let months) = own.value(on: pack.effectiveFrom) {
                caps.append((own.source, months))
            }
            for cap in caps where required > cap.months {
                violations.append(LintViolation(
                    rule: cap.rule, path: path,
                    message: LocalizedText(zh: "社会保险年限要求 \(required) 个月，超过上限 \(cap.months) 个月",
                                           en: "requires \(required) months of social insurance, above the cap of \(cap.months) months")))
            }
        }
    }
}
