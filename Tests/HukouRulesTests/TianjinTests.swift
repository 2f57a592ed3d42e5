import Testing
@testable import HukouRules

/// Tianjin: 天津市推动非户籍人口在城市落户工作方案 (2017-03-02), with 津政发〔2015〕39号 天津市居住证管理办法,
/// its implementing rules 津政办发〔2016〕32号 and the 2014 points table (津政发〔2013〕31号 附件).
/// Only the 2014 table (in force 2014-01-01 to 2015-12-31) is encoded, so indicator values are
/// tested on 2015 dates; later tables are not encoded and score nothing (issue 11).
@Suite("Tianjin 天津市推动非户籍人口在城市落户工作方案")
struct TianjinTests {
    // MARK: - Helpers

    func request(_ applicant: String, family: String = "[]", asOf: String = "2018-06-01", locale: String = "zh-CN") -> String {
        #"{"jurisdiction":"tianjin","as_of":"\#(asOf)","locale":"\#(locale)","applicant":\#(applicant),"family":\#(family)}"#
    }

    func points(_ applicant: String, asOf: String = "2015-06-01") throws -> JSONValue {
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

    func indicatorPoints(_ applicant: String, _ id: String, asOf: String = "2015-06-01") throws -> Int? {
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
        // 2015-06-01: born 1979-06-02 is still 35; born 1979-06-01 turned 36 that day.
        #expect(try indicatorPoints(#"{"birth_date":"1979-06-02"}"#, "age") == 20)
        #expect(try indicatorPoints(#"{"birth_date":"1979-06-01"}"#, "age") == 10)
        #expect(try indicatorPoints(#"{"birth_date":"1969-06-02"}"#, "age") == 10) // 45
        #expect(try indicatorPoints(#"{"birth_date":"1969-06-01"}"#, "age") == 0) // 46
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
        #expect(try indicatorPoints(#"{"social_insurance":{"months":61}}"#, "social_insurance", asOf: "2015-06-01") == 61)
        #expect(try indicatorPoints(#"{"social_insurance":{"months":24}}"#, "social_insurance", asOf: "2015-06-01") == 24)
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
            try indicatorPoints(#"{"intended_district":"\#(name)"}"#, "settlement_district", asOf: "2015-06-01")
        }
        #expect(try district("滨海新区") == 10)
        #expect(try district("蓟县") == 10) // the table's own name for 蓟州区
        #expect(try district("静海县") == 10)
        #expect(try district("东丽区") == 5)
        #expect(try district("和平区") == 0)
    }

    @Test("指标11 work years: 6 years (五项社会保险满6年, 细则 第十九条) → 10")
    func workYears() throws {
        #expect(try indicatorPoints(#"{"social_insurance":{"months":72}}"#, "work_years", asOf: "2015-06-01") == 10)
        #expect(try indicatorPoints(#"{"social_insurance":{"months":71}}"#, "work_years", asOf: "2015-06-01") == 0)
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

    @Test("2015 (2014 table): total, no guidance score in that table, so neither a gap nor a projection; the score is incomplete (指标8, 9, 11 not scored)")
    func totalIn2015() throws {
        let answer = try points(candidate)
        // 20 (age 25) + 40 (bachelor) + 50 (50 months) + 10 (蓟县, 2014 table) = 120
        #expect(answer["score_status"]?.stringValue == "scored")
        #expect(answer["total"]?.intValue == 120)
        #expect(answer["score_complete"]?.boolValue == false)
        #expect(answer["not_scored"]?.arrayValue.map { $0["id"]?.stringValue } == ["investment_tax", "marriage", "one_employer_10_years"])
        #expect(answer["threshold"] == nil)
        #expect(answer["projection"] == nil)
        // The 2016 conditions (津政发〔2015〕39号 第三十二条) were not yet in force; the 2014 ones are not encoded.
        #expect(answer["requirements"]?.arrayValue.isEmpty == true)
        #expect(answer["may_apply"]?.stringValue == "depends_on_local_rules")
        #expect(answer["ranking"]?["citation"]?.stringValue == "津政发〔2015〕39号 第二十九条、第三十六条、第三十七条")
        #expect(answer["validity"]?["status"]?.stringValue == "in_force")
    }

    @Test("2018 and 2022: the tables in force (津政发〔2015〕39号 附件, 津发改社会规〔2021〕13号) are not encoded — no score, no 140 or 110 compared with 2014 values")
    func noScoreAfter2015() throws {
        for date in ["2018-06-01", "2022-06-01"] {
            let answer = try points(candidate, asOf: date)
            #expect(answer["score_status"]?.stringValue == "table_not_encoded", "\(date)")
            #expect(answer["total"] == nil, "\(date)")
            #expect(answer["threshold"] == nil, "\(date)")
            #expect(answer["what_if"] == nil, "\(date)")
            #expect(answer["may_apply"]?.stringValue == "depends_on_local_rules", "\(date)")
        }
        // 2018: the conditions of 第三十二条 are judged; 2022: they ended 2020-12-31, said first.
        #expect(try points(candidate, asOf: "2018-06-01")["requirements"]?.element(id: "employment")?["result"]?.stringValue == "met")
        let later = try points(candidate, asOf: "2022-06-01")
        #expect(later["validity"]?["status"]?.stringValue == "expired")
        #expect(later["validity"]?["ended_on"]?.stringValue == "2020-12-31")
    }

    @Test("What-if (2015, 2014 table): the best single changes ranked by points gained")
    func whatIf() throws {
        let whatIf = try #require(try points(candidate)["what_if"]).arrayValue
        // 初级职称 +20, provincial award +20, 12 more months +12, 一般紧缺职业 +10, 初级工 +5
        // (蓟县 already has the best district value of the 2014 table).
        #expect(whatIf.map { $0["indicator"]?.stringValue } == ["title", "award", "social_insurance", "occupation", "skill"])
        #expect(whatIf.map { $0["points_gained"]?.intValue } == [20, 20, 12, 10, 5])
    }

    @Test("第四十四条: false information or a criminal conviction disqualifies whatever the score")
    func vetoes() throws {
        let rich = #"""
        {"birth_date":"1990-03-01","education":{"level":"doctorate"},"skill":{"title":"senior","level":"none"},
         "social_insurance":{"months":100,"paying":true,"continuous":true},"housing":{"type":"owned","owns_home_in_city":true},
         "residence_permit":{"held":true},"employment":{"type":"employee","in_city":true},"intended_district":"滨海新区",
         "points_record":{"violations":0,"false_information":true,"criminal_conviction":false}}
        """#
        // 2018: 第四十四条 of 津政发〔2015〕39号.
        let answer = try points(rich, asOf: "2018-06-01")
        #expect(answer["vetoes"]?.element(id: "false_information")?["result"]?.stringValue == "applies")
        #expect(answer["vetoes"]?.element(id: "criminal_conviction")?["result"]?.stringValue == "does_not_apply")
        #expect(answer["may_apply"]?.stringValue == "no")
        let clean = try points(rich.replacingOccurrences(of: #""false_information":true"#, with: #""false_information":false"#), asOf: "2018-06-01")
        // No table of 2018 is encoded: never "yes" before a score meets the guidance score of its table.
        #expect(clean["may_apply"]?.stringValue == "depends_on_local_rules")
        // 2015: the 2014 table's own disqualification (指标12) applies.
        #expect(try points(rich)["vetoes"]?.element(id: "false_information_2014")?["result"]?.stringValue == "applies")
    }

    // MARK: - Eligibility

    @Test("（九）/第三十二条: conditions met, but no table of 2018 is encoded — depends on local rules, never eligible; ranking within the quota is said")
    func pointsPathway() throws {
        let eligible = try pathway(candidate, "points_settlement")
        #expect(eligible["result"]?.stringValue == "depends_on_local_rules")
        #expect(eligible["conditions"]?["result"]?.stringValue == "met")
        #expect(eligible["ranking"]?["citation"]?.stringValue == "津政发〔2015〕39号 第二十九条、第三十六条、第三十七条")
        #expect(eligible["provisional"]?.boolValue == false) // 国发〔1978〕104号 ages, not provisional before 2025
        // 11 months: one month short, met on 2018-07-01 if paying continues.
        let short = try pathway(candidate.replacingOccurrences(of: #""months":50"#, with: #""months":11"#), "points_settlement")
        #expect(short["result"]?.stringValue == "not_eligible")
        let shortfall = try #require(short["shortfalls"]?[0])
        #expect(shortfall["amount"]?.intValue == 1)
        #expect(shortfall["met_on"]?.stringValue == "2018-07-01")
    }

    @Test("第三十二条（三）+ 国发〔1978〕104号: men 60, women cadres 55, women workers 50 — day before and day of; under 50 no sex is needed")
    func retirementAge() throws {
        func result(_ birth: String, _ extra: String) throws -> String? {
            let applicant = candidate.replacingOccurrences(of: #""birth_date":"1990-03-01""#, with: #""birth_date":"\#(birth)"\#(extra)"#)
            return try pathway(applicant, "points_settlement")["conditions"]?["result"]?.stringValue
        }
        #expect(try result("1958-06-02", #","sex":"male""#) == "met")
        #expect(try result("1958-06-01", #","sex":"male""#) == "unmet")
        #expect(try result("1963-06-02", #","sex":"female""#.replacingOccurrences(of: "female\"", with: "female\"")) != "met") // 54, cadre status unknown
        let cadre = candidate.replacingOccurrences(of: #""in_city":true}"#, with: #""in_city":true,"cadre":true}"#)
        func cadreResult(_ birth: String) throws -> String? {
            try pathway(cadre.replacingOccurrences(of: #""birth_date":"1990-03-01""#, with: #""birth_date":"\#(birth)","sex":"female""#), "points_settlement")["conditions"]?["result"]?.stringValue
        }
        #expect(try cadreResult("1963-06-02") == "met") // 54
        #expect(try cadreResult("1963-06-01") == "unmet") // 55
        let worker = candidate.replacingOccurrences(of: #""in_city":true}"#, with: #""in_city":true,"cadre":false}"#)
        func workerResult(_ birth: String) throws -> String? {
            try pathway(worker.replacingOccurrences(of: #""birth_date":"1990-03-01""#, with: #""birth_date":"\#(birth)","sex":"female""#), "points_settlement")["conditions"]?["result"]?.stringValue
        }
        #expect(try workerResult("1968-06-02") == "met") // 49
        #expect(try workerResult("1966-06-01") == "unmet") // review probe t2: a 52-year-old woman worker is past 50
        #expect(try result("1970-01-01", "") == "met") // 48: below every age, sex not asked
    }

    @Test("From 2025 the gradual raise (全国人大常委会 2024-09-13) is not encoded: the retirement test is shown as provisional")
    func retirementRaiseProvisional() throws {
        let answer = try pathway(candidate, "points_settlement", asOf: "2026-06-01")
        #expect(answer["provisional"]?.boolValue == true)
        let ids = (answer["provisional_parameters"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        #expect(ids.contains("retirement_age_women_worker"))
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

    @Test("（七） 加大…引进力度: a direction, not a pathway — depends on Tianjin's talent rules, whoever asks (review finding 1)")
    func talent() throws {
        for applicant in [#"{"education":{"level":"junior_college"}}"#, #"{"education":{"level":"junior_high"},"skill":{"level":"none"}}"#] {
            let answer = try pathway(applicant, "talent_introduction", asOf: "2017-09-01")
            #expect(answer["result"]?.stringValue == "depends_on_local_rules")
            #expect(answer["decided_by"]?["citation"]?.stringValue == "天津市推动非户籍人口在城市落户工作方案 （七）")
            #expect(answer["conditions"] == nil)
            #expect(answer["provisional"] == nil)
        }
    }

    @Test("（八） 统一并放宽夫妻投靠、亲属投靠: depends on Tianjin's reunion rules; not applicable without a Tianjin-hukou relative")
    func reunion() throws {
        let spouse = #"[{"relation":"spouse","hukou":{"local":true}}]"#
        let answer = try pathway(#"{"hukou":{"local":false},"married":true}"#, "family_reunion", family: spouse, asOf: "2017-09-01")
        #expect(answer["result"]?.stringValue == "depends_on_local_rules")
        #expect(answer["decided_by"]?["who"]?.stringValue == "当地公安派出所或公安机关户籍窗口")
        let alone = try pathway(#"{"hukou":{"local":false},"local_hukou_relative":false}"#, "family_reunion", asOf: "2017-09-01")
        #expect(alone["result"]?.stringValue == "not_applicable")
    }

    @Test("（五）: in-city moves are for Tianjin hukou holders with a home of their own, not for migrants")
    func inCityMove() throws {
        #expect(try pathway(#"{"hukou":{"local":true},"housing":{"type":"owned"}}"#, "in_city_move")["result"]?.stringValue == "eligible")
        // A migrant is not concerned by a rule for Tianjin hukou holders: not applicable, not a refusal.
        #expect(try pathway(#"{"hukou":{"local":false},"housing":{"type":"owned"}}"#, "in_city_move")["result"]?.stringValue == "not_applicable")
    }

    // MARK: - Entitlements: medical （十六）

    let permitHolder = #"{"hukou":{"local":false},"residence_permit":{"held":true},"employment":{"type":"employee","in_city":true}}"#

    @Test("（十六）: employees must join employee medical insurance")
    func medicalEmployee() throws {
        #expect(try entitlement(permitHolder, "tianjin.medical.employee_scheme") == "must_join")
        // The choice is for the self-employed and flexible workers: not applicable to an employee.
        #expect(try entitlement(permitHolder, "tianjin.medical.choose_scheme") == "not_applicable")
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
            #expect(try entitlement(applicant, "tianjin.medical.employee_scheme") == "not_applicable", "\(type)")
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
        // A 4-year-old is not concerned by compulsory education: not applicable (review finding 7).
        #expect(try entitlement(parent, family: children, person: 2, "tianjin.schooling.compulsory") == "not_applicable")
        #expect(try entitlement(parent, family: children, person: 2, "tianjin.schooling.preschool") == "provisional")
        // Without insurance payments in Tianjin the application material of 第四条（四） is missing.
        let uninsured = parent.replacingOccurrences(of: #""months":24"#, with: #""months":0"#)
        #expect(try entitlement(uninsured, family: children, person: 1, "tianjin.schooling.compulsory") == "not_entitled")
        // General 中考/高考 only after the family settles (细则 第十条、第十二条); an 8-year-old is not
        // yet concerned, a 14-year-old is refused.
        #expect(try entitlement(parent, family: children, person: 1, "tianjin.schooling.general_exams.permit") == "not_applicable")
        let teen = #"[{"relation":"child","birth_date":"2004-01-01","lives_with_applicant":true}]"#
        #expect(try entitlement(parent, family: teen, person: 1, "tianjin.schooling.general_exams.permit") == "not_entitled")
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
