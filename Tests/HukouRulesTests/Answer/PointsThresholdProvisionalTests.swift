// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// A guidance score that is a provisional pack parameter is marked provisional on the
/// threshold itself (`threshold_provisional`, with the parameter's id), and the rendering
/// marks the guidance-score line 暂定 / provisional ("a provisional value is shown as
/// provisional wherever it shapes an answer"). A settled threshold carries no such key.
@Suite struct PointsThresholdProvisionalTests {
    /// The made-up table (GeneralPointsTableTests) with its threshold settled at 100 until
    /// 2024-12-31 and a provisional 110 from 2025-01-01, every other number a literal.
    private static let datedPack = madeUpPointsPack.replacingOccurrences(
        of: #"{"id":"threshold","source":"test","provisional":true,"values":[{"from":"2020-01-01","value":100}]}"#,
        with: #"{"id":"threshold","source":"test","values":[{"from":"2020-01-01","value":100},{"from":"2025-01-01","value":110,"provisional":true}]}"#)

    private func engine(_ pack: String) -> Engine {
        var engine = Engine()
        do throws(HukouError) { try engine.load(pack: pack) } catch { Issue.record("\(error.describe(.en))") }
        return engine
    }

    /// Age 36 (band 31–40: 10) and a bachelor's degree (20): 30 points, whatever the threshold.
    private func points(_ pack: String, asOf: String, locale: String) throws -> JSONValue {
        try Fixture.points(#"""
        {"jurisdiction":"testland","as_of":"\#(asOf)","locale":"\#(locale)",
         "applicant":{"birth_date":"1990-01-01","education":{"level":"bachelor"}}}
        """#, engine: engine(pack))
    }

    @Test(arguments: ["zh-CN", "en"])
    func aProvisionalThresholdIsMarkedOnTheThresholdAndItsLine(locale: String) throws {
        let answer = try points(madeUpPointsPack, asOf: "2026-11-25", locale: locale)
        #expect(answer["total"]?.intValue == 30)
        #expect(answer["threshold"]?.intValue == 100)
        #expect(answer["gap"]?.intValue == 70)
        #expect(answer["reaches_threshold"]?.boolValue == false)
        #expect(answer["threshold_provisional"]?.boolValue == true)
        #expect(answer["threshold_provisional_parameters"]?.arrayValue.compactMap(\.stringValue) == ["threshold"])
        // The total rests on literals only: it is not marked.
        #expect(answer["total_provisional"] == nil)
        let text = Renderer.render(answer, format: .text)
        #expect(text.contains(locale == "en" ? "guidance score 100 points (provisional): 70 short" : "申报指导分值 100 分（暂定），还差 70 分"))
    }

    /// The threshold parameter's own status on the as-of date: the settled 100 in 2024 carries
    /// no flag and its line no mark; the provisional 110 from 2025 does.
    @Test func theFlagFollowsTheThresholdValueInForceOnTheDate() throws {
        let settled = try points(Self.datedPack, asOf: "2024-06-01", locale: "en")
        #expect(settled["threshold"]?.intValue == 100)
        #expect(settled["threshold_provisional"] == nil)
        #expect(settled["threshold_provisional_parameters"] == nil)
        let settledText = Renderer.render(settled, format: .text)
        #expect(settledText.contains("guidance score 100 points: 70 short"))
        #expect(!settledText.contains("guidance score 100 points (provisional)"))

        let open = try points(Self.datedPack, asOf: "2026-11-25", locale: "en")
        #expect(open["threshold"]?.intValue == 110)
        #expect(open["gap"]?.intValue == 80)
        #expect(open["threshold_provisional"]?.boolValue == true)
        #expect(open["threshold_provisional_parameters"]?.arrayValue.compactMap(\.stringValue) == ["threshold"])
        #expect(Renderer.render(open, format: .text).contains("guidance score 110 points (provisional): 80 short"))
    }
}
