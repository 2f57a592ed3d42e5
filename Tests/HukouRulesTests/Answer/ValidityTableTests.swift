// SPDX-License-Identifier: Apache-2.0
import Dispatch
import Testing
@testable import HukouRules

/// The validities a pack precomputes when it loads (``Validity/Table``): the answer changes
/// only on a document's first day and the day after its last, so each side of those dates
/// is checked, and every date of a span against the validity worked out for that date.
///
/// Tianjin's documents (Policies/tianjin.json `documents`): table2014 2014-01-01…2015-12-31
/// (the 2014 points table), measures 2016-01-01…2020-12-31 (津政发〔2015〕39号 第四十八条),
/// rules2016 2016-03-23…2020-12-31, plan 2017-03-02…2020-12-31 (the 2017 plan, to 2020).
/// The pathways rest on plan, the points settlement pathway on measures; the points table
/// on table2014, its requirements on measures.
@Suite struct ValidityTableTests {
    private func pack(_ id: String = "tianjin", on date: String = "2026-11-25") throws -> PolicyPack {
        try Fixture.engine.registry.pack(id, on: try #require(CivilDate(iso: date)))
    }

    private func validity(_ rules: Validity.Rules, _ date: String, pack id: String = "tianjin") throws -> Validity {
        let asOf = try #require(CivilDate(iso: date))
        let pack = try pack(id)
        // The lookup must come from the table, not from the fallback that works it out.
        #expect(pack.validityTable?.state(rules, on: asOf) != nil, "no precomputed state on \(date)")
        return Validity(pack: pack, asOf: asOf, rules: rules)
    }

    private func block(_ validity: Validity, _ locale: AnswerLocale = .zhCN) throws -> JSONValue {
        var writer = AnswerWriter()
        validity.write(locale, into: &writer)
        return try JSONParser.parse(String(decoding: writer.bytes, as: UTF8.self))
    }

    @Test func pathwaysBeforeAndOnTheFirstDocumentsStart() throws {
        // 2015-12-31: neither plan nor measures has started; the earlier start is measures'.
        let before = try validity(.pathways, "2015-12-31")
        #expect(before.status == .notYetInForce)
        #expect(before.startsOn == CivilDate(iso: "2016-01-01"))
        #expect(!before.selects(["plan"]) && !before.selects(["measures"]))
        #expect(before.text(.en) == "Note: the Tianjin rules encoded here take effect on 2016-01-01; the rules in force on 2015-12-31 are not encoded: please ask staff.")
        // 2016-01-01: measures (the points settlement pathway) is in force, the plan not yet.
        let on = try validity(.pathways, "2016-01-01")
        #expect(on.status == .inForce)
        #expect(on.startsOn == nil && on.endedOn == nil)
        #expect(on.selects(["measures"]))
        #expect(!on.selects(["plan"]))
        #expect(on.text(.zhCN) == "以下依据 2016-01-01 施行的天津市规定作答。")
    }

    @Test func pathwaysEachSideOfThePlansStart() throws {
        let before = try validity(.pathways, "2017-03-01")
        #expect(before.status == .inForce)
        #expect(!before.selects(["plan"]))
        let on = try validity(.pathways, "2017-03-02")
        #expect(on.selects(["plan"]) && on.selects(["measures"]))
        let block = try block(on, .en)
        #expect(block["documents"]?.arrayValue.compactMap { $0["in_force"]?.boolValue } == [true, true])
        #expect(block["text"]?.stringValue == "Answered from the Tianjin rules in force on 2017-03-02.")
    }

    @Test func pathwaysEachSideOfTheEnd() throws {
        // 2020-12-31 is the last day in force (effective_until is inclusive).
        let last = try validity(.pathways, "2020-12-31")
        #expect(last.status == .inForce)
        #expect(last.selectionDate == CivilDate(iso: "2020-12-31"))
        // 2021-01-01: both have ended; the rules as they stood on 2020-12-31 answer.
        let after = try validity(.pathways, "2021-01-01")
        #expect(after.status == .expired)
        #expect(after.endedOn == CivilDate(iso: "2020-12-31"))
        #expect(after.selectionDate == CivilDate(iso: "2020-12-31"))
        #expect(after.selects(["plan"]) && after.selects(["measures"]))
        #expect(!after.selects(["table2014"]))
        let block = try block(after)
        #expect(block["status"]?.stringValue == "expired")
        #expect(block["ended_on"]?.stringValue == "2020-12-31")
        #expect(block["documents"]?.arrayValue.compactMap { $0["in_force"]?.boolValue } == [false, false])
        #expect(block["text"]?.stringValue
                == "注意：本系统编入的天津市规定已于 2020-12-31 到期，2021-01-01 施行的规定未编入本系统。以下按到期前的规定作答，仅供参考，请向工作人员核实现行规定。")
        // Years later the same state, the request's own date in the sentence.
        #expect(try validity(.pathways, "2040-02-29").text(.en)
                == "Note: the Tianjin rules encoded here ended on 2020-12-31; the rules in force on 2040-02-29 are not encoded. The answer below follows the rules as they stood before they ended, for reference only: please ask staff for the rules in force now.")
    }

    @Test func pointsTableEachSideOfItsWindow() throws {
        let before = try validity(.points, "2013-12-31")
        #expect(before.status == .notYetInForce)
        #expect(before.startsOn == CivilDate(iso: "2014-01-01"))
        let first = try validity(.points, "2014-01-01")
        #expect(first.status == .inForce)
        #expect(first.selects(["table2014"]))
        let last = try validity(.points, "2015-12-31")
        #expect(last.selects(["table2014"]) && !last.selects(["measures"]))
        // 2016-01-01: the 2014 table ended the day before the 2016 rules it gave way to
        // started: replaced, not lapsed, so in force (without the table).
        let after = try validity(.points, "2016-01-01")
        #expect(after.status == .inForce)
        #expect(!after.selects(["table2014"]))
        #expect(after.selects(["measures"]))
    }

    /// Dates each side of every document's start and end, a sample of 2013 to 2022 and a few
    /// far ones, each rule set and pack: the table's
    /// validity says what the validity worked out for that very date says, on eight threads
    /// sharing the packs.
    @Test func everyDateMatchesTheValidityWorkedOutForIt() throws {
        let packs = try ["tianjin", "anyang", "fujian", "wenzhou", "national"].map { try pack($0) }
        // Two days each side of every document's first and last day, and every 17th day
        // from 2013 to 2022.
        func shifted(_ date: CivilDate, _ days: Int) -> CivilDate {
            var date = date
            for _ in 0..<abs(days) {
                if days > 0 {
                    date = CivilDate(year: date.year, month: date.month, day: date.day + 1)
                        ?? CivilDate(year: date.year, month: date.month + 1, day: 1)
                        ?? CivilDate(year: date.year + 1, month: 1, day: 1) ?? date
                } else {
                    date = CivilDate(year: date.year, month: date.month, day: date.day - 1)
                        ?? (1...31).reversed().lazy.compactMap { CivilDate(year: date.year, month: date.month - 1, day: $0) }.first
                        ?? CivilDate(year: date.year - 1, month: 12, day: 31) ?? date
                }
            }
            return date
        }
        var dates: [CivilDate] = []
        for pack in packs {
            for document in pack.documents {
                for edge in [document.effectiveFrom] + (document.effectiveUntil.map { [$0] } ?? []) {
                    dates += (-2...2).map { shifted(edge, $0) }
                }
            }
        }
        var date = try #require(CivilDate(iso: "2013-01-01"))
        while date.year < 2022 {
            dates.append(date)
            date = shifted(date, 17)
        }
        dates += ["1900-01-01", "2200-12-31", "2099-06-30"].compactMap { CivilDate(iso: $0) }
        let failures = Failures()
        let all = dates
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for (index, date) in all.enumerated() where index % 8 == worker {
                for pack in packs {
                    for rules in Validity.Rules.allCases {
                        let cached = Validity(pack: pack, asOf: date, rules: rules)
                        let computed = Validity(pack: pack, asOf: date, ruleDocuments: rules.documentSets(pack))
                        if !Self.same(cached, computed, pack) { failures.add("\(pack.id) \(rules) \(date)") }
                    }
                }
            }
        }
        #expect(failures.list.isEmpty, "\(failures.list.prefix(5))")
    }

    private static func same(_ a: Validity, _ b: Validity, _ pack: PolicyPack) -> Bool {
        guard a.status == b.status, a.endedOn == b.endedOn, a.startsOn == b.startsOn, a.selectionDate == b.selectionDate,
              a.text(.zhCN) == b.text(.zhCN), a.text(.en) == b.text(.en) else { return false }
        for document in pack.documents where a.selects([document.id]) != b.selects([document.id]) { return false }
        guard a.selects([]) == b.selects([]), a.selects(["no_such_document"]) == false else { return false }
        for locale in AnswerLocale.allCases {
            var first = AnswerWriter(), second = AnswerWriter()
            a.write(locale, into: &first)
            b.write(locale, into: &second)
            if first.bytes != second.bytes { return false }
        }
        return true
    }

    /// Dates of failed comparisons, from any thread.
    private final class Failures: @unchecked Sendable {
        private let lock = DispatchQueue(label: "failures")
        private var items: [String] = []
        func add(_ item: String) { lock.sync { items.append(item) } }
        var list: [String] { lock.sync { items } }
    }
}
