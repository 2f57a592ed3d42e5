// SPDX-License-Identifier: Apache-2.0
/// Answers hukou_score_points: score, breakdown, threshold and gap, requirements and
/// vetoes, projection and ranked what-if changes; or the clause forbidding points.
struct PointsService {
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest

    private var locale: AnswerLocale { request.locale }
    private var report: ConditionReport { ConditionReport(locale: locale, parameters: pack.parameters) }
    /// `detail: full`: breakdown, projection, what-if and texts are built (outcome: the
    /// score, threshold, missing facts and verdicts only).
    private var full: Bool { request.detail == .full }

    /// The rule sets of the points answer: the table, then each requirement and veto.
    private func validity(_ table: PointsTable) -> Validity {
        Validity(pack: pack, asOf: request.asOf,
                 ruleDocuments: [table.documentIDs] + (table.requirements + table.vetoes).map(\.documentIDs))
    }

    func answer() throws(HukouError) -> JSONValue {
        var answer = AnswerHeader.build(kind: "points", pack: pack, request: request)
        if case .table(let table)? = pack.points {
            answer.set("validity", validity(table).json(locale))
        } else {
            answer.set("validity", Validity(pack: pack, asOf: request.asOf, ruleDocuments: [[]]).json(locale))
        }
        if let city = AnswerHeader.ownRulesCity(pack, request) {
            AnswerHeader.ownRules(city, into: &answer, locale: locale)
            return answer.value
        }
        switch pack.points {
        case .prohibited(let citation, let reason)?:
            answer.set("points_allowed", false)
            answer.set("reason", reason.text(locale))
            answer.set("citation", citation)
            return answer.value
        case nil:
            answer.set("points_allowed", false)
            answer.set("reason", LocalizedText(zh: "本政策包未规定积分办法", en: "this pack defines no points table").text(locale))
            answer.set("citation", pack.document.number)
            return answer.value
        case .table(let table)?:
            answer.set("points_allowed", true)
            answer.set("purpose", table.purpose)
            answer.set("citation", table.citation)
            if full, let note = table.note { answer.set("note", note.text(locale)) }
            score(table, validity(table), into: &answer)
            return answer.value
        }
    }

    /// Whether the score reaches the guidance score of the same table, for the points
    /// settlement pathway (never "eligible" before this comparison).
    struct SettlementCheck {
        enum Result { case reaches, below, notComparable(LocalizedText) }
        let result: Result
        let total: Fixed?
        let threshold: Fixed?
        let provisional: [String]
        let ranking: PointsTable.Ranking?
        let decidedBy: DecidedBy
    }

    static let pointsOffice = LocalizedText(zh: "积分受理窗口（人力社保部门）", en: "the points office (human-resources and social-security bureau)")

    func settlementCheck(_ validity: Validity) -> SettlementCheck {
        let open = LocalizedText(zh: "该日期施行的积分分值表和申报指导分值", en: "the points table and guidance score in force on this date")
        guard case .table(let table)? = pack.points, table.purpose == "settlement" else {
            return SettlementCheck(result: .notComparable(LocalizedText(zh: "本系统未编入积分分值表", en: "no points table is encoded")),
                                   total: nil, threshold: nil, provisional: [], ranking: nil,
                                   decidedBy: DecidedBy(who: Self.pointsOffice, open: open, kind: .notEncoded))
        }
        // The table and guidance score in force are set (津政发〔2015〕39号 附件, 第二十九条) and not encoded.
        let decided = DecidedBy(who: Self.pointsOffice, open: open, kind: .notEncoded)
        guard self.validity(table).selects(table.documentIDs), validity.selects(table.documentIDs) else {
            return SettlementCheck(result: .notComparable(LocalizedText(
                zh: "本系统未编入该日期施行的积分分值表，积分是否达到申报指导分值无法判断",
                en: "the points table in force on this date is not encoded, so whether the score reaches the guidance score cannot be judged")),
                total: nil, threshold: nil, provisional: [], ranking: table.ranking, decidedBy: decided)
        }
        let scorer = PointsScorer(table: table, districts: pack.districts, family: request.family)
        let now = scorer.score(request.applicant, on: request.asOf)
        var provisional = now.provisional
        guard let threshold = table.threshold.map({ $0.value(on: request.asOf, provisional: &provisional) }) else {
            return SettlementCheck(result: .notComparable(LocalizedText(
                zh: "本系统未编入该分值表的申报指导分值，积分是否达到无法判断",
                en: "the guidance score of this table is not encoded, so whether the score reaches it cannot be judged")),
                total: now.total, threshold: nil, provisional: provisional, ranking: table.ranking, decidedBy: decided)
        }
        guard now.missing.isEmpty, table.notScored.isEmpty || now.total >= threshold else {
            return SettlementCheck(result: .notComparable(LocalizedText(
                zh: "积分未能完整计算（缺少信息或有未编入的指标），是否达到申报指导分值无法判断",
                en: "the score could not be computed in full (missing facts or indicators not encoded), so whether it reaches the guidance score cannot be judged")),
                total: now.total, threshold: threshold, provisional: provisional, ranking: table.ranking, decidedBy: decided)
        }
        return SettlementCheck(result: now.total >= threshold ? .reaches : .below, total: now.total, threshold: threshold,
                               provisional: provisional, ranking: table.ranking, decidedBy: decided)
    }

