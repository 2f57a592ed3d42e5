/// What a request tells about one person: the applicant or a family member.
///
/// Every field is optional: a rule that needs a missing one answers "unknown" and names
/// it. Field names are those of the request JSON (docs/requests.md).
public struct Person: Sendable {
    // Identity and family
    public var birthDate: CivilDate?
    public var relation: String?
    public var livesWithApplicant: Bool?
    public var married: Bool?
    public var hasIncome: Bool?
    /// Request field "gender", "male" / "female": the statutory retirement age depends on it (国发〔1978〕104号).
    public var sex: String?
    /// A cadre (干部) rather than a worker (工人): women's statutory retirement age 55, not 50.
    public var cadre: Bool?
    /// The employer has a collective hukou (集体户): a hukou address when one has no home (Fujian （四）).
    public var employerCollectiveHukou: Bool?
    /// Who the relative holding local hukou is (亲属投靠: the rules differ by relation).
    public var localHukouRelativeRelation: String?
    // Hukou and status
    public var hukouLocal: Bool?
    public var hukouFormerType: String?
    public var status: String?
    public var permitHeld: Bool?
    public var permitIssued: CivilDate?
    // Residence, housing
    public var residenceSince: CivilDate?
    public var district: String?
    public var areaType: String?
    public var housingType: String?
    public var housingSince: CivilDate?
    // Work, insurance
    public var employmentType: String?
    public var employmentSince: CivilDate?
    public var laborContract: Bool?
    public var businessLicence: Bool?
    public var employedLocally: Bool?
    public var socialInsuranceMonths: Int?
    public var socialInsurancePaying: Bool?
    public var socialInsuranceContinuous: Bool?
    // Education, skills
    public var educationLevel: String?
    public var educationOverseas: Bool?
    public var overseasCertified: Bool?
    public var skillLevel: String?
    public var skillCertifiedAtWorkplace: Bool?
    public var titleLevel: String?
    public var collegeEnrolledLocally: Bool?
    public var ruralOrigin: Bool?
    public var schoolStage: String?
    public var schoolLocal: Bool?
    public var schoolFullTime: Bool?
    public var localJuniorHighRegistration: Bool?
    // Pathway-specific facts
    public var enteredBy: String?
    public var introducedTalent: Bool?
    public var investor: Bool?
    public var outstandingContribution: Bool?
    public var wholeFamilyMove: Bool?
    /// Exists so that a pack conditioning settlement on giving up the "三权" is expressible,
    /// and caught by lint (国办发〔2016〕72号 task 20 forbids it).
    public var ruralRightsGivenUp: Bool?
    public var intendedDistrict: String?
    /// A relative (spouse, child, parent, grandparent, sibling) holds local hukou: 亲属投靠.
    /// Given as "local_hukou_relative", or derived from a family member with local hukou.
    public var localHukouRelative: Bool?
    // Housing provident fund
    public var fundDepositing: Bool?
    public var fundConsecutiveFullMonths: Int?
    public var ownsHomeInCity: Bool?
    public var noHomeCertificate: Bool?
    // Documents
    public var foreignPermanentResidence: Bool?
    public var hkMacaoTaiwanPermit: Bool?
    public var policeProof: Bool?
    public var floatingPopulationRegistration: Bool?
    public var permitReceipt: Bool?
    // Points record
    public var occupationShortage: String?
    public var awardLevel: String?
    public var violations: Int?
    public var falseInformation: Bool?
    public var criminalConviction: Bool?

    public init() {}
}

extension Person {
    /// Upper bound of month counts in a request (100 years).
    static let maxMonths = 1200

