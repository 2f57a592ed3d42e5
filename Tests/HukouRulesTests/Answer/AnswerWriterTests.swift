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
}
