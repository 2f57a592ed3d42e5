// SPDX-License-Identifier: Apache-2.0
/// Every word a person may see for a token of an answer: facts, request fields, the
/// values of the closed vocabularies, verdicts, relations, statuses and units, in zh-CN
/// and English. Renderers read labels only through this type, so that moving fact
/// declarations into pack data changes one place (``fact(_:)``).
public enum Labels {
    /// The label of a fact or of a request field ("housing_fund.consecutive_full_months"
    /// → 连续足额缴存住房公积金月数). A name that is neither gets a neutral word, never
    /// the name itself.
    public static func fact(_ name: String) -> LocalizedText {
        if let definition = FactCatalogue.definition(name) { return definition.label }
        let asked = FactCatalogue.askLabel(name)
        if asked.zh != name { return asked }
        if let field = extraFields[name] { return field }
        return LocalizedText(zh: "其他信息", en: "other information")
    }

    /// The label of a vocabulary value, looked up by the fact (or request field) that
    /// holds it; nil for a value of no closed vocabulary (a district name, a number).
    public static func value(_ token: String, of fact: String?) -> LocalizedText? {
        if let fact, let vocabulary = vocabularyOfFact[fact], let label = vocabulary[token] { return label }
        return nil
    }

    /// A value as a person reads it: its label, a district name as it is, yes/no for
    /// booleans, a number with its unit.
    public static func describe(_ value: JSONValue?, of fact: String?, unit: String? = nil) -> LocalizedText? {
        guard let value else { return nil }
        switch value {
        case .string(let token):
            if let label = Self.value(token, of: fact) { return label }
            // Free text (a district) is shown as given; a token-looking value never is.
            return isToken(token) ? LocalizedText(zh: "（见窗口）", en: "(ask at the counter)") : LocalizedText(zh: token, en: token)
        case .bool(let flag):
            return flag ? LocalizedText(zh: "是", en: "yes") : LocalizedText(zh: "否", en: "no")
        case .integer:
            guard let number = value.intValue else { return nil }
            return Self.amount(number, unit: unit)
        default:
            return nil
        }
    }

    /// The unit of an integer fact ("months", "years", "count"), nil for other facts.
    public static func unit(ofFact name: String?) -> String? {
        guard let name, let definition = FactCatalogue.definition(name), case .integer(let unit) = definition.type else { return nil }
        return unit.rawValue
    }

    /// "4 个月" / "4 months", "3 年" / "3 years", plain numbers for counts and points.
    public static func amount(_ number: Int, unit: String?) -> LocalizedText {
        switch unit {
        case "months": return LocalizedText(zh: "\(number) 个月", en: number == 1 ? "1 month" : "\(number) months")
        case "years": return LocalizedText(zh: "\(number) 年", en: number == 1 ? "1 year" : "\(number) years")
        case "points": return LocalizedText(zh: "\(number) 分", en: number == 1 ? "1 point" : "\(number) points")
        case "days": return LocalizedText(zh: "\(number) 天", en: number == 1 ? "1 day" : "\(number) days")
        default: return LocalizedText(zh: "\(number)", en: "\(number)")
        }
    }

    /// A JSON number as a person reads it: an integer as it is, a decimal (the fixed-point
    /// points of a pack: 41.5, 90.75) with at most four decimals and no trailing zeros; nil
    /// for anything else.
    public static func number(_ value: JSONValue?) -> String? {
        switch value {
        case .integer(let n)?: return "\(n)"
        case .double(let d)? where d.isFinite && abs(d) < 1e15:
            let scaled = (d * 10_000).rounded()
            let negative = scaled < 0
            let magnitude = Int64(abs(scaled))
            let whole = magnitude / 10_000
            var fraction = String(magnitude % 10_000)
            while fraction.count < 4 { fraction = "0" + fraction }
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return (negative ? "-" : "") + "\(whole)" + (fraction.isEmpty ? "" : "." + fraction)
        default: return nil
        }
    }

    /// "41.5 分" / "41.5 points" for a number already written by ``number(_:)``.
    /// The mark after a number a provisional value shapes (a points total, a what-if
    /// line): the documents leave the value open.
    public static let provisionalMark = LocalizedText(zh: "（暂定）", en: " (provisional)")

    public static func points(_ number: String) -> LocalizedText {
        LocalizedText(zh: "\(number) 分", en: number == "1" ? "1 point" : "\(number) points")
    }

    /// The relation of a family member to the applicant.
    public static func relation(_ token: String?) -> LocalizedText {
        guard let token, let label = relations[token] else { return LocalizedText(zh: "家庭成员", en: "family member") }
        return label
    }

