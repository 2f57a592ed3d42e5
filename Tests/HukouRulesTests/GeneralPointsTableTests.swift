// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// A made-up points table, unlike any real city's, to prove the table format is general:
/// bands, categorical, accrual with a rate change and a cap, either-or, a capped group,
/// a district bonus, deductions, a veto, a threshold.
let madeUpPointsPack = testPack(#"""
"districts":[{"name":"甲区","aliases":["老甲县"]},{"name":"乙区"}],
"parameters":[{"id":"threshold","source":"test","provisional":true,"values":[{"from":"2020-01-01","value":100}]}],
"points":{"citation":"测试〔2020〕1号 第三条","threshold":{"param":"threshold"},"indicators":[
 {"id":"age","kind":"bands","label":{"zh":"年龄","en":"age"},"citation":"第三条（一）","fact":"age",
  "bands":[{"max":30,"points":20},{"min":31,"max":40,"points":10}]},
 {"id":"education","kind":"categorical","label":{"zh":"学历","en":"education"},"citation":"第三条（二）","fact":"education.level",
  "points":{"junior_college":10,"bachelor":20,"master":30}},
 {"id":"insurance","kind":"accrual","label":{"zh":"社保","en":"insurance"},"citation":"第三条（三）","fact":"social_insurance.months",
  "stages":[{"from":0,"per":12,"points":6},{"from":36,"per":12,"points":12}],"cap":60},
 {"id":"skill_or_title","kind":"best_of","label":{"zh":"技能或职称","en":"skill or title"},"citation":"第三条（四）","indicators":[
   {"id":"skill","kind":"categorical","label":{"zh":"技能","en":"skill"},"citation":"第三条（四）1","fact":"skill.level","points":{"senior_worker":15}},
   {"id":"title","kind":"categorical","label":{"zh":"职称","en":"title"},"citation":"第三条（四）2","fact":"skill.title","points":{"intermediate":25}}]},
 {"id":"family","kind":"group","label":{"zh":"家庭","en":"family"},"citation":"第三条（五）","cap":35,"indicators":[
   {"id":"home","kind":"bonus","label":{"zh":"自有住房","en":"own home"},"citation":"第三条（五）1","points":30,
    "condition":{"fact":"housing.type","op":"==","value":"owned"}},
   {"id":"married","kind":"bonus","label":{"zh":"已婚","en":"married"},"citation":"第三条（五）2","points":10,
    "condition":{"fact":"married","op":"is","value":true}}]},
 {"id":"district","kind":"categorical","label":{"zh":"落户区","en":"district"},"citation":"第三条（六）","fact":"intended_district",
  "points":{"甲区":8,"乙区":4}},
 {"id":"violations","kind":"deduction","label":{"zh":"违法","en":"violations"},"citation":"第三条（七）","fact":"points_record.violations","each":-20}],
 "vetoes":[{"id":"crime","label":{"zh":"犯罪","en":"crime"},"citation":"第四条","condition":{"fact":"points_record.criminal_conviction","op":"is","value":true}}]}
"""#)

@Suite("A general points table (made-up test pack)")
struct GeneralPointsTableTests {
    let engine: Engine = {
        var engine = Engine()
        do throws(HukouError) { try engine.load(pack: madeUpPointsPack) } catch { Issue.record("\(error.describe(.en))") }
        return engine
    }()

    func score(_ applicant: String) throws -> JSONValue {
        try Fixture.points(#"{"jurisdiction":"testland","as_of":"2026-11-25","locale":"en","applicant":"# + applicant + "}", engine: engine)
    }

    @Test func everyKindScoresAsReasoned() throws {
        let answer = try score(#"""
        {"birth_date":"1990-01-01","education":{"level":"master"},"social_insurance":{"months":48,"paying":true},
         "skill":{"level":"senior_worker","title":"intermediate"},"housing":{"type":"owned"},"married":true,
         "intended_district":"乙区","points_record":{"violations":1,"criminal_conviction":false}}
        """#)
        let breakdown = try #require(answer["breakdown"])
        // age 36 → band 31–40 → 10
        #expect(breakdown.element(id: "age")?["points"]?.intValue == 10)
        // master → 30
        #expect(breakdown.element(id: "education")?["points"]?.intValue == 30)
        // 36 months × 6/12 = 18, then 12 months beyond 36 × 12/12 = 12 → 30
        #expect(breakdown.element(id: "insurance")?["points"]?.intValue == 30)
        // either-or: title 25 beats skill 15
        #expect(breakdown.element(id: "skill_or_title")?["points"]?.intValue == 25)
        #expect(breakdown.element(id: "skill_or_title")?["counted"]?.stringValue == "title")
        // 30 + 10 = 40, capped at 35
        #expect(breakdown.element(id: "family")?["points"]?.intValue == 35)
        #expect(breakdown.element(id: "family")?["cap_applied"]?.boolValue == true)
        #expect(breakdown.element(id: "district")?["points"]?.intValue == 4)
        #expect(breakdown.element(id: "violations")?["points"]?.intValue == -20)
        // 10 + 30 + 30 + 25 + 35 + 4 − 20 = 114
        #expect(answer["total"]?.intValue == 114)
        #expect(answer["reaches_threshold"]?.boolValue == true)
        #expect(answer["gap"]?.intValue == 0)
        #expect(answer["may_apply"]?.stringValue == "yes")
        #expect(answer["provisional"]?.boolValue == true) // the threshold is provisional
    }

    @Test func accrualRateChangesExactlyAtTheBoundaryAndCaps() throws {
        func insurance(_ months: Int) throws -> Int? {
            try score(#"{"social_insurance":{"months":\#(months)}}"#)["breakdown"]?.element(id: "insurance")?["points"]?.intValue
        }
        #expect(try insurance(36) == 18) // 36 × 6/12
        #expect(try insurance(37) == 19) // 18 + 1 × 12/12
        #expect(try insurance(35) == 17) // 35 × 6/12 = 17.5, rounded down
        #expect(try insurance(200) == 60) // 18 + 164 = 182, capped at 60
    }

    @Test func vetoDisqualifiesWhateverTheScore() throws {
        let answer = try score(#"{"birth_date":"1990-01-01","education":{"level":"master"},"social_insurance":{"months":200},"points_record":{"criminal_conviction":true}}"#)
        #expect(answer["vetoes"]?.element(id: "crime")?["result"]?.stringValue == "applies")
        #expect(answer["may_apply"]?.stringValue == "no")
    }

    @Test func formerDistrictNameCountsAsTheDistrict() throws {
        let answer = try score(#"{"intended_district":"老甲县"}"#)
        #expect(answer["breakdown"]?.element(id: "district")?["points"]?.intValue == 8)
    }

    @Test func projectionAndWhatIf() throws {
        let answer = try score(#"""
        {"birth_date":"2000-01-01","education":{"level":"bachelor"},"social_insurance":{"months":24,"paying":true},
         "skill":{"level":"none","title":"none"},"housing":{"type":"rental"},"married":false,"intended_district":"甲区",
         "points_record":{"violations":0,"criminal_conviction":false}}
        """#)
        // 20 (age 26) + 20 (bachelor) + 12 (24 × 6/12) + 8 (甲区) = 60
        #expect(answer["total"]?.intValue == 60)
        #expect(answer["gap"]?.intValue == 40)
        // Insurance must reach 52 points: 18 + (months − 36) ≥ 52 → 70 months → 46 more;
        // 2026-11-25 + 46 months = 2030-09-25, when the applicant is 30 (still 20 points).
        let projection = try #require(answer["projection"])
        #expect(projection["reaches_threshold_on"]?.stringValue == "2030-09-25")
        #expect(projection["months"]?.intValue == 46)
        #expect(projection["total_then"]?.intValue == 100)
        // The threshold (100) is a provisional parameter of the pack: the date it gives is
        // provisional too, on the projection itself (never an assumed number turned into a
        // date without saying so), and in the rendering.
        #expect(projection["provisional"]?.boolValue == true)
        #expect(projection["provisional_parameters"]?.arrayValue.compactMap(\.stringValue) == ["threshold"])
        #expect(Renderer.render(answer, format: .text).contains("2030-09-25 if the applicant simply keeps living here and paying insurance (provisional)"))
        // Ranked single changes: title intermediate +25, skill senior_worker +15,
        // master +10, 12 more months of insurance +6 (24→36: 12 → 18).
        let whatIf = try #require(answer["what_if"]).arrayValue
        #expect(whatIf.map { $0["indicator"]?.stringValue } == ["title", "skill", "education", "insurance"])
        #expect(whatIf.map { $0["points_gained"]?.intValue } == [25, 15, 10, 6])
    }

    @Test func unknownFactsMakeTheScoreIncomplete() throws {
        let answer = try score("{}")
        #expect(answer["score_complete"]?.boolValue == false)
        #expect(answer["missing_facts"]?.arrayValue.contains(.string("birth_date")) == true)
    }

    @Test func belowTheThresholdWithAFactMissingIsNotANo() throws {
        // Education unknown: age 10 + insurance 30 + title 25 + family 35 + district 4 − one
        // violation 20 = 84, below 100. The missing education could add up to 30 (第三条（二）),
        // so whether 100 is reached cannot be said: not "no".
        let answer = try score(#"""
        {"birth_date":"1990-01-01","social_insurance":{"months":48,"paying":true},
         "skill":{"level":"senior_worker","title":"intermediate"},"housing":{"type":"owned"},"married":true,
         "intended_district":"乙区","points_record":{"violations":1,"criminal_conviction":false}}
        """#)
        #expect(answer["total"]?.intValue == 84)
        #expect(answer["missing_facts"]?.arrayValue.contains(.string("education.level")) == true)
        #expect(answer["may_apply"]?.stringValue == "unknown")
    }
}
