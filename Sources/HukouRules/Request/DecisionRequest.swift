// SPDX-License-Identifier: Apache-2.0
/// How much an answer says (request member `detail`, docs/requests.md).
public enum AnswerDetail: String, Sendable, CaseIterable {
    /// Verdicts with their reasons, condition trees, breakdown, projection, what-if.
    case full
    /// Verdicts, score, missing facts and provisional flags only: no explanation text is
    /// built (for batch runs and simulations).
    case outcome
}

/// One request to a decision call: where, when, in which language, and who.
public struct DecisionRequest: Sendable {
    /// Pack id: "tianjin", "fujian", "wenzhou", "wenzhou/leqing", "anyang", ...
    public var jurisdiction: String
    /// For province-wide packs (Fujian): the city the applicant applies in.
    public var city: String?
    public var asOf: CivilDate
    public var locale: AnswerLocale
    public var applicant: Person
    public var family: [Person]
    /// How much the answer says (default `.full`).
    public var detail: AnswerDetail = .full

    public init(jurisdiction: String, city: String? = nil, asOf: CivilDate, locale: AnswerLocale,
                applicant: Person, family: [Person] = [], detail: AnswerDetail = .full) {
        self.detail = detail
        self.jurisdiction = jurisdiction
        self.city = city
        self.asOf = asOf
        self.locale = locale
        self.applicant = applicant
        self.family = family
    }

    /// At most this many family members in one request.
    public static let maxFamilyMembers = 32

    /// Reads a request from its JSON value (see docs/requests.md), with the fact
    /// declarations of its jurisdiction (``Engine/readRequest(_:)`` chooses them; the
    /// common vocabulary by default).
    public static func read(_ value: JSONValue, catalogue: FactCatalogue = .base) throws(HukouError) -> DecisionRequest {
        var reader = try ObjectReader(value, path: "")
        let locale = try reader.choice("locale", AnswerLocale.allCases.map(\.rawValue)).flatMap(AnswerLocale.init(rawValue:)) ?? .zhCN
        let jurisdiction = try reader.requiredString("jurisdiction")
        let city = try reader.string("city")
        let detail = try reader.choice("detail", AnswerDetail.allCases.map(\.rawValue)).flatMap(AnswerDetail.init(rawValue:)) ?? .full
        guard let asOf = try reader.date("as_of") else {
            throw reader.fail("as_of", zh: "缺少必填字段：评估日期 YYYY-MM-DD", en: "required field is missing: the as-of date YYYY-MM-DD")
        }
        let applicant = try Person.read(try reader.require("applicant"), path: "applicant", isFamilyMember: false, catalogue: catalogue)
        var family: [Person] = []
        if let members = try reader.array("family") {
            guard members.count <= maxFamilyMembers else {
                throw HukouError(.limit, path: "family", zh: "家庭成员最多 \(maxFamilyMembers) 人", en: "at most \(maxFamilyMembers) family members")
            }
            for (index, member) in members.enumerated() {
                family.append(try Person.read(member, path: "family[\(index)]", isFamilyMember: true, catalogue: catalogue))
            }
        }
        try reader.finish()
        return DecisionRequest(jurisdiction: jurisdiction, city: city, asOf: asOf, locale: locale,
                               applicant: applicant, family: family, detail: detail)
    }

    /// The locale named in a request that may be invalid, for the language of its error message.
    public static func sniffLocale(_ value: JSONValue) -> AnswerLocale? {
        if case .string(let text)? = value["locale"] { return AnswerLocale(rawValue: text) }
        return nil
    }
}
