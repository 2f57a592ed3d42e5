// SPDX-License-Identifier: Apache-2.0
/// One document a pack encodes, with its own in-force window (docs/packs.md "documents").
///
/// A rule names the documents it rests on (`"document": id` or a list); it is in force on a
/// date when every one of them is. `effectiveUntil` is inclusive: 津政发〔2015〕39号 第四十八条
/// "2020年12月31日废止" is `"effective_until": "2020-12-31"`.
public struct EncodedDocument: Sendable {
    public let id: String
    public let number: String
    public let title: LocalizedText
    public let issued: CivilDate?
    public let effectiveFrom: CivilDate
    /// Last day in force (inclusive); nil while no end is known.
    public let effectiveUntil: CivilDate?
    /// Why the window ends where it does (e.g. "方案以2020年为期").
    public let untilNote: LocalizedText?

    public func isInForce(on date: CivilDate) -> Bool {
        guard effectiveFrom <= date else { return false }
        if let effectiveUntil, date > effectiveUntil { return false }
        return true
    }
}

/// A rule the documents leave to someone else to decide (要探索, 研究制定, 合理确定, 进一步放宽,
/// 统一并放宽 …): the answer names who decides and what is open, with no verdict and no number.
public struct DecidedBy: Sendable {
    /// Whom to ask: "the local public-security office (派出所、户籍窗口)", "the district education bureau".
    public let who: LocalizedText
    /// What the document leaves open: "the conditions of talent introduction".
    public let open: LocalizedText
    /// Why it is open here: the document leaves it to a later rule, or the document (or
    /// the text it relies on) decides it and the pack does not encode that.
    public var kind: Kind = .leftToLocalRules

    public enum Kind: String, Sendable, CaseIterable {
        /// The document directs a later rule to decide (要探索, 研究制定, 实施细则 …): "文件未定，由…规定".
        case leftToLocalRules = "left_to_local_rules"
        /// The document decides, the pack does not encode it: "文件有规定，本系统未编入".
        case notEncoded = "not_encoded"
    }

    public init(who: LocalizedText, open: LocalizedText, kind: Kind = .leftToLocalRules) {
        self.who = who
        self.open = open
        self.kind = kind
    }
}

extension PolicyPack {
    /// The document with `id`, if the pack declares it.
    public func encodedDocument(_ id: String) -> EncodedDocument? {
        documents.first { $0.id == id }
    }

    /// Whether every document in `ids` is in force on `date` (no ids: the pack's first document).
    public func documentsInForce(_ ids: [String], on date: CivilDate) -> Bool {
        // No ids: the first document (no one-element list made per call).
        guard !ids.isEmpty else { return documents.first?.isInForce(on: date) ?? false }
        for id in ids {
            guard let document = encodedDocument(id), document.isInForce(on: date) else { return false }
        }
        return true
    }
}
