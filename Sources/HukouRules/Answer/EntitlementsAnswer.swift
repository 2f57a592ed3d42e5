// SPDX-License-Identifier: Apache-2.0
/// The entitlements answer (docs/answers.md "entitlements"): every key it has, streamed
/// from an ``EntitlementsDecision`` into an ``AnswerWriter``, in the documented order.
///
/// `detail: outcome` writes verdicts, missing facts and citations only: no reason, no
/// condition tree, no shortfall, no note (none of that text is built).
extension EntitlementsDecision {
    func write(into writer: inout AnswerWriter) {
        let locale = request.locale
        let full = request.detail == .full
        writer.beginObject()
        AnswerHeader.write(kind: "entitlements", pack: pack, request: request, into: &writer)
        writer.key("validity")
        validity.write(locale, into: &writer)
        if case .ownRules(let city) = body {
            AnswerHeader.ownRules(city, locale: locale, into: &writer)
            writer.endObject()
            return
        }
        AnswerHeader.writeCityNote(pack, request, into: &writer)
        switch body {
        case .ownRules:
            break
        case .statusUnknown(let missing):
            writer.key("status_assumed")
            writer.null()
            writer.member("missing_facts", strings: missing)
            if full {
                writer.member("reason", LocalizedText(
                    zh: "无法判断身份：请说明是否本地户籍、是否按本方案落户、是否持有居住证",
                    en: "status unknown: say whether the applicant holds local hukou, settled under this plan, or holds a residence permit").text(locale))
            }
            writer.key("people")
            writer.beginArray()
            writer.endArray()
        case .judged(let judged):
            writer.member("status_assumed", judged.status)
            if judged.given { writer.member("status_source", "given" as StaticString) } else { writer.member("status_source", "derived" as StaticString) }
            writer.member("status_label", statusLabel(judged.status).text(locale))
            if let permit = judged.permit {
                writer.key("residence_permit")
                write(permit, full: full, into: &writer)
            }
            writer.key("people")
            writer.beginArray()
            for person in judged.people { write(person, full: full, into: &writer) }
            writer.endArray()
        }
        writer.endObject()
    }

    /// The words for the status assumed: the `status` fact's declared value label (pack
    /// data, Policies/facts.json), else the renderer's neutral word.
    private func statusLabel(_ status: String) -> LocalizedText {
        Labels.status(status, in: pack.facts)
    }

    private var report: ConditionReport { ConditionReport(locale: request.locale, parameters: pack.parameters) }

    /// `"residence_permit": {label, result, citation, missing_facts?, shortfalls?, conditions, documents_to_bring?}`.
    private func write(_ permit: PermitDecision, full: Bool, into writer: inout AnswerWriter) {
        let locale = request.locale
        writer.beginObject()
        defer { writer.endObject() }
        guard let requirement = permit.requirement, let judged = permit.judged else {
            writer.member("result", "unknown" as StaticString)
            return
        }
        writer.member("label", requirement.label.text(locale))
        switch permit.verdict {
        case .mayApply: writer.member("result", "may_apply" as StaticString)
        case .mayNotApplyYet: writer.member("result", "may_not_apply_yet" as StaticString)
        case .unknown: writer.member("result", "unknown" as StaticString)
        }
        writer.member("citation", requirement.citation)
        if judged.outcome == .unknown { writer.member("missing_facts", strings: judged.missingFacts) }
        guard full else { return }
        let report = self.report
        if judged.outcome == .unmet {
            writer.key("shortfalls")
            report.shortfallList(judged, into: &writer)
        }
        writer.key("conditions")
        report.tree(judged, into: &writer)
        if !permit.documents.isEmpty {
            writer.key("documents_to_bring")
            writer.beginArray()
            for document in permit.documents { document.write(locale, into: &writer) }
            writer.endArray()
        }
    }

    /// `{member, relation?, age?, age_stage?, items}`.
    private func write(_ person: PersonEntitlements, full: Bool, into writer: inout AnswerWriter) {
        writer.beginObject()
        if let index = person.member { writer.member("member", index) } else { writer.member("member", "applicant" as StaticString) }
        writer.memberIfPresent("relation", person.relation)
        writer.memberIfPresent("age", person.age)
        writer.memberIfPresent("age_stage", person.ageStage)
        writer.key("items")
        writer.beginArray()
        for item in person.items where rules.indices.contains(item.rule) { write(item, rules[item.rule], full: full, into: &writer) }
        writer.endArray()
        writer.endObject()
    }

    /// `{id, domain, name, result, missing_facts? | reason?, applicability? | decided_by | shortfalls?, conditions?,
    /// requires_residence_permit?, provisional, citation, specializes?, note?}`.
    private func write(_ item: EntitlementItem, _ rule: EntitlementRule, full: Bool, into writer: inout AnswerWriter) {
        let locale = request.locale
        writer.beginObject()
        writer.member("id", rule.id)
        writer.member("domain", rule.domain)
        writer.member("name", rule.name.text(locale))
        writer.key("result")
        writer.string(item.verdict.word)
        switch item.basis {
        case .unconditional:
            break
        case .applicability(let judged):
            if judged.outcome == .unmet {
                if full { writer.member("reason", DecidedByReport.notApplicableReason(report.unmetLabels(judged), locale: locale)) }
            } else {
                writer.member("missing_facts", strings: judged.missingFacts)
            }
            if full {
                writer.key("applicability")
                report.tree(judged, into: &writer)
            }
        case .decidedBy(let decided):
            if full { writer.member("reason", DecidedByReport.reason(decided, citation: rule.citation, locale: locale)) }
            writer.key("decided_by")
            DecidedByReport.block(decided, citation: rule.citation, locale: locale, into: &writer)
        case .condition(let judged):
            if judged.outcome == .unknown { writer.member("missing_facts", strings: judged.missingFacts) }
            if full {
                let report = self.report
                if judged.outcome == .unmet, judged.hasShortfall {
                    writer.key("shortfalls")
                    report.shortfallList(judged, into: &writer)
                }
                writer.key("conditions")
                report.tree(judged, into: &writer)
            }
        }
        if item.requiresResidencePermit { writer.member("requires_residence_permit", true) }
        writer.member("provisional", item.provisional)
        writer.member("citation", rule.citation)
        if !rule.specializes.isEmpty {
            writer.key("specializes")
            writer.beginArray()
            for id in rule.specializes {
                writer.beginObject()
                writer.member("id", id)
                writer.memberIfPresent("citation", national?.entitlements.first { $0.id == id }?.citation)
                writer.endObject()
            }
            writer.endArray()
        }
        if full, let note = rule.note { writer.member("note", note.text(locale)) }
        writer.endObject()
    }
}

extension EntitlementVerdict {
    /// The verdict as the answer writes it.
    var word: StaticString {
        switch self {
        case .entitled: return "entitled"
        case .mustJoin: return "must_join"
        case .mayJoin: return "may_join"
        case .mayChoose: return "may_choose"
        case .provisional: return "provisional"
        case .notEntitled: return "not_entitled"
        case .notApplicable: return "not_applicable"
        case .dependsOnLocalRules: return "depends_on_local_rules"
        case .unknown: return "unknown"
        }
    }
}

extension EvaluatedCondition {
    /// Whether an unmet leaf below (or at) this node has a shortfall (``shortfalls`` is not empty),
    /// found without gathering them.
    var hasShortfall: Bool {
        guard outcome == .unmet else { return false }
        if shortfall != nil { return true }
        return children.contains { $0.hasShortfall }
    }
}
