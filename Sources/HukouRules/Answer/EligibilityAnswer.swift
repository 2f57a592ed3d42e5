// SPDX-License-Identifier: Apache-2.0
/// The eligibility answer (docs/answers.md): every key of it, streamed from the typed
/// ``EligibilityDecision`` into the writer. With `detail: outcome` no explanation text is
/// built (reasons, condition trees, shortfalls, documents, notes).
extension EligibilityDecision {
    func write(into writer: inout AnswerWriter) {
        let locale = request.locale
        writer.beginObject()
        AnswerHeader.write(kind: "eligibility", pack: pack, request: request, into: &writer)
        writer.key("validity")
        validity.write(locale, into: &writer)
        if let ownRules { AnswerHeader.ownRules(ownRules, locale: locale, into: &writer) }
        if ownRulesOnly {
            writer.key("pathways")
            writer.beginArray()
            writer.endArray()
            writer.endObject()
            return
        }
        AnswerHeader.writeCityNote(pack, request, into: &writer)
        writer.key("eligible_pathways")
        writer.beginArray()
        for index in pathways.indices where pathways[index].verdict == .eligible { writer.string(pathways[index].pathway.id) }
        writer.endArray()
        let answer = Writing(locale: locale, full: request.detail == .full,
                             report: ConditionReport(locale: locale, parameters: pack.parameters, facts: pack.facts), family: request.family)
        writer.key("pathways")
        writer.beginArray()
        for index in pathways.indices { answer.pathway(pathways[index], into: &writer) }
        writer.endArray()
        writer.key("priority_groups")
        writer.beginArray()
        for index in priorityGroups.indices { answer.priorityGroup(priorityGroups[index], into: &writer) }
        writer.endArray()
        if !notices.isEmpty {
            writer.key("notices")
            writer.beginArray()
            for index in notices.indices {
                writer.beginObject()
                writer.member("id", notices[index].id)
                writer.member("text", notices[index].text.text(locale))
                writer.member("citation", notices[index].citation)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }
}

/// What writing one eligibility answer needs besides the decision.
private struct Writing {
    let locale: AnswerLocale
    /// `detail: full`: explanation texts and trees are written.
    let full: Bool
    let report: ConditionReport
    let family: [Person]

    private func text(_ zh: String, _ en: String) -> String { locale == .en ? en : zh }

    func priorityGroup(_ decision: PriorityGroupDecision, into writer: inout AnswerWriter) {
        writer.beginObject()
        writer.member("id", decision.group.id)
        writer.member("name", decision.group.name.text(locale))
        switch decision.outcome {
        case .met: writer.member("result", "member" as StaticString)
        case .unmet: writer.member("result", "not_member" as StaticString)
        case .unknown:
            writer.member("result", "unknown" as StaticString)
            writer.key("missing_facts")
            report.missing(decision.missingFacts, into: &writer)
        }
        writer.member("citation", decision.group.citation)
        writer.endObject()
    }

    func pathway(_ decision: PathwayDecision, into writer: inout AnswerWriter) {
        writer.beginObject()
        writer.member("id", decision.pathway.id)
        writer.member("name", decision.pathway.name.text(locale))
        writer.member("citation", decision.pathway.citation)
        // The pathway is passed borrowed from the pack's list (no copy of its parts).
        switch decision.basis {
        case .applicability(let judged): notConcerned(decision.pathway, decision.verdict, judged, into: &writer)
        case .decidedBy(let decided): decidedBy(decision.pathway, decided, decision.followers, into: &writer)
        case .conditions(let judged): conditions(decision.pathway, decision.verdict, judged, decision.followers, into: &writer)
        }
        writer.endObject()
    }

    /// not_applicable (or unknown): the applicability condition is not met.
    private func notConcerned(_ pathway: Pathway, _ verdict: PathwayVerdict, _ judged: EvaluatedCondition, into writer: inout AnswerWriter) {
        writer.member("result", verdict.name)
        if judged.outcome == .unmet {
            if full { writer.member("reason", DecidedByReport.notApplicableReason(report.unmetLabels(judged), locale: locale)) }
        } else {
            let missing = judged.missingFacts
            if full { writer.member("reason", unknownReason(missing)) }
            writer.key("missing_facts")
            report.missing(missing, into: &writer)
        }
        guard full else { return }
        writer.key("applicability")
        report.tree(judged, into: &writer)
        if let note = pathway.note { writer.member("note", note.text(locale)) }
    }

    /// The document directs the city to set the conditions.
    private func decidedBy(_ pathway: Pathway, _ decided: DecidedBy, _ followers: [FollowerDecision]?, into writer: inout AnswerWriter) {
        writer.member("result", PathwayVerdict.dependsOnLocalRules.name)
        if full { writer.member("reason", DecidedByReport.reason(decided, citation: pathway.citation, locale: locale)) }
        writer.key("decided_by")
        DecidedByReport.block(decided, citation: pathway.citation, locale: locale, into: &writer)
        if let followers { self.followers(pathway, followers, into: &writer) }
        if full, let note = pathway.note { writer.member("note", note.text(locale)) }
    }

    private func conditions(_ pathway: Pathway, _ verdict: PathwayVerdict, _ judged: JudgedPathway, _ followers: [FollowerDecision]?,
                            into writer: inout AnswerWriter) {
        if let decided = judged.decidedBy {
            writer.key("decided_by")
            DecidedByReport.block(decided, citation: pathway.citation, locale: locale, into: &writer)
        }
        if let ranking = judged.points?.ranking {
            writer.key("ranking")
            writer.beginObject()
            writer.member("text", ranking.text.text(locale))
            writer.member("citation", ranking.citation)
            writer.endObject()
        }
        writer.member("result", verdict.name)
        let outcome = judged.conditions.outcome
        // Computed once: the tree's missing facts (reason and missing_facts of an unknown verdict).
        let missing = outcome == .unknown ? judged.conditions.missingFacts : []
        if full { writer.member("reason", reason(pathway, judged, missing)) }
        writer.member("provisional", judged.provisional)
        if !judged.provisionalParameters.isEmpty {
            writer.key("provisional_parameters")
            report.provisional(judged.provisionalParameters, into: &writer)
        }
        if full, outcome == .met { matchedGroups(judged.conditions, into: &writer) }
        if outcome == .unknown {
            writer.key("missing_facts")
            report.missing(missing, into: &writer)
        }
        if full, outcome == .unmet, !judged.capDecides {
            writer.key("shortfalls")
            report.shortfallList(judged.conditions, into: &writer)
        }
        if full {
            writer.key("conditions")
            report.tree(judged.conditions, into: &writer)
        }
        if let followers { self.followers(pathway, followers, into: &writer) }
        if let order = judged.addressOrder { addressOrder(pathway, order, into: &writer) }
        guard full else { return }
        if !pathway.documents.isEmpty {
            writer.key("documents_to_bring")
            writer.beginArray()
            for index in pathway.documents.indices { pathway.documents[index].write(locale, into: &writer) }
            writer.endArray()
        }
        if let note = pathway.note { writer.member("note", note.text(locale)) }
    }

    /// The one-line reason of a judged pathway (full detail only).
    private func reason(_ pathway: Pathway, _ judged: JudgedPathway, _ missing: [String]) -> String {
        switch judged.conditions.outcome {
        case .unknown: return unknownReason(missing)
        case .unmet:
            if judged.capDecides, let decided = judged.decidedBy {
                return DecidedByReport.reason(decided, citation: pathway.citation, locale: locale)
            }
            let unmet = report.unmetLabels(judged.conditions)
            return locale == .en ? "not met: " + unmet.joined(separator: "; ") : "不符合：" + unmet.joined(separator: "；")
        case .met:
            guard let check = judged.points else { return text("符合该途径的全部条件", "meets every condition of this pathway") }
            let total = check.total ?? .zero
            let threshold = check.threshold ?? .zero
            switch check.result {
            case .reaches:
                return text("符合申请条件，积分 \(total) 分达到同一分值表的申报指导分值 \(threshold) 分；能否落户按年度指标内的积分排名确定",
                            "meets the conditions to apply and the score of \(total) reaches the guidance score of \(threshold) of the same table; settlement is decided by ranking within the annual quota")
            case .below:
                return text("符合其他申请条件，但积分 \(total) 分未达到申报指导分值 \(threshold) 分",
                            "meets the other conditions, but the score of \(total) is below the guidance score of \(threshold)")
            case .notComparable(let why):
                return text("符合申请条件（积分除外）；" + why.zh, "meets the conditions to apply (other than the score); " + why.en)
            }
        }
    }

    private func unknownReason(_ missing: [String]) -> String {
        let asks = report.askLabels(missing)
        return locale == .en ? "not enough information to decide; please provide: " + asks.joined(separator: ", ")
                             : "信息不足，无法判断；请提供：" + asks.joined(separator: "、")
    }

    /// `matched`: the groups of a pathway open to several groups (an `any`) the applicant is in.
    private func matchedGroups(_ judged: EvaluatedCondition, into writer: inout AnswerWriter) {
        var node = judged
        while node.kind != "any", node.kind == "all", node.children.count == 1 { node = node.children[0] }
        guard node.kind == "any", node.children.contains(where: { $0.outcome == .met }) else { return }
        writer.key("matched")
        writer.beginArray()
        for child in node.children where child.outcome == .met {
            writer.beginObject()
            writer.key("label")
            report.label(child, into: &writer)
            writer.memberIfPresent("citation", child.info.citation)
            writer.endObject()
        }
        writer.endArray()
    }

    /// `followers`: for each family member, may they settle with the applicant, and by which rule.
    private func followers(_ pathway: Pathway, _ followers: [FollowerDecision], into writer: inout AnswerWriter) {
        writer.key("followers")
        writer.beginArray()
        for position in followers.indices {
            let member = followers[position].member
            writer.beginObject()
            writer.member("member", member)
            if family.indices.contains(member) { writer.memberIfPresent("relation", family[member].relation) }
            switch followers[position].result {
            case .mayFollow(let index):
                writer.member("result", "may_follow" as StaticString)
                if pathway.followers.indices.contains(index) {
                    let rule = pathway.followers[index]
                    writer.member("rule", rule.label.text(locale))
                    writer.member("citation", rule.citation)
                }
            case .unknown(let missing):
                writer.member("result", "unknown" as StaticString)
                writer.key("missing_facts")
                report.missing(missing, into: &writer)
            case .mayNotFollow:
                writer.member("result", "may_not_follow" as StaticString)
                if full, case .mayNotFollow(let closest?) = followers[position].result {
                    writer.member("reason", text("不符合：", "not met: ") + report.unmetLabels(closest).joined(separator: locale == .en ? "; " : "；"))
                } else if full {
                    writer.member("reason", text("不属于该条款列明的随迁家属", "not among the family members this clause lets follow"))
                }
                writer.member("citation", pathway.followers.first?.citation ?? pathway.citation)
            }
            writer.endObject()
        }
        writer.endArray()
    }

    /// `address_order` and `address_chosen` (Fujian （四）).
    private func addressOrder(_ pathway: Pathway, _ order: AddressOrderDecision, into writer: inout AnswerWriter) {
        writer.key("address_order")
        writer.beginArray()
        for index in pathway.addressOrder.indices {
            writer.beginObject()
            writer.member("rank", index + 1)
            writer.member("label", pathway.addressOrder[index].label.text(locale))
            writer.member("citation", pathway.addressOrder[index].citation)
            if order.steps.indices.contains(index), let outcome = order.steps[index]?.outcome {
                writer.key("available")
                switch outcome {
                case .met: writer.bool(true)
                case .unmet: writer.bool(false)
                case .unknown: writer.null()
                }
                if outcome == .unknown, let missing = order.steps[index]?.missingFacts {
                    writer.key("missing_facts")
                    report.missing(missing, into: &writer)
                }
            }
            writer.endObject()
        }
        writer.endArray()
        writer.memberIfPresent("address_chosen", order.chosen)
    }
}
