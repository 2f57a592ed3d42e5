// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

@Suite("Calendar dates")
struct CivilDateTests {
    @Test(arguments: ["2017-02-30", "2019-02-29", "2026-13-01", "2026-00-10", "99999-01-01", "1899-12-31", "2026-1-01", "2026/01/01", "２０２６-01-01"])
    func rejectsNonexistentOrMalformed(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func acceptsLeapDay() {
        #expect(CivilDate(iso: "2020-02-29")?.description == "2020-02-29")
    }

    @Test func wholeMonthsCountsAnniversaries() throws {
        let start = try #require(CivilDate(iso: "2026-01-31"))
        // A start on the 31st is reached on the last day of a shorter month.
        #expect(try #require(CivilDate(iso: "2026-02-28")).wholeMonths(since: start) == 1)
        #expect(try #require(CivilDate(iso: "2026-02-27")).wholeMonths(since: start) == 0)
        #expect(try #require(CivilDate(iso: "2027-01-30")).wholeMonths(since: start) == 11)
        #expect(try #require(CivilDate(iso: "2027-01-31")).wholeMonths(since: start) == 12)
        // Earlier end: zero, never negative.
        #expect(try #require(CivilDate(iso: "2025-01-01")).wholeMonths(since: start) == 0)
    }

    @Test func ageTurnsOnTheBirthday() throws {
        let birth = try #require(CivilDate(iso: "2010-06-15"))
        #expect(try #require(CivilDate(iso: "2026-06-14")).wholeYears(since: birth) == 15)
        #expect(try #require(CivilDate(iso: "2026-06-15")).wholeYears(since: birth) == 16)
    }

    @Test func addingMonthsClampsTheDay() throws {
        #expect(try #require(CivilDate(iso: "2026-11-25")).adding(months: 4)?.description == "2027-03-25")
        #expect(try #require(CivilDate(iso: "2026-01-31")).adding(months: 1)?.description == "2026-02-28")
        #expect(try #require(CivilDate(iso: "2200-12-01")).adding(months: 1) == nil)
    }
}
