/// Whether and how a jurisdiction scores residence-permit points.
public indirect enum PointsPolicy: Sendable {
    /// Points settlement is not allowed here; the clause that forbids it.
    case prohibited(citation: String, reason: LocalizedText)
    case table(PointsTable)
}

/// A number in a points table: a literal or a dated pack parameter.
public enum NumberRef: Sendable {
    case literal(Int)
    case parameter(Parameter)

    func value(on date: CivilDate, provisional: inout [String]) -> Int {
        switch self {
        case .literal(let n): return n
        case .parameter(let parameter):
            if parameter.provisional, !provisional.contains(parameter.id) { provisional.append(parameter.id) }
            if case .integer(let n) = parameter.value(on: date) { return n }
            return 0
        }
    }
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
}

/// A named condition with its citation (points requirement or veto).
public struct Requirement: Sendable {
    public let id: String
    public let label: LocalizedText
    public let citation: String
    public let condition: Condition
}

/// One indicator of a points table.
public struct Indicator: Sendable {
    public let id: String
    public let label: LocalizedText
    public let citation: String
    public let kind: IndicatorKind
    /// Months added by the what-if of an accrual indicator.
    public let whatIfMonths: Int
}

public enum IndicatorKind: Sendable {
    /// A value of the fact → points. For ordered facts the best entry not above the
    /// actual value counts ("本科及以上"); for others the exact entry.
    case categorical(fact: FactDefinition, entries: [(value: String, points: NumberRef)])
    /// Integer bands: the first band with min ≤ value ≤ max counts.
    case bands(fact: FactDefinition, bands: [(min: Int?, max: Int?, points: NumberRef)])
    /// Points per `per` units of the fact; each stage applies from its `from` units on,
    /// only to the units beyond it; an optional cap.
    case accrual(fact: FactDefinition, stages: [(from: Int, per: Int, points: NumberRef)], cap: NumberRef?)
    /// Points when a condition is met (a bonus).
    case bonus(condition: Condition, points: NumberRef)
    /// Points (negative) for each unit of a count fact, e.g. violations.
    case deduction(fact: FactDefinition, each: NumberRef)
    /// The sum of several indicators with an overall cap.
    case group(indicators: [Indicator], cap: NumberRef?)
    /// The best one of several indicators (either-or).
    case bestOf(indicators: [Indicator])
}

extension Indicator {
    /// Whether the indicator (or one inside it) reads `fact`: a change of that fact can
    /// change only such indicators' points (what-if re-scores just those).
    func reads(_ fact: String) -> Bool {
        switch kind {
        case .categorical(let read, _), .bands(let read, _), .accrual(let read, _, _), .deduction(let read, _):
            return read.name == fact
        case .bonus(let condition, _):
            return condition.reads(fact)
        case .group(let children, _), .bestOf(let children):
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
