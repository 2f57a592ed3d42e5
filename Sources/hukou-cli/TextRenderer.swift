// SPDX-License-Identifier: Apache-2.0
import HukouRules

/// The CLI's renderings are the library's (``Renderer``, the same as hukou_render), so
/// the counter, the kiosk screen and the printer never disagree.
struct TextRenderer {
    let answer: JSONValue
    let format: RenderFormat
    /// The declarations of the pack that answered (the words for its facts and values).
    let facts: FactCatalogue

    init(_ answer: JSONValue, format: RenderFormat = .text, facts: FactCatalogue = .base) {
        self.answer = answer
        self.format = format
        self.facts = facts
    }

    func render() -> String {
        Renderer.render(answer, format: format, facts: facts)
    }
}
