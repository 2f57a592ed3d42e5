// SPDX-License-Identifier: Apache-2.0
/// What changed between two versions of a pack: parameters, pathways, priority groups,
/// points indicators and entitlements, each with its citation (`hukou diff`).
public struct PackChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed }

    public let kind: Kind
    /// "parameter", "pathway", "priority_group", "indicator", "entitlement", "pack".
    public let section: String
    public let id: String
    /// The rule's citation (the new one where both exist), or the parameter's source.
    public let citation: String
    /// For changes: which members differ (e.g. "values", "condition").
    public let fields: [String]
}

public enum PackDiff {
    /// Both packs must load; the comparison is on their JSON, member by member.
    public static func diff(old: String, new: String) throws(HukouError) -> [PackChange] {
        let before = try PackLoader.parse(old)
        let after = try PackLoader.parse(new)
        _ = try PackLoader.load(before, byteCount: old.utf8.count) // both must be valid packs
        _ = try PackLoader.load(after, byteCount: new.utf8.count)
        var changes: [PackChange] = []
        let topLevel = ["id", "version", "name", "document", "effective_from", "effective_until", "city_size_class", "districts", "definitions", "residence_permit_conditions", "own_rules_cities"]
        let changedTop = topLevel.filter { before[$0] != after[$0] }
        if !changedTop.isEmpty {
            let citation = after["document"]?["number"].flatMap { if case .string(let s) = $0 { return s } else { return nil } } ?? ""
            changes.append(PackChange(kind: .changed, section: "pack", id: "", citation: citation, fields: changedTop))
        }
        changes += compare(before["parameters"], after["parameters"], section: "parameter", citationKey: "source")
        changes += compare(before["pathways"], after["pathways"], section: "pathway", citationKey: "citation")
        changes += compare(before["priority_groups"], after["priority_groups"], section: "priority_group", citationKey: "citation")
        changes += compare(indicators(before["points"]), indicators(after["points"]), section: "indicator", citationKey: "citation")
        if pointsSettings(before["points"]) != pointsSettings(after["points"]) {
            let citation = after["points"]?["citation"].flatMap { if case .string(let s) = $0 { return s } else { return nil } } ?? ""
            changes.append(PackChange(kind: .changed, section: "points", id: "", citation: citation, fields: ["settings"]))
        }
        changes += compare(before["entitlements"], after["entitlements"], section: "entitlement", citationKey: "citation")
        return changes
    }

    /// Points indicators flattened (groups and either-or included) as an array value.
    private static func indicators(_ points: JSONValue?) -> JSONValue? {
        var result: [JSONValue] = []
        func collect(_ list: JSONValue?) {
            guard case .array(let items)? = list else { return }
            for item in items {
                result.append(item)
                collect(item["indicators"])
            }
        }
        collect(points?["indicators"])
        return .array(result)
    }

    private static func pointsSettings(_ points: JSONValue?) -> JSONValue? {
        guard case .object(let members)? = points else { return nil }
        return .object(members.filter { $0.key != "indicators" })
    }

    private static func compare(_ old: JSONValue?, _ new: JSONValue?, section: String, citationKey: String) -> [PackChange] {
        func byID(_ value: JSONValue?) -> [(String, JSONValue)] {
            guard case .array(let items)? = value else { return [] }
            return items.compactMap { item in
                guard case .string(let id)? = item["id"] else { return nil }
                return (id, item)
            }
        }
        func citation(_ item: JSONValue) -> String {
            if case .string(let text)? = item[citationKey] { return text }
            return ""
        }
        let before = byID(old), after = byID(new)
        var changes: [PackChange] = []
        for (id, item) in after {
            guard let previous = before.first(where: { $0.0 == id })?.1 else {
                changes.append(PackChange(kind: .added, section: section, id: id, citation: citation(item), fields: []))
                continue
            }
            guard previous != item, case .object(let members) = item, case .object(let oldMembers) = previous else { continue }
            var fields: [String] = []
            for member in members where previous[member.key] != member.value { fields.append(member.key) }
            for member in oldMembers where item[member.key] == nil { fields.append(member.key) }
            changes.append(PackChange(kind: .changed, section: section, id: id, citation: citation(item), fields: fields))
        }
        for (id, item) in before where !after.contains(where: { $0.0 == id }) {
            changes.append(PackChange(kind: .removed, section: section, id: id, citation: citation(item), fields: []))
        }
        return changes
    }
}
