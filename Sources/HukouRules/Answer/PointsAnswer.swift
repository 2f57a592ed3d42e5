// SPDX-License-Identifier: Apache-2.0
/// The points answer (docs/answers.md "Points"): every key of it, streamed from a
/// ``PointsDecision`` into an ``AnswerWriter``. Texts are made here, in the request's
/// locale, and only for what the answer's `detail` includes.
extension PointsDecision {
    func write(into writer: inout AnswerWriter) {
        let locale = request.locale
        writer.beginObject()
        AnswerHeader.write(kind: "points", pack: pack, request: request, into: &writer)
        writer.field("validity")
        validity.write(locale, into: &writer)
        switch body {
        case .ownRules(let city):
            AnswerHeader.ownRules(city, locale: locale, into: &writer)
        case .prohibited(let citation, let reason):
            writer.member("points_allowed", false)
            writer.member("reason", reason.text(locale))
            writer.member("citation", citation)
        case .noTable:
            writer.member("points_allowed", false)
            writer.member("reason", LocalizedText(zh: "本政策包未规定积分办法", en: "this pack defines no points table").text(locale))
            writer.member("citation", pack.document.number)
        case .table(let decided):
            PointsAnswer(locale: locale, full: request.detail == .full, asOf: request.asOf,
                         report: ConditionReport(locale: locale, parameters: pack.parameters)).write(decided, into: &writer)
        }
        writer.endObject()
    }
}

/// Writes a points table's decision.
struct PointsAnswer {
    let locale: AnswerLocale
    let full: Bool
    let asOf: CivilDate
    let report: ConditionReport

    func write(_ decided: PointsTableDecision, into writer: inout AnswerWriter) {
        let table = decided.table
        writer.member("points_allowed", true)
        writer.member("purpose", table.purpose)
        writer.member("citation", table.citation)
        if full, let note = table.note { writer.member("note", note.text(locale)) }
        if let score = decided.score {
            writer.member("score_status", "scored")
            writer.field("total")
            fixed(score.total, &writer)
            // A provisional value that shapes the total is shown on it (issue 11).
            let totalProvisional = table.provisional || !score.totalProvisional.isEmpty
            if totalProvisional {
                writer.member("total_provisional", true)
                writer.member("total_provisional_parameters", strings: score.totalProvisional)
            }
            writer.member("score_complete", score.complete)
            if !score.missing.isEmpty { writer.member("missing_facts", strings: score.missing) }
            if !table.notScored.isEmpty {
                writer.field("not_scored")
                writer.beginArray()
                for item in table.notScored {
                    writer.beginObject()
                    writer.member("id", item.id)
                    writer.member("label", item.label.text(locale))
                    writer.member("citation", item.citation)
                    writer.endObject()
                }
                writer.endArray()
            }
            if let threshold = score.threshold {
                writer.field("threshold")
                fixed(threshold, &writer)
                writer.field("gap")
                fixed(max(Fixed.zero, threshold - score.total), &writer)
                writer.member("reaches_threshold", score.total >= threshold)
                // A provisional guidance score is shown as such on the threshold (issue 11).
                if !score.thresholdProvisional.isEmpty {
                    writer.member("threshold_provisional", true)
                    writer.member("threshold_provisional_parameters", strings: score.thresholdProvisional)
                }
            }
            if let quota = score.quota {
                writer.field("annual_quota")
                fixed(quota, &writer)
            }
            if full {
                writer.field("breakdown")
                writer.beginArray()
                for (indicator, item) in zip(table.indicators, score.breakdown) { breakdown(indicator, item, &writer) }
                writer.endArray()
                if let projection = score.projection { self.projection(projection, &writer) }
                writer.field("what_if")
                writer.beginArray()
                for line in score.whatIf { whatIf(line, provisional: table.provisional, &writer) }
                writer.endArray()
            }
        } else {
            // Never a score from another period's values, never a threshold of another table.
            writer.member("score_status", "table_not_encoded")
            writer.member("score_text", LocalizedText(
                zh: "本系统未编入 \(asOf) 施行的积分分值表，不计算积分；请向\(PointsService.pointsOffice.zh)咨询现行分值表和申报指导分值。",
                en: "The points table in force on \(asOf) is not encoded, so no score is computed; please ask \(PointsService.pointsOffice.en) for the table and guidance score in force.").text(locale))
        }
        writer.field("requirements")
        writer.beginArray()
        for item in decided.requirements { requirement(item, met: "met", unmet: "unmet", &writer) }
        writer.endArray()
        if decided.requirementsIncomplete {
            writer.member("requirements_text", LocalizedText(
                zh: "\(asOf) 施行的部分申请条件未编入本系统，请向工作人员核实。",
                en: "Some of the conditions to apply in force on \(asOf) are not encoded: please check with staff.").text(locale))
        }
        writer.field("vetoes")
        writer.beginArray()
        for item in decided.vetoes { requirement(item, met: "applies", unmet: "does_not_apply", &writer) }
        writer.endArray()
        writer.member("may_apply", decided.mayApply.rawValue)
        if let decidedBy = decided.decidedBy {
            writer.field("decided_by")
            DecidedByReport.block(decidedBy, citation: table.citation, locale: locale, into: &writer)
        }
        if full, let ranking = table.ranking {
            writer.field("ranking")
            writer.beginObject()
            writer.member("text", ranking.text.text(locale))
            writer.member("citation", ranking.citation)
            writer.endObject()
        }
        writer.member("provisional", table.provisional || !decided.provisional.isEmpty)
        writer.field("provisional_parameters")
        report.provisional(decided.provisional, into: &writer)
    }

