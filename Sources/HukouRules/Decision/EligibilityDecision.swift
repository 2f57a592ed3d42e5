// SPDX-License-Identifier: Apache-2.0
/// What hukou_check_eligibility decided for one request: typed values, no JSON. The answer
/// is written from them by ``write(into:)`` (Answer/EligibilityAnswer.swift), which owns
/// every answer key; ``outcome`` reads them directly.
public struct EligibilityDecision: Sendable {
    /// What the decision was made from, shared by reference: the decision stays a few words
    /// on the stack (it passes through the C ABI on kiosk threads with small stacks).
    let source: Source

    final class Source: Sendable {
        /// The pack that answered and the request it answered (header, locale, detail, family).
        let pack: PolicyPack
        let request: DecisionRequest
        /// Which of the pack's texts answered (the answer's `validity` block).
        let validity: Validity

        init(pack: PolicyPack, request: DecisionRequest, validity: Validity) {
            self.pack = pack
            self.request = request
            self.validity = validity
        }
    }

    var pack: PolicyPack { _read { yield source.pack } }
    var request: DecisionRequest { _read { yield source.request } }
    var validity: Validity { _read { yield source.validity } }
    /// The city the request names, when it issues its own rules (Fujian （五）).
    public let ownRules: OwnRulesCity?
    /// The own-rules city excepts every province-wide pathway: nothing more is judged.
    public let ownRulesOnly: Bool
    /// Every pathway judged, in the pack's order (those whose texts answer on the date).
    public let pathways: [PathwayDecision]
    /// The priority groups judged (none before the texts take effect).
    public let priorityGroups: [PriorityGroupDecision]
    /// The notices shown: the pack's own in force, then the national ones it does not restate.
    public let notices: [Notice]

    /// The ids of the pathways the applicant is eligible for, in the pack's order.
    public var eligiblePathwayIDs: [String] {
        pathways.indices.compactMap { pathways[$0].verdict == .eligible ? pathways[$0].pathway.id : nil }
    }

    /// The decision on the pathway `id`, if it was judged.
    public func pathway(_ id: String) -> PathwayDecision? {
        pathways.indices.first { pathways[$0].pathway.id == id }.map { pathways[$0] }
    }
}

/// A pathway's verdict.
public enum PathwayVerdict: String, Sendable, CaseIterable {
    case eligible
    case notEligible = "not_eligible"
    case unknown
    /// The documents leave what decides to the city (who decides is named).
    case dependsOnLocalRules = "depends_on_local_rules"
    /// The pathway does not concern the person (its applicability condition is unmet).
    case notApplicable = "not_applicable"

    /// The verdict as the answer writes it.
    var name: StaticString {
        switch self {
        case .eligible: return "eligible"
        case .notEligible: return "not_eligible"
        case .unknown: return "unknown"
        case .dependsOnLocalRules: return "depends_on_local_rules"
        case .notApplicable: return "not_applicable"
        }
    }
}

/// One pathway judged for the applicant.
public struct PathwayDecision: Sendable {
    /// The pack's pathways and the index of this one (a reference into the pack, not a copy).
    let pathways: [Pathway]
    let index: Int
    public let verdict: PathwayVerdict
    /// What the verdict rests on.
    public let basis: Basis
    /// Who of the family may follow; nil when not shown (the pathway names no followers, or
    /// it is out of reach for the applicant).
    public internal(set) var followers: [FollowerDecision]?

    /// The pack's pathway (borrowed from the pack's list, not copied).
    public var pathway: Pathway { _read { yield pathways[index] } }

    public enum Basis: Sendable {
        /// The pathway's applicability condition, unmet (`not_applicable`) or unknown.
        case applicability(EvaluatedCondition)
        /// The document directs the city to set the conditions (the pathway's `decided_by`).
        case decidedBy(DecidedBy)
        /// The pathway's conditions, judged.
        case conditions(JudgedPathway)
    }

    /// Who decides, when the documents leave the verdict open: the pathway's `decided_by`,
    /// or the one its judged conditions name (a cap, a score that cannot be compared).
    public var decidedBy: DecidedBy? {
        switch basis {
        case .decidedBy(let decided): return decided
        case .conditions(let judged): return judged.decidedBy
        case .applicability: return nil
        }
    }

    /// The judged conditions (pathways with conditions only).
    public var conditions: EvaluatedCondition? {
        if case .conditions(let judged) = basis { return judged.conditions }
        return nil
    }