    /// Reads a person object. `isFamilyMember` allows (and expects) the family fields.
    static func read(_ value: JSONValue, path: String, isFamilyMember: Bool) throws(HukouError) -> Person {
        var reader = try ObjectReader(value, path: path)
        var person = Person()
        person.birthDate = try reader.date("birth_date")
        if isFamilyMember {
            person.relation = try reader.choice("relation", Vocabulary.relation)
            person.livesWithApplicant = try reader.bool("lives_with_applicant")
        }
        person.married = try reader.bool("married")
        person.hasIncome = try reader.bool("has_income")
        person.sex = try reader.choice("gender", Vocabulary.sex)
        person.status = try reader.choice("status", Vocabulary.status)
        if var hukou = try reader.object("hukou") {
            person.hukouLocal = try hukou.bool("local")
            person.hukouFormerType = try hukou.choice("former_type", Vocabulary.hukouType)
            try hukou.finish()
        }
        if var permit = try reader.object("residence_permit") {
            person.permitHeld = try permit.bool("held")
            person.permitIssued = try permit.date("issued")
            try permit.finish()
        }
        if var residence = try reader.object("residence") {
            person.residenceSince = try residence.date("since")
            person.district = try residence.string("district")
            person.areaType = try residence.choice("area_type", Vocabulary.areaType)
            try residence.finish()
        }
        if var housing = try reader.object("housing") {
            person.housingType = try housing.choice("type", Vocabulary.housingType)
            person.housingSince = try housing.date("since")
            person.ownsHomeInCity = try housing.bool("owns_home_in_city")
            person.noHomeCertificate = try housing.bool("no_home_certificate")
            try housing.finish()
        }
        if var work = try reader.object("employment") {
            person.employmentType = try work.choice("type", Vocabulary.employmentType)
            person.employmentSince = try work.date("since")
            person.laborContract = try work.bool("labor_contract")
            person.businessLicence = try work.bool("business_licence")
            person.employedLocally = try work.bool("in_city")
            person.cadre = try work.bool("cadre")
            person.employerCollectiveHukou = try work.bool("employer_collective_hukou")
            try work.finish()
        }
        if var insurance = try reader.object("social_insurance") {
            person.socialInsuranceMonths = try insurance.integer("months", in: 0...maxMonths)
            person.socialInsurancePaying = try insurance.bool("paying")
            person.socialInsuranceContinuous = try insurance.bool("continuous")
            try insurance.finish()
        }
        if var education = try reader.object("education") {
            person.educationLevel = try education.choice("level", Vocabulary.educationLevel)
            person.educationOverseas = try education.bool("overseas")
            person.overseasCertified = try education.bool("overseas_certified")
            try education.finish()
        }
        if var skill = try reader.object("skill") {
            person.skillLevel = try skill.choice("level", Vocabulary.skillLevel)
            person.skillCertifiedAtWorkplace = try skill.bool("certified_at_workplace")
            person.titleLevel = try skill.choice("title", Vocabulary.titleLevel)
            try skill.finish()
        }
        if var school = try reader.object("school") {
            person.schoolStage = try school.choice("stage", Vocabulary.schoolStage)
            person.schoolLocal = try school.bool("in_city")
            person.schoolFullTime = try school.bool("full_time")
            person.localJuniorHighRegistration = try school.bool("local_junior_high_registration")
            person.collegeEnrolledLocally = try school.bool("college_in_city")
            person.ruralOrigin = try school.bool("rural_origin")
            try school.finish()
        }
        person.enteredBy = try reader.choice("entered_city_by", Vocabulary.enteredBy)
        if var recognized = try reader.object("recognized") {
            person.introducedTalent = try recognized.bool("introduced_talent")
            person.investor = try recognized.bool("investor")
            person.outstandingContribution = try recognized.bool("outstanding_contribution")
            try recognized.finish()
        }
        person.wholeFamilyMove = try reader.bool("whole_family_move")
        person.ruralRightsGivenUp = try reader.bool("rural_rights_given_up")
        if !isFamilyMember {
            person.localHukouRelative = try reader.bool("local_hukou_relative")
            person.localHukouRelativeRelation = try reader.choice("local_hukou_relative_relation", Vocabulary.relation)
        }
        person.intendedDistrict = try reader.string("intended_district")
        if var fund = try reader.object("housing_fund") {
            person.fundDepositing = try fund.bool("depositing")
            person.fundConsecutiveFullMonths = try fund.integer("consecutive_full_months", in: 0...maxMonths)
            try fund.finish()
        }
        if var documents = try reader.object("documents") {
            person.foreignPermanentResidence = try documents.bool("foreign_permanent_residence")
            person.hkMacaoTaiwanPermit = try documents.bool("hk_macao_taiwan_permit")
            person.policeProof = try documents.bool("police_proof")
            person.floatingPopulationRegistration = try documents.bool("floating_population_registration")
            person.permitReceipt = try documents.bool("permit_receipt")
            try documents.finish()
        }
        if var record = try reader.object("points_record") {
            person.occupationShortage = try record.choice("occupation_shortage", Vocabulary.occupationShortage)
            person.awardLevel = try record.choice("award", Vocabulary.awardLevel)
            person.violations = try record.integer("violations", in: 0...100)
            person.falseInformation = try record.bool("false_information")
            person.criminalConviction = try record.bool("criminal_conviction")
            try record.finish()
        }
        try reader.finish()
        return person
    }
}
