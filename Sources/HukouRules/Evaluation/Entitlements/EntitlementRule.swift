// SPDX-License-Identifier: Apache-2.0
/// A public-service entitlement rule (docs/packs.md "entitlements").
///
/// A final class, immutable once loaded: every entitlements call walks the pack's rules and
/// the decision keeps the list it chose, so a rule is shared by reference instead of copying
/// its fifteen members (issue 15's profiles: the copies were 6 % of a sparse call).
public final class EntitlementRule: Sendable {
    /// What the answer says when the rule's condition is met (or not): an answer's verdict
    /// (a pack never writes `unknown` or, but through `decided_by`, `depends_on_local_rules`).
    public typealias Verdict = EntitlementVerdict

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
    /// Whether the rule concerns the person (a preschooler and compulsory education):
    /// unmet gives `not_applicable`, distinct from `not_entitled`.
    public let appliesTo: Condition?
    /// The document leaves the rule to someone else: `depends_on_local_rules`.
    public let decidedBy: DecidedBy?
    /// National rule ids this city rule specializes: they are left out of the answer and
    /// their citations are shown with this rule (one line per service).
    public let specializes: [String]
    /// Ids of the pack's documents the rule rests on (empty: the first).
    public let documentIDs: [String]

    init(id: String, domain: String, name: LocalizedText, citation: String, statuses: [String], subjects: Subjects,
         condition: Condition?, verdict: Verdict, otherwise: Verdict?, provisional: Bool, note: LocalizedText?,
         appliesTo: Condition?, decidedBy: DecidedBy?, specializes: [String], documentIDs: [String]) {
        self.id = id
        self.domain = domain
        self.name = name
        self.citation = citation
        self.statuses = statuses
        self.subjects = subjects
        self.condition = condition
        self.verdict = verdict
        self.otherwise = otherwise
        self.provisional = provisional
        self.note = note
        self.appliesTo = appliesTo
        self.decidedBy = decidedBy
        self.specializes = specializes
        self.documentIDs = documentIDs
    }

    public static let domains = [
        "schooling", "medical_insurance", "pension", "housing_fund", "housing_support",
        "minimum_allowance", "employment", "public_health", "legal_aid", "conveniences", "residence_permit",
    ]
}
