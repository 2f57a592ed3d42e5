// SPDX-License-Identifier: Apache-2.0
/// The kiosk screen: one self-contained HTML page (inline CSS; no scripts, no external
/// assets) for a portrait 1080×1920 touch screen. Large type, warnings first, then the
/// verdict, then each line with its clause under it. Everything from the answer is
/// escaped (``HTML/escape(_:)``).
struct HTMLFormatter {
    let rendered: RenderedAnswer

    init(_ rendered: RenderedAnswer) {
        self.rendered = rendered
    }

    private var english: Bool { rendered.locale == .en }
    private func t(_ zh: String, _ en: String) -> String { english ? en : zh }

    static let style = """
    *{box-sizing:border-box}
    html{background:#fff;color:#111;-webkit-text-size-adjust:100%}
    body{margin:0;padding:40px 48px 80px;width:100%;max-width:1080px;font:40px/1.45 "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;overflow-wrap:anywhere;word-break:break-word}
    header{border-bottom:4px solid #1a4d8f;padding-bottom:16px;margin-bottom:28px}
    header h1{font-size:52px;margin:0;color:#1a4d8f}
    header p{margin:4px 0 0;font-size:32px;color:#444}
    .warn{border:6px solid;border-radius:16px;padding:20px 28px;margin:0 0 24px;font-weight:700}
    .warn .label{display:block;font-size:34px;letter-spacing:2px}
    .validity{border-color:#b00020;background:#fde7ea;color:#7a0016}
    .provisional{border-color:#b26a00;background:#fff4dc;color:#5c3700}
    .notice{border-color:#1a4d8f;background:#eaf1fb;color:#0d2c55;font-weight:400}
    .headline{border-radius:20px;padding:28px 32px;margin:8px 0 36px;font-size:56px;font-weight:700;line-height:1.3}
    .headline .verdict{display:block;font-size:42px;font-weight:400;margin-top:8px}
    .headline ul{font-size:36px;font-weight:400}
    .v-yes{border-left:16px solid #16794a}
    .v-no{border-left:16px solid #b00020}
    .v-unknown{border-left:16px solid #6b6b6b}
    .v-open{border-left:16px solid #b26a00}
    .v-na{border-left:16px solid #c8c8c8;color:#555}
    .v-none{border-left:16px solid #1a4d8f}
    .headline.v-yes{background:#e4f4ea}.headline.v-no{background:#fde7ea}.headline.v-unknown{background:#efefef}
    .headline.v-open{background:#fff4dc}.headline.v-na{background:#f4f4f4}.headline.v-none{background:#eaf1fb}
    h2{font-size:46px;margin:40px 0 16px;color:#1a4d8f}
    .line{padding:14px 0 14px 24px;margin:0 0 18px;background:#fafafa;border-radius:0 12px 12px 0}
    .line .line{margin:12px 0 0 8px;background:#fff}
    .mark{display:inline-block;min-width:1.4em;font-weight:700}
    .title{font-weight:700}
    .vt{font-weight:700}
    .v-yes>.head .vt{color:#16794a}.v-no>.head .vt{color:#b00020}.v-open>.head .vt{color:#8a5200}
    .cite{display:block;font-size:30px;color:#555;margin-top:4px}
    ul{margin:8px 0 0;padding-left:1.2em;font-size:36px}
    li{margin:6px 0}
    li.shortfall{color:#7a0016}
    li.missing{color:#333;font-weight:700}
    li.provisional{color:#5c3700}
    li.document{list-style:square}
    li.openQuestion{color:#5c3700;font-weight:700}
    li .cite{font-size:28px}
    footer{margin-top:48px;font-size:30px;color:#555;border-top:2px solid #ccc;padding-top:16px}
    """

