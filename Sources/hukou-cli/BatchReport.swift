// SPDX-License-Identifier: Apache-2.0
import HukouRules
import Foundation

/// `--report report.html`: the batch summary as one self-contained HTML page (no scripts,
/// no external files; charts are inline SVG), for a policy office to read at a glance:
/// bars per pathway by verdict, the points histogram with the threshold line, and with
/// --compare eligible applicants before and after per pathway with who moves in and out.
enum BatchReport {
    static func write(_ summary: BatchSummary, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(html(summary).utf8)) else {
            printError("hukou: cannot write \(path)")
            throw CLIExit.io
        }
    }

    /// Colours of the verdicts (others get grey).
    static func colour(_ verdict: String) -> String {
        if verdict == SummaryWords.notEncoded { return "#64b5f6" }
        switch PathwayVerdict(rawValue: verdict) {
        case .eligible?: return "#2e7d32"
        case .notEligible?: return "#c62828"
        case .unknown?: return "#f9a825"
        case .dependsOnLocalRules?: return "#1565c0"
        case .notApplicable?: return "#9e9e9e"
        default: return "#6d4c41"
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func html(_ summary: BatchSummary) -> String {
        let words = SummaryWords(locale: summary.locale)
        let pathways = summary.orderedPathways
        let title = words.pick("批量测算报告", "Batch report")
        var page = """
        <!DOCTYPE html>
        <html lang="\(words.english ? "en" : "zh-CN")">
        <head><meta charset="utf-8"><title>\(title)</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:24px 32px;color:#212121;max-width:1180px}
        h1{font-size:26px;margin:0 0 4px} h2{font-size:20px;margin:28px 0 8px;border-bottom:2px solid #e0e0e0;padding-bottom:4px}
        .lead{font-size:16px;color:#424242} .big{font-size:22px;font-weight:bold}
        table{border-collapse:collapse;font-size:14px;margin:8px 0} td,th{padding:4px 10px;border-bottom:1px solid #eeeeee;text-align:right;white-space:nowrap}
        td.name{white-space:normal}
        td.name,th.name{text-align:left} .legend span{display:inline-block;margin-right:16px;font-size:14px}
        .legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
        .in{color:#2e7d32;font-weight:bold} .out{color:#c62828;font-weight:bold} .muted{color:#757575;font-size:13px}
        svg text{font-family:inherit}
        </style></head>
        <body>
        <h1>\(title)</h1>

        """
        let answered = summary.applicants - summary.errorCount
        page += "<p class=\"lead\" id=\"totals\"><span class=\"big\">\(grouped(summary.applicants))</span> "
            + words.pick("名申请人", "applicants") + " · " + words.pick("已答复 ", "answered ") + grouped(answered)
            + " · " + words.pick("出错 ", "failed ") + grouped(summary.errorCount)
        if summary.comparing.count == 2 {
            page += " · " + words.pick("规则对比：", "rule change: ") + escape(summary.comparing[0]) + " → " + escape(summary.comparing[1])
        }
        page += "</p>\n"
        let validity = summary.validityLines(words)
        if !validity.isEmpty {
            page += "<div id=\"validity\" style=\"border-left:6px solid #f9a825;background:#fff8e1;padding:8px 12px;margin:12px 0;font-size:15px\">"
                + validity.map { escape($0) }.joined(separator: "<br>") + "</div>\n"
        }
        if !pathways.isEmpty { page += pathwaySection(summary, pathways, words) }
        if summary.comparing.count == 2, !pathways.isEmpty { page += compareSection(pathways, words) }
        if summary.scored > 0 || summary.pointsStatuses.contains(where: { $0.key != "scored" }) { page += pointsSection(summary, words) }
        if !summary.errors.isEmpty { page += errorSection(summary, words) }
        page += "<p class=\"muted\">" + words.pick("由 hukou batch 生成；合成或实际申请数据的统计，不是对任何个人的决定。",
                                                   "Made by hukou batch; statistics of a population, not a decision on any person.") + "</p>\n</body>\n</html>\n"
        return page
    }

    /// One horizontal bar per pathway, split by verdict (share of the pathway's applicants).
    private static func pathwaySection(_ summary: BatchSummary, _ pathways: [PathwaySummary], _ words: SummaryWords) -> String {
        let verdicts = SummaryWords.order(pathways.flatMap { $0.verdicts.keys })
        var out = "<h2>" + words.pick("各落户途径：符合、不符合、信息不足与待地方规定", "Settlement pathways: eligible, not eligible, unknown, depends on local rules") + "</h2>\n"
        out += "<div class=\"legend\">" + verdicts.map { "<span><i style=\"background:\(colour($0))\"></i>\(escape(words.verdict($0)))</span>" }.joined() + "</div>\n"
        let labelWidth = 380, barWidth = 600, row = 34
        let height = pathways.count * row + 10
        out += "<svg id=\"pathways-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 150)\" height=\"\(height)\" role=\"img\">\n"
        for (index, pathway) in pathways.enumerated() {
            let y = index * row + 4
            let total = pathway.applicants
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" font-size=\"14\">\(escape(shorten(pathway.name, 24)))</text>\n"
            var x = Double(labelWidth)
            for verdict in verdicts {
                let count = pathway.verdicts[verdict] ?? 0
                guard count > 0, total > 0 else { continue }
                let width = Double(barWidth) * Double(count) / Double(total)
                out += "<rect x=\"\(fmt(x))\" y=\"\(y)\" width=\"\(fmt(width))\" height=\"26\" fill=\"\(colour(verdict))\"><title>\(escape(words.verdict(verdict))) \(grouped(count)) (\(percent(count, of: total)))</title></rect>\n"
                if width > 44 {
                    out += "<text x=\"\(fmt(x + width / 2))\" y=\"\(y + 18)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">\(percent(count, of: total))</text>\n"
                }
                x += width
            }
            let eligible = pathway.verdicts[PathwayVerdict.eligible.rawValue] ?? 0
            out += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 18)\" font-size=\"13\">" + words.pick("符合 ", "eligible ") + "\(grouped(eligible))</text>\n"
        }
        out += "</svg>\n"
        out += "<table id=\"pathways-table\"><tr><th class=\"name\">" + words.pick("途径", "pathway") + "</th>"
            + verdicts.map { "<th>\(escape(words.verdict($0)))</th>" }.joined()
            + "<th class=\"name\">" + words.pick("最常见的未满足条件（仅差此条）", "most common unmet condition (only this one)") + "</th></tr>\n"
        for pathway in pathways {
            let total = pathway.applicants
            out += "<tr><td class=\"name\">\(escape(pathway.name)) <span class=\"muted\">\(escape(pathway.id))</span></td>"
            out += verdicts.map { verdict in
                let count = pathway.verdicts[verdict] ?? 0
                return "<td>\(grouped(count)) <span class=\"muted\">\(percent(count, of: total))</span></td>"
            }.joined()
            if let top = pathway.topUnmet {
                out += "<td class=\"name\">\(escape(top.label)) — \(grouped(top.count)) (\(percent(top.count, of: pathway.verdicts[PathwayVerdict.notEligible.rawValue] ?? 0)))"
                    + " <span class=\"muted\">(\(grouped(pathway.onlyUnmet[top.label] ?? 0)))</span></td>"
            } else {
                out += "<td class=\"name\">–</td>"
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// Per pathway the verdicts before and after (two stacked bars), eligible before → after,
    /// and who moves in and out.
    private static func compareSection(_ pathways: [PathwaySummary], _ words: SummaryWords) -> String {
        var out = "<h2>" + words.pick("规则变化：各途径变化前后的结论", "Rule change: each pathway's verdicts before and after") + "</h2>\n"
        let verdicts = SummaryWords.order(pathways.flatMap { Array($0.verdicts.keys) + Array($0.after.keys) })
        out += "<div class=\"legend\">" + verdicts.map { "<span><i style=\"background:\(colour($0))\"></i>\(escape(words.verdict($0)))</span>" }.joined() + "</div>\n"
        let labelWidth = 380, barWidth = 440, row = 50
        out += "<svg id=\"compare-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 360)\" height=\"\(pathways.count * row + 10)\" role=\"img\">\n"
        for (index, pathway) in pathways.enumerated() {
            let y = index * row + 4
            let before = pathway.verdicts[PathwayVerdict.eligible.rawValue] ?? 0, after = pathway.after[PathwayVerdict.eligible.rawValue] ?? 0
            let net = pathway.movedIn - pathway.movedOut
            let other = pathway.moves.filter { !$0.key.hasPrefix("eligible→") && !$0.key.hasSuffix("→eligible") }.values.reduce(0, +)
            out += "<text x=\"\(labelWidth - 40)\" y=\"\(y + 24)\" text-anchor=\"end\" font-size=\"14\">\(escape(shorten(pathway.name, 22)))</text>\n"
            for (offset, counts, label) in [(0, pathway.verdicts, words.pick("前", "before")), (20, pathway.after, words.pick("后", "after"))] {
                out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + offset + 14)\" text-anchor=\"end\" font-size=\"11\" fill=\"#616161\">\(label)</text>\n"
                let total = counts.values.reduce(0, +)
                var x = Double(labelWidth)
                for verdict in verdicts {
                    let count = counts[verdict] ?? 0
                    guard count > 0, total > 0 else { continue }
                    let width = Double(barWidth) * Double(count) / Double(total)
                    out += "<rect x=\"\(fmt(x))\" y=\"\(y + offset)\" width=\"\(fmt(width))\" height=\"18\" fill=\"\(colour(verdict))\"><title>\(label) \(escape(words.verdict(verdict))) \(grouped(count))</title></rect>\n"
                    x += width
                }
            }
            out += "<text x=\"\(labelWidth + barWidth + 10)\" y=\"\(y + 24)\" font-size=\"13\">" + words.pick("符合 ", "eligible ") + "\(grouped(before)) → \(grouped(after))</text>\n"
            out += "<text x=\"\(labelWidth + barWidth + 170)\" y=\"\(y + 24)\" font-size=\"13\"><tspan fill=\"#2e7d32\">+\(grouped(pathway.movedIn))</tspan> <tspan fill=\"#c62828\">−\(grouped(pathway.movedOut))</tspan> "
                + words.pick("净 ", "net ") + "\((net > 0 ? "+" : "") + grouped(net))"
                + (other > 0 ? "<tspan fill=\"#1565c0\"> " + words.pick("其他 ", "other ") + "\(grouped(other))</tspan>" : "") + "</text>\n"
        }
        out += "</svg>\n"
        out += "<table id=\"compare-table\"><tr><th class=\"name\">" + words.pick("途径", "pathway") + "</th><th>" + words.pick("转入", "in")
            + "</th><th>" + words.pick("转出", "out") + "</th><th>" + words.pick("净变化", "net") + "</th><th class=\"name\">"
            + words.pick("其他变化", "other changes") + "</th><th class=\"name\">"
            + words.pick("不同的条款", "clauses that differ") + "</th></tr>\n"
        for pathway in pathways {
            let net = pathway.movedIn - pathway.movedOut
            out += "<tr><td class=\"name\">\(escape(pathway.name))</td><td class=\"in\">+\(grouped(pathway.movedIn))</td><td class=\"out\">−\(grouped(pathway.movedOut))</td>"
                + "<td class=\"\(net > 0 ? "in" : net < 0 ? "out" : "")\">\((net > 0 ? "+" : "") + grouped(net))</td><td class=\"name\">"
                + otherMoves(pathway, words) + "</td><td class=\"name\">"
                + (pathway.clauses.isEmpty ? "–" : pathway.clauses.map { escape($0.describe) }.joined(separator: "<br>")) + "</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// Verdict changes other than into or out of eligible ("unknown→not eligible 12").
    private static func otherMoves(_ pathway: PathwaySummary, _ words: SummaryWords) -> String {
        let other = pathway.moves.filter { !$0.key.hasPrefix("eligible→") && !$0.key.hasSuffix("→eligible") }
        guard !other.isEmpty else { return "–" }
        return other.keys.sorted().map { key in
            escape(key.split(separator: "→").map { words.verdict(String($0)) }.joined(separator: "→")) + " " + grouped(other[key] ?? 0)
        }.joined(separator: "<br>")
    }

    /// The points histogram with the threshold as a vertical line and the share reaching it.
    private static func pointsSection(_ summary: BatchSummary, _ words: SummaryWords) -> String {
        let threshold = summary.threshold
        var out = "<h2>" + words.pick("积分分布", "Points distribution") + "</h2>\n<p class=\"lead\" id=\"points-lead\">"
        out += grouped(summary.scored) + words.pick(" 人计分", " applicants scored")
        if let threshold {
            out += words.pick("；分数线 ", "; threshold ") + "<b>\(threshold)</b>" + words.pick("，达到者 ", ", reached by ")
                + "<span class=\"big\">\(percent(summary.reaching, of: summary.scored))</span> (\(grouped(summary.reaching)))"
        }
        if summary.incomplete > 0 {
            out += words.pick("；信息不全、分数可能偏低：", "; incomplete scores (may be low): ") + grouped(summary.incomplete)
        }
        for (status, count) in summary.pointsStatuses.sorted(by: { $0.key < $1.key }) where status != "scored" {
            out += words.pick("；", "; ") + escape(words.pointsStatus(status)) + " " + grouped(count)
        }
        out += "</p>\n"
        let bins = summary.histogram.keys.sorted()
        guard let low = bins.first, let high = bins.last else { return out }
        let width = BatchSummary.binWidth
        let lo = min(low, threshold.map { $0 / width * width } ?? low), hi = max(high, threshold.map { $0 / width * width } ?? high)
        let count = (hi - lo) / width + 1
        let left = 60, plotWidth = 980, plotHeight = 260, top = 24
        let barWidth = Double(plotWidth) / Double(count)
        let peak = max(1, summary.histogram.values.max() ?? 1)
        out += "<svg id=\"points-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(left + plotWidth + 20)\" height=\"\(top + plotHeight + 50)\" role=\"img\">\n"
        out += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#616161\"/>\n"
        for step in 0...4 {
            let value = peak * step / 4
            let y = top + plotHeight - plotHeight * step / 4
            out += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"11\" fill=\"#616161\">\(grouped(value))</text>\n"
            if step > 0 { out += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"#eeeeee\"/>\n" }
        }
        let labelEvery = max(1, count / 16)
        for index in 0..<count {
            let bin = lo + index * width
            let value = summary.histogram[bin] ?? 0
            let h = Double(plotHeight) * Double(value) / Double(peak)
            let x = Double(left) + Double(index) * barWidth
            let fill = threshold.map { bin >= $0 ? "#2e7d32" : "#90a4ae" } ?? "#607d8b"
            out += "<rect x=\"\(fmt(x + 1))\" y=\"\(fmt(Double(top + plotHeight) - h))\" width=\"\(fmt(max(1, barWidth - 2)))\" height=\"\(fmt(h))\" fill=\"\(fill)\"><title>\(bin)–\(bin + width - 1): \(grouped(value))</title></rect>\n"
            if index % labelEvery == 0 {
                out += "<text x=\"\(fmt(x))\" y=\"\(top + plotHeight + 16)\" font-size=\"11\" fill=\"#616161\">\(bin)</text>\n"
            }
        }
        if let threshold {
            let x = Double(left) + Double(threshold - lo) / Double(width) * barWidth
            out += "<line id=\"threshold-line\" x1=\"\(fmt(x))\" y1=\"\(top - 10)\" x2=\"\(fmt(x))\" y2=\"\(top + plotHeight)\" stroke=\"#c62828\" stroke-width=\"3\" stroke-dasharray=\"8 4\"/>\n"
            out += "<text x=\"\(fmt(x + 6))\" y=\"\(top + 4)\" font-size=\"14\" fill=\"#c62828\" font-weight=\"bold\">" + words.pick("分数线 ", "threshold ")
                + "\(threshold)：" + words.pick("达到 ", "reached by ") + "\(percent(summary.reaching, of: summary.scored))</text>\n"
        }
        out += "<text x=\"\(left + plotWidth / 2)\" y=\"\(top + plotHeight + 40)\" text-anchor=\"middle\" font-size=\"13\">" + words.pick("积分（每 \(width) 分一档）", "points (bins of \(width))") + "</text>\n"
        return out + "</svg>\n"
    }

    private static func errorSection(_ summary: BatchSummary, _ words: SummaryWords) -> String {
        var out = "<h2>" + words.pick("出错的行", "Failed lines") + "</h2>\n<table id=\"errors-table\"><tr><th class=\"name\">"
            + words.pick("状态", "status") + "</th><th class=\"name\">" + words.pick("字段", "field") + "</th><th>" + words.pick("行数", "lines")
            + "</th><th class=\"name\">" + words.pick("前几行行号", "first line numbers") + "</th></tr>\n"
        for group in summary.errors.values.sorted(by: { ($0.count, $1.status, $1.field) > ($1.count, $0.status, $0.field) }) {
            out += "<tr><td class=\"name\">\(escape(group.status))</td><td class=\"name\">\(escape(group.field.isEmpty ? words.pick("（整行）", "(whole line)") : group.field))</td>"
                + "<td>\(grouped(group.count))</td><td class=\"name\">\(group.lines.map(String.init).joined(separator: ", "))\(group.count > group.lines.count ? " …" : "")</td></tr>\n"
        }
        return out + "</table>\n"
    }

    private static func shorten(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    private static func fmt(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
