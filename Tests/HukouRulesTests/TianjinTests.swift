import Testing
@testable import HukouRules

/// Tianjin: 天津市推动非户籍人口在城市落户工作方案 (2017-03-02), with 津政发〔2015〕39号 天津市居住证管理办法,
/// its implementing rules 津政办发〔2016〕32号 and the 2014 points table (津政发〔2013〕31号 附件).
/// Values after 2014 are from secondary sources (津发改社会〔2018〕26号, 2017 and 2022 guidance scores):
/// the 2018 values apply from 2018-01-01 in the pack.
@Suite("Tianjin 天津市推动非户籍人口在城市落户工作方案")
struct TianjinTests {
    // MARK: - Helpers

    func request(_ applicant: String, family: String = "[]", asOf: String = "2018-06-01", locale: String = "zh-CN") -> String {
        #"{"jurisdiction":"tianjin","as_of":"\#(asOf)","locale":"\#(locale)","applicant":\#(applicant),"family":\#(family)}"#
    }

    func points(_ applicant: String, asOf: String = "2018-06-01") throws -> JSONValue {
        try Fixture.points(request(applicant, asOf: asOf))
    }

    /// Points of one indicator (searching nested parts too).
    func indicator(_ answer: JSONValue, _ id: String) -> JSONValue? {
        func find(_ list: [JSONValue]) -> JSONValue? {
            for item in list {
                if item["id"]?.stringValue == id { return item }
                if let found = find(item["parts"]?.arrayValue ?? []) { return found }
            }
            return nil
        }
        return find(answer["breakdown"]?.arrayValue ?? [])
    }

    func indicatorPoints(_ applicant: String, _ id: String, asOf: String = "2018-06-01") throws -> Int? {
        indicator(try points(applicant, asOf: asOf), id)?["points"]?.intValue
    }

    func pathway(_ applicant: String, _ id: String, family: String = "[]", asOf: String = "2018-06-01") throws -> JSONValue {
        let answer = try Fixture.eligibility(request(applicant, family: family, asOf: asOf))
        return try #require(answer["pathways"]?.element(id: id))
    }

    /// The result of entitlement `id` for person `index` (0 = applicant, n = family[n-1]).
    func entitlement(_ applicant: String, family: String = "[]", person index: Int = 0, _ id: String,
                     asOf: String = "2018-06-01") throws -> String? {
        let answer = try Fixture.entitlements(request(applicant, family: family, asOf: asOf))
        return answer["people"]?[index]?["items"]?.element(id: id)?["result"]?.stringValue
    }

    // MARK: - Pack

