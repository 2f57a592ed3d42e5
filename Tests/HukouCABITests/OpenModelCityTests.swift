// SPDX-License-Identifier: Apache-2.0
import CHukou
import HukouRules
import Testing

/// A made-up city (examples/packs/mingshan.json) that declares facts no other pack has,
/// loaded at run time through hukou_engine_load_pack and answered through the C ABI.
/// Every expected value is reasoned by hand from the pack's table (明政发〔2026〕1号 is
/// made up too), not pasted from the engine.
@Suite("Open rule model: a made-up city is data (examples/packs/mingshan.json)")
struct OpenModelCityTests {
    let engine: CEngine

    init() throws {
        engine = try CEngine()
        let pack = try #require(readFile(repositoryFile("examples/packs/mingshan.json")), "examples/packs/mingshan.json missing")
        let loaded = engine.load(String(decoding: pack, as: UTF8.self))
        #expect(loaded.status == HUKOU_OK, "\(loaded.error)")
    }

    func points(_ applicant: String, family: String = "[]", asOf: String = "2026-11-25") throws -> JSONValue {
        let request = #"{"jurisdiction":"mingshan","as_of":""# + asOf + #"","locale":"en","applicant":{"# + applicant + #"},"family":"# + family + "}"
        let reply = ask(engine, request, call: .points)
        #expect(reply.status == HUKOU_OK, "\(reply)")
        return try JSONParser.parse(try #require(reply.answer))
    }

    func part(_ answer: JSONValue, _ id: String) -> JSONValue? {
        answer["breakdown"]?.elements?.first { $0["id"]?.stringValue == id }
    }

    /// Numbers as text: 41.5 must be exactly 41.5 (fixed point), not 41.499999.
    func number(_ value: JSONValue?) -> String {
        guard let value else { return "absent" }
        return JSONWriter.string(value)
    }

    static let applicant = #"""
    "residence_permit":{"held":true},"education":{"level":"master"},"degree":{"bachelor":true},
    "social_insurance":{"months":66,"paying":true},"residence":{"since":"2019-11-25"},
    "public_service":{"current":true,"months":61},"outer_district_work":{"months":30},"employment":{"type":"employee"},
    "wage":{"months_above_average":40},"tax":{"annual_10k_yuan":1.5},"marriage":{"date":"2024-11-25"},
    "records":{"detentions":2,"false_material":1},"family_planning":{"record":"compliant"},
    "talent":{"level":"none"}
    """#
    static let family = #"[{"relation":"spouse","hukou":{"local":true}},{"relation":"parent","lives_with_applicant":false}]"#

    @Test("Rendered: decimal points as written (41.5 of 90.75, 49.25 short; 25.5 for the master's), a city's own facts in its own words")
    func renderedDecimals() throws {
        let answer = try points(Self.applicant, family: Self.family)
        let text = Renderer.render(answer, format: .text)
        // 41.5, 90.75 and 49.25 = 90.75 - 41.5, as reasoned for the total test below.
        #expect(text.contains("Score 41.5 points"))
        #expect(text.contains("guidance score 90.75 points: 49.25 short"))
        #expect(text.contains("25.5 points"))
        #expect(!text.contains("not computed"))
        #expect(!text.contains("other information"))
    }

    @Test func everyIndicatorAsReasonedByHand() throws {
        let answer = try points(Self.applicant, family: Self.family)
        // 第五条（一） master 25.5 (a decimal point value), plus 5 for the degree (a fact apart from the level)
        #expect(number(part(answer, "education")?["points"]) == "25.5")
        #expect(number(part(answer, "degree")?["points"]) == "5")
        // （二） 每满1年积3分: 66 months = 5 full years → 15 (pro rata would be 16.5)
        #expect(number(part(answer, "insurance")?["points"]) == "15")
        // （三） residence since 2019-11-25 is 84 months, capped by 66 insured months: 66 × 0.5 / 12 = 2.75
        #expect(number(part(answer, "residence")?["value"]) == "66")
        #expect(number(part(answer, "residence")?["points"]) == "2.75")
        // （四） from 5 full years on: 61 months passes the 60-month gate, 5 full years × 2 = 10
        #expect(number(part(answer, "public_service")?["points"]) == "10")
        // （五） an employee: 30 months = 2 full years × 1.5 = 3
        #expect(number(part(answer, "outer_district")?["points"]) == "3")
        // （六） 40 months above the average wage: band 36+ → 8
        #expect(number(part(answer, "wage")?["points"]) == "8")
        // （七） tax 1.5 ≥ 1.5 (exactly; no binary error) → 2.25
        #expect(number(part(answer, "tax")?["points"]) == "2.25")
        // （八） some spouse holds local hukou, and the applicant married 2024-11-25: 2 years on 2026-11-25 → 10
        #expect(number(part(answer, "spouse")?["points"]) == "10")
        // （九） the only parent does not live with the applicant → 0
        #expect(number(part(answer, "parents")?["points"]) == "0")
        // （十） no talent tier: a value the table does not score → 0
        #expect(number(part(answer, "talent")?["points"]) == "0")
        // 第六条 2 detentions × −15 + 1 false material × −20 = −50, floored at −40
        #expect(number(part(answer, "records")?["points"]) == "-40")
        #expect(part(answer, "records")?["cap_applied"] == .bool(true))
        // 25.5 + 5 + 15 + 2.75 + 10 + 3 + 8 + 2.25 + 10 + 0 − 40 = 41.5; threshold 90.75, gap 49.25
        #expect(number(answer["total"]) == "41.5")
        #expect(number(answer["threshold"]) == "90.75")
        #expect(number(answer["gap"]) == "49.25")
        #expect(answer["reaches_threshold"] == .bool(false))
        #expect(answer["score_complete"] == .bool(true))
    }

    @Test func whatIfProposesBlockChanges() throws {
        let answer = try points(Self.applicant, family: Self.family)
        let changes = answer["what_if"]?.elements ?? []
        // insurance: 6 more months complete the 6th year (+3), and the residence cap rises with
        // it to 72 months (3 − 2.75 = +0.25): +3.25; public service: 11 more months to the 6th
        // full year, +2; outer district: 6 more months to the 3rd year, +1.5; residence 12 more
        // months pro rata (78 × 0.5 / 12 = 3.25), +0.5; talent tier: none → the next tier up
        // that scores, level_3 (第五条（十）), +1.
        #expect(changes.map { $0["indicator"]?.stringValue ?? "" } == ["insurance", "public_service", "outer_district", "talent", "residence"])
        #expect(changes.map { number($0["points_gained"]) } == ["3.25", "2", "1.5", "1", "0.5"])
        #expect(changes.dropFirst(3).first?["to"] == .string("level_3"))
        #expect(changes.first?["to"] == .integer(72))
        #expect(changes.dropFirst().first?["to"] == .integer(72))
    }

    /// hukou_render with the engine that answered: the what-if line of the city's own
    /// ordered fact talent.level names the value by the words the pack declares for it
    /// (value_labels: level_3 → 第三层次人才 / third-tier talent), never the token.
    @Test("Rendered through hukou_render: a city's own enumeration value in its declared words, in both locales")
    func ownValueLabelsRender() throws {
        for (locale, expected) in [("zh-CN", "人才层次达到第三层次人才"), ("en", "talent tier reaches third-tier talent")] {
            let request = #"{"jurisdiction":"mingshan","as_of":"2026-11-25","locale":""# + locale + #"","applicant":{"# + Self.applicant + "}}"
            let reply = ask(engine, request, call: .points)
            #expect(reply.status == HUKOU_OK, "\(reply)")
            let answer = try #require(reply.answer)
            // The service's own what-if text already uses the declared words.
            let parsed = try JSONParser.parse(answer)
            let talent = (parsed["what_if"]?.elements ?? []).first { $0["indicator"]?.stringValue == "talent" }
            #expect(talent?["change"]?.stringValue == expected)
            for format in [HUKOU_RENDER_TEXT, HUKOU_RENDER_HTML, HUKOU_RENDER_RECEIPT_48] {
                var out: UnsafeMutablePointer<CChar>?
                let bytes = Array(answer.utf8)
                let status = bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { hukou_render(engine.handle, $0.baseAddress, $0.count, format, &out) }
                }
                #expect(status == HUKOU_OK)
                let text = out.map { String(cString: $0) } ?? ""
                hukou_string_free(out)
                // (a receipt wraps the line to its width: checked for tokens only)
                if format != HUKOU_RENDER_RECEIPT_48 { #expect(text.contains(expected), "\(locale) \(format): \(text)") }
                #expect(!text.contains("level_3") && !text.contains("talent.level"), "\(locale) \(format): a token on screen")
            }
        }
    }

    @Test func gateAndWholeBlocksAtTheirEdges() throws {
        // 59 months of public service: below the 5-year gate → 0; the what-if asks for the
        // one month to the gate, where 60 months = 5 full years × 2 = 10 count at once.
        let below = try points(#""public_service":{"current":true,"months":59},"social_insurance":{"months":23,"paying":true}"#)
        #expect(number(part(below, "public_service")?["points"]) == "0")
        // 23 months: one full year → 3
        #expect(number(part(below, "insurance")?["points"]) == "3")
        let gate = (below["what_if"]?.elements ?? []).first { $0["indicator"]?.stringValue == "public_service" }
        #expect(gate?["to"] == .integer(60))
        #expect(number(gate?["points_gained"]) == "10")
    }

    @Test func decimalFactComparesExactly() throws {
        let under = try points(#""tax":{"annual_10k_yuan":1.4999}"#)
        #expect(number(part(under, "tax")?["points"]) == "0")
        let five = ask(engine, #"{"jurisdiction":"mingshan","as_of":"2026-11-25","locale":"en","applicant":{"tax":{"annual_10k_yuan":1.23456}}}"#, call: .points)
        #expect(five.status == HUKOU_E_INVALID)
        #expect(five.error.contains("applicant.tax.annual_10k_yuan"))
        #expect(five.error.contains("four decimals"))
    }

    @Test func familyQuantifierUnknownAsksForTheMembersField() throws {
        // The spouse's hukou is not given: the bonus is unknown and asks for family[0].hukou.local.
        let answer = try points(#""marriage":{"date":"2020-01-01"}"#, family: #"[{"relation":"spouse"}]"#)
        #expect(part(answer, "spouse")?["missing_facts"] == .array([.string("family[0].hukou.local")]))
        // Married one day short of 2 years: not met, whatever the spouse.
        let short = try points(#""marriage":{"date":"2024-11-26"}"#, family: #"[{"relation":"spouse","hukou":{"local":true}}]"#)
        #expect(number(part(short, "spouse")?["points"]) == "0")
        // A parent living with the applicant: 2.5.
        let parent = try points("", family: #"[{"relation":"parent","lives_with_applicant":true}]"#)
        #expect(number(part(parent, "parents")?["points"]) == "2.5")
    }

    @Test func totalFloorAndVeto() throws {
        // Nothing but 3 detentions: −45 floored at −40 in the group, and the total at 0.
        let answer = try points(#""records":{"detentions":3},"family_planning":{"record":"violation"},"residence_permit":{"held":true}"#)
        #expect(number(part(answer, "records")?["points"]) == "-40")
        #expect(number(answer["total"]) == "0")
        // 第四条: a family-planning violation disqualifies.
        #expect(answer["may_apply"]?.stringValue == "no")
        #expect(answer["vetoes"]?.elements?.first?["result"]?.stringValue == "applies")
    }

    @Test func aCitysOwnFactsAreOnlyForItsRequests() throws {
        // Anyang declares no public_service: the member is refused there, shown by its position
        // (a name outside the common vocabulary might be personal data: hukou.h).
        let elsewhere = ask(engine, anyangRequest(applicant: #""birth_date":"1990-03-07","public_service":{"months":61}"#), call: .points)
        #expect(elsewhere.status == HUKOU_E_INVALID)
        #expect(elsewhere.error.contains("applicant.#2"))
        #expect(!elsewhere.error.contains("public_service"))
        // A misspelt member of a city fact group is refused at its position within the group,
        // with the nearest vocabulary word as a hint.
        let typo = ask(engine, #"{"jurisdiction":"mingshan","as_of":"2026-11-25","locale":"en","applicant":{"public_service":{"month":61}}}"#, call: .points)
        #expect(typo.status == HUKOU_E_INVALID)
        #expect(typo.error.contains("applicant.public_service.#1"))
        #expect(typo.error.contains("months"))
    }
}
