// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// The answer vocabulary of issue 11: `depends_on_local_rules` (decided_by), `not_applicable`
/// (applies_to), one line per service (specializes), validity windows of documents, and
/// points settlement that is never "eligible" before the score meets the guidance score of
/// the same table. Packs here are synthetic; each expectation follows from the rule text
/// in docs/answers.md, not from the code's output.
@Suite("Answer vocabulary: what the documents decide, and no more")
struct AnswerVocabularyTests {
    static let documents = #"""
    "documents":[
      {"id":"plan","number":"测试〔2017〕1号","title":{"zh":"方案","en":"plan"},"effective_from":"2017-03-02","effective_until":"2020-12-31",
       "until_note":{"zh":"方案以2020年为期","en":"the plan runs to 2020"}},
      {"id":"table2014","number":"测试〔2013〕31号 附件","title":{"zh":"2014年分值表","en":"2014 table"},"effective_from":"2014-01-01","effective_until":"2015-12-31"},
      {"id":"measures","number":"测试〔2015〕39号","title":{"zh":"管理办法","en":"measures"},"effective_from":"2016-01-01","effective_until":"2020-12-31"}
    ]
    """#

    static func engine(_ sections: String, national: String? = nil) throws -> Engine {
        var engine = Engine()
        if let national { try engine.load(pack: national) }
        try engine.load(pack: testPack(from: "2014-01-01", sections))
        return engine
    }

    static func request(_ asOf: String, _ applicant: String = "{}", family: String = "[]", locale: String = "en") -> DecisionRequest? {
        try? DecisionRequest.read(try JSONParser.parse(
            #"{"jurisdiction":"testland","as_of":"\#(asOf)","locale":"\#(locale)","applicant":\#(applicant),"family":\#(family)}"#))
    }

    // MARK: - depends_on_local_rules

    static let directionPathway = #"""
    "pathways":[{"id":"talent","name":{"zh":"人才引进","en":"talent"},"citation":"测试方案 （七）","document":"plan",
      "decided_by":{"who":{"zh":"当地公安机关户籍窗口","en":"the local public-security office"},
                    "open":{"zh":"人才引进的具体条件","en":"the conditions of talent introduction"}}}]
    """#

    @Test("A direction to the city (（七） 加大…引进力度) answers depends_on_local_rules: who decides, what is open, no verdict, no number")
    func directionIsNotAVerdict() throws {
        let engine = try Self.engine(Self.documents + "," + Self.directionPathway)
        let answer = try engine.eligibility(try #require(Self.request("2018-06-01", #"{"education":{"level":"bachelor"}}"#)))
        let pathway = try #require(answer["pathways"]?.element(id: "talent"))
        #expect(pathway["result"]?.stringValue == "depends_on_local_rules")
        #expect(pathway["decided_by"]?["who"]?.stringValue == "the local public-security office")
        #expect(pathway["decided_by"]?["open"]?.stringValue == "the conditions of talent introduction")
        #expect(pathway["decided_by"]?["citation"]?.stringValue == "测试方案 （七）")
        #expect(pathway["conditions"] == nil)
        #expect(pathway["shortfalls"] == nil)
        #expect(pathway["provisional"] == nil)
        #expect(answer["eligible_pathways"]?.arrayValue.isEmpty == true)
    }

    @Test("decided_by and a condition exclude each other (loader)")
    func decidedByExcludesCondition() throws {
        let error = try #require(packError(testPack(#"""
        "pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"married","op":"is","value":true},
          "decided_by":{"who":{"zh":"a","en":"a"},"open":{"zh":"b","en":"b"}}}]
        """#)))
        #expect(error.path == "pathways[0].decided_by")
        let entitlement = try #require(packError(testPack(#"""
        "entitlements":[{"id":"e","domain":"schooling","name":{"zh":"e","en":"e"},"citation":"c","statuses":["residence_permit"],
          "verdict":"entitled","decided_by":{"who":{"zh":"a","en":"a"},"open":{"zh":"b","en":"b"}}}]
        """#)))
        #expect(entitlement.path == "entitlements[0].decided_by")
        // The verdict word itself may not be written: only decided_by says it.
        let written = try #require(packError(testPack(#"""
        "entitlements":[{"id":"e","domain":"schooling","name":{"zh":"e","en":"e"},"citation":"c","statuses":["residence_permit"],"verdict":"depends_on_local_rules"}]
        """#)))
        #expect(written.path == "entitlements[0].verdict")
    }

    @Test("A rule naming an undeclared document is a load error")
    func unknownDocument() throws {
        // A window that ends before it starts is a mistake.
        let backwards = try #require(packError(testPack(from: "2014-01-01", Self.documents.replacingOccurrences(of: "\"effective_until\":\"2015-12-31\"", with: "\"effective_until\":\"2013-12-31\""))))
        #expect(backwards.path == "documents[1].effective_until")
        let error2 = try #require(packError(testPack(from: "2014-01-01", Self.documents + #"""
        ,"pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","document":"nope","condition":{"fact":"married","op":"is","value":true}}]
        """#)))
        #expect(error2.path == "pathways[0].document")
    }

    // MARK: - not_applicable

    static let schooling = #"""
    "entitlements":[{"id":"city.compulsory","domain":"schooling","subjects":"children","document":"plan",
      "name":{"zh":"义务教育","en":"compulsory education"},"citation":"测试方案 （二十二）","statuses":["residence_permit"],
      "applies_to":{"label":{"zh":"义务教育阶段","en":"compulsory-school stage"},"fact":"school.age_stage","op":"in","value":["primary","junior_high"]},
      "condition":{"label":{"zh":"父母在本市就业","en":"a parent works in the city"},"of":"applicant","fact":"employment.in_city","op":"is","value":true},
      "verdict":"entitled","specializes":["national.compulsory"]}]
    """#

    static let nationalPack = #"""
    {"format":"hukou-pack/1","id":"national","version":"n1","name":{"zh":"国家","en":"National"},
     "document":{"title":{"zh":"条例","en":"regulation"},"number":"居住证暂行条例"},"effective_from":"2016-01-01",
     "entitlements":[
      {"id":"national.compulsory","domain":"schooling","subjects":"children","name":{"zh":"义务教育","en":"compulsory education"},
       "citation":"居住证暂行条例 第十二条（一）","statuses":["residence_permit"],"verdict":"entitled"},
      {"id":"national.legal_aid","domain":"legal_aid","subjects":"everyone","name":{"zh":"法律援助","en":"legal aid"},
       "citation":"居住证暂行条例 第十二条（五）","statuses":["residence_permit"],"verdict":"entitled"}]}
    """#

    static let family = #"[{"relation":"child","birth_date":"2012-03-01","school":{"stage":"kindergarten"}},{"relation":"child","birth_date":"2010-03-01","school":{"stage":"primary"}}]"#

    @Test("A kindergarten child is not_applicable for compulsory education, not not_entitled; a pupil is judged")
    func preschoolerNotApplicable() throws {
        let engine = try Self.engine(Self.documents + "," + Self.schooling, national: Self.nationalPack)
        let request = try #require(Self.request("2018-06-01", #"{"status":"residence_permit","employment":{"in_city":false}}"#, family: Self.family))
        let answer = try engine.entitlements(request)
        let preschooler = try #require(answer["people"]?[1]?["items"]?.element(id: "city.compulsory"))
        #expect(preschooler["result"]?.stringValue == "not_applicable")
        #expect(preschooler["reason"]?.stringValue == "not applicable: applies only to compulsory-school stage")
        let pupil = try #require(answer["people"]?[2]?["items"]?.element(id: "city.compulsory"))
        #expect(pupil["result"]?.stringValue == "not_entitled") // the parent does not work in the city
    }

    @Test("One line per service: the city rule replaces the national one it specializes and cites it")
    func specializesReplacesNational() throws {
        let engine = try Self.engine(Self.documents + "," + Self.schooling, national: Self.nationalPack)
        let request = try #require(Self.request("2018-06-01", #"{"status":"residence_permit","employment":{"in_city":true}}"#, family: Self.family))
        let items = try #require(try engine.entitlements(request)["people"]?[2]?["items"])
        #expect(items.element(id: "national.compulsory") == nil)
        let city = try #require(items.element(id: "city.compulsory"))
        #expect(city["result"]?.stringValue == "entitled")
        #expect(city["specializes"]?[0]?["id"]?.stringValue == "national.compulsory")
        #expect(city["specializes"]?[0]?["citation"]?.stringValue == "居住证暂行条例 第十二条（一）")
        #expect(items.element(id: "national.legal_aid")?["result"]?.stringValue == "entitled")
    }

    // MARK: - validity

    @Test("After every encoded text ended, the answer says so first: expired, ended_on the last day, rules as they stood")
    func expiredSaysSoFirst() throws {
        let engine = try Self.engine(Self.documents + "," + Self.schooling, national: Self.nationalPack)
        let request = try #require(Self.request("2026-11-25", #"{"status":"residence_permit","employment":{"in_city":true}}"#, family: Self.family))
        let answer = try engine.entitlements(request)
        let validity = try #require(answer["validity"])
        #expect(validity["status"]?.stringValue == "expired")
        #expect(validity["ended_on"]?.stringValue == "2020-12-31")
        #expect(validity["documents"]?[0]?["id"]?.stringValue == "plan")
        #expect(validity["documents"]?[0]?["in_force"]?.boolValue == false)
        #expect(validity["text"]?.stringValue?.contains("ended on 2020-12-31") == true)
        // The city rule, as it stood, is still shown (flagged by the block); the national
        // regulation, still in force, too.
        let items = try #require(answer["people"]?[2]?["items"])
        #expect(items.element(id: "city.compulsory")?["result"]?.stringValue == "entitled")
        #expect(items.element(id: "national.legal_aid") != nil)
    }

    @Test("In force on the date: status in_force; a rule of a later text is left out before it starts")
    func inForceAndNotYet() throws {
        let engine = try Self.engine(Self.documents + "," + Self.directionPathway)
        let inForce = try engine.eligibility(try #require(Self.request("2018-06-01")))
        #expect(inForce["validity"]?["status"]?.stringValue == "in_force")
        let before = try engine.eligibility(try #require(Self.request("2015-06-01")))
        #expect(before["validity"]?["status"]?.stringValue == "not_yet_in_force")
        #expect(before["validity"]?["starts_on"]?.stringValue == "2017-03-02")
        #expect(before["pathways"]?.arrayValue.isEmpty == true)
    }

    @Test("effective_until is inclusive: in force on 2020-12-31, expired on 2021-01-01")
    func untilInclusive() throws {
        let engine = try Self.engine(Self.documents + "," + Self.directionPathway)
        #expect(try engine.eligibility(try #require(Self.request("2020-12-31")))["validity"]?["status"]?.stringValue == "in_force")
        #expect(try engine.eligibility(try #require(Self.request("2021-01-01")))["validity"]?["status"]?.stringValue == "expired")
    }

    // MARK: - points by the table in force, settlement by ranking

    static let points = #"""
    "parameters":[{"id":"guidance","source":"test","values":[{"from":"2014-01-01","value":40}]}],
    "pathways":[{"id":"points_settlement","name":{"zh":"积分落户","en":"points settlement"},"citation":"测试〔2015〕39号 第三十二条",
      "document":"measures","points_settlement":true,"condition":{"fact":"residence_permit.held","op":"is","value":true}}],
    "points":{"citation":"测试〔2013〕31号 附件","document":"table2014","threshold":{"param":"guidance"},
      "ranking":{"citation":"测试〔2015〕39号 第二十九条、第三十六条、第三十七条","text":{"zh":"按年度指标内的积分排名确定","en":"decided by ranking within the annual quota"}},
      "indicators":[{"id":"edu","kind":"categorical","label":{"zh":"学历","en":"education"},"citation":"指标2","fact":"education.level",
                     "points":{"bachelor":40,"junior_college":30}}],
      "requirements":[{"id":"permit","label":{"zh":"持有居住证","en":"holds a permit"},"citation":"测试〔2015〕39号 第三十二条（二）","document":"measures",
                       "condition":{"fact":"residence_permit.held","op":"is","value":true}}]}
    """#

    @Test("A 2015 request is scored with the 2014 table, compared with that table's guidance score; the 2016 conditions are not yet in force")
    func pointsUseTheTableInForce() throws {
        let engine = try Self.engine(Self.documents + "," + Self.points)
        let answer = try engine.points(try #require(Self.request("2015-06-01", #"{"education":{"level":"bachelor"},"residence_permit":{"held":true}}"#)))
        #expect(answer["score_status"]?.stringValue == "scored")
        #expect(answer["total"]?.intValue == 40)
        #expect(answer["threshold"]?.intValue == 40)
        #expect(answer["requirements"]?.arrayValue.isEmpty == true)
        #expect(answer["requirements_text"] != nil)
        // Some conditions in force then are not encoded: never "yes".
        #expect(answer["may_apply"]?.stringValue == "depends_on_local_rules")
        #expect(answer["ranking"]?["citation"]?.stringValue == "测试〔2015〕39号 第二十九条、第三十六条、第三十七条")
    }

    @Test("A 2018 request gets no score from the 2014 table and no threshold comparison")
    func noScoreFromAnotherTable() throws {
        let engine = try Self.engine(Self.documents + "," + Self.points)
        let answer = try engine.points(try #require(Self.request("2018-06-01", #"{"education":{"level":"bachelor"},"residence_permit":{"held":true}}"#)))
        #expect(answer["score_status"]?.stringValue == "table_not_encoded")
        #expect(answer["total"] == nil)
        #expect(answer["threshold"] == nil)
        #expect(answer["requirements"]?[0]?["result"]?.stringValue == "met")
        #expect(answer["may_apply"]?.stringValue == "depends_on_local_rules")
    }

    @Test("The points pathway is never eligible on its conditions alone: without a comparable score it depends on local rules, with the ranking line")
    func pointsPathwayNeedsTheScore() throws {
        let engine = try Self.engine(Self.documents + "," + Self.points)
        let answer = try engine.eligibility(try #require(Self.request("2018-06-01", #"{"education":{"level":"bachelor"},"residence_permit":{"held":true}}"#)))
        let pathway = try #require(answer["pathways"]?.element(id: "points_settlement"))
        #expect(pathway["result"]?.stringValue == "depends_on_local_rules")
        #expect(pathway["reason"]?.stringValue?.contains("meets every condition") == false)
        #expect(pathway["ranking"]?["text"]?.stringValue == "decided by ranking within the annual quota")
        #expect(answer["eligible_pathways"]?.arrayValue.isEmpty == true)
    }

    // MARK: - followers and matched groups

    @Test("Family are shown under the pathway the applicant meets, with the group that matched; not under one out of reach")
    func followersUnderMetPathway() throws {
        let sections = #"""
        "pathways":[
          {"id":"open","name":{"zh":"全面放开","en":"open groups"},"citation":"测试 二（一）",
           "condition":{"any":[{"label":{"zh":"高校毕业生","en":"college graduate"},"fact":"education.level","op":">=","value":"junior_college"},
                               {"label":{"zh":"技术工人","en":"skilled worker"},"fact":"skill.level","op":">=","value":"junior_worker"}]},
           "followers":[{"id":"spouse","label":{"zh":"配偶","en":"spouse"},"citation":"测试 二（一）","condition":{"fact":"relation","op":"==","value":"spouse"}}]},
          {"id":"town","name":{"zh":"城镇","en":"towns"},"citation":"测试 二（三）",
           "condition":{"fact":"residence.area_type","op":"in","value":["county_seat_town"]},
           "followers":[{"id":"spouse","label":{"zh":"配偶","en":"spouse"},"citation":"测试 二（三）","condition":{"fact":"relation","op":"==","value":"spouse"}}]}]
        """#
        let engine = try Self.engine(sections)
        let answer = try engine.eligibility(try #require(Self.request("2018-06-01",
            #"{"education":{"level":"bachelor"},"skill":{"level":"none"},"residence":{"area_type":"urban_district"}}"#, family: #"[{"relation":"spouse"}]"#)))
        let open = try #require(answer["pathways"]?.element(id: "open"))
        #expect(open["result"]?.stringValue == "eligible")
        #expect(open["matched"]?[0]?["label"]?.stringValue == "college graduate")
        #expect(open["matched"]?.arrayValue.count == 1)
        #expect(open["followers"]?[0]?["result"]?.stringValue == "may_follow")
        let town = try #require(answer["pathways"]?.element(id: "town"))
        #expect(town["result"]?.stringValue == "not_eligible")
        #expect(town["followers"] == nil)
    }
}