    /// The status an entitlements answer assumes.
    public static func status(_ token: String?) -> LocalizedText {
        guard let token, let label = statuses[token] else { return LocalizedText(zh: "身份未确定", en: "status not determined") }
        return label
    }

    /// The school stage a person is at by age or enrolment.
    public static func ageStage(_ token: String?) -> LocalizedText? {
        token.flatMap { ageStages[$0] }
    }

    /// The service domain of an entitlement item.
    public static func domain(_ token: String?) -> LocalizedText? {
        token.flatMap { domains[$0] }
    }

    /// The word for a verdict token, in its context (a pathway, a family member, a
    /// service, a requirement or veto of a points table).
    /// The word for a verdict whose `decided_by` says why it is open (`kind`): a rule the
    /// documents decide but the pack does not encode is not "left to local rules".
    public static func verdict(_ token: String?, in context: VerdictContext, openKind: String?) -> LocalizedText {
        if token == "depends_on_local_rules", openKind == "not_encoded" {
            return LocalizedText(zh: "文件有规定，本系统未编入", en: "decided by the documents, not encoded here")
        }
        return verdict(token, in: context)
    }

    /// How the open part is introduced: "文件未定：" or, when not encoded, "本系统未编入：".
    public static func openPrefix(_ openKind: String?) -> LocalizedText {
        openKind == "not_encoded" ? LocalizedText(zh: "本系统未编入：", en: "not encoded here: ")
            : LocalizedText(zh: "文件未定：", en: "left open: ")
    }

    public static func verdict(_ token: String?, in context: VerdictContext) -> LocalizedText {
        let mark = Verdict(token: token, context: context)
        switch (context, token) {
        case (_, "eligible"): return LocalizedText(zh: "符合", en: "eligible")
        case (_, "not_eligible"): return LocalizedText(zh: "不符合", en: "not eligible")
        case (_, "may_follow"): return LocalizedText(zh: "可随迁", en: "may settle too")
        case (_, "may_not_follow"): return LocalizedText(zh: "不可随迁", en: "may not settle with the applicant")
        case (_, "member"): return LocalizedText(zh: "属于", en: "belongs")
        case (_, "not_member"): return LocalizedText(zh: "不属于", en: "does not belong")
        case (_, "entitled"): return LocalizedText(zh: "可享受", en: "entitled")
        case (_, "must_join"): return LocalizedText(zh: "应当参加", en: "must join")
        case (_, "may_join"): return LocalizedText(zh: "可以参加", en: "may join")
        case (_, "may_choose"): return LocalizedText(zh: "可选择参加", en: "may choose")
        case (_, "provisional"): return LocalizedText(zh: "待实施细则确定", en: "awaiting implementing rules")
        case (_, "not_entitled"): return LocalizedText(zh: "不可享受", en: "not entitled")
        case (_, "may_apply"), (.permit, "yes"): return LocalizedText(zh: "可申领", en: "may apply")
        case (_, "may_not_apply_yet"): return LocalizedText(zh: "暂不可申领", en: "may not apply yet")
        case (.requirement, "met"): return LocalizedText(zh: "满足", en: "met")
        case (.requirement, "unmet"): return LocalizedText(zh: "不满足", en: "not met")
        case (.veto, "applies"): return LocalizedText(zh: "有此情形，不得申请", en: "applies: may not apply")
        case (.veto, "does_not_apply"): return LocalizedText(zh: "无此情形", en: "none recorded")
        case (.points, "yes"): return LocalizedText(zh: "可以申请", en: "may apply")
        case (.points, "no"): return LocalizedText(zh: "暂不可申请", en: "may not apply yet")
        case (_, "depends_on_local_rules"): return LocalizedText(zh: "由当地规定，文件未定", en: "set by local rules, not decided by the documents")
        case (_, "not_applicable"): return LocalizedText(zh: "不涉及", en: "does not concern this person")
        case (_, "met"): return LocalizedText(zh: "满足", en: "met")
        case (_, "unmet"): return LocalizedText(zh: "不满足", en: "not met")
        case (_, "yes"): return LocalizedText(zh: "是", en: "yes")
        case (_, "no"): return LocalizedText(zh: "否", en: "no")
        default:
            return mark == .unknown ? LocalizedText(zh: "信息不足，暂无法判断", en: "more information needed")
                : LocalizedText(zh: "请向窗口咨询", en: "ask at the counter")
        }
    }

