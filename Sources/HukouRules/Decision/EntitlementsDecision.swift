// SPDX-License-Identifier: Apache-2.0
/// What hukou_lookup_entitlements decided for one request: for the applicant and each
/// family member, one verdict per rule that concerns them, with what it was judged on.
///
/// Plain values, no answer text: the answer (keys, sentences, condition trees) is written
/// from it by `EntitlementsAnswer.swift`; `detail: outcome` writes no explanation text.
public struct EntitlementsDecision: Sendable {
    /// The pack, national pack and request the decision was made for (the answer's header,
    /// the rules' names and citations are the pack's own values, referenced, not copied).
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest
    let validity: Validity
    /// The rules that answered: the pack's in force, then the national ones it leaves.
    let rules: [EntitlementRule]
    public let body: Body

    /// What could be decided.
    public enum Body: Sendable {
        /// The request names a city that issues its own rules (Fujian （五）): nothing judged.
        case ownRules(OwnRulesCity)
        /// The applicant's status cannot be told: the facts to ask for, nobody judged.
        case statusUnknown(missingFacts: [String])
        /// The status assumed and every person's items.
        case judged(StatusDecision)
    }

    /// The applicant's status as assumed and what it brings each person.
    public struct StatusDecision: Sendable {
        /// "local_hukou", "settled_migrant", "residence_permit" or "none".
        public let status: String
        /// True when the request said the status; false when derived from its facts.
        public let given: Bool
        /// Status `none`: how far the applicant is from a residence permit.
        public let permit: PermitDecision?
        /// The applicant first, then each family member in request order.
        public let people: [PersonEntitlements]
    }

    /// Without a permit: whether the applicant may apply for one.
    public struct PermitDecision: Sendable {
        public enum Verdict: Sendable { case mayApply, mayNotApplyYet, unknown }
        /// nil when neither pack encodes permit conditions (the verdict is then unknown).
        let requirement: Requirement?
        /// The permit conditions as judged.
        let judged: EvaluatedCondition?
        /// Documents to bring, from the pack whose conditions were judged.
        let documents: [RequiredDocument]
        public var verdict: Verdict {
            switch judged?.outcome {
            case .met?: return .mayApply
            case .unmet?: return .mayNotApplyYet
            default: return .unknown
            }
        }
    }

    /// One person's entitlements.
    public struct PersonEntitlements: Sendable {
        /// nil for the applicant; the index in the request's `family` otherwise.
        public let member: Int?
        public let relation: String?
        public let age: Int?
        public let ageStage: String?
        public let items: [EntitlementItem]
    }

    /// One rule judged for one person.
    public struct EntitlementItem: Sendable {
        /// Index of the rule in ``EntitlementsDecision/rules``.
        let rule: Int
        public let verdict: EntitlementVerdict
        /// What the verdict rests on.
        public let basis: Basis
        /// Judged as what a residence permit would bring (status `none`).
        public let requiresResidencePermit: Bool
        /// The rule is provisional, or its condition used a provisional parameter.
        public let provisional: Bool

        public enum Basis: Sendable {
            /// The rule's verdict, unconditional.
            case unconditional
            /// The rule does not concern the person, or whether it does is unknown.
            case applicability(EvaluatedCondition)
            /// The documents leave the rule to someone else.
            case decidedBy(DecidedBy)
            /// The rule's condition as judged.
            case condition(EvaluatedCondition)
        }
    }

    /// The rule an item was judged by (its id, name, citation and what it specializes).
    public func rule(of item: EntitlementItem) -> EntitlementRule? {
        rules.indices.contains(item.rule) ? rules[item.rule] : nil
    }

    /// What the decision comes to (for summaries): the header's facts and validity.
    var outcome: DecisionOutcome {
        DecisionOutcome(header: pack, request, validity)
    }
}

/// An entitlement item's verdict, as the answer's `result` says it, and a pack rule's
/// (``EntitlementRule/Verdict``).
public enum EntitlementVerdict: String, Sendable, CaseIterable {
    case entitled, mustJoin = "must_join", mayJoin = "may_join", mayChoose = "may_choose"
    /// The document promises a direction, not a present right: depends on implementing rules.
    case provisional
    case notEntitled = "not_entitled"
    /// The rule does not concern the person (e.g. an employee-scheme duty for someone not employed).
    case notApplicable = "not_applicable"
    /// The documents leave the conditions to a city or agency (a rule's `decided_by`).
    case dependsOnLocalRules = "depends_on_local_rules"
    /// Facts are missing to tell (an answer's only, never a rule's).
    case unknown
}
