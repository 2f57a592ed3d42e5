// SPDX-License-Identifier: Apache-2.0
/// Decides hukou_lookup_entitlements: for the applicant and each family member, what
/// they may use in the city under the status assumed, each item resting on its rule.
///
/// Produces an ``EntitlementsDecision`` (values only); the answer is written from it
/// (Answer/EntitlementsAnswer.swift).
struct EntitlementService {
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest

    /// The pack's rules in force (by their documents), then the national rules in force that
    /// the pack neither overrides (same id) nor specializes (one line per service).
    func rules(_ validity: Validity) -> [EntitlementRule] {
        let own = pack.entitlements
        var list: [EntitlementRule] = []
        list.reserveCapacity(own.count + (national?.entitlements.count ?? 0))
        for index in own.indices where validity.selects(own[index].documentIDs) { list.append(own[index]) }
        if let national, national.id != pack.id {
            let ownCount = list.count
            let rules = national.entitlements
            for index in rules.indices {
                let rule = rules[index]
                if pack.specializedRuleIDs.contains(rule.id) { continue }
                // Only an id the pack has can be among its rules chosen (then look among them).
                if pack.entitlementIDs.contains(rule.id), list[..<ownCount].contains(where: { $0.id == rule.id }) { continue }
                if national.documentsInForce(rule.documentIDs, on: request.asOf) { list.append(rule) }
            }
        }
        return list
    }

    func decide() throws(HukouError) -> EntitlementsDecision {
        let validity = Validity(pack: pack, asOf: request.asOf, rules: .entitlements)
        let rules = rules(validity)
        func decision(_ body: EntitlementsDecision.Body) -> EntitlementsDecision {
            EntitlementsDecision(pack: pack, national: national, request: request, validity: validity, rules: rules, body: body)
        }
        if let city = AnswerHeader.ownRulesCity(pack, request) { return decision(.ownRules(city)) }
        let applicant = request.applicant
        guard let status = applicant.effectiveStatus else {
            return decision(.statusUnknown(missingFacts: ["status", "hukou.local", "residence_permit.held"]))
        }
        // Without a permit: what applying would bring, and how far the permit conditions are.
        let ruleStatus = status == "none" ? "residence_permit" : status
        // `age` and `school.age_stage` looked up by name once per call, not per person.
        let shown = ShownFacts(applicant.catalogue)
        var people = [person(applicant, index: nil, status: status, ruleStatus: ruleStatus, rules: rules, shown: shown)]
        people.reserveCapacity(request.family.count + 1)
        for (index, member) in request.family.enumerated() {
            people.append(person(member, index: index, status: status, ruleStatus: ruleStatus, rules: rules, shown: shown))
        }
        return decision(.judged(EntitlementsDecision.StatusDecision(
            status: status, given: applicant.status != nil, permit: status == "none" ? permit() : nil, people: people)))
    }

    private func permit() -> EntitlementsDecision.PermitDecision {
        guard let permit = pack.permitConditions ?? national?.permitConditions else {
            return EntitlementsDecision.PermitDecision(requirement: nil, judged: nil, documents: [])
        }
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: request.applicant, districts: pack.districts,
                                        family: request.family)
        let documents = pack.permitConditions != nil ? pack.permitDocuments : (national?.permitDocuments ?? [])
        // detail: outcome shows the verdict and missing facts only: no tree.
        let judged = request.detail == .full ? ConditionEvaluator.evaluate(permit.condition, context)
                                             : ConditionEvaluator.summary(permit.condition, context)
        return EntitlementsDecision.PermitDecision(requirement: permit, judged: judged, documents: documents)
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
    /// apply as they are; permit rules are judged as what a permit would bring.
    /// The declarations of the facts each person's entry shows (`age`, `age_stage`), found
    /// once in the catalogue the request was read with.
    private struct ShownFacts {
        let catalogue: FactCatalogue
        let age: FactDefinition?
        let ageStage: FactDefinition?

        init(_ catalogue: FactCatalogue) {
            self.catalogue = catalogue
            age = catalogue.definition("age")
            ageStage = catalogue.definition("school.age_stage")
        }

        /// `name`'s value for `person`, as ``Person/value(of:_:)`` reads it: the definition
        /// found once when the person was read with the same catalogue, else by name.
        func value(_ fact: FactDefinition?, _ name: String, _ person: Person, _ context: EvaluationContext) -> FactValue? {
            guard person.catalogue === catalogue else { return person.value(of: name, context) }
            return fact?.read(person, context)
        }
    }

    private func person(_ person: Person, index: Int?, status: String, ruleStatus: String,
                        rules: [EntitlementRule], shown: ShownFacts) -> EntitlementsDecision.PersonEntitlements {
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: person, districts: pack.districts,
                                        family: request.family)
        var age: Int?
        if case .integer(let years)? = shown.value(shown.age, "age", person, context) { age = years }
        var stage: String?
        if case .enumeration(let value)? = shown.value(shown.ageStage, "school.age_stage", person, context) { stage = value }
        var items: [EntitlementsDecision.EntitlementItem] = []
        for (position, rule) in rules.enumerated() where applies(rule, to: person, isApplicant: index == nil) {
            if status == "none", rule.statuses.contains("none") {
                items.append(item(rule, at: position, context, hypothetical: false))
            } else if rule.statuses.contains(ruleStatus) {
                items.append(item(rule, at: position, context, hypothetical: status == "none"))
            }
        }
        return EntitlementsDecision.PersonEntitlements(member: index, relation: index == nil ? nil : person.relation,
                                                       age: age, ageStage: stage, items: items)
    }

    private func item(_ rule: EntitlementRule, at position: Int, _ context: EvaluationContext,
                      hypothetical: Bool) -> EntitlementsDecision.EntitlementItem {
        func item(_ verdict: EntitlementVerdict, _ basis: EntitlementsDecision.EntitlementItem.Basis,
                  provisional: Bool = rule.provisional) -> EntitlementsDecision.EntitlementItem {
            EntitlementsDecision.EntitlementItem(rule: position, verdict: verdict, basis: basis,
                                                 requiresResidencePermit: hypothetical, provisional: provisional)
        }
        // With detail: outcome the answer shows no tree, only the outcome and the missing facts.
        let full = request.detail == .full
        if let applies = rule.appliesTo {
            let judged = judge(applies, context, full: full)
            switch judged.outcome {
            case .met: break
            case .unmet: return item(.notApplicable, .applicability(judged))
            case .unknown: return item(.unknown, .applicability(judged))
            }
        }
        if let decided = rule.decidedBy { return item(.dependsOnLocalRules, .decidedBy(decided)) }
        guard let condition = rule.condition else { return item(rule.verdict, .unconditional) }
        let judged = judge(condition, context, full: full)
        let verdict: EntitlementVerdict
        switch judged.outcome {
        case .met: verdict = rule.verdict
        case .unmet: verdict = rule.otherwise ?? .notEntitled
        case .unknown: verdict = .unknown
        }
        return item(verdict, .condition(judged), provisional: rule.provisional || !judged.provisionalParameters.isEmpty)
    }

    /// The judged tree (detail: full), or the summary an outcome answer shows.
    private func judge(_ condition: Condition, _ context: EvaluationContext, full: Bool) -> EvaluatedCondition {
        full ? ConditionEvaluator.evaluate(condition, context) : ConditionEvaluator.summary(condition, context)
    }
}
