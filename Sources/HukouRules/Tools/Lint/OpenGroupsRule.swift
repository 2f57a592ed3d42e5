// SPDX-License-Identifier: Apache-2.0
/// A national rule that some groups must find settlement fully open in cities of some
/// administrative levels, as data of the national pack (`lint_rules`, `"check": "open_groups"`):
/// 国办发〔2016〕72号 任务3 "省会及以下城市要全面放开对高校毕业生、技术工人、职业院校毕业生、
/// 留学归国人员的落户限制". Which groups, which levels, which facts count as a restriction and
/// the citation are all in the pack; the check knows none of them.
public struct OpenGroupsRule: Sendable {
    public let id: String
    /// The clause, e.g. "国办发〔2016〕72号 任务3" (the lint code of each finding).
    public let rule: String
    /// Ids of `admin_levels` the rule binds.
    public let levels: [String]
    /// Ids of `settlement_groups` that must find settlement open.
    public let groups: [String]
    /// Facts a pathway may not require for it to count as open to a group (years of social
    /// insurance or residence, owning a home, investing, a residence permit …).
    public let restrictingFacts: [String]
    /// The clause's words, shown with each finding.
    public let message: LocalizedText

    static let checks = ["open_groups"]

    static func read(_ value: JSONValue, path: String, levels: [AdminLevelDefinition], groups: [SettlementGroup],
                     facts: FactCatalogue) throws(HukouError) -> OpenGroupsRule {
        var reader = try ObjectReader(value, path: path, status: .pack)
        let id = try reader.requiredString("id")
        guard try reader.choice("check", checks) != nil else {
            throw reader.fail("check", zh: "缺少检查种类", en: "missing the kind of check")
        }
        let rule = try reader.requiredString("rule")
        let levelIDs = try PackLoader.strings(&reader, "levels")
        for (index, level) in levelIDs.enumerated() where !levels.contains(where: { $0.id == level }) {
            throw HukouError(.pack, path: reader.childPath("levels") + "[\(index)]", zh: "admin_levels 中没有 \"\(level)\"", en: "no \"\(level)\" in admin_levels")
        }
        let groupIDs = try PackLoader.strings(&reader, "groups")
        for (index, group) in groupIDs.enumerated() where !groups.contains(where: { $0.id == group }) {
            throw HukouError(.pack, path: reader.childPath("groups") + "[\(index)]", zh: "settlement_groups 中没有 \"\(group)\"", en: "no \"\(group)\" in settlement_groups")
        }
        let restricting = try PackLoader.strings(&reader, "restricting_facts")
        for (index, fact) in restricting.enumerated() where facts.definition(fact) == nil {
            throw HukouError(.pack, path: reader.childPath("restricting_facts") + "[\(index)]", zh: "未声明的事实 \"\(fact)\"", en: "undeclared fact \"\(fact)\"")
        }
        let message = try reader.requiredText("message")
        try reader.finish()
        return OpenGroupsRule(id: id, rule: rule, levels: levelIDs, groups: groupIDs, restrictingFacts: restricting, message: message)
    }
}

extension OpenGroupsRule {
    /// A place the rule may bind: the pack itself, or a city of a province-wide pack, with the
    /// pathways that answer there.
    struct Place {
        let name: LocalizedText
        let level: AdminLevel
        let path: String
        let pathways: [(index: Int, json: JSONValue)]
    }

