// SPDX-License-Identifier: Apache-2.0
import HukouRules

/// Words of the summary and the report, in the requests' locale (zh-CN unless "en").
struct SummaryWords {
    let english: Bool

    init(locale: String?) { english = locale == "en" }

    func pick(_ zh: String, _ en: String) -> String { english ? en : zh }

    /// The display name of a verdict value; unknown values (new vocabulary) show as they are.
    func verdict(_ value: String) -> String {
        guard let verdict = PathwayVerdict(rawValue: value) else {
            switch value {
            case Self.absent: return pick("（无此途径）", "(no such pathway)")
            case Self.notEncoded: return pick("文件有规定，未编入", "not encoded here")
            default: return value
            }
        }
        switch verdict {
        case .eligible: return pick("符合", "eligible")
        case .notEligible: return pick("不符合", "not eligible")
        case .unknown: return pick("信息不足", "unknown")
        case .dependsOnLocalRules: return pick("待地方规定", "depends on local rules")
        case .notApplicable: return pick("不适用", "not applicable")
        }
    }

    /// The summary's own value for a pathway one of two compared packs does not have.
    static let absent = "absent"
    /// The summary's own value for a `depends_on_local_rules` verdict whose `decided_by.kind`
    /// is `not_encoded`: the documents decide, this system does not encode it (counted apart
    /// from the rules left to the city, which "待地方规定" names).
    static let notEncoded = "not_encoded"

    func pointsStatus(_ status: String) -> String {
        switch status {
        case "table_not_encoded": return pick("分值表未编入、未计分", "not scored: points table not encoded")
        default: return status
        }
    }

    func validity(_ status: String) -> String {
        switch status {
        case "in_force": return pick("现行有效", "in force")
        case "expired": return pick("所依据的规定已到期", "answered from expired texts")
        case "not_yet_in_force": return pick("所编入的规定尚未施行", "encoded texts not yet in force")
        default: return status
        }
    }

    /// Verdicts in reading order: the known ones first (not_applicable and not_encoded only
    /// when some line has them), any other value after them.
    static func order(_ values: some Sequence<String>) -> [String] {
        var known = PathwayVerdict.allCases.map(\.rawValue)
        if let open = known.firstIndex(of: PathwayVerdict.dependsOnLocalRules.rawValue) { known.insert(notEncoded, at: open + 1) }
        let present = Set(values)
        let shownWhenPresent = [PathwayVerdict.notApplicable.rawValue, notEncoded]
        return known.filter { present.contains($0) || !shownWhenPresent.contains($0) } + present.subtracting(known).sorted()
    }
}

/// "12.3%" of `part` in `whole` (one decimal; "–" when there is no whole).
func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "–" }
    let tenths = Int((Double(min(max(part, 0), whole)) * 1000 / Double(whole)).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
}

/// 1234567 → "1 234 567" (a thin space groups thousands in both languages).
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { out.append(" ") }
        out.append(character)
    }
    return value < 0 ? "-" + out : out
}

/// Terminal columns a text takes (CJK and full-width forms take two).
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
        return width + (wide ? 2 : 1)
    }
}

func padRight(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - displayWidth(text))) }
func padLeft(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - displayWidth(text))) + text }

