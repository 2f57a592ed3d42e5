// SPDX-License-Identifier: Apache-2.0
import HukouRules
import Testing
@testable import hukou_cli

/// `hukou batch --summary-only` (and `--detail outcome`) counts the same as a run that writes
/// every answer.
@Suite struct BatchSummaryModesTests {
    static let engine: Engine = (try? Engine.withEmbeddedPacks()) ?? Engine()

    static func request(_ applicant: String) -> String {
        #"{"jurisdiction":"anyang","as_of":"2026-11-25","locale":"zh-CN","applicant":"# + applicant + "}"
    }

    /// Anyang 安政办〔2018〕19号 二（一）: a vocational-school graduate is one of the groups whose
    /// settlement is open (eligible); a senior-high graduate without skill, of rural origin,
    /// entered otherwise, is none of them (not eligible); with nothing known, unknown. Plus a
    /// line that is not JSON (one error) and a blank line (not an applicant).
    static let lines: [String] = [
        request(#"{"education":{"level":"secondary_vocational"}}"#),
        request(#"{"education":{"level":"senior_high","overseas":false},"skill":{"level":"none"},"hukou":{"former_type":"rural"},"entered_city_by":"other"}"#),
        request("{}"),
        "not json",
        "",
        request(#"{"education":{"level":"bachelor"}}"#),
    ]

    static func source(_ lines: [String], numbered: Bool = false) -> () -> BatchPipeline.Line? {
        var rest = lines.map { Array($0.utf8) }[...]
        return BatchCommand.lines(next: { rest.popFirst() }, offset: { 0 }, numbered: numbered)
    }

    static func summary(_ lines: [String], summaryOnly: Bool, detail: AnswerDetail?, workers: Int = 2,
                        numbered: Bool = false) -> (BatchSummary, Int) {
        let pipeline = BatchPipeline(budget: 1 << 20, workers: workers, maxLines: 2, source: source(lines, numbered: numbered))
        var bytes = 0
        let engines = [engine]
        let summary = pipeline.run(workers: workers, answer: { line in
            BatchResult.answer(line.bytes, line: line.number, engines: engines, eligibility: true, points: true,
                               entitlements: true, writeAnswers: !summaryOnly, detail: detail)
        }, write: { bytes += $0.count })
        return (summary, bytes)
    }

    /// The summary without what only explanations carry (the unmet conditions).
    static func verdictsOnly(_ summary: BatchSummary) -> BatchSummary {
        var copy = summary
        for key in copy.pathways.keys {
            copy.pathways[key]?.unmet = [:]
            copy.pathways[key]?.onlyUnmet = [:]
        }
        return copy
    }

    @Test func summaryOnlyCountsWhatTheFullRunCounts() {
        let (full, written) = Self.summary(Self.lines, summaryOnly: false, detail: nil)
        let (only, none) = Self.summary(Self.lines, summaryOnly: true, detail: nil)
        let (outcome, nothing) = Self.summary(Self.lines, summaryOnly: true, detail: .outcome)
        #expect(written > 0)
        #expect(none == 0 && nothing == 0)
        #expect(full.applicants == 5)
        #expect(full.errorCount == 1)
        #expect(full.errors.values.first?.lines == [4])
        let key = "anyang\u{1F}key_groups_open"
        #expect(full.pathways[key]?.verdicts == ["eligible": 2, "not_eligible": 1, "unknown": 1])
        #expect(full.locale == "zh-CN")
        // The plan's targets run to 2020 (一): on 2026-11-25 every answer says first that it expired.
        #expect(full.validity == ["expired": 4])
        #expect(only == full)
        // Outcome answers carry no condition trees, so no unmet conditions; every count else is the same.
        #expect(Self.verdictsOnly(outcome) == Self.verdictsOnly(full))
        #expect(outcome.pathways[key]?.verdicts == ["eligible": 2, "not_eligible": 1, "unknown": 1])
    }

    @Test func numberedLinesReportTheirOwnNumbers() {
        let numbered = ["41\t" + Self.lines[0], "", "97\tnot json", "98\t"]
        let (summary, _) = Self.summary(numbered, summaryOnly: true, detail: nil, numbered: true)
        #expect(summary.applicants == 2)
        #expect(summary.errors.values.first?.lines == [97])
    }

    @Test func theSplitBetweenWorkersDoesNotChangeTheSummary() {
        let (one, _) = Self.summary(Self.lines, summaryOnly: true, detail: nil, workers: 1)
        let (three, _) = Self.summary(Self.lines, summaryOnly: true, detail: nil, workers: 3)
        #expect(one == three)
    }

    @Test func generatedApplicantsCountTheSameInEveryMode() throws {
        var generator = SyntheticApplicants(random: SplitMix64(seed: 7), jurisdiction: "tianjin", city: nil,
                                            asOf: try #require(CivilDate(iso: "2026-11-25")), districts: [])
        let lines = (0..<60).map { _ in JSONWriter.string(generator.next()) }
        let (full, _) = Self.summary(lines, summaryOnly: false, detail: nil)
        let (outcome, _) = Self.summary(lines, summaryOnly: true, detail: .outcome)
        #expect(full.applicants == 60)
        #expect(full.errorCount == 0)
        #expect(full.scored + full.pointsStatuses.values.reduce(0, +) > 0)
        for pathway in full.pathways.values { #expect(pathway.applicants == 60) }
        #expect(Self.verdictsOnly(outcome) == Self.verdictsOnly(full))
    }

    /// 天津市推动非户籍人口在城市落户工作方案 （九） with 津政发〔2015〕39号 第三十二条: the points
    /// pathway's table in force in 2026 is decided by the documents but not encoded
    /// (`decided_by.kind` not_encoded); （七） talent introduction is left to the city's rules.
    /// The summary counts the first as "not encoded", the second as "depends on local rules",
    /// in every mode, and says so in words.
    @Test(arguments: [AnswerDetail?.none, .outcome])
    func notEncodedIsCountedApartFromLeftToLocalRules(detail: AnswerDetail?) throws {
        // examples/requests/tianjin.json on one line.
        let line = #"{"jurisdiction":"tianjin","as_of":"2026-11-25","locale":"zh-CN","applicant":{"birth_date":"1990-02-08","married":true,"status":"residence_permit","hukou":{"local":false,"former_type":"urban"},"residence_permit":{"held":true,"issued":"2021-05-10"},"residence":{"since":"2020-07-01","district":"西青区","area_type":"urban_district"},"housing":{"type":"owned","since":"2022-01-15","owns_home_in_city":true},"employment":{"type":"employee","since":"2020-07-01","labor_contract":true,"in_city":true},"social_insurance":{"months":64,"paying":true,"continuous":true},"education":{"level":"bachelor"},"skill":{"level":"none","title":"intermediate"},"intended_district":"西青区","points_record":{"occupation_shortage":"none","award":"none","violations":0,"false_information":false,"criminal_conviction":false}},"family":[{"relation":"spouse","birth_date":"1991-09-21","lives_with_applicant":true,"hukou":{"local":false,"former_type":"urban"}},{"relation":"child","birth_date":"2016-03-02","lives_with_applicant":true,"hukou":{"local":false,"former_type":"urban"},"school":{"stage":"primary","in_city":true,"full_time":true}}]}"#
        let (summary, _) = Self.summary([line], summaryOnly: true, detail: detail)
        let points = try #require(summary.pathways.values.first { $0.id == "points_settlement" })
        let talent = try #require(summary.pathways.values.first { $0.id == "talent_introduction" })
        #expect(points.verdicts == [SummaryWords.notEncoded: 1])
        #expect(talent.verdicts == [PathwayVerdict.dependsOnLocalRules.rawValue: 1])
        let words = SummaryWords(locale: "zh-CN")
        #expect(words.verdict(SummaryWords.notEncoded) == "文件有规定，未编入")
        #expect(words.verdict(PathwayVerdict.dependsOnLocalRules.rawValue) == "待地方规定")
        #expect(SummaryWords.order([SummaryWords.notEncoded, "eligible"]).firstIndex(of: SummaryWords.notEncoded)
                == SummaryWords.order([SummaryWords.notEncoded]).firstIndex(of: PathwayVerdict.dependsOnLocalRules.rawValue).map { $0 + 1 })
        #expect(!SummaryWords.order(["eligible"]).contains(SummaryWords.notEncoded))
    }
}
