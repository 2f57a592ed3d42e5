// SPDX-License-Identifier: Apache-2.0
/// Answers hukou_check_eligibility: every pathway of the jurisdiction in force on the
/// request's date judged for the applicant, who may follow, the address order and the
/// priority groups (docs/answers.md).
struct EligibilityService {
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest

    /// Judges every pathway, follower, address step and priority group: typed values only,
    /// no answer text (the writer builds that, Answer/EligibilityAnswer.swift).
    func decide() throws(HukouError) -> EligibilityDecision {
        let validity = Validity(pack: pack, asOf: request.asOf, rules: .pathways)
        let ownRules = AnswerHeader.ownRulesCity(pack, request)
        // The rules the province does not except still apply (e.g. Fujian （四）).
        if let ownRules, ownRules.provinceRulesApply.isEmpty {
            return EligibilityDecision(source: .init(pack: pack, request: request, validity: validity), ownRules: ownRules, ownRulesOnly: true,
                                       pathways: [], priorityGroups: [], notices: [])
        }
        return EligibilityDecision(source: .init(pack: pack, request: request, validity: validity), ownRules: ownRules, ownRulesOnly: false,
                                   pathways: pathways(validity, only: ownRules?.provinceRulesApply),
                                   priorityGroups: priorityGroups(validity), notices: notices(validity))
    }

