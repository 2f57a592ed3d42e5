// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import HukouRules

@Suite("Decision receipts (HMAC-SHA-256 of the request, packs, verdict lines)")
struct DecisionReceiptTests {
    static let key = [UInt8](repeating: 0x5a, count: 32)

    func anyang() throws -> JSONValue {
        try #require(try ExampleAnswers.requests().first { $0.0 == "anyang" }).1
    }

    func replacing(_ request: JSONValue, _ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = request else { return request }
        if let index = members.firstIndex(where: { $0.key == key }) { members[index].value = value } else { members.append(JSONMember(key, value)) }
        return .object(members)
    }

    @Test("The code names the date, both packs with serial and content hash, the marks and the request digest")
    func codeLayout() throws {
        let request = try anyang()
        let receipt = try DecisionReceipt.make(engine: Fixture.engine, request: request, question: .eligibility, key: Self.key)
        let parts = receipt.provenance.code.split(separator: "|").map(String.init)
        #expect(parts.count == 7)
        #expect(parts[0] == "HK1" && parts[1] == "E" && parts[2] == "2026-11-25")
        let anyangPack = try Fixture.engine.registry.pack("anyang", on: try #require(CivilDate(iso: "2026-11-25")))
        #expect(parts[3].hasPrefix("anyang:\(anyangPack.serial):\(anyangPack.contentHash.prefix(16)),national:"))
        // First the validity of the texts: 安政办〔2018〕19号 is framed to 2020 and the request is
        // dated 2026-11-25, so the encoded rules have ended (X). Then 二（一） eligible, 二（二） open
        // (below the 1-year cap the city's figure decides), 二（三） not, the rural-student
        // pathway unknown.
        #expect(parts[4].hasPrefix("XYONU"))
        // The request digest is HMAC-SHA-256 over the canonical request (sorted members, no locale).
        #expect(parts[6] == Hex.encode(HMACSHA256.authenticate(DecisionReceipt.canonicalRequest(request), key: Self.key)))
        #expect(parts[6].count == 64)
        // The code is one line of printable ASCII (for any QR encoder).
        #expect(receipt.provenance.code.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7f })
    }

    @Test("Verify: the same request matches in either language and member order; another request, key or rules does not")
    func verify() throws {
        let request = try anyang()
        let code = try DecisionReceipt.make(engine: Fixture.engine, request: request, question: .eligibility, key: Self.key).provenance.code
        func check(_ request: JSONValue, key: [UInt8] = Self.key, engine: Engine = Fixture.engine, question: Question = .eligibility) throws -> DecisionReceipt.Check {
            try DecisionReceipt.make(engine: engine, request: request, question: question, key: key).check(code: code)
        }
        #expect(try check(request) == .matches)
        #expect(try check(replacing(request, "locale", .string("en"))) == .matches)
        guard case .object(let members) = request else { Issue.record("not an object"); return }
        #expect(try check(.object(members.reversed())) == .matches)
        #expect(try check(request, key: [UInt8](repeating: 0x5b, count: 32)) == .differentRequest)
        var applicant = try #require(request["applicant"])
        applicant = replacing(applicant, "birth_date", .string("1996-04-13"))
        #expect(try check(replacing(request, "applicant", applicant)) == .differentRequest)
        #expect(try check(request, question: .points) == .differentQuestion)
        #expect(try check(replacing(request, "as_of", .string("2026-11-26"))) == .differentQuestion)
        // Other rules: the Anyang pack with one more word in a note has another content hash.
        var engine = Fixture.engine
        let text = try String(contentsOf: ExampleAnswers.root.appendingPathComponent("Policies/anyang.json"), encoding: .utf8)
        try engine.load(pack: text.replacing("全市不得将购买房屋", with: "全市一律不得将购买房屋"))
        #expect(try check(request, engine: engine) == .differentRules)
        #expect(DecisionReceipt.Check.malformed == (try DecisionReceipt.make(engine: Fixture.engine, request: request, question: .eligibility, key: Self.key).check(code: "HK1|E")))
    }

    @Test("Keys shorter than 16 bytes are refused")
    func shortKey() throws {
        #expect(throws: HukouError.self) {
            _ = try DecisionReceipt.make(engine: Fixture.engine, request: try anyang(), question: .eligibility, key: [1, 2, 3])
        }
    }

    @Test("The printed receipt fits its paper, shows the verdict lines, the packs and the code, for every example in both widths")
    func printed() throws {
        for (name, request) in try ExampleAnswers.requests() {
            for locale in AnswerLocale.allCases {
                for question in Question.allCases {
                    let receipt = try DecisionReceipt.make(engine: Fixture.engine, request: ExampleAnswers.with(request, locale: locale),
                                                           question: question, key: Self.key)
                    for columns in RenderFormat.receiptWidths {
                        let text = receipt.text(columns: columns)
                        for line in text.split(separator: "\n") {
                            #expect(TextWidth.columns(String(line)) <= columns, "\(name) \(question) \(locale) \(columns): \(line)")
                        }
                        #expect(text.contains(ReceiptFormatter.machineMarker(columns: columns, english: locale == .en)))
                        #expect(text.filter { !$0.isWhitespace }.contains(receipt.provenance.code))
                        for pack in receipt.provenance.packs { #expect(text.contains(pack.hashPrefix)) }
                    }
                }
            }
        }
    }
}
