// SPDX-License-Identifier: Apache-2.0
/// One jurisdiction's rules, as loaded from a policy pack (docs/packs.md).
///
/// A final class: every call hands its pack to a service, a decision and the writer, and a
/// struct of thirty members cost about a thousand instructions per copy and as many to
/// destroy (issue 15's profiles: four copies per entitlements call). Unchecked Sendable:
/// the `internal(set)` members are set only by ``PackLoader`` before it returns the pack;
/// from then on it is immutable and shared by every thread.
public final class PolicyPack: @unchecked Sendable {
    /// "national", "tianjin", "fujian", "wenzhou", "wenzhou/leqing", "anyang", ...
    public let id: String
    public let version: String
    public let name: LocalizedText
    public let document: SourceDocument
    /// Every document the pack encodes, each with its in-force window; never empty (a pack
    /// without `documents` has one, `main`, from `document` and the pack's dates).
    public let documents: [EncodedDocument]
    public let effectiveFrom: CivilDate
    public let effectiveUntil: CivilDate?
    /// nil for the national pack.
    public let sizeClass: CitySizeClass?
    public let parameters: [String: Parameter]
    public let districts: DistrictTable
    public let pathways: [Pathway]
    public let priorityGroups: [PriorityGroup]
    public let points: PointsPolicy?
    public let entitlements: [EntitlementRule]
    /// Conditions for holding a residence permit (居住证暂行条例 Art. 2 in the national pack).
    public let permitConditions: Requirement?
    /// Release number of the pack for its id, increasing with every release: an engine
    /// refuses a pack older than one it holds (rollback). 0 when absent.
    public let serial: Int
    /// Cities of a province-wide pack that issue their own rules (Fujian （五）).
    public let ownRulesCities: [OwnRulesCity]
    /// The bytes the pack was loaded from, for signature checks and `hukou packs`.
    public let byteCount: Int
    /// The facts its conditions test and its requests may carry: the common vocabulary
    /// and the pack's own `facts`.
    public let facts: FactCatalogue
    /// Only a base for packs that extend it (`"abstract": true`): no request may name it.
    public internal(set) var isAbstract = false
    /// The pack's JSON with `extends` resolved (packs extending this one start from it).
    public internal(set) var sourceJSON: JSONValue = .null
    /// Answers to questions every settlement answer owes the citizen (e.g. "must I give up
    /// my land rights?"), shown on the eligibility screen.
    public internal(set) var notices: [Notice] = []
    /// Province-wide packs: the cities the province-wide rules answer for (with
    /// ``ownRulesCities``, every city a request may name).
    public internal(set) var cities: [PackCity] = []
    /// What answering from the pack costs (Engine/WorkBudget.swift), set when it loads.
    public internal(set) var cost = PackCost.zero
    /// SHA-256 (lowercase hex) of the pack's canonical bytes (those a signature covers,
    /// ``PackSignature/canonicalBytes(of:)``): names the exact rules on a decision receipt.
    public internal(set) var contentHash: String = ""
    /// Documents to bring for a residence permit (居住证暂行条例 第九条 in the national pack).
    public internal(set) var permitDocuments: [RequiredDocument] = []
    /// The pack's administrative level (`admin_level`; a province-wide pack: "province", with
    /// each city's level in ``cities`` and ``ownRulesCities``), for national lint rules.
    public internal(set) var adminLevel: AdminLevel?
    /// National pack: the words for administrative levels (`admin_levels`).
    public internal(set) var adminLevels: [AdminLevelDefinition] = []
    /// National pack: the groups national rules name (`settlement_groups`), which pathways tag.
    public internal(set) var settlementGroups: [SettlementGroup] = []
    /// National pack: rules `hukou lint` checks city packs against (`lint_rules`).
    public internal(set) var lintRules: [OpenGroupsRule] = []
    /// Every validity its answers can have, by rule set and interval of its document dates
    /// (Answer/Validity.swift), set when it loads.
    var validityTable: Validity.Table?

    init(id: String, version: String, name: LocalizedText, document: SourceDocument, documents: [EncodedDocument],
         effectiveFrom: CivilDate, effectiveUntil: CivilDate?, sizeClass: CitySizeClass?, parameters: [String: Parameter],
         districts: DistrictTable, pathways: [Pathway], priorityGroups: [PriorityGroup], points: PointsPolicy?,
         entitlements: [EntitlementRule], permitConditions: Requirement?, serial: Int, ownRulesCities: [OwnRulesCity],
         byteCount: Int, facts: FactCatalogue, notices: [Notice]) {
        self.id = id
        self.version = version
        self.name = name
        self.document = document
        self.documents = documents
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.sizeClass = sizeClass
        self.parameters = parameters
        self.districts = districts
        self.pathways = pathways
        self.priorityGroups = priorityGroups
        self.points = points
        self.entitlements = entitlements
        self.permitConditions = permitConditions
        self.serial = serial
        self.ownRulesCities = ownRulesCities
        self.byteCount = byteCount
        self.facts = facts
        self.notices = notices
    }

