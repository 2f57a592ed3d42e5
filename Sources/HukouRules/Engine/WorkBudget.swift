// SPDX-License-Identifier: Apache-2.0
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
    /// horizon re-scoring the indicators that change with time, and the what-if, which
    /// scores each distinct change once on the indicators that read its fact).
    public var points = 0
    /// Bytes of answer, estimated from the same parts: per node a fixed overhead plus its
    /// pack texts (labels in both languages, citation, compared values), so that long
    /// texts count as much as many nodes.
    public var eligibilityBaseBytes = 0
    public var eligibilityPerMemberBytes = 0
    public var entitlementsPerPersonBytes = 0
    public var permitBytes = 0
    public var pointsBytes = 0

    /// Bytes an answer spends on one reported node besides its texts (measured: about
    /// 100 for a bare leaf, docs/robustness.md).
    static let nodeBytes = 160

    public static let zero = PackCost()

    /// Every estimate saturates here (far above any bound a call is checked against), so
    /// that a hostile pack (family quantifiers nested in family quantifiers, each judged
    /// once per member) is refused for its cost instead of overflowing the estimate.
    static let ceiling = 1 << 40

    static func capped(_ value: Int) -> Int { Swift.min(Swift.max(value, 0), ceiling) }

    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? ceiling : capped(sum)
    }

    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? ceiling : capped(product)
    }

    public init() {}

    /// The costs of `pack`. Linear in the pack (each condition is walked once per place it
    /// is used; the what-if's readers are grouped by fact).
    public init(_ pack: PolicyPack) {
        for pathway in pack.pathways {
            let size = Self.size(pathway.condition)
            eligibilityBase += 1 + size.nodes
            eligibilityBaseBytes += Self.nodeBytes + Self.bytes(pathway.name) + pathway.citation.utf8.count
                + Self.bytes(pathway.note) + size.bytes
                + pathway.addressOrder.reduce(0) { $0 + Self.nodeBytes + Self.bytes($1.label) + $1.citation.utf8.count }
            for follower in pathway.followers {
                let size = Self.size(follower.condition)
                eligibilityPerMember += 1 + size.nodes
                eligibilityPerMemberBytes += Self.nodeBytes + Self.bytes(follower.label) + follower.citation.utf8.count
            }
        }
        for group in pack.priorityGroups {
            let size = Self.size(group.condition)
            eligibilityBase += 1 + size.nodes
            eligibilityBaseBytes += Self.nodeBytes + Self.bytes(group.name) + group.citation.utf8.count + size.bytes
        }
        for rule in pack.entitlements {
            let size = rule.condition.map(Self.size) ?? (nodes: 0, bytes: 0)
            entitlementsPerPerson += 1 + size.nodes
            entitlementsPerPersonBytes += Self.nodeBytes + Self.bytes(rule.name) + rule.citation.utf8.count
                + Self.bytes(rule.note) + size.bytes
        }
        if let conditions = pack.permitConditions {
            let size = Self.size(conditions.condition)
            permit = 1 + size.nodes
            permitBytes = Self.nodeBytes + Self.bytes(conditions.label) + conditions.citation.utf8.count + size.bytes
        }
        if case .table(let table)? = pack.points {
            let score = table.indicators.reduce(0) { Self.add($0, Self.cost($1)) }
            let requirements = (table.requirements + table.vetoes).reduce(0) { Self.add($0, Self.add(1, Self.nodes($1.condition))) }
            // Projection: each month of the horizon re-scores only the indicators whose points
            // can change with time (PointsChanges.projection). What-if: every changeable
            // indicator proposes one change (one evaluation each); changes setting a fact to
            // the same value are scored once, on the indicators that read the fact
            // (PointsChanges.whatIf). A fact's distinct changes are at most the values its
            // categorical indicators can propose, plus one per integer indicator on it:
            // linear in the indicators unless many integer indicators on one fact each
            // propose their own target (accrual gates 1, 2, 3 … on one counter), which stays
            // quadratic and is refused beyond the bound.
            let accruing = Set(pack.facts.accruing.map(\.name))
            let moving = table.indicators.reduce(0) { $1.changesWithTime(accruing) ? Self.add($0, Self.cost($1)) : $0 }
            var proposers: [String: (categorical: Int, values: Set<String>, integer: Int)] = [:]
            var proposals = 0
            for top in table.indicators { Self.proposers(top, into: &proposers, count: &proposals) }
            var readers: [String: Int] = [:]
            for top in table.indicators {
                var names = Set<String>()
                top.collectReadNames(into: &names)
                let cost = Self.cost(top)
                for name in names where proposers[name] != nil { readers[name] = Self.add(readers[name] ?? 0, cost) }
            }
            var whatIf = proposals
            for (fact, proposer) in proposers {
                let distinct = Self.add(Swift.min(proposer.categorical, proposer.values.count), proposer.integer)
                whatIf = Self.add(whatIf, Self.multiply(distinct, readers[fact] ?? 0))
            }
            pointsScore = score
            points = Self.add(Self.add(score, requirements), Self.add(Self.multiply(table.projectionHorizonMonths, moving), whatIf))
            // The breakdown (every indicator), the requirements and vetoes with their
            // shortfalls, and at most five what-if changes.
            pointsBytes = table.indicators.reduce(0) { $0 + Self.bytes($1) }
                + (table.requirements + table.vetoes).reduce(0) { $0 + Self.nodeBytes + Self.bytes($1.label) + $1.citation.utf8.count }
                + 5 * table.indicators.reduce(0) { Swift.max($0, Self.nodeBytes + Self.bytes($1)) }
        }
        for field in [\PackCost.eligibilityBase, \.eligibilityPerMember, \.entitlementsPerPerson, \.permit, \.pointsScore, \.points,
                      \.eligibilityBaseBytes, \.eligibilityPerMemberBytes, \.entitlementsPerPersonBytes, \.permitBytes, \.pointsBytes] as [WritableKeyPath<PackCost, Int>] {
            self[keyPath: field] = Self.capped(self[keyPath: field])
        }
    }

    /// Nodes of a condition (references are already expanded in a compiled condition).
    static func nodes(_ condition: Condition) -> Int {
        size(condition).nodes
    }

    /// Nodes of a condition and the bytes its report may take.
    static func size(_ condition: Condition) -> (nodes: Int, bytes: Int) {
        let own = nodeBytes + bytes(condition.info.label) + (condition.info.citation?.utf8.count ?? 0)
        switch condition {
        case .all(let children, _), .any(let children, _):
            return children.reduce((1, own)) { sum, child in
                let part = size(child)
                return (add(sum.0, part.nodes), add(sum.1, part.bytes))
            }
        case .not(let child, _):
            let part = size(child)
            return (add(1, part.nodes), add(own, part.bytes))
        case .leaf(let leaf):
            var operand = 0
            if case .strings(let values) = leaf.operand { operand = values.reduce(0) { $0 + $1.utf8.count + 3 } }
            if case .enumeration(let value) = leaf.operand { operand = value.utf8.count }
            return (1, own + operand + bytes(leaf.fact.label))
        case .family(_, _, let child, _):
            // judged once per family member (at most DecisionRequest.maxFamilyMembers)
            let part = size(child)
            let members = DecisionRequest.maxFamilyMembers
            return (add(1, multiply(part.nodes, members)), add(own, multiply(part.bytes, members)))
        }
    }

    /// Bytes of a text in the longer of its languages.
    static func bytes(_ text: LocalizedText?) -> Int {
        guard let text else { return 0 }
        return Swift.max(text.zh.utf8.count, text.en.utf8.count)
    }

    /// Bytes of an indicator's breakdown entry (with its parts).
    static func bytes(_ indicator: Indicator) -> Int {
        let own = nodeBytes + bytes(indicator.label) + indicator.citation.utf8.count
        switch indicator.kind {
        case .bonus(let condition, _): return add(own, size(condition).bytes)
        case .group(let children), .bestOf(let children): return children.reduce(own) { add($0, bytes($1)) }
        default: return own
        }
    }

    /// Evaluations to score one indicator.
    static func cost(_ indicator: Indicator) -> Int {
        switch indicator.kind {
        case .bonus(let condition, _): return add(1, nodes(condition))
        case .group(let children), .bestOf(let children): return children.reduce(1) { add($0, cost($1)) }
        default: return 1
        }
    }

    /// The indicators that may propose a what-if change (one each), by the fact they
    /// change: categorical ones (and the values they can propose) and integer ones.
    static func proposers(_ indicator: Indicator, into facts: inout [String: (categorical: Int, values: Set<String>, integer: Int)],
                          count: inout Int) {
        switch indicator.kind {
        case .categorical(let fact, let entries):
            var entry = facts[fact.name] ?? (0, [], 0)
            entry.categorical += 1
            for value in entries { entry.values.insert(value.value) }
            facts[fact.name] = entry
            count += 1
        case .accrual(let fact, _, _, _), .bands(let fact, _):
            var entry = facts[fact.name] ?? (0, [], 0)
            entry.integer += 1
            facts[fact.name] = entry
            count += 1
        case .group(let children), .bestOf(let children):
            for child in children { proposers(child, into: &facts, count: &count) }
        default: break
        }
    }
}

