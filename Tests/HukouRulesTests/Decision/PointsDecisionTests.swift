// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import HukouRules

/// The typed points decision: its outcome is computed from typed values and must equal
/// what a summary reads back from the written answer (``DecisionOutcome/init(answer:)``).
@Suite("Points decisions: the outcome from typed values equals the outcome read from the answer")
struct PointsDecisionTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/requests")

    func check(_ json: String) throws {
        let request = try Fixture.request(json)
        let decision = try Fixture.engine.decide(.points, request)
        guard case .points(let points) = decision else {
            Issue.record("not a points decision")
            return
        }
        let read = DecisionOutcome(answer: try decision.json())
        #expect(points.outcome == read, "\(json.prefix(80))")
    }

    @Test func everyExampleRequestInEveryLocaleAndDetail() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count >= 7)
        for name in names {
            var text = try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8)
            guard let brace = text.firstIndex(of: "{") else { continue }
            for locale in ["zh-CN", "en"] {
                for detail in ["full", "outcome"] {
                    // Later members win: the request's own locale is replaced.
                    var variant = text
                    variant.insert(contentsOf: #""detail":"\#(detail)","#, at: variant.index(after: brace))
                    variant = variant.replacingOccurrences(of: #""locale": "zh-CN""#, with: #""locale": "\#(locale)""#)
                    variant = variant.replacingOccurrences(of: #""locale": "en""#, with: #""locale": "\#(locale)""#)
                    try check(variant)
                }
            }
            text = ""
        }
    }

    @Test func prohibitedOwnRulesAndUnencodedTables() throws {
        // Anyang forbids points settlement (no score); Fuzhou issues its own rules (Fujian （五）).
        try check(#"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{}}"#)
        try check(#"{"jurisdiction":"fujian","city":"福州市","as_of":"2026-11-25","applicant":{}}"#)
        // Tianjin on a date whose points table is not encoded: table_not_encoded, no total.
        let request = try Fixture.request(#"{"jurisdiction":"tianjin","as_of":"2026-11-25","locale":"en","applicant":{}}"#)
        let decision = try Fixture.engine.decide(.points, request)
        #expect(decision.outcome == DecisionOutcome(answer: try decision.json()))
    }

    @Test func outcomeOfASparseTianjinRequest() throws {
        // Five facts: the score is incomplete (facts missing), never a verdict of "yes".
        let request = try Fixture.request(#"""
        {"jurisdiction":"tianjin","as_of":"2015-06-01","locale":"en","detail":"outcome",
         "applicant":{"birth_date":"1990-01-01","education":{"level":"bachelor"},"married":true,
                      "social_insurance":{"months":30,"paying":true}}}
        """#)
        let outcome = try Fixture.engine.decide(.points, request).outcome
        #expect(outcome.points?.status == "scored")
        #expect(outcome.points?.complete == false)
        #expect(outcome.jurisdictionID == "tianjin")
    }
}
