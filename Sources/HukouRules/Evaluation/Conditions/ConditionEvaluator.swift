// SPDX-License-Identifier: Apache-2.0
/// Who and when a condition is judged for.
public struct EvaluationContext: Sendable {
    public let asOf: CivilDate
    public let applicant: Person
    public let subject: Person
    public let districts: DistrictTable
    /// The request's family members, for the family quantifiers (some / every).
    public let family: [Person]

    public init(asOf: CivilDate, applicant: Person, subject: Person, districts: DistrictTable, family: [Person] = []) {
        self.asOf = asOf
        self.applicant = applicant
        self.subject = subject
        self.districts = districts
        self.family = family
    }

    func with(subject: Person) -> EvaluationContext {
        EvaluationContext(asOf: asOf, applicant: applicant, subject: subject, districts: districts, family: family)
    }
}

/// How far an unmet quantitative condition is from being met.
public struct Shortfall: Sendable, Equatable {
    /// How much is missing (for "at least") or too much (for "at most"), in `unit`.
    public let amount: Int
    public let unit: FactUnit
    /// True when more time closes the gap ("at least"), false when it cannot ("at most").
    public let closesWithTime: Bool
    /// The date on which it would be met if the person simply goes on, when known.
    public let metOn: CivilDate?
}

/// A condition judged for one person: the tree with every node's outcome.
///
/// In a decision made with `detail: outcome` a judgement the answer shows without its tree
/// is a summary node (``ConditionEvaluator/summary(_:_:)``): the root's outcome, provisional
/// parameters and ``missingFacts``, no children.
///
/// A final class, immutable once made: a judged tree is handed from the evaluator to the
/// decision and walked by the writer, and a node passed or stored costs one reference
/// count instead of copying its dozen members (issue 15's profiles: the struct's value
/// copies and destructions were 15 % of an eligibility call).
public final class EvaluatedCondition: Sendable {
    public let outcome: Outcome
    public let info: NodeInfo
    public let kind: String
    public let children: [EvaluatedCondition]
    // Leaves only:
    public let fact: FactDefinition?
    public let op: ComparisonOperator?
    public let actual: FactValue?
    /// What the leaf compared with; ``expected`` is made from it only when an answer shows it.
    let compared: Compared?
    public let shortfall: Shortfall?
    /// Provisional parameters this node (or any below it) depends on.
    public let provisionalParameters: [String]
    /// For the per-member nodes of a family quantifier: the index of the member in the
    /// request's family (its missing facts are asked as "family[i].field").
    public let member: Int?
    /// A summary node (``ConditionEvaluator/summary(_:_:)``): no children, and the root's
    /// missing facts worked out while judging (nil for a node of a judged tree).
    let summaryMissing: [String]?

    /// What a leaf compared the fact with: its own operand (never a parameter), or a
    /// parameter's value on the as-of date.
    enum Compared: Sendable {
        case operand(Operand)
        case parameter(Parameter.Value?)
    }

    init(outcome: Outcome, info: NodeInfo, kind: String, children: [EvaluatedCondition], fact: FactDefinition? = nil,
         op: ComparisonOperator? = nil, actual: FactValue? = nil, compared: Compared? = nil, shortfall: Shortfall? = nil,
         provisionalParameters: [String], member: Int? = nil, summaryMissing: [String]? = nil) {
        self.outcome = outcome
        self.info = info
        self.kind = kind
        self.children = children
        self.fact = fact
        self.op = op
        self.actual = actual
        self.compared = compared
        self.shortfall = shortfall
        self.provisionalParameters = provisionalParameters
        self.member = member
        self.summaryMissing = summaryMissing
    }

    /// The same node as the judgement of the family member at `index`.
    func with(member index: Int) -> EvaluatedCondition {
        EvaluatedCondition(outcome: outcome, info: info, kind: kind, children: children, fact: fact, op: op, actual: actual,
                           compared: compared, shortfall: shortfall, provisionalParameters: provisionalParameters, member: index)
    }