    /// Whether a string looks like a machine token or a field path (ASCII letters with
    /// `_` or `.`, or a lowercase word), which no rendering may show.
    public static func isToken(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        return bytes.contains { ($0 >= 0x61 && $0 <= 0x7a) || $0 == 0x5f }
            && bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5f || $0 == 0x2e || $0 == 0x2f }
    }

    // MARK: - Tables

    private static func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

    /// Request fields that no fact reads but an answer may ask for.
    private static let extraFields: [String: LocalizedText] = [
        "birth_date": t("出生日期", "date of birth"),
        "sex": t("性别", "sex"),
        "status": t("身份", "status"),
        "hukou.local": t("本地户籍", "local hukou"),
        "jurisdiction": t("办理地", "place"),
        "as_of": t("评估日期", "date of the assessment"),
    ]

    static let relations: [String: LocalizedText] = [
        "spouse": t("配偶", "spouse"), "child": t("子女", "child"), "parent": t("父母", "parent"),
        "grandparent": t("祖父母、外祖父母", "grandparent"), "sibling": t("兄弟姐妹", "sibling"),
        "other": t("其他亲属", "other relative"),
    ]

    static let statuses: [String: LocalizedText] = [
        "local_hukou": t("本地户籍居民", "local hukou holder"), "settled_migrant": t("新落户居民", "newly settled resident"),
        "residence_permit": t("居住证持有人", "residence-permit holder"), "none": t("未持居住证的外来人员", "resident without a residence permit"),
    ]

    static let ageStages: [String: LocalizedText] = [
        "infant": t("婴幼儿", "infant"), "preschool": t("学前", "preschool"),
        "primary": t("小学阶段", "primary school age"), "junior_high": t("初中阶段", "junior-high age"),
        "senior_high": t("高中阶段", "senior-high age"), "adult": t("成年", "adult"),
    ]

    static let domains: [String: LocalizedText] = [
        "schooling": t("教育", "schooling"), "medical_insurance": t("医疗保险", "medical insurance"), "pension": t("养老保险", "pension"),
        "housing_fund": t("住房公积金", "housing provident fund"), "housing_support": t("住房保障", "housing support"),
        "minimum_allowance": t("最低生活保障", "minimum living allowance"), "employment": t("就业服务", "employment services"),
        "public_health": t("公共卫生", "public health"), "legal_aid": t("法律援助", "legal aid"),
        "conveniences": t("办事便利", "conveniences"), "residence_permit": t("居住证", "residence permit"),
    ]

    private static let vocabularies: [String: [String: LocalizedText]] = [
        "relation": relations,
        "hukou_type": ["rural": t("农业户口", "rural hukou"), "urban": t("非农业户口", "urban hukou")],
        "status": statuses,
        "area_type": [
            "urban_district": t("市辖区", "urban district"), "county_city_area": t("县级市城区", "county-level city"),
            "county_seat_town": t("县政府驻地镇", "county-seat town"), "established_town": t("建制镇", "established town"),
            "rural": t("农村", "rural area"),
        ],
        "housing_type": [
            "owned": t("自有住房", "own home"), "rental": t("租赁住房", "rented home"),
            "employer_dormitory": t("单位宿舍", "employer dormitory"), "relative": t("借住亲属住房", "living with relatives"),
            "none": t("无固定住所", "no fixed home"),
        ],
        "employment_type": [
            "employee": t("用人单位职工", "employee"),
            "individual_business_with_employees": t("个体工商户（有雇工）", "self-employed with employees"),
            "individual_business_no_employees": t("个体工商户（无雇工）", "self-employed without employees"),
            "freelancer": t("自由职业者", "freelancer"), "flexible": t("灵活就业", "flexible employment"),
            "part_time": t("非全日制从业", "part-time work"), "unemployed": t("未就业", "not employed"),
            "student": t("在校学生", "student"), "retired": t("已退休", "retired"),
        ],
        "education_level": [
            "none": t("无学历", "no formal schooling"), "primary": t("小学", "primary school"), "junior_high": t("初中", "junior high school"),
            "senior_high": t("普通高中", "senior high school"), "secondary_vocational": t("中等职业学校（中专、职高、技校）", "secondary vocational school"),
            "junior_college": t("大学专科", "junior college"), "higher_vocational": t("高等职业院校", "higher vocational college"),
            "bachelor": t("大学本科", "bachelor's degree"), "master": t("硕士研究生", "master's degree"), "doctorate": t("博士研究生", "doctorate"),
        ],
        "skill_level": [
            "none": t("无职业资格", "no vocational qualification"), "junior_worker": t("初级工", "junior worker"),
            "intermediate_worker": t("中级工", "intermediate worker"), "senior_worker": t("高级工", "senior worker"),
            "technician": t("技师", "technician"), "senior_technician": t("高级技师", "senior technician"),
        ],
        "title_level": [
            "none": t("无职称", "no professional title"), "junior": t("初级职称", "junior title"),
            "intermediate": t("中级职称", "intermediate title"), "senior": t("高级职称", "senior title"),
        ],
        "school_stage": [
            "not_in_school": t("未入学", "not in school"), "nursery": t("托育", "nursery"), "kindergarten": t("幼儿园", "kindergarten"),
            "primary": t("小学", "primary school"), "junior_high": t("初中", "junior high school"), "senior_high": t("普通高中", "senior high school"),
            "secondary_vocational": t("中等职业学校", "secondary vocational school"), "college": t("高等院校", "college"),
            "graduated": t("已毕业", "graduated"),
        ],
        "age_stage": ageStages,
        "entered_by": [
            "school_admission": t("升学", "admission to a school"), "military_service": t("参军", "military service"), "other": t("其他方式", "other ways"),
        ],
        "occupation_shortage": [
            "none": t("非紧缺职业", "not a shortage occupation"), "general": t("一般紧缺职业", "shortage occupation"),
            "short": t("紧缺职业", "short-supply occupation"), "very_short": t("急需紧缺职业", "acute-shortage occupation"),
        ],
        "award_level": ["none": t("无", "none"), "provincial": t("省部级奖项或荣誉称号", "provincial or ministerial award"),
                        "national": t("国家级奖项或荣誉称号", "national award")],
    ]

    private static let vocabularyOfFact: [String: [String: LocalizedText]] = {
        let byFact: [String: String] = [
            "relation": "relation", "hukou.former_type": "hukou_type", "status": "status",
            "residence.area_type": "area_type", "housing.type": "housing_type", "employment.type": "employment_type",
            "education.level": "education_level", "skill.level": "skill_level", "skill.title": "title_level",
            "school.stage": "school_stage", "school.age_stage": "age_stage", "entered_city_by": "entered_by",
            "points_record.occupation_shortage": "occupation_shortage", "points_record.award": "award_level",
        ]
        return byFact.compactMapValues { vocabularies[$0] }
    }()

    /// Every vocabulary and its labels (for the completeness test).
    static var allVocabularies: [String: [String: LocalizedText]] { vocabularies }
}

