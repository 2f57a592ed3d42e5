/// Answers hukou_check_eligibility: every pathway of the jurisdiction judged for the
/// applicant, who may follow, the address order and the priority groups.
struct EligibilityService {
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest

    private var locale: AnswerLocale { request.locale }
    private var report: ConditionReport { ConditionReport(locale: locale, parameters: pack.parameters) }

    func answer() throws(HukouError) -> JSONValue {
        var answer = AnswerHeader.build(kind: "eligibility", pack: pack, request: request)
        if let city = AnswerHeader.ownRulesCity(pack, request) {
            AnswerHeader.ownRules(city, into: &answer, locale: locale)
            answer.set("pathways", .array([]))
            return answer.value
        }
        if let note = AnswerHeader.cityNote(pack, request) { answer.set("note", note) }
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: request.applicant,
                                        districts: pack.districts, family: request.family)
        var results: [JSONValue] = []
        var eligibleIDs: [String] = []
        for pathway in pack.pathways {
            let judged = ConditionEvaluator.evaluate(pathway.condition, context)
            if judged.outcome == .met { eligibleIDs.append(pathway.id) }
            results.append(pathwayAnswer(pathway, judged, context))
        }
        answer.set("eligible_pathways", .array(eligibleIDs.map(JSONValue.string)))
        answer.set("pathways", .array(results))
        answer.set("priority_groups", .array(pack.priorityGroups.map { group in
            let outcome = ConditionEvaluator.evaluate(group.condition, context)
            var object = JSONObjectBuilder()
            object.set("id", group.id)
            object.set("name", group.name.text(locale))
            object.set("result", outcome.outcome == .met ? "member" : outcome.outcome == .unmet ? "not_member" : "unknown")
            if outcome.outcome == .unknown { object.set("missing_facts", report.missing(outcome.missingFacts)) }
            object.set("citation", group.citation)
            return object.value
        }))
        return answer.value
    }

    private func pathwayAnswer(_ pathway: Pathway, _ judged: EvaluatedCondition, _ context: EvaluationContext) -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", pathway.id)
        object.set("name", pathway.name.text(locale))
        object.set("citation", pathway.citation)
        let result: String
        switch judged.outcome {
        case .met: result = "eligible"
        case .unmet: result = "not_eligible"
        case .unknown: result = "unknown"
        }
        object.set("result", result)
        object.set("reason", reason(judged))
        let provisional = judged.provisionalParameters
        object.set("provisional", pathway.provisional || !provisional.isEmpty)
        if !provisional.isEmpty { object.set("provisional_parameters", report.provisional(provisional)) }
        if judged.outcome == .unknown { object.set("missing_facts", report.missing(judged.missingFacts)) }
        if judged.outcome == .unmet { object.set("shortfalls", report.shortfallList(judged)) }
        object.set("conditions", report.tree(judged))
        if !pathway.followers.isEmpty { object.set("followers", followers(pathway, context)) }
        if !pathway.addressOrder.isEmpty {
            object.set("address_order", .array(pathway.addressOrder.enumerated().map { index, option in
                var step = JSONObjectBuilder()
                step.set("rank", index + 1)
                step.set("label", option.label.text(locale))
                step.set("citation", option.citation)
                return step.value
            }))
        }
        if !pathway.documents.isEmpty { object.set("documents", .array(pathway.documents.map { $0.json(locale) })) }
        if let note = pathway.note { object.set("note", note.text(locale)) }
        return object.value
    }

    private func reason(_ judged: EvaluatedCondition) -> String {
        switch judged.outcome {
        case .met:
            return LocalizedText(zh: "符合该途径的全部条件", en: "meets every condition of this pathway").text(locale)
        case .unknown:
            let asks = report.askLabels(judged.missingFacts)
            return LocalizedText(zh: "信息不足，无法判断；请提供：" + asks.joined(separator: "、"),
                                 en: "not enough information to decide; please provide: " + asks.joined(separator: ", ")).text(locale)
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
            for rule in pathway.followers {
                let judged = ConditionEvaluator.evaluate(rule.condition, memberContext)
                if judged.outcome == .met { best = (rule, judged); break }
                if judged.outcome == .unknown {
                    for fact in judged.missingFacts where !missing.contains(fact) { missing.append(fact) }
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
                object.set("reason", LocalizedText(zh: "不属于该条款列明的随迁家属", en: "not among the family members this clause lets follow").text(locale))
                object.set("citation", pathway.followers.first?.citation ?? pathway.citation)
            }
            return object.value
        })
    }
}
