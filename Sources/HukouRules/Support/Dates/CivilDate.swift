// SPDX-License-Identifier: Apache-2.0
/// A calendar date (proleptic Gregorian), without time or zone: as-of dates, birth
/// dates, "since" dates and effective dates of rules.
///
/// Only years 1900...2200 are representable, so every arithmetic on dates stays far from
/// integer overflow.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let validYears: ClosedRange<Int> = 1900...2200

    public let year: Int
    public let month: Int
    public let day: Int

    /// A validated date, or nil when the day does not exist (2017-02-30) or the year is
    /// outside ``validYears``.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.validYears.contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD" exactly (ISO 8601 calendar date, extended format).
    public init?(iso text: String) {
        var text = text
        guard let date = text.withUTF8({ Self.parse(iso: $0) }) else { return nil }
        self = date
    }

    /// A date "YYYY-MM-DD" from its UTF-8 bytes (no copy: the request reader calls it on
    /// the request's own bytes).
    static func parse(iso utf8: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let byte = utf8[i]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeap(year) ? 29 : 28
        default: return 0
        }
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whole months elapsed from `start` to `self` (0 when `self` is earlier): a month
    /// counts once the same day of a later month is reached; a start on the 31st is
    /// reached on the last day of a shorter month.
    public func wholeMonths(since start: CivilDate) -> Int {
        guard start <= self else { return 0 }
        var months = (year - start.year) * 12 + (month - start.month)
        let anniversaryDay = min(start.day, CivilDate.daysIn(month: month, year: year))
        if day < anniversaryDay { months -= 1 }
        return max(0, months)
    }

    /// Whole years elapsed (age on this date for someone born on `start`): a person born
    /// on 29 February turns a year older on 28 February of a common year.
    public func wholeYears(since start: CivilDate) -> Int {
        wholeMonths(since: start) / 12
    }

    /// The date `months` months later (day clamped to the month's length), or nil when
    /// it leaves ``validYears``.
    public func adding(months: Int) -> CivilDate? {
        guard months > -12 * 400, months < 12 * 400 else { return nil }
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        guard CivilDate.validYears.contains(newYear) else { return nil }
        return CivilDate(year: newYear, month: newMonth, day: min(day, CivilDate.daysIn(month: newMonth, year: newYear)))
    }
}