    /// What a leaf compared the fact with, as the answer shows it: the operand, or the
    /// parameter's value on the as-of date (a list for `in` / `not_in`); nil for other nodes.
    public var expected: JSONValue? {
        switch compared {
        case nil: return nil
        case .operand(let operand)?:
            switch operand {
            case .bool(let flag): return .bool(flag)
            case .integer(let n): return .integer(Int64(n))
            case .enumeration(let name): return .string(name)
            case .strings(let names): return .array(names.map(JSONValue.string))
            case .decimal(let number): return number.json
            case .date(let date): return .string(date.description)
            case .parameter: return .null
            }
        case .parameter(let resolved)?:
            switch resolved {
            case .integer(let n)?: return .integer(Int64(n))
            case .strings(let names)?:
                return (op == .inSet || op == .notInSet) ? .array(names.map(JSONValue.string)) : .string(names.first ?? "")
            case nil: return .null
            }
        }
    }

    /// Facts to ask for: the unknown leaves' request fields, in tree order, no repeats.
    public var missingFacts: [String] {
        if let summaryMissing { return outcome == .unknown ? summaryMissing : [] }
        var result: [String] = []
        collectMissing(into: &result)
        return result
    }

    private func collectMissing(into result: inout [String], prefix: String = "") {
        if outcome != .unknown { return }
        let prefix = member.map { "family[\($0)]." } ?? prefix
        if let fact, actual == nil {
            let field = prefix.isEmpty ? fact.askFor : prefix + fact.askFor
            if !result.contains(field) { result.append(field) }
            return
        }
        for child in children { child.collectMissing(into: &result, prefix: prefix) }
    }

    /// The unmet leaves with a shortfall, in tree order.
    public var shortfalls: [EvaluatedCondition] {
        var result: [EvaluatedCondition] = []
        collectShortfalls(into: &result)
        return result
    }

    private func collectShortfalls(into result: inout [EvaluatedCondition]) {
        if outcome != .unmet { return }
        if shortfall != nil { result.append(self) }
        for child in children { child.collectShortfalls(into: &result) }
    }
}

/// Evaluates compiled conditions with three-valued logic.
public enum ConditionEvaluator {
    public static func evaluate(_ condition: Condition, _ context: EvaluationContext) -> EvaluatedCondition {
        switch condition {
        case .all(let children, let info):
            return evaluateGroup(children, info, isAll: true, context)
        case .any(let children, let info):
            return evaluateGroup(children, info, isAll: false, context)
        case .not(let child, let info):
            let judged = evaluate(child, context)
            return node(judged.outcome.negated, info, "not", [judged])
        case .leaf(let leaf):
            return evaluate(leaf, context)
        case .family(let quantifier, let relations, let child, let info):
            return evaluateFamily(quantifier, relations, child, info, context)
        }
    }

    /// The outcome alone, the same as ``evaluate(_:_:)``'s, without building the judged tree:
    /// no node, no array, and an `all` (`any`) stops at its first unmet (met) part, which
    /// decides the Kleene fold whatever the rest says. For callers that keep only the
    /// outcome (a derived fact's cases, an applicability test that is met).
    public static func outcome(_ condition: Condition, _ context: EvaluationContext) -> Outcome {
        switch condition {
        case .all(let children, _):
            return groupOutcome(children, isAll: true, context)
        case .any(let children, _):
            return groupOutcome(children, isAll: false, context)
        case .not(let child, _):
            return outcome(child, context).negated
        case .leaf(let leaf):
            return outcome(leaf, context)
        case .family(let quantifier, let relations, let child, _):
            return familyOutcome(quantifier, relations, child, context)
        }
    }

    /// `all` / `any`, outcome only (a frame of its own, like ``evaluateGroup(_:_:isAll:_:)``).
    @inline(never)
    private static func groupOutcome(_ children: [Condition], isAll: Bool, _ context: EvaluationContext) -> Outcome {
        let decisive: Outcome = isAll ? .unmet : .met
        var result: Outcome = isAll ? .met : .unmet
        for index in children.indices {
            let part = outcome(children[index], context)
            if part == decisive { return decisive }
            if part == .unknown { result = .unknown }
        }
        return result
    }

    /// `some` / `every`, outcome only (the fold of ``evaluateFamily(_:_:_:_:_:)``).
    @inline(never)
    private static func familyOutcome(_ quantifier: FamilyQuantifier, _ relations: [String]?, _ child: Condition,
                                      _ context: EvaluationContext) -> Outcome {
        var result: Outcome = quantifier == .some ? .unmet : .met
        for member in context.family {
            let related = relatedness(member, relations)
            if related == .unmet { continue }
            let judged = outcome(child, context.with(subject: member))
            switch quantifier {
            case .some: result = Outcome.or(result, Outcome.and(related, judged))
            case .every: result = Outcome.and(result, Outcome.or(related.negated, judged))
            }
        }
        return result
    }

