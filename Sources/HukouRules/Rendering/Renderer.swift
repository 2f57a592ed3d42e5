// SPDX-License-Identifier: Apache-2.0
/// The formats an answer is rendered in (hukou_render).
public enum RenderFormat: Sendable, Equatable {
    /// What a clerk reads in a terminal.
    case text
    /// One self-contained page for the kiosk's portrait 1080×1920 touch screen.
    case html
    /// Fixed-width text for the kiosk's thermal printer: 32 columns (58 mm paper) or
    /// 48 columns (80 mm).
    case receipt(columns: Int)

    /// The receipt widths the library prints.
    public static let receiptWidths = [32, 48]
}

/// Renders answers for people: one implementation for the kiosk's screen and printer,
/// the C demo and the CLI (docs/rendering.md).
public enum Renderer {
    /// `answer` (an answer of docs/answers.md) in `format`, in the answer's locale, with
    /// the words for facts and values of `facts`: the declarations of the pack that
    /// answered (``Engine/catalogue(forAnswer:)``), else the common vocabulary.
    public static func render(_ answer: JSONValue, format: RenderFormat, facts: FactCatalogue = .base) -> String {
        let rendered = AnswerLayout(answer, facts: facts).layout()
        let output: String
        switch format {
        case .text: output = TextFormatter(rendered).render()
        case .html: output = HTMLFormatter(rendered).render()
        case .receipt(let columns): output = ReceiptFormatter(rendered, columns: columns).render()
        }
        return printable(output)
    }

    /// `text` without control characters (a NUL would cut a C string short; others move a
    /// printer's head) and without bidirectional overrides (they make a screen show text in
    /// another order than it has); line breaks stay.
    static func printable(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0a: out.append(scalar)
            case 0x00...0x1f, 0x7f, 0x202a...0x202e, 0x2066...0x2069: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

extension Renderer {
    /// Parses and checks an answer, then renders it. The largest example answer is about
    /// 32 KB; the renderer takes at most ``EngineLimits/answerBytes``.
    /// - Throws: `.limit` beyond ``EngineLimits/answerBytes`` or ``EngineLimits/depth``,
    ///   `.parse` for bytes that are not JSON, `.invalid` for JSON that is not an answer of
    ///   this library.
    /// The words for facts and values are those `engine` holds for the answer's
    /// jurisdiction and date (its packs' declarations); the common vocabulary without one.
    public static func render(answerBytes bytes: UnsafeBufferPointer<UInt8>, format: RenderFormat,
                              limits: EngineLimits, engine: Engine? = nil) throws(HukouError) -> String {
        guard bytes.count <= limits.answerBytes else { throw limits.answerTooLarge }
        let answer = try JSONParser.parse(bytes, maxDepth: limits.depth)
        try check(answer)
        return render(answer, format: format, facts: engine?.catalogue(forAnswer: answer) ?? .base)
    }

    /// Whether `answer` is an answer this renderer draws: an object whose `kind` is one of
    /// the three questions and whose `locale` (when present) is zh-CN or en.
    public static func check(_ answer: JSONValue) throws(HukouError) {
        guard case .object = answer else {
            throw HukouError(.invalid, path: "", zh: "应为答复对象（JSON 对象）", en: "expected an answer (a JSON object)")
        }
        guard let kind = answer["kind"]?.stringValue, Question(rawValue: kind) != nil else {
            throw HukouError(.invalid, path: "kind", zh: "应为 \"eligibility\"、\"points\" 或 \"entitlements\"",
                             en: "expected \"eligibility\", \"points\" or \"entitlements\"")
        }
        if let locale = answer["locale"], locale.stringValue.flatMap(AnswerLocale.init(rawValue:)) == nil {
            throw HukouError(.invalid, path: "locale", zh: "应为 \"zh-CN\" 或 \"en\"", en: "expected \"zh-CN\" or \"en\"")
        }
    }
}