    /// Whether the pack is in force on `date`.
    public func isInForce(on date: CivilDate) -> Bool {
        guard effectiveFrom <= date else { return false }
        if let effectiveUntil, date >= effectiveUntil { return false }
        return true
    }
}

/// A sentence every eligibility answer carries, with its clause (e.g. the "三权" rule).
public struct Notice: Sendable {
    public let id: String
    public let text: LocalizedText
    public let citation: String
    public let documentIDs: [String]
}

/// The document a pack encodes.
public struct SourceDocument: Sendable {
    public let title: LocalizedText
    /// Document number, e.g. "安政办〔2018〕19号".
    public let number: String
    public let issued: CivilDate?
}

/// City-size class (国发〔2014〕51号), with where the pack got it.
public struct CitySizeClass: Sendable {
    public static let classes = ["super_large", "mega", "large_1", "large_2", "medium", "small"]
    /// One of ``classes``: 超大, 特大, Ⅰ型大, Ⅱ型大, 中等, 小.
    public let value: String
    public let provisional: Bool
    public let source: String

    public var label: LocalizedText {
        switch value {
        case "super_large": return LocalizedText(zh: "超大城市", en: "super-large city")
        case "mega": return LocalizedText(zh: "特大城市", en: "mega city")
        case "large_1": return LocalizedText(zh: "Ⅰ型大城市", en: "type-I large city")
        case "large_2": return LocalizedText(zh: "Ⅱ型大城市", en: "type-II large city")
        case "medium": return LocalizedText(zh: "中等城市", en: "medium city")
        default: return LocalizedText(zh: "小城市", en: "small city")
        }
    }
}

/// A settlement pathway (落户途径).
public struct Pathway: Sendable {
    public let id: String
    public let name: LocalizedText
    public let citation: String
    public let condition: Condition
    public let followers: [FollowerRule]
    public let addressOrder: [AddressOption]
    public let note: LocalizedText?
    /// The pathway rests on standards the document leaves to implementing rules (e.g. who
    /// counts as introduced talent): every answer about it is provisional.
    public let provisional: Bool
    /// Whether the pathway concerns the person at all (e.g. only Tianjin hukou holders move
    /// within Tianjin); unmet: `not_applicable`, never `not_eligible`.
    public let appliesTo: Condition?
    /// The document directs the city to set the conditions: no condition, no verdict.
    public let decidedBy: DecidedBy?
    /// Settlement by points (津政发〔2015〕39号 第三十二条): never eligible before the score is
    /// compared with the guidance score of the same table.
    public let pointsSettlement: Bool
    /// Ids of the pack's documents the pathway rests on (empty: the first).
    public let documentIDs: [String]
    /// Documents to bring, as the cited texts list them (empty: the texts list none).
    public internal(set) var documents: [RequiredDocument] = []
    /// Requirements the document only caps ("参加城镇社会保险的年限要求不得超过1年"): the
    /// pack compares with the cap, so meeting it meets whatever the city sets, and falling
    /// short is for the city's own figure to decide (`depends_on_local_rules`), never a
    /// shortfall or a date.
    public internal(set) var cap: PathwayCap?
    /// The groups of the national vocabulary (`settlement_groups`) the pathway opens
    /// settlement to, for national lint rules (国办发〔2016〕72号 任务3).
    public internal(set) var groups: [String] = []
}

/// The facts of a pathway whose required amounts the document leaves to the city below a
/// ceiling it states, and who decides them.
public struct PathwayCap: Sendable {
    public let facts: Set<String>
    public let decidedBy: DecidedBy
}

/// Which family members may settle with the applicant under a pathway.
public struct FollowerRule: Sendable {
    public let id: String
    public let label: LocalizedText
    public let citation: String
    /// Judged with the family member as subject.
    public let condition: Condition
}

/// One step of the hukou address order (Fujian （四）).
public struct AddressOption: Sendable {
    public let label: LocalizedText
    public let citation: String
    /// When this address is available (e.g. the employer has a collective hukou); nil: always.
    public var condition: Condition?
}

/// A priority group (重点群体) the applicant may belong to.
public struct PriorityGroup: Sendable {
    public let id: String
    public let name: LocalizedText
    public let citation: String
    public let condition: Condition
}

/// A city of a province-wide pack that its rules answer for.
public struct PackCity: Sendable {
    public let name: String
    public let aliases: [String]
    /// The city's administrative level, for national lint rules.
    public var adminLevel: AdminLevel?
}

/// A city of a province-wide pack whose own rules apply instead.
public struct OwnRulesCity: Sendable {
    public let name: String
    public let aliases: [String]
    public let citation: String
    public let note: LocalizedText
    /// Ids of the province's pathways that still apply in this city (Fujian （四）'s open
    /// groups are not excepted for 福州、厦门、平潭).
    public var provinceRulesApply: [String] = []
    /// The city's administrative level, for national lint rules.
    public var adminLevel: AdminLevel?
}