    /// The request fields to ask for before the verdict can be given.
    public var missingFacts: [String] {
        switch basis {
        case .applicability(let judged): return judged.outcome == .unknown ? judged.missingFacts : []
        case .decidedBy: return []
        case .conditions(let judged): return judged.conditions.outcome == .unknown ? judged.conditions.missingFacts : []
        }
    }
}

/// A pathway's conditions judged, with what folds into the verdict. A class: the decision
/// and the writer share it without copying the tree and its parts.
public final class JudgedPathway: Sendable {
    public let conditions: EvaluatedCondition
    /// Short only of amounts the document caps: the city's own figure decides (`cap`).
    public let capDecides: Bool
    /// Who decides, when the verdict is `depends_on_local_rules` (the cap's, or the points
    /// office's when the score cannot be compared).
    public let decidedBy: DecidedBy?
    /// Points settlement: the score against the guidance score of the same table.
    let points: PointsService.SettlementCheck?
    /// Every answer about the pathway is provisional (its flag, or a provisional parameter).
    public let provisional: Bool
    /// The provisional parameters the verdict rests on, in order of first use.
    public let provisionalParameters: [String]
    /// The hukou address order (Fujian （四）), when the pathway has one.
    public let addressOrder: AddressOrderDecision?

    init(conditions: EvaluatedCondition, capDecides: Bool, decidedBy: DecidedBy?, points: PointsService.SettlementCheck?,
         provisional: Bool, provisionalParameters: [String], addressOrder: AddressOrderDecision?) {
        self.conditions = conditions
        self.capDecides = capDecides
        self.decidedBy = decidedBy
        self.points = points
        self.provisional = provisional
        self.provisionalParameters = provisionalParameters
        self.addressOrder = addressOrder
    }
}

/// The hukou address order judged: each step with a condition, and the first available.
public struct AddressOrderDecision: Sendable {
    /// Per step of the pathway's order: its condition judged (nil: always available).
    public let steps: [EvaluatedCondition?]
    /// The rank (from 1) of the first available step, unless an unknown step comes first.
    public let chosen: Int?
}

/// Whether one family member may settle with the applicant under a pathway.
public struct FollowerDecision: Sendable {
    /// The member's index in the request's `family`.
    public let member: Int
    public let result: Result

    public enum Result: Sendable {
        /// By the pathway's follower rule at this index.
        case mayFollow(rule: Int)
        case unknown(missingFacts: [String])
        /// Not among the followers; `closest` is the rule for the member's relation, if one names it.
        case mayNotFollow(closest: EvaluatedCondition?)
    }
}

/// One priority group (重点群体) judged for the applicant.
public struct PriorityGroupDecision: Sendable {
    let groups: [PriorityGroup]
    let index: Int
    /// Whether the applicant belongs to the group (the answer's `member` / `not_member` / `unknown`).
    public let outcome: Outcome
    /// With an unknown outcome: the facts to ask for, in the condition's order (else empty).
    public let missingFacts: [String]

    /// The pack's group (borrowed from the pack's list, not copied).
    public var group: PriorityGroup { _read { yield groups[index] } }
}

extension EligibilityDecision {
    /// What the decision comes to (for summaries): equal to ``DecisionOutcome/init(answer:)``
    /// of the written answer, read from the typed values (unmet requirements only with
    /// `detail: full`, as the answer has condition trees only then).
    var outcome: DecisionOutcome {
        let locale = request.locale
        var outcome = DecisionOutcome(header: pack, request, validity)
        let report = ConditionReport(locale: locale, parameters: [:])
        let full = request.detail == .full
        outcome.pathways = pathways.indices.map { Self.outcome(pathways[$0], report, full: full) }
        return outcome
    }

    private static func outcome(_ decision: PathwayDecision, _ report: ConditionReport, full: Bool) -> PathwayOutcome {
        var unmet: [String] = []
        if full, decision.verdict == .notEligible, case .conditions(let judged) = decision.basis {
            collectUnmet(judged.conditions, report, into: &unmet)
        }
        return PathwayOutcome(id: decision.pathway.id, name: decision.pathway.name.text(report.locale),
                              verdict: decision.verdict.rawValue, unmet: unmet,
                              openKind: decision.verdict == .dependsOnLocalRules ? (decision.decidedBy?.kind ?? .leftToLocalRules) : nil)
    }

    /// The unmet children of the top-level `all` nodes, each by its label.
    private static func collectUnmet(_ node: EvaluatedCondition, _ report: ConditionReport, into labels: inout [String]) {
        guard node.outcome == .unmet else { return }
        let leaf = node.fact != nil && node.op != nil
        if !leaf, node.kind == "all" {
            for child in node.children { collectUnmet(child, report, into: &labels) }
            return
        }
        labels.append(report.label(node))
    }
}
