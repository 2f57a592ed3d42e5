// SPDX-License-Identifier: Apache-2.0
/// Reads the members of one JSON object with typed accessors that name the field (as a
/// JSON path) and what was expected when the input is wrong, and rejects members the
/// schema does not know (call ``finish()`` after the last read).
public struct ObjectReader {
    public let path: String
    private let members: [JSONMember]
    /// Which members have been read, by position: bit i of `consumedLow` for the first 64,
    /// `consumedHigh` (allocated only for larger objects) for the rest. Kept by position
    /// rather than in a Set of names: hashing every name read was a third of the cost of
    /// reading a request (docs/benchmarks.md).
    private var consumedLow: UInt64 = 0
    private var consumedHigh: [Bool] = []
    /// Where the next lookup starts: readers ask for fields mostly in document order.
    private var hint = 0
    private let status: HukouStatus
    /// In packs only: the member names asked for, to suggest the nearest to an unknown one.
    private var asked: [String] = []

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
        if status == .pack { asked.append(key) }
        guard let index = position(of: key) else { return nil }
        markConsumed(index)
        hint = index + 1
        let value = members[index].value
        if case .null = value { return nil }
        return value
    }

    public func has(_ key: String) -> Bool {
        position(of: key) != nil
    }

    /// Member names match when their UTF-8 bytes are equal (RFC 8259 §8.3); comparing the
    /// byte counts first rejects most other names without a string comparison.
    @inline(__always)
    private static func sameName(_ name: String, _ key: String) -> Bool {
        name.utf8.count == key.utf8.count && name == key
    }

    /// Position of the member named `key`, searching from ``hint`` and wrapping around.
    private func position(of key: String) -> Int? {
        let count = members.count
        let start = hint < count ? hint : 0
        var index = start
        while index < count {
            if Self.sameName(members[index].key, key) { return index }
            index += 1
        }
        index = 0
        while index < start {
            if Self.sameName(members[index].key, key) { return index }
            index += 1
        }
        return nil
    }

    private mutating func markConsumed(_ index: Int) {
        if index < 64 {
            consumedLow |= (1 as UInt64) << UInt64(index)
        } else {
            if consumedHigh.isEmpty { consumedHigh = Array(repeating: false, count: members.count - 64) }
            consumedHigh[index - 64] = true
        }
    }

    private func isConsumed(_ index: Int) -> Bool {
        if index < 64 { return consumedLow & ((1 as UInt64) << UInt64(index)) != 0 }
        return index - 64 < consumedHigh.count && consumedHigh[index - 64]
    }

    /// Whether the member at `index`, or another member of the same name (possible only in
    /// a value built in code: the parser rejects duplicates), has been read.
    private func isRead(_ index: Int) -> Bool {
        if isConsumed(index) { return true }
        let key = members[index].key
        for other in members.indices where other != index && isConsumed(other) && Self.sameName(members[other].key, key) {
            return true
        }
        return false
    }

    public func fail(_ key: String, zh: String, en: String) -> HukouError {
        HukouError(status, path: childPath(key), zh: zh, en: en)
    }

    public mutating func require(_ key: String) throws(HukouError) -> JSONValue {
        guard let value = value(key) else {
            let found = misspelt(key)
            throw fail(key, zh: "缺少必填字段\(found.zh)", en: "required field is missing\(found.en)")
        }
        return value
    }

    /// In a pack: an unread member whose name is near `key` (" (found `conditon`: did you
    /// mean `condition`?)"), else "".
    private func misspelt(_ key: String) -> (zh: String, en: String) {
        guard status == .pack else { return ("", "") }
        for (position, member) in members.enumerated() where !isRead(position) && Suggest.nearest(member.key, [key]) == key {
            return ("（有字段 `\(member.key)`：是否应为 `\(key)`？）", " (found `\(member.key)`: did you mean `\(key)`?)")
        }
        return ("", "")
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
            let found = misspelt(key)
            throw fail(key, zh: "缺少必填字段（字符串）\(found.zh)", en: "required field is missing (a string)\(found.en)")
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
            let found = misspelt(key)
            throw fail(key, zh: "缺少必填字段（{\"zh\",\"en\"} 文本）\(found.zh)", en: "required field is missing (a {\"zh\",\"en\"} text)\(found.en)")
        }
        return text
    }

    /// Rejects any member that was not read. In a request, a member name that is not a
    /// schema field name is shown by position only (``MemberName``): it may be personal data.
    public func finish() throws(HukouError) {
        for (position, member) in members.enumerated() where !isRead(position) {
            if status == .pack {
                let near = Suggest.nearest(member.key, asked)
                throw HukouError(status, path: childPath(member.key), zh: "未知字段（请检查拼写）" + (near.map { "：是否应为 `\($0)`？" } ?? ""),
                                 en: "unknown field (check the spelling)" + (near.map { "; did you mean `\($0)`?" } ?? ""))
            }
            let text = MemberName.unknownField(member.key)
            throw HukouError(status, path: childPath(MemberName.shown(member.key, position: position + 1)), zh: text.zh, en: text.en)
        }
    }
}
