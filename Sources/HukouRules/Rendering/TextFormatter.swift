// SPDX-License-Identifier: Apache-2.0
/// The terminal rendering: warnings first, the verdict line, then each section with the
/// clause in brackets after every line and the details indented under it.
struct TextFormatter {
    let rendered: RenderedAnswer
    private var lines: [String] = []

    init(_ rendered: RenderedAnswer) {
        self.rendered = rendered
    }

    private var english: Bool { rendered.locale == .en }

    func render() -> String {
        var formatter = self
        formatter.build()
        return formatter.lines.joined(separator: "\n") + "\n"
    }

    private mutating func build() {
        for warning in rendered.warnings {
            let mark: String
            switch warning.level {
            case .validity: mark = english ? "!! VALIDITY: " : "!! 有效期："
            case .provisional: mark = english ? "!! PROVISIONAL: " : "!! 暂定："
            case .notice: mark = "※ "
            }
            lines.append(mark + warning.text + bracket(warning.citation))
        }
        lines.append("\(rendered.question) — \(rendered.place) — \(rendered.source) — \(rendered.asOf)")
        line(rendered.headline, indent: 0, headline: true)
        for section in rendered.sections {
            lines.append("")
            lines.append(section.heading + (english ? ":" : "："))
            for entry in section.lines { line(entry, indent: 1, headline: false) }
        }
    }

    private func bracket(_ citation: String?) -> String {
        citation.map { " [\($0)]" } ?? ""
    }

    private mutating func line(_ entry: RenderLine, indent: Int, headline: Bool) {
        let pad = String(repeating: "  ", count: indent)
        let mark = entry.verdict.map { $0.symbol + " " } ?? "· "
        var text = entry.title
        if !entry.verdictText.isEmpty { text += (english ? " — " : " — ") + entry.verdictText }
        lines.append(pad + (headline ? "==> " : "") + mark + text + bracket(entry.citation))
        for detail in entry.details {
            lines.append(pad + "    " + prefix(detail.kind) + detail.text + bracket(detail.citation))
        }
        for child in entry.children { line(child, indent: indent + 2, headline: false) }
    }

    private func prefix(_ kind: RenderDetail.Kind) -> String {
        switch kind {
        case .shortfall: return "→ "
        case .missing, .openQuestion: return "? "
        case .provisional: return "~ "
        case .document: return "□ "
        case .note: return "※ "
        case .reason: return ""
        }
    }
}
