/// Answers hukou_lookup_entitlements: for the applicant and each family member, what
/// they may use in the city under the status assumed, each item cited.
struct EntitlementService {
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest

    private var locale: AnswerLocale { request.locale }
    private var report: ConditionReport { ConditionReport(locale: locale, parameters: pack.parameters) }

    /// The pack's rules, then the national rules the pack does not override.
    var rules: [EntitlementRule] {
        var list = pack.entitlements
        if let national, national.id != pack.id {
            list += national.entitlements.filter { rule in !list.contains { $0.id == rule.id } }
        }
        return list
    }

    func answer() throws(HukouError) -> JSONValue {
        var answer = AnswerHeader.build(kind: "entitlements", pack: pack, request: request)
        if let city = AnswerHeader.ownRulesCity(pack, request) {
            AnswerHeader.ownRules(city, into: &answer, locale: locale)
            return answer.value
        }
        if let note = AnswerHeader.cityNote(pack, request) { answer.set("note", note) }
        let applicant = request.applicant
        guard let status = applicant.effectiveStatus else {
            answer.set("status_assumed", .null)
            answer.set("missing_facts", report.missing(["status", "hukou.local", "residence_permit.held"]))
            answer.set("reason", LocalizedText(
                zh: "无法判断身份：请说明是否本地户籍、是否按本方案落户、是否持有居住证",
                en: "status unknown: say whether the applicant holds local hukou, settled under this plan, or holds a residence permit").text(locale))
            answer.set("people", .array([]))
            return answer.value
        }
        answer.set("status_assumed", status)
        answer.set("status_source", applicant.status == nil ? "derived" : "given")
        answer.set("status_label", statusLabel(status).text(locale))
        // Without a permit: what applying would bring, and how far the permit conditions are.
        let ruleStatus = status == "none" ? "residence_permit" : status
        if status == "none" { answer.set("residence_permit", permitBlock()) }

        var people: [JSONValue] = [personBlock(applicant, index: nil, ruleStatus: ruleStatus, hypothetical: status == "none")]
        for (index, member) in request.family.enumerated() {
            people.append(personBlock(member, index: index, ruleStatus: ruleStatus, hypothetical: status == "none"))
        }
        answer.set("people", .array(people))
        return answer.value
    }

    private func statusLabel(_ status: String) -> LocalizedText {
        switch status {
        case "local_hukou": return LocalizedText(zh: "本地户籍居民", en: "local hukou holder")
        case "settled_migrant": return LocalizedText(zh: "按落户方案新落户居民", en: "migrant settled under the plan")
        case "residence_permit": return LocalizedText(zh: "居住证持有人", en: "residence-permit holder")
        default: return LocalizedText(zh: "未持居住证的非户籍居民", en: "resident without local hukou or residence permit")
        }
    }

    private func permitBlock() -> JSONValue {
        var object = JSONObjectBuilder()
        guard let permit = pack.permitConditions ?? national?.permitConditions else {
            object.set("result", "unknown")
            return object.value
        }
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: request.applicant, districts: pack.districts,
                                        family: request.family)
        let judged = ConditionEvaluator.evaluate(permit.condition, context)
        object.set("label", permit.label.text(locale))
        object.set("result", judged.outcome == .met ? "may_apply" : judged.outcome == .unmet ? "may_not_apply_yet" : "unknown")
        object.set("citation", permit.citation)
        if judged.outcome == .unknown { object.set("missing_facts", report.missing(judged.missingFacts)) }
        if judged.outcome == .unmet { object.set("shortfalls", report.shortfallList(judged)) }
        object.set("conditions", report.tree(judged))
        let documents = pack.permitConditions != nil ? pack.permitDocuments : (national?.permitDocuments ?? [])
        if !documents.isEmpty { object.set("documents", .array(documents.map { $0.json(locale) })) }
        return object.value
    }

    private func applies(_ rule: EntitlementRule, to person: Person, isApplicant: Bool) -> Bool {
        let isChild = !isApplicant && person.relation == "child"
        switch rule.subjects {
        case .applicant: return isApplicant
        case .children: return isChild
        case .adults: return !isChild
        case .everyone: return true
        }
    }

    private func personBlock(_ person: Person, index: Int?, ruleStatus: String, hypothetical: Bool) -> JSONValue {
        var object = JSONObjectBuilder()
        if let index { object.set("member", index) } else { object.set("member", "applicant") }
        object.setIfPresent("relation", index == nil ? nil : person.relation)
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: person, districts: pack.districts,
                                        family: request.family)
        if case .integer(let age)? = person.value(of: "age", context) { object.set("age", age) }
        if case .enumeration(let stage)? = person.value(of: "school.age_stage", context) { object.set("age_stage", stage) }
        var items: [JSONValue] = []
        for rule in rules where rule.statuses.contains(ruleStatus) && applies(rule, to: person, isApplicant: index == nil) {
            items.append(item(rule, context, hypothetical: hypothetical))
        }
        object.set("items", .array(items))
        return object.value
    }

    private func item(_ rule: EntitlementRule, _ context: EvaluationContext, hypothetical: Bool) -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", rule.id)
        object.set("domain", rule.domain)
        object.set("name", rule.name.text(locale))
        var provisional = rule.provisional
        var result: String
        if let condition = rule.condition {
            let judged = ConditionEvaluator.evaluate(condition, context)
            if !judged.provisionalParameters.isEmpty { provisional = true }
            switch judged.outcome {
            case .met: result = rule.verdict.rawValue
            case .unmet: result = (rule.otherwise ?? .notEntitled).rawValue
            case .unknown: result = "unknown"
            }
            object.set("result", result)
            if judged.outcome == .unknown { object.set("missing_facts", report.missing(judged.missingFacts)) }
            if judged.outcome == .unmet, !judged.shortfalls.isEmpty { object.set("shortfalls", report.shortfallList(judged)) }
            object.set("conditions", report.tree(judged))
        } else {
            result = rule.verdict.rawValue
            object.set("result", result)
        }
        if hypothetical { object.set("requires_residence_permit", true) }
        object.set("provisional", provisional)
        object.set("citation", rule.citation)
        if let note = rule.note { object.set("note", note.text(locale)) }
        return object.value
    }
}
