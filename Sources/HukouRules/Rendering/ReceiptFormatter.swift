// SPDX-License-Identifier: Apache-2.0
/// The thermal-printer rendering: fixed-width lines of at most `columns` columns (every
/// non-ASCII character two, ``TextWidth``), ASCII marks (printers' code pages have no
/// ✔ ✘), the verdict lines with their clauses and what is missing; the provisional and
/// validity warnings first. With a ``ReceiptProvenance`` it is the decision receipt.
struct ReceiptFormatter {
    let rendered: RenderedAnswer
    let columns: Int
    let provenance: ReceiptProvenance?
    private var lines: [String] = []

    init(_ rendered: RenderedAnswer, columns: Int, provenance: ReceiptProvenance? = nil) {
        self.rendered = rendered
        self.columns = max(16, min(columns, 120))
        self.provenance = provenance
    }

    private var english: Bool { rendered.locale == .en }
    private func t(_ zh: String, _ en: String) -> String { english ? en : zh }

    func render() -> String {
        var formatter = self
        formatter.build()
        return formatter.lines.joined(separator: "\n") + "\n"
    }

    /// The line that starts the machine part of a decision receipt (hashes, digest, code).
    static func machineMarker(columns: Int, english: Bool) -> String {
        let label = english ? " RECEIPT " : " 凭证 "
        let side = max(0, (columns - TextWidth.columns(label)) / 2)
        return String(repeating: "-", count: side) + label + String(repeating: "-", count: max(0, columns - side - TextWidth.columns(label)))
    }

    private mutating func add(_ text: String, indent: Int = 0, hanging: Int = 0) {
        let first = String(repeating: " ", count: indent)
        let rest = String(repeating: " ", count: indent + hanging)
        let wrapped = TextWidth.wrap(text, first: columns - indent, rest: columns - indent - hanging)
        for (index, piece) in wrapped.enumerated() { lines.append((index == 0 ? first : rest) + piece) }
    }

    private mutating func rule(_ character: Character = "-") {
        lines.append(String(repeating: character, count: columns))
    }

    private mutating func build() {
        rule("=")
        add(rendered.question)
        add(rendered.place)
        add(rendered.source)
        add(t("评估日期 ", "As of ") + rendered.asOf)
        if !rendered.warnings.isEmpty {
            rule()
            for warning in rendered.warnings where warning.level != .notice {
                let head = warning.level == .validity ? t("!!有效期：", "!! VALIDITY: ") : t("!!暂定：", "!! PROVISIONAL: ")
                add(head + warning.text, hanging: 2)
                if let citation = warning.citation { add(t("依据：", "Source: ") + citation, indent: 2) }
            }
            for warning in rendered.warnings where warning.level == .notice {
                add(t("注：", "Note: ") + warning.text, hanging: 2)
            }
        }
        rule()
        line(rendered.headline, indent: 0)
        for section in rendered.sections where !section.lines.isEmpty {
            if section.lines.allSatisfy({ $0.verdict == .open && $0.verdictText == t("暂定", "provisional") }) { continue }
            rule()
            add(section.heading)
            for entry in section.lines { line(entry, indent: 0) }
        }
        if let provenance { machinePart(provenance) }
        rule("=")
    }

    private mutating func line(_ entry: RenderLine, indent: Int) {
        let mark = entry.verdict?.ascii ?? " * "
        var text = mark + " " + entry.title
        if !entry.verdictText.isEmpty { text += t("：", ": ") + entry.verdictText }
        add(text, indent: indent, hanging: 4)
        if let citation = entry.citation { add(t("依据：", "Source: ") + citation, indent: indent + 4, hanging: 2) }
        for detail in entry.details {
            switch detail.kind {
            case .shortfall, .missing, .document, .openQuestion, .reason:
                add("> " + detail.text, indent: indent + 4, hanging: 2)
                if let citation = detail.citation, citation != entry.citation { add(t("依据：", "Source: ") + citation, indent: indent + 6, hanging: 2) }
            case .provisional:
                add(t("> 暂定", "> provisional"), indent: indent + 4, hanging: 2)
            case .note:
                continue
            }
        }
        for child in entry.children { line(child, indent: indent + 2) }
    }

    private mutating func machinePart(_ provenance: ReceiptProvenance) {
        lines.append(Self.machineMarker(columns: columns, english: english))
        add(t("出具日期 ", "Issued ") + provenance.asOf)
        for pack in provenance.packs {
            add(t("政策包 ", "Pack ") + pack.id + t(" 序号 ", " serial ") + "\(pack.serial)", hanging: 2)
            add(t("内容 ", "content ") + pack.hashPrefix, indent: 2)
        }
        add(t("请求摘要（带密钥）：", "Keyed request digest: "))
        add(provenance.requestDigest, indent: 2)
        add(t("核验码：", "Verification code: "))
        add(provenance.code, indent: 2)
    }
}
