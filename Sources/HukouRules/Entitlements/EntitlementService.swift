// SPDX-License-Identifier: Apache-2.0
/// Answers hukou_lookup_entitlements: for the applicant and each family member, what
/// they may use in the city under the status assumed, each item cited.
struct EntitlementService {
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest

    private var locale: AnswerLocale { request.locale }
    private var report: ConditionReport { ConditionReport(locale: locale, parameters: pack.parameters) }
    /// `detail: full`: explanation texts and trees are built (outcome: verdicts only).
    private var full: Bool { request.detail == .full }

    /// The pack's rules in force (by their documents), then the national rules in force that
    /// the pack neither overrides (same id) nor specializes (one line per service).
    func rules(_ validity: Validity) -> [EntitlementRule] {
        var list = pack.entitlements.filter { validity.selects($0.documentIDs) }
        if let national, national.id != pack.id {
            let specialized = Set(pack.entitlements.flatMap(\.specializes))
            list += national.entitlements.filter { rule in
                !specialized.contains(rule.id) && !list.contains { $0.id == rule.id }
                    && national.documentsInForce(rule.documentIDs, on: request.asOf)
            }
        }
        return list
    }

    /// The national rule `id` (for the citation of a city rule that specializes it).
    private func nationalRule(_ id: String) -> EntitlementRule? {
        national?.entitlements.first { $0.id == id }
    }

    func answer() throws(HukouError) -> JSONValue {
        var answer = AnswerHeader.build(kind: "entitlements", pack: pack, request: request)
        let validity = Validity(pack: pack, asOf: request.asOf, ruleDocuments: pack.entitlements.map(\.documentIDs))
        answer.set("validity", validity.json(locale))
        let rules = rules(validity)
        if let city = AnswerHeader.ownRulesCity(pack, request) {
            AnswerHeader.ownRules(city, into: &answer, locale: locale)
            return answer.value
        }
        if let note = AnswerHeader.cityNote(pack, request) { answer.set("note", note) }
        let applicant = request.applicant
        guard let status = applicant.effectiveStatus else {
            answer.set("status_assumed", .null)
            answer.set("missing_facts", report.missing(["status", "hukou.local", "residence_permit.held"]))
            if full { answer.set("reason", LocalizedText(
                zh: "无法判断身份：请说明是否本地户籍、是否按本方案落户、是否持有居住证",
                en: "status unknown: say whether the applicant holds local hukou, settled under this plan, or holds a residence permit").text(locale)) }
            answer.set("people", .array([]))
            return answer.value
        }
        answer.set("status_assumed", status)
        answer.set("status_source", applicant.status == nil ? "derived" : "given")
        answer.set("status_label", statusLabel(status).text(locale))
        // Without a permit: what applying would bring, and how far the permit conditions are.
        let ruleStatus = status == "none" ? "residence_permit" : status
        if status == "none" { answer.set("residence_permit", permitBlock()) }

        var people: [JSONValue] = [personBlock(applicant, index: nil, status: status, ruleStatus: ruleStatus, rules: rules)]
        for (index, member) in request.family.enumerated() {
            people.append(personBlock(member, index: index, status: status, ruleStatus: ruleStatus, rules: rules))
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
        guard full else { return object.value }
        if judged.outcome == .unmet { object.set("shortfalls", report.shortfallList(judged)) }
        object.set("conditions", report.tree(judged))
        let documents = pack.permitConditions != nil ? pack.permitDocuments : (national?.permitDocuments ?? [])
        if !documents.isEmpty { object.set("documents_to_bring", .array(documents.map { $0.json(locale) })) }
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

    /// Without a permit (`none`): rules written for everyone without one (status `none`)
    /// apply as they are; permit rules are shown as what a permit would bring.
    private func personBlock(_ person: Person, index: Int?, status: String, ruleStatus: String, rules: [EntitlementRule]) -> JSONValue {
        var object = JSONObjectBuilder()
        if let index { object.set("member", index) } else { object.set("member", "applicant") }
        object.setIfPresent("relation", index == nil ? nil : person.relation)
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: person, districts: pack.districts,
                                        family: request.family)
        if case .integer(let age)? = person.value(of: "age", context) { object.set("age", age) }
        if case .enumeration(let stage)? = person.value(of: "school.age_stage", context) { object.set("age_stage", stage) }
        var items: [JSONValue] = []
        for rule in rules where applies(rule, to: person, isApplicant: index == nil) {
            if status == "none", rule.statuses.contains("none") {
                items.append(item(rule, context, hypothetical: false))
            } else if rule.statuses.contains(ruleStatus) {
                items.append(item(rule, context, hypothetical: status == "none"))
            }
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
        var concerned = true
        if let applies = rule.appliesTo {
            let judged = ConditionEvaluator.evaluate(applies, context)
            if judged.outcome != .met {
                concerned = false
                result = judged.outcome == .unmet ? "not_applicable" : "unknown"
                object.set("result", result)
                if judged.outcome == .unmet {
                    if full { object.set("reason", DecidedByReport.notApplicableReason(report.unmetLabels(judged), locale: locale)) }
                } else {
                    object.set("missing_facts", report.missing(judged.missingFacts))
                }
                if full { object.set("applicability", report.tree(judged)) }
            }
        }
        if !concerned {
            // Nothing more: a rule that does not concern the person carries no verdict.
        } else if let decided = rule.decidedBy {
            result = "depends_on_local_rules"
            object.set("result", result)
            if full { object.set("reason", DecidedByReport.reason(decided, citation: rule.citation, locale: locale)) }
            object.set("decided_by", DecidedByReport.block(decided, citation: rule.citation, locale: locale))
        } else if let condition = rule.condition {
            let judged = ConditionEvaluator.evaluate(condition, context)
            if !judged.provisionalParameters.isEmpty { provisional = true }
            switch judged.outcome {
            case .met: result = rule.verdict.rawValue
            case .unmet: result = (rule.otherwise ?? .notEntitled).rawValue
            case .unknown: result = "unknown"
            }
            object.set("result", result)
            if judged.outcome == .unknown { object.set("missing_facts", report.missing(judged.missingFacts)) }
            if full, judged.outcome == .unmet, !judged.shortfalls.isEmpty { object.set("shortfalls", report.shortfallList(judged)) }
            if full { object.set("conditions", report.tree(judged)) }
        } else {
            result = rule.verdict.rawValue
            object.set("result", result)
        }
        if hypothetical { object.set("requires_residence_permit", true) }
        object.set("provisional", provisional)
        object.set("citation", rule.citation)
        if !rule.specializes.isEmpty {
            object.set("specializes", .array(rule.specializes.map { id in
                var entry = JSONObjectBuilder()
                entry.set("id", id)
                entry.setIfPresent("citation", nationalRule(id)?.citation)
                return entry.value
            }))
        }
        if full, let note = rule.note { object.set("note", note.text(locale)) }
        return object.value
    }
}
