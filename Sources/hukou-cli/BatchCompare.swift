// SPDX-License-Identifier: Apache-2.0
import HukouRules

/// Which clauses differ between the two packs of `hukou batch --compare`, per pathway: the
/// pathway's own changes (`hukou diff`), and changed parameters and definitions that its
/// condition reads (directly or through definitions it refers to).
enum BatchCompare {
    static func clauses(old: String, new: String) -> [String: [ClauseChange]] {
        guard let changes = try? PackDiff.diff(old: old, new: new),
              let before = try? JSONParser.parse(old), let after = try? JSONParser.parse(new) else { return [:] }
        var changedDefinitions: [String] = []
        if case .object(let members)? = after["definitions"] {
            for member in members where before["definitions"]?[member.key] != member.value { changedDefinitions.append(member.key) }
        }
        if case .object(let members)? = before["definitions"] {
            for member in members where after["definitions"]?[member.key] == nil { changedDefinitions.append(member.key) }
        }
        var result: [String: [ClauseChange]] = [:]
        for pack in [after, before] {
            for pathway in pack["pathways"]?.elements ?? [] {
                guard let id = pathway["id"]?.stringValue else { continue }
                var params = Set<String>(), refs = Set<String>()
                references(pathway["condition"], definitions: pack["definitions"], params: &params, refs: &refs, depth: 0)
                var list = result[id] ?? []
                func add(_ change: ClauseChange) { if !list.contains(change) { list.append(change) } }
                for change in changes {
                    if (change.section == "pathway" && change.id == id) || (change.section == "parameter" && params.contains(change.id)) {
                        add(ClauseChange(kind: change.kind.rawValue, section: change.section, id: change.id, citation: change.citation, fields: change.fields))
                    }
                }
                for definition in changedDefinitions where refs.contains(definition) {
                    let citation = (after["definitions"]?[definition] ?? before["definitions"]?[definition])?["citation"]?.stringValue ?? ""
                    add(ClauseChange(kind: "changed", section: "definition", id: definition, citation: citation, fields: []))
                }
                result[id] = list
            }
        }
        return result.filter { !$0.value.isEmpty }
    }

    /// Parameter ids and definition names a condition reads, following `ref`s (bounded depth).
    private static func references(_ node: JSONValue?, definitions: JSONValue?, params: inout Set<String>, refs: inout Set<String>, depth: Int) {
        guard let node, depth < 32 else { return }
        switch node {
        case .object(let members):
            for member in members {
                if member.key == "param", let id = member.value.stringValue { params.insert(id) }
                if member.key == "ref", let name = member.value.stringValue, refs.insert(name).inserted {
                    references(definitions?[name], definitions: definitions, params: &params, refs: &refs, depth: depth + 1)
                }
                references(member.value, definitions: definitions, params: &params, refs: &refs, depth: depth + 1)
            }
        case .array(let items):
            for item in items { references(item, definitions: definitions, params: &params, refs: &refs, depth: depth + 1) }
        default:
            return
        }
    }
}
