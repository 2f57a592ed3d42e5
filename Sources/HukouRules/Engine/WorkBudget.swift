/// What answering costs, estimated from a pack's shape when it loads (``PackCost``), and
/// the bounds every call is checked against before any work is done (``WorkBudget``).
///
/// The unit is one evaluation: a condition node judged (references expanded) or an
/// indicator scored. The estimates are upper bounds of what the services do (every rule
/// applies to every person, every indicator offers a what-if change); they are computed
/// from the pack alone, so checking them costs a few multiplications per call
/// (docs/robustness.md, "Bounded work").
public struct PackCost: Sendable, Equatable {
    /// Eligibility: pathways and priority groups, judged once for the applicant.
    public var eligibilityBase = 0
    /// Eligibility: follower rules, judged once per family member.
    public var eligibilityPerMember = 0
    /// Entitlements: rules judged for one person (the applicant or a family member).
    public var entitlementsPerPerson = 0
    /// Entitlements: the residence-permit conditions, judged once.
    public var permit = 0
    /// Points: scoring the table once.
    public var pointsScore = 0
    /// Points: the whole call (score, requirements and vetoes, a projection over the
    /// horizon, and the what-if, which re-scores the indicators a change reads).
    public var points = 0

    public static let zero = PackCost()

    public init() {}

    /// The costs of `pack`. Linear in the pack (each condition is walked once per place it
    /// is used; the what-if's readers are grouped by fact).
    public init(_ pack: PolicyPack) {
        eligibilityBase = pack.pathways.reduce(0) { $0 + 1 + Self.nodes($1.condition) }
            + pack.priorityGroups.reduce(0) { $0 + 1 + Self.nodes($1.condition) }
        eligibilityPerMember = pack.pathways.reduce(0) { sum, pathway in
            sum + pathway.followers.reduce(0) { $0 + 1 + Self.nodes($1.condition) }
        }
        entitlementsPerPerson = pack.entitlements.reduce(0) { $0 + 1 + ($1.condition.map(Self.nodes) ?? 0) }
        permit = pack.permitConditions.map { 1 + Self.nodes($0.condition) } ?? 0
        if case .table(let table)? = pack.points {
            let score = table.indicators.reduce(0) { $0 + Self.cost($1) }
            let requirements = (table.requirements + table.vetoes).reduce(0) { $0 + 1 + Self.nodes($1.condition) }
            // What-if: each changeable indicator proposes a change of one fact; the change
            // walks every top-level indicator (does it read the fact?) and re-scores those
            // that do. Quadratic in the indicators when many read one fact.
            var readers: [String: Int] = [:]
            for top in table.indicators {
                var facts: [String] = []
                Self.facts(top, into: &facts)
                let cost = Self.cost(top)
                for fact in Set(facts) { readers[fact, default: 0] += cost }
            }
            var changes: [String] = []
            for top in table.indicators { Self.changeable(top, into: &changes) }
            let whatIf = changes.reduce(0) { $0 + score + (readers[$1] ?? 0) }
            pointsScore = score
            points = score + requirements + table.projectionHorizonMonths * score + whatIf
        }
    }

    /// Nodes of a condition (references are already expanded in a compiled condition).
    static func nodes(_ condition: Condition) -> Int {
        switch condition {
        case .all(let children, _), .any(let children, _): return children.reduce(1) { $0 + nodes($1) }
        case .not(let child, _): return 1 + nodes(child)
        case .leaf: return 1
        }
    }

    /// Evaluations to score one indicator.
    static func cost(_ indicator: Indicator) -> Int {
        switch indicator.kind {
        case .bonus(let condition, _): return 1 + nodes(condition)
        case .group(let children, _), .bestOf(let children): return children.reduce(1) { $0 + cost($1) }
        default: return 1
        }
    }

    /// The facts an indicator reads.
    static func facts(_ indicator: Indicator, into facts: inout [String]) {
        switch indicator.kind {
        case .categorical(let fact, _), .bands(let fact, _), .accrual(let fact, _, _), .deduction(let fact, _):
            facts.append(fact.name)
        case .bonus(let condition, _): conditionFacts(condition, into: &facts)
        case .group(let children, _), .bestOf(let children): for child in children { Self.facts(child, into: &facts) }
        }
    }

    static func conditionFacts(_ condition: Condition, into facts: inout [String]) {
        switch condition {
        case .all(let children, _), .any(let children, _): for child in children { conditionFacts(child, into: &facts) }
        case .not(let child, _): conditionFacts(child, into: &facts)
        case .leaf(let leaf): facts.append(leaf.fact.name)
        }
    }

