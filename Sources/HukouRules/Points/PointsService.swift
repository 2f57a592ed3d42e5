/// Answers hukou_score_points: score, breakdown, threshold and gap, requirements and
/// vetoes, projection and ranked what-if changes; or the clause forbidding points.
struct PointsService {
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest

    private var locale: AnswerLocale { request.locale }
    private var report: ConditionReport { ConditionReport(locale: locale, parameters: pack.parameters) }

    func answer() throws(HukouError) -> JSONValue {
        var answer = AnswerHeader.build(kind: "points", pack: pack, request: request)
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
            if let note = table.note { answer.set("note", note.text(locale)) }
            score(table, into: &answer)
            return answer.value
        }
    }

    private func score(_ table: PointsTable, into answer: inout JSONObjectBuilder) {
        let scorer = PointsScorer(table: table, districts: pack.districts, family: request.family)
        let person = request.applicant
        let now = scorer.score(person, on: request.asOf)
        var provisional = now.provisional
        let threshold = table.threshold.map { $0.value(on: request.asOf, provisional: &provisional) }
        let quota = table.annualQuota.map { $0.value(on: request.asOf, provisional: &provisional) }

        answer.set("total", now.total.json)
        answer.set("score_complete", now.missing.isEmpty)
        if !now.missing.isEmpty {
            answer.set("missing_facts", report.missing(now.missing))
        }
        if let threshold {
            answer.set("threshold", threshold.json)
            answer.set("gap", max(Fixed.zero, threshold - now.total).json)
            answer.set("reaches_threshold", now.total >= threshold)
        }
        if let quota { answer.set("annual_quota", quota.json) }
        answer.set("breakdown", .array(now.scores.map(breakdown)))

        let context = EvaluationContext(asOf: request.asOf, applicant: person, subject: person, districts: pack.districts, family: request.family)
        var applyOutcomes: [Outcome] = []
        answer.set("requirements", .array(table.requirements.map { requirement in
            let judged = ConditionEvaluator.evaluate(requirement.condition, context)
            applyOutcomes.append(judged.outcome)
            for id in judged.provisionalParameters where !provisional.contains(id) { provisional.append(id) }
            return requirementJSON(requirement, judged, met: "met", unmet: "unmet")
        }))
        answer.set("vetoes", .array(table.vetoes.map { veto in
            let judged = ConditionEvaluator.evaluate(veto.condition, context)
            applyOutcomes.append(judged.outcome.negated)
            return requirementJSON(veto, judged, met: "applies", unmet: "does_not_apply")
        }))
        let mayApply = Outcome.all(applyOutcomes + (threshold.map { [now.total >= $0 ? .met : .unmet] } ?? []))
        answer.set("may_apply", mayApply == .met ? "yes" : mayApply == .unmet ? "no" : "unknown")

        if let threshold, now.total < threshold, let thresholdRef = table.threshold {
            answer.set("projection", projection(scorer, table, thresholdRef))
        }
        answer.set("what_if", whatIf(scorer, table, base: now, provisional: &provisional))
        answer.set("provisional", table.provisional || !provisional.isEmpty)
        answer.set("provisional_parameters", report.provisional(provisional))
    }

    private func requirementJSON(_ requirement: Requirement, _ judged: EvaluatedCondition, met: String, unmet: String) -> JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", requirement.id)
        object.set("label", requirement.label.text(locale))
        object.set("result", judged.outcome == .met ? met : judged.outcome == .unmet ? unmet : "unknown")
        object.set("citation", requirement.citation)
        if judged.outcome == .unknown { object.set("missing_facts", report.missing(judged.missingFacts)) }
        if judged.outcome == .unmet, !judged.shortfalls.isEmpty { object.set("shortfalls", report.shortfallList(judged)) }
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
