// SPDX-License-Identifier: Apache-2.0
/// Warnings of `hukou lint` (not violations of a national rule: the exit status is not
/// changed): the values of an enumeration fact a pack declares without words for them
/// (`value_labels`, docs/facts.md). A value without a label reaches a citizen only as
/// the renderer's neutral fallback (or the indicator's label alone), never in words.
/// A label for a value the fact does not have is refused when the pack loads.
public enum ValueLabelsRule {
    /// The rule name warnings carry.
    public static let rule = "value_labels"

    /// One warning per enumeration fact of the pack itself (not of the packs it extends,
    /// nor of the common vocabulary) with values that have no label; the path is the
    /// fact's declaration in the pack's `facts`.
    public static func warnings(_ pack: PolicyPack) -> [LintViolation] {
        let own = pack.facts.facts.filter { $0.declaredBy == pack.id }
        var warnings: [LintViolation] = []
        for (index, fact) in own.enumerated() {
            let missing = fact.unlabelledValues
            guard !missing.isEmpty else { continue }
            let list = missing.joined(separator: ", ")
            warnings.append(LintViolation(
                rule: rule, path: "facts[\(index)].value_labels",
                message: LocalizedText(zh: "事实 \(fact.name) 的取值 \(list) 没有标签（{\"zh\",\"en\"}），屏幕上无法以文字显示",
                                       en: "fact \(fact.name): no label ({\"zh\",\"en\"}) for the values \(list); a screen cannot name them in words")))
        }
        return warnings
    }
}

extension PackLint {
    /// ``ValueLabelsRule`` warnings of a pack text (after it loaded cleanly).
    public static func warnings(_ text: String) throws(HukouError) -> [LintViolation] {
        let json = try PackLoader.parse(text)
        return ValueLabelsRule.warnings(try PackLoader.load(json, byteCount: text.utf8.count))
    }
}
