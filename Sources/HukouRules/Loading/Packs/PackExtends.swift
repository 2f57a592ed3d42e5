// SPDX-License-Identifier: Apache-2.0
/// Packs that extend packs (docs/packs.md "extends"): `"extends": "wenzhou"` starts from
/// the named pack and overrides it, so a county or city states only what differs from its
/// city or province.
///
/// - Top-level members the child gives replace the parent's, except the id-keyed lists
///   (`parameters`, `facts`, `districts`, `pathways`, `priority_groups`, `entitlements`,
///   `own_rules_cities`) and `definitions`, which merge by id (name): a child element with
///   the parent's id replaces it where it stood, new ones are added at the end.
/// - `"remove": {"pathways": ["id", ...], "districts": true}` drops inherited elements (or
///   definitions, or with `true` the whole member) before the child's are merged in.
/// - `extends`, `remove`, `abstract`, `serial`, `signature` and `comment` are the child's
///   own. An `"abstract": true` pack is only a base for others: no request may name it.
enum PackExtends {
    /// Longest chain of packs extending packs.
    static let maxDepth = 4
    static let keyedLists: [(member: String, key: String)] = [
        ("parameters", "id"), ("facts", "name"), ("districts", "name"), ("pathways", "id"),
        ("priority_groups", "id"), ("entitlements", "id"), ("own_rules_cities", "name"),
    ]
    static let ownMembers: Set<String> = ["extends", "remove", "abstract", "serial", "signature", "comment", "$schema"]

    /// The pack with every `extends` resolved; `parent(id, effectiveFrom)` gives the raw
    /// JSON of a pack by id (the version in force when the child takes effect).
    static func resolve(_ value: JSONValue, parent: (String, String?) -> JSONValue?, depth: Int = 0) throws(HukouError) -> JSONValue {
        guard case .object(let members) = value, let extendsValue = value["extends"] else { return value }
        guard case .string(let parentID) = extendsValue else {
            throw HukouError(.pack, path: "extends", zh: "应为所扩展政策包的 id", en: "expected the id of the pack it extends")
        }
        guard depth < maxDepth else {
            throw HukouError(.pack, path: "extends", zh: "扩展链超过 \(maxDepth) 层（或成环）", en: "packs extend each other more than \(maxDepth) deep (or in a cycle)")
        }
        guard let base = parent(parentID, value["effective_from"]?.stringValue) else {
            throw HukouError(.pack, path: "extends", zh: "找不到所扩展的政策包 \"\(parentID)\"（须先加载）",
                             en: "the pack it extends, \"\(parentID)\", is not loaded (load it first)")
        }
        let resolvedBase = try resolve(base, parent: parent, depth: depth + 1)
        guard case .object(var merged) = resolvedBase else {
            throw HukouError(.pack, path: "extends", zh: "所扩展的政策包不是对象", en: "the pack it extends is not an object")
        }
        merged.removeAll { ownMembers.contains($0.key) }
        // what the child drops goes first, so that what it adds takes the place it gives
        if let remove = value["remove"] {
            merged = try removing(remove, from: merged)
        }
        for member in members where member.key != "remove" && member.key != "extends" {
            if let position = merged.firstIndex(where: { $0.key == member.key }) {
                merged[position].value = try combine(member.key, merged[position].value, member.value)
            } else {
                merged.append(member)
            }
        }
        return .object(merged)
    }

    private static func combine(_ key: String, _ inherited: JSONValue, _ own: JSONValue) throws(HukouError) -> JSONValue {
        if key == "definitions", case .object(var base) = inherited, case .object(let child) = own {
            for member in child {
                if let position = base.firstIndex(where: { $0.key == member.key }) { base[position] = member } else { base.append(member) }
            }
            return .object(base)
        }
        guard let list = keyedLists.first(where: { $0.member == key }), case .array(var base) = inherited, case .array(let child) = own else {
            return own
        }
        for element in child {
            if let id = element[list.key]?.stringValue, let position = base.firstIndex(where: { $0[list.key]?.stringValue == id }) {
                base[position] = element
            } else {
                base.append(element)
            }
        }
        return .array(base)
    }

    private static func removing(_ remove: JSONValue, from members: [JSONMember]) throws(HukouError) -> [JSONMember] {
        var reader = try ObjectReader(remove, path: "remove", status: .pack)
        var result = members
        for key in reader.keys {
            guard let position = result.firstIndex(where: { $0.key == key }) else {
                throw HukouError(.pack, path: "remove.\(key)", zh: "所扩展的政策包没有 \(key)", en: "the pack it extends has no \(key)")
            }
            // `true`: the whole member (e.g. the city's districts, for a county)
            if case .bool(true)? = reader.value(key) {
                result.remove(at: position)
                continue
            }
            let ids = try PackLoader.strings(&reader, key)
            let listKey = keyedLists.first { $0.member == key }?.key
            for (index, id) in ids.enumerated() {
                switch result[position].value {
                case .object(var definitions) where key == "definitions":
                    guard let at = definitions.firstIndex(where: { $0.key == id }) else { throw missing(key, index, id) }
                    definitions.remove(at: at)
                    result[position].value = .object(definitions)
                case .array(var elements) where listKey != nil:
                    guard let at = elements.firstIndex(where: { $0[listKey ?? "id"]?.stringValue == id }) else { throw missing(key, index, id) }
                    elements.remove(at: at)
                    result[position].value = .array(elements)
                default:
                    throw HukouError(.pack, path: "remove.\(key)", zh: "只能移除按 id 列出的元素或定义", en: "only elements of id-keyed lists or definitions can be removed")
                }
            }
        }
        return result
    }

    private static func missing(_ key: String, _ index: Int, _ id: String) -> HukouError {
        HukouError(.pack, path: "remove.\(key)[\(index)]", zh: "所扩展的政策包中没有 \"\(id)\"", en: "the pack it extends has no \"\(id)\"")
    }

    /// The raw JSON of an embedded pack by id: the latest version in force when the child
    /// takes effect (else the latest).
    static func embedded(_ id: String, _ effectiveFrom: String?) -> JSONValue? {
        let versions = EmbeddedPacks.all.filter { $0.id == id }.sorted { $0.effectiveFromText < $1.effectiveFromText }
        let chosen = versions.last { effectiveFrom == nil || $0.effectiveFromText <= (effectiveFrom ?? "") } ?? versions.last
        guard let chosen else { return nil }
        return try? JSONParser.parse(chosen.json)
    }
}
