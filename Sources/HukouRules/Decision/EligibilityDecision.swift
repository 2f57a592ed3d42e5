// SPDX-License-Identifier: Apache-2.0
/// What hukou_check_eligibility decided for one request.
///
/// Transitional: still carries the answer tree the service builds; being replaced by
/// typed values written by the answer writer (issue 15).
public struct EligibilityDecision: Sendable {
    let answer: JSONValue

    func write(into writer: inout AnswerWriter) {
        writer.value(answer)
    }

    /// What the decision comes to (for summaries).
    var outcome: DecisionOutcome { DecisionOutcome(answer: answer) }
}

extension EligibilityService {
    func decide() throws(HukouError) -> EligibilityDecision {
        EligibilityDecision(answer: try answer())
    }
}