extension BatchSummary {
    /// The summary for a person: per pathway the verdict counts with percentages and the most
    /// common unmet requirement, the points distribution with the threshold, the failed lines
    /// and, with --compare, who moves in and out and the clauses that differ.
    func render(seconds: Double?, workers: Int) -> String {
        let words = SummaryWords(locale: locale)
        var lines: [String] = []
        let errorTotal = errorCount
        var head = words.pick("申请人：", "applicants: ") + grouped(applicants) + words.pick("  已答复：", "  answered: ") + grouped(applicants - errorTotal)
            + words.pick("  出错：", "  errors: ") + grouped(errorTotal)
        if let seconds {
            let rate = seconds > 0 ? Int(Double(applicants) / seconds) : 0
            head += words.pick("  用时：", "  time: ") + "\(Int(seconds * 1000)) ms" + words.pick("  速度：", "  rate: ") + grouped(rate) + "/s"
                + words.pick("（\(workers) 线程）", " on \(workers) threads")
        }
        lines.append(head)
        lines += validityLines(words)
        let verdicts = SummaryWords.order(pathways.values.flatMap { $0.verdicts.keys })
        var group: String?
        for pathway in orderedPathways {
            if pathway.group != group {
                group = pathway.group
                lines.append("")
                lines.append("\(pathway.groupName)（\(pathway.group)）" + words.pick("：各落户途径", ": settlement pathways"))
                lines.append(verdicts.map { padLeft(words.verdict($0), 18) }.joined() + "  " + words.pick("途径", "pathway"))
            }
            let total = pathway.applicants
            lines.append(verdicts.map { padLeft(grouped(pathway.verdicts[$0] ?? 0) + " " + padLeft(percent(pathway.verdicts[$0] ?? 0, of: total), 6), 18) }.joined()
                         + "  " + pathway.name + " [\(pathway.id)]")
        }
        let withUnmet = orderedPathways.filter { $0.topUnmet != nil }
        if !withUnmet.isEmpty {
            lines.append("")
            lines.append(words.pick("各途径最常见的未满足条件（占该途径不符合者的比例；括号内为仅差这一条的人数）：",
                                    "most common unmet condition per pathway (share of that pathway's not eligible; in brackets: missing only this one):"))
            for pathway in withUnmet {
                guard let top = pathway.topUnmet else { continue }
                let notEligible = pathway.verdicts[PathwayVerdict.notEligible.rawValue] ?? 0
                lines.append("  " + pathway.name + "：" + top.label + " — " + grouped(top.count) + " (" + percent(top.count, of: notEligible) + ")"
                             + words.pick("（仅差此条：", " (only this: ") + grouped(pathway.onlyUnmet[top.label] ?? 0) + words.pick("）", ")"))
            }
        }
        if scored > 0 || pointsStatuses.contains(where: { $0.key != "scored" }) { lines.append(""); lines += renderPoints(words) }
        if !errors.isEmpty {
            lines.append("")
            lines.append(words.pick("出错的行（按状态和字段，列出前几行行号）：", "failed lines (by status and field, first line numbers):"))
            for group in errors.values.sorted(by: { ($0.count, $1.status, $1.field) > ($1.count, $0.status, $0.field) }) {
                let field = group.field.isEmpty ? words.pick("（整行）", "(whole line)") : group.field
                let more = group.count > group.lines.count ? " …" : ""
                lines.append("  \(group.status)  \(field)  " + grouped(group.count) + words.pick(" 行：", " lines: ")
                             + group.lines.map(String.init).joined(separator: ", ") + more)
            }
        }
        if comparing.count == 2 { lines.append(""); lines += renderComparison(words) }
        return lines.joined(separator: "\n")
    }

    /// Answers given from texts not in force on their date come first, with the answers' own words.
    func validityLines(_ words: SummaryWords) -> [String] {
        let notInForce = validity.filter { $0.key != "in_force" }
        guard !notInForce.isEmpty else { return [] }
        var lines = ["⚠ " + words.pick("有效期：", "validity: ") + notInForce.keys.sorted().map { status in
            let count = notInForce[status] ?? 0
            return words.validity(status) + " " + grouped(count) + " (" + percent(count, of: applicants) + ")"
        }.joined(separator: ", ")]
        for text in validityTexts.keys.sorted() { lines.append("  " + text + " [" + grouped(validityTexts[text] ?? 0) + "]") }
        return lines
    }

