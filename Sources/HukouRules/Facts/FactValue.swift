/// The type of an applicant fact; conditions are type-checked against it when a pack loads.
public enum FactType: Sendable, Equatable {
    case bool
    /// A whole number, with its unit ("months", "years", "count").
    case integer(unit: FactUnit)
    /// One of a closed vocabulary; `ranks` (same length) makes it ordered.
    case enumeration(values: [String], ranks: [Int]?)
    /// Free text such as a district name (compared by equality and set membership).
    case text

    public var name: String {
        switch self {
        case .bool: return "boolean"
        case .integer(let unit): return "integer (\(unit.rawValue))"
        case .enumeration(_, let ranks): return ranks == nil ? "enumeration" : "ordered enumeration"
        case .text: return "text"
        }
    }
}

public enum FactUnit: String, Sendable {
    case months, years, count

    public var label: LocalizedText {
        switch self {
        case .months: return LocalizedText(zh: "个月", en: "months")
        case .years: return LocalizedText(zh: "年", en: "years")
        case .count: return LocalizedText(zh: "", en: "")
        }
    }
}

/// The value of a fact for one person on one date.
public enum FactValue: Sendable, Equatable {
    case bool(Bool)
    case integer(Int)
    case enumeration(String)
    case text(String)

    var json: JSONValue {
        switch self {
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .integer(Int64(number))
        case .enumeration(let name), .text(let name): return .string(name)
        }
    }
}