    /// A leaf, outcome only (the comparison of ``evaluate(_:_:)`` for a leaf).
    @inline(never)
    private static func outcome(_ leaf: Leaf, _ context: EvaluationContext) -> Outcome {
        guard let actual = actual(leaf, context) else { return .unknown }
        var resolved: Parameter.Value?
        if case .parameter(let parameter) = leaf.operand { resolved = parameter.value(on: context.asOf) }
        return compare(actual, leaf, resolved) ? .met : .unmet
    }

    /// The judgement as an answer without its tree shows it (`detail: outcome`, a priority
    /// group, a follower rule): a node with the root's outcome, info and kind, the
    /// provisional parameters that shape the outcome and the missing facts, all the same as
    /// ``evaluate(_:_:)``'s, and no children: no node, no array is made below the root, and
    /// an `all` (`any`) stops at an unmet (met) part that rests on no provisional value.
    public static func summary(_ condition: Condition, _ context: EvaluationContext) -> EvaluatedCondition {
        var missing: [String] = []
        let (outcome, provisional) = summarize(condition, context, &missing, nil)
        let info: NodeInfo
        let kind: String
        switch condition {
        case .all(_, let nodeInfo): info = nodeInfo; kind = "all"
        case .any(_, let nodeInfo): info = nodeInfo; kind = "any"
        case .not(_, let nodeInfo): info = nodeInfo; kind = "not"
        case .leaf(let leaf): info = leaf.info; kind = "fact"
        case .family(let quantifier, _, _, let nodeInfo): info = nodeInfo; kind = quantifier.rawValue
        }
        return EvaluatedCondition(outcome: outcome, info: info, kind: kind, children: [], provisionalParameters: provisional,
                                  summaryMissing: missing)
    }

    /// One node of ``summary(_:_:)``: its outcome and provisional parameters; its missing
    /// facts are appended to `missing` (as "family[member].field" under a member) when the
    /// outcome is unknown, and nothing is left there otherwise (the tree's `missingFacts`
    /// walks only unknown nodes).
    @inline(never)
    private static func summarize(_ condition: Condition, _ context: EvaluationContext, _ missing: inout [String],
                                  _ member: Int?) -> (Outcome, [String]) {
        switch condition {
        case .all(let children, _):
            return summarizeGroup(children, isAll: true, context, &missing, member)
        case .any(let children, _):
            return summarizeGroup(children, isAll: false, context, &missing, member)
        case .not(let child, _):
            let (outcome, provisional) = summarize(child, context, &missing, member)
            return (outcome.negated, provisional)
        case .leaf(let leaf):
            return summarize(leaf, context, &missing, member)
        case .family(let quantifier, let relations, let child, _):
            return summarizeFamily(quantifier, relations, child, context, &missing)
        }
    }

    /// `all` / `any` of ``summarize(_:_:_:_:)``: the fold and ``deciding(_:outcome:isAll:)``
    /// of ``evaluateGroup(_:_:isAll:_:)`` without the parts' nodes.
    @inline(never)
    private static func summarizeGroup(_ children: [Condition], isAll: Bool, _ context: EvaluationContext,
                                       _ missing: inout [String], _ member: Int?) -> (Outcome, [String]) {
        let start = missing.count
        let decisive: Outcome = isAll ? .unmet : .met
        var outcome: Outcome = isAll ? .met : .unmet
        var every: [String] = []
        var decisiveParameters: [String] = []
        for index in children.indices {
            let (part, provisional) = summarize(children[index], context, &missing, member)
            if part == decisive {
                if provisional.isEmpty {
                    // Decided, and for certain: nothing below counts any more.
                    missing.removeSubrange(start...)
                    return (decisive, [])
                }
                for id in provisional where !decisiveParameters.contains(id) { decisiveParameters.append(id) }
            }
            outcome = isAll ? Outcome.and(outcome, part) : Outcome.or(outcome, part)
            for id in provisional where !every.contains(id) { every.append(id) }
        }
        if outcome != .unknown { missing.removeSubrange(start...) }
        return (outcome, outcome == decisive ? decisiveParameters : every)
    }

