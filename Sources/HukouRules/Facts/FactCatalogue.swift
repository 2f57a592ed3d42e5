/// One fact a condition can test: its name, type, label, how it is read from a
/// ``Person`` on a date, and, for facts that grow with time, when it reaches a value.
public struct FactDefinition: Sendable {
    public let name: String
    public let type: FactType
    public let label: LocalizedText
    /// The request field(s) to ask for when the fact is unknown.
    public let askFor: String
    let read: @Sendable (Person, CivilDate) -> FactValue?
    /// For accruing facts: the date on which the value reaches `target` if the person
    /// simply goes on (keeps living, paying, depositing), or nil if it never will.
    let reaches: (@Sendable (Person, CivilDate, Int) -> CivilDate?)?
}

/// Every fact the condition language knows. This is the applicant model, not a rule:
/// no jurisdiction's numbers live here.
public enum FactCatalogue {
    public static func definition(_ name: String) -> FactDefinition? {
        byName[name]
    }

    public static var names: [String] { all.map(\.name) }

    /// What to call a request field when asking for it ("出生日期" for birth_date, else the
    /// label of the first fact read from it); the field itself when no fact reads it.
    public static func askLabel(_ field: String) -> LocalizedText {
        if field == "birth_date" { return LocalizedText(zh: "出生日期", en: "date of birth") }
        return labelByAskField[field] ?? LocalizedText(zh: field, en: field)
    }

    private static let labelByAskField: [String: LocalizedText] = {
        var table: [String: LocalizedText] = [:]
        for fact in all where table[fact.askFor] == nil { table[fact.askFor] = fact.label }
        return table
    }()

    private static let byName: [String: FactDefinition] = {
        var table: [String: FactDefinition] = [:]
        for fact in all { table[fact.name] = fact }
        return table
    }()

    // MARK: - Builders

    private static func flag(_ name: String, _ zh: String, _ en: String, ask: String,
                             _ read: @escaping @Sendable (Person) -> Bool?) -> FactDefinition {
        FactDefinition(name: name, type: .bool, label: LocalizedText(zh: zh, en: en), askFor: ask,
                       read: { person, _ in read(person).map(FactValue.bool) }, reaches: nil)
    }

    private static func choice(_ name: String, _ zh: String, _ en: String, ask: String, _ values: [String],
                               ranks: [Int]? = nil, _ read: @escaping @Sendable (Person) -> String?) -> FactDefinition {
        FactDefinition(name: name, type: .enumeration(values: values, ranks: ranks), label: LocalizedText(zh: zh, en: en),
                       askFor: ask, read: { person, _ in read(person).map(FactValue.enumeration) }, reaches: nil)
    }

    private static func ordered(_ values: [String]) -> [Int] { Array(values.indices) }

    /// Whole months from a "since" date to the as-of date; accrues one a month.
    private static func monthsSince(_ name: String, _ zh: String, _ en: String, ask: String,
                                    _ since: @escaping @Sendable (Person) -> CivilDate?) -> FactDefinition {
        FactDefinition(
            name: name, type: .integer(unit: .months), label: LocalizedText(zh: zh, en: en), askFor: ask,
            read: { person, asOf in since(person).map { .integer(asOf.wholeMonths(since: $0)) } },
            reaches: { person, _, target in since(person)?.adding(months: target) })
    }

    /// A month counter given in the request that grows by one a month while `going`.
    private static func counter(_ name: String, _ zh: String, _ en: String, ask: String,
                                _ value: @escaping @Sendable (Person) -> Int?,
                                going: @escaping @Sendable (Person) -> Bool?) -> FactDefinition {
        FactDefinition(
            name: name, type: .integer(unit: .months), label: LocalizedText(zh: zh, en: en), askFor: ask,
            read: { person, _ in value(person).map(FactValue.integer) },
            reaches: { person, asOf, target in
                guard let current = value(person), going(person) ?? true else { return nil }
                return asOf.adding(months: max(0, target - current))
            })
    }

