// SPDX-License-Identifier: Apache-2.0
/// Every word a person may see for a token of an answer: facts, request fields, the
/// values of the closed vocabularies, verdicts, relations, statuses and units, in zh-CN
/// and English. Renderers read labels only through this type.
///
/// The words for facts and their values are data: the declarations of the pack that
/// answered (`label`, `value_labels`; Policies/facts.json for the common vocabulary,
/// a pack's `facts` for its own), passed in as a ``FactCatalogue`` (the common
/// vocabulary when none is given). Only the renderer's own words (verdicts, units,
/// service domains, the neutral fallbacks) are here.
public enum Labels {
    /// The label of a fact or of a request field ("housing_fund.consecutive_full_months"
    /// → 连续足额缴存住房公积金月数), from `facts`. A name that is neither gets a neutral
    /// word, never the name itself.
    public static func fact(_ name: String, in facts: FactCatalogue = .base) -> LocalizedText {
        if let definition = facts.definition(name) { return definition.label }
        let asked = facts.askLabel(name)
        if asked.zh != name { return asked }
        if let field = extraFields[name] { return field }
        return LocalizedText(zh: "其他信息", en: "other information")
    }

    /// The label of a vocabulary value, looked up by the fact that holds it in `facts`
    /// (its `value_labels`); nil for a value without a declared label or of no closed
    /// vocabulary (a district name, a number).
    public static func value(_ token: String, of fact: String?, in facts: FactCatalogue = .base) -> LocalizedText? {
        guard let fact else { return nil }
        return facts.definition(fact)?.label(ofValue: token)
    }

    /// A value as a person reads it: its label, a district name as it is, yes/no for
    /// booleans, a number with its unit.
    public static func describe(_ value: JSONValue?, of fact: String?, unit: String? = nil, in facts: FactCatalogue = .base) -> LocalizedText? {
        guard let value else { return nil }
        switch value {
        case .string(let token):
            if let label = Self.value(token, of: fact, in: facts) { return label }
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
    public static func unit(ofFact name: String?, in facts: FactCatalogue = .base) -> String? {
        guard let name, let definition = facts.definition(name), case .integer(let unit) = definition.type else { return nil }
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
    /// points of a pack: 41.5, 90.75) as ``Fixed`` writes it, rounded to four decimals;
    /// nil for anything else (and for magnitudes of 10¹⁴ or more).
    public static func number(_ value: JSONValue?) -> String? {
        switch value {
        case .integer(let n)?: return "\(n)"
        case .double(let d)? where d.isFinite && abs(d) < 1e14:
            // Within Int64 once scaled to ten-thousandths (a larger number is no score).
            return Fixed(raw: Int64((d * Double(Fixed.scale)).rounded())).description
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

    /// The relation of a family member to the applicant (the values of fact `relation`).
    public static func relation(_ token: String?, in facts: FactCatalogue = .base) -> LocalizedText {
        guard let token, let label = value(token, of: "relation", in: facts) else { return LocalizedText(zh: "家庭成员", en: "family member") }
        return label
    }

    /// The status an entitlements answer assumes (the values of fact `status`).
    public static func status(_ token: String?, in facts: FactCatalogue = .base) -> LocalizedText {
        guard let token, let label = value(token, of: "status", in: facts) else { return LocalizedText(zh: "身份未确定", en: "status not determined") }
        return label
    }

    /// The school stage a person is at by age or enrolment (the values of fact `school.age_stage`).
    public static func ageStage(_ token: String?, in facts: FactCatalogue = .base) -> LocalizedText? {
        token.flatMap { value($0, of: "school.age_stage", in: facts) }
    }

    /// The service domain of an entitlement item.
    public static func domain(_ token: String?) -> LocalizedText? {
        token.flatMap { domains[$0] }
    }

    /// The word for a verdict token, in its context (a pathway, a family member, a
    /// service, a requirement or veto of a points table).
    /// The word for a verdict whose `decided_by` says why it is open (`kind`): a rule the
    /// documents decide but the pack does not encode is not "left to local rules".
    public static func verdict(_ token: String?, in context: VerdictContext, openKind: DecidedBy.Kind?) -> LocalizedText {
        if token == "depends_on_local_rules", openKind == .notEncoded {
            return LocalizedText(zh: "文件有规定，本系统未编入", en: "decided by the documents, not encoded here")
        }
        return verdict(token, in: context)
    }

    /// How the open part is introduced: "文件未定：" or, when not encoded, "本系统未编入：".
    public static func openPrefix(_ openKind: DecidedBy.Kind?) -> LocalizedText {
        openKind == .notEncoded ? LocalizedText(zh: "本系统未编入：", en: "not encoded here: ")
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

    static let domains: [String: LocalizedText] = [
        "schooling": t("教育", "schooling"), "medical_insurance": t("医疗保险", "medical insurance"), "pension": t("养老保险", "pension"),
        "housing_fund": t("住房公积金", "housing provident fund"), "housing_support": t("住房保障", "housing support"),
        "minimum_allowance": t("最低生活保障", "minimum living allowance"), "employment": t("就业服务", "employment services"),
        "public_health": t("公共卫生", "public health"), "legal_aid": t("法律援助", "legal aid"),
        "conveniences": t("办事便利", "conveniences"), "residence_permit": t("居住证", "residence permit"),
    ]
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
