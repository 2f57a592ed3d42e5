// SPDX-License-Identifier: Apache-2.0
/// What-if and projection in time linear in the indicators (issue 15).
///
/// - What-if: each indicator proposes at most one change of one fact. Changes that set the
///   same fact to the same value are one change, scored once: only the top-level
///   indicators that read the fact are scored again (``Readers``), and the new total is the
///   base sum minus their points plus their new points, bounded again by the table's floor
///   and cap (O(1)). The cost is the readers of each distinct change, not every indicator
///   per proposal: a table of 3 000 indicators on one fact scores about 3 000 × the values
///   proposed, not 3 000 × 3 000.
/// - Projection: only indicators whose points can change with time (``Indicator/changesWithTime``)
///   are scored again for each future month; the others keep their points.
/// Both score without collecting missing facts (``PointsScorer/score(_:_:_:_:detailed:)``),
/// so neither grows with what the request leaves out.
enum PointsChanges {
    /// One ranked what-if line: the indicator that proposed the change (its id and
    /// citation), the change, and what it brings.
    struct Line: Sendable {
        let indicatorID: String
        let citation: String
        let change: PointsScorer.Change
        let gained: Fixed
        let newTotal: Fixed
        /// The provisional parameters the points gained rest on: those of the indicators
        /// scored again, before and after the change, and of the table's floor and cap; all
        /// of the total's when the floor or cap cuts the total before or after the change.
        let provisional: [String]
    }

    /// The first month within the horizon in which the score reaches the threshold by time
    /// alone, or none.
    struct Projection: Sendable {
        let reachedOn: CivilDate?
        let months: Int?
        let totalThen: Fixed?
        /// The threshold on the date reached (or the last date looked at).
        let threshold: Fixed
        let horizon: Int
        /// The provisional parameters the date (or the "not within the horizon") rests on:
        /// the threshold on the dates looked at, the points counted then, the table's floor
        /// and cap. Never an assumed number turned into a date without saying so.
        let provisional: [String]
    }

    /// Up to `limit` changes that raise the total, ranked by points gained (ties: the
    /// order the indicators propose them in, depth first through groups).
    static func whatIf(_ scorer: PointsScorer, base: PointsScorer.Result, person: Person, on date: CivilDate, limit: Int = 5) -> [Line] {
        let table = scorer.table
        guard limit > 0 else { return [] }
        let index = table.index
        struct Effect { let key: ChangeKey; let total: Fixed; let provisional: [String] }
        // The distinct changes scored so far: a short list searched by comparing (a table
        // proposes a few), indexed by a dictionary once it grows (thousands of indicators).
        var effects: [Effect] = []
        var byKey: [ChangeKey: Int]?
        var lines: [Line] = []
        func effect(of change: PointsScorer.Change) -> Effect {
            let key = ChangeKey(change.definition, change.to)
            if let byKey {
                if let known = byKey[key] { return effects[known] }
            } else {
                for known in effects where known.key == key { return known }
            }
            let override = PointsScorer.Override(fact: change.fact, value: change.to, applyingTo: person)
            var sum = base.sum
            var ids = OrderedSet()
            for reader in index.readers(of: change.fact) where reader < base.scores.count && reader < table.indicators.count {
                let before = base.scores[reader]
                let after = scorer.score(table.indicators[reader], person, date, override, detailed: false)
                sum = sum - before.points + after.points
                ids.add(before.provisional)
                ids.add(after.provisional)
            }
            var list = ids.items
            let total = scorer.bound(sum, date, &list)
            // Where the floor or cap cuts the total before or after the change, the gain
            // depends on every indicator's points, not only on those scored again: it rests
            // on all the values the total does.
            if base.bounded || total != sum {
                for id in base.provisional where !list.contains(id) { list.append(id) }
            }
            let result = Effect(key: key, total: total, provisional: list)
            effects.append(result)
            if byKey != nil {
                byKey?[key] = effects.count - 1
            } else if effects.count > OrderedSet.linearLimit {
                var map: [ChangeKey: Int] = [:]
                for (position, known) in effects.enumerated() { map[known.key] = position }
                byKey = map
            }
            return result
        }
        // `scored`: the indicator's score in the base (its value is the fact's as given).
        func propose(_ indicator: Indicator, _ scored: IndicatorScore?) {
            switch indicator.kind {
            case .group(let children), .bestOf(let children):
                // The parts' scores are beside their indicators (a detailed base).
                let parts = scored?.children ?? []
                for (position, child) in children.enumerated() {
                    propose(child, position < parts.count && parts.count == children.count ? parts[position] : nil)
                }
                return
            default: break
            }
            guard let change = scorer.change(indicator, person, date, scored: scored) else { return }
            let effect = effect(of: change)
            guard effect.total > base.total else { return }
            let gained = effect.total - base.total
            // Keep the best `limit` in rank order (insertion into a short list; a later
            // proposal goes after those that gain as much).
            var position = lines.count
            while position > 0, lines[position - 1].gained < gained { position -= 1 }
            guard position < limit else { return }
            lines.insert(Line(indicatorID: indicator.id, citation: indicator.citation, change: change, gained: gained,
                              newTotal: effect.total, provisional: effect.provisional), at: position)
            if lines.count > limit { lines.removeLast() }
        }
        let detailed = base.scores.count == table.indicators.count && base.detailed
        for (position, indicator) in table.indicators.enumerated() { propose(indicator, detailed ? base.scores[position] : nil) }
        return lines
    }

