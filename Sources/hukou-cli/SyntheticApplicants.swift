import HukouRules

/// Deterministic pseudo-random numbers (SplitMix64), so a seed reproduces a population.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Synthetic but plausible applicants (migrant workers, students, graduates, families) as
/// request JSON, for tests, benchmarks and rule-change simulations. Not real people.
///
/// Every fact some pack reads is set (docs/generate.md lists them with the distributions);
/// facts are drawn jointly where they depend on each other: age → studying, marriage,
/// children's ages and school stages; former hukou type → education and rural origin;
/// employment → labor contract, social insurance, housing fund; housing type → own home and
/// no-home certificate; permit → status.
struct SyntheticApplicants {
    var random: SplitMix64
    let jurisdiction: String
    let city: String?
    let asOf: CivilDate
    let districts: [String]

    mutating func pick<T>(_ choices: [(T, Int)]) -> T? {
        let total = choices.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        var roll = Int.random(in: 0..<total, using: &random)
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices.last?.0
    }

    mutating func date(yearsAgo range: ClosedRange<Int>) -> String {
        date(monthsAgo: (range.lowerBound * 12)...(range.upperBound * 12))
    }

    mutating func date(monthsAgo range: ClosedRange<Int>) -> String {
        let months = Int.random(in: range, using: &random)
        return (asOf.adding(months: -months) ?? asOf).description
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func next() -> JSONValue {
        var applicant = JSONObjectBuilder()
        let age = int(18...58)
        applicant.set("birth_date", date(monthsAgo: (age * 12)...(age * 12 + 11)))
        let male = chance(52)
        applicant.set("gender", male ? "male" : "female")
        let rural = chance(70)
        // 18–24-year-olds: about a third full-time college students, admitted mostly in this city.
        let student = age <= 24 && chance(35)
        let married = !student && chance(age < 25 ? 20 : age < 30 ? 55 : 85)
        applicant.set("married", married)
        var hukou = JSONObjectBuilder()
        hukou.set("local", false)
        hukou.set("former_type", rural ? "rural" : "urban")
        applicant.set("hukou", hukou.value)
        let permit = !student && chance(65) || student && chance(20)
        applicant.set("status", permit ? "residence_permit" : "none")
        var permitObject = JSONObjectBuilder()
        permitObject.set("held", permit)
        if permit { permitObject.set("issued", date(yearsAgo: 0...8)) }
        applicant.set("residence_permit", permitObject.value)
        let residenceMonths = student ? int(0...min(72, (age - 17) * 12)) : int(0...min(180, (age - 16) * 12))
        var residence = JSONObjectBuilder()
        residence.set("since", date(monthsAgo: residenceMonths...residenceMonths))
        if !districts.isEmpty, let district = pick(districts.map { ($0, 1) }) { residence.set("district", district) }
        residence.set("area_type", pick([("urban_district", 60), ("county_city_area", 15), ("county_seat_town", 15), ("established_town", 10)]) ?? "urban_district")
        applicant.set("residence", residence.value)

        // Education: lower on average for rural-origin applicants; students have finished senior high.
        let level: String
        if student {
            level = "senior_high"
        } else if rural {
            level = pick([("primary", 4), ("junior_high", 36), ("senior_high", 15), ("secondary_vocational", 16), ("junior_college", 13),
                          ("higher_vocational", 5), ("bachelor", 9), ("master", 2)]) ?? "junior_high"
        } else {
            level = pick([("junior_high", 14), ("senior_high", 15), ("secondary_vocational", 11), ("junior_college", 18),
                          ("higher_vocational", 5), ("bachelor", 26), ("master", 8), ("doctorate", 3)]) ?? "bachelor"
        }
        let graduate = ["junior_college", "higher_vocational", "bachelor", "master", "doctorate"].contains(level)
        let degree = ["bachelor", "master", "doctorate"].contains(level)
        var education = JSONObjectBuilder()
        education.set("level", level)
        let overseas = degree && chance(8)
        education.set("overseas", overseas)
        education.set("overseas_certified", overseas && chance(80))
        applicant.set("education", education.value)

        var employment = JSONObjectBuilder()
        let type = student ? "student" : pick([("employee", 60), ("individual_business_no_employees", 10), ("individual_business_with_employees", 4),
                                                ("freelancer", 6), ("flexible", 10), ("part_time", 3), ("unemployed", 7)]) ?? "employee"
        employment.set("type", type)
        let working = !["unemployed", "student"].contains(type)
        let employmentMonths = int(0...min(144, residenceMonths))
        employment.set("since", date(monthsAgo: employmentMonths...employmentMonths))
        let contract = type == "employee" && chance(85)
        employment.set("labor_contract", contract)
        employment.set("business_licence", type.hasPrefix("individual_business") && chance(90))
        employment.set("in_city", student || chance(90))
        // Cadre (干部) status: mostly graduates employed in offices and institutions.
        employment.set("cadre", type == "employee" && chance(graduate ? 30 : 3))
        employment.set("employer_collective_hukou", type == "employee" && chance(25))
        applicant.set("employment", employment.value)
        applicant.set("has_income", working)

        // Social insurance follows the job: employees under contract pay through the employer.
        var insurance = JSONObjectBuilder()
        let paying = contract ? chance(95) : working ? chance(45) : false
        let months = paying ? min(120, employmentMonths + int(0...36)) : int(0...min(60, max(0, (age - 18) * 12)))
        insurance.set("months", months)
        insurance.set("paying", paying)
        insurance.set("continuous", paying && chance(80))
        applicant.set("social_insurance", insurance.value)

        var skill = JSONObjectBuilder()
        let skillLevel = student ? "none" : pick([("none", 60), ("junior_worker", 15), ("intermediate_worker", 12), ("senior_worker", 8),
                                                  ("technician", 4), ("senior_technician", 1)]) ?? "none"
        skill.set("level", skillLevel)
        skill.set("certified_at_workplace", skillLevel != "none" && chance(70))
        skill.set("title", graduate && !student ? pick([("none", 60), ("junior", 22), ("intermediate", 13), ("senior", 5)]) ?? "none" : "none")
        applicant.set("skill", skill.value)

        var school = JSONObjectBuilder()
        school.set("stage", student ? "college" : graduate ? "graduated" : "not_in_school")
        school.set("in_city", student)
        school.set("full_time", student)
        school.set("college_in_city", student && chance(85))
        school.set("rural_origin", rural)
        applicant.set("school", school.value)
        applicant.set("entered_city_by", student ? "school_admission" : pick([("other", 88), ("school_admission", 7), ("military_service", 5)]) ?? "other")

        var recognized = JSONObjectBuilder()
        recognized.set("introduced_talent", chance(level == "master" || level == "doctorate" ? 30 : degree ? 5 : 1))
        recognized.set("investor", chance(type == "individual_business_with_employees" ? 15 : 1))
        recognized.set("outstanding_contribution", chance(1))
        applicant.set("recognized", recognized.value)

        // Housing: owning a home grows with age and education; the no-home certificate only without one.
        var housing = JSONObjectBuilder()
        let owns = !student && chance((age >= 30 ? 18 : 6) + (degree ? 10 : 0))
        let housingType = owns ? "owned" : student ? pick([("employer_dormitory", 70), ("rental", 25), ("relative", 5)]) ?? "rental"
            : pick([("rental", 62), ("employer_dormitory", 22), ("relative", 6), ("none", 10)]) ?? "rental"
        housing.set("type", housingType)
        let housingMonths = int(0...max(0, residenceMonths))
        housing.set("since", date(monthsAgo: housingMonths...housingMonths))
        housing.set("owns_home_in_city", owns)
        housing.set("no_home_certificate", !owns && chance(60))
        applicant.set("housing", housing.value)

        let hasFamily = married
        applicant.set("whole_family_move", hasFamily && chance(35))
        let relative = chance(married ? 18 : 10)
        applicant.set("local_hukou_relative", relative)
        if relative {
            applicant.set("local_hukou_relative_relation", pick(married ? [("spouse", 45), ("parent", 25), ("child", 5), ("sibling", 15), ("other", 10)]
                                                                        : [("parent", 45), ("sibling", 30), ("grandparent", 5), ("other", 20)]) ?? "other")
        }
        applicant.set("rural_rights_given_up", rural && chance(5))
        if !districts.isEmpty, let district = pick(districts.map { ($0, 1) }) { applicant.set("intended_district", district) }
        var fund = JSONObjectBuilder()
        let depositing = contract ? chance(70) : working ? chance(10) : false
        fund.set("depositing", depositing)
        fund.set("consecutive_full_months", depositing ? int(0...min(60, employmentMonths)) : 0)
        applicant.set("housing_fund", fund.value)
        var documents = JSONObjectBuilder()
        documents.set("foreign_permanent_residence", chance(1) && chance(30))
        documents.set("hk_macao_taiwan_permit", chance(1))
        documents.set("police_proof", chance(5))
        documents.set("floating_population_registration", permit || chance(60))
        documents.set("permit_receipt", !permit && chance(20))
        applicant.set("documents", documents.value)
        var record = JSONObjectBuilder()
        let skilled = ["senior_worker", "technician", "senior_technician"].contains(skillLevel)
        record.set("occupation_shortage", pick(skilled ? [("none", 55), ("general", 25), ("short", 14), ("very_short", 6)]
                                                       : [("none", 85), ("general", 10), ("short", 4), ("very_short", 1)]) ?? "none")
        record.set("award", pick([("none", 97), ("provincial", 2), ("national", 1)]) ?? "none")
        record.set("violations", chance(5) ? 1 : 0)
        record.set("false_information", false)
        record.set("criminal_conviction", chance(1))
        applicant.set("points_record", record.value)

        var family: [JSONValue] = []
        if married {
            var spouse = JSONObjectBuilder()
            spouse.set("relation", "spouse")
            spouse.set("gender", male ? "female" : "male")
            let spouseAge = max(18, min(70, age + int(-5...5)))
            spouse.set("birth_date", date(monthsAgo: (spouseAge * 12)...(spouseAge * 12 + 11)))
            spouse.set("married", true)
            spouse.set("has_income", chance(75))
            spouse.set("lives_with_applicant", chance(85))
            family.append(spouse.value)
            // Children: none to two, born when the younger parent was 20 or older.
            let oldest = min(17, min(age, spouseAge) - 20)
            if oldest >= 0 {
                for _ in 0..<(int(0...2)) { family.append(child(maxAge: oldest, rural: rural)) }
            }
        }
        if age >= 30, chance(10) {
            var parent = JSONObjectBuilder()
            parent.set("relation", "parent")
            parent.set("gender", chance(50) ? "male" : "female")
            let parentAge = min(95, age + int(20...35))
            parent.set("birth_date", date(monthsAgo: (parentAge * 12)...(parentAge * 12 + 11)))
            parent.set("married", chance(80))
            parent.set("has_income", chance(parentAge < 60 ? 60 : 20))
            parent.set("lives_with_applicant", chance(50))
            family.append(parent.value)
        }
        var request = JSONObjectBuilder()
        request.set("jurisdiction", jurisdiction)
        if let city { request.set("city", city) }
        request.set("as_of", asOf.description)
        request.set("locale", "zh-CN")
        request.set("applicant", applicant.value)
        request.set("family", .array(family))
        return request.value
    }

    /// A child up to `maxAge`, in the school stage of the age (some six-year-olds still in
    /// kindergarten, some 15–17-year-olds in vocational school or out of school).
    private mutating func child(maxAge: Int, rural: Bool) -> JSONValue {
        var child = JSONObjectBuilder()
        child.set("relation", "child")
        child.set("gender", chance(52) ? "male" : "female")
        let age = int(0...maxAge)
        child.set("birth_date", date(monthsAgo: (age * 12)...(age * 12 + 11)))
        child.set("married", false)
        child.set("has_income", false)
        let together = chance(80)
        child.set("lives_with_applicant", together)
        let stage: String
        switch age {
        case ..<3: stage = chance(30) ? "nursery" : "not_in_school"
        case 3...5: stage = chance(85) ? "kindergarten" : "not_in_school"
        case 6: stage = chance(80) ? "primary" : "kindergarten"
        case 7...11: stage = "primary"
        case 12...14: stage = "junior_high"
        default: stage = pick([("senior_high", 60), ("secondary_vocational", 25), ("not_in_school", 15)]) ?? "senior_high"
        }
        var school = JSONObjectBuilder()
        school.set("stage", stage)
        let inCity = stage != "not_in_school" && chance(together ? 75 : 10)
        school.set("in_city", inCity)
        school.set("full_time", stage != "not_in_school")
        school.set("local_junior_high_registration", inCity && age >= 12 && chance(60))
        school.set("college_in_city", false)
        school.set("rural_origin", rural)
        child.set("school", school.value)
        return child.value
    }
}

import ArgumentParser

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write synthetic, plausible applicants as JSONL requests (for tests and simulations).")
    @Option(help: "How many applicants.") var count = 1000
    @Option(help: "The jurisdiction of every request.") var jurisdiction = "anyang"
    @Option(help: "For province-wide packs: the city.") var city: String?
    @Option(help: "As-of date of every request.") var date = "2026-11-25"
    @Option(help: "Random seed (the same seed gives the same population).") var seed: UInt64 = 1
    @OptionGroup var engineOptions: EngineOptions

    func validate() throws { try OptionChecks.date(date) }

    func run() throws {
        guard let asOf = CivilDate(iso: date) else { throw ValidationError("--date must be an existing date YYYY-MM-DD") }
        let engine = try engineOptions.makeEngine()
        try OptionChecks.jurisdiction(jurisdiction, in: engine)
        let districts = (try? engine.registry.pack(jurisdiction, on: asOf))?.districts.names ?? []
        var generator = SyntheticApplicants(random: SplitMix64(seed: seed), jurisdiction: jurisdiction, city: city, asOf: asOf, districts: districts)
        var output = OutputBuffer()
        for _ in 0..<max(0, count) {
            output.write(JSONWriter.serialize(generator.next()))
            output.write([0x0A])
        }
        output.flush()
    }
}