    /// The findings for one pack (its JSON with `extends` resolved).
    func check(_ pack: PolicyPack, json: JSONValue, national: PolicyPack) -> [LintViolation] {
        let all: [(index: Int, json: JSONValue)] = (json["pathways"]?.elements ?? []).enumerated().map { (index: $0.offset, json: $0.element) }
        var places: [Place] = []
        if let level = pack.adminLevel { places.append(Place(name: pack.name, level: level, path: "admin_level", pathways: all)) }
        for (index, city) in pack.cities.enumerated() {
            guard let level = city.adminLevel else { continue }
            places.append(Place(name: LocalizedText(zh: city.name, en: city.name), level: level, path: "cities[\(index)].admin_level", pathways: all))
        }
        for (index, city) in pack.ownRulesCities.enumerated() {
            guard let level = city.adminLevel else { continue }
            let applying = all.filter { city.provinceRulesApply.contains($0.json["id"]?.stringValue ?? "") }
            places.append(Place(name: LocalizedText(zh: city.name, en: city.name), level: level, path: "own_rules_cities[\(index)].admin_level", pathways: applying))
        }
        var violations: [LintViolation] = []
        for place in places {
            guard let levelWord = national.adminLevels.first(where: { $0.id == place.level.value }) else {
                let known = national.adminLevels.map(\.id)
                violations.append(LintViolation(rule: rule, path: place.path + ".value", message: LocalizedText(
                    zh: "未知的行政级别 \"\(place.level.value)\"（应为 \(known.joined(separator: ", "))）\(Suggest.hint(place.level.value, known, zh: true))",
                    en: "unknown administrative level \"\(place.level.value)\" (expected one of \(known.joined(separator: ", ")))\(Suggest.hint(place.level.value, known, zh: false))")))
                continue
            }
            guard levels.contains(place.level.value) else { continue }
            for groupID in groups {
                let label = national.settlementGroups.first { $0.id == groupID }?.label ?? LocalizedText(zh: groupID, en: groupID)
                guard !place.pathways.contains(where: { opens($0.json, to: groupID, json: json) }) else { continue }
                violations.append(LintViolation(rule: rule, path: place.path, message: LocalizedText(
                    zh: "\(place.name.zh)（\(levelWord.label.zh)）没有对\(label.zh)全面放开的落户途径（groups 含该群体、不以 restricting_facts 为条件，或援引本条由当地规定）：\(message.zh)",
                    en: "\(place.name.en) (\(levelWord.label.en)) has no pathway fully open to \(label.en) (tagged with the group and not conditional on the restricting_facts, or citing this clause and leaving it to local rules): \(message.en)")))
            }
        }
        for pathway in all {
            let index = pathway.index
            for (position, group) in (pathway.json["groups"]?.elements ?? []).enumerated() {
                guard let name = group.stringValue, !national.settlementGroups.contains(where: { $0.id == name }) else { continue }
                let known = national.settlementGroups.map(\.id)
                violations.append(LintViolation(rule: rule, path: "pathways[\(index)].groups[\(position)]", message: LocalizedText(
                    zh: "未知的群体 \"\(name)\"（国家政策包 settlement_groups：\(known.joined(separator: ", "))）\(Suggest.hint(name, known, zh: true))",
                    en: "unknown group \"\(name)\" (national settlement_groups: \(known.joined(separator: ", ")))\(Suggest.hint(name, known, zh: false))")))
            }
        }
        return violations
    }

    /// Whether a pathway counts as fully open to the group: tagged with it, and either a
    /// decided rule (no points, not provisional) that requires none of the restricting facts
    /// on every route through its conditions, or one that leaves the group to local rules
    /// under this very clause (`decided_by` with the clause in its citation).
    func opens(_ pathway: JSONValue, to group: String, json: JSONValue) -> Bool {
        guard (pathway["groups"]?.elements ?? []).contains(.string(group)) else { return false }
        if pathway["decided_by"] != nil {
            return pathway["citation"]?.stringValue?.contains(rule) ?? false
        }
        if pathway["points_settlement"]?.boolValue == true || pathway["provisional"]?.boolValue == true { return false }
        for key in ["condition", "applies_to"] {
            if let node = pathway[key], restricts(node, json: json, seen: []) { return false }
        }
        return true
    }

    /// Whether every route through a condition compares one of the restricting facts: one
    /// part of an `all` that does, every alternative of an `any` that does, a `ref` that
    /// does (a `not` is not read as a restriction).
    func restricts(_ node: JSONValue, json: JSONValue, seen: [String]) -> Bool {
        if let children = node["all"]?.elements {
            return children.contains { restricts($0, json: json, seen: seen) }
        } else if let children = node["any"]?.elements {
            return !children.isEmpty && children.allSatisfy { restricts($0, json: json, seen: seen) }
        } else if case .string(let name)? = node["ref"], !seen.contains(name), seen.count < 32, let definition = json["definitions"]?[name] {
            return restricts(definition, json: json, seen: seen + [name])
        } else if case .string(let fact)? = node["fact"] {
            return restrictingFacts.contains(fact)
        }
        return false
    }
}
