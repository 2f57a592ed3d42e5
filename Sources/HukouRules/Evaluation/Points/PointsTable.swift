// SPDX-License-Identifier: Apache-2.0
/// Whether and how a jurisdiction scores residence-permit points.
public indirect enum PointsPolicy: Sendable {
    /// Points settlement is not allowed here; the clause that forbids it.
    case prohibited(citation: String, reason: LocalizedText)
    case table(PointsTable)
}

/// A number in a points table: a literal (decimals allowed, read exactly: 10.5, 0.25) or
/// a dated pack parameter, in fixed point (``Fixed``).
public enum NumberRef: Sendable {
    case literal(Fixed)
    case parameter(Parameter)

    func value(on date: CivilDate, provisional: inout [String]) -> Fixed {
        switch self {
        case .literal(let n): return n
        case .parameter(let parameter):
            guard !parameter.values.isEmpty else { return .zero }
            let position = parameter.position(on: date)
            if parameter.provisional || parameter.values[position].provisional, !provisional.contains(parameter.id) {
                provisional.append(parameter.id)
            }
            if case .integer(let n) = parameter.values[position].value { return Fixed(n) }
            return .zero
        }
    }

    /// The value without noting provisional parameters (to compare candidates).
    func peek(on date: CivilDate) -> Fixed {
        switch self {
        case .literal(let n): return n
        case .parameter(let parameter):
            guard !parameter.values.isEmpty else { return .zero }
            if case .integer(let n) = parameter.values[parameter.position(on: date)].value { return Fixed(n) }
            return .zero
        }
    }
}

extension Parameter {
    /// The index in `values` of the value in force on `date` (as ``dated(on:)`` chooses it:
    /// the latest whose `from` is not after it, else the earliest), without copying a
    /// dated value (points are valued many times per call). `values` is never empty.
    func position(on date: CivilDate) -> Int {
        var chosen = 0
        var index = 1
        while index < values.count {
            if values[index].from <= date { chosen = index }
            index += 1
        }
        return chosen
    }
}

/// Points per block of an accrual stage: one number, or a number by the value of a
/// category fact (`{"by": "employment.sector", "values": {"key": 3, ...}, "otherwise": 1}`).
public enum Rate: Sendable {
    case fixed(NumberRef)
    case byCategory(fact: FactDefinition, values: [(value: String, points: NumberRef)], otherwise: NumberRef?)
}

/// How an accrual turns units into points (docs/packs.md "Accrual").
public enum AccrualRounding: String, Sendable, CaseIterable {
    /// Only complete blocks count: 每满1年积3分 gives 3 for 23 months, 6 for 24.
    case wholeBlocks = "whole_blocks"
    /// Exactly in proportion, to ten-thousandths: 23 months at 3 a year is 5.75.
    case proRata = "pro_rata"
    /// In proportion, then down to whole points: 23 months at 3 a year is 5 (the default,
    /// for packs written before the choice existed).
    case proRataWholePoints = "pro_rata_whole_points"
}

/// One stage of an accrual: from `from` units on, `points` for each `per` units beyond it.
public struct AccrualStage: Sendable {
    public let from: Int
    public let per: Int
    public let rate: Rate
}

/// A general points table (docs/packs.md "points"): indicators of several kinds, a
/// threshold and quota as dated parameters, requirements to apply and vetoes.
public struct PointsTable: Sendable {
    /// What the points decide: "settlement" (积分落户) or "public_services" (Wenzhou's
    /// 基本公共服务积分, 温政发〔2016〕26号 四（三）). Lint task 8 binds settlement only.
    public let purpose: String
    /// The whole table rests on values the documents leave open (Wenzhou 四（三）): every
    /// answer from it is provisional, whatever the applicant's facts.
    public let provisional: Bool
    public let citation: String
    public let note: LocalizedText?
    public let threshold: NumberRef?
    public let annualQuota: NumberRef?
    public let indicators: [Indicator]
    /// Conditions an applicant must meet to apply at all (e.g. 津政发〔2015〕39号 Art. 32).
    public let requirements: [Requirement]
    /// Conditions that disqualify whatever the score.
    public let vetoes: [Requirement]
    /// Months a projection looks ahead.
    public let projectionHorizonMonths: Int
    /// Ids of the pack's documents the table's indicators and threshold belong to (empty: the
    /// first): the table scores only on dates they are in force.
    public let documentIDs: [String]
    /// How settlement is decided once the score reaches the guidance score: by ranking
    /// within an annual quota (津政发〔2015〕39号 第二十九条, 第三十六条, 第三十七条).
    public let ranking: Ranking?
    /// Indicators of the official table the pack cannot score: the score is then incomplete.
    public let notScored: [NotScored]

