// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// ``RequestReader`` reads a request straight from its bytes; it must give the request the
/// JSON-tree path gives, and leave every request that path refuses to it (so that each
/// error keeps its status, field and message).
@Suite("Request reader: straight from the bytes")
struct RequestReaderTests {
    let engine = Fixture.engine

    func fast(_ text: String) -> DecisionRequest? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            RequestReader.read(buffer, catalogue: engine.packFacts)
        }
    }

    func tree(_ text: String) throws -> DecisionRequest {
        try engine.readRequest(try JSONParser.parse(text))
    }

    func same(_ a: DecisionRequest, _ b: DecisionRequest) -> Bool {
        a.jurisdiction == b.jurisdiction && a.city == b.city && a.asOf == b.asOf && a.locale == b.locale
            && a.detail == b.detail && a.applicant.values == b.applicant.values && a.family.count == b.family.count
            && zip(a.family, b.family).allSatisfy { $0.values == $1.values }
            && a.applicant.catalogue === b.applicant.catalogue
    }

    @Test func readsAKioskRequestAsTheTreeDoes() throws {
        // Values checked against the request text itself (docs/requests.md field names).
        let text = #"""
        {"jurisdiction":"tianjin","as_of":"2026-11-25","locale":"en","detail":"outcome",
         "applicant":{"birth_date":"1990-02-08","married":true,"status":"residence_permit",
          "hukou":{"local":false,"former_type":"urban"},
          "residence":{"since":"2020-07-01","district":"西青区","area_type":"urban_district"},
          "social_insurance":{"months":64,"paying":true},"education":{"level":"bachelor"}},
         "family":[{"relation":"spouse","birth_date":"1991-09-21","lives_with_applicant":true}]}
        """#
        let request = try #require(fast(text))
        #expect(request.jurisdiction == "tianjin")
        #expect(request.asOf == CivilDate(year: 2026, month: 11, day: 25))
        #expect(request.locale == .en)
        #expect(request.detail == .outcome)
        #expect(request.applicant["social_insurance.months"] == .integer(64))
        #expect(request.applicant["married"] == .bool(true))
        #expect(request.applicant["status"] == .enumeration("residence_permit"))
        #expect(request.applicant["residence.district"] == .text("西青区"))
        #expect(request.applicant["birth_date"] == .date(try #require(CivilDate(year: 1990, month: 2, day: 8))))
        #expect(request.family.count == 1)
        #expect(request.family.first?.relation == "spouse")
        #expect(same(request, try tree(text)))
    }

    @Test func membersBeforeTheJurisdictionAreReadWithItsFacts() throws {
        // applicant and family before jurisdiction and as_of: read once the pack is known.
        let text = #"{"applicant":{"hukou":{"local":false}},"family":[{"relation":"child"}],"as_of":"2026-11-25","jurisdiction":"anyang"}"#
        let request = try #require(fast(text))
        #expect(request.applicant["hukou.local"] == .bool(false))
        #expect(request.family.first?.relation == "child")
        #expect(request.locale == .zhCN)
        #expect(same(request, try tree(text)))
    }

    @Test func nullMeansNotGiven() throws {
        let text = #"{"jurisdiction":"anyang","as_of":"2026-11-25","city":null,"locale":null,"family":null,"applicant":{"married":null,"hukou":null}}"#
        let request = try #require(fast(text))
        #expect(request.applicant.values.isEmpty)
        #expect(request.city == nil)
        #expect(same(request, try tree(text)))
    }

    @Test func everyExampleRequestReadsTheSame() throws {
        for name in ["anyang", "tianjin", "tianjin-2015-points", "wenzhou", "wenzhou-leqing", "fujian-quanzhou", "fujian-ningde-town"] {
            let text = try String(contentsOfFile: "examples/requests/\(name).json", encoding: .utf8)
            let request = try #require(fast(text), "\(name)")
            #expect(same(request, try tree(text)), "\(name)")
        }
    }

    @Test func leavesWhatTheTreeRefusesOrReadsDifferentlyToIt() {
        // Each is refused by the tree path (its error is the one the caller reports) or is
        // read by it in a way this reader does not reproduce (escapes, 64.0).
        let head = #"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":"#
        let cases = [
            "", "{}", "[]", head + "{}", head + "{}} x", head + "{},}", head + "{}",
            head + #"{"married":true,"married":false}}"#,               // duplicate member (RFC 8259 §4)
            head + #"{"marrid":true}}"#,                                // unknown member
            head + #"{"married":1}}"#,                                   // wrong type
            head + #"{"social_insurance":{"months":-1}}}"#,              // out of range
            head + #"{"social_insurance":{"months":64.0}}}"#,            // a number read as double
            head + #"{"social_insurance":{"months":012}}}"#,             // leading zero
            head + #"{"status":"nobody"}}"#,                             // not one of the values
            head + #"{"status":"residence\u005fpermit"}}"#,              // an escape
            head + #"{"birth_date":"1990-02-30"}}"#,                     // no such date
            head + "{\"residence\":{\"district\":\"\u{01}\"}}}",         // control character
            head + #"{"hukou":true}}"#,                                   // a group that is not an object
            head + "null}",                                               // applicant required
            #"{"jurisdiction":"anyang","as_of":"2026-02-30","applicant":{}}"#,
            #"{"jurisdiction":"anyang","as_of":"2026-11-25","locale":"fr","applicant":{}}"#,
            #"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{},"extra":1}"#,
            #"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{},"family":[1]}"#,
            #"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{},"family":[{},]}"#,
            #"{"applicant":{"married":tru},"jurisdiction":"anyang","as_of":"2026-11-25"}"#,
            #"{"applicant":{"#,
        ]
        for text in cases {
            #expect(fast(text) == nil, "\(text)")
        }
        var invalidUTF8 = Array((head + #"{"residence":{"district":"a"#).utf8)
        invalidUTF8 += [0xE6, 0x96]
        invalidUTF8 += Array(#""}}}"#.utf8)
        #expect(invalidUTF8.withUnsafeBufferPointer { RequestReader.read($0, catalogue: engine.packFacts) } == nil)
        // At most DecisionRequest.maxFamilyMembers members.
        let many = Array(repeating: "{}", count: DecisionRequest.maxFamilyMembers + 1).joined(separator: ",")
        #expect(fast(#"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{},"family":["# + many + "]}") == nil)
        let most = Array(repeating: "{}", count: DecisionRequest.maxFamilyMembers).joined(separator: ",")
        #expect(fast(#"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{},"family":["# + most + "]}")?.family.count == 32)
    }

    @Test func aLongStringIsReadWordByWordAndAnEscapeAnywhereInItIsLeftToTheTree() throws {
        // Strings are scanned eight bytes at a time: a quote, a backslash, a control
        // character or a non-ASCII byte at any offset of a long string must still be seen.
        let head = #"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{"residence":{"district":""#
        let plain = String(repeating: "abcdefgh", count: 3)
        let read = try #require(fast(head + plain + #""}}}"#))
        #expect(read.applicant["residence.district"] == .text(plain))
        for offset in 0..<plain.count {
            let prefix = String(plain.prefix(offset)), suffix = String(plain.dropFirst(offset))
            #expect(fast(head + prefix + #"\u0041"# + suffix + #""}}}"#) == nil, "escape at \(offset)")
            #expect(fast(head + prefix + "\u{09}" + suffix + #""}}}"#) == nil, "tab at \(offset)")
            // A non-ASCII character: read, by the byte loop, as the same text the tree gives.
            let text = head + prefix + "西" + suffix + #""}}}"#
            let request = try #require(fast(text), "non-ASCII at \(offset)")
            #expect(request.applicant["residence.district"] == .text(prefix + "西" + suffix))
            #expect(same(request, try tree(text)))
            // The string ends (its closing quote) at this offset.
            let short = try #require(fast(head + prefix + #""}}}"#), "quote at \(offset)")
            #expect(short.applicant["residence.district"] == .text(prefix))
        }
    }

    @Test func aBrokenUTF8SequenceAnywhereInAStringIsLeftToTheTree() throws {
        // The word loop gathers the high bits of every byte before the closing quote (in
        // whole words and in the word that holds the quote): a lone lead byte (RFC 3629 §4)
        // at any offset must reach the UTF-8 check, and the tree path refuses it.
        let head = Array(#"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{"residence":{"district":""#.utf8)
        let tail = Array(#""}}}"#.utf8)
        let plain = Array(String(repeating: "abcdefgh", count: 3).utf8)
        for offset in 0...plain.count {
            let bytes = head + plain.prefix(offset) + [0xE6] + plain.dropFirst(offset) + tail
            #expect(bytes.withUnsafeBufferPointer { RequestReader.read($0, catalogue: engine.packFacts) } == nil, "at \(offset)")
            #expect(throws: HukouError.self) { try JSONParser.parse(bytes) }
        }
    }

    @Test func literalsCutShortAtTheEndAreLeftToTheTree() {
        // true, false and null are matched as whole words: a request that ends inside one
        // (or spells it otherwise) is not read here.
        let head = #"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{"married":"#
        for value in ["t", "tr", "tru", "f", "fa", "fal", "fals", "n", "nu", "nul", "True", "nulL", "falsE", "truex"] {
            #expect(fast(head + value) == nil, "\(value)")
            #expect(fast(head + value + "}}") == nil, "\(value)")
        }
        #expect(fast(head + "false}}")?.applicant["married"] == .bool(false))
        #expect(fast(head + "true}}")?.applicant["married"] == .bool(true))
        #expect(fast(head + "null}}")?.applicant["married"] == nil)
    }

    @Test func datesAreReadAsCivilDateReadsThem() throws {
        // ISO 8601 calendar dates, extended format: ten bytes, dashes at 4 and 7, digits
        // elsewhere, a real day of the Gregorian calendar (2000 is a leap year, 1900 not).
        let head = #"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{"birth_date":""#
        let dates = ["1990-02-08", "2000-02-29", "1999-12-31", "1990-02-29", "1900-02-29", "1990-13-01",
                     "1990-00-10", "1990-01-00", "1990-04-31", "199a-01-01", "1990/01/01", "1990-1-01",
                     " 990-01-01", "1990-01-0:", "1990-01-0/", "1990-01-011", "+990-01-01", "1990-01-1"]
        for date in dates {
            let read = fast(head + date + #""}}"#)
            if let expected = CivilDate(iso: date) {
                #expect(read?.applicant["birth_date"] == .date(expected), "\(date)")
            } else {
                #expect(read == nil, "\(date)")
            }
        }
        #expect(fast(head + "2000-02-29" + #""}}"#)?.applicant["birth_date"] == .date(try #require(CivilDate(year: 2000, month: 2, day: 29))))
        #expect(fast(head + "1900-02-29" + #""}}"#) == nil)
    }

    @Test func deeperThanTheEngineLimitIsLeftToTheTree() throws {
        // applicant (level 2) > social_insurance (level 3): within 3 levels, not within 2.
        let text = #"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{"social_insurance":{"months":5}}}"#
        let bytes = Array(text.utf8)
        let within = bytes.withUnsafeBufferPointer { RequestReader.read($0, maxDepth: 3, catalogue: engine.packFacts) }
        #expect(within?.applicant["social_insurance.months"] == .integer(5))
        #expect(bytes.withUnsafeBufferPointer { RequestReader.read($0, maxDepth: 2, catalogue: engine.packFacts) } == nil)
        #expect(throws: HukouError.self) { try JSONParser.parse(bytes, maxDepth: 2) }
    }

    @Test func errorsAreTheTreePathsThroughParseRequest() {
        // A misspelt field: the same status, field and message as before the reader existed.
        let text = #"{"jurisdiction":"anyang","as_of":"2026-11-25","locale":"en","applicant":{"social_insurance":{"months":"x"}}}"#
        let bytes = Array(text.utf8)
        let failure = bytes.withUnsafeBufferPointer { buffer -> LocalizedFailure? in
            do throws(LocalizedFailure) { _ = try engine.parseRequest(buffer); return nil } catch { return error }
        }
        #expect(failure?.locale == .en)
        #expect(failure?.error.path == "applicant.social_insurance.months")
        #expect(failure?.message.contains("expected an integer from 0 to") == true)
    }
}
