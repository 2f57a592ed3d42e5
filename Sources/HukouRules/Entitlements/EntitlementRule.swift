/// A public-service entitlement rule (docs/packs.md "entitlements").
public struct EntitlementRule: Sendable {
    /// What the answer says when the rule's condition is met (or not).
    public enum Verdict: String, Sendable, CaseIterable {
        case entitled, mustJoin = "must_join", mayJoin = "may_join", mayChoose = "may_choose"
        /// The document promises a direction, not a present right: depends on implementing rules.
        case provisional
        case notEntitled = "not_entitled"
        /// The rule does not concern this person (e.g. an employee-scheme duty for someone not employed).
        case notApplicable = "not_applicable"
    }

    /// Who the rule is judged for.
    public enum Subjects: String, Sendable, CaseIterable {
        case applicant, children, adults, everyone
    }

    public let id: String
    public let domain: String
    public let name: LocalizedText
    public let citation: String
    /// Applicant statuses the rule applies to (local_hukou, settled_migrant, residence_permit).
    public let statuses: [String]
    public let subjects: Subjects
    public let condition: Condition?
    public let verdict: Verdict
    public let otherwise: Verdict?
    public let provisional: Bool
    public let note: LocalizedText?

    public static let domains = [
        "schooling", "medical_insurance", "pension", "housing_fund", "housing_support",
        "minimum_allowance", "employment", "public_health", "legal_aid", "conveniences", "residence_permit",
    ]
}
