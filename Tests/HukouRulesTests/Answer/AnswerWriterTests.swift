// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import HukouRules

/// The streaming answer writer: commas, escapes, numbers, limits.
@Suite struct AnswerWriterTests {
    private func text(_ writer: borrowing AnswerWriter) -> String { String(decoding: writer.bytes, as: UTF8.self) }

    @Test func nestedObjectsAndArraysGetCommasOnlyBetweenValues() {
        var writer = AnswerWriter()
        writer.beginObject()
        writer.member("kind", "eligibility" as StaticString)
        writer.key("pathways")
        writer.beginArray()
        writer.beginObject(); writer.member("id", "a"); writer.member("n", 3); writer.endObject()
        writer.beginObject(); writer.endObject()
        writer.beginArray(); writer.endArray()
        writer.endArray()
        writer.member("ok", true)
        writer.key("none"); writer.null()
        writer.endObject()
        #expect(text(writer) == #"{"kind":"eligibility","pathways":[{"id":"a","n":3},{},[]],"ok":true,"none":null}"#)
        #expect(writer.failure == nil)
    }

    @Test func escapesQuotesBackslashesAndControlCharactersButNotChinese() {
        var writer = AnswerWriter()
        writer.string("天津\"a\\b\n\t\r\u{01}")
        #expect(text(writer) == "\"天津\\\"a\\\\b\\n\\t\\r\\u0001\"")
    }

    @Test func integersAtTheEdgesOfInt() {
        var writer = AnswerWriter()
        writer.beginArray()
        for number in [0, 7, -7, 1_000_000, Int.max, Int.min] { writer.int(number) }
        writer.endArray()
        #expect(text(writer) == "[0,7,-7,1000000,9223372036854775807,-9223372036854775808]")
    }

