// SPDX-License-Identifier: Apache-2.0
/// Three-valued result of a condition: a missing fact makes a leaf `unknown`, never a guess.
public enum Outcome: String, Sendable {
    case met, unmet, unknown

    /// Kleene conjunction.
    static func all(_ outcomes: [Outcome]) -> Outcome {
        if outcomes.contains(.unmet) { return .unmet }
        if outcomes.contains(.unknown) { return .unknown }
        return .met
    }

    /// Kleene disjunction.
    static func any(_ outcomes: [Outcome]) -> Outcome {
        if outcomes.contains(.met) { return .met }
        if outcomes.contains(.unknown) { return .unknown }
        return .unmet
    }

    /// Kleene conjunction of two (no array: the evaluator folds children with it).
    static func and(_ lhs: Outcome, _ rhs: Outcome) -> Outcome {
        if lhs == .unmet || rhs == .unmet { return .unmet }
        if lhs == .unknown || rhs == .unknown { return .unknown }
        return .met
    }

    /// Kleene disjunction of two.
    static func or(_ lhs: Outcome, _ rhs: Outcome) -> Outcome {
        if lhs == .met || rhs == .met { return .met }
        if lhs == .unknown || rhs == .unknown { return .unknown }
        return .unmet
    }

    var negated: Outcome {
        switch self {
        case .met: return .unmet
        case .unmet: return .met
        case .unknown: return .unknown
        }
    }
}