    /// `some` / `every` of ``summarize(_:_:_:_:)`` (``evaluateFamily(_:_:_:_:_:)`` without nodes).
    @inline(never)
    private static func summarizeFamily(_ quantifier: FamilyQuantifier, _ relations: [String]?, _ child: Condition,
                                        _ context: EvaluationContext, _ missing: inout [String]) -> (Outcome, [String]) {
        let start = missing.count
        var outcome: Outcome = quantifier == .some ? .unmet : .met
        var every: [String] = []
        for (index, member) in context.family.enumerated() {
            let related = relatedness(member, relations)
            if related == .unmet { continue }
            let (judged, provisional) = summarize(child, context.with(subject: member), &missing, index)
            switch quantifier {
            case .some: outcome = Outcome.or(outcome, Outcome.and(related, judged))
            case .every: outcome = Outcome.and(outcome, Outcome.or(related.negated, judged))
            }
            for id in provisional where !every.contains(id) { every.append(id) }
        }
        if outcome != .unknown { missing.removeSubrange(start...) }
        return (outcome, every)
    }

    /// A leaf of ``summarize(_:_:_:_:)``: the outcome and parameters of ``evaluate(_:_:)`` for
    /// a leaf, its request field when the fact is missing.
    @inline(never)
    private static func summarize(_ leaf: Leaf, _ context: EvaluationContext, _ missing: inout [String],
                                  _ member: Int?) -> (Outcome, [String]) {
        var provisional: [String] = []
        var resolved: Parameter.Value?
        var atLeast = false
        if case .parameter(let parameter) = leaf.operand {
            resolved = parameter.value(on: context.asOf)
            if parameter.isProvisional(on: context.asOf) {
                provisional.append(parameter.id)
                atLeast = parameter.dated(on: context.asOf).atLeast
            }
        }
        guard let actual = actual(leaf, context) else {
            let field = member.map { "family[\($0)]." + leaf.fact.askFor } ?? leaf.fact.askFor
            if !missing.contains(field) { missing.append(field) }
            return (.unknown, provisional)
        }
        let met = compare(actual, leaf, resolved)
        if atLeast, !provisional.isEmpty, standsWhenRaised(leaf.op, met: met) { provisional = [] }
        return (met ? .met : .unmet, provisional)
    }

    /// Unmet only where `leafCounts` says an unmet leaf may be (``EligibilityService``'s
    /// cap and nearly-met tests, read off the condition instead of its tree): a part that is
    /// not unmet counts; an unmet `all` when each part counts; an unmet `any` (when
    /// `throughAny`) when an unmet part counts; any other unmet node does not.
    @inline(never)
    static func unmetOnlyBy(_ condition: Condition, _ context: EvaluationContext, throughAny: Bool,
                            _ leafCounts: (Leaf) -> Bool) -> Bool {
        guard outcome(condition, context) == .unmet else { return true }
        switch condition {
        case .leaf(let leaf): return leafCounts(leaf)
        case .all(let children, _): return children.allSatisfy { unmetOnlyBy($0, context, throughAny: throughAny, leafCounts) }
        case .any(let children, _):
            guard throughAny else { return false }
            return children.contains { outcome($0, context) == .unmet && unmetOnlyBy($0, context, throughAny: throughAny, leafCounts) }
        case .not, .family: return false
        }
    }

    /// The value a leaf compares: its fact read for the applicant or the subject, a district
    /// name made canonical.
    private static func actual(_ leaf: Leaf, _ context: EvaluationContext) -> FactValue? {
        let person = leaf.of == .applicant ? context.applicant : context.subject
        let actual = leaf.fact.read(person, context)
        if case .text(let name)? = actual, let canonical = context.districts.canonical(name) { return .text(canonical) }
        return actual
    }

    /// `all` / `any` (out of ``evaluate(_:_:)`` to keep its frame small: conditions nest 32
    /// deep and must run on a small thread stack). A Kleene fold (all of none is met, any of
    /// none is unmet), no array of outcomes.
    @inline(never)
    private static func evaluateGroup(_ children: [Condition], _ info: NodeInfo, isAll: Bool,
                                      _ context: EvaluationContext) -> EvaluatedCondition {
        let judged = children.map { evaluate($0, context) }
        var outcome: Outcome = isAll ? .met : .unmet
        for child in judged { outcome = isAll ? Outcome.and(outcome, child.outcome) : Outcome.or(outcome, child.outcome) }
        return EvaluatedCondition(outcome: outcome, info: info, kind: isAll ? "all" : "any", children: judged,
                                  provisionalParameters: deciding(judged, outcome: outcome, isAll: isAll))
    }

