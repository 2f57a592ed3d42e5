// SPDX-License-Identifier: Apache-2.0
/// What hukou_score_points decided for one request: typed values (the score, each
/// indicator's points, the threshold, requirements and vetoes judged, projection, what-if),
/// written as the answer by ``write(into:)`` (Answer/PointsAnswer.swift owns every key).
public struct PointsDecision: Sendable {
    let pack: PolicyPack
    let request: DecisionRequest
    /// The rules of the answer chosen by the in-force windows of their documents.
    let validity: Validity
    let body: Body

    enum Body: Sendable {
        /// The request names a city that issues its own rules (Fujian （五）).
        case ownRules(OwnRulesCity)
        /// The clause forbidding points settlement.
        case prohibited(citation: String, reason: LocalizedText)
        /// The pack defines no points table.
        case noTable
        case table(PointsTableDecision)
    }

    /// What the decision comes to (for summaries), from the typed values: equal to what
    /// ``DecisionOutcome/init(answer:)`` reads from the written answer.
    var outcome: DecisionOutcome {
        var outcome = DecisionOutcome(header: pack, request, validity)
        guard case .table(let decided) = body else { return outcome }
        guard let score = decided.score else {
            outcome.points = PointsOutcome(status: "table_not_encoded", total: nil, threshold: nil, reachesThreshold: nil, complete: true)
            return outcome
        }
        outcome.points = PointsOutcome(status: "scored", total: score.total.wholeNumber, threshold: score.threshold?.wholeNumber,
                                       reachesThreshold: score.threshold.map { score.total >= $0 }, complete: score.complete)
        return outcome
    }
}

/// A points table's decision.
struct PointsTableDecision: Sendable {
    let table: PointsTable
    /// The score; nil when the table in force on the request's date is not encoded.
    let score: Score?
    let requirements: [Judged]
    /// Some requirements in force on the date are not encoded.
    let requirementsIncomplete: Bool
    let vetoes: [Judged]
    let mayApply: MayApply
    /// Who decides and what is open, when `mayApply` is depends_on_local_rules.
    let decidedBy: DecidedBy?
    /// Every provisional parameter the answer rests on (score, threshold, quota, requirements).
    let provisional: [String]

    struct Score: Sendable {
        let total: Fixed
        /// The provisional parameters the total rests on (indicators counted, floor and cap).
        let totalProvisional: [String]
        /// No fact missing and every indicator of the official table encoded.
        let complete: Bool
        let missing: [String]
        let threshold: Fixed?
        /// The provisional parameter the threshold is on the request's date (empty: settled).
        let thresholdProvisional: [String]
        let quota: Fixed?
        /// Each top-level indicator's score (`detail: full` only).
        let breakdown: [IndicatorScore]
        /// When the threshold is not reached (`detail: full` only).
        let projection: PointsChanges.Projection?
        /// Up to five ranked changes (`detail: full` only).
        let whatIf: [PointsChanges.Line]
    }

    /// A requirement or veto with its judged condition.
    struct Judged: Sendable {
        let requirement: Requirement
        let judged: EvaluatedCondition
    }

    enum MayApply: String, Sendable {
        case yes, no, unknown
        case dependsOnLocalRules = "depends_on_local_rules"
    }
}

extension Fixed {
    /// The value as a whole number, nil when it has decimals.
    var wholeNumber: Int? { isInteger ? integerPart : nil }
}
