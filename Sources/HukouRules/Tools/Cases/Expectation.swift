// SPDX-License-Identifier: Apache-2.0
/// What a case expects at one path of an answer.
///
/// Written in a case file as `path: value`. A plain value (text, number, true/false, a
/// list) must equal the answer's value; a one-member object names a check instead:
///
/// | written                         | passes when the value at the path …                       |
/// |---------------------------------|-----------------------------------------------------------|
/// | `{contains: X}`                 | is a list holding X (an object X: an element having X's members), or a text containing X; a list X: all of them |
/// | `{starts_with: "…"}`            | is a text beginning with it                                |
/// | `{count: N}`                    | is a list (or object) of N elements                        |
/// | `{absent: true}`                | does not exist (`{absent: false}`: exists)                 |
/// | `{not: X}`                      | is anything but X (X may be a check itself)                |
/// | `{equals: X}`                   | equals X, even when X is itself a one-member object        |
///
/// Numbers compare by value (5 equals 5.0).
public indirect enum Expectation: Sendable, Equatable {
    case equals(JSONValue)
    case contains(JSONValue)
    case startsWith(String)
    case count(Int)
    case absent(Bool)
    case not(Expectation)

    /// The check names of a one-member object.
    public static let checkNames = ["contains", "starts_with", "count", "absent", "not", "equals"]

    /// Reads an expectation as written in a case file; `path` names it in errors.
    public static func read(_ value: JSONValue, path: String) throws(CaseFileError) -> Expectation {
        guard case .object(let members) = value, members.count == 1, let member = members.first,
              checkNames.contains(member.key) else {
            return .equals(value)
        }
        let inner = member.value
        switch member.key {
        case "contains": return .contains(inner)
        case "starts_with":
            guard let text = inner.stringValue else { throw CaseFileError(path + ".starts_with", "expected a text") }
            return .startsWith(text)
        case "count":
            guard let number = inner.intValue, number >= 0 else { throw CaseFileError(path + ".count", "expected a whole number ≥ 0") }
            return .count(number)
        case "absent":
            guard let flag = inner.boolValue else { throw CaseFileError(path + ".absent", "expected true or false") }
            return .absent(flag)
        case "not": return .not(try read(inner, path: path + ".not"))
        default: return .equals(inner)
        }
    }

    /// Whether `actual` (nil: nothing at the path) meets this expectation.
    public func isMet(by actual: JSONValue?) -> Bool {
        switch self {
        case .equals(let expected):
            guard let actual else { return false }
            return Self.same(expected, actual)
        case .contains(let expected):
            guard let actual else { return false }
            if case .string(let text) = actual, let part = expected.stringValue { return text.contains(part) }
            guard let elements = actual.elements else { return false }
            let wanted = expected.elements ?? [expected]
            return wanted.allSatisfy { want in elements.contains { Self.covers(want, $0) } }
        case .startsWith(let prefix):
            return actual?.stringValue?.hasPrefix(prefix) ?? false
        case .count(let number):
            switch actual {
            case .array(let elements)?: return elements.count == number
            case .object(let members)?: return members.count == number
            default: return false
            }
        case .absent(let flag):
            return (actual == nil) == flag
        case .not(let inner):
            return !inner.isMet(by: actual)
        }
    }

    /// The expectation in words, for a failure line ("eligible", "a list containing x").
    public var summary: String {
        switch self {
        case .equals(let value): return Self.show(value)
        case .contains(let value): return "containing " + Self.show(value)
        case .startsWith(let prefix): return "starting with " + prefix
        case .count(let number): return "\(number) element" + (number == 1 ? "" : "s")
        case .absent(let flag): return flag ? "(absent)" : "(present)"
        case .not(let inner): return "not " + inner.summary
        }
    }

    /// A value as a failure line shows it: text bare, anything else as JSON.
    public static func show(_ value: JSONValue?) -> String {
        guard let value else { return "(absent)" }
        if case .string(let text) = value { return text.isEmpty ? "\"\"" : text }
        return JSONWriter.string(value)
    }

    /// Equality with numbers compared by value.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.integer(let x), .double(let y)), (.double(let y), .integer(let x)): return Double(x) == y
        case (.array(let xs), .array(let ys)): return xs.count == ys.count && zip(xs, ys).allSatisfy { same($0, $1) }
        case (.object(let xs), .object(let ys)):
            return xs.count == ys.count && xs.allSatisfy { member in ys.contains { $0.key == member.key && same(member.value, $0.value) } }
        default: return a == b
        }
    }

    /// Whether an element of a list matches a `contains` item: objects by the members given.
    static func covers(_ wanted: JSONValue, _ element: JSONValue) -> Bool {
        if case .object(let members) = wanted, case .object = element {
            return members.allSatisfy { member in element[member.key].map { same(member.value, $0) } ?? false }
        }
        return same(wanted, element)
    }
}
