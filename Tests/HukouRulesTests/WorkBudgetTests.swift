// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// The cost model of Engine/WorkBudget.swift on the embedded packs: every one must answer
/// every call, for the largest family a request may list, far inside the bounds.
@Suite("Work budget: embedded packs are far inside the bounds")
struct WorkBudgetTests {
    @Test func embeddedPacksFitWithTheLargestFamily() throws {
        let national = try #require(Fixture.engine.registry.allPacks.first { $0.id == "national" })
        for pack in Fixture.engine.registry.allPacks {
            let people = 1 + DecisionRequest.maxFamilyMembers
            for call in [WorkBudget.Call.eligibility, .points, .entitlements] {
                let (work, reported, bytes) = WorkBudget.estimate(call, pack, national: national, people: people)
                // Room for packs many times larger than today's (a tenth of the work bound, a fifth of the answer bound).
                #expect(work * 10 <= EngineLimits.header.callWork, "\(pack.id) \(call): \(work)")
                #expect(reported * 5 <= EngineLimits.header.answerNodes, "\(pack.id) \(call): \(reported)")
                #expect(bytes * 2 <= EngineLimits.header.answerBytes, "\(pack.id) \(call): \(bytes) bytes")
            }
        }
    }
}

/// Family quantifiers multiply the work by the members judged (review of 2026-12-01: 14
/// nested `some` overflowed the estimate and trapped while the pack loaded).
@Suite("Work budget: estimates saturate instead of overflowing")
struct WorkBudgetSaturationTests {
    static func pack(nesting: Int) -> String {
        var condition = #"{"fact":"age","op":">=","value":18}"#
        for _ in 0..<nesting { condition = #"{"some":{"where":"# + condition + "}}" }
        return """
        {"format":"hukou-pack/1","id":"nestedtown","version":"1","name":{"zh":"嵌套市","en":"Nestedtown"},
         "document":{"title":{"zh":"测试","en":"test"},"number":"测试〔2026〕1号"},"effective_from":"2026-01-01",
         "pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":\(condition)}]}
        """
    }

    @Test("14 nested family quantifiers: refused for their cost (32^14 evaluations), no trap")
    func nestedQuantifiersAreRefused() {
        var engine = Engine()
        do {
            try engine.load(pack: Self.pack(nesting: 14))
            Issue.record("a pack needing 32^14 evaluations loaded")
        } catch {
            #expect(error.status == .limit)
            #expect(error.message.en.contains("HUKOU_MAX_CALL_WORK"))
        }
    }

    @Test("Saturating arithmetic: the ceiling, never a wrap")
    func saturation() {
        #expect(PackCost.multiply(Int.max, 32) == PackCost.ceiling)
        #expect(PackCost.add(Int.max, 1) == PackCost.ceiling)
        #expect(PackCost.multiply(3, 32) == 96)
        #expect(PackCost.add(2, 3) == 5)
    }

    @Test("One quantifier over a small condition still loads (2 nodes × 32 members)")
    func oneQuantifierLoads() throws {
        var engine = Engine()
        try engine.load(pack: Self.pack(nesting: 1))
        #expect(engine.registry.ids.contains("nestedtown"))
    }
}

/// The points estimate follows the linear what-if and projection (issue 15): one fact's
/// proposals are scored once per value they propose; the projection re-scores only what
/// changes with time.
@Suite("Work budget: the points estimate is linear where the work is")
struct PointsWorkBudgetTests {
    static func pack(_ indicators: [String]) -> String {
        testPack(id: "estimate", #""points":{"citation":"c","threshold":1000,"indicators":["# + indicators.joined(separator: ",") + "]}")
    }

    func work(_ text: String) throws -> Int {
        var engine = Engine()
        try engine.load(pack: text)
        let pack = try #require(engine.registry.allPacks.first { $0.id == "estimate" })
        return WorkBudget.estimate(.points, pack, national: nil, people: 1).work
    }

    @Test func oneFactManyIndicators() throws {
        // 100 categorical indicators on education.level with two values each: 100 scored,
        // 100 proposals, at most 2 distinct changes × 100 readers; education does not grow
        // with time, so the projection re-scores nothing: 100 + 100 + 200 = 400.
        let list = (0..<100).map { #"{"id":"i\#($0)","label":{"zh":"i","en":"i"},"citation":"c","kind":"categorical","fact":"education.level","points":{"bachelor":1,"master":2}}"# }
        #expect(try work(Self.pack(list)) == 400)
    }

    @Test func distinctTargetsOnOneCounterStayQuadratic() throws {
        // 100 accruals on social-insurance months with gates 1 … 100: 100 scored, 120 months ×
        // 100 growing with time, 100 proposals, 100 distinct targets × 100 readers:
        // 100 + 12 000 + 100 + 10 000 = 22 200.
        let list = (0..<100).map { #"{"id":"g\#($0)","label":{"zh":"g","en":"g"},"citation":"c","kind":"accrual","fact":"social_insurance.months","gate":\#($0 + 1),"stages":[{"from":0,"per":1,"points":1}]}"# }
        #expect(try work(Self.pack(list)) == 22_200)
    }

}