    /// The pathways whose texts answer on the date (only `only`, when given), each judged
    /// (in a frame of its own: see ``decide(_:_:_:_:)``).
    @inline(never)
    private func pathways(_ validity: Validity, only onlyIDs: [String]?) -> [PathwayDecision] {
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: request.applicant,
                                        districts: pack.districts, family: request.family)
        let all = pack.pathways
        var pathways: [PathwayDecision] = []
        pathways.reserveCapacity(all.count)
        for index in all.indices where validity.selects(all[index].documentIDs) {
            if let onlyIDs, !onlyIDs.contains(all[index].id) { continue }
            pathways.append(decide(all, index, context, validity))
        }
        return pathways
    }

    @inline(never)
    private func priorityGroups(_ validity: Validity) -> [PriorityGroupDecision] {
        guard validity.status != .notYetInForce else { return [] }
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: request.applicant,
                                        districts: pack.districts, family: request.family)
        let groups = pack.priorityGroups
        // The answer says only member / not member / unknown and what to ask: the outcome
        // alone, and the judged tree only for the missing facts of an unknown one.
        return groups.indices.map { index in
            let outcome = ConditionEvaluator.outcome(groups[index].condition, context)
            let missing = outcome == .unknown ? ConditionEvaluator.summary(groups[index].condition, context).missingFacts : []
            return PriorityGroupDecision(groups: groups, index: index, outcome: outcome, missingFacts: missing)
        }
    }

    @inline(never)
    private func notices(_ validity: Validity) -> [Notice] {
        var notices = pack.notices.filter { validity.selects($0.documentIDs) }
        // The national notices in force that the city does not restate (same id).
        if let national, national.id != pack.id {
            notices += national.notices.filter { notice in
                !pack.notices.contains { $0.id == notice.id } && national.documentsInForce(notice.documentIDs, on: request.asOf)
            }
        }
        return notices
    }

    /// One pathway. Its conditions are evaluated from this small frame: a kiosk thread may
    /// have a 256 KiB stack and a condition nests 32 levels, so the frames under an
    /// evaluation must stay small even in a debug build; what folds into the verdict is
    /// worked out in frames that are gone by then.
    @inline(never)
    private func decide(_ pathways: [Pathway], _ index: Int, _ context: EvaluationContext, _ validity: Validity) -> PathwayDecision {
        // not_applicable (or unknown) when the pathway's applicability condition is not met.
        // An answer with detail: outcome shows no tree, only the outcome and missing facts.
        if let applies = pathways[index].appliesTo {
            let judged = request.detail == .full ? ConditionEvaluator.evaluate(applies, context) : ConditionEvaluator.summary(applies, context)
            if judged.outcome != .met { return Self.notConcerned(pathways, index, judged) }
        }
        if let decided = pathways[index].decidedBy { return decidedBy(decided, pathways, index, context) }
        let judged = conditions(pathways[index], context)
        let addressOrder = pathways[index].addressOrder.isEmpty ? nil : self.addressOrder(pathways[index], context)
        var (decision, showsFollowers) = judge(judged, addressOrder, pathways, index, validity, context: context)
        if showsFollowers { decision.followers = followers(pathways[index], context) }
        return decision
    }

    /// A pathway's conditions judged: with detail: outcome the summary (the answer shows the
    /// outcome, provisional parameters and missing facts; the cap and nearly-met tests are
    /// then read off the condition, ``judge(_:_:_:_:_:_:context:)``).
    @inline(never)
    private func conditions(_ pathway: Pathway, _ context: EvaluationContext) -> EvaluatedCondition {
        request.detail == .full ? ConditionEvaluator.evaluate(pathway.condition, context) : ConditionEvaluator.summary(pathway.condition, context)
    }

    /// The document directs the city to set the conditions; who may follow is stated by
    /// the clause even where the conditions are left open.
    @inline(never)
    private func decidedBy(_ decided: DecidedBy, _ pathways: [Pathway], _ index: Int, _ context: EvaluationContext) -> PathwayDecision {
        let followers = pathways[index].followers.isEmpty ? nil : self.followers(pathways[index], context)
        return PathwayDecision(pathways: pathways, index: index, verdict: .dependsOnLocalRules, basis: .decidedBy(decided), followers: followers)
    }

    @inline(never)
    private static func notConcerned(_ pathways: [Pathway], _ index: Int, _ judged: EvaluatedCondition) -> PathwayDecision {
        PathwayDecision(pathways: pathways, index: index, verdict: judged.outcome == .unmet ? .notApplicable : .unknown,
                        basis: .applicability(judged), followers: nil)
    }

    /// The verdict of judged conditions, folded with a cap or the points score; whether
    /// the family are shown (the caller judges them).
    @inline(never)
    private func judge(_ judged: EvaluatedCondition, _ addressOrder: AddressOrderDecision?, _ pathways: [Pathway], _ index: Int,
                       _ validity: Validity, context: EvaluationContext) -> (PathwayDecision, showsFollowers: Bool) {
        judge(judged, addressOrder, pathways[index], pathways, index, validity, context: context)
    }

    private func judge(_ judged: EvaluatedCondition, _ addressOrder: AddressOrderDecision?, _ pathway: Pathway, _ pathways: [Pathway],
                       _ index: Int, _ validity: Validity, context: EvaluationContext) -> (PathwayDecision, showsFollowers: Bool) {
        // A summary (detail: outcome) has no tree: the tests are read off the condition.
        let summarized = judged.summaryMissing != nil
        var verdict: PathwayVerdict
        switch judged.outcome {
        case .met: verdict = .eligible
        case .unmet: verdict = .notEligible
        case .unknown: verdict = .unknown
        }
        var capDecides = false
        var decidedBy: DecidedBy?
        if judged.outcome == .unmet, let cap = pathway.cap,
           summarized ? ConditionEvaluator.unmetOnlyBy(pathway.condition, context, throughAny: true, { cap.facts.contains($0.fact.name) })
                      : Self.onlyCapsUnmet(judged, cap.facts) {
            // Short only of amounts the document caps: the city's own figure decides.
            capDecides = true
            verdict = .dependsOnLocalRules
            decidedBy = cap.decidedBy
        }
        var provisional = judged.provisionalParameters
        var points: PointsService.SettlementCheck?
        if pathway.pointsSettlement {
            // Points settlement: the conditions' verdict folded with the score against the
            // guidance score of the same table.
            let check = PointsService(pack: pack, national: national, request: request).settlementCheck(validity)
            for id in check.provisional where !provisional.contains(id) { provisional.append(id) }
            if judged.outcome == .met {
                switch check.result {
                case .reaches: break
                case .below: verdict = .notEligible
                case .notComparable:
                    verdict = .dependsOnLocalRules
                    decidedBy = check.decidedBy
                }
            }
            points = check
        }
        // Family are shown under a pathway the applicant meets or nearly meets, never under
        // one that is out of reach.
        let showsFollowers = !pathway.followers.isEmpty
            && (verdict == .eligible || verdict == .unknown || verdict == .dependsOnLocalRules
                || (summarized ? Self.nearlyMet(pathway.condition, context) : nearlyMet(judged)))
        let basis = JudgedPathway(conditions: judged, capDecides: capDecides, decidedBy: decidedBy, points: points,
                                  provisional: pathway.provisional || !provisional.isEmpty,
                                  provisionalParameters: provisional, addressOrder: addressOrder)
        return (PathwayDecision(pathways: pathways, index: index, verdict: verdict, basis: .conditions(basis), followers: nil), showsFollowers)
    }

    /// The hukou address order; each step with a condition is judged, and the chosen
    /// address is the first available step (unknown steps stop the choice).
    @inline(never)
    private func addressOrder(_ pathway: Pathway, _ context: EvaluationContext) -> AddressOrderDecision {
        var chosen: Int?
        var open = false
        var steps: [EvaluatedCondition?] = []
        steps.reserveCapacity(pathway.addressOrder.count)
        for index in pathway.addressOrder.indices {
            var outcome = Outcome.met
            var judged: EvaluatedCondition?
            if let condition = pathway.addressOrder[index].condition {
                // The answer shows a step's outcome and missing facts (no tree with detail: outcome).
                let step = request.detail == .full ? ConditionEvaluator.evaluate(condition, context)
                                                   : ConditionEvaluator.summary(condition, context)
                outcome = step.outcome
                judged = step
            }
            if chosen == nil, !open {
                if outcome == .met { chosen = index + 1 } else if outcome == .unknown { open = true }
            }
            steps.append(judged)
        }
        return AddressOrderDecision(steps: steps, chosen: chosen)
    }

    /// Unmet only in comparisons over `facts` (the amounts a document caps): every other
    /// part is met, so a lower figure set by the city could be met.
    static func onlyCapsUnmet(_ node: EvaluatedCondition, _ facts: Set<String>) -> Bool {
        guard node.outcome == .unmet else { return true }
        if let fact = node.fact { return facts.contains(fact.name) }
        if node.kind == "all" { return node.children.allSatisfy { onlyCapsUnmet($0, facts) } }
        if node.kind == "any" { return node.children.contains { $0.outcome == .unmet && onlyCapsUnmet($0, facts) } }
        return false
    }

    /// Unmet only by amounts that time closes (months still to pay or live).
    private func nearlyMet(_ judged: EvaluatedCondition) -> Bool {
        guard judged.outcome == .unmet else { return false }
        func check(_ node: EvaluatedCondition) -> Bool {
            guard node.outcome == .unmet else { return true }
            if node.fact != nil { return node.shortfall?.closesWithTime == true }
            if node.kind == "all" { return node.children.allSatisfy(check) }
            return false
        }
        return check(judged)
    }

    /// Whether a part right under the condition is a `relation` comparison that is met (the
    /// judged tree's children: a group's parts, a negation's part; a family quantifier's are
    /// members, never a fact).
    private static func namesRelation(_ condition: Condition, _ context: EvaluationContext) -> Bool {
        let parts: [Condition]
        switch condition {
        case .all(let children, _), .any(let children, _): parts = children
        case .not(let child, _): parts = [child]
        case .leaf, .family: return false
        }
        return parts.contains { part in
            if case .leaf(let leaf) = part, leaf.fact.name == "relation" { return ConditionEvaluator.outcome(part, context) == .met }
            return false
        }
    }

    /// ``nearlyMet(_:)`` read off the condition (no tree): each unmet leaf under unmet `all`s
    /// only, each with a shortfall that time closes (the leaf's own judgement).
    private static func nearlyMet(_ condition: Condition, _ context: EvaluationContext) -> Bool {
        guard ConditionEvaluator.outcome(condition, context) == .unmet else { return false }
        return ConditionEvaluator.unmetOnlyBy(condition, context, throughAny: false) { leaf in
            ConditionEvaluator.evaluate(leaf, context).shortfall?.closesWithTime == true
        }
    }

    /// For each family member: may they settle with the applicant, and by which rule.
    private func followers(_ pathway: Pathway, _ context: EvaluationContext) -> [FollowerDecision] {
        request.family.indices.map { index in
            let memberContext = context.with(subject: request.family[index])
            var missing: [String] = []
            var closest: EvaluatedCondition?
            for ruleIndex in pathway.followers.indices {
                // Outcome and missing facts without the tree; the tree only of the closest rule.
                let condition = pathway.followers[ruleIndex].condition
                let judged = ConditionEvaluator.summary(condition, memberContext)
                if judged.outcome == .met { return FollowerDecision(member: index, result: .mayFollow(rule: ruleIndex)) }
                if judged.outcome == .unknown {
                    for fact in judged.missingFacts where !missing.contains(fact) { missing.append(fact) }
                }
                // The rule for this member's relation, if one names it (its tree only where the
                // answer explains it, detail: full).
                if closest == nil, Self.namesRelation(condition, memberContext) {
                    closest = request.detail == .full ? ConditionEvaluator.evaluate(condition, memberContext) : judged
                }
            }
            if !missing.isEmpty { return FollowerDecision(member: index, result: .unknown(missingFacts: missing)) }
            return FollowerDecision(member: index, result: .mayNotFollow(closest: closest))
        }
    }
}