    @Test func writesJSONValuesCompactInTheirOrderWithWholeDoublesAsIntegers() {
        let value: JSONValue = .object([JSONMember("a", .array([.integer(1), .double(2.0), .double(2.5), .string("x"), .bool(false), .null]))])
        var writer = AnswerWriter()
        writer.value(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":[1,2,2.5,"x",false,null]}"#)
        #expect(JSONWriter.serialize(value) == writer.bytes)
    }

    @Test func stopsAtTheLimitAndSaysSo() {
        var writer = AnswerWriter(capacity: 16, limit: 20)
        writer.beginArray()
        for _ in 0..<10 { writer.string("abcdef") }
        writer.endArray()
        #expect(writer.failure == .limit)
        #expect(writer.byteCount <= 20)
        let taken = writer.takeCString()
        #expect(taken == nil)
    }

    @Test func anAnswerOneByteOverTheLimitIsRefusedAsTooLargeNotAsOutOfMemory() throws {
        // limit 10: "12345678" with its quotes is 10 bytes (fits, NUL beyond the limit);
        // "123456789" is 11 bytes: over the limit, so .limit, never 11 bytes handed out.
        var fits = AnswerWriter(capacity: 16, limit: 10)
        fits.string("12345678")
        #expect(fits.failure == nil)
        let taken = fits.takeCString()
        let cString = try #require(taken)
        defer { free(cString) }
        #expect(String(cString: cString) == "\"12345678\"")
        var over = AnswerWriter(capacity: 16, limit: 10)
        over.string("123456789")
        #expect(over.failure == .limit)
        #expect(over.byteCount <= 10)
    }

    @Test func aLimitBelowTheFirstAllocationStillHolds() {
        // The first allocation is at least 16 bytes; a limit of 4 must still stop at 4.
        var writer = AnswerWriter(capacity: 16, limit: 4)
        writer.string("abcdefgh")
        #expect(writer.failure == .limit)
        #expect(writer.byteCount <= 4)
    }

    @Test func commasAreRightAcrossTheWordsOfTheNestingStackAndDeeperThan255IsRefused() {
        var writer = AnswerWriter()
        for _ in 0..<255 { writer.beginArray(); writer.int(1) }
        for _ in 0..<255 { writer.endArray() }
        #expect(writer.failure == nil)
        let expected = String(repeating: "[1,", count: 254) + "[1" + String(repeating: "]", count: 255)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
        var deeper = AnswerWriter()
        for _ in 0..<256 { deeper.beginArray() }
        #expect(deeper.failure == .tooDeep)
    }

    @Test func handsTheBufferToCWithATerminatingNUL() throws {
        var writer = AnswerWriter(capacity: 16)
        writer.beginObject(); writer.member("k", "v"); writer.endObject()
        let taken = writer.takeCString()
        let cString = try #require(taken)
        defer { free(cString) }
        #expect(String(cString: cString) == #"{"k":"v"}"#)
    }

    // MARK: Escapes and the fast paths (every byte, every position, every growth boundary)

    /// JSON string escaping written out by hand from RFC 8259 §7 (the writer's choice of
    /// short forms: \" \\ \n \r \t, other controls as \u00XX in lower-case hex).
    private func expectedJSON(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = Array("0123456789abcdef")
                    out += "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 0xF)])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func everyControlByteQuoteAndBackslashIsEscapedAtEveryPositionOfShortAndLongStrings() {
        // Lengths around the 4- and 8-byte words of the scan (1...34, 47...49), each ASCII byte
        // 0x00...0x7F at every position of a plain run; bytes >= 0x20 other than " and \ stay as they are.
        for length in Array(1...34) + [47, 48, 49] {
            for position in 0..<length {
                var writer = AnswerWriter(capacity: 16)
                var expected = "["
                writer.beginArray()
                for byte in UInt8(0)...UInt8(0x7F) {
                    var scalars = Array(repeating: Unicode.Scalar(UInt8(ascii: "a")), count: length)
                    scalars[position] = Unicode.Scalar(byte)
                    var text = ""
                    text.unicodeScalars.append(contentsOf: scalars)
                    writer.string(text)
                    expected += (byte == 0 ? "" : ",") + expectedJSON(text)
                }
                writer.endArray()
                expected += "]"
                #expect(writer.failure == nil)
                #expect(text(writer) == expected, "length \(length), position \(position)")
            }
        }
    }

    @Test func theShortFormsAndTheHexFormOfEachControlByte() {
        var writer = AnswerWriter()
        writer.beginArray()
        for byte in UInt8(0)..<0x20 { writer.string(String(UnicodeScalar(byte))) }
        writer.endArray()
        // Hand-written: \u0000 … \u0008, \t, \n, \u000b, \u000c, \r, \u000e … \u001f.
        let expected = (0..<0x20).map { byte -> String in
            switch byte {
            case 0x09: return #""\t""#
            case 0x0A: return #""\n""#
            case 0x0D: return #""\r""#
            default: return "\"\\u00" + (byte < 0x10 ? "0" : "1") + String(Array("0123456789abcdef")[byte & 0xF]) + "\""
            }
        }.joined(separator: ",")
        #expect(text(writer) == "[" + expected + "]")
        #expect(text(writer).contains(#""\u001f""#))
        #expect(text(writer).contains(#""\u000b""#))
    }

    @Test func chineseTextIsNeverEscapedAndEscapesAmidItAreFound() {
        let samples = ["天津市居住证积分", "户口\"迁移\"", "省会城市\\郑州", "居住\n满五年", "中", "中文中文中文中文中文中文中文中文中文中文中文中文中文中文", "a中\u{1F}"]
        for sample in samples {
            var writer = AnswerWriter(capacity: 16)
            writer.string(sample)
            #expect(text(writer) == expectedJSON(sample), "\(sample)")
        }
    }

    @Test func membersAndKeysWithTextThatNeedsEscapesAndTheEmptyString() throws {
        let date = try #require(CivilDate(year: 2026, month: 3, day: 7))
        var writer = AnswerWriter()
        writer.beginObject()
        writer.member("a", "x\"y")
        writer.member("b", "")
        let name = "c\\d"  // a name made at run time: key(String), escaped
        writer.key(name)
        writer.string("")
        writer.key("")
        writer.int(-12)
        writer.member("e", "plain")
        writer.member("f", date: date)
        writer.member("g", false)
        writer.endObject()
        #expect(text(writer) == #"{"a":"x\"y","b":"","c\\d":"","":-12,"e":"plain","f":"2026-03-07","g":false}"#)
    }

    @Test func multiByteTextAcrossEveryGrowthBoundaryComesOutWhole() {
        // 3-byte characters behind 0...20 ASCII bytes from a 16-byte first allocation: the
        // buffer grows in the middle of a character at some offset of each run.
        for prefix in 0...20 {
            for characters in [1, 2, 5, 6, 11, 40] {
                let text = String(repeating: "x", count: prefix) + String(repeating: "积", count: characters)
                var writer = AnswerWriter(capacity: 16)
                writer.beginArray()
                writer.string(text)
                writer.string(text)
                writer.endArray()
                #expect(writer.failure == nil)
                #expect(self.text(writer) == "[" + expectedJSON(text) + "," + expectedJSON(text) + "]")
            }
        }
    }

    @Test func aLimitIsExactForEveryKindOfWrite() throws {
        let date = try #require(CivilDate(year: 2027, month: 1, day: 31))
        // Each answer is written with limit = its own size (it fits) and one byte less (.limit):
        // the writer never refuses what fits, never lets one byte more through.
        let answers: [(String, (inout AnswerWriter) -> Void)] = [
            (#"{"k":"v"}"#, { w in w.beginObject(); w.member("k", "v"); w.endObject() }),
            (#"{"居住":"天津市","n":-7}"#, { w in w.beginObject(); w.key("居住"); w.string("天津市"); w.member("n", -7); w.endObject() }),
            (#"["a\"b","\u0001",true,null]"#, { w in w.beginArray(); w.string("a\"b"); w.string("\u{01}"); w.bool(true); w.null(); w.endArray() }),
            (#"{"d":"2027-01-31","s":"met","x":41.5}"#, { w in
                w.beginObject(); w.member("d", date: date); w.member("s", "met" as StaticString)
                w.key("x"); w.rawValue("41.5"); w.endObject()
            }),
            ("[" + String(repeating: "\"中文中文中文\",", count: 9) + "\"中文中文中文\"]", { w in
                w.beginArray(); for _ in 0..<10 { w.string("中文中文中文") }; w.endArray()
            }),
        ]
        for (expected, write) in answers {
            let size = expected.utf8.count
            for capacity in [16, 4096] {
                var fits = AnswerWriter(capacity: capacity, limit: size)
                write(&fits)
                #expect(fits.failure == nil, "\(expected)")
                #expect(text(fits) == expected)
                var over = AnswerWriter(capacity: capacity, limit: size - 1)
                write(&over)
                #expect(over.failure == .limit, "\(expected)")
                #expect(over.byteCount <= size - 1)
                let taken = over.takeCString()
                #expect(taken == nil)
            }
        }
    }

    @Test func nothingIsWrittenAfterAFailure() {
        var writer = AnswerWriter(capacity: 16, limit: 8)
        writer.beginArray()
        writer.string("123456789")  // does not fit: .limit
        let stopped = writer.byteCount
        writer.string("1")  // would fit, but the writer has stopped
        writer.int(1)
        writer.endArray()
        #expect(writer.failure == .limit)
        #expect(writer.byteCount == stopped)
        #expect(text(writer) == "[")
    }

    @Test func theWordScanAgreesWithTheByteTestOnEveryByteValue() {
        // needsEscape(word) is true exactly when one of its bytes needs an escape, for each
        // byte value in each of the 8 positions among bytes that need none.
        for position in 0..<8 {
            for byte in UInt8(0)...UInt8(255) {
                var bytes = [UInt8](repeating: 0xE4, count: 8)  // a UTF-8 lead byte: never escaped
                bytes[position] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let expected = byte < 0x20 || byte == 0x22 || byte == 0x5C
                #expect(AnswerWriter.needsEscape(word) == expected, "byte \(byte) at \(position)")
                let first = bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { AnswerWriter.firstEscape($0, 8) } }
                #expect(first == (expected ? position : 8))
            }
        }
    }

    @Test func literalTextTakesTheStaticPathAndIsStillEscaped() {
        // Literals choose the StaticString overloads (the String ones are disfavoured); a
        // literal that needs escapes gets them all the same.
        var writer = AnswerWriter()
        writer.beginObject()
        writer.member("a", "x\"y\n")
        writer.key("b")
        writer.string("\\\u{01}")
        writer.endObject()
        #expect(text(writer) == #"{"a":"x\"y\n","b":"\\\u0001"}"#)
    }

    @Test func anEscapeAmidChineseTextIsFoundAtEveryCharacterPosition() {
        // Words of only multi-byte UTF-8 skip the escape test; a word holding any ASCII byte
        // does not. Each escaped byte and a plain one between 0...12 characters of "积分".
        for count in 0...12 {
            for position in 0...count {
                for inserted in ["\"", "\\", "\n", "\u{1F}", "a", " "] {
                    var characters = Array(String(repeating: "积分", count: 6).prefix(count)).map(String.init)
                    characters.insert(inserted, at: position)
                    let sample = characters.joined()
                    var writer = AnswerWriter(capacity: 16)
                    writer.string(sample)
                    #expect(text(writer) == expectedJSON(sample), "\(sample)")
                }
            }
        }
    }
}
