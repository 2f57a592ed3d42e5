// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Member names written as literals go into answers as they are (``AnswerWriter`` copies a
/// StaticString name without an escape scan; literals choose that overload): every such
/// name in the sources must be one that needs no escape.
@Suite struct AnswerMemberNameLiteralsTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func everyLiteralMemberNameIsPlainLowerCaseASCII() throws {
        let pattern = try NSRegularExpression(pattern: #"\.(key|member|memberIfPresent)\("((?:[^"\\]|\\.)*)""#)
        var names = 0
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                guard let nameRange = Range(match.range(at: 2), in: text) else { continue }
                let name = text[nameRange]
                names += 1
                #expect(!name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") },
                        "\(file.lastPathComponent): member name \"\(name)\"")
            }
        }
        // The answer writers name a few hundred members; finding none means the pattern broke.
        #expect(names > 200)
    }
}
