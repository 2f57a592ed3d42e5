// SPDX-License-Identifier: Apache-2.0
/// A pack parameter: a number or list whose value depends on the date, with its source
/// and whether the documents leave it open (provisional).
public struct Parameter: Sendable {
    public enum Value: Sendable, Equatable {
        case integer(Int)
        case strings([String])
    }

    public struct Dated: Sendable {
        public let from: CivilDate
        public let value: Value
        /// Where this dated value comes from (document and article, or "secondary: ...").
        public let source: String?
        /// This value is provisional even if the parameter is not (e.g. an age from the date a
        /// gradual raise that is not encoded starts).
        public var provisional: Bool = false
        /// The real value is not known but is at least this one (`"at_least": true`: e.g. a
        /// statutory age that a gradual raise not encoded can only raise): comparisons whose
        /// outcome a higher value cannot change are not provisional.
        public var atLeast: Bool = false
    }

    public let id: String
    public let label: LocalizedText?
    public let unit: FactUnit?
    public let provisional: Bool
    public let source: String
    public let note: LocalizedText?
    /// Sorted by `from`, ascending; never empty.
    public let values: [Dated]

    /// The value in force on `date`: the latest whose `from` is not after it, else the earliest.
    public func dated(on date: CivilDate) -> Dated {
        var chosen = values[0]
        for candidate in values where candidate.from <= date { chosen = candidate }
        return chosen
    }

    public func value(on date: CivilDate) -> Value { dated(on: date).value }

    /// Whether the value in force on `date` is provisional (the parameter's flag, or the dated value's).
    public func isProvisional(on date: CivilDate) -> Bool { provisional || dated(on: date).provisional }
}

/// Integers in packs stay within this range, so no rule arithmetic can overflow.
public let packIntegerRange: ClosedRange<Int> = -1_000_000...1_000_000

extension Parameter {
    static func read(_ value: JSONValue, path: String) throws(HukouError) -> Parameter {
        var reader = try ObjectReader(value, path: path, status: .pack)
        let id = try reader.requiredString("id")
        let label = try reader.text("label")
        let unit = try reader.choice("unit", ["months", "years", "count"]).flatMap(FactUnit.init(rawValue:))
        let provisional = try reader.bool("provisional") ?? false
        let source = try reader.requiredString("source")
        let note = try reader.text("note")
        guard let list = try reader.array("values"), !list.isEmpty else {
            throw reader.fail("values", zh: "应为非空数组：[{\"from\": 日期, \"value\": 值}]", en: "expected a non-empty array of {\"from\": date, \"value\": value}")
        }
        var values: [Dated] = []
        for (index, element) in list.enumerated() {
            let elementPath = reader.childPath("values") + "[\(index)]"
            var entry = try ObjectReader(element, path: elementPath, status: .pack)
            guard let from = try entry.date("from") else {
                throw entry.fail("from", zh: "缺少生效日期", en: "missing the date it takes effect")
            }
            let raw = try entry.require("value")
            let parsed: Value
            switch raw {
            case .integer(let n) where n >= Int64(packIntegerRange.lowerBound) && n <= Int64(packIntegerRange.upperBound):
                parsed = .integer(Int(n))
            case .array(let items):
                var strings: [String] = []
                for item in items {
                    guard case .string(let s) = item else {
                        throw entry.fail("value", zh: "列表只能包含字符串", en: "a list value may hold strings only")
                    }
                    strings.append(s)
                }
                parsed = .strings(strings)
            default:
                throw entry.fail("value", zh: "应为整数（±1000000 以内）或字符串列表", en: "expected an integer (within ±1000000) or a list of strings")
            }
            let entrySource = try entry.string("source")
            let entryProvisional = try entry.bool("provisional") ?? false
            let atLeast = try entry.bool("at_least") ?? false
            try entry.finish()
            if let previous = values.last {
                guard previous.from < from else {
                    throw HukouError(.pack, path: elementPath + ".from", zh: "生效日期必须严格递增", en: "dates must be strictly increasing")
                }
                switch (previous.value, parsed) {
                case (.integer, .integer), (.strings, .strings): break
                default:
                    throw HukouError(.pack, path: elementPath + ".value", zh: "各期取值类型必须一致", en: "all dated values must have the same type")
                }
            }
            var dated = Dated(from: from, value: parsed, source: entrySource, provisional: entryProvisional)
            dated.atLeast = atLeast
            values.append(dated)
        }
        try reader.finish()
        return Parameter(id: id, label: label, unit: unit, provisional: provisional, source: source, note: note, values: values)
    }
}