    private func requirement(_ item: PointsTableDecision.Judged, met: StaticString, unmet: StaticString, _ writer: inout AnswerWriter) {
        let judged = item.judged
        writer.beginObject()
        writer.member("id", item.requirement.id)
        if full { writer.member("label", item.requirement.label.text(locale)) }
        writer.field("result")
        switch judged.outcome {
        case .met: writer.string(met)
        case .unmet: writer.string(unmet)
        case .unknown: writer.string("unknown")
        }
        writer.member("citation", item.requirement.citation)
        if judged.outcome == .unknown { writer.member("missing_facts", strings: judged.missingFacts) }
        if full, judged.outcome == .unmet, !judged.shortfalls.isEmpty {
            writer.field("shortfalls")
            report.shortfallList(judged, into: &writer)
        }
        writer.endObject()
    }

    /// An indicator's breakdown entry; the parts of a group or either-or beside their scores.
    private func breakdown(_ indicator: Indicator, _ score: IndicatorScore, _ writer: inout AnswerWriter) {
        writer.beginObject()
        writer.member("id", indicator.id)
        writer.member("label", indicator.label.text(locale))
        writer.field("points")
        fixed(score.points, &writer)
        writer.field("value")
        factValue(score.valueUsed, &writer)
        writer.member("cap_applied", score.capApplied)
        writer.member("citation", indicator.citation)
        if !score.provisional.isEmpty { writer.member("provisional", true) }
        if !score.missing.isEmpty { writer.member("missing_facts", strings: score.missing) }
        if let chosen = score.chosen { writer.member("counted", chosen) }
        if !score.children.isEmpty {
            writer.field("parts")
            writer.beginArray()
            var parts: [Indicator] = []
            if case .group(let children) = indicator.kind { parts = children }
            if case .bestOf(let children) = indicator.kind { parts = children }
            for (part, child) in zip(parts, score.children) { breakdown(part, child, &writer) }
            writer.endArray()
        }
        writer.endObject()
    }

    private func projection(_ projection: PointsChanges.Projection, _ writer: inout AnswerWriter) {
        writer.field("projection")
        writer.beginObject()
        if let date = projection.reachedOn, let months = projection.months, let total = projection.totalThen {
            writer.member("reaches_threshold_on", date.description)
            writer.member("months", months)
            writer.field("total_then")
            fixed(total, &writer)
            writer.member("text", LocalizedText(
                zh: "如保持现状（继续居住、缴纳社保），将于 \(date) 达到 \(projection.threshold) 分",
                en: "reaches \(projection.threshold) points on \(date) if the applicant simply keeps living here and paying insurance").text(locale))
        } else {
            writer.field("reaches_threshold_on")
            writer.null()
            writer.field("months")
            writer.null()
            writer.member("text", LocalizedText(
                zh: "保持现状在 \(projection.horizon) 个月内达不到 \(projection.threshold) 分",
                en: "does not reach \(projection.threshold) points within \(projection.horizon) months by time alone").text(locale))
        }
        // A date from provisional values (a placeholder threshold or points) says so (issue 11).
        if !projection.provisional.isEmpty {
            writer.member("provisional", true)
            writer.member("provisional_parameters", strings: projection.provisional)
        }
        writer.endObject()
    }

    /// One what-if line, provisional when the points gained rest on a provisional value or
    /// the whole table is provisional (`new_total` is also provisional when `total` is).
    private func whatIf(_ line: PointsChanges.Line, provisional: Bool, _ writer: inout AnswerWriter) {
        writer.beginObject()
        writer.member("indicator", line.indicatorID)
        writer.member("change", line.change.text(locale))
        writer.member("fact", line.change.fact)
        writer.field("to")
        factValue(line.change.to, &writer)
        writer.field("points_gained")
        fixed(line.gained, &writer)
        writer.field("new_total")
        fixed(line.newTotal, &writer)
        writer.member("citation", line.citation)
        // The provisional values the points gained rest on (the indicators scored again,
        // before and after the change, and the table's floor and cap).
        if provisional || !line.provisional.isEmpty {
            writer.member("provisional", true)
            writer.member("provisional_parameters", strings: line.provisional)
        }
        writer.endObject()
    }

    /// A fixed-point number as the answer carries it: an integer when whole, else its
    /// decimals (41.5, 90.75).
    private func fixed(_ number: Fixed, _ writer: inout AnswerWriter) {
        // The decimals as the shortest double that reads back (41.5, 90.75), as ``Fixed/json`` writes them.
        if number.isInteger { writer.int(number.integerPart) } else { writer.rawValue(String(Double(number.raw) / Double(Fixed.scale))) }
    }

    private func factValue(_ value: FactValue?, _ writer: inout AnswerWriter) {
        switch value {
        case nil: writer.null()
        case .bool(let flag)?: writer.bool(flag)
        case .integer(let number)?: writer.int(number)
        case .decimal(let number)?: fixed(number, &writer)
        case .date(let date)?: writer.string(date.description)
        case .enumeration(let name)?, .text(let name)?: writer.string(name)
        }
    }
}

private extension AnswerWriter {
    /// A member name known when compiling: `key("total")` alone would choose
    /// `key(_: String)` (a string literal is a `String` first), which escapes it byte by byte.
    mutating func field(_ name: StaticString) { key(name) }
}
