// SPDX-License-Identifier: Apache-2.0
/// An answer laid out for people: what every format (screen, terminal, paper) shows, in
/// the order it shows it. Built once from the answer JSON by ``AnswerLayout``; the
/// formats differ only in how they draw it.
public struct RenderedAnswer: Sendable {
    public var locale: AnswerLocale
    /// "eligibility", "points" or "entitlements" (or another kind, drawn generically).
    public var kind: String
    /// The question asked, in words ("落户资格" / "Settlement eligibility").
    public var question: String
    /// Where (the jurisdiction's name, and the city of a province-wide pack).
    public var place: String
    /// The document the pack encodes and the as-of date.
    public var source: String
    public var asOf: String
    /// Shown before anything else: validity first, then provisional values and notices.
    public var warnings: [RenderWarning]
    /// The verdict in one line, shown big and first.
    public var headline: RenderLine
    public var sections: [RenderSection]
}

/// A warning at the top of every rendering.
public struct RenderWarning: Sendable {
    public enum Level: Sendable {
        /// The texts in force on the date are not encoded (issue 11's `validity`).
        case validity
        /// Values the documents leave open shape this answer.
        case provisional
        /// Other notices (a city with its own rules, how points are used).
        case notice
    }

    public var level: Level
    public var text: String
    public var citation: String?
}

/// A titled group of lines ("落户途径", "申请人，30 岁").
public struct RenderSection: Sendable {
    public var heading: String
    public var lines: [RenderLine]
}

/// One verdict line: a mark, what it is about, the verdict in words, the clause under
/// it, what is missing and how far, and lines that belong to it (family members).
public struct RenderLine: Sendable {
    /// nil for a line that states a fact without a verdict (a score).
    public var verdict: Verdict?
    public var title: String
    public var verdictText: String
    public var citation: String?
    public var details: [RenderDetail] = []
    public var children: [RenderLine] = []

    public init(verdict: Verdict?, title: String, verdictText: String, citation: String?,
                details: [RenderDetail] = [], children: [RenderLine] = []) {
        self.verdict = verdict
        self.title = title
        self.verdictText = verdictText
        self.citation = citation
        self.details = details
        self.children = children
    }
}

/// A line under a verdict.
public struct RenderDetail: Sendable {
    public enum Kind: Sendable {
        /// Why (one line).
        case reason
        /// What is missing and how far ("还差 4 个月，2027-03-25 满足").
        case shortfall
        /// What to tell the kiosk ("请补充：…").
        case missing
        /// Values the documents leave open.
        case provisional
        /// A document to bring.
        case document
        /// What the documents leave open and whom to ask.
        case openQuestion
        /// The hukou address order and other remarks of the pack.
        case note
    }

    public var kind: Kind
    public var text: String
    public var citation: String?

    public init(_ kind: Kind, _ text: String, citation: String? = nil) {
        self.kind = kind
        self.text = text
        self.citation = citation
    }
}
