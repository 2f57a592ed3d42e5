// SPDX-License-Identifier: Apache-2.0
/// JSON Merge Patch (RFC 7396), how a case states only what it changes in a base request
/// or pack: an object's members replace or extend the base's members (recursively for
/// objects), `null` removes a member, and anything else (a text, a number, a list)
/// replaces the base's value whole.
///
/// One extension, so that a case can change one element of a list without restating the
/// list: a key `name[id]` patches the element of list `name` whose `id` is `id`, and
/// `name[2]` the element at index 2 (`parameters[urban_social_insurance_months]`,
/// `family[0]`). An element not found is appended (with that id).
public enum MergePatch {
    /// The deepest nesting a patch may have (a bound on the work of one call).
    public static let maxDepth = 64

    public static func apply(_ patch: JSONValue, to base: JSONValue) -> JSONValue {
        apply(patch, to: base, depth: 0)
    }

    private static func apply(_ patch: JSONValue, to base: JSONValue, depth: Int) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        guard depth < maxDepth else { return patch }
        var members: [JSONMember]
        if case .object(let existing) = base { members = existing } else { members = [] }
        for change in changes {
            if let (name, selector) = elementKey(change.key) {
                let index = members.firstIndex { $0.key == name }
                var elements = index.flatMap { members[$0].value.elements } ?? []
                patchElement(&elements, selector: selector, with: change.value, depth: depth)
                if let index { members[index].value = .array(elements) } else { members.append(JSONMember(name, .array(elements))) }
                continue
            }
            let index = members.firstIndex { $0.key == change.key }
            if case .null = change.value {
                if let index { members.remove(at: index) }
            } else if let index {
                members[index].value = apply(change.value, to: members[index].value, depth: depth + 1)
            } else {
                members.append(JSONMember(change.key, apply(change.value, to: .null, depth: depth + 1)))
            }
        }
        return .object(members)
    }

    private static func patchElement(_ elements: inout [JSONValue], selector: String, with patch: JSONValue, depth: Int) {
        if let position = Int(selector), position >= 0 {
            if elements.indices.contains(position) {
                if case .null = patch { elements.remove(at: position) } else { elements[position] = apply(patch, to: elements[position], depth: depth + 1) }
            } else if patch != .null {
                elements.append(apply(patch, to: .null, depth: depth + 1))
            }
            return
        }
        if let position = elements.firstIndex(where: { $0["id"]?.stringValue == selector }) {
            if case .null = patch { elements.remove(at: position) } else { elements[position] = apply(patch, to: elements[position], depth: depth + 1) }
        } else if patch != .null {
            elements.append(apply(patch, to: .object([JSONMember("id", .string(selector))]), depth: depth + 1))
        }
    }

    /// `name[selector]` split, or nil for a plain key.
    private static func elementKey(_ key: String) -> (String, String)? {
        guard key.hasSuffix("]"), let open = key.firstIndex(of: "["), open != key.startIndex else { return nil }
        let name = String(key[..<open])
        let selector = String(key[key.index(after: open)..<key.index(before: key.endIndex)])
        guard !selector.isEmpty, !selector.contains("["), !selector.contains("]") else { return nil }
        return (name, selector)
    }
}