    /// The first date within the table's horizon on which the score reaches the threshold
    /// if the person simply keeps living and paying insurance; the score and the threshold
    /// are both taken on each future date (rules and the guidance score may change by date).
    static func projection(_ scorer: PointsScorer, base: PointsScorer.Result, person: Person, on asOf: CivilDate,
                           threshold thresholdRef: NumberRef) -> Projection {
        let table = scorer.table
        // The indicators that change with time, as found when the pack loaded (they read only
        // facts the pack declares, so the request's declarations cannot add one).
        let index = table.index
        var moving: [Int] = []
        var still = Fixed.zero
        var provisional = OrderedSet()
        for (position, flag) in index.changesWithTime.enumerated() where position < base.scores.count && position < table.indicators.count {
            if flag { moving.append(position) } else {
                still += base.scores[position].points
                provisional.add(base.scores[position].provisional)
            }
        }
        var ids: [String] = []
        var threshold = thresholdRef.value(on: asOf, provisional: &ids)
        let horizon = table.projectionHorizonMonths
        if horizon >= 1 {
            for months in 1...horizon {
                guard let date = asOf.adding(months: months) else { break }
                threshold = thresholdRef.value(on: date, provisional: &ids)
                let later = person.advanced(byMonths: months)
                var sum = still
                for index in moving {
                    let scored = scorer.score(table.indicators[index], later, date, nil, detailed: false)
                    sum += scored.points
                    ids.append(contentsOf: scored.provisional)
                }
                let total = scorer.bound(sum, date, &ids)
                provisional.add(ids)
                ids.removeAll(keepingCapacity: true)
                if total >= threshold {
                    return Projection(reachedOn: date, months: months, totalThen: total, threshold: threshold, horizon: horizon,
                                      provisional: provisional.items)
                }
            }
        }
        provisional.add(ids)
        return Projection(reachedOn: nil, months: nil, totalThen: nil, threshold: threshold, horizon: horizon,
                          provisional: provisional.items)
    }

    /// A change's identity: the fact (its definition, one object per fact of a pack) and
    /// the value it is set to.
    struct ChangeKey: Hashable {
        let fact: ObjectIdentifier
        let tag: UInt8
        let number: Int
        let text: String

        init(_ fact: FactDefinition, _ value: FactValue) {
            self.fact = ObjectIdentifier(fact)
            switch value {
            case .bool(let flag): (tag, number, text) = (0, flag ? 1 : 0, "")
            case .integer(let n): (tag, number, text) = (1, n, "")
            case .decimal(let d): (tag, number, text) = (2, Int(d.raw), "")
            case .date(let date): (tag, number, text) = (3, 0, date.description)
            case .enumeration(let name): (tag, number, text) = (4, 0, name)
            case .text(let name): (tag, number, text) = (5, 0, name)
            }
        }
    }

}

/// What a points table's what-if and projection look up, computed once when the pack loads
/// (linear in the indicators): the top-level indicators that read each fact (directly, or
/// through a fact derived from it), and which of them change with time.
final class PointsIndex: Sendable {
    private let byFact: [String: [Int]]
    /// Per top-level indicator: whether its points can change with time.
    let changesWithTime: [Bool]
    /// The month counters (by name) this was computed with.
    let accruing: Set<String>

    init(_ indicators: [Indicator], accruing: Set<String>) {
        var byFact: [String: [Int]] = [:]
        var flags: [Bool] = []
        for (index, indicator) in indicators.enumerated() {
            var names = Set<String>()
            indicator.collectReadNames(into: &names)
            for name in names { byFact[name, default: []].append(index) }
            flags.append(indicator.changesWithTime(accruing))
        }
        self.byFact = byFact
        self.changesWithTime = flags
        self.accruing = accruing
    }

