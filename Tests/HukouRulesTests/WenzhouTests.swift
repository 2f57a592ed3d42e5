import Testing
@testable import HukouRules

/// Wenzhou: 温政发〔2016〕26号, urban districts (pack "wenzhou") and the seven fully open
/// counties (packs "wenzhou/<county>"), clause by clause. The implementing rules (实施细则)
/// are not in the sources: the categories whose standards they set answer
/// depends_on_local_rules, with no number and no date (issue 11, review finding 6).
@Suite("Wenzhou 温政发〔2016〕26号")
struct WenzhouTests {
    static let doc = "温政发〔2016〕26号"

    func request(_ applicant: String, family: String = "[]", jurisdiction: String = "wenzhou", locale: String = "zh-CN") -> String {
        #"{"jurisdiction":"\#(jurisdiction)","as_of":"2026-11-25","locale":"\#(locale)","applicant":\#(applicant),"family":\#(family)}"#
    }

    /// Lives in 鹿城区 in a rented home since 2020-01-01 (82 months on 2026-11-25), 60 months insured.
    static let settledResident = #"""
    {"residence":{"since":"2020-01-01","district":"鹿城区"},"housing":{"type":"rental"},"social_insurance":{"months":60,"paying":true}}
    """#

    // MARK: 四（二）2 urban districts

    @Test("四（二）2: the urban districts are a Ⅰ型大城市 by the document itself (not provisional)")
    func sizeClass() throws {
        let answer = try Fixture.eligibility(request(Self.settledResident))
        let size = try #require(answer["jurisdiction"]?["city_size_class"])
        #expect(size["class"]?.stringValue == "large_1")
        #expect(size["provisional"]?.boolValue == false)
        #expect(size["source"]?.stringValue == "\(Self.doc) 四（二）2")
    }

    @Test("四（二）2 进一步放宽…具体落户标准: the residence category depends on the implementing rules — no verdict, no years (review finding 6)")
    func residenceCategoryDependsOnLocalRules() throws {
        let answer = try Fixture.eligibility(request(Self.settledResident))
        let pathway = try #require(answer["pathways"]?.element(id: "residence_category"))
        #expect(pathway["result"]?.stringValue == "depends_on_local_rules")
        #expect(pathway["citation"]?.stringValue == "\(Self.doc) 四（二）2")
        #expect(pathway["decided_by"]?["citation"]?.stringValue == "\(Self.doc) 四（二）2")
        #expect(pathway["provisional_parameters"] == nil)
        #expect(pathway["shortfalls"] == nil)
    }

    @Test("四（二）2: 41 months lived and 28 months insured: no invented 60/60, so no months short and no 2029-07-25")
    func residenceCategoryNoInventedDates() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"residence":{"since":"2023-06-01","district":"鹿城区"},"housing":{"type":"rental"},"social_insurance":{"months":28,"paying":true}}
        """#))
        let pathway = try #require(answer["pathways"]?.element(id: "residence_category"))
        #expect(pathway["result"]?.stringValue == "depends_on_local_rules")
        #expect(pathway["shortfalls"] == nil)
        #expect(pathway["conditions"] == nil)
    }

    @Test("四（二）2: 洞头区 is an urban district (former name 洞头县 accepted); a resident of 乐清市 is not concerned by the urban rule")
    func dongtouIncluded() throws {
        let dongtou = try Fixture.eligibility(request(#"""
        {"residence":{"since":"2020-01-01","district":"洞头县"},"housing":{"type":"owned"},"social_insurance":{"months":60}}
        """#))
        #expect(dongtou["pathways"]?.element(id: "residence_category")?["result"]?.stringValue == "depends_on_local_rules")

        let leqing = try Fixture.eligibility(request(#"""
        {"residence":{"since":"2020-01-01","district":"乐清市"},"housing":{"type":"owned"},"social_insurance":{"months":60}}
        """#))
        #expect(leqing["pathways"]?.element(id: "residence_category")?["result"]?.stringValue == "not_applicable")
    }

    @Test("四（二）2: district not given: unknown, ask residence.district")
    func districtUnknown() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"residence":{"since":"2020-01-01"},"housing":{"type":"rental"},"social_insurance":{"months":60}}
        """#))
        let pathway = try #require(answer["pathways"]?.element(id: "residence_category"))
        #expect(pathway["result"]?.stringValue == "unknown")
        #expect(pathway["missing_facts"]?.arrayValue == [.string("residence.district")])
    }

    @Test("四（二）2 with 四（二）1 \"下同\": spouse and minor child living together follow; a married adult child and a parent living apart do not")
    func urbanFollowers() throws {
        let answer = try Fixture.eligibility(request(Self.settledResident, family: #"""
        [{"relation":"spouse","lives_with_applicant":true},
         {"relation":"child","birth_date":"2014-09-09","lives_with_applicant":true},
         {"relation":"child","birth_date":"1996-01-01","married":true,"has_income":true,"lives_with_applicant":true},
         {"relation":"parent","birth_date":"1960-01-23","lives_with_applicant":false},
         {"relation":"parent","birth_date":"1962-05-05","lives_with_applicant":true},
         {"relation":"child","birth_date":"2000-01-01","married":false,"has_income":false,"lives_with_applicant":true},
         {"relation":"child","lives_with_applicant":true}]
        """#))
        let pathway = try #require(answer["pathways"]?.element(id: "residence_category"))
        let followers = pathway["followers"]?.arrayValue ?? []
        #expect(followers.map { $0["result"]?.stringValue } ==
                ["may_follow", "may_follow", "may_not_follow", "may_not_follow", "may_follow", "may_follow", "unknown"])
        #expect(followers[1]["citation"]?.stringValue == "\(Self.doc) 四（二）2")
        // The last child: age unknown, and whether unmarried without income is unknown too.
        let missing = followers[6]["missing_facts"]?.arrayValue ?? []
        #expect(missing.contains(.string("birth_date")))
    }

    @Test("四（二）2: employment category: the kinds of employment and the years are the implementing rules' — depends on local rules")
    func employmentCategoryDependsOnLocalRules() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"employment":{"type":"employee","labor_contract":true},"residence":{"since":"2020-01-01"},"social_insurance":{"months":60}}
        """#))
        let pathway = try #require(answer["pathways"]?.element(id: "employment_category"))
        #expect(pathway["result"]?.stringValue == "depends_on_local_rules")
        #expect(pathway["missing_facts"] == nil)
    }

    @Test("四（二）2: relative reunion asks who the relative is; with one it depends on the implementing rules, without one it does not apply")
    func relativeReunion() throws {
        let joined = try Fixture.eligibility(request(#"{"residence":{"since":"2020-01-01"},"local_hukou_relative":true,"local_hukou_relative_relation":"parent"}"#))
        let pathway = try #require(joined["pathways"]?.element(id: "relative_reunion_category"))
        #expect(pathway["result"]?.stringValue == "depends_on_local_rules")
        #expect(pathway["provisional"] == nil)

        let who = try Fixture.eligibility(request(#"{"residence":{"since":"2020-01-01"},"local_hukou_relative":true}"#))
        let whoPathway = try #require(who["pathways"]?.element(id: "relative_reunion_category"))
        #expect(whoPathway["result"]?.stringValue == "unknown")
        #expect(whoPathway["missing_facts"]?.arrayValue == [.string("local_hukou_relative_relation")])

        let none = try Fixture.eligibility(request(#"{"local_hukou_relative":false}"#))
        #expect(none["pathways"]?.element(id: "relative_reunion_category")?["result"]?.stringValue == "not_applicable")
    }

    @Test("四（二）2: introduced talent \"可以不受上述条件限制\": eligible without the other conditions, but provisional")
    func talentExemption() throws {
        let answer = try Fixture.eligibility(request(#"{"recognized":{"introduced_talent":true}}"#))
        let pathway = try #require(answer["pathways"]?.element(id: "talent_investor_contributor"))
        #expect(pathway["result"]?.stringValue == "eligible")
        #expect(pathway["provisional"]?.boolValue == true)
        #expect(pathway["note"]?.stringValue?.contains("实施细则") == true)

        let none = try Fixture.eligibility(request(#"""
        {"recognized":{"introduced_talent":false,"investor":false,"outstanding_contribution":false}}
        """#))
        #expect(none["pathways"]?.element(id: "talent_investor_contributor")?["result"]?.stringValue == "not_eligible")
    }

    // MARK: 四（三） residence permit and public-service points

    @Test("四（三）: public-service points: the four indicators, every value provisional, for services not settlement")
    func publicServicePointsProvisional() throws {
        let answer = try Fixture.points(request(#"""
        {"education":{"level":"junior_college"},"skill":{"level":"junior_worker"},
         "social_insurance":{"months":28,"paying":true},"residence":{"since":"2023-06-01"}}
        """#))
        #expect(answer["points_allowed"]?.boolValue == true)
        #expect(answer["citation"]?.stringValue == "\(Self.doc) 四（三）")
        #expect(answer["provisional"]?.boolValue == true)
        #expect(answer["note"]?.stringValue?.contains("不是积分落户") == true)
        // The document gives no threshold: none is invented.
        #expect(answer["threshold"] == nil)
        let breakdown = answer["breakdown"]?.arrayValue ?? []
        #expect(breakdown.map { $0["id"]?.stringValue } == ["education", "skills", "social_insurance", "residence_years"])
        #expect(breakdown.allSatisfy { $0["provisional"]?.boolValue == true })
        // Years of residence counted from 2023-06-01: 41 whole months on 2026-11-25.
        #expect(breakdown.last?["value"]?.intValue == 41)
        let parameters = (answer["provisional_parameters"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        #expect(parameters.contains("points_residence_per_year"))
    }

    @Test("四（三）: residence permit: a rented home and 41 months lived qualify; a student of 2 months is 4 months short")
    func residencePermitConditions() throws {
        let renter = try Fixture.entitlements(request(#"""
        {"status":"none","housing":{"type":"rental"},"residence":{"since":"2023-06-01"}}
        """#))
        #expect(renter["residence_permit"]?["result"]?.stringValue == "may_apply")
        #expect(renter["residence_permit"]?["citation"]?.stringValue == "\(Self.doc) 四（三）")

        // Since 2026-09-01: 2 whole months; half a year is reached 2027-03-01. Continuous study meets 四（三）.
        let student = try Fixture.entitlements(request(#"""
        {"status":"none","employment":{"type":"student"},"school":{"in_city":true},"residence":{"since":"2026-09-01"}}
        """#))
        let block = try #require(student["residence_permit"])
        #expect(block["result"]?.stringValue == "may_not_apply_yet")
        #expect(block["shortfalls"]?[0]?["amount"]?.intValue == 4)
        #expect(block["shortfalls"]?[0]?["met_on"]?.stringValue == "2027-03-01")
    }

    // MARK: validity (review finding 10)

    @Test("10(b): 居住证暂行条例 rights from 2016-01-01, not from 72号: a 2016-07 Wenzhou permit holder gets them (probe w1)")
    func regulationRightsBefore72() throws {
        let answer = try Fixture.entitlements(#"{"jurisdiction":"wenzhou","as_of":"2016-07-01","locale":"zh-CN","applicant":{"status":"residence_permit","residence":{"district":"鹿城区"},"housing":{"type":"rental"}}}"#)
        let items = answer["people"]?[0]?["items"]
        #expect(items?.element(id: "national.permit.culture_sports")?["result"]?.stringValue == "entitled")
        #expect(items?.element(id: "national.permit.legal_aid")?["result"]?.stringValue == "entitled")
        #expect(items?.element(id: "national.permit.conveniences")?["result"]?.stringValue == "entitled")
        #expect(answer["validity"]?["status"]?.stringValue == "in_force")
    }

    @Test("10(a): a 2026 request is told first that 温政发〔2016〕26号 ran to 2020 (到2020年) and what is in force now is not encoded")
    func expiredSaidFirst() throws {
        let answer = try Fixture.eligibility(request(Self.settledResident))
        #expect(answer["validity"]?["status"]?.stringValue == "expired")
        #expect(answer["validity"]?["ended_on"]?.stringValue == "2020-12-31")
    }

    @Test("四（四）, 四（五）1: the eligibility screen says registration does not depend on family planning, and the 三权 are not a condition")
    func notices() throws {
        let answer = try Fixture.eligibility(request(Self.settledResident))
        #expect(answer["notices"]?.element(id: "land_rights")?["citation"]?.stringValue == "\(Self.doc) 四（五）1; 国办发〔2016〕72号 任务20")
        #expect(answer["notices"]?.element(id: "no_hukou_registration")?["citation"]?.stringValue == "\(Self.doc) 四（四）")
    }

    // MARK: 四（五）2 public services

    @Test("四（五）2(1): local 中考/高考 is never a plain yes: provisional for every child of a permit holder")
    func localExamsNeverEntitled() throws {
        let answer = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#, family: #"""
        [{"relation":"child","birth_date":"2011-03-01","school":{"stage":"junior_high","in_city":true}},
         {"relation":"child","birth_date":"2009-02-01","school":{"stage":"senior_high","in_city":true}},
         {"relation":"child","birth_date":"2018-06-01"}]
        """#))
        for index in 1...2 {
            let item = try #require(answer["people"]?[index]?["items"]?.element(id: "wenzhou.schooling.local_exams"))
            #expect(item["result"]?.stringValue == "provisional")
            #expect(item["result"]?.stringValue != "entitled")
            #expect(item["provisional"]?.boolValue == true)
            #expect(item["citation"]?.stringValue == "\(Self.doc) 四（五）2(1)")
        }
        // The 8-year-old does not face 中考/高考 yet: not applicable, not a refusal (review finding 7).
        #expect(answer["people"]?[3]?["items"]?.element(id: "wenzhou.schooling.local_exams")?["result"]?.stringValue == "not_applicable")
        // The 15-year-old: secondary vocational education concerns them (provisional); the 8-year-old: not applicable.
        #expect(answer["people"]?[2]?["items"]?.element(id: "wenzhou.schooling.secondary_vocational")?["result"]?.stringValue == "provisional")
        #expect(answer["people"]?[3]?["items"]?.element(id: "wenzhou.schooling.secondary_vocational")?["result"]?.stringValue == "not_applicable")
        // The 8-year-old's compulsory education is a plain entitlement, on one line with the national rule.
        #expect(answer["people"]?[3]?["items"]?.element(id: "national.permit.compulsory_education") == nil)
        #expect(answer["people"]?[3]?["items"]?.element(id: "wenzhou.schooling.compulsory")?["result"]?.stringValue == "entitled")
    }

    @Test("四（五）2(1): inclusive preschool for a 4-year-old is phased in (provisional)")
    func preschoolProvisional() throws {
        let answer = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#, family: #"""
        [{"relation":"child","birth_date":"2022-05-01"}]
        """#))
        let item = try #require(answer["people"]?[1]?["items"]?.element(id: "wenzhou.schooling.preschool"))
        #expect(item["result"]?.stringValue == "provisional")
        #expect(answer["people"]?[1]?["items"]?.element(id: "wenzhou.schooling.compulsory")?["result"]?.stringValue == "not_applicable")
    }

    @Test("四（五）2(6): housing security: settled migrants as urban residents; permit holders step by step (provisional)")
    func housingByStatus() throws {
        let settled = try Fixture.entitlements(request(#"{"status":"settled_migrant"}"#))
        #expect(settled["people"]?[0]?["items"]?.element(id: "wenzhou.housing.settled")?["result"]?.stringValue == "entitled")
        #expect(settled["people"]?[0]?["items"]?.element(id: "wenzhou.housing.not_settled") == nil)

        let holder = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#))
        let item = try #require(holder["people"]?[0]?["items"]?.element(id: "wenzhou.housing.not_settled"))
        #expect(item["result"]?.stringValue == "provisional")
        #expect(item["citation"]?.stringValue == "\(Self.doc) 四（五）2(6)")
        #expect(holder["people"]?[0]?["items"]?.element(id: "wenzhou.housing.settled") == nil)
    }

    @Test("四（五）2(2)–(4): employment services, health services, unified medical and pension insurance")
    func otherServices() throws {
        let answer = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#))
        let items = answer["people"]?[0]?["items"]
        #expect(items?.element(id: "wenzhou.employment.services")?["result"]?.stringValue == "entitled")
        #expect(items?.element(id: "wenzhou.public_health")?["result"]?.stringValue == "entitled")
        #expect(items?.element(id: "wenzhou.medical.join")?["result"]?.stringValue == "may_join")
        #expect(items?.element(id: "wenzhou.pension.join")?["citation"]?.stringValue == "\(Self.doc) 四（五）2(4)")
    }

    // MARK: 四（二）1 the seven fully open counties

    static let counties = [
        ("wenzhou/leqing", "温州市乐清市"), ("wenzhou/ruian", "温州市瑞安市"), ("wenzhou/yongjia", "温州市永嘉县"),
        ("wenzhou/pingyang", "温州市平阳县"), ("wenzhou/cangnan", "温州市苍南县"), ("wenzhou/wencheng", "温州市文成县"),
        ("wenzhou/taishun", "温州市泰顺县"),
    ]

    @Test("四（二）1: all seven counties are fully open to legal stable residence (rental included) in their towns")
    func sevenCountiesOpen() throws {
        for (id, name) in Self.counties {
            let answer = try Fixture.eligibility(request(#"""
            {"residence":{"area_type":"county_seat_town"},"housing":{"type":"rental"}}
            """#, jurisdiction: id))
            #expect(answer["jurisdiction"]?["name"]?.stringValue == name)
            let pathway = try #require(answer["pathways"]?.element(id: "residence_open"), "\(id)")
            #expect(pathway["result"]?.stringValue == "eligible", "\(id)")
            #expect(pathway["citation"]?.stringValue == "\(Self.doc) 四（二）1", "\(id)")
            // No years and no insurance: only the scope of "legal stable residence" is left open.
            #expect(pathway["provisional_parameters"]?[0]?["id"]?.stringValue == "settlement_residence_types", "\(id)")
        }
    }

    @Test("四（二）1: living in a village is not a town; housing not given: ask housing.type")
    func countyResidenceNotMetOrUnknown() throws {
        let village = try Fixture.eligibility(request(#"{"residence":{"area_type":"rural"},"housing":{"type":"owned"}}"#, jurisdiction: "wenzhou/yongjia"))
        #expect(village["pathways"]?.element(id: "residence_open")?["result"]?.stringValue == "not_eligible")

        let unknown = try Fixture.eligibility(request(#"{"residence":{"area_type":"county_city_area"}}"#, jurisdiction: "wenzhou/ruian"))
        let pathway = try #require(unknown["pathways"]?.element(id: "residence_open"))
        #expect(pathway["result"]?.stringValue == "unknown")
        #expect(pathway["missing_facts"]?.arrayValue == [.string("housing.type")])
    }

    @Test("四（二）1: spouse, minor child and parent living together follow in the counties; a parent living apart does not")
    func countyFollowers() throws {
        let answer = try Fixture.eligibility(request(#"{"residence":{"area_type":"county_city_area"},"housing":{"type":"owned"}}"#,
            family: #"""
            [{"relation":"spouse","lives_with_applicant":true},
             {"relation":"child","birth_date":"2012-08-20","lives_with_applicant":true},
             {"relation":"parent","lives_with_applicant":true},
             {"relation":"parent","lives_with_applicant":false}]
            """#, jurisdiction: "wenzhou/leqing"))
        let followers = answer["pathways"]?.element(id: "residence_open")?["followers"]?.arrayValue ?? []
        #expect(followers.map { $0["result"]?.stringValue } == ["may_follow", "may_follow", "may_follow", "may_not_follow"])
        #expect(followers.first?["citation"]?.stringValue == "\(Self.doc) 四（二）1")
    }

    @Test("四（二）1 按照国家规定参加城镇社会保险: the years are the implementing rules' — no 36-month placeholder, no date (review finding 6)")
    func countyEmployedWithoutResidence() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"housing":{"type":"none"},"employment":{"type":"employee","labor_contract":true,"in_city":true},
         "social_insurance":{"months":14,"paying":true}}
        """#, jurisdiction: "wenzhou/leqing"))
        let pathway = try #require(answer["pathways"]?.element(id: "employment_with_insurance"))
        #expect(pathway["result"]?.stringValue == "depends_on_local_rules")
        #expect(pathway["shortfalls"] == nil)
        #expect(pathway["decided_by"]?["citation"]?.stringValue == "\(Self.doc) 四（二）1")
        #expect(answer["pathways"]?.element(id: "residence_open")?["result"]?.stringValue == "not_eligible")
    }

    @Test("四（二）1: an investor without a home may register, provisionally (standards left to 实施细则)")
    func countyInvestor() throws {
        let answer = try Fixture.eligibility(request(#"{"housing":{"type":"none"},"recognized":{"investor":true}}"#, jurisdiction: "wenzhou/taishun"))
        let pathway = try #require(answer["pathways"]?.element(id: "talent_investor_contributor"))
        #expect(pathway["result"]?.stringValue == "eligible")
        #expect(pathway["provisional"]?.boolValue == true)
    }

    @Test("四（三）/四（五）: the counties share the city's public-service points and 中考/高考 answer")
    func countySharedServices() throws {
        let points = try Fixture.points(request(#"{"education":{"level":"bachelor"}}"#, jurisdiction: "wenzhou/cangnan"))
        #expect(points["citation"]?.stringValue == "\(Self.doc) 四（三）")
        #expect(points["provisional"]?.boolValue == true)

        let services = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#,
            family: #"[{"relation":"child","birth_date":"2011-03-01"}]"#, jurisdiction: "wenzhou/wencheng"))
        #expect(services["people"]?[1]?["items"]?.element(id: "wenzhou.schooling.local_exams")?["result"]?.stringValue == "provisional")
    }
}
