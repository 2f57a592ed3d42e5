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

/// Synthetic but plausible applicants (migrant workers, graduates, families) as request
/// JSON, for tests, benchmarks and rule-change simulations. Not real people.
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
        let months = Int.random(in: (range.lowerBound * 12)...(range.upperBound * 12), using: &random)
        return (asOf.adding(months: -months) ?? asOf).description
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func next() -> JSONValue {
        var applicant = JSONObjectBuilder()
        applicant.set("birth_date", date(yearsAgo: 18...58))
        var hukou = JSONObjectBuilder()
        hukou.set("local", false)
        hukou.set("former_type", chance(70) ? "rural" : "urban")
        applicant.set("hukou", hukou.value)
        let permit = chance(65)
        var permitObject = JSONObjectBuilder()
        permitObject.set("held", permit)
        if permit { permitObject.set("issued", date(yearsAgo: 0...8)) }
        applicant.set("residence_permit", permitObject.value)
        var residence = JSONObjectBuilder()
        residence.set("since", date(yearsAgo: 0...15))
        if !districts.isEmpty, let district = pick(districts.map { ($0, 1) }) { residence.set("district", district) }
        residence.set("area_type", pick([("urban_district", 60), ("county_city_area", 15), ("county_seat_town", 15), ("established_town", 10)]) ?? "urban_district")
        applicant.set("residence", residence.value)
        var housing = JSONObjectBuilder()
        housing.set("type", pick([("rental", 55), ("owned", 15), ("employer_dormitory", 20), ("none", 10)]) ?? "rental")
        housing.set("no_home_certificate", chance(60))
        applicant.set("housing", housing.value)
        var employment = JSONObjectBuilder()
        let type = pick([("employee", 60), ("individual_business_no_employees", 10), ("individual_business_with_employees", 4),
                         ("freelancer", 6), ("flexible", 10), ("unemployed", 7), ("student", 3)]) ?? "employee"
        employment.set("type", type)
        employment.set("since", date(yearsAgo: 0...12))
        employment.set("labor_contract", type == "employee" && chance(85))
        employment.set("business_licence", type.hasPrefix("individual_business") && chance(90))
        employment.set("in_city", chance(90))
        applicant.set("employment", employment.value)
        var insurance = JSONObjectBuilder()
        insurance.set("months", Int.random(in: 0...120, using: &random))
        insurance.set("paying", chance(80))
        applicant.set("social_insurance", insurance.value)
        var education = JSONObjectBuilder()
        education.set("level", pick([("junior_high", 30), ("senior_high", 15), ("secondary_vocational", 15), ("junior_college", 15),
                                     ("higher_vocational", 5), ("bachelor", 15), ("master", 4), ("doctorate", 1)]) ?? "junior_high")
        education.set("overseas", chance(2))
        applicant.set("education", education.value)
        var skill = JSONObjectBuilder()
        skill.set("level", pick([("none", 60), ("junior_worker", 15), ("intermediate_worker", 12), ("senior_worker", 8), ("technician", 4), ("senior_technician", 1)]) ?? "none")
        skill.set("title", pick([("none", 85), ("junior", 8), ("intermediate", 5), ("senior", 2)]) ?? "none")
        applicant.set("skill", skill.value)
        applicant.set("entered_city_by", pick([("other", 85), ("school_admission", 10), ("military_service", 5)]) ?? "other")
        applicant.set("whole_family_move", chance(30))
        applicant.set("local_hukou_relative", chance(15))
        if !districts.isEmpty, let district = pick(districts.map { ($0, 1) }) { applicant.set("intended_district", district) }
        var fund = JSONObjectBuilder()
        let depositing = chance(45)
        fund.set("depositing", depositing)
        fund.set("consecutive_full_months", depositing ? Int.random(in: 0...60, using: &random) : 0)
        applicant.set("housing_fund", fund.value)
        var record = JSONObjectBuilder()
        record.set("violations", chance(5) ? 1 : 0)
        record.set("false_information", false)
        record.set("criminal_conviction", chance(1))
        applicant.set("points_record", record.value)

        var family: [JSONValue] = []
        if chance(65) {
            var spouse = JSONObjectBuilder()
            spouse.set("relation", "spouse")
            spouse.set("birth_date", date(yearsAgo: 20...58))
            spouse.set("lives_with_applicant", chance(85))
            family.append(spouse.value)
            for _ in 0..<(Int.random(in: 0...2, using: &random)) {
                var child = JSONObjectBuilder()
                child.set("relation", "child")
                child.set("birth_date", date(yearsAgo: 0...17))
                child.set("lives_with_applicant", chance(80))
                var school = JSONObjectBuilder()
                school.set("in_city", chance(70))
                school.set("local_junior_high_registration", chance(40))
                child.set("school", school.value)
                family.append(child.value)
            }
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