    func render() -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(english ? "en" : "zh-CN")\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=1080, initial-scale=1\">\n"
        html += "<title>\(HTML.escape(rendered.question + " — " + rendered.place))</title>\n"
        html += "<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
        html += "<header><h1>\(HTML.escape(rendered.question))\(t("：", ": "))\(HTML.escape(rendered.place))</h1>"
        html += "<p>\(HTML.escape(t("依据", "Based on"))) \(HTML.escape(rendered.source)) · \(HTML.escape(t("评估日期", "as of"))) \(HTML.escape(rendered.asOf))</p></header>\n"
        for warning in rendered.warnings {
            let (cls, label): (String, String)
            switch warning.level {
            case .validity: (cls, label) = ("validity", t("⚠ 有效期", "⚠ Validity"))
            case .provisional: (cls, label) = ("provisional", t("⚠ 暂定", "⚠ Provisional"))
            case .notice: (cls, label) = ("notice", t("说明", "Note"))
            }
            html += "<div class=\"warn \(cls)\" role=\"alert\"><span class=\"label\">\(HTML.escape(label))</span>\(HTML.escape(warning.text))"
            html += citation(warning.citation) + "</div>\n"
        }
        html += "<section class=\"headline \(verdictClass(rendered.headline.verdict))\">"
        html += mark(rendered.headline.verdict) + HTML.escape(rendered.headline.title)
        if !rendered.headline.verdictText.isEmpty { html += "<span class=\"verdict\">\(HTML.escape(rendered.headline.verdictText))</span>" }
        html += citation(rendered.headline.citation) + details(rendered.headline.details) + "</section>\n"
        for section in rendered.sections {
            html += "<h2>\(HTML.escape(section.heading))</h2>\n"
            for line in section.lines { html += self.line(line) }
        }
        html += "<footer>\(HTML.escape(t("本页依据上列文件自动生成，仅说明文件的规定；以窗口工作人员的答复为准。", "This page states only what the documents above say; the answer of the staff at the counter prevails.")))</footer>\n"
        html += "</body>\n</html>\n"
        return html
    }

    private func verdictClass(_ verdict: Verdict?) -> String {
        switch verdict {
        case .yes?: return "v-yes"
        case .no?: return "v-no"
        case .unknown?: return "v-unknown"
        case .open?: return "v-open"
        case .notApplicable?: return "v-na"
        case nil: return "v-none"
        }
    }

    private func mark(_ verdict: Verdict?) -> String {
        guard let verdict else { return "" }
        return "<span class=\"mark\" aria-hidden=\"true\">\(verdict.symbol)</span>"
    }

    private func citation(_ citation: String?) -> String {
        guard let citation else { return "" }
        return "<span class=\"cite\">\(HTML.escape(t("依据：", "Source: ")))\(HTML.escape(citation))</span>"
    }

    private func details(_ details: [RenderDetail]) -> String {
        guard !details.isEmpty else { return "" }
        var html = "<ul>"
        for detail in details {
            html += "<li class=\"\(kindClass(detail.kind))\">\(HTML.escape(detail.text))\(citation(detail.citation))</li>"
        }
        return html + "</ul>"
    }

    private func kindClass(_ kind: RenderDetail.Kind) -> String {
        switch kind {
        case .reason: return "reason"
        case .shortfall: return "shortfall"
        case .missing: return "missing"
        case .provisional: return "provisional"
        case .document: return "document"
        case .openQuestion: return "openQuestion"
        case .note: return "note"
        }
    }

    private func line(_ line: RenderLine) -> String {
        var html = "<div class=\"line \(verdictClass(line.verdict))\"><div class=\"head\">\(mark(line.verdict))<span class=\"title\">\(HTML.escape(line.title))</span>"
        if !line.verdictText.isEmpty { html += t("：", ": ") + "<span class=\"vt\">\(HTML.escape(line.verdictText))</span>" }
        html += "</div>" + citation(line.citation) + details(line.details)
        for child in line.children { html += self.line(child) }
        return html + "</div>\n"
    }
}

/// HTML text escaping.
public enum HTML {
    /// `text` safe inside an element or a quoted attribute: & < > " ' escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