    /// Whether a family member has one of `relations` (met with no filter; unknown when the
    /// request does not give the member's relation): the quantifiers' filter.
    private static func relatedness(_ member: Person, _ relations: [String]?) -> Outcome {
        guard let relations else { return .met }
        guard let relation = member.relation else { return .unknown }
        return relations.contains(relation) ? .met : .unmet
    }

    /// `some` / `every` over the family (out of ``evaluate(_:_:)`` to keep its frame small).
    @inline(never)
    private static func evaluateFamily(_ quantifier: FamilyQuantifier, _ relations: [String]?, _ child: Condition,
                                       _ info: NodeInfo, _ context: EvaluationContext) -> EvaluatedCondition {
        var judged: [EvaluatedCondition] = []
        var outcomes: [Outcome] = []
        for (index, member) in context.family.enumerated() {
            let related = relatedness(member, relations)
            if related == .unmet { continue }
            let memberNode = evaluate(child, context.with(subject: member)).with(member: index)
            judged.append(memberNode)
            switch quantifier {
            case .some: outcomes.append(Outcome.and(related, memberNode.outcome))
            case .every: outcomes.append(Outcome.or(related.negated, memberNode.outcome))
            }
        }
        let outcome = quantifier == .some ? Outcome.any(outcomes) : Outcome.all(outcomes)
        return node(outcome, info, quantifier.rawValue, judged)
    }

    /// The provisional parameters that shape an `all`/`any` outcome: a met `any` (unmet `all`)
    /// stands if any one of its met (unmet) parts stands, so a part that rests on no
    /// provisional value makes it certain, and otherwise only those parts' parameters count;
    /// any other outcome can change with any part.
    private static func deciding(_ children: [EvaluatedCondition], outcome: Outcome, isAll: Bool) -> [String] {
        let decisive: Outcome = isAll ? .unmet : .met
        let parts = outcome == decisive ? children.filter { $0.outcome == decisive } : children
        if outcome == decisive, parts.contains(where: { $0.provisionalParameters.isEmpty }) { return [] }
        var provisional: [String] = []
        for child in parts {
            for id in child.provisionalParameters where !provisional.contains(id) { provisional.append(id) }
        }
        return provisional
    }

    private static func node(_ outcome: Outcome, _ info: NodeInfo, _ kind: String, _ children: [EvaluatedCondition]) -> EvaluatedCondition {
        var provisional: [String] = []
        for child in children {
            for id in child.provisionalParameters where !provisional.contains(id) { provisional.append(id) }
        }
        return EvaluatedCondition(outcome: outcome, info: info, kind: kind, children: children, provisionalParameters: provisional)
    }

    static func evaluate(_ leaf: Leaf, _ context: EvaluationContext) -> EvaluatedCondition {
        let person = leaf.of == .applicant ? context.applicant : context.subject
        let actual = actual(leaf, context)
        var provisional: [String] = []
        var resolved: Parameter.Value?
        var atLeast = false
        if case .parameter(let parameter) = leaf.operand {
            resolved = parameter.value(on: context.asOf)
            if parameter.isProvisional(on: context.asOf) { provisional.append(parameter.id) }
            // A value known only as a lower bound (`"at_least": true`: a raise not encoded)
            // leaves an outcome that a higher value cannot change certain.
            atLeast = parameter.dated(on: context.asOf).atLeast
        }
        var outcome = Outcome.unknown
        var shortfall: Shortfall?
        if let actual {
            let met = compare(actual, leaf, resolved)
            outcome = met ? .met : .unmet
            if atLeast, !provisional.isEmpty, Self.standsWhenRaised(leaf.op, met: met) { provisional = [] }
            // Below a lower bound (`at_least`) for certain, but by how much and until when is
            // not decided: no amount and no date from the bound.
            let belowLowerBound = atLeast && (leaf.op == .greater || leaf.op == .greaterOrEqual)
            if !met, !belowLowerBound, case .integer(let value) = actual, let target = integerTarget(leaf.operand, resolved),
               case .integer(let unit) = leaf.fact.type {
                shortfall = gap(value: value, target: target, leaf: leaf, unit: unit, person: person, context: context)
            }
        }
        let compared: EvaluatedCondition.Compared
        if case .parameter = leaf.operand { compared = .parameter(resolved) } else { compared = .operand(leaf.operand) }
        return EvaluatedCondition(outcome: outcome, info: leaf.info, kind: "fact", children: [], fact: leaf.fact, op: leaf.op,
                                  actual: actual, compared: compared, shortfall: shortfall, provisionalParameters: provisional)
    }

