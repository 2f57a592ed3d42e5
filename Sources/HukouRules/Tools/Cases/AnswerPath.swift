// SPDX-License-Identifier: Apache-2.0
/// A place in an answer, written the way policy staff read it:
/// `pathways[county_town].result`, `people[1].items[anyang.schooling.zhongkao].result`,
/// `breakdown[age].points`, `followers[*].result`, `shortfalls[0].met_on`.
///
/// Grammar: members separated by `.`, each optionally followed by selectors in brackets:
/// - `[3]` the element at that index (0 is the first);
/// - `[*]` every element: the rest of the path is read on each, giving a list;
/// - `[key=value]` the first element whose member `key` is the text or number `value`;
/// - `[some.id]` the element whose `id` is `some.id` (searched in nested `parts` and
///   `indicators` too, so an indicator inside a group is found by its id alone).
///
/// A selector may contain dots (`items[anyang.housing_fund.transfer]`); a path may begin
/// with a selector when the answer itself is a list.
public struct AnswerPath: Sendable, Equatable, CustomStringConvertible {
    public enum Step: Sendable, Equatable {
        case member(String)
        case index(Int)
        case every
        case id(String)
        case field(String, String)
    }

    public let steps: [Step]
    public let description: String

    /// The longest path text accepted (a bound on the work of parsing one).
    public static let maxLength = 1024

    /// Parses `text`; nil when it is empty, unbalanced or too long.
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= Self.maxLength else { return nil }
        var steps: [Step] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        var afterSelector = false
        while i < chars.count {
            let c = chars[i]
            if c == "." {
                if current.isEmpty && !afterSelector { return nil }
                if !current.isEmpty { steps.append(.member(current)); current = "" }
                afterSelector = false
                i += 1
                // a path may not end with a dot
                if i == chars.count { return nil }
            } else if c == "[" {
                if !current.isEmpty { steps.append(.member(current)); current = "" }
                guard let close = chars[(i + 1)...].firstIndex(of: "]") else { return nil }
                let inner = String(chars[(i + 1)..<close]).trimmingSpaces
                guard !inner.isEmpty else { return nil }
                if inner == "*" {
                    steps.append(.every)
                } else if let number = Int(inner), number >= 0 {
                    steps.append(.index(number))
                } else if let equals = inner.firstIndex(of: "=") {
                    let key = String(inner[..<equals]).trimmingSpaces
                    let value = String(inner[inner.index(after: equals)...]).trimmingSpaces
                    guard !key.isEmpty else { return nil }
                    steps.append(.field(key, value))
                } else {
                    steps.append(.id(inner))
                }
                i = close + 1
                afterSelector = true
                if i < chars.count, chars[i] != ".", chars[i] != "[" { return nil }
            } else if c == "]" {
                return nil
            } else {
                if afterSelector { return nil }
                current.append(c)
                i += 1
            }
        }
        if !current.isEmpty { steps.append(.member(current)) }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
        self.description = text
    }

    /// The value at this path in `answer`, or nil when there is none.
    public func resolve(in answer: JSONValue) -> JSONValue? {
        Self.resolve(steps[...], in: answer)
    }

    private static func resolve(_ steps: ArraySlice<Step>, in value: JSONValue) -> JSONValue? {
        guard let step = steps.first else { return value }
        let rest = steps.dropFirst()
        switch step {
        case .member(let name):
            guard let next = value[name] else { return nil }
            return resolve(rest, in: next)
        case .index(let index):
            guard let elements = value.elements, elements.indices.contains(index) else { return nil }
            return resolve(rest, in: elements[index])
        case .every:
            guard let elements = value.elements else { return nil }
            return .array(elements.map { resolve(rest, in: $0) ?? .null })
        case .id(let id):
            guard let elements = value.elements, let found = findID(id, in: elements, depth: 0) else { return nil }
            return resolve(rest, in: found)
        case .field(let key, let text):
            guard let elements = value.elements else { return nil }
            guard let found = elements.first(where: { $0[key].map { matchesText($0, text) } ?? false }) else { return nil }
            return resolve(rest, in: found)
        }
    }

    /// Nested lists searched for an id (points groups keep their indicators in `parts`).
    private static let nestedLists = ["parts", "indicators"]

    private static func findID(_ id: String, in elements: [JSONValue], depth: Int) -> JSONValue? {
        if let direct = elements.first(where: { $0["id"]?.stringValue == id }) { return direct }
        guard depth < 8 else { return nil }
        for element in elements {
            for key in nestedLists {
                if let nested = element[key]?.elements, let found = findID(id, in: nested, depth: depth + 1) { return found }
            }
        }
        return nil
    }

    private static func matchesText(_ value: JSONValue, _ text: String) -> Bool {
        switch value {
        case .string(let string): return string == text
        case .integer(let number): return String(number) == text
        case .bool(let flag): return (flag ? "true" : "false") == text
        default: return false
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
