/// Reads the members of one JSON object with typed accessors that name the field (as a
/// JSON path) and what was expected when the input is wrong, and rejects members the
/// schema does not know (call ``finish()`` after the last read).
public struct ObjectReader {
    public let path: String
    private let members: [JSONMember]
    private var consumed: Set<String> = []
    private let status: HukouStatus

    /// - Parameter status: the status of errors (`.invalid` for requests, `.pack` for packs).
    public init(_ value: JSONValue, path: String, status: HukouStatus = .invalid) throws(HukouError) {
        guard case .object(let members) = value else {
            throw HukouError(status, path: path, zh: "应为 JSON 对象，实际为 \(value.typeName)",
                             en: "expected an object, found \(value.typeName)")
        }
        self.path = path
        self.members = members
        self.status = status
    }

    public func childPath(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    public var keys: [String] { members.map(\.key) }

    /// The raw value of `key`; nil when absent or JSON null (an explicit null means
    /// "not known", like an absent member).
    public mutating func value(_ key: String) -> JSONValue? {
        consumed.insert(key)
        for member in members where member.key == key {
            if case .null = member.value { return nil }
            return member.value
        }
        return nil
    }

    public func has(_ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    public func fail(_ key: String, zh: String, en: String) -> HukouError {
        HukouError(status, path: childPath(key), zh: zh, en: en)
    }

    public mutating func require(_ key: String) throws(HukouError) -> JSONValue {
        guard let value = value(key) else {
            throw fail(key, zh: "缺少必填字段", en: "required field is missing")
        }
        return value
    }

    public mutating func string(_ key: String) throws(HukouError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw fail(key, zh: "应为字符串，实际为 \(value.typeName)", en: "expected a string, found \(value.typeName)")
        }
        return text
    }

    public mutating func requiredString(_ key: String) throws(HukouError) -> String {
        guard let text = try string(key) else {
            throw fail(key, zh: "缺少必填字段（字符串）", en: "required field is missing (a string)")
        }
        return text
    }

    public mutating func bool(_ key: String) throws(HukouError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw fail(key, zh: "应为 true 或 false，实际为 \(value.typeName)", en: "expected true or false, found \(value.typeName)")
        }
        return flag
    }

    /// An integer within `range` (a number with a fraction is refused).
    public mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(HukouError) -> Int? {
        guard let value = value(key) else { return nil }
        let number: Int64
        switch value {
        case .integer(let n): number = n
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: number = Int64(d)
        default:
            throw fail(key, zh: "应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，实际为 \(value.typeName)",
                       en: "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(value.typeName)")
        }
        guard number >= Int64(range.lowerBound), number <= Int64(range.upperBound) else {
            throw fail(key, zh: "应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数",
                       en: "expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(number)
    }

    public mutating func number(_ key: String) throws(HukouError) -> Double? {
        guard let value = value(key) else { return nil }
        switch value {
        case .integer(let n): return Double(n)
        case .double(let d): return d
        default:
            throw fail(key, zh: "应为数字，实际为 \(value.typeName)", en: "expected a number, found \(value.typeName)")
        }
    }

    /// A date "YYYY-MM-DD" that exists in the calendar, years 1900–2200.
    public mutating func date(_ key: String) throws(HukouError) -> CivilDate? {
        guard let text = try string(key) else { return nil }
        guard let date = CivilDate(iso: text) else {
            throw fail(key, zh: "应为存在的日期 YYYY-MM-DD（1900–2200 年）", en: "expected an existing date YYYY-MM-DD (years 1900–2200)")
        }
        return date
    }

    /// One of `allowed` (an enumeration value).
    public mutating func choice(_ key: String, _ allowed: [String]) throws(HukouError) -> String? {
        guard let text = try string(key) else { return nil }
        guard allowed.contains(text) else {
            let list = allowed.joined(separator: ", ")
            throw fail(key, zh: "应为以下之一：\(list)", en: "expected one of: \(list)")
        }
        return text
    }

    public mutating func object(_ key: String) throws(HukouError) -> ObjectReader? {
        guard let value = value(key) else { return nil }
        return try ObjectReader(value, path: childPath(key), status: status)
    }

    public mutating func array(_ key: String) throws(HukouError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value else {
            throw fail(key, zh: "应为数组，实际为 \(value.typeName)", en: "expected an array, found \(value.typeName)")
        }
        return elements
    }

    /// A bilingual text: {"zh": "...", "en": "..."}.
    public mutating func text(_ key: String) throws(HukouError) -> LocalizedText? {
        guard var reader = try object(key) else { return nil }
        let zh = try reader.requiredString("zh")
        let en = try reader.requiredString("en")
        try reader.finish()
        return LocalizedText(zh: zh, en: en)
    }

    public mutating func requiredText(_ key: String) throws(HukouError) -> LocalizedText {
        guard let text = try text(key) else {
            throw fail(key, zh: "缺少必填字段（{\"zh\",\"en\"} 文本）", en: "required field is missing (a {\"zh\",\"en\"} text)")
        }
        return text
    }

    /// Rejects any member that was not read.
    public func finish() throws(HukouError) {
        for member in members where !consumed.contains(member.key) {
            throw HukouError(status, path: childPath(member.key), zh: "未知字段（请检查拼写）",
                             en: "unknown field (check the spelling)")
        }
    }
}
