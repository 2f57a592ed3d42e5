// SPDX-License-Identifier: Apache-2.0
/// Answers hukou_score_points: score, breakdown, threshold and gap, requirements and
/// vetoes, projection and ranked what-if changes; or the clause forbidding points.
struct PointsService {
    let pack: PolicyPack
    let national: PolicyPack?
    let request: DecisionRequest

    private var locale: AnswerLocale { request.locale }
    /// `detail: full`: breakdown, projection, what-if and texts are built (outcome: the
    /// score, threshold, missing facts and verdicts only).
    private var full: Bool { request.detail == .full }

    /// The rule sets of the points answer: the table, then each requirement and veto.
    private func validity(_ table: PointsTable) -> Validity {
        Validity(pack: pack, asOf: request.asOf, rules: .points)
    }

    /// The decision: typed values only (the answer is written by ``PointsDecision/write(into:)``).
    func decide() throws(HukouError) -> PointsDecision {
        let validity: Validity
        if case .table(let table)? = pack.points {
            validity = self.validity(table)
        } else {
            validity = Validity(pack: pack, asOf: request.asOf, rules: .pack)
        }
        let body: PointsDecision.Body
        if let city = AnswerHeader.ownRulesCity(pack, request) {
            body = .ownRules(city)
        } else {
            switch pack.points {
            case .prohibited(let citation, let reason)?: body = .prohibited(citation: citation, reason: reason)
            case nil: body = .noTable
            case .table(let table)?: body = .table(decide(table, validity))
            }
        }
        return PointsDecision(pack: pack, request: request, validity: validity, body: body)
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

    /// Whether a score reaches the table's guidance score, or nil when that cannot be said:
    /// a fact is missing (its points may count either way), or the total is below the
    /// threshold while indicators of the official table are not encoded. The one rule of the
    /// points answer's `may_apply` and of the points-settlement pathway of eligibility.
    static func reaches(total: Fixed, threshold: Fixed, missing: [String], table: PointsTable) -> Bool? {
        guard missing.isEmpty else { return nil }
        if total >= threshold { return true }
        return table.notScored.isEmpty ? false : nil
    }

    /// What a points answer leaves open when the table or its guidance score in force is not encoded.
    static let tableOpen = LocalizedText(zh: "该日期施行的积分分值表和申报指导分值", en: "the points table and guidance score in force on this date")

    func settlementCheck(_ validity: Validity) -> SettlementCheck {
        let open = Self.tableOpen
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
        // Only the total, the missing facts and the provisional parameters are compared.
        let now = scorer.score(request.applicant, on: request.asOf, breakdown: false)
        var provisional = now.provisional
        guard let threshold = table.threshold.map({ $0.value(on: request.asOf, provisional: &provisional) }) else {
            return SettlementCheck(result: .notComparable(LocalizedText(
                zh: "本系统未编入该分值表的申报指导分值，积分是否达到无法判断",
                en: "the guidance score of this table is not encoded, so whether the score reaches it cannot be judged")),
                total: now.total, threshold: nil, provisional: provisional, ranking: table.ranking, decidedBy: decided)
        }
        guard let reaches = Self.reaches(total: now.total, threshold: threshold, missing: now.missing, table: table) else {
            return SettlementCheck(result: .notComparable(LocalizedText(
                zh: "积分未能完整计算（缺少信息或有未编入的指标），是否达到申报指导分值无法判断",
                en: "the score could not be computed in full (missing facts or indicators not encoded), so whether it reaches the guidance score cannot be judged")),
                total: now.total, threshold: threshold, provisional: provisional, ranking: table.ranking, decidedBy: decided)
        }
        return SettlementCheck(result: reaches ? .reaches : .below, total: now.total, threshold: threshold,
                               provisional: provisional, ranking: table.ranking, decidedBy: decided)
    }

    private func decide(_ table: PointsTable, _ validity: Validity) -> PointsTableDecision {
        let person = request.applicant
        let context = EvaluationContext(asOf: request.asOf, applicant: person, subject: person, districts: pack.districts, family: request.family)
        var provisional = OrderedSet()
        var applyOutcomes: [Outcome] = []
        let tableInForce = validity.selects(table.documentIDs)
        let requirements = table.requirements.filter { validity.selects($0.documentIDs) }
        let vetoes = table.vetoes.filter { validity.selects($0.documentIDs) }
        var score: PointsTableDecision.Score?
        if tableInForce {
            let scorer = PointsScorer(table: table, districts: pack.districts, family: request.family)
            // The breakdown (each indicator's value and parts) only for a full answer.
            let now = scorer.score(person, on: request.asOf, breakdown: full)
            var ids = now.provisional
            // The threshold's own provisional parameter is shown on the threshold (issue 11).
            var thresholdProvisional: [String] = []
            let threshold = table.threshold.map { $0.value(on: request.asOf, provisional: &thresholdProvisional) }
            for id in thresholdProvisional where !ids.contains(id) { ids.append(id) }
            let quota = table.annualQuota.map { $0.value(on: request.asOf, provisional: &ids) }
            provisional.add(ids)
            var projection: PointsChanges.Projection?
            var whatIf: [PointsChanges.Line] = []
            if full {
                if let threshold, now.total < threshold, let thresholdRef = table.threshold {
                    projection = PointsChanges.projection(scorer, base: now, person: person, on: request.asOf, threshold: thresholdRef)
                    // The values the projected date rests on are listed with the others.
                    if let projection { provisional.add(projection.provisional) }
                }
                whatIf = PointsChanges.whatIf(scorer, base: now, person: person, on: request.asOf)
                // The values a what-if line rests on are listed with the others (label, source, note).
                for line in whatIf { provisional.add(line.provisional) }
            }
            score = PointsTableDecision.Score(
                total: now.total, totalProvisional: now.provisional, complete: now.missing.isEmpty && table.notScored.isEmpty,
                missing: now.missing, threshold: threshold, thresholdProvisional: thresholdProvisional, quota: quota, breakdown: full ? now.scores : [],
                projection: projection, whatIf: whatIf)
        }
        let judgedRequirements = requirements.map { requirement in
            // detail: outcome shows the outcome and missing facts only: no tree.
            let judged = full ? ConditionEvaluator.evaluate(requirement.condition, context)
                              : ConditionEvaluator.summary(requirement.condition, context)
            applyOutcomes.append(judged.outcome)
            provisional.add(judged.provisionalParameters)
            return PointsTableDecision.Judged(requirement: requirement, judged: judged)
        }
        let judgedVetoes = vetoes.map { veto in
            let judged = full ? ConditionEvaluator.evaluate(veto.condition, context) : ConditionEvaluator.summary(veto.condition, context)
            applyOutcomes.append(judged.outcome.negated)
            return PointsTableDecision.Judged(requirement: veto, judged: judged)
        }
        // "yes" only when every condition in force is met and the score reaches the guidance
        // score of the same table; otherwise what the documents leave open is said as such.
        let mayApply: PointsTableDecision.MayApply
        switch Outcome.all(applyOutcomes) {
        case .unmet: mayApply = .no
        case .unknown: mayApply = .unknown
        case .met:
            if let score, let threshold = score.threshold, requirements.count == table.requirements.count,
               let reaches = Self.reaches(total: score.total, threshold: threshold, missing: score.missing, table: table) {
                mayApply = reaches ? .yes : .no
            } else if let score, !score.missing.isEmpty {
                mayApply = .unknown
            } else if table.purpose == "settlement" {
                mayApply = .dependsOnLocalRules
            } else {
                mayApply = .unknown
            }
        }
        // What is open is set in texts the pack does not encode (the table, its guidance
        // score or the conditions to apply in force on the date): said as not encoded.
        let requirementsIncomplete = requirements.count < table.requirements.count
        let decidedBy = mayApply != .dependsOnLocalRules ? nil : DecidedBy(
            who: Self.pointsOffice,
            open: requirementsIncomplete
                ? LocalizedText(zh: "\(request.asOf) 施行的积分落户申请条件", en: "the conditions to apply in force on \(request.asOf)")
                : Self.tableOpen,
            kind: .notEncoded)
        return PointsTableDecision(table: table, score: score, requirements: judgedRequirements,
                                   requirementsIncomplete: requirementsIncomplete,
                                   vetoes: judgedVetoes, mayApply: mayApply, decidedBy: decidedBy, provisional: provisional.items)
    }
}
