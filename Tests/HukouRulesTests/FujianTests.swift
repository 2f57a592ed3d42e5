import Testing
@testable import HukouRules

/// Fujian: 福建省推动非户籍人口在城市落户实施方案 (2017-01-04), clause by clause.
/// Requests name a Fujian city; 泉州市 stands for any city without its own rules.
@Suite("Fujian 福建省落户实施方案（2017-01-04）")
struct FujianTests {
    static let doc = "福建省落户实施方案（2017-01-04）"

    func request(_ applicant: String, family: String = "[]", city: String? = "泉州市", locale: String = "zh-CN") -> String {
        let cityMember = city.map { #""city":"\#($0)","# } ?? ""
        return #"{"jurisdiction":"fujian",\#(cityMember)"as_of":"2026-11-25","locale":"\#(locale)","applicant":\#(applicant),"family":\#(family)}"#
    }

    // MARK: （四） talent groups, settlement at the place of employment

    @Test("（四）: a bachelor with a labor contract, employed in the city, settles; address order own home → employer collective → township")
    func collegeGraduateWithContract() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"education":{"level":"bachelor"},"employment":{"type":"employee","labor_contract":true,"in_city":true}}
        """#))
        let pathway = try #require(answer["pathways"]?.element(id: "college_graduates"))
        #expect(pathway["result"]?.stringValue == "eligible")
        #expect(pathway["citation"]?.stringValue == "\(Self.doc) （四）")
        #expect(pathway["provisional"]?.boolValue == false)
        let order = pathway["address_order"]?.arrayValue ?? []
        #expect(order.map { $0["rank"]?.intValue } == [1, 2, 3])
        #expect(order.map { $0["label"]?.stringValue } == ["本人合法稳定住所（含租赁）", "就业单位集体户", "就业所在地乡（镇、街道）公共地址"])
        #expect(answer["eligible_pathways"]?.arrayValue.contains(.string("college_graduates")) == true)
    }

    @Test("（四）: a business licence serves instead of a labor contract")
    func collegeGraduateWithLicence() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"education":{"level":"junior_college"},"employment":{"type":"individual_business_no_employees","labor_contract":false,"business_licence":true,"in_city":true}}
        """#))
        #expect(answer["pathways"]?.element(id: "college_graduates")?["result"]?.stringValue == "eligible")
    }

    @Test("（四）: a graduate with neither contract nor licence does not qualify as a college graduate")
    func collegeGraduateWithoutContract() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"education":{"level":"master"},"employment":{"type":"freelancer","labor_contract":false,"business_licence":false,"in_city":true}}
        """#))
        let pathway = try #require(answer["pathways"]?.element(id: "college_graduates"))
        #expect(pathway["result"]?.stringValue == "not_eligible")
        #expect(pathway["reason"]?.stringValue?.contains("与用人单位依法签订劳动（聘用）合同或依法持有工商营业执照") == true)
    }

    @Test("（四）: not saying where the graduate works leaves the answer unknown: ask employment.in_city")
    func collegeGraduatePlaceOfWorkUnknown() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"education":{"level":"bachelor"},"employment":{"type":"employee","labor_contract":true}}
        """#))
        let pathway = try #require(answer["pathways"]?.element(id: "college_graduates"))
        #expect(pathway["result"]?.stringValue == "unknown")
        #expect(pathway["missing_facts"]?.arrayValue == [.string("employment.in_city")])
    }

    @Test("（四）: a 初级工 certificate certified at the place of employment qualifies; an uncertified one does not")
    func skilledWorkerCertification() throws {
        let certified = try Fixture.eligibility(request(#"""
        {"skill":{"level":"junior_worker","certified_at_workplace":true},"employment":{"in_city":true}}
        """#))
        #expect(certified["pathways"]?.element(id: "skilled_workers")?["result"]?.stringValue == "eligible")

        let uncertified = try Fixture.eligibility(request(#"""
        {"skill":{"level":"senior_worker","certified_at_workplace":false},"employment":{"in_city":true}}
        """#))
        #expect(uncertified["pathways"]?.element(id: "skilled_workers")?["result"]?.stringValue == "not_eligible")

        let noLevel = try Fixture.eligibility(request(#"""
        {"skill":{"level":"none","certified_at_workplace":true},"employment":{"in_city":true}}
        """#))
        #expect(noLevel["pathways"]?.element(id: "skilled_workers")?["result"]?.stringValue == "not_eligible")
    }

    @Test("（四）: certification not stated: unknown, ask skill.certified_at_workplace")
    func skilledWorkerCertificationUnknown() throws {
        let answer = try Fixture.eligibility(request(#"{"skill":{"level":"intermediate_worker"},"employment":{"in_city":true}}"#))
        let pathway = try #require(answer["pathways"]?.element(id: "skilled_workers"))
        #expect(pathway["result"]?.stringValue == "unknown")
        #expect(pathway["missing_facts"]?.arrayValue == [.string("skill.certified_at_workplace")])
    }

    @Test("（四）: a secondary-vocational graduate employed in the city settles")
    func vocationalGraduate() throws {
        let answer = try Fixture.eligibility(request(#"{"education":{"level":"secondary_vocational"},"employment":{"in_city":true}}"#))
        let pathway = try #require(answer["pathways"]?.element(id: "vocational_graduates"))
        #expect(pathway["result"]?.stringValue == "eligible")
        #expect(pathway["address_order"]?.arrayValue.count == 3)
        // A senior-high graduate is not a vocational graduate.
        let senior = try Fixture.eligibility(request(#"{"education":{"level":"senior_high"},"employment":{"in_city":true}}"#))
        #expect(senior["pathways"]?.element(id: "vocational_graduates")?["result"]?.stringValue == "not_eligible")
    }

    @Test("（四）: an overseas degree counts only when certified by 中国留学服务中心")
    func returnedOverseasStudent() throws {
        let uncertified = try Fixture.eligibility(request(#"""
        {"education":{"level":"master","overseas":true,"overseas_certified":false},"employment":{"in_city":true}}
        """#))
        let pathway = try #require(uncertified["pathways"]?.element(id: "returned_overseas_students"))
        #expect(pathway["result"]?.stringValue == "not_eligible")
        #expect(pathway["reason"]?.stringValue?.contains("经中国留学服务中心认证") == true)

        let certified = try Fixture.eligibility(request(#"""
        {"education":{"level":"master","overseas":true,"overseas_certified":true},"employment":{"in_city":true}}
        """#))
        #expect(certified["pathways"]?.element(id: "returned_overseas_students")?["result"]?.stringValue == "eligible")
    }

    @Test("（四）: students of the province's colleges may move hukou to the school, rural origin or not")
    func studentsMoveToSchool() throws {
        let college = try Fixture.eligibility(request(#"{"school":{"college_in_city":true,"rural_origin":false}}"#))
        let pathway = try #require(college["pathways"]?.element(id: "students_to_school"))
        #expect(pathway["result"]?.stringValue == "eligible")
        #expect(pathway["citation"]?.stringValue == "\(Self.doc) （四）")

        let vocational = try Fixture.eligibility(request(#"{"school":{"college_in_city":false,"stage":"secondary_vocational","in_city":true}}"#))
        #expect(vocational["pathways"]?.element(id: "students_to_school")?["result"]?.stringValue == "eligible")

        let neither = try Fixture.eligibility(request(#"{"school":{"college_in_city":false,"stage":"senior_high","in_city":true}}"#))
        #expect(neither["pathways"]?.element(id: "students_to_school")?["result"]?.stringValue == "not_eligible")
    }

    // MARK: （五） other settlement, priority groups, own-rules cities, points

    @Test("（五）: 40 months of insurance and 51 months of residence against 60/60 (provisional): 20 and 9 months short")
    func otherSettlementShortfalls() throws {
        // Residence since 2022-08-01: 51 whole months on 2026-11-25, 60 reached on 2027-08-01.
        // Insurance 40 months and paying: 20 more, reached 2026-11-25 + 20 months = 2028-07-25.
        let answer = try Fixture.eligibility(request(#"""
        {"employment":{"type":"employee","labor_contract":true,"in_city":true},"housing":{"type":"rental"},
         "residence":{"since":"2022-08-01"},"social_insurance":{"months":40,"paying":true}}
        """#))
        let pathway = try #require(answer["pathways"]?.element(id: "other_settlement"))
        #expect(pathway["result"]?.stringValue == "not_eligible")
        #expect(pathway["citation"]?.stringValue == "\(Self.doc) （五）")
        let shortfalls = pathway["shortfalls"]?.arrayValue ?? []
        #expect(shortfalls.count == 2)
        #expect(shortfalls.first?["fact"]?.stringValue == "social_insurance.months")
        #expect(shortfalls.first?["amount"]?.intValue == 20)
        #expect(shortfalls.first?["met_on"]?.stringValue == "2028-07-25")
        #expect(shortfalls.last?["fact"]?.stringValue == "residence.months")
        #expect(shortfalls.last?["amount"]?.intValue == 9)
        #expect(shortfalls.last?["met_on"]?.stringValue == "2027-08-01")
        // The years are the cities' to set: provisional, and the answer says which parameters.
        #expect(pathway["provisional"]?.boolValue == true)
        let ids = (pathway["provisional_parameters"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        #expect(ids == ["other_settlement_social_insurance_months", "other_settlement_residence_months"])
    }

    @Test("（五）: residence since 2021-11-26 is one day short of 60 months on 2026-11-25; since 2021-11-25 it is met")
    func otherSettlementResidenceBoundary() throws {
        let short = try Fixture.eligibility(request(#"""
        {"employment":{"type":"employee","labor_contract":true},"housing":{"type":"owned"},
         "residence":{"since":"2021-11-26"},"social_insurance":{"months":60}}
        """#))
        let pathway = try #require(short["pathways"]?.element(id: "other_settlement"))
        #expect(pathway["result"]?.stringValue == "not_eligible")
        #expect(pathway["shortfalls"]?[0]?["amount"]?.intValue == 1)
        #expect(pathway["shortfalls"]?[0]?["met_on"]?.stringValue == "2026-11-26")

        let met = try Fixture.eligibility(request(#"""
        {"employment":{"type":"employee","labor_contract":true},"housing":{"type":"owned"},
         "residence":{"since":"2021-11-25"},"social_insurance":{"months":60}}
        """#))
        #expect(met["pathways"]?.element(id: "other_settlement")?["result"]?.stringValue == "eligible")
    }

    @Test("（五）: a rural migrant employed and living in the city since 2020 belongs to the ≥ 5 years priority group")
    func priorityGroups() throws {
        let answer = try Fixture.eligibility(request(#"""
        {"birth_date":"1975-03-01","hukou":{"former_type":"rural"},"residence":{"since":"2020-01-01"},
         "employment":{"type":"employee","since":"2020-01-01"},"whole_family_move":false,"entered_city_by":"other"}
        """#))
        let groups = answer["priority_groups"]
        #expect(groups?.element(id: "five_years_employed_and_resident")?["result"]?.stringValue == "member")
        #expect(groups?.element(id: "five_years_employed_and_resident")?["citation"]?.stringValue == "\(Self.doc) （五）")
        #expect(groups?.element(id: "whole_family")?["result"]?.stringValue == "not_member")
        // Born 1975: not a new-generation migrant worker (born 1980 or later).
        #expect(groups?.element(id: "new_generation_migrant_workers")?["result"]?.stringValue == "not_member")
    }

    @Test("（五）: 厦门市 applies its own rules, not yet encoded: no pathways, the clause cited")
    func xiamenOwnRules() throws {
        let answer = try Fixture.eligibility(request(#"{"education":{"level":"bachelor"}}"#, city: "厦门市"))
        let block = try #require(answer["own_rules"])
        #expect(block["city"]?.stringValue == "厦门市")
        #expect(block["result"]?.stringValue == "own_rules_not_encoded")
        #expect(block["citation"]?.stringValue == "\(Self.doc) （五）")
        #expect(block["reason"]?.stringValue?.contains("尚未编入") == true)
        #expect(answer["pathways"]?.arrayValue.isEmpty == true)

        // The short name and the other two cities of （五） answer the same way.
        for city in ["厦门", "福州", "平潭综合实验区", "平潭"] {
            let other = try Fixture.eligibility(request("{}", city: city))
            #expect(other["own_rules"]?["result"]?.stringValue == "own_rules_not_encoded", "\(city)")
        }
        let points = try Fixture.points(request("{}", city: "厦门市"))
        #expect(points["own_rules"]?["citation"]?.stringValue == "\(Self.doc) （五）")
    }

    @Test("（五）: without a city the province-wide rules answer, with a note naming the own-rules cities")
    func noCityNote() throws {
        let answer = try Fixture.eligibility(request("{}", city: nil))
        #expect(answer["note"]?.stringValue?.contains("福州市、厦门市、平潭综合实验区") == true)
        #expect(answer["pathways"]?.arrayValue.count == 6)
    }

    @Test("（五）: points may not restrict settlement in Fujian cities: no score, the clause cited")
    func pointsProhibited() throws {
        let answer = try Fixture.points(request(#"{"social_insurance":{"months":30},"education":{"level":"bachelor"}}"#))
        #expect(answer["points_allowed"]?.boolValue == false)
        #expect(answer["citation"]?.stringValue == "\(Self.doc) （五）")
        #expect(answer["reason"]?.stringValue?.contains("不得采取积分制") == true)
        #expect(answer["total"] == nil)
    }

    @Test("The pack's city-size class is a provisional placeholder (Ⅱ型大城市)")
    func sizeClassProvisional() throws {
        let answer = try Fixture.eligibility(request("{}"))
        let size = try #require(answer["jurisdiction"]?["city_size_class"])
        #expect(size["class"]?.stringValue == "large_2")
        #expect(size["provisional"]?.boolValue == true)
    }

    // MARK: （十一）–（十五） entitlements

    @Test("（十二）: a settled migrant worker with a labor contract must join employee medical insurance; a flexible worker is not covered by the clause")
    func medicalEmployeeScheme() throws {
        let employed = try Fixture.entitlements(request(#"{"status":"settled_migrant","employment":{"type":"employee","labor_contract":true}}"#))
        let item = try #require(employed["people"]?[0]?["items"]?.element(id: "fujian.medical.employee_scheme"))
        #expect(item["result"]?.stringValue == "must_join")
        #expect(item["citation"]?.stringValue == "\(Self.doc) （十二）")

        let flexible = try Fixture.entitlements(request(#"{"status":"settled_migrant","employment":{"type":"flexible","labor_contract":false}}"#))
        #expect(flexible["people"]?[0]?["items"]?.element(id: "fujian.medical.employee_scheme")?["result"]?.stringValue == "not_entitled")
    }

    @Test("（十三）: settled migrants may choose resident or employee pension (conditions not listed: provisional) and get the same 低保")
    func pensionAndAllowance() throws {
        let answer = try Fixture.entitlements(request(#"{"status":"settled_migrant"}"#))
        let items = answer["people"]?[0]?["items"]
        #expect(items?.element(id: "fujian.pension.join")?["result"]?.stringValue == "may_choose")
        #expect(items?.element(id: "fujian.pension.join")?["provisional"]?.boolValue == true)
        #expect(items?.element(id: "fujian.minimum_allowance")?["result"]?.stringValue == "entitled")
        #expect(items?.element(id: "fujian.minimum_allowance")?["citation"]?.stringValue == "\(Self.doc) （十三）")
    }

    @Test("（十一）: rent subsidy is being rolled out (provisional); the fund transfers across cities for depositors")
    func housing() throws {
        let settled = try Fixture.entitlements(request(#"{"status":"settled_migrant","housing_fund":{"depositing":true}}"#))
        let items = settled["people"]?[0]?["items"]
        #expect(items?.element(id: "fujian.housing_support.rent_subsidy")?["result"]?.stringValue == "provisional")
        #expect(items?.element(id: "fujian.housing_fund.transfer")?["result"]?.stringValue == "entitled")
        #expect(items?.element(id: "fujian.housing_fund.withdraw_relaxed")?["citation"]?.stringValue == "\(Self.doc) （十一）")
    }

    @Test("（十四）: a 15-year-old permit holder's child is covered by the non-local 中考/高考 policies (their conditions not encoded: provisional); an 8-year-old is not yet")
    func nonLocalExams() throws {
        let answer = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#, family: #"""
        [{"relation":"child","birth_date":"2011-03-01"},{"relation":"child","birth_date":"2018-06-01"}]
        """#))
        let teen = try #require(answer["people"]?[1]?["items"]?.element(id: "fujian.schooling.exams"))
        #expect(teen["result"]?.stringValue == "entitled")
        #expect(teen["provisional"]?.boolValue == true)
        #expect(teen["citation"]?.stringValue == "\(Self.doc) （十四）")
        #expect(answer["people"]?[2]?["items"]?.element(id: "fujian.schooling.exams")?["result"]?.stringValue == "not_entitled")
    }

    @Test("（十五）: the residence permit is free; a resident without one is told what applying would bring")
    func residencePermitFree() throws {
        let holder = try Fixture.entitlements(request(#"{"status":"residence_permit"}"#))
        let item = try #require(holder["people"]?[0]?["items"]?.element(id: "fujian.residence_permit.free"))
        #expect(item["result"]?.stringValue == "entitled")
        #expect(item["citation"]?.stringValue == "\(Self.doc) （十五）")

        // No permit: the national conditions (居住证暂行条例 第二条) apply; 4 months lived is 2 short of half a year.
        let without = try Fixture.entitlements(request(#"""
        {"status":"none","housing":{"type":"rental"},"residence":{"since":"2026-07-10"}}
        """#))
        #expect(without["residence_permit"]?["result"]?.stringValue == "may_not_apply_yet")
        #expect(without["residence_permit"]?["shortfalls"]?[0]?["amount"]?.intValue == 2)
        #expect(without["residence_permit"]?["shortfalls"]?[0]?["met_on"]?.stringValue == "2027-01-10")
        #expect(without["people"]?[0]?["items"]?.element(id: "fujian.residence_permit.free")?["requires_residence_permit"]?.boolValue == true)
    }
}