    func readers(of fact: String) -> [Int] { byFact[fact] ?? [] }
}

extension Indicator {
    /// Every fact name `reads(_:)` is true for (the facts it reads and those they derive from).
    func collectReadNames(into names: inout Set<String>) {
        switch kind {
        case .categorical(let fact, _), .bands(let fact, _), .deduction(let fact, _):
            fact.collectReadNames(into: &names)
        case .accrual(let fact, let stages, _, _):
            fact.collectReadNames(into: &names)
            for stage in stages { if case .byCategory(let by, _, _) = stage.rate { by.collectReadNames(into: &names) } }
        case .bonus(let condition, _):
            condition.collectReadNames(into: &names)
        case .group(let children), .bestOf(let children):
            for child in children { child.collectReadNames(into: &names) }
        }
    }

    /// Whether the indicator's points can differ on a later date for the person advanced to
    /// it (``Person/advanced(byMonths:)``): it reads a fact that grows with time (a month
    /// counter, a time since a date, or one derived from them, `accruing` by name), or a
    /// number or compared parameter with more than one dated value. Conservative: an
    /// indicator it calls still keeps its points.
    func changesWithTime(_ accruing: Set<String>) -> Bool {
        if floor?.changesWithTime == true || cap?.changesWithTime == true { return true }
        switch kind {
        case .categorical(let fact, let entries):
            return fact.changesWithTime(accruing) || entries.contains { $0.points.changesWithTime }
        case .bands(let fact, let bands):
            return fact.changesWithTime(accruing) || bands.contains { $0.points.changesWithTime }
        case .accrual(let fact, let stages, _, _):
            return fact.changesWithTime(accruing) || stages.contains { stage in
                switch stage.rate {
                case .fixed(let number): return number.changesWithTime
                case .byCategory(let by, let values, let otherwise):
                    return by.changesWithTime(accruing) || values.contains { $0.points.changesWithTime } || otherwise?.changesWithTime == true
                }
            }
        case .bonus(let condition, let points):
            return points.changesWithTime || condition.changesWithTime(accruing)
        case .deduction(let fact, let each):
            return fact.changesWithTime(accruing) || each.changesWithTime
        case .group(let children), .bestOf(let children):
            return children.contains { $0.changesWithTime(accruing) }
        }
    }
}

extension NumberRef {
    /// A parameter with more than one dated value may change with the date.
    var changesWithTime: Bool {
        if case .parameter(let parameter) = self { return parameter.values.count > 1 }
        return false
    }
}

extension Condition {
    func collectReadNames(into names: inout Set<String>) {
        switch self {
        case .all(let children, _), .any(let children, _): for child in children { child.collectReadNames(into: &names) }
        case .not(let child, _), .family(_, _, let child, _): child.collectReadNames(into: &names)
        case .leaf(let leaf): leaf.fact.collectReadNames(into: &names)
        }
    }

    func changesWithTime(_ accruing: Set<String>) -> Bool {
        switch self {
        case .all(let children, _), .any(let children, _): return children.contains { $0.changesWithTime(accruing) }
        case .not(let child, _), .family(_, _, let child, _): return child.changesWithTime(accruing)
        case .leaf(let leaf):
            if case .parameter(let parameter) = leaf.operand, parameter.values.count > 1 { return true }
            return leaf.fact.changesWithTime(accruing)
        }
    }
}

extension FactDefinition {
    /// Every name `reads(_:)` is true for.
    func collectReadNames(into names: inout Set<String>) {
        names.insert(name)
        switch derivation {
        case .monthsSince(let source)?, .yearsSince(let source)?, .yearOf(let source)?: source.collectReadNames(into: &names)
        case .minimum(let sources)?: for source in sources { source.collectReadNames(into: &names) }
        case .cases(let cases)?: for entry in cases { entry.condition.collectReadNames(into: &names) }
        case nil: if let flag = accruesWhile { names.insert(flag.name) }
        }
    }

    /// Whether the value can grow with time: a month counter (`accruesWhile`, or accruing
    /// by name in the person's declarations), a time since a date, or one derived from them.
    func changesWithTime(_ accruing: Set<String>) -> Bool {
        if accruesWhile != nil || accruing.contains(name) { return true }
        switch derivation {
        case .monthsSince?, .yearsSince?: return true
        case .yearOf(let source)?: return source.changesWithTime(accruing)
        case .minimum(let sources)?: return sources.contains { $0.changesWithTime(accruing) }
        case .cases(let cases)?: return cases.contains { $0.condition.changesWithTime(accruing) }
        case nil: return false
        }
    }
}
