// SPDX-License-Identifier: Apache-2.0
import HukouRules

/// The CLI's renderings are the library's (``Renderer``, the same as hukou_render), so
/// the counter, the kiosk screen and the printer never disagree.
struct TextRenderer {
    let answer: JSONValue
    let format: RenderFormat

    init(_ answer: JSONValue, format: RenderFormat = .text) {
        self.answer = answer
        self.format = format
    }

    func render() -> String {
        Renderer.render(answer, format: format)
    }
}