/// Where a verdict token stands; the same token reads differently per place.
public enum VerdictContext: Sendable {
    case pathway, follower, group, service, permit, requirement, veto, points
}

/// How a verdict is marked on screen and paper.
public enum Verdict: Sendable, Equatable {
    /// Met, entitled, may follow, may apply.
    case yes
    /// Not met, not entitled.
    case no
    /// More information needed.
    case unknown
    /// The documents leave it to local rules (or to implementing rules): no verdict.
    case open
    /// The rule does not concern this person: shown as such, never as ✘.
    case notApplicable

    public init(token: String?, context: VerdictContext) {
        switch (context, token) {
        case (.veto, "does_not_apply"): self = .yes
        case (.veto, "applies"): self = .no
        case (_, "eligible"), (_, "may_follow"), (_, "member"), (_, "entitled"), (_, "must_join"), (_, "may_join"),
             (_, "may_choose"), (_, "may_apply"), (_, "met"), (_, "yes"):
            self = .yes
        case (_, "not_eligible"), (_, "may_not_follow"), (_, "not_member"), (_, "not_entitled"),
             (_, "may_not_apply_yet"), (_, "unmet"), (_, "no"):
            self = .no
        case (_, "depends_on_local_rules"), (_, "provisional"), (_, "own_rules_not_encoded"): self = .open
        case (_, "not_applicable"), (_, "does_not_apply"): self = .notApplicable
        default: self = .unknown
        }
    }

    /// The mark in front of a line: ✔ ✘ ？ ◇ and － (no verdict of the documents).
    public var symbol: String {
        switch self {
        case .yes: return "✔"
        case .no: return "✘"
        case .unknown: return "？"
        case .open: return "◇"
        case .notApplicable: return "－"
        }
    }

    /// The same for plain ASCII terminals and receipts without the glyphs.
    public var ascii: String {
        switch self {
        case .yes: return "[+]"
        case .no: return "[-]"
        case .unknown: return "[?]"
        case .open: return "[~]"
        case .notApplicable: return "[/]"
        }
    }
}
