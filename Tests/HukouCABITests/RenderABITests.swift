// SPDX-License-Identifier: Apache-2.0
// hukou_render and hukou_receipt through the C ABI, with hostile input (hukou.h, section
// "Rendering and decision receipts"; docs/rendering.md).

import CHukou
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// hukou_render on `bytes`: the status, the rendering (freed already) and the last error.
private func render(_ engine: CEngine, _ bytes: [UInt8], format: Int32) -> (status: Int32, text: String?, error: String) {
    var out: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(bitPattern: 1)
    let status = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { hukou_render(engine.handle, $0.baseAddress, $0.count, format, &out) }
    }
    let text = out.map { String(cString: $0) }
    if status == HUKOU_OK { hukou_string_free(out) }
    return (status, status == HUKOU_OK ? text : (out == nil ? nil : "not NULL"), String(cString: hukou_last_error()))
}

private let formats: [Int32] = [HUKOU_RENDER_TEXT, HUKOU_RENDER_HTML, HUKOU_RENDER_RECEIPT_32, HUKOU_RENDER_RECEIPT_48]

@Suite("hukou_render and hukou_receipt: hostile input through the C ABI")
struct RenderABITests {
    @Test("An answer of the library renders in every format; a second call gives the same bytes")
    func answerRenders() throws {
        let engine = try CEngine()
        let answer = Array(#"{"kind": "eligibility", "locale": "zh-CN", "pathways": [{"id": "a", "name": "途径", "citation": "第一条", "result": "eligible"}]}"#.utf8)
        for format in formats {
            let first = render(engine, answer, format: format)
            #expect(first.status == HUKOU_OK && first.error.isEmpty)
            #expect(first.text?.contains("途径") == true && first.text?.contains("第一条") == true)
            #expect(render(engine, answer, format: format).text == first.text)
        }
    }

    @Test("Not an answer: parse error, invalid (the field named), limits; *out is NULL and the error is set")
    func refusals() throws {
        let engine = try CEngine()
        let deep = Array((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8)
        let cases: [([UInt8], Int32, String)] = [
            (Array("{".utf8), HUKOU_E_PARSE, ""),
            (Array("\u{FF}".utf8), HUKOU_E_PARSE, ""),
            (Array("[]".utf8), HUKOU_E_INVALID, ""),
            (Array(#"{"kind": 3}"#.utf8), HUKOU_E_INVALID, "kind"),
            (Array(#"{"kind": "points", "locale": "fr"}"#.utf8), HUKOU_E_INVALID, "locale"),
            (deep, HUKOU_E_LIMIT, ""),
        ]
        for (bytes, status, field) in cases {
            for format in formats {
                let result = render(engine, bytes, format: format)
                #expect(result.status == status, "\(String(decoding: bytes.prefix(20), as: UTF8.self)): \(result.status)")
                #expect(result.text == nil)
                #expect(!result.error.isEmpty && (field.isEmpty || result.error.contains(field)), "\(field): \(result.error)")
            }
        }
        // Beyond HUKOU_MAX_ANSWER_BYTES (checked before any parsing).
        var large = Array(#"{"kind": "points", "note": ""#.utf8)
        large += [UInt8](repeating: 0x61, count: 4 * 1024 * 1024)
        large += Array(#""}"#.utf8)
        #expect(render(engine, large, format: HUKOU_RENDER_TEXT).status == HUKOU_E_LIMIT)
    }

    @Test("Misuse: NULL engine, answer or out, len 0, unknown format")
    func misuse() throws {
        let engine = try CEngine()
        let answer = Array(#"{"kind": "points"}"#.utf8)
        var out: UnsafeMutablePointer<CChar>?
        answer.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { bytes in
                #expect(hukou_render(nil, bytes.baseAddress, bytes.count, HUKOU_RENDER_TEXT, &out) == HUKOU_E_MISUSE)
                #expect(hukou_render(engine.handle, nil, bytes.count, HUKOU_RENDER_TEXT, &out) == HUKOU_E_MISUSE)
                #expect(hukou_render(engine.handle, bytes.baseAddress, 0, HUKOU_RENDER_TEXT, &out) == HUKOU_E_MISUSE)
                #expect(hukou_render(engine.handle, bytes.baseAddress, bytes.count, HUKOU_RENDER_TEXT, nil) == HUKOU_E_MISUSE)
                for format: Int32 in [0, 3, 31, 33, 47, 49, -1, Int32.max] {
                    #expect(hukou_render(engine.handle, bytes.baseAddress, bytes.count, format, &out) == HUKOU_E_MISUSE)
                    #expect(out == nil)
                }
                // A size_t beyond SSIZE_MAX arrives negative: a limit, never a trap.
                #expect(hukou_render(engine.handle, bytes.baseAddress, -1, HUKOU_RENDER_TEXT, &out) == HUKOU_E_LIMIT)
            }
        }
    }

    @Test("Hostile strings in an answer are escaped in HTML and wrapped on paper")
    func hostileStrings() throws {
        let engine = try CEngine()
        let long = String(repeating: "长", count: 500) + String(repeating: "x", count: 500)
        let answer = Array(#"{"kind": "entitlements", "locale": "en", "status_assumed": "none", "people": [{"member": "applicant", "items": [{"name": "</div><script>alert(1)</script>\#(long)", "result": "entitled", "citation": "\u0000\u202e"}]}]}"#.utf8)
        let html = try #require(render(engine, answer, format: HUKOU_RENDER_HTML).text)
        #expect(!html.contains("<script") && html.contains("&lt;/div&gt;&lt;script&gt;"))
        // No control character or bidirectional override reaches the screen or the printer.
        #expect(!html.unicodeScalars.contains { $0.value == 0x202e || ($0.value < 0x20 && $0 != "\n") })
        for columns: Int32 in [32, 48] {
            let receipt = try #require(render(engine, answer, format: columns).text)
            for line in receipt.split(separator: "\n") {
                let width = line.unicodeScalars.reduce(0) { $0 + ($1.value < 0x20 ? 0 : $1.value < 0x7f ? 1 : 2) }
                #expect(width <= Int(columns), "\(line)")
            }
        }
    }

    @Test("hukou_receipt: misuse and a request error leave both outputs NULL")
    func receiptMisuse() throws {
        let engine = try CEngine()
        let key = [UInt8](repeating: 7, count: 32)
        let request = Array(#"{"jurisdiction": "anyang", "as_of": "2026-11-25", "locale": "en", "applicant": {"birth_date": "1990-01-01"}}"#.utf8)
        func receipt(_ request: [UInt8], key: [UInt8]?, keyLength: Int, question: Int32 = HUKOU_QUESTION_ELIGIBILITY, columns: Int32 = 32) -> (Int32, Bool) {
            var text: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(bitPattern: 1)
            var code: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(bitPattern: 1)
            let status = request.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { bytes in
                    if let key {
                        return key.withUnsafeBufferPointer { hukou_receipt(engine.handle, bytes.baseAddress, bytes.count, question, $0.baseAddress, keyLength, columns, &text, &code) }
                    }
                    return hukou_receipt(engine.handle, bytes.baseAddress, bytes.count, question, nil, keyLength, columns, &text, &code)
                }
            }
            let bothNull = text == nil && code == nil
            if status == HUKOU_OK { hukou_string_free(text); hukou_string_free(code) }
            return (status, bothNull)
        }
        #expect(receipt(request, key: key, keyLength: 32).0 == HUKOU_OK)
        for (status, null) in [receipt(request, key: nil, keyLength: 32), receipt(request, key: key, keyLength: 15),
                               receipt(request, key: key, keyLength: 32, question: 0), receipt(request, key: key, keyLength: 32, columns: 33)] {
            #expect(status == HUKOU_E_MISUSE && null)
        }
        let (status, null) = receipt(Array(#"{"jurisdiction": "atlantis"}"#.utf8), key: key, keyLength: 32)
        #expect(status != HUKOU_OK && status != HUKOU_E_MISUSE && null)
    }
}
