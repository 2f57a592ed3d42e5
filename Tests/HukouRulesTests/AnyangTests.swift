import Testing
@testable import HukouRules

/// Anyang: 安政办〔2018〕19号, clause by clause.
@Suite("Anyang 安政办〔2018〕19号")
struct AnyangTests {
    func request(_ applicant: String, family: String = "[]", locale: String = "zh-CN") -> String {
        #"{"jurisdiction":"anyang","as_of":"2026-11-25","locale":"\#(locale)","applicant":\#(applicant),"family":\#(family)}"#
    }

    @Test("二（一）: a vocational-school graduate may settle; settlement is fully open")
    func vocationalGraduateFullyOpen() throws {
        let answer = try Fixture.eligibility(request(#"{"education":{"level":"secondary_vocational"}}"#))
        let pathway = try #require(answer["pathways"]?.element(id: "key_groups_open"))
        #expect(pathway["result"]?.stringValue == "eligible")
        #expect(pathway["citation"]?.stringValue == "安政办〔2018〕19号 二（一）")
        #expect(answer["eligible_pathways"]?.arrayValue.contains(.string("key_groups_open")) == true)
    }

    @Test("二（一）: with nothing known the answer is unknown and names what to ask")
    func unknownNamesFacts() throws {
        let answer = try Fixture.eligibility(request("{}"))
        let pathway = try #require(answer["pathways"]?.element(id: "key_groups_open"))
        #expect(pathway["result"]?.stringValue == "unknown")
        let missing = pathway["missing_facts"]?.arrayValue ?? []
        #expect(missing.contains(.string("education.level")))
        #expect(missing.contains(.string("skill.level")))
        // The reason asks in words a citizen understands, not field names.
        #expect(pathway["reason"]?.stringValue?.hasPrefix("信息不足，无法判断；请提供：学历、职业技能等级") == true)
    }

    @Test("二（二）: 8 months of social insurance against the 1-year cap: 4 more months, met 2027-03-25")
    func socialInsuranceShortfall() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"employment":{"type":"employee","labor_contract":true},"housing":{"type":"rental"},
         "social_insurance":{"months":8,"paying":true}}
        """#))
        let pathway = try #require(answer["pathways"]?.element(id: "urban_ordinary_workers"))
        #expect(pathway["result"]?.stringValue == "not_eligible")
        let shortfall = try #require(pathway["shortfalls"]?[0])
        #expect(shortfall["amount"]?.intValue == 4)
        #expect(shortfall["unit"]?.stringValue == "months")
        #expect(shortfall["met_on"]?.stringValue == "2027-03-25")
        #expect(shortfall["text"]?.stringValue?.contains("还差 4 个月") == true)
        // The 12 months are the document's cap, not a stated requirement: provisional.
        #expect(pathway["provisional"]?.boolValue == true)
        #expect(pathway["provisional_parameters"]?[0]?["id"]?.stringValue == "urban_social_insurance_months")
    }

    @Test("二（二）: 12 months, a labor contract and a rented home qualify")
    func ordinaryWorkerQualifies() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"employment":{"type":"employee","labor_contract":true},"housing":{"type":"rental"},"social_insurance":{"months":12}}
        """#))
        #expect(answer["pathways"]?.element(id: "urban_ordinary_workers")?["result"]?.stringValue == "eligible")
    }