    private func score(_ table: PointsTable, _ validity: Validity, into answer: inout JSONObjectBuilder) {
        let person = request.applicant
        let context = EvaluationContext(asOf: request.asOf, applicant: person, subject: person, districts: pack.districts, family: request.family)
        var provisional: [String] = []
        var applyOutcomes: [Outcome] = []
        let tableInForce = validity.selects(table.documentIDs)
        let requirements = table.requirements.filter { validity.selects($0.documentIDs) }
        let vetoes = table.vetoes.filter { validity.selects($0.documentIDs) }
        var threshold: Fixed?
        var total: Fixed?
        var complete = false
        if tableInForce {
            let scorer = PointsScorer(table: table, districts: pack.districts, family: request.family)
            let now = scorer.score(person, on: request.asOf)
            provisional = now.provisional
            threshold = table.threshold.map { $0.value(on: request.asOf, provisional: &provisional) }
            let quota = table.annualQuota.map { $0.value(on: request.asOf, provisional: &provisional) }
            total = now.total
            complete = now.missing.isEmpty && table.notScored.isEmpty
            answer.set("score_status", "scored")
            answer.set("total", now.total.json)
            answer.set("score_complete", complete)
            if !now.missing.isEmpty {
                answer.set("missing_facts", report.missing(now.missing))
            }
            if !table.notScored.isEmpty {
                answer.set("not_scored", .array(table.notScored.map { item in
                    var object = JSONObjectBuilder()
                    object.set("id", item.id)
                    object.set("label", item.label.text(locale))
                    object.set("citation", item.citation)
                    return object.value
                }))
            }
            if let threshold {
                answer.set("threshold", threshold.json)
                answer.set("gap", max(Fixed.zero, threshold - now.total).json)
                answer.set("reaches_threshold", now.total >= threshold)
            }
            if let quota { answer.set("annual_quota", quota.json) }
            if full {
                answer.set("breakdown", .array(now.scores.map(breakdown)))
                if let threshold, now.total < threshold, let thresholdRef = table.threshold {
                    answer.set("projection", projection(scorer, table, thresholdRef))
                }
                answer.set("what_if", whatIf(scorer, table, base: now, provisional: &provisional))
            }
        } else {
            // Never a score from another period's values, never a threshold of another table.
            answer.set("score_status", "table_not_encoded")
            answer.set("score_text", LocalizedText(
                zh: "本系统未编入 \(request.asOf) 施行的积分分值表，不计算积分；请向\(Self.pointsOffice.zh)咨询现行分值表和申报指导分值。",
                en: "The points table in force on \(request.asOf) is not encoded, so no score is computed; please ask \(Self.pointsOffice.en) for the table and guidance score in force.").text(locale))
        }
        answer.set("requirements", .array(requirements.map { requirement in
            let judged = ConditionEvaluator.evaluate(requirement.condition, context)
            applyOutcomes.append(judged.outcome)
            for id in judged.provisionalParameters where !provisional.contains(id) { provisional.append(id) }
            return requirementJSON(requirement, judged, met: "met", unmet: "unmet")
        }))
        if requirements.count < table.requirements.count {
            answer.set("requirements_text", LocalizedText(
                zh: "\(request.asOf) 施行的部分申请条件未编入本系统，请向工作人员核实。",
                en: "Some of the conditions to apply in force on \(request.asOf) are not encoded: please check with staff.").text(locale))
        }
        answer.set("vetoes", .array(vetoes.map { veto in
            let judged = ConditionEvaluator.evaluate(veto.condition, context)
            applyOutcomes.append(judged.outcome.negated)
            return requirementJSON(veto, judged, met: "applies", unmet: "does_not_apply")
        }))
        // "yes" only when every condition in force is met and the score reaches the guidance
        // score of the same table; otherwise what the documents leave open is said as such.
        let conditions = Outcome.all(applyOutcomes)
        let mayApply: String
        switch conditions {
        case .unmet: mayApply = "no"
        case .unknown: mayApply = "unknown"
        case .met:
            if let total, let threshold, complete || total < threshold, requirements.count == table.requirements.count {
                mayApply = total >= threshold ? "yes" : "no"
            } else if table.purpose == "settlement" {
                mayApply = "depends_on_local_rules"
            } else {
                mayApply = "unknown"
            }
        }
        answer.set("may_apply", mayApply)
        if mayApply == "depends_on_local_rules" {
            // What is open is set in texts the pack does not encode (the table, its guidance
            // score or conditions to apply in force on the date): said as not encoded.
            let open = requirements.count < table.requirements.count
                ? LocalizedText(zh: "\(request.asOf) 施行的积分落户申请条件", en: "the conditions to apply in force on \(request.asOf)")
                : LocalizedText(zh: "该日期施行的积分分值表和申报指导分值", en: "the points table and guidance score in force on this date")
            answer.set("decided_by", DecidedByReport.block(DecidedBy(who: Self.pointsOffice, open: open, kind: .notEncoded), citation: table.citation, locale: locale))
        }
        if full, let ranking = table.ranking {
            var block = JSONObjectBuilder()
            block.set("text", ranking.text.text(locale))
            block.set("citation", ranking.citation)
            answer.set("ranking", block.value)
        }
        answer.set("provisional", table.provisional || !provisional.isEmpty)
        answer.set("provisional_parameters", report.provisional(provisional))
    }

