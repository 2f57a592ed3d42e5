// SPDX-License-Identifier: Apache-2.0
/// What hukou_score_points decided for one request.
///
/// Transitional: still carries the answer tree the service builds; being replaced by
/// typed values written by the answer writer (issue 15).
public struct PointsDecision: Sendable {
    let answer: JSONValue

    func write(into writer: inout AnswerWriter) {
        writer.value(answer)
    }

    /// What the decision comes to (for summaries).
    var outcome: DecisionOutcome { DecisionOutcome(answer: answer) }
}

extension PointsService {
    func decide() throws(HukouError) -> PointsDecision {
        PointsDecision(answer: try answer())
    }
}
