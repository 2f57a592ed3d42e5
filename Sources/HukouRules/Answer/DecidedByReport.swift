// SPDX-License-Identifier: Apache-2.0
/// The answer parts for rules the documents leave to someone else, and for rules that do
/// not concern the person.
enum DecidedByReport {
    /// "取决于尚未编入的地方规定：…；请咨询…" — no verdict, no number, no date.
    static func reason(_ decided: DecidedBy, citation: String, locale: AnswerLocale) -> String {
        if decided.kind == .notEncoded {
            return LocalizedText(
                zh: "文件有规定，本系统未编入：\(decided.open.zh)（\(citation)）；请咨询\(decided.who.zh)。",
                en: "Decided by the documents but not encoded here: \(decided.open.en) (\(citation)); please ask \(decided.who.en).").text(locale)
        }
        return LocalizedText(
            zh: "取决于本系统未编入的地方规定：\(citation)只作了原则规定，\(decided.open.zh)未规定；请咨询\(decided.who.zh)。",
            en: "Depends on local rules not encoded here: \(citation) gives a direction only and leaves open \(decided.open.en); please ask \(decided.who.en).").text(locale)
    }

    /// Why a rule does not concern the person: the parts of its applicability condition
    /// the person does not meet, said as what the rule is for ("applies only to: an
    /// employee"), so that the label of the condition is never read as a fact about them.
    static func notApplicableReason(_ labels: [String], locale: AnswerLocale) -> String {
        LocalizedText(zh: "不适用：本条仅适用于" + labels.joined(separator: "；"),
                      en: "not applicable: applies only to " + labels.joined(separator: "; ")).text(locale)
    }

    /// Writes the `decided_by` value `{"who", "open", "citation", "kind"}` (the caller
    /// writes the key).
    static func block(_ decided: DecidedBy, citation: String, locale: AnswerLocale, into writer: inout AnswerWriter) {
        writer.beginObject()
        writer.member("who", decided.who.text(locale))
        writer.member("open", decided.open.text(locale))
        writer.member("citation", citation)
        writer.member("kind", decided.kind.rawValue)
        writer.endObject()
    }
}