    @Test("二（二）: English reasons when the request asks for en")
    func englishShortfall() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"employment":{"type":"employee","labor_contract":true},"housing":{"type":"rental"},"social_insurance":{"months":8,"paying":true}}
        """#, locale: "en"))
        let text = answer["pathways"]?.element(id: "urban_ordinary_workers")?["shortfalls"]?[0]?["text"]?.stringValue
        #expect(text == "months of urban social insurance paid: 4 more months needed; met on 2027-03-25 if this simply continues")
    }

    @Test("二（三）: towns open to legal stable residence; spouse, children, parents living together follow")
    func townsAndFollowers() throws {
        let answer = try Fixture.eligibility(request(
            #"{"residence":{"area_type":"established_town"},"housing":{"type":"rental"}}"#,
            family: #"""
            [{"relation":"spouse","lives_with_applicant":true},
             {"relation":"child","birth_date":"2015-05-01","lives_with_applicant":true},
             {"relation":"parent","lives_with_applicant":false},
             {"relation":"parent"}]
            """#))
        let pathway = try #require(answer["pathways"]?.element(id: "towns_open"))
        #expect(pathway["result"]?.stringValue == "eligible")
        let followers = pathway["followers"]?.arrayValue ?? []
        #expect(followers.map { $0["result"]?.stringValue } == ["may_follow", "may_follow", "may_not_follow", "unknown"])
        #expect(followers[3]["missing_facts"]?.arrayValue == [.string("lives_with_applicant")])
        #expect(followers[0]["citation"]?.stringValue == "安政办〔2018〕19号 二（三）")
    }

    @Test("二（三）: an urban district is not a town")
    func urbanDistrictIsNotATown() throws {
        let answer = try Fixture.eligibility(request(#"{"residence":{"area_type":"urban_district"},"housing":{"type":"owned"}}"#))
        #expect(answer["pathways"]?.element(id: "towns_open")?["result"]?.stringValue == "not_eligible")
    }

    @Test("二（一）: priority group of rural migrants employed and living here 5 years or more")
    func priorityGroup() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"hukou":{"former_type":"rural"},"residence":{"since":"2021-11-25"},"employment":{"type":"employee","since":"2021-11-01"}}
        """#))
        #expect(answer["priority_groups"]?.element(id: "five_years_employed_and_resident")?["result"]?.stringValue == "member")
    }

    @Test("二（二）: Anyang may not use points settlement; the answer cites the clause, no score")
    func pointsProhibited() throws {
        let answer = try Fixture.points(request(#"{"social_insurance":{"months":30}}"#))
        #expect(answer["points_allowed"]?.boolValue == false)
        #expect(answer["citation"]?.stringValue == "安政办〔2018〕19号 二（二）")
        #expect(answer["total"] == nil)
    }

    @Test("三（六）: rent withdrawal needs 3 consecutive full months and a no-home certificate")
    func housingFundRentWithdrawal() throws {
        let short = try Fixture.entitlements(request(#"""
        {"status":"residence_permit","employment":{"type":"employee"},"housing":{"no_home_certificate":true},
         "housing_fund":{"depositing":true,"consecutive_full_months":2}}
        """#))
        let item = try #require(short["people"]?[0]?["items"]?.element(id: "anyang.housing_fund.withdraw_rent"))
        #expect(item["result"]?.stringValue == "not_entitled")
        #expect(item["shortfalls"]?[0]?["amount"]?.intValue == 1)
        #expect(item["shortfalls"]?[0]?["met_on"]?.stringValue == "2026-12-25")
        #expect(item["citation"]?.stringValue == "安政办〔2018〕19号 三（六）")

        let enough = try Fixture.entitlements(request(#"""
        {"status":"residence_permit","housing":{"no_home_certificate":true},"housing_fund":{"depositing":true,"consecutive_full_months":3}}
        """#))
        #expect(enough["people"]?[0]?["items"]?.element(id: "anyang.housing_fund.withdraw_rent")?["result"]?.stringValue == "entitled")
    }

    @Test("三（九）: 中考 in Anyang needs a parent employed in Anyang and an Anyang junior-high 学籍")
    func zhongkao() throws {
        let child = #"[{"relation":"child","birth_date":"2011-09-01","school":{"stage":"junior_high","local_junior_high_registration":true}}]"#
        let employed = try Fixture.entitlements(request(#"{"status":"residence_permit","employment":{"type":"employee","in_city":true}}"#, family: child))
        let item = try #require(employed["people"]?[1]?["items"]?.element(id: "anyang.schooling.zhongkao"))
        #expect(item["result"]?.stringValue == "entitled")
        let elsewhere = try Fixture.entitlements(request(#"{"status":"residence_permit","employment":{"type":"employee","in_city":false}}"#, family: child))
        #expect(elsewhere["people"]?[1]?["items"]?.element(id: "anyang.schooling.zhongkao")?["result"]?.stringValue == "not_entitled")
    }

    @Test("三（九）: compulsory education by the child's age on the as-of date")
    func compulsoryEducationByAge() throws {
        // Born 2018-03-01 → 8 on 2026-11-25 (primary); born 2010-01-01 → 16 (senior high age).
        let answer = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#, family: #"""
        [{"relation":"child","birth_date":"2018-03-01"},{"relation":"child","birth_date":"2010-01-01"}]
        """#))
        let young = try #require(answer["people"]?[1])
        #expect(young["age"]?.intValue == 8)
        #expect(young["items"]?.element(id: "anyang.schooling.compulsory")?["result"]?.stringValue == "entitled")
        let older = try #require(answer["people"]?[2])
        #expect(older["items"]?.element(id: "anyang.schooling.compulsory")?["result"]?.stringValue == "not_entitled")
    }

    @Test("居住证暂行条例 第二条: without a permit, 5 months of residence is 1 month short of half a year")
    func noPermitShowsPermitConditions() throws {
        let answer = try Fixture.entitlements(request(#"""
        {"hukou":{"local":false},"residence_permit":{"held":false},"residence":{"since":"2026-06-25"},"housing":{"type":"rental"}}
        """#))
        #expect(answer["status_assumed"]?.stringValue == "none")
        let permit = try #require(answer["residence_permit"])
        #expect(permit["result"]?.stringValue == "may_not_apply_yet")
        #expect(permit["citation"]?.stringValue == "居住证暂行条例 第二条")
        #expect(permit["shortfalls"]?[0]?["amount"]?.intValue == 1)
        #expect(permit["shortfalls"]?[0]?["met_on"]?.stringValue == "2026-12-25")
        // What a permit would bring is listed and marked as needing the permit.
        let item = try #require(answer["people"]?[0]?["items"]?.element(id: "anyang.housing_fund.transfer"))
        #expect(item["requires_residence_permit"]?.boolValue == true)
    }

    @Test("居住证暂行条例 第十二条、第十三条: national services are inherited by the city")
    func nationalServicesInherited() throws {
        let answer = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#))
        let items = answer["people"]?[0]?["items"]?.arrayValue ?? []
        #expect(items.contains { $0["id"]?.stringValue == "national.permit.legal_aid" && $0["citation"]?.stringValue == "居住证暂行条例 第十二条（五）" })
        #expect(items.contains { $0["id"]?.stringValue == "national.permit.conveniences" })
    }

    @Test("三（九）: a 6-year-old still in kindergarten gets preschool, not yet compulsory education")
    func enrolledStageWinsOverAge() throws {
        // Born 2020-09-15: 6 on 2026-11-25, past the 31 August cut-off, so still in kindergarten.
        let answer = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#, family: #"""
        [{"relation":"child","birth_date":"2020-09-15","school":{"stage":"kindergarten"}}]
        """#))
        let child = try #require(answer["people"]?[1])
        #expect(child["age"]?.intValue == 6)
        #expect(child["age_stage"]?.stringValue == "preschool")
        #expect(child["items"]?.element(id: "anyang.schooling.preschool")?["result"]?.stringValue == "entitled")
        #expect(child["items"]?.element(id: "anyang.schooling.compulsory")?["result"]?.stringValue == "not_entitled")
    }
}
