// SPDX-License-Identifier: Apache-2.0
/// Every problem in a pack, not only the first: the loader stops at the first mistake, so
/// each problem found is set aside (the smallest enclosing list element, else the member,
/// is taken out of a copy of the pack) and the pack is read again, until it loads or
/// ``maxProblems`` are found. Paths are those of the pack as written (indices of later
/// elements are not shifted by what was set aside). Problems that only follow from
/// setting one aside (an emptied list, a reference to a removed parameter) are not reported.
enum PackProblems {
    static let maxProblems = 50

    enum Component: Equatable {
        case key(String)
        case index(Int)
    }

    /// The problems, in the order found (the loader's order); empty when the pack loads.
    static func find(_ value: JSONValue) -> [HukouError] {
        var current = value
        var problems: [HukouError] = []
        /// Original indices set aside, by the original path of their array.
        var removed: [String: [Int]] = [:]
        var removedPaths: [String] = []
        var removedNames: [String] = []
        // Duplicate ids first: setting an element aside could hide that two others clash.
        for problem in duplicates(value) where problems.count < maxProblems { problems.append(problem) }
        for _ in 0..<(maxProblems * 4) {
            do throws(HukouError) {
                _ = try PackLoader.loadOnce(current, byteCount: 0)
                return problems
            } catch {
                guard error.status == .pack else {
                    if problems.isEmpty { problems.append(error) }
                    return problems
                }
                let components = parse(error.path)
                let original = toOriginal(components, removed)
                let originalPath = render(original)
                let artifact = removedPaths.contains { $0 == originalPath || $0.hasPrefix(originalPath + ".") || $0.hasPrefix(originalPath + "[") }
                    || removedNames.contains { error.message.en.contains("\"\($0)\"") }
                if !artifact, !problems.contains(where: { $0.path == originalPath && $0.message == error.message }) {
                    var reported = error
                    reported.path = originalPath
                    problems.append(reported)
                    if problems.count >= maxProblems { return problems }
                }
                guard let target = removalTarget(components, in: current) else { return problems }
                let targetOriginal = toOriginal(target, removed)
                removedPaths.append(render(targetOriginal))
                if let name = declaredName(at: target, in: current) { removedNames.append(name) }
                if case .index(let index)? = targetOriginal.last {
                    removed[render(Array(targetOriginal.dropLast())), default: []].append(index)
                }
                guard let next = removing(target, from: current) else { return problems }
                current = next
            }
        }
        return problems
    }

    /// Lists whose elements must have distinct ids (names, for facts).
    static let identified: [(path: [String], key: String, zh: String, en: String)] = [
        (["parameters"], "id", "参数 id 重复", "duplicate parameter id"),
        (["facts"], "name", "事实名重复", "duplicate fact name"),
        (["pathways"], "id", "途径 id 重复", "duplicate pathway id"),
        (["priority_groups"], "id", "重点群体 id 重复", "duplicate priority group id"),
        (["entitlements"], "id", "权益规则 id 重复", "duplicate entitlement id"),
        (["points", "indicators"], "id", "指标 id 重复", "duplicate indicator id"),
    ]

    static func duplicates(_ value: JSONValue) -> [HukouError] {
        var result: [HukouError] = []
        for list in identified {
            var node: JSONValue? = value
            for key in list.path { node = node?[key] }
            guard let elements = node?.elements else { continue }
            var seen: Set<String> = []
            for (index, element) in elements.enumerated() {
                guard let id = element[list.key]?.stringValue else { continue }
                if !seen.insert(id).inserted {
                    result.append(HukouError(.pack, path: list.path.joined(separator: ".") + "[\(index)].\(list.key)", zh: list.zh, en: list.en))
                }
            }
        }
        return result
    }