    /// The facts of the indicators that may propose a what-if change (one each).
    static func changeable(_ indicator: Indicator, into facts: inout [String]) {
        switch indicator.kind {
        case .categorical(let fact, _), .accrual(let fact, _, _): facts.append(fact.name)
        case .group(let children, _), .bestOf(let children): for child in children { changeable(child, into: &facts) }
        default: break
        }
    }
}

/// The bounds of one call, checked before the call does its work.
public enum WorkBudget {
    /// Most evaluations one call may need (HUKOU_MAX_CALL_WORK). The embedded packs need
    /// at most a few tens of thousands (docs/robustness.md); 2 000 000 take well under a
    /// second on a kiosk.
    public static let maxWork = 2_000_000
    /// Most condition nodes and indicators one answer may report (HUKOU_MAX_ANSWER_NODES):
    /// each becomes a few hundred bytes of answer.
    public static let maxReportedNodes = 20_000
    /// Largest answer handed to C (HUKOU_MAX_ANSWER_BYTES, the largest answer the renderer
    /// takes, so every answer can be rendered); checked after writing, as the last line of
    /// defence behind the estimates.
    public static let maxAnswerBytes = Renderer.maxAnswerBytes

    public static let answerTooLarge = HukouError(.limit, path: "", zh: "答复超过 \(maxAnswerBytes) 字节",
                                                  en: "answer larger than \(maxAnswerBytes) bytes")

    /// The three decision calls.
    public enum Call: Sendable {
        case eligibility, points, entitlements
    }

    /// Evaluations and reported nodes of `call` on `pack` for `people` persons (the
    /// applicant and the family members).
    static func estimate(_ call: Call, _ pack: PolicyPack, national: PolicyPack?, people: Int) -> (work: Int, reported: Int) {
        let cost = pack.cost
        switch call {
        case .eligibility:
            let work = cost.eligibilityBase + (people - 1) * cost.eligibilityPerMember
            return (work, work)
        case .points:
            return (cost.points, cost.pointsScore)
        case .entitlements:
            // The national rules the pack does not override are judged too (at most all of them).
            var nationalRules = 0
            if let national, national.id != pack.id { nationalRules = national.cost.entitlementsPerPerson }
            let permit = pack.permitConditions != nil ? cost.permit : (national?.cost.permit ?? 0)
            let work = permit + people * (cost.entitlementsPerPerson + nationalRules)
            return (work, work)
        }
    }

    /// Refuses a call whose estimated work or answer is beyond the bounds (`.limit`,
    /// naming the bound), before any of it is done.
    public static func check(_ call: Call, _ pack: PolicyPack, national: PolicyPack?, request: DecisionRequest) throws(HukouError) {
        let people = 1 + request.family.count
        let (work, reported) = estimate(call, pack, national: national, people: people)
        let path = people > 1 && call != .points ? "family" : ""
        guard work <= maxWork else {
            throw HukouError(.limit, path: path,
                             zh: "此请求在该政策包上约需 \(work) 次判定（\(people) 人），超过每次调用的上限 \(maxWork)（HUKOU_MAX_CALL_WORK）",
                             en: "this request needs about \(work) evaluations on this pack (\(people) people), more than the bound of \(maxWork) per call (HUKOU_MAX_CALL_WORK)")
        }
        guard reported <= maxReportedNodes else {
            throw HukouError(.limit, path: path,
                             zh: "答复约含 \(reported) 个条件节点（\(people) 人），超过每个答复的上限 \(maxReportedNodes)（HUKOU_MAX_ANSWER_NODES）",
                             en: "the answer would report about \(reported) condition nodes (\(people) people), more than the bound of \(maxReportedNodes) per answer (HUKOU_MAX_ANSWER_NODES)")
        }
    }

    /// Refuses, when it loads, a pack that no request could use within the bounds: one
    /// whose calls for an applicant alone (no family) are already beyond them.
    public static func admit(_ pack: PolicyPack) throws(HukouError) {
        for (call, section) in [(Call.eligibility, "pathways"), (.points, "points"), (.entitlements, "entitlements")] {
            let (work, reported) = estimate(call, pack, national: nil, people: 1)
            guard work <= maxWork else {
                throw HukouError(.limit, path: section,
                                 zh: "每次调用约需 \(work) 次判定，超过上限 \(maxWork)（HUKOU_MAX_CALL_WORK）",
                                 en: "needs about \(work) evaluations per call, more than the bound of \(maxWork) (HUKOU_MAX_CALL_WORK)")
            }
            guard reported <= maxReportedNodes else {
                throw HukouError(.limit, path: section,
                                 zh: "每个答复约含 \(reported) 个条件节点，超过上限 \(maxReportedNodes)（HUKOU_MAX_ANSWER_NODES）",
                                 en: "an answer would report about \(reported) condition nodes, more than the bound of \(maxReportedNodes) (HUKOU_MAX_ANSWER_NODES)")
            }
        }
    }
}
