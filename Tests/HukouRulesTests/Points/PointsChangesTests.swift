// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// What-if and projection scored per distinct change and per indicator that changes with
/// time (issue 15), on generated tables far larger than any city's.
@Suite("What-if and projection on a generated 3 000-indicator table")
struct PointsChangesTests {
    /// 3 000 indicators on education.level: even ones {bachelor 1, master 2}, odd ones
    /// {bachelor 1, doctorate 5}; one accrual on social-insurance months (2 a full year).
    static let pack: String = {
        var list = (0..<3000).map { index in
            let upper = index % 2 == 0 ? #""master":2"# : #""doctorate":5"#
            return #"{"id":"e\#(index)","label":{"zh":"e","en":"e"},"citation":"c\#(index)","kind":"categorical","fact":"education.level","points":{"bachelor":1,\#(upper)}}"#
        }
        list.append(#"{"id":"insurance","label":{"zh":"社保","en":"insurance"},"citation":"ci","kind":"accrual","fact":"social_insurance.months","accrue":"whole_blocks","stages":[{"from":0,"per":12,"points":2}]}"#)
        return testPack(id: "wide", #""points":{"citation":"测〔2020〕1号","threshold":3010,"indicators":["# + list.joined(separator: ",") + "]}")
    }()

    let engine: Engine = {
        var engine = Engine()
        do throws(HukouError) { try engine.load(pack: PointsChangesTests.pack) } catch { Issue.record("\(error.describe(.en))") }
        return engine
    }()

    func answer(_ applicant: String) throws -> JSONValue {
        try Fixture.points(#"{"jurisdiction":"wide","as_of":"2026-11-25","locale":"en","applicant":"# + applicant + "}", engine: engine)
    }

    @Test func whatIfRanksTheDistinctChangesByTheirEffectOnEveryReader() throws {
        let answer = try answer(#"{"education":{"level":"bachelor"},"social_insurance":{"months":30,"paying":true}}"#)
        // 3 000 × 1 for bachelor, 2 full years of insurance × 2 = 4: 3 004.
        #expect(answer["total"]?.intValue == 3004)
        let whatIf = try #require(answer["what_if"]).arrayValue
        #expect(whatIf.count == 5)
        // Doctorate (proposed by every odd indicator): odd 1 500 × 5 + even 1 500 × 2
        // (master, the best entry not above doctorate) = 10 500, + 4 = 10 504: +7 500.
        // Ties keep the table's order: e1, e3, e5, e7, e9.
        #expect(whatIf.map { $0["indicator"]?.stringValue } == ["e1", "e3", "e5", "e7", "e9"])
        for line in whatIf {
            #expect(line["to"]?.stringValue == "doctorate")
            #expect(line["points_gained"]?.intValue == 7500)
            #expect(line["new_total"]?.intValue == 10504)
        }
    }

    @Test func masterAndInsuranceChangesWhenDoctorateIsNotOffered() throws {
        // At doctorate already: odd ones score 5, even ones 2 (master, not above): 10 500,
        // no months (none known): no insurance change. Nothing higher to propose.
        let top = try answer(#"{"education":{"level":"doctorate"}}"#)
        #expect(top["total"]?.intValue == 10500)
        #expect(top["what_if"]?.arrayValue.isEmpty == true)
        // At master: even 2, odd 1 (bachelor): 4 500 + 2 (12 months) = 4 502. Doctorate:
        // odd 5 → 1 500 × 4 = +6 000; 12 more months: +2.
        let master = try answer(#"{"education":{"level":"master"},"social_insurance":{"months":12,"paying":true}}"#)
        #expect(master["total"]?.intValue == 4502)
        let lines = try #require(master["what_if"]).arrayValue
        #expect(lines.first?["points_gained"]?.intValue == 6000)
        #expect(lines.first?["indicator"]?.stringValue == "e1")
        // Only the odd indicators propose (even ones have nothing above master): five of them.
        #expect(lines.map { $0["indicator"]?.stringValue } == ["e1", "e3", "e5", "e7", "e9"])
    }

    @Test func projectionReScoresOnlyWhatChangesWithTime() throws {
        // 3 004 of 3 010: 3 more full years of insurance (+6) reach it. At 30 months the
        // next block ends at 36; 3 010 needs 6 more points = 3 blocks: 60 months, 30 from now.
        let answer = try answer(#"{"education":{"level":"bachelor"},"social_insurance":{"months":30,"paying":true}}"#)
        let projection = try #require(answer["projection"])
        #expect(projection["months"]?.intValue == 30)
        #expect(projection["reaches_threshold_on"]?.stringValue == "2029-05-25")
        #expect(projection["total_then"]?.intValue == 3010)
        // Without insurance paid, only time could help and nothing grows: not reached.
        let still = try self.answer(#"{"education":{"level":"bachelor"},"social_insurance":{"months":30,"paying":false}}"#)
        #expect(still["projection"]?["reaches_threshold_on"] == .null)
    }

    @Test func theChangesOfOneIndicatorAreFoundByWhatItReads() {
        // The insurance indicator reads the counter (and the flag it accrues while), not education.
        var names = Set<String>()
        let catalogue = FactCatalogue.base
        guard let months = catalogue.definition("social_insurance.months") else {
            Issue.record("no social_insurance.months")
            return
        }
        months.collectReadNames(into: &names)
        #expect(names.contains("social_insurance.months"))
        #expect(!names.contains("education.level"))
        #expect(months.changesWithTime([]))
        #expect(catalogue.definition("education.level")?.changesWithTime([]) == false)
    }

    /// The linear what-if and projection against scoring the whole table again for every
    /// change and every month (what they replace), on the example requests of every table.
    @Test func sameAsScoringTheWholeTableAgain() throws {
        let requests = ["tianjin-2015-points", "wenzhou", "wenzhou-leqing"]
        var checkedLines = 0, reached = 0
        for name in requests {
            let text = try String(contentsOf: PointsDecisionTests.examples.appendingPathComponent("\(name).json"), encoding: .utf8)
            let request = try Fixture.request(text)
            let pack = try Fixture.engine.registry.pack(request.jurisdiction, on: request.asOf)
            guard case .table(let table)? = pack.points else { continue }
            let scorer = PointsScorer(table: table, districts: pack.districts, family: request.family)
            for months in [0, 7, 30, 61] {
                let person = request.applicant.advanced(byMonths: months)
                let base = scorer.score(person, on: request.asOf)
                // What-if: every proposal's total by scoring every indicator with the change.
                let lines = PointsChanges.whatIf(scorer, base: base, person: person, on: request.asOf, limit: 1000)
                for line in lines {
                    let changed = PointsScorer.Override(fact: line.change.fact, value: line.change.to,
                                                        person: PointsScorer.person(person, with: line.change.fact, line.change.to))
                    var sum = Fixed.zero
                    for indicator in table.indicators { sum += scorer.score(indicator, person, request.asOf, changed, detailed: true).points }
                    var ignored: [String] = []
                    #expect(scorer.bound(sum, request.asOf, &ignored) == line.newTotal, "\(name) +\(months) \(line.indicatorID)")
                    checkedLines += 1
                }
                // Projection: the whole table each month against a threshold just out of reach.
                let target = NumberRef.literal(base.total + Fixed(7))
                let projection = PointsChanges.projection(scorer, base: base, person: person, on: request.asOf, threshold: target)
                var expected: Int?
                for month in 1...table.projectionHorizonMonths {
                    guard let date = request.asOf.adding(months: month) else { break }
                    if scorer.score(person.advanced(byMonths: month), on: date).total >= base.total + Fixed(7) { expected = month; break }
                }
                #expect(projection.months == expected, "\(name) +\(months)")
                if expected != nil { reached += 1 }
            }
        }
        // The comparison is not empty: lines were proposed and thresholds reached by time.
        #expect(checkedLines >= 20)
        #expect(reached >= 4)
    }
}