    /// "pathways[0].condition.all[1]" → key pathways, index 0, key condition, key all, index 1.
    static func parse(_ path: String) -> [Component] {
        var result: [Component] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: true) {
            var text = Substring(part)
            var indices: [Int] = []
            while text.hasSuffix("]"), let open = text.lastIndex(of: "["), let number = Int(text[text.index(after: open)..<text.index(before: text.endIndex)]) {
                indices.insert(number, at: 0)
                text = text[..<open]
            }
            if !text.isEmpty { result.append(.key(String(text))) }
            result += indices.map(Component.index)
        }
        return result
    }

    static func render(_ components: [Component]) -> String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Current indices → indices in the pack as written.
    static func toOriginal(_ components: [Component], _ removed: [String: [Int]]) -> [Component] {
        var result: [Component] = []
        for component in components {
            guard case .index(let current) = component else { result.append(component); continue }
            let gone = Set(removed[render(result)] ?? [])
            var original = -1, seen = -1
            while seen < current {
                original += 1
                if !gone.contains(original) { seen += 1 }
            }
            result.append(.index(original))
        }
        return result
    }

    /// The deepest list element on the path that exists, else the deepest member that exists.
    static func removalTarget(_ components: [Component], in value: JSONValue) -> [Component]? {
        var node = value
        var existing: [Component] = []
        for component in components {
            guard let child = child(node, component) else { break }
            existing.append(component)
            node = child
        }
        if let last = existing.lastIndex(where: { if case .index = $0 { return true } else { return false } }) {
            return Array(existing[...last])
        }
        return existing.isEmpty ? nil : existing
    }

    /// The id or name of the parameter, fact or definition at `target` (its references become artifacts).
    static func declaredName(at target: [Component], in value: JSONValue) -> String? {
        guard let first = target.first, case .key(let section) = first else { return nil }
        if section == "definitions", target.count == 2, case .key(let key) = target[1] { return key }
        guard ["parameters", "facts"].contains(section), target.count == 2 else { return nil }
        var node = value
        for component in target { guard let next = child(node, component) else { return nil }; node = next }
        return node["id"]?.stringValue ?? node["name"]?.stringValue
    }

    static func child(_ value: JSONValue, _ component: Component) -> JSONValue? {
        switch (value, component) {
        case (.object(let members), .key(let key)): return members.first { $0.key == key }?.value
        case (.array(let elements), .index(let index)): return elements.indices.contains(index) ? elements[index] : nil
        default: return nil
        }
    }

    static func removing(_ path: [Component], from value: JSONValue) -> JSONValue? {
        guard let first = path.first else { return nil }
        let rest = Array(path.dropFirst())
        switch (value, first) {
        case (.object(var members), .key(let key)):
            guard let position = members.firstIndex(where: { $0.key == key }) else { return nil }
            if rest.isEmpty {
                members.remove(at: position)
            } else {
                guard let changed = removing(rest, from: members[position].value) else { return nil }
                members[position].value = changed
            }
            return .object(members)
        case (.array(var elements), .index(let index)):
            guard elements.indices.contains(index) else { return nil }
            if rest.isEmpty {
                elements.remove(at: index)
            } else {
                guard let changed = removing(rest, from: elements[index]) else { return nil }
                elements[index] = changed
            }
            return .array(elements)
        default:
            return nil
        }
    }

    /// The first problem, with the others (up to a few) named after it.
    static func combined(_ problems: [HukouError], first: HukouError) -> HukouError {
        let others = problems.filter { !($0.path == first.path && $0.message == first.message) }
        guard !others.isEmpty else { return first }
        let shown = others.prefix(9)
        let listZh = shown.map { $0.describe(.zhCN) }.joined(separator: "；")
        let listEn = shown.map { $0.describe(.en) }.joined(separator: "; ")
        let more = others.count > shown.count ? (zh: "；等共 \(others.count + 1) 处", en: "; \(others.count + 1) in all") : (zh: "", en: "")
        var error = first
        error.message = LocalizedText(zh: first.message.zh + "（另有 \(others.count) 处问题：\(listZh)\(more.zh)）",
                                      en: first.message.en + " (and \(others.count) more: \(listEn)\(more.en))")
        return error
    }
}