    @Test("The pack loads; its city-size class is provisional (not stated in the seed)")
    func header() throws {
        let answer = try Fixture.eligibility(request("{}"))
        let size = try #require(answer["jurisdiction"]?["city_size_class"])
        #expect(size["class"]?.stringValue == "super_large")
        #expect(size["provisional"]?.boolValue == true)
        let ids = (answer["pathways"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        #expect(ids == ["in_city_move", "college_students", "talent_introduction", "family_reunion", "points_settlement"])
    }

    // MARK: - Points: one indicator at a time (津政发〔2013〕31号 附件)

    @Test("指标1 age: 35 and under 20, 36 to 45 10, 46 and over 0 (whole years on the as-of date)")
    func age() throws {
        // 2018-06-01: born 1982-06-02 is still 35; born 1982-06-01 turned 36 that day.
        #expect(try indicatorPoints(#"{"birth_date":"1982-06-02"}"#, "age") == 20)
        #expect(try indicatorPoints(#"{"birth_date":"1982-06-01"}"#, "age") == 10)
        #expect(try indicatorPoints(#"{"birth_date":"1972-06-02"}"#, "age") == 10) // 45
        #expect(try indicatorPoints(#"{"birth_date":"1972-06-01"}"#, "age") == 0) // 46
    }

    @Test("指标2 education: 本科及以上 40, 大专 30, 高中和中职 20, highest only")
    func education() throws {
        func edu(_ level: String) throws -> Int? { try indicatorPoints(#"{"education":{"level":"\#(level)"}}"#, "education") }
        #expect(try edu("doctorate") == 40)
        #expect(try edu("master") == 40)
        #expect(try edu("bachelor") == 40)
        #expect(try edu("junior_college") == 30)
        #expect(try edu("higher_vocational") == 30)
        #expect(try edu("senior_high") == 20)
        #expect(try edu("secondary_vocational") == 20)
        #expect(try edu("junior_high") == 0)
    }

    @Test("指标3 title or skill: only the highest counts (只计最高分，不累计加分)")
    func titleOrSkill() throws {
        // 中级职称 40 beats 高级工 30.
        let first = try points(#"{"skill":{"title":"intermediate","level":"senior_worker"}}"#)
        #expect(indicator(first, "title_or_skill")?["points"]?.intValue == 40)
        #expect(indicator(first, "title_or_skill")?["counted"]?.stringValue == "title")
        // 高级技师 50 beats 初级职称 20.
        let second = try points(#"{"skill":{"title":"junior","level":"senior_technician"}}"#)
        #expect(indicator(second, "title_or_skill")?["points"]?.intValue == 50)
        #expect(indicator(second, "title_or_skill")?["counted"]?.stringValue == "skill")
        // 中级工 15, 初级工 5, 技师 40, 高级职称 50.
        #expect(try indicatorPoints(#"{"skill":{"title":"none","level":"intermediate_worker"}}"#, "title_or_skill") == 15)
        #expect(try indicatorPoints(#"{"skill":{"title":"none","level":"junior_worker"}}"#, "title_or_skill") == 5)
        #expect(try indicatorPoints(#"{"skill":{"title":"none","level":"technician"}}"#, "title_or_skill") == 40)
        #expect(try indicatorPoints(#"{"skill":{"title":"senior","level":"none"}}"#, "title_or_skill") == 50)
    }

    @Test("指标4 social insurance, 2014 table: 12 a year throughout (61 months → 61)")
    func socialInsurance2014() throws {
        #expect(try indicatorPoints(#"{"social_insurance":{"months":61}}"#, "social_insurance", asOf: "2017-06-01") == 61)
        #expect(try indicatorPoints(#"{"social_insurance":{"months":24}}"#, "social_insurance", asOf: "2017-06-01") == 24)
    }

    @Test("Social insurance, 2018 (secondary): 12 a year up to 60 months, 18 a year for the months beyond 60 only")
    func socialInsuranceRateChange() throws {
        func si(_ months: Int) throws -> Int? { try indicatorPoints(#"{"social_insurance":{"months":\#(months)}}"#, "social_insurance") }
        #expect(try si(59) == 59)
        #expect(try si(60) == 60) // 60 × 12/12: no month beyond 60 yet
        #expect(try si(61) == 61) // 60 + 1 × 18/12 = 61.5, rounded down
        #expect(try si(62) == 63) // 60 + 2 × 18/12 = 63
        #expect(try si(72) == 78) // 60 + 12 × 18/12 = 78
        #expect(indicator(try points(#"{"social_insurance":{"months":61}}"#), "social_insurance")?["provisional"]?.boolValue == true)
    }

    @Test("指标5 own home 40; 指标6 shortage occupation 30/20/10; 指标10 awards 30/20")
    func homeOccupationAward() throws {
        #expect(try indicatorPoints(#"{"housing":{"owns_home_in_city":true}}"#, "own_home") == 40)
        #expect(try indicatorPoints(#"{"housing":{"owns_home_in_city":false}}"#, "own_home") == 0)
        #expect(try indicatorPoints(#"{"points_record":{"occupation_shortage":"very_short"}}"#, "occupation") == 30)
        #expect(try indicatorPoints(#"{"points_record":{"occupation_shortage":"short"}}"#, "occupation") == 20)
        #expect(try indicatorPoints(#"{"points_record":{"occupation_shortage":"general"}}"#, "occupation") == 10)
        #expect(try indicatorPoints(#"{"points_record":{"award":"national"}}"#, "award") == 30)
        #expect(try indicatorPoints(#"{"points_record":{"award":"provincial"}}"#, "award") == 20)
    }

    @Test("指标7 settlement district, 2014: 滨海新区 and the outer districts 10, the ring districts 5")
    func district2014() throws {
        func district(_ name: String) throws -> Int? {
            try indicatorPoints(#"{"intended_district":"\#(name)"}"#, "settlement_district", asOf: "2017-06-01")
        }
        #expect(try district("滨海新区") == 10)
        #expect(try district("蓟县") == 10) // the table's own name for 蓟州区
        #expect(try district("静海县") == 10)
        #expect(try district("东丽区") == 5)
        #expect(try district("和平区") == 0)
    }

    @Test("（九） district bonus, 2018 (secondary): 滨海新区 20; 武清、宝坻、静海、宁河、蓟州 15; others 0; former names count")
    func district2018() throws {
        let answer = try points(#"{"intended_district":"蓟县"}"#)
        #expect(indicator(answer, "settlement_district")?["points"]?.intValue == 15)
        #expect(indicator(answer, "settlement_district")?["value"]?.stringValue == "蓟州区")
        func district(_ name: String) throws -> Int? { try indicatorPoints(#"{"intended_district":"\#(name)"}"#, "settlement_district") }
        #expect(try district("蓟州区") == 15)
        #expect(try district("宁河县") == 15)
        #expect(try district("武清区") == 15)
        #expect(try district("塘沽区") == 20) // merged into 滨海新区
        #expect(try district("滨海新区") == 20)
        #expect(try district("东丽区") == 0)
    }

    @Test("指标11 work years: 6 years (五项社会保险满6年, 细则 第十九条) → 10")
    func workYears() throws {
        #expect(try indicatorPoints(#"{"social_insurance":{"months":72}}"#, "work_years", asOf: "2017-06-01") == 10)
        #expect(try indicatorPoints(#"{"social_insurance":{"months":71}}"#, "work_years", asOf: "2017-06-01") == 0)
    }

    @Test("Housing fund (2018 secondary, 2 a year; not in the 2014 table)")
    func housingFund() throws {
        let applicant = #"{"housing_fund":{"depositing":true,"consecutive_full_months":24}}"#
        #expect(try indicatorPoints(applicant, "housing_fund") == 4)
        #expect(try indicatorPoints(applicant, "housing_fund", asOf: "2017-06-01") == 0)
    }

    @Test("指标12 deductions add up: −30 each")
    func deductions() throws {
        #expect(try indicatorPoints(#"{"points_record":{"violations":2}}"#, "violations") == -60)
        #expect(try indicatorPoints(#"{"points_record":{"violations":0}}"#, "violations") == 0)
    }

    // MARK: - Points: threshold, requirements, vetoes, projection, what-if

    /// A 28-year-old bachelor with no title or skill, 50 months of insurance, settling in 蓟县 (蓟州区).
    let candidate = #"""
    {"birth_date":"1990-03-01","education":{"level":"bachelor"},"skill":{"title":"none","level":"none"},
     "social_insurance":{"months":50,"paying":true,"continuous":true},"housing":{"type":"rental","owns_home_in_city":false},
     "residence_permit":{"held":true,"issued":"2016-03-01"},"employment":{"type":"employee","in_city":true},
     "intended_district":"蓟县","housing_fund":{"depositing":false,"consecutive_full_months":0},
     "points_record":{"occupation_shortage":"none","award":"none","violations":0,"false_information":false,"criminal_conviction":false}}
    """#

    @Test("Total, guidance score 140 (2017, secondary) and the projection date with the 2018 rate change")
    func totalAndProjection() throws {
        let answer = try points(candidate)
        // 20 (age 28) + 40 (bachelor) + 50 (50 months) + 15 (蓟州区, 2018) = 125
        #expect(answer["total"]?.intValue == 125)
        #expect(answer["score_complete"]?.boolValue == true)
        #expect(answer["threshold"]?.intValue == 140)
        #expect(answer["gap"]?.intValue == 15)
        #expect(answer["reaches_threshold"]?.boolValue == false)
        #expect(answer["provisional"]?.boolValue == true)
        // Every requirement of Art. 32 is met; only the score is short.
        for id in ["residence_permit", "employment", "social_insurance", "below_retirement_age", "settlement_address"] {
            #expect(answer["requirements"]?.element(id: id)?["result"]?.stringValue == "met", "\(id)")
        }
        #expect(answer["may_apply"]?.stringValue == "no")
        // Needs 65 insurance points: 63 months give 60 + 4 = 64, 64 months 60 + 6 = 66.
        // 64 − 50 = 14 months: 2018-06-01 + 14 months = 2019-08-01; still 29, age points 20; total 75 + 66 = 141.
        let projection = try #require(answer["projection"])
        #expect(projection["reaches_threshold_on"]?.stringValue == "2019-08-01")
        #expect(projection["months"]?.intValue == 14)
        #expect(projection["total_then"]?.intValue == 141)
    }

    @Test("What-if: the best single changes ranked by points gained")
    func whatIf() throws {
        let whatIf = try #require(try points(candidate)["what_if"]).arrayValue
        // 初级职称 +20, provincial award +20, 12 more months 50→62 (50 → 63) +13,
        // 一般紧缺职业 +10, 初级工 +5 (滨海新区 +5 ties but comes later in the table).
        #expect(whatIf.map { $0["indicator"]?.stringValue } == ["title", "award", "social_insurance", "occupation", "skill"])
        #expect(whatIf.map { $0["points_gained"]?.intValue } == [20, 20, 13, 10, 5])
    }

    @Test("Guidance score 110 from 2022 (secondary: 津发改社会规〔2021〕13号)")
    func threshold2022() throws {
        #expect(try points(candidate, asOf: "2022-06-01")["threshold"]?.intValue == 110)
    }

    @Test("第四十四条: false information or a criminal conviction disqualifies whatever the score")
    func vetoes() throws {
        let rich = #"""
        {"birth_date":"1990-03-01","education":{"level":"doctorate"},"skill":{"title":"senior","level":"none"},
         "social_insurance":{"months":100,"paying":true,"continuous":true},"housing":{"type":"owned","owns_home_in_city":true},
         "residence_permit":{"held":true},"employment":{"type":"employee","in_city":true},"intended_district":"滨海新区",
         "points_record":{"violations":0,"false_information":true,"criminal_conviction":false}}
        """#
        let answer = try points(rich)
        #expect(answer["reaches_threshold"]?.boolValue == true)
        #expect(answer["vetoes"]?.element(id: "false_information")?["result"]?.stringValue == "applies")
        #expect(answer["vetoes"]?.element(id: "criminal_conviction")?["result"]?.stringValue == "does_not_apply")
        #expect(answer["may_apply"]?.stringValue == "no")
        let clean = try points(rich.replacingOccurrences(of: #""false_information":true"#, with: #""false_information":false"#))
        // Occupation and award not given: the score is not complete, so "yes" is not said
        // before the guidance score is met on the complete score (issue 11).
        #expect(clean["may_apply"]?.stringValue == "depends_on_local_rules")
    }

    // MARK: - Eligibility

    @Test("（九）/第三十二条: permit, employed, 12 months' insurance, below 60, settlement address → may apply")
    func pointsPathway() throws {
        let eligible = try pathway(candidate, "points_settlement")
        #expect(eligible["result"]?.stringValue == "eligible")
        #expect(eligible["provisional"]?.boolValue == true) // retirement age 60 is provisional
        // 11 months: one month short, met on 2018-07-01 if paying continues.
        let short = try pathway(candidate.replacingOccurrences(of: #""months":50"#, with: #""months":11"#), "points_settlement")
        #expect(short["result"]?.stringValue == "not_eligible")
        let shortfall = try #require(short["shortfalls"]?[0])
        #expect(shortfall["amount"]?.intValue == 1)
        #expect(shortfall["met_on"]?.stringValue == "2018-07-01")
    }

    @Test("第三十二条（三）: below the statutory retirement age (60, provisional) — day before and day of")
    func retirementAge() throws {
        let at59 = candidate.replacingOccurrences(of: "1990-03-01", with: "1958-06-02")
        let at60 = candidate.replacingOccurrences(of: "1990-03-01", with: "1958-06-01")
        #expect(try pathway(at59, "points_settlement")["result"]?.stringValue == "eligible")
        #expect(try pathway(at60, "points_settlement")["result"]?.stringValue == "not_eligible")
    }

    @Test("积分入户细则 第六条: a child under 18 follows only when the applicant has a home of their own")
    func pointsFollowers() throws {
        let child = #"[{"relation":"child","birth_date":"2008-01-01"}]"#
        let owner = candidate.replacingOccurrences(of: #""owns_home_in_city":false"#, with: #""owns_home_in_city":true"#)
        #expect(try pathway(owner, "points_settlement", family: child)["followers"]?[0]?["result"]?.stringValue == "may_follow")
        #expect(try pathway(candidate, "points_settlement", family: child)["followers"]?[0]?["result"]?.stringValue == "may_not_follow")
    }

    @Test("（六）: newly admitted students of Tianjin colleges may move hukou to the school")
    func students() throws {
        #expect(try pathway(#"{"school":{"college_in_city":true}}"#, "college_students")["result"]?.stringValue == "eligible")
        #expect(try pathway(#"{"school":{"college_in_city":false}}"#, "college_students")["result"]?.stringValue == "not_eligible")
    }

    @Test("（七）: talent groups qualify only provisionally (the talent rules are not encoded)")
    func talent() throws {
        let graduate = try pathway(#"{"education":{"level":"bachelor"}}"#, "talent_introduction")
        #expect(graduate["result"]?.stringValue == "eligible")
        #expect(graduate["provisional"]?.boolValue == true)
        let none = try pathway(#"{"education":{"level":"junior_high"},"skill":{"level":"none"}}"#, "talent_introduction")
        #expect(none["result"]?.stringValue == "not_eligible")
    }

    @Test("（八）: reunion with a Tianjin-hukou spouse is provisional (no conditions in the plan)")
    func reunion() throws {
        let spouse = #"[{"relation":"spouse","hukou":{"local":true}}]"#
        let answer = try pathway(#"{"hukou":{"local":false},"married":true}"#, "family_reunion", family: spouse)
        #expect(answer["result"]?.stringValue == "eligible")
        #expect(answer["provisional"]?.boolValue == true)
    }

    @Test("（五）: in-city moves are for Tianjin hukou holders with a home of their own, not for migrants")
    func inCityMove() throws {
        #expect(try pathway(#"{"hukou":{"local":true},"housing":{"type":"owned"}}"#, "in_city_move")["result"]?.stringValue == "eligible")
        #expect(try pathway(#"{"hukou":{"local":false},"housing":{"type":"owned"}}"#, "in_city_move")["result"]?.stringValue == "not_eligible")
    }

    // MARK: - Entitlements: medical （十六）

    let permitHolder = #"{"hukou":{"local":false},"residence_permit":{"held":true},"employment":{"type":"employee","in_city":true}}"#

    @Test("（十六）: employees must join employee medical insurance")
    func medicalEmployee() throws {
        #expect(try entitlement(permitHolder, "tianjin.medical.employee_scheme") == "must_join")
        #expect(try entitlement(permitHolder, "tianjin.medical.choose_scheme") == "not_entitled")
    }

    @Test("（十六）: a non-hukou child enrolled in a Tianjin school must join resident medical insurance")
    func medicalEnrolledChild() throws {
        let child = #"[{"relation":"child","birth_date":"2010-01-01","hukou":{"local":false},"school":{"stage":"primary","in_city":true}}]"#
        #expect(try entitlement(permitHolder, family: child, person: 1, "tianjin.medical.resident_scheme.enrolled_children") == "must_join")
    }

    @Test("（十六）: unemployed non-hukou adults may join with a permit or another listed document, not without")
    func medicalUnemployedAdults() throws {
        func spouse(_ documents: String) -> String {
            #"[{"relation":"spouse","birth_date":"1990-01-01","employment":{"type":"unemployed"},"hukou":{"local":false},\#(documents)}]"#
        }
        let id = "tianjin.medical.resident_scheme.nonlocal_adults"
        #expect(try entitlement(permitHolder, family: spouse(#""residence_permit":{"held":true}"#), person: 1, id) == "may_join")
        #expect(try entitlement(permitHolder, family: spouse(#""residence_permit":{"held":false},"documents":{"hk_macao_taiwan_permit":true}"#), person: 1, id) == "may_join")
        let without = spouse(#""residence_permit":{"held":false},"documents":{"foreign_permanent_residence":false,"hk_macao_taiwan_permit":false,"police_proof":false}"#)
        #expect(try entitlement(permitHolder, family: without, person: 1, id) == "not_entitled")
    }

    @Test("（十六）: a child not yet in school with floating-population registration may join")
    func medicalPreschoolChild() throws {
        let baby = #"[{"relation":"child","birth_date":"2018-01-01","school":{"stage":"not_in_school"},"documents":{"floating_population_registration":true}}]"#
        #expect(try entitlement(permitHolder, family: baby, person: 1, "tianjin.medical.resident_scheme.preschool_children") == "may_join")
    }

    @Test("（十六）: individual businesses without employees, part-time and flexible workers choose either scheme")
    func medicalChoose() throws {
        for type in ["individual_business_no_employees", "part_time", "flexible"] {
            let applicant = #"{"hukou":{"local":false},"residence_permit":{"held":true},"employment":{"type":"\#(type)"}}"#
            #expect(try entitlement(applicant, "tianjin.medical.choose_scheme") == "may_choose", "\(type)")
            #expect(try entitlement(applicant, "tianjin.medical.employee_scheme") == "not_entitled", "\(type)")
        }
    }

    // MARK: - Entitlements: pension （十七）

    @Test("（十七）: resident pension from the 16th birthday (day before: not yet)")
    func pensionAge16() throws {
        let teen = #"{"hukou":{"local":true},"birth_date":"2002-05-10","employment":{"type":"unemployed"}}"#
        #expect(try entitlement(teen, "tianjin.pension.resident_scheme", asOf: "2018-05-09") == "not_entitled")
        #expect(try entitlement(teen, "tianjin.pension.resident_scheme", asOf: "2018-05-10") == "may_join")
    }

    @Test("（十七）: resident pension until the day before the 60th birthday")
    func pensionAge60() throws {
        let older = #"{"hukou":{"local":true},"birth_date":"1958-05-10","employment":{"type":"unemployed"}}"#
        #expect(try entitlement(older, "tianjin.pension.resident_scheme", asOf: "2018-05-09") == "may_join")
        #expect(try entitlement(older, "tianjin.pension.resident_scheme", asOf: "2018-05-10") == "not_entitled")
    }

    @Test("（十七）: without Tianjin hukou no resident pension; flexible workers may join employee pension")
    func pensionNonLocal() throws {
        let flexible = #"{"hukou":{"local":false},"residence_permit":{"held":true},"employment":{"type":"flexible"}}"#
        #expect(try entitlement(flexible, "tianjin.pension.resident_scheme.nonlocal") == "not_entitled")
        #expect(try entitlement(flexible, "tianjin.pension.flexible_employee_scheme") == "may_join")
        #expect(try entitlement(permitHolder, "tianjin.pension.employee_scheme") == "must_join")
    }

    // MARK: - Entitlements: schooling （二十二）, housing （十五）, allowance （十八）

    @Test("（二十二）/细则 第四条: two children at different stages — compulsory placement for the 8-year-old only")
    func schooling() throws {
        let parent = #"""
        {"hukou":{"local":false},"residence_permit":{"held":true},"employment":{"type":"employee","in_city":true},
         "housing":{"type":"rental"},"social_insurance":{"months":24}}
        """#
        let children = #"""
        [{"relation":"child","birth_date":"2010-01-01","lives_with_applicant":true},
         {"relation":"child","birth_date":"2014-01-01","lives_with_applicant":true}]
        """#
        #expect(try entitlement(parent, family: children, person: 1, "tianjin.schooling.compulsory") == "entitled")
        #expect(try entitlement(parent, family: children, person: 2, "tianjin.schooling.compulsory") == "not_entitled")
        #expect(try entitlement(parent, family: children, person: 2, "tianjin.schooling.preschool") == "provisional")
        // Without insurance payments in Tianjin the application material of 第四条（四） is missing.
        let uninsured = parent.replacingOccurrences(of: #""months":24"#, with: #""months":0"#)
        #expect(try entitlement(uninsured, family: children, person: 1, "tianjin.schooling.compulsory") == "not_entitled")
        // General 中考/高考 only after the family settles (细则 第十条、第十二条).
        #expect(try entitlement(parent, family: children, person: 1, "tianjin.schooling.general_exams.permit") == "not_entitled")
    }

    @Test("（十五）: housing fund encouraged for freelancers; housing security for settled migrants is phased in")
    func housing() throws {
        let freelancer = #"{"hukou":{"local":false},"residence_permit":{"held":true},"employment":{"type":"freelancer"}}"#
        #expect(try entitlement(freelancer, "tianjin.housing_fund.deposit_self_employed") == "may_join")
        #expect(try entitlement(permitHolder, "tianjin.housing_fund.deposit") == "entitled")
        let settled = #"{"status":"settled_migrant"}"#
        #expect(try entitlement(settled, "tianjin.housing_support.settled") == "provisional")
    }

    @Test("（十八）: minimum allowance by hukou — settled migrants equal, permit holders not in Tianjin")
    func minimumAllowance() throws {
        #expect(try entitlement(#"{"status":"settled_migrant"}"#, "tianjin.minimum_allowance.settled") == "entitled")
        #expect(try entitlement(permitHolder, "tianjin.minimum_allowance.permit") == "not_entitled")
    }
}
