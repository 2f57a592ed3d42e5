// SPDX-License-Identifier: Apache-2.0
/// Answers hukou_check_eligibility: every pathway of the jurisdiction in force on the
/// request's date judged for the applicant, who may follow, the address order and the
/// priority groups (docs/answers.md).
struct EligibilityService {
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest

    private var locale: AnswerLocale { request.locale }
    private var report: ConditionReport { ConditionReport(locale: locale, parameters: pack.parameters) }
    /// `detail: full`: explanation texts and trees are built (outcome: verdicts only).
    private var full: Bool { request.detail == .full }

    func answer() throws(HukouError) -> JSONValue {
        var answer = AnswerHeader.build(kind: "eligibility", pack: pack, request: request)
        let validity = Validity(pack: pack, asOf: request.asOf, ruleDocuments: pack.pathways.map(\.documentIDs))
        answer.set("validity", validity.json(locale))
        if let city = AnswerHeader.ownRulesCity(pack, request) {
            AnswerHeader.ownRules(city, into: &answer, locale: locale)
            // The rules the province does not except still apply (e.g. Fujian （四）).
            if city.provinceRulesApply.isEmpty {
                answer.set("pathways", .array([]))
                return answer.value
            }
        }
        if let note = AnswerHeader.cityNote(pack, request) { answer.set("note", note) }
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: request.applicant,
                                        districts: pack.districts, family: request.family)
        let onlyIDs = AnswerHeader.ownRulesCity(pack, request)?.provinceRulesApply
        var results: [JSONValue] = []
        var eligibleIDs: [String] = []
        for pathway in pack.pathways where validity.selects(pathway.documentIDs) {
            if let onlyIDs, !onlyIDs.contains(pathway.id) { continue }
            let (json, result) = pathwayAnswer(pathway, context, validity)
            if result == "eligible" { eligibleIDs.append(pathway.id) }
            results.append(json)
        }
        answer.set("eligible_pathways", .array(eligibleIDs.map(JSONValue.string)))
        answer.set("pathways", .array(results))
        priorityGroups(validity, context, into: &answer)
        notices(validity, into: &answer)
        return answer.value
    }

    @inline(never)
    private func priorityGroups(_ validity: Validity, _ context: EvaluationContext, into answer: inout JSONObjectBuilder) {
        let groupsInForce = validity.status != .notYetInForce
        var list: [JSONValue] = []
        for group in groupsInForce ? pack.priorityGroups : [] {
            let outcome = ConditionEvaluator.evaluate(group.condition, context)
            var object = JSONObjectBuilder()
            object.set("id", group.id)
            object.set("name", group.name.text(locale))
            object.set("result", outcome.outcome == .met ? "member" : outcome.outcome == .unmet ? "not_member" : "unknown")
            if outcome.outcome == .unknown { object.set("missing_facts", report.missing(outcome.missingFacts)) }
            object.set("citation", group.citation)
            list.append(object.value)
        }
        answer.set("priority_groups", .array(list))
    }

    @inline(never)
    private func notices(_ validity: Validity, into answer: inout JSONObjectBuilder) {
        var notices = pack.notices.filter { validity.selects($0.documentIDs) }
        // The national notices in force that the city does not restate (same id).
        if let national, national.id != pack.id {
            notices += national.notices.filter { notice in
                !pack.notices.contains { $0.id == notice.id } && national.documentsInForce(notice.documentIDs, on: request.asOf)
            }
        }
        guard !notices.isEmpty else { return }
        answer.set("notices", .array(notices.map { notice in
            var object = JSONObjectBuilder()
            object.set("id", notice.id)
            object.set("text", notice.text.text(locale))
            object.set("citation", notice.citation)
            return object.value
        }))
    }

    @inline(never)
    private func pathwayAnswer(_ pathway: Pathway, _ context: EvaluationContext, _ validity: Validity) -> (JSONValue, String) {
        if let answered = notConcerned(pathway, context) { return answered }
        if let decided = pathway.decidedBy { return decidedAnswer(pathway, decided, context) }
        return judgedAnswer(pathway, context, validity)
    }

    private func header(_ pathway: Pathway) -> JSONObjectBuilder {
        var object = JSONObjectBuilder()
        object.set("id", pathway.id)
        object.set("name", pathway.name.text(locale))
        object.set("citation", pathway.citation)
        return object
    }

    /// not_applicable (or unknown) when the pathway's applicability condition is not met.
    @inline(never)
    private func notConcerned(_ pathway: Pathway, _ context: EvaluationContext) -> (JSONValue, String)? {
        guard let applies = pathway.appliesTo else { return nil }
        let judged = ConditionEvaluator.evaluate(applies, context)
        guard judged.outcome != .met else { return nil }
        var object = header(pathway)
        let result = judged.outcome == .unmet ? "not_applicable" : "unknown"
        object.set("result", result)
        if judged.outcome == .unmet {
            if full { object.set("reason", DecidedByReport.notApplicableReason(report.unmetLabels(judged), locale: locale)) }
        } else {
            if full { object.set("reason", unknownReason(judged.missingFacts)) }
            object.set("missing_facts", report.missing(judged.missingFacts))
        }
        guard full else { return (object.value, result) }
        object.set("applicability", report.tree(judged))
        if let note = pathway.note { object.set("note", note.text(locale)) }
        return (object.value, result)
    }

    @inline(never)
    private func decidedAnswer(_ pathway: Pathway, _ decided: DecidedBy, _ context: EvaluationContext) -> (JSONValue, String) {
        var object = header(pathway)
        object.set("result", "depends_on_local_rules")
        if full { object.set("reason", DecidedByReport.reason(decided, citation: pathway.citation, locale: locale)) }
        object.set("decided_by", DecidedByReport.block(decided, citation: pathway.citation, locale: locale))
        // Who may follow is stated by the clause even where the conditions are left open.
        if !pathway.followers.isEmpty { object.set("followers", followers(pathway, context)) }
        if full, let note = pathway.note { object.set("note", note.text(locale)) }
        return (object.value, "depends_on_local_rules")
    }

    /// Points settlement: the conditions' verdict folded with the score against the guidance
    /// score of the same table (result, reason, extra provisional parameters).
    @inline(never)
    private func foldPoints(_ judged: EvaluatedCondition, result: inout String, reason: inout String,
                            provisional: inout [String], into object: inout JSONObjectBuilder, _ pathway: Pathway, _ validity: Validity) {
        let check = PointsService(pack: pack, national: national, request: request).settlementCheck(validity)
        for id in check.provisional where !provisional.contains(id) { provisional.append(id) }
        if judged.outcome == .met {
            switch check.result {
            case .reaches:
                reason = LocalizedText(
                    zh: "符合申请条件，积分 \(check.total ?? .zero) 分达到同一分值表的申报指导分值 \(check.threshold ?? .zero) 分；能否落户按年度指标内的积分排名确定",
                    en: "meets the conditions to apply and the score of \(check.total ?? .zero) reaches the guidance score of \(check.threshold ?? .zero) of the same table; settlement is decided by ranking within the annual quota").text(locale)
            case .below:
                result = "not_eligible"
                reason = LocalizedText(
                    zh: "符合其他申请条件，但积分 \(check.total ?? .zero) 分未达到申报指导分值 \(check.threshold ?? .zero) 分",
                    en: "meets the other conditions, but the score of \(check.total ?? .zero) is below the guidance score of \(check.threshold ?? .zero)").text(locale)
            case .notComparable(let why):
                result = "depends_on_local_rules"
                reason = LocalizedText(zh: "符合申请条件（积分除外）；" + why.zh, en: "meets the conditions to apply (other than the score); " + why.en).text(locale)
                object.set("decided_by", DecidedByReport.block(check.decidedBy, citation: pathway.citation, locale: locale))
            }
        }
        if let ranking = check.ranking {
            var block = JSONObjectBuilder()
            block.set("text", ranking.text.text(locale))
            block.set("citation", ranking.citation)
            object.set("ranking", block.value)
        }
    }

    @inline(never)
    private func judgedAnswer(_ pathway: Pathway, _ context: EvaluationContext, _ validity: Validity) -> (JSONValue, String) {
        var object = header(pathway)
        let judged = ConditionEvaluator.evaluate(pathway.condition, context)
        var result: String
        var reasonText: String
        switch judged.outcome {
        case .met:
            result = "eligible"
            reasonText = LocalizedText(zh: "符合该途径的全部条件", en: "meets every condition of this pathway").text(locale)
        case .unmet:
            result = "not_eligible"
            reasonText = full ? reason(judged) : ""
        case .unknown:
            result = "unknown"
            reasonText = full ? reason(judged) : ""
        }
        var capDecides = false
        if judged.outcome == .unmet, let cap = pathway.cap, Self.onlyCapsUnmet(judged, cap.facts) {
            // Short only of amounts the document caps: the city's own figure decides.
            capDecides = true
            result = "depends_on_local_rules"
            reasonText = full ? DecidedByReport.reason(cap.decidedBy, citation: pathway.citation, locale: locale) : ""
            object.set("decided_by", DecidedByReport.block(cap.decidedBy, citation: pathway.citation, locale: locale))
        }
        var provisional = judged.provisionalParameters
        if pathway.pointsSettlement {
            foldPoints(judged, result: &result, reason: &reasonText, provisional: &provisional, into: &object, pathway, validity)
        }
        object.set("result", result)
        if full { object.set("reason", reasonText) }
        object.set("provisional", pathway.provisional || !provisional.isEmpty)
        if !provisional.isEmpty { object.set("provisional_parameters", report.provisional(provisional)) }
        if full, judged.outcome == .met, let groups = matchedGroups(judged) { object.set("matched", groups) }
        if judged.outcome == .unknown { object.set("missing_facts", report.missing(judged.missingFacts)) }
        if full, judged.outcome == .unmet, !capDecides { object.set("shortfalls", report.shortfallList(judged)) }
        if full { object.set("conditions", report.tree(judged)) }
        // Family are shown under a pathway the applicant meets or nearly meets, never under
        // one that is out of reach.
        if !pathway.followers.isEmpty, result == "eligible" || result == "unknown" || result == "depends_on_local_rules" || nearlyMet(judged) {
            object.set("followers", followers(pathway, context))
        }
        if !pathway.addressOrder.isEmpty { addressOrder(pathway, context, into: &object) }
        guard full else { return (object.value, result) }
        if !pathway.documents.isEmpty { object.set("documents_to_bring", .array(pathway.documents.map { $0.json(locale) })) }
        if let note = pathway.note { object.set("note", note.text(locale)) }
        return (object.value, result)
    }

    /// The hukou address order; each step with a condition says whether it is available, and
    /// `address_chosen` is the first available step (unknown steps stop the choice).
    @inline(never)
    private func addressOrder(_ pathway: Pathway, _ context: EvaluationContext, into object: inout JSONObjectBuilder) {
        var chosen: Int?
        var open = false
        var steps: [JSONValue] = []
        for (index, option) in pathway.addressOrder.enumerated() {
            var step = JSONObjectBuilder()
            step.set("rank", index + 1)
            step.set("label", option.label.text(locale))
            step.set("citation", option.citation)
            var outcome = Outcome.met
            if let condition = option.condition {
                let judged = ConditionEvaluator.evaluate(condition, context)
                outcome = judged.outcome
                step.set("available", outcome == .met ? .bool(true) : outcome == .unmet ? .bool(false) : .null)
                if outcome == .unknown { step.set("missing_facts", report.missing(judged.missingFacts)) }
            }
            if chosen == nil, !open {
                if outcome == .met { chosen = index + 1 } else if outcome == .unknown { open = true }
            }
            steps.append(step.value)
        }
        object.set("address_order", .array(steps))
        if let chosen { object.set("address_chosen", chosen) }
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

    /// The groups of a pathway open to several groups (an `any`) that the applicant is in.
    private func matchedGroups(_ judged: EvaluatedCondition) -> JSONValue? {
        var node = judged
        while node.kind != "any", node.kind == "all", node.children.count == 1 { node = node.children[0] }
        guard node.kind == "any" else { return nil }
        let met = node.children.filter { $0.outcome == .met }
        guard !met.isEmpty else { return nil }
        return .array(met.map { child in
            var object = JSONObjectBuilder()
            object.set("label", report.label(child))
            object.setIfPresent("citation", child.info.citation)
            return object.value
        })
    }

    private func unknownReason(_ missing: [String]) -> String {
        let asks = report.askLabels(missing)
        return LocalizedText(zh: "信息不足，无法判断；请提供：" + asks.joined(separator: "、"),
                             en: "not enough information to decide; please provide: " + asks.joined(separator: ", ")).text(locale)
    }

    private func reason(_ judged: EvaluatedCondition) -> String {
        switch judged.outcome {
        case .met:
            return LocalizedText(zh: "符合该途径的全部条件", en: "meets every condition of this pathway").text(locale)
        case .unknown:
            return unknownReason(judged.missingFacts)
        case .unmet:
            let unmet = report.unmetLabels(judged)
            return LocalizedText(zh: "不符合：" + unmet.joined(separator: "；"), en: "not met: " + unmet.joined(separator: "; ")).text(locale)
        }
    }

    /// For each family member: may they settle with the applicant, and by which rule.
    private func followers(_ pathway: Pathway, _ context: EvaluationContext) -> JSONValue {
        .array(request.family.enumerated().map { index, member in
            let memberContext = context.with(subject: member)
            var object = JSONObjectBuilder()
            object.set("member", index)
            object.setIfPresent("relation", member.relation)
            var best: (FollowerRule, EvaluatedCondition)?
            var missing: [String] = []
            var closest: EvaluatedCondition?
            for rule in pathway.followers {
                let judged = ConditionEvaluator.evaluate(rule.condition, memberContext)
                if judged.outcome == .met { best = (rule, judged); break }
                if judged.outcome == .unknown {
                    for fact in judged.missingFacts where !missing.contains(fact) { missing.append(fact) }
                }
                // The rule for this member's relation, if one names it.
                if closest == nil, judged.children.contains(where: { $0.fact?.name == "relation" && $0.outcome == .met }) {
                    closest = judged
                }
            }
            if let (rule, _) = best {
                object.set("result", "may_follow")
                object.set("rule", rule.label.text(locale))
                object.set("citation", rule.citation)
            } else if !missing.isEmpty {
                object.set("result", "unknown")
                object.set("missing_facts", report.missing(missing))
            } else {
                object.set("result", "may_not_follow")
                if full, let closest {
                    object.set("reason", LocalizedText(zh: "不符合：", en: "not met: ").text(locale)
                               + report.unmetLabels(closest).joined(separator: locale == .en ? "; " : "；"))
                } else if full {
                    object.set("reason", LocalizedText(zh: "不属于该条款列明的随迁家属", en: "not among the family members this clause lets follow").text(locale))
                }
                object.set("citation", pathway.followers.first?.citation ?? pathway.citation)
            }
            return object.value
        })
    }
}
