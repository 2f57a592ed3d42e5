// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import hukou_cli

/// A worker's ``BatchTally`` gives the summary ``BatchSummary/add(_:)`` gives for the same
/// lines, whatever they hold: pathways in another order or of another pack, names in two
/// languages, failed lines, --compare lines, repeated line numbers with different locales,
/// more distinct sentences and scores than it keeps at hand.
@Suite struct BatchTallyTests {
    static func pathway(_ group: String, _ id: String, _ name: String, _ order: Int, _ verdict: String, unmet: [String] = []) -> PathwayResult {
        PathwayResult(group: group, groupName: group == "tianjin" ? "天津市" : "安阳市", id: id, name: name, order: order, verdict: verdict, unmet: unmet)
    }

    static func line(_ number: Int, _ pathways: [[PathwayResult]], locale: String? = "zh-CN", validity: (String, String?)? = ("in_force", nil),
                     points: PointsResult? = nil, pointsStatus: String? = nil, error: (String, String)? = nil) -> BatchResult {
        var result = BatchResult()
        result.line = number
        result.pathways = pathways
        result.locale = locale
        result.validityStatus = validity?.0
        result.validityText = validity?.1
        result.points = points
        result.pointsStatus = pointsStatus
        if let error {
            result.errorStatus = error.0
            result.errorField = error.1
        }
        return result
    }

    /// 40 lines: two packs' pathway lists (one in another order), unmet labels, twelve
    /// distinct validity sentences, scores on each side of zero, failures.
    static var lines: [BatchResult] {
        var lines: [BatchResult] = []
        for number in 1...40 {
            let verdict = ["eligible", "not_eligible", "unknown"][number % 3]
            let unmet = verdict == "not_eligible" ? (number % 2 == 0 ? ["年龄", "社保"] : ["社保", "社保"]) : []
            var list = [pathway("tianjin", "college_students", number % 5 == 0 ? "College graduates" : "高校毕业生", 1, verdict, unmet: unmet),
                        pathway("tianjin", "family_reunion", "投靠", 3, number % 4 == 0 ? "not_applicable" : "eligible")]
            if number % 7 == 0 { list.reverse() }
            if number % 11 == 0 { list = [pathway("anyang", "college_students", "高校毕业生", 0, "eligible")] }
            let text = number % 5 != 0 ? "注意：本系统编入的天津市规定已于 2020-12-31 到期，20\(10 + number % 12)-01-01 施行的规定未编入本系统。" : nil
            let points = PointsResult(total: (number - 20) * 7, threshold: number % 3 == 0 ? 140 : nil, reaches: number % 2 == 0, complete: number % 5 != 0)
            lines.append(line(number == 30 ? 3 : number, [list], locale: number == 30 ? "en" : (number == 3 ? "zh-CN" : nil),
                              validity: (text == nil ? "in_force" : "expired", text), points: points,
                              pointsStatus: number % 9 == 0 ? "table_not_encoded" : "scored",
                              error: number % 13 == 0 ? ("invalid", "applicant.birth_date") : nil))
        }
        return lines
    }

    static func added(_ lines: [BatchResult]) -> BatchSummary {
        var summary = BatchSummary()
        for line in lines { summary.add(line) }
        return summary
    }

    static func tallied(_ lines: [BatchResult]) -> BatchSummary {
        var tally = BatchTally()
        for line in lines { tally.add(line) }
        return tally.summary
    }

    @Test func tallyIsTheSummaryOfTheSameLines() {
        let lines = Self.lines
        let summary = Self.tallied(lines)
        #expect(summary == Self.added(lines))
        // By hand: 40 lines, 3 failed (13, 26, 39); college_students of tianjin on the 37
        // others but 11, 22, 33: 34 lines, its smallest name the Chinese one.
        #expect(summary.applicants == 40)
        #expect(summary.errorCount == 3)
        let college = summary.pathways["tianjin\u{1F}college_students"]
        #expect(college?.applicants == 34)
        #expect(college?.name == "College graduates")
        #expect(summary.pathways["anyang\u{1F}college_students"]?.applicants == 3)
        // Line 3 (zh-CN) comes first; line 30, numbered 3 as well, does not replace it.
        #expect(summary.locale == "zh-CN")
        #expect(summary.validityTexts.count == 12)
    }

    @Test func tallyInAnyOrderMergesToTheSameSummary() {
        let lines = Self.lines
        var merged = Self.tallied(Array(lines[20...]))
        merged.merge(Self.tallied(Array(lines[..<20])))
        var whole = Self.added(Array(lines[20...]))
        whole.merge(Self.added(Array(lines[..<20])))
        #expect(merged == whole)
    }

    /// --compare lines carry two lists: they are added as ``BatchSummary`` adds them.
    @Test func compareLinesAreCountedAsTheSummaryCountsThem() {
        let before = [Self.pathway("tianjin", "college_students", "高校毕业生", 1, "eligible")]
        let after = [Self.pathway("tianjin", "college_students", "高校毕业生", 1, "not_eligible")]
        let lines = (1...5).map { Self.line($0, $0 == 2 ? [before, before] : [before, after]) }
        let summary = Self.tallied(lines)
        #expect(summary == Self.added(lines))
        #expect(summary.pathways["tianjin\u{1F}college_students"]?.moves["eligible→not_eligible"] == 4)
    }
}