    private func requirementJSON(_ requirement: Requirement, _ judged: EvaluatedCondition, met: String, unmet: String) -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", requirement.id)
        if full { object.set("label", requirement.label.text(locale)) }
        object.set("result", judged.outcome == .met ? met : judged.outcome == .unmet ? unmet : "unknown")
        object.set("citation", requirement.citation)
        if judged.outcome == .unknown { object.set("missing_facts", report.missing(judged.missingFacts)) }
        if full, judged.outcome == .unmet, !judged.shortfalls.isEmpty { object.set("shortfalls", report.shortfallList(judged)) }
        return object.value
    }

    private func breakdown(_ score: IndicatorScore) -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", score.indicator.id)
        object.set("label", score.indicator.label.text(locale))
        object.set("points", score.points.json)
        object.set("value", score.valueUsed)
        object.set("cap_applied", score.capApplied)
        object.set("citation", score.indicator.citation)
        if !score.provisional.isEmpty {
            object.set("provisional", true)
        }
        if !score.missing.isEmpty { object.set("missing_facts", report.missing(score.missing)) }
        if let chosen = score.chosen { object.set("counted", chosen) }
        if !score.children.isEmpty { object.set("parts", .array(score.children.map(breakdown))) }
        return object.value
    }

    /// The first date within the horizon on which the score reaches the threshold if the
    /// applicant simply keeps living and paying insurance.
    /// Both the score and the threshold are taken on each future date (rules and the
    /// guidance score may change by date).
    private func projection(_ scorer: PointsScorer, _ table: PointsTable, _ thresholdRef: NumberRef) -> JSONValue {
        var ignored: [String] = []
        var threshold = thresholdRef.value(on: request.asOf, provisional: &ignored)
        for months in 1...table.projectionHorizonMonths {
            guard let date = request.asOf.adding(months: months) else { break }
            threshold = thresholdRef.value(on: date, provisional: &ignored)
            let later = scorer.score(request.applicant.advanced(byMonths: months), on: date)
            if later.total >= threshold {
                var object = JSONObjectBuilder()
                object.set("reaches_threshold_on", date.description)
                object.set("months", months)
                object.set("total_then", later.total.json)
                object.set("text", LocalizedText(
                    zh: "如保持现状（继续居住、缴纳社保），将于 \(date) 达到 \(threshold) 分",
                    en: "reaches \(threshold) points on \(date) if the applicant simply keeps living here and paying insurance").text(locale))
                return object.value
            }
        }
        var object = JSONObjectBuilder()
        object.set("reaches_threshold_on", .null)
        object.set("months", .null)
        object.set("text", LocalizedText(
            zh: "保持现状在 \(table.projectionHorizonMonths) 个月内达不到 \(threshold) 分",
            en: "does not reach \(threshold) points within \(table.projectionHorizonMonths) months by time alone").text(locale))
        return object.value
    }

    /// Realistic single changes, one per indicator, ranked by points gained.
    private func whatIf(_ scorer: PointsScorer, _ table: PointsTable, base: PointsScorer.Result, provisional: inout [String]) -> JSONValue {
        var candidates: [(gain: Fixed, order: Int, json: JSONValue)] = []
        var order = 0
        /// The total with one fact changed: only the top-level indicators that read the
        /// fact are scored again (caps, groups and either-or still apply in full).
        func total(with change: PointsScorer.Change) -> Fixed {
            var points = base.scores.map(\.points)
            for (index, top) in table.indicators.enumerated() where top.reads(change.fact) && index < points.count {
                points[index] = scorer.score(top, request.applicant, request.asOf, change.overrides).points
            }
            return scorer.total(points, on: request.asOf)
        }
        func consider(_ indicator: Indicator) {
            switch indicator.kind {
            case .group(let children), .bestOf(let children):
                children.forEach(consider)
                return
            default: break
            }
            for change in scorer.changes(indicator, request.applicant, request.asOf) {
                let total = total(with: change)
                guard total > base.total else { continue }
                var object = JSONObjectBuilder()
                object.set("indicator", indicator.id)
                object.set("change", change.text.text(locale))
                object.set("fact", change.fact)
                object.set("to", change.to)
                object.set("points_gained", (total - base.total).json)
                object.set("new_total", total.json)
                object.set("citation", indicator.citation)
                candidates.append((total - base.total, order, object.value))
                order += 1
            }
        }
        table.indicators.forEach(consider)
        candidates.sort { $0.gain != $1.gain ? $0.gain > $1.gain : $0.order < $1.order }
        return .array(candidates.prefix(5).map(\.json))
    }

}
