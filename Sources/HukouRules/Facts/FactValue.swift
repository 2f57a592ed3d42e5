// SPDX-License-Identifier: Apache-2.0
/// The type of a fact; conditions and indicators are type-checked against it when a pack loads.
///
/// Declared in JSON (Policies/facts.json, a pack's `facts`) as `bool`, `integer` (with a
/// `unit`), `count`, `duration` (months or years), `decimal`, `date`, `enumeration`
/// (`values`, `ordered`, optional `ranks`) or `text`.
public enum FactType: Sendable, Equatable {
    case bool
    /// A whole number, with its unit ("months", "years", "count").
    case integer(unit: FactUnit)
    /// A number with up to four decimals, held in fixed point (``Fixed``).
    case decimal
    /// A calendar date YYYY-MM-DD.
    case date
    /// One of a closed vocabulary; `ranks` (same length) makes it ordered.
    case enumeration(values: [String], ranks: [Int]?)
    /// Free text such as a district name (compared by equality and set membership).
    case text

    public var name: String {
        switch self {
        case .bool: return "boolean"
        case .integer(let unit): return "integer (\(unit.rawValue))"
        case .decimal: return "decimal"
        case .date: return "date"
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
    case decimal(Fixed)
    case date(CivilDate)
    case enumeration(String)
    case text(String)

    var json: JSONValue {
        switch self {
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .integer(Int64(number))
        case .decimal(let number): return number.json
        case .date(let date): return .string(date.description)
        case .enumeration(let name), .text(let name): return .string(name)
        }
    }
}

/// A decimal number in fixed point: `raw` ten-thousandths. Points, rates and decimal facts
/// use it so that 0.1 + 0.2 is 0.3 and a 90.75 cut-off is exactly 90.75 (no binary
/// floating point in any rule arithmetic). Values stay within ±10^12, so sums and the
/// products the scorer forms (value × rate, both bounded at load) cannot overflow.
public struct Fixed: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let scale: Int64 = 10_000
    /// Largest magnitude accepted from JSON.
    public static let maxMagnitude: Int64 = 1_000_000_000_000
    public var raw: Int64

    public init(raw: Int64) { self.raw = raw }
    public init(_ integer: Int) { raw = Int64(integer) * Self.scale }

    public static let zero = Fixed(raw: 0)

    /// The exact value of a JSON number with at most four decimals: a JSON double holds the
    /// nearest binary value, and rounding it to ten-thousandths gives back the decimal
    /// written (doubles carry 15 significant digits; magnitudes here need at most 13).
    public init?(json value: JSONValue) {
        switch value {
        case .integer(let n):
            guard n >= -Self.maxMagnitude / Self.scale, n <= Self.maxMagnitude / Self.scale else { return nil }
            raw = n * Self.scale
        case .double(let d):
            guard d.isFinite, abs(d) <= Double(Self.maxMagnitude / Self.scale) else { return nil }
            let scaled = (d * Double(Self.scale)).rounded()
            // more than four decimals: not representable exactly, refused
            guard abs(scaled - d * Double(Self.scale)) < 1e-6 * max(1, abs(d)) else { return nil }
            raw = Int64(scaled)
        default:
            return nil
        }
    }

    public static func < (lhs: Fixed, rhs: Fixed) -> Bool { lhs.raw < rhs.raw }
    public static func + (lhs: Fixed, rhs: Fixed) -> Fixed { Fixed(raw: lhs.raw &+ rhs.raw) }
    public static func - (lhs: Fixed, rhs: Fixed) -> Fixed { Fixed(raw: lhs.raw &- rhs.raw) }
    public static func += (lhs: inout Fixed, rhs: Fixed) { lhs = lhs + rhs }
    /// `self` × `count` (an integer count of blocks or incidents, bounded by the caller).
    public func times(_ count: Int) -> Fixed { Fixed(raw: raw.multipliedReportingOverflow(by: Int64(count)).partialValue) }
    /// `self` × `numerator` / `denominator`, rounded toward zero to ten-thousandths (pro rata).
    public func times(_ numerator: Int, over denominator: Int) -> Fixed {
        guard denominator > 0 else { return .zero }
        let product = raw.multipliedReportingOverflow(by: Int64(numerator)).partialValue
        return Fixed(raw: product / Int64(denominator))
    }

    public var isInteger: Bool { raw % Self.scale == 0 }
    /// The whole part (toward zero).
    public var integerPart: Int { Int(raw / Self.scale) }

    /// As JSON: an integer when whole (answers keep their integers), else a number with
    /// at most four decimals.
    public var json: JSONValue {
        isInteger ? .integer(raw / Self.scale) : .double(Double(raw) / Double(Self.scale))
    }

    public var description: String {
        if isInteger { return String(raw / Self.scale) }
        let sign = raw < 0 ? "-" : ""
        let magnitude = raw.magnitude
        var fraction = String(magnitude % UInt64(Self.scale))
        while fraction.count < 4 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(magnitude / UInt64(Self.scale)).\(fraction)"
    }
}