/// The bounds of one call, checked before the call does its work.
public enum WorkBudget {
    // The bounds are the engine's ``EngineLimits`` (callWork, answerNodes, answerBytes).
    // The embedded packs need at most a few tens of thousands of evaluations
    // (docs/robustness.md); the C ABI's 2 000 000 take well under a second on a kiosk.

    /// The three decision calls.
    public enum Call: Sendable {
        case eligibility, points, entitlements
    }

    /// Evaluations and reported nodes of `call` on `pack` for `people` persons (the
    /// applicant and the family members).
    static func estimate(_ call: Call, _ pack: PolicyPack, national: PolicyPack?, people: Int) -> (work: Int, reported: Int, bytes: Int) {
        let cost = pack.cost
        switch call {
        case .eligibility:
            let work = cost.eligibilityBase + (people - 1) * cost.eligibilityPerMember
            return (work, work, cost.eligibilityBaseBytes + (people - 1) * cost.eligibilityPerMemberBytes)
        case .points:
            return (cost.points, cost.pointsScore, cost.pointsBytes)
        case .entitlements:
            // The national rules the pack does not override are judged too (at most all of them).
            var nationalRules = 0, nationalBytes = 0
            if let national, national.id != pack.id {
                nationalRules = national.cost.entitlementsPerPerson
                nationalBytes = national.cost.entitlementsPerPersonBytes
            }
            let own = pack.permitConditions != nil
            let permit = own ? cost.permit : (national?.cost.permit ?? 0)
            let permitBytes = own ? cost.permitBytes : (national?.cost.permitBytes ?? 0)
            let work = permit + people * (cost.entitlementsPerPerson + nationalRules)
            return (work, work, permitBytes + people * (cost.entitlementsPerPersonBytes + nationalBytes))
        }
    }