    public struct Ranking: Sendable {
        public let citation: String
        public let text: LocalizedText
    }

    public struct NotScored: Sendable {
        public let id: String
        public let label: LocalizedText
        public let citation: String
    }
    /// Bounds on the total (`total_floor`, `total_cap`).
    public var totalFloor: NumberRef? = nil
    public var totalCap: NumberRef? = nil
    /// Readers by fact and the indicators that change with time (found when the pack loads).
    let index: PointsIndex
}

/// A named condition with its citation (points requirement or veto).
public struct Requirement: Sendable {
    public let id: String
    public let label: LocalizedText
    public let citation: String
    public let condition: Condition
    /// Ids of the pack's documents the requirement rests on (empty: always, with the table).
    public var documentIDs: [String] = []
}

/// One indicator of a points table.
///
/// A class (immutable, so shareable between threads): scoring, the what-if and the answer
/// pass indicators around many times per call, and a reference is copied with one count
/// where a struct of this size took a retain for each of its parts.
public final class Indicator: Sendable {
    public let id: String
    public let label: LocalizedText
    public let citation: String
    public let kind: IndicatorKind
    /// Months added by the what-if of an accrual indicator.
    public let whatIfMonths: Int
    /// Bounds on the indicator's points (`floor`, `cap`; any kind). A deduction's floor
    /// (e.g. -20) limits how much it takes away.
    public let floor: NumberRef?
    public let cap: NumberRef?

    init(id: String, label: LocalizedText, citation: String, kind: IndicatorKind, whatIfMonths: Int,
         floor: NumberRef? = nil, cap: NumberRef? = nil) {
        self.id = id
        self.label = label
        self.citation = citation
        self.kind = kind
        self.whatIfMonths = whatIfMonths
        self.floor = floor
        self.cap = cap
    }
}

public enum IndicatorKind: Sendable {
    /// A value of the fact → points. For ordered facts the best entry not above the
    /// actual value counts ("本科及以上"); for others the exact entry.
    case categorical(fact: FactDefinition, entries: [(value: String, points: NumberRef)])
    /// Integer bands: the first band with min ≤ value ≤ max counts.
    case bands(fact: FactDefinition, bands: [(min: Int?, max: Int?, points: NumberRef)])
    /// Points per `per` units of the fact; each stage applies from its `from` units on,
    /// only to the units beyond it. No points below `gate` units ("from 5 full years on");
    /// `rounding` says whether only whole blocks count.
    case accrual(fact: FactDefinition, stages: [AccrualStage], gate: Int, rounding: AccrualRounding)
    /// Points when a condition is met (a bonus).
    case bonus(condition: Condition, points: NumberRef)
    /// Points (negative) for each counted incident of a count fact, e.g. violations.
    case deduction(fact: FactDefinition, each: NumberRef)
    /// The sum of several indicators (bounded by the indicator's floor and cap).
    case group(indicators: [Indicator])
    /// The best one of several indicators (either-or).
    case bestOf(indicators: [Indicator])
}

extension Indicator {
    /// Whether the indicator (or one inside it) reads `fact`: a change of that fact can
    /// change only such indicators' points (what-if re-scores just those).
    func reads(_ fact: String) -> Bool {
        switch kind {
        case .categorical(let read, _), .bands(let read, _), .deduction(let read, _):
            return read.reads(fact)
        case .accrual(let read, let stages, _, _):
            return read.reads(fact) || stages.contains { stage in
                if case .byCategory(let by, _, _) = stage.rate { return by.reads(fact) }
                return false
            }
        case .bonus(let condition, _):
            return condition.reads(fact)
        case .group(let children), .bestOf(let children):
            return children.contains { $0.reads(fact) }
        }
    }
}

extension Condition {
    /// Whether any comparison in the condition reads `fact`.
    func reads(_ fact: String) -> Bool {
        switch self {
        case .all(let children, _), .any(let children, _): return children.contains { $0.reads(fact) }
        case .not(let child, _): return child.reads(fact)
        case .leaf(let leaf): return leaf.fact.reads(fact)
        case .family(_, _, let child, _): return child.reads(fact)
        }
    }
}