    // MARK: - The catalogue

    static let all: [FactDefinition] = [
        FactDefinition(
            name: "age", type: .integer(unit: .years), label: LocalizedText(zh: "年龄", en: "age"), askFor: "birth_date",
            read: { person, asOf in person.birthDate.map { .integer(asOf.wholeYears(since: $0)) } },
            reaches: { person, _, target in person.birthDate?.adding(months: target * 12) }),
        FactDefinition(
            name: "birth_year", type: .integer(unit: .count), label: LocalizedText(zh: "出生年份", en: "year of birth"), askFor: "birth_date",
            read: { person, _ in person.birthDate.map { .integer($0.year) } }, reaches: nil),
        choice("relation", "与申请人关系", "relation to the applicant", ask: "relation", Vocabulary.relation) { $0.relation },
        flag("lives_with_applicant", "与申请人共同居住生活", "lives together with the applicant", ask: "lives_with_applicant") { $0.livesWithApplicant },
        flag("married", "已婚", "married", ask: "married") { $0.married },
        flag("has_income", "有收入", "has an income", ask: "has_income") { $0.hasIncome },
        choice("gender", "性别", "sex (gender)", ask: "gender", Vocabulary.sex) { $0.sex },
        flag("employment.employer_collective_hukou", "就业单位设有集体户", "the employer has a collective hukou", ask: "employment.employer_collective_hukou") { $0.employerCollectiveHukou },
        flag("employment.cadre", "干部（非工人）身份", "a cadre (not a worker)", ask: "employment.cadre") { $0.cadre },
        flag("hukou.local", "本地户籍", "local hukou", ask: "hukou.local") { $0.hukouLocal },
        choice("hukou.former_type", "原户口性质", "former hukou type", ask: "hukou.former_type", Vocabulary.hukouType) { $0.hukouFormerType },
        choice("status", "身份", "status", ask: "status", Vocabulary.status) { $0.effectiveStatus },
        flag("residence_permit.held", "持有居住证", "holds a residence permit", ask: "residence_permit.held") { $0.permitHeld },
        monthsSince("residence_permit.months", "持居住证月数", "months holding the residence permit", ask: "residence_permit.issued") { $0.permitIssued },
        monthsSince("residence.months", "在本市连续居住月数", "months of continuous residence in the city", ask: "residence.since") { $0.residenceSince },
        FactDefinition(
            name: "residence.district", type: .text, label: LocalizedText(zh: "居住区县", en: "district or county of residence"),
            askFor: "residence.district", read: { person, _ in person.district.map(FactValue.text) }, reaches: nil),
        choice("residence.area_type", "居住地类型", "kind of place of residence", ask: "residence.area_type", Vocabulary.areaType) { $0.areaType },
        choice("housing.type", "住所类型", "kind of housing", ask: "housing.type", Vocabulary.housingType) { $0.housingType },
        monthsSince("housing.months", "现住所居住月数", "months in the current home", ask: "housing.since") { $0.housingSince },
        flag("housing.owns_home_in_city", "在本市有自有住房", "owns a home in the city", ask: "housing.owns_home_in_city") { $0.ownsHomeInCity },
        flag("housing.no_home_certificate", "持有无房证明", "holds a no-home certificate (无房证明)", ask: "housing.no_home_certificate") { $0.noHomeCertificate },
        choice("employment.type", "就业类型", "kind of employment", ask: "employment.type", Vocabulary.employmentType) { $0.employmentType },
        monthsSince("employment.months", "在本市就业月数", "months employed in the city", ask: "employment.since") { $0.employmentSince },
        flag("employment.labor_contract", "签订劳动合同", "has a labor contract", ask: "employment.labor_contract") { $0.laborContract },
        flag("employment.business_licence", "持有营业执照", "holds a business licence", ask: "employment.business_licence") { $0.businessLicence },
        flag("employment.in_city", "在本市就业", "employed in the city", ask: "employment.in_city") { $0.employedLocally },
        counter("social_insurance.months", "城镇社会保险缴纳月数", "months of urban social insurance paid", ask: "social_insurance.months",
                { $0.socialInsuranceMonths }, going: { $0.socialInsurancePaying }),
        flag("social_insurance.paying", "正在缴纳社会保险", "currently paying social insurance", ask: "social_insurance.paying") { $0.socialInsurancePaying },
        flag("social_insurance.continuous", "社会保险连续缴纳", "social insurance paid without a break", ask: "social_insurance.continuous") { $0.socialInsuranceContinuous },
        choice("education.level", "学历", "education level", ask: "education.level", Vocabulary.educationLevel,
               ranks: Vocabulary.educationRank) { $0.educationLevel },
        flag("education.overseas", "留学回国人员", "returned overseas student", ask: "education.overseas") { $0.educationOverseas },
        flag("education.overseas_certified", "国外学历学位经中国留学服务中心认证", "overseas degree certified by the China Service Center for Scholarly Exchange",
             ask: "education.overseas_certified") { $0.overseasCertified },
        choice("skill.level", "职业技能等级", "vocational skill level", ask: "skill.level", Vocabulary.skillLevel,
               ranks: ordered(Vocabulary.skillLevel)) { $0.skillLevel },
        flag("skill.certified_at_workplace", "技能资质经就业地认定", "skill certificate recognised at the place of work", ask: "skill.certified_at_workplace") { $0.skillCertifiedAtWorkplace },
        choice("skill.title", "专业技术职称", "professional title", ask: "skill.title", Vocabulary.titleLevel,
               ranks: ordered(Vocabulary.titleLevel)) { $0.titleLevel },
        FactDefinition(
            name: "school.age_stage", type: .enumeration(values: Vocabulary.ageStage, ranks: Array(Vocabulary.ageStage.indices)),
            label: LocalizedText(zh: "学段（按就读学段，未填写则按年龄）", en: "school stage (as enrolled, else by age)"), askFor: "birth_date",
            read: { person, asOf in
                let age = person.birthDate.map { asOf.wholeYears(since: $0) }
                return Vocabulary.stage(schoolStage: person.schoolStage, age: age).map(FactValue.enumeration)
            },
            reaches: nil),
        choice("school.stage", "就学阶段", "school stage", ask: "school.stage", Vocabulary.schoolStage) { $0.schoolStage },
        flag("school.in_city", "在本市学校或托幼机构就读", "enrolled in a school or nursery in the city", ask: "school.in_city") { $0.schoolLocal },
        flag("school.full_time", "全日制在读", "full-time student", ask: "school.full_time") { $0.schoolFullTime },
        flag("school.local_junior_high_registration", "具有本市初中正式学籍", "holds a junior-high student registration (学籍) of the city",
             ask: "school.local_junior_high_registration") { $0.localJuniorHighRegistration },
        flag("school.college_in_city", "被本市高校录取或在读", "admitted to or enrolled in a college in the city", ask: "school.college_in_city") { $0.collegeEnrolledLocally },
        flag("school.rural_origin", "农村生源", "rural-origin student", ask: "school.rural_origin") { $0.ruralOrigin },
        choice("entered_city_by", "进城方式", "how the person came to the city", ask: "entered_city_by", Vocabulary.enteredBy) { $0.enteredBy },
        flag("recognized.introduced_talent", "引进人才", "introduced talent", ask: "recognized.introduced_talent") { $0.introducedTalent },
        flag("recognized.investor", "投资者", "investor", ask: "recognized.investor") { $0.investor },
        flag("recognized.outstanding_contribution", "有突出贡献人员", "person of outstanding contribution", ask: "recognized.outstanding_contribution") { $0.outstandingContribution },
        flag("rural_rights_given_up", "已放弃土地承包经营权、宅基地使用权、集体收益分配权（“三权”）",
             "has given up the rural land-contract, homestead and collective-income rights", ask: "rural_rights_given_up") { $0.ruralRightsGivenUp },
        flag("whole_family_move", "举家迁徙", "moving as a whole family", ask: "whole_family_move") { $0.wholeFamilyMove },
        flag("local_hukou_relative", "有本地户籍的亲属（可投靠）", "has a relative holding local hukou (to join)",
             ask: "local_hukou_relative") { $0.localHukouRelative },
        choice("local_hukou_relative.relation", "有本地户籍的亲属是谁（配偶、子女、父母等）", "who the relative holding local hukou is (spouse, child, parent …)",
               ask: "local_hukou_relative_relation", Vocabulary.relation) { $0.localHukouRelativeRelation },
        FactDefinition(
            name: "intended_district", type: .text, label: LocalizedText(zh: "拟落户区", en: "intended settlement district"),
            askFor: "intended_district", read: { person, _ in person.intendedDistrict.map(FactValue.text) }, reaches: nil),
        flag("housing_fund.depositing", "正在缴存住房公积金", "depositing into the housing provident fund", ask: "housing_fund.depositing") { $0.fundDepositing },
        counter("housing_fund.consecutive_full_months", "连续足额缴存住房公积金月数", "consecutive months of full housing-fund deposits",
                ask: "housing_fund.consecutive_full_months", { $0.fundConsecutiveFullMonths }, going: { $0.fundDepositing }),
        flag("documents.foreign_permanent_residence", "外国人永久居留证", "foreign permanent-residence card", ask: "documents.foreign_permanent_residence") { $0.foreignPermanentResidence },
        flag("documents.hk_macao_taiwan_permit", "港澳台居民来往内地通行证", "Hong Kong/Macao or Taiwan travel permit", ask: "documents.hk_macao_taiwan_permit") { $0.hkMacaoTaiwanPermit },
        flag("documents.police_proof", "公安机关出具的其他有效证明", "other valid proof from the police", ask: "documents.police_proof") { $0.policeProof },
        flag("documents.floating_population_registration", "流动人口登记", "floating-population registration", ask: "documents.floating_population_registration") { $0.floatingPopulationRegistration },
        flag("documents.permit_receipt", "居住证受理回执", "residence-permit application receipt", ask: "documents.permit_receipt") { $0.permitReceipt },
        choice("points_record.occupation_shortage", "紧缺职业", "shortage occupation", ask: "points_record.occupation_shortage",
               Vocabulary.occupationShortage, ranks: ordered(Vocabulary.occupationShortage)) { $0.occupationShortage },
        choice("points_record.award", "奖项和荣誉称号", "awards and honours", ask: "points_record.award",
               Vocabulary.awardLevel, ranks: ordered(Vocabulary.awardLevel)) { $0.awardLevel },
        FactDefinition(
            name: "points_record.violations", type: .integer(unit: .count), label: LocalizedText(zh: "积分期间违法或失信记录次数", en: "violations or bad-credit records in the points period"),
            askFor: "points_record.violations", read: { person, _ in person.violations.map(FactValue.integer) }, reaches: nil),
        flag("points_record.false_information", "申办中提供虚假信息", "gave false information when applying", ask: "points_record.false_information") { $0.falseInformation },
        flag("points_record.criminal_conviction", "积分期间因犯罪获刑", "convicted of a crime in the points period", ask: "points_record.criminal_conviction") { $0.criminalConviction },
    ]
}

extension Person {
    /// The status given, or the one implied by hukou and residence-permit facts.
    public var effectiveStatus: String? {
        if let status { return status }
        if hukouLocal == true { return "local_hukou" }
        if permitHeld == true { return "residence_permit" }
        if hukouLocal == false, permitHeld == false { return "none" }
        return nil
    }
}
