// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// The fast paths added for the benchmark (docs/benchmarks.md) keep the RFC 8259 behaviour:
/// ASCII strings skip UTF-8 validation, string runs are copied whole when written, and the
/// object reader tracks what it read by position.
@Suite("JSON fast paths (RFC 8259)")
struct JSONFastPathTests {
    @Test func asciiAndNonASCIIStringsReadTheSame() throws {
        // RFC 8259 §7: any Unicode text between quotes; 文峰区 is E6 96 87 E5 B3 B0 E5 8C BA.
        let value = try JSONParser.parse(#"{"ascii":"wenfeng","han":"文峰区","mixed":"a文b"}"#)
        #expect(value == .object([
            JSONMember("ascii", .string("wenfeng")),
            JSONMember("han", .string("文峰区")),
            JSONMember("mixed", .string("a文b")),
        ]))
    }

    @Test func invalidUTF8AfterAnASCIIPrefixIsRejected() {
        // RFC 8259 §8.1: JSON text is UTF-8; 0xFF never occurs in UTF-8, nor does a lead
        // byte (0xE6) without its continuation bytes.
        for tail: [UInt8] in [[0xFF], [0xE6, 0x96], [0xC0, 0xAF]] {
            let bytes = Array(#"{"k":"abc"#.utf8) + tail + Array(#""}"#.utf8)
            #expect(throws: HukouError.self) { try JSONParser.parse(bytes) }
        }
    }

    @Test func writerEscapesOnlyWhatRFC8259Requires() {
        // RFC 8259 §7: quotation mark, reverse solidus and U+0000–U+001F must be escaped;
        // everything else (here 安 and "/") may be written as is.
        let text = "a\"b\\c\nd\te\r\u{01}安/"
        #expect(JSONWriter.string(.string(text)) == #""a\"b\\c\nd\te\r\u0001安/""#)
        #expect(JSONWriter.string(.string("")) == #""""#)
        #expect(JSONWriter.string(.string("\u{1F}")) == #""\u001f""#)
    }

    @Test func writtenStringsParseBackToTheSameText() throws {
        let texts = ["", "plain", "文峰区", "\"\\\u{00}\u{1F}", "x\ny\u{7F}z", String(repeating: "长文本", count: 500)]
        for text in texts {
            #expect(try JSONParser.parse(JSONWriter.string(.string(text))) == .string(text))
        }
    }

    /// An object of `count` members "m0" ... with integer values.
    private func object(_ count: Int) -> JSONValue {
        .object((0..<count).map { JSONMember("m\($0)", .integer(Int64($0))) })
    }

    @Test func readerFindsFieldsInAnyOrderAndNamesTheOneNotRead() throws {
        // 70 members: positions past 64 are tracked too. Read every member but m66, in
        // reverse order: finish() must name m66 and only it.
        var reader = try ObjectReader(object(70), path: "p")
        for index in stride(from: 69, through: 0, by: -1) where index != 66 {
            #expect(reader.value("m\(index)") == .integer(Int64(index)))
        }
        #expect(reader.value("absent") == nil)
        do {
            try reader.finish()
            Issue.record("finish() accepted an unread member")
        } catch {
            #expect(error.path == "p.#67") // m66, the 67th member (not a schema name: by position)
        }
        _ = reader.value("m66")
        #expect(throws: Never.self) { try reader.finish() }
    }

    @Test func readerNamesTheFirstUnreadMemberOfASmallObject() throws {
        var reader = try ObjectReader(object(5), path: "")
        _ = reader.value("m0")
        _ = reader.value("m4")
        _ = reader.value("m2")
        do {
            try reader.finish()
            Issue.record("finish() accepted unread members")
        } catch {
            #expect(error.path == "#2") // m1, the 2nd member
        }
    }

    @Test func memberNamesMatchByteForByte() throws {
        // RFC 8259 §8.3: names compare equal when their code units are identical. "K" and
        // U+212A KELVIN SIGN are canonically equivalent but different names.
        var reader = try ObjectReader(.object([JSONMember("\u{212A}", .integer(1))]), path: "")
        #expect(reader.value("K") == nil)
        #expect(reader.has("\u{212A}"))
        #expect(reader.value("\u{212A}") == .integer(1))
    }
}

@Suite("UTF-8 well-formedness (Unicode Table 3-7)")
struct UTF8ValidationTests {
    private func valid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { JSONParser.isValidUTF8($0) }
    }

    @Test func acceptsEveryWellFormedBoundary() {
        // Table 3-7 rows: U+0000..U+007F, U+0080..U+07FF, U+0800..U+0FFF, U+1000..U+CFFF,
        // U+D000..U+D7FF, U+E000..U+FFFF, U+10000..U+3FFFF, U+40000..U+FFFFF, U+100000..U+10FFFF.
        let samples: [[UInt8]] = [
            [0x00], [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xE0, 0xBF, 0xBF],
            [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF], [0xED, 0x80, 0x80], [0xED, 0x9F, 0xBF],
            [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0xBF, 0xBF, 0xBF],
            [0xF1, 0x80, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF], [0xF4, 0x80, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            Array("文峰区 U+1F600 😀".utf8),
        ]
        for bytes in samples { #expect(valid(bytes), "\(bytes)") }
    }

    @Test func rejectsIllFormedSequences() {
        let samples: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF],          // lone continuation, overlong 2-byte
            [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],              // overlong 3-byte
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],              // UTF-16 surrogates D800, DFFF
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],  // overlong 4-byte
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],  // above U+10FFFF
            [0xFE], [0xFF], [0xE6, 0x96], [0xF0, 0x9F, 0x98],    // never used; truncated
            [0xE6, 0x41, 0x87], [0xC2, 0xC2, 0x80],              // bad continuation
        ]
        for bytes in samples { #expect(!valid(bytes), "\(bytes)") }
    }
}
