// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

@Suite("JSON parser (RFC 8259)")
struct JSONParserTests {
    @Test func parsesNestedValuesInOrder() throws {
        let value = try JSONParser.parse(#"{"b":[1,-2.5,true,null],"a":"x"}"#)
        #expect(value == .object([
            JSONMember("b", .array([.integer(1), .double(-2.5), .bool(true), .null])),
            JSONMember("a", .string("x")),
        ]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        // \u00e9 is é; \ud83d\ude00 is U+1F600; \u5b89 is 安.
        let value = try JSONParser.parse(#""a\"\\\/\n\u00e9\ud83d\ude00\u5b89""#)
        #expect(value == .string("a\"\\/\né\u{1F600}安"))
    }

    @Test(arguments: [
        "", " ", "{", "[1,", #"{"a":1,}"#, "[1 2]", "01", "1.", "-", "NaN", "Infinity", "-Infinity",
        "tru", "nul", #""abc"#, #""\x""#, #""\ud800""#, #""\udc00x""#, "{'a':1}", "[1]x", "/*c*/1",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: HukouError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsNumbersBeyondDouble() {
        do {
            _ = try JSONParser.parse("1e400")
            Issue.record("1e400 accepted")
        } catch {
            #expect(error.status == .parse)
            #expect(error.message.en.contains("out of range"))
        }
    }

    @Test func largeIntegersBecomeDoubles() throws {
        // 2^63 does not fit Int64: kept as a finite double, not an error.
        #expect(try JSONParser.parse("9223372036854775808") == .double(9223372036854775808))
        #expect(try JSONParser.parse("-9223372036854775808") == .integer(Int64.min))
    }

    @Test func rejectsInvalidUTF8InStrings() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22] // "\xC3(" is an invalid sequence
        #expect(throws: HukouError.self) { try JSONParser.parse(bytes) }
    }

    @Test func rejectsControlCharactersAndNUL() {
        let bytes: [UInt8] = Array(#"{"a":"x"#.utf8) + [0x00] + Array(#""}"#.utf8)
        #expect(throws: HukouError.self) { try JSONParser.parse(bytes) }
    }

    @Test func skipsOneByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)
        #expect(try JSONParser.parse(bytes) == .array([.integer(1)]))
    }

    @Test func rejectsDuplicateKeysSmallAndLarge() {
        #expect(throws: HukouError.self) { try JSONParser.parse(#"{"a":1,"a":2}"#) }
        // Beyond 16 members the check switches to a set; it must still catch duplicates.
        let members = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(throws: HukouError.self) { try JSONParser.parse("{" + members + #","k3":0}"#) }
        #expect(throws: Never.self) { try JSONParser.parse("{" + members + "}") }
    }

    @Test func depthLimitIsALimitError() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONParser.parse(deep)
            Issue.record("100 000 levels accepted")
        } catch {
            #expect(error.status == .limit)
        }
        // Exactly the limit is fine.
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
    }

    @Test func writerRoundTripsAndEscapes() throws {
        let value = JSONValue.object([
            JSONMember("t", .string("引号\"\\\n\u{01}")),
            JSONMember("n", .array([.integer(-3), .double(2.5), .double(4), .bool(false), .null])),
        ])
        let text = JSONWriter.string(value)
        #expect(text == #"{"t":"引号\"\\\n\u0001","n":[-3,2.5,4,false,null]}"#)
        #expect(try JSONParser.parse(text) == .object([
            JSONMember("t", .string("引号\"\\\n\u{01}")),
            JSONMember("n", .array([.integer(-3), .double(2.5), .integer(4), .bool(false), .null])),
        ]))
    }
}
