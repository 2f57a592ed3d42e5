// SPDX-License-Identifier: Apache-2.0
/// What hukou_lookup_entitlements decided for one request.
///
/// Transitional: still carries the answer tree the service builds; being replaced by
/// typed values written by the answer writer (issue 15).
public struct EntitlementsDecision: Sendable {
    let answer: JSONValue

    func write(into writer: inout AnswerWriter) {
        writer.value(answer)
    }

    /// What the decision comes to (for summaries).
    var outcome: DecisionOutcome { DecisionOutcome(answer: answer) }
}

extension EntitlementService {
    func decide() throws(HukouError) -> EntitlementsDecision {
        EntitlementsDecision(answer: try answer())
    }
}