    private func renderPoints(_ words: SummaryWords) -> [String] {
        var lines: [String] = []
        let threshold = self.threshold
        var head = words.pick("积分分布（", "points distribution (") + grouped(scored) + words.pick(" 人", " scored")
        if let threshold {
            head += words.pick("；分数线 \(threshold)，达到者 ", "; threshold \(threshold), reached by ") + grouped(reaching) + " (" + percent(reaching, of: scored) + ")"
        }
        if incomplete > 0 { head += words.pick("；信息不全、分数可能偏低者 ", "; incomplete scores (may be low): ") + grouped(incomplete) }
        for (status, count) in pointsStatuses.sorted(by: { $0.key < $1.key }) where status != "scored" {
            head += words.pick("；", "; ") + words.pointsStatus(status) + " " + grouped(count)
        }
        lines.append(head + words.pick("）：", "):"))
        let peak = max(1, histogram.values.max() ?? 1)
        let width = Self.binWidth
        for bin in histogram.keys.sorted() {
            let count = histogram[bin] ?? 0
            let bar = String(repeating: "█", count: max(count > 0 ? 1 : 0, count * 40 / peak))
            let mark: String
            if let threshold, threshold >= bin, threshold < bin + width { mark = words.pick("  ◀ 分数线 \(threshold)", "  ◀ threshold \(threshold)") } else { mark = "" }
            let side = threshold.map { bin >= $0 ? "≥" : " " } ?? " "
            lines.append(side + padLeft(String(bin), 4) + "–" + padRight(String(bin + width - 1), 4) + " " + padRight(bar, 40) + " " + padLeft(grouped(count), 9) + mark)
        }
        return lines
    }

    private func renderComparison(_ words: SummaryWords) -> [String] {
        var lines: [String] = []
        lines.append(words.pick("规则变化 \(comparing[0]) → \(comparing[1])：各途径转入（变为符合）、转出（不再符合）与净变化",
                                "rule change \(comparing[0]) → \(comparing[1]): per pathway, applicants moving in (becoming eligible), out (no longer eligible) and the net change"))
        lines.append(padLeft(words.pick("转入", "in"), 10) + padLeft(words.pick("转出", "out"), 10) + padLeft(words.pick("净变化", "net"), 10)
                     + padLeft(words.pick("符合：前", "eligible before"), 17) + padLeft(words.pick("后", "after"), 10) + "  " + words.pick("途径", "pathway"))
        for pathway in orderedPathways {
            let net = pathway.movedIn - pathway.movedOut
            lines.append(padLeft("+" + grouped(pathway.movedIn), 10) + padLeft("-" + grouped(pathway.movedOut), 10) + padLeft((net > 0 ? "+" : "") + grouped(net), 10)
                         + padLeft(grouped(pathway.verdicts[PathwayVerdict.eligible.rawValue] ?? 0), 17) + padLeft(grouped(pathway.after[PathwayVerdict.eligible.rawValue] ?? 0), 10) + "  " + pathway.name)
            let other = pathway.moves.filter { !$0.key.hasPrefix("eligible→") && !$0.key.hasSuffix("→eligible") }
            if !other.isEmpty {
                lines.append(String(repeating: " ", count: 32) + words.pick("其他变化：", "other changes: ") + other.keys.sorted().map { key in
                    let parts = key.split(separator: "→").map(String.init)
                    return parts.map { words.verdict($0) }.joined(separator: "→") + " " + grouped(other[key] ?? 0)
                }.joined(separator: ", "))
            }
            for clause in pathway.clauses {
                lines.append(String(repeating: " ", count: 32) + words.pick("不同的条款：", "differing clause: ") + clause.describe)
            }
        }
        return lines
    }
}

extension ClauseChange {
    /// "parameter urban_social_insurance_months (values) — 安政办〔2018〕19号 二（二）".
    var describe: String {
        var text = "\(section) \(id)"
        if kind != "changed" { text += " \(kind)" } else if !fields.isEmpty { text += " (" + fields.joined(separator: ", ") + ")" }
        if !citation.isEmpty { text += " — " + citation }
        return text
    }
}