    /// The integer a leaf compares with: its own, or its parameter's on the as-of date.
    private static func integerTarget(_ operand: Operand, _ resolved: Parameter.Value?) -> Int? {
        if case .integer(let n) = operand { return n }
        if case .parameter = operand, case .integer(let n)? = resolved { return n }
        return nil
    }

    /// Whether a comparison with a value known to be at least the one used keeps its outcome
    /// whatever the real value: `<`, `<=` stay met and `>`, `>=` stay unmet as it rises.
    static func standsWhenRaised(_ op: ComparisonOperator, met: Bool) -> Bool {
        switch op {
        case .less, .lessOrEqual: return met
        case .greater, .greaterOrEqual: return !met
        default: return false
        }
    }

    private static func ordered<T: Comparable>(_ lhs: T, _ rhs: T, _ op: ComparisonOperator) -> Bool {
        switch op {
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        case .less: return lhs < rhs
        case .lessOrEqual: return lhs <= rhs
        case .greater: return lhs > rhs
        case .greaterOrEqual: return lhs >= rhs
        default: return false
        }
    }

    private static func compare(_ actual: FactValue, _ leaf: Leaf, _ resolved: Parameter.Value?) -> Bool {
        switch actual {
        case .decimal(let value):
            if case .decimal(let target) = leaf.operand { return ordered(value, target, leaf.op) }
            guard let target = integerTarget(leaf.operand, resolved) else { return false }
            return ordered(value, Fixed(target), leaf.op)
        case .date(let value):
            guard case .date(let target) = leaf.operand else { return false }
            return ordered(value, target, leaf.op)
        case .bool(let flag):
            guard case .bool(let wanted) = leaf.operand else { return false }
            return leaf.op == .notEqual ? flag != wanted : flag == wanted
        case .integer(let value):
            guard let target = integerTarget(leaf.operand, resolved) else { return false }
            return ordered(value, target, leaf.op)
        case .enumeration(let name), .text(let name):
            // One name (an enumeration operand) or a list (a list operand, a parameter):
            // compared without making a list of the one name.
            let single: String?
            let list: [String]
            switch (leaf.operand, resolved) {
            case (.enumeration(let value), _): single = value; list = []
            case (.strings(let values), _): single = nil; list = values
            case (.parameter, .strings(let values)?): single = nil; list = values
            default: return false
            }
            let first = single ?? list.first
            let contains = single.map { $0 == name } ?? list.contains(name)
            switch leaf.op {
            case .equal: return first == name
            case .notEqual: return first != name
            case .inSet: return contains
            case .notInSet: return !contains
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                guard case .enumeration(let values, let ranks?) = leaf.fact.type,
                      let first,
                      let lhs = rank(of: name, values, ranks), let rhs = rank(of: first, values, ranks) else { return false }
                switch leaf.op {
                case .less: return lhs < rhs
                case .lessOrEqual: return lhs <= rhs
                case .greater: return lhs > rhs
                default: return lhs >= rhs
                }
            case .isValue: return false
            }
        }
    }

    static func rank(of name: String, _ values: [String], _ ranks: [Int]) -> Int? {
        guard let index = values.firstIndex(of: name), index < ranks.count else { return nil }
        return ranks[index]
    }

    private static func gap(value: Int, target: Int, leaf: Leaf, unit: FactUnit, person: Person, context: EvaluationContext) -> Shortfall? {
        switch leaf.op {
        case .greaterOrEqual, .greater:
            let needed = leaf.op == .greater ? target + 1 : target
            let date = leaf.fact.reaches(person, context, needed)
            return Shortfall(amount: needed - value, unit: unit, closesWithTime: date != nil, metOn: date)
        case .lessOrEqual, .less:
            let limit = leaf.op == .less ? target - 1 : target
            return Shortfall(amount: value - limit, unit: unit, closesWithTime: false, metOn: nil)
        default:
            return nil
        }
    }
}