    /// Refuses a call whose estimated work or answer is beyond the bounds (`.limit`,
    /// naming the bound), before any of it is done.
    public static func check(_ call: Call, _ pack: PolicyPack, national: PolicyPack?, request: DecisionRequest,
                             limits: EngineLimits) throws(HukouError) {
        let maxWork = limits.callWork, maxReportedNodes = limits.answerNodes, maxAnswerBytes = limits.answerBytes
        let people = 1 + request.family.count
        let (work, reported, bytes) = estimate(call, pack, national: national, people: people)
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
        guard bytes <= maxAnswerBytes else {
            throw HukouError(.limit, path: path,
                             zh: "答复约 \(bytes) 字节（\(people) 人），超过上限 \(maxAnswerBytes)（HUKOU_MAX_ANSWER_BYTES）",
                             en: "the answer would be about \(bytes) bytes (\(people) people), more than the bound of \(maxAnswerBytes) (HUKOU_MAX_ANSWER_BYTES)")
        }
    }

    /// Refuses, when it loads, a pack that no request could use within the bounds: one
    /// whose calls for an applicant alone (no family) are already beyond them.
    public static func admit(_ pack: PolicyPack, limits: EngineLimits) throws(HukouError) {
        let maxWork = limits.callWork, maxReportedNodes = limits.answerNodes, maxAnswerBytes = limits.answerBytes
        for (call, section) in [(Call.eligibility, "pathways"), (.points, "points"), (.entitlements, "entitlements")] {
            let (work, reported, bytes) = estimate(call, pack, national: nil, people: 1)
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
            guard bytes <= maxAnswerBytes else {
                throw HukouError(.limit, path: section,
                                 zh: "答复约 \(bytes) 字节，超过上限 \(maxAnswerBytes)（HUKOU_MAX_ANSWER_BYTES）",
                                 en: "an answer would be about \(bytes) bytes, more than the bound of \(maxAnswerBytes) (HUKOU_MAX_ANSWER_BYTES)")
            }
        }
    }
}
