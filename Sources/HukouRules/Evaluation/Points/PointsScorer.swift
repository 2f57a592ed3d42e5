// SPDX-License-Identifier: Apache-2.0
/// The score of one indicator, with the value it used and its parts (in the order of the
/// indicator's own parts; the indicator itself is not copied in: the breakdown walks the
/// table beside its scores).
struct IndicatorScore: Sendable {
    let points: Fixed
    /// The fact value the indicator scored (a bonus: whether its condition held); nil when
    /// unknown or for groups.
    let valueUsed: FactValue?
    let capApplied: Bool
    let missing: [String]
    let provisional: [String]
    let children: [IndicatorScore]
    /// For either-or groups: the id of the indicator that counted.
    let chosen: String?
}

/// Scores a person against a points table on a date, optionally with one fact changed
/// (what-if). All arithmetic is in fixed point (``Fixed``): no binary rounding near a cut-off.
///
/// Two modes: `detailed` keeps each indicator's value, missing facts and parts (the
/// breakdown); otherwise only the points and the provisional parameters they rest on are
/// kept (projection and what-if re-score many times, and must not grow with what is missing).
struct PointsScorer {
    let table: PointsTable
    let districts: DistrictTable
    /// The request's family members (family quantifiers in bonus conditions, derived facts).
    var family: [Person] = []

    /// One fact changed: `value` is read for `fact`; `person` is the person with the change
    /// applied, so that facts derived from it change too (a cap by insurance years).
    ///
    /// A class, so that passing it through the scoring of groups copies one reference; used
    /// by one call on one thread (never shared), so its lazily made `person` needs no lock.
    final class Override {
        let fact: String
        let value: FactValue
        private let given: Person
        private var applied: Person?

        /// `person`: the person with the change already applied.
        init(fact: String, value: FactValue, person: Person) {
            self.fact = fact
            self.value = value
            self.given = person
            self.applied = person
        }

        /// The change on `person` as given: it is applied (``PointsScorer/person(_:with:_:)``)
        /// the first time a fact other than `fact` is read; the changed fact itself is read
        /// as `value` without it.
        init(fact: String, value: FactValue, applyingTo person: Person) {
            self.fact = fact
            self.value = value
            self.given = person
            self.applied = nil
        }

        /// The person with the change applied.
        var person: Person {
            if let applied { return applied }
            let changed = PointsScorer.person(given, with: fact, value)
            applied = changed
            return changed
        }
    }

    struct Result {
        let total: Fixed
        /// The sum of the indicators' points before the table's floor and cap.
        let sum: Fixed
        let scores: [IndicatorScore]
        let missing: [String]
        let provisional: [String]
        /// Whether the table's total_floor or total_cap changed the sum.
        let bounded: Bool
        /// Whether `scores` carry the values used and the parts (``score(_:on:breakdown:)``).
        let detailed: Bool
    }

    /// The table's score. `breakdown` false (an outcome-only answer): the same total,
    /// missing facts and provisional parameters, without each indicator's value and parts.
    func score(_ person: Person, on date: CivilDate, breakdown: Bool = true) -> Result {
        var scores: [IndicatorScore] = []
        scores.reserveCapacity(table.indicators.count)
        var missing = OrderedSet()
        var provisional = OrderedSet()
        var sum = Fixed.zero
        for indicator in table.indicators {
            let item = score(indicator, person, date, nil, detailed: true, parts: breakdown)
            sum += item.points
            missing.add(item.missing)
            provisional.add(item.provisional)
            scores.append(item)
        }
        var ids = provisional.items
        let total = bound(sum, date, &ids)
        return Result(total: total, sum: sum, scores: scores, missing: missing.items, provisional: ids, bounded: total != sum,
                      detailed: breakdown)
    }

    /// The sum bounded by the table's total floor and cap (their parameters noted in `provisional`).
    func bound(_ sum: Fixed, _ date: CivilDate, _ provisional: inout [String]) -> Fixed {
        bound(sum, floor: table.totalFloor, cap: table.totalCap, date, &provisional)
    }

    private func bound(_ value: Fixed, floor: NumberRef?, cap: NumberRef?, _ date: CivilDate, _ provisional: inout [String]) -> Fixed {
        var result = value
        if let floor {
            let limit = floor.value(on: date, provisional: &provisional)
            if result < limit { result = limit }
        }
        if let cap {
            let limit = cap.value(on: date, provisional: &provisional)
            if result > limit { result = limit }
        }
        return result
    }

    func context(_ person: Person, _ date: CivilDate) -> EvaluationContext {
        EvaluationContext(asOf: date, applicant: person, subject: person, districts: districts, family: family)
    }

    func read(_ fact: FactDefinition, _ person: Person, _ date: CivilDate, _ change: Override?) -> FactValue? {
        var person = person
        if let change {
            if change.fact == fact.name { return change.value }
            person = change.person
        }
        // A fact the request gives is read without building an evaluation context.
        let value = fact.path != nil ? person.given(fact) ?? fact.read(person, context(person, date))
                                     : fact.read(person, context(person, date))
        if case .text(let name)? = value, let canonical = districts.canonical(name) { return .text(canonical) }
        return value
    }

    /// `person` with `fact` set to `value` (when the fact is given in requests).
    static func person(_ person: Person, with fact: String, _ value: FactValue) -> Person {
        var changed = person
        if let definition = person.catalogue.definition(fact), definition.path != nil { changed.give(definition, value) }
        return changed
    }

    /// ``person(_:with:_:)`` for a definition the table holds: set at its index, no name hashed.
    static func person(_ person: Person, with fact: FactDefinition, _ value: FactValue) -> Person {
        guard person.catalogue.declares(fact) else { return self.person(person, with: fact.name, value) }
        var changed = person
        if fact.path != nil { changed.give(fact, value) }
        return changed
    }

    /// One indicator's score. `detailed`: with the facts missing; `parts` (with `detailed`):
    /// with the value used and the parts of groups (the breakdown of a full answer).
    func score(_ indicator: Indicator, _ person: Person, _ date: CivilDate, _ change: Override?, detailed: Bool,
               parts: Bool = true) -> IndicatorScore {
        var provisional: [String] = []
        let breakdown = detailed && parts
        func result(_ points: Fixed, _ used: FactValue?, missing: [String] = [],
                    children: [IndicatorScore] = [], chosen: String? = nil) -> IndicatorScore {
            // The indicator's own floor and cap, whatever its kind.
            var bounded = points
            if indicator.floor != nil || indicator.cap != nil {
                bounded = bound(points, floor: indicator.floor, cap: indicator.cap, date, &provisional)
            }
            return IndicatorScore(points: bounded, valueUsed: breakdown ? used : nil, capApplied: bounded != points,
                                  missing: detailed ? missing : [], provisional: provisional,
                                  children: breakdown ? children : [], chosen: breakdown ? chosen : nil)
        }
        func ask(_ fact: FactDefinition) -> [String] { detailed ? [fact.askFor] : [] }
        switch indicator.kind {
        case .categorical(let fact, let entries):
            guard let value = read(fact, person, date, change) else { return result(.zero, nil, missing: ask(fact)) }
            var name = ""
            if case .enumeration(let text) = value { name = text }
            if case .text(let text) = value { name = text }
            if case .enumeration(let values, let ranks?) = fact.type, let actualRank = ConditionEvaluator.rank(of: name, values, ranks) {
                // Best entry not above the actual level; only the entry that counts can make
                // the answer provisional (a lower level the applicant exceeds does not).
                var best: (points: Fixed, ref: NumberRef)?
                for entry in entries {
                    guard let rank = ConditionEvaluator.rank(of: entry.value, values, ranks), rank <= actualRank else { continue }
                    let points = entry.points.peek(on: date)
                    if best == nil || points > (best?.points ?? .zero) { best = (points, entry.points) }
                }
                guard let best else { return result(.zero, value) }
                return result(best.ref.value(on: date, provisional: &provisional), value)
            }
            for entry in entries where entry.value == name {
                return result(entry.points.value(on: date, provisional: &provisional), value)
            }
            return result(.zero, value)
        case .bands(let fact, let bands):
            guard case .integer(let value)? = read(fact, person, date, change) else { return result(.zero, nil, missing: ask(fact)) }
            for band in bands where (band.min ?? Int.min) <= value && value <= (band.max ?? Int.max) {
                return result(band.points.value(on: date, provisional: &provisional), .integer(value))
            }
            return result(.zero, .integer(value))
        case .accrual(let fact, let stages, let gate, let rounding):
            guard case .integer(let value)? = read(fact, person, date, change) else { return result(.zero, nil, missing: ask(fact)) }
            guard value >= gate else { return result(.zero, .integer(value)) }
            var points = Fixed.zero
            for (index, stage) in stages.enumerated() {
                let end = index + 1 < stages.count ? stages[index + 1].from : Int.max
                let units = max(0, min(value, end) - stage.from)
                guard units > 0 else { continue }
                let rate: Fixed
                switch stage.rate {
                case .fixed(let number):
                    rate = number.value(on: date, provisional: &provisional)
                case .byCategory(let by, let values, let otherwise):
                    guard case .enumeration(let category)? = read(by, person, date, change) else {
                        return result(.zero, .integer(value), missing: ask(by))
                    }
                    let chosen = values.first { $0.value == category }?.points ?? otherwise
                    rate = chosen?.value(on: date, provisional: &provisional) ?? .zero
                }
                switch rounding {
                case .wholeBlocks: points += rate.times(units / stage.per)
                case .proRata: points += rate.times(units, over: stage.per)
                case .proRataWholePoints: points += Fixed(rate.times(units, over: stage.per).integerPart)
                }
            }
            return result(points, .integer(value))
        case .bonus(let condition, let pointsRef):
            // A bonus condition is judged on the person as given (a change is not applied).
            let judged = ConditionEvaluator.evaluate(condition, context(person, date))
            switch judged.outcome {
            case .met: return result(pointsRef.value(on: date, provisional: &provisional), .bool(true))
            case .unmet: return result(.zero, .bool(false))
            case .unknown: return result(.zero, nil, missing: detailed ? judged.missingFacts : [])
            }
        case .deduction(let fact, let each):
            guard case .integer(let count)? = read(fact, person, date, change) else { return result(.zero, nil, missing: ask(fact)) }
            return result(each.value(on: date, provisional: &provisional).times(count), .integer(count))
        case .group(let indicators):
            let parts = indicators.map { score($0, person, date, change, detailed: detailed, parts: breakdown) }
            var sum = Fixed.zero
            var missing = OrderedSet()
            var ids = OrderedSet()
            for part in parts {
                sum += part.points
                missing.add(part.missing)
                ids.add(part.provisional)
            }
            provisional = ids.items
            return result(sum, nil, missing: missing.items, children: detailed ? parts : [])
        case .bestOf(let indicators):
            let parts = indicators.map { score($0, person, date, change, detailed: detailed, parts: breakdown) }
            var best: Int?
            for (index, part) in parts.enumerated() where best == nil || part.points > parts[best ?? index].points { best = index }
            var missing = OrderedSet()
            for part in parts { missing.add(part.missing) }
            // Only the counted indicator's provisional values shape the answer.
            guard let best else { return result(.zero, nil, missing: missing.items, children: detailed ? parts : []) }
            provisional = parts[best].provisional
            return result(parts[best].points, nil, missing: missing.items, children: detailed ? parts : [],
                          chosen: detailed ? indicators[best].id : nil)
        }
    }

    /// A realistic single change an indicator suggests (what-if): `fact` set to `to`. Its
    /// words are made only when an answer shows it (``text``).
    struct Change: Sendable {
        let definition: FactDefinition
        let to: FactValue
        let wording: Wording

        enum Wording: Sendable {
            /// The next level of an ordered category (its value's label, if it has one).
            case level(String)
            /// The best-valued text value (a district).
            case choose(String)
            /// Units more of a count.
            case more(Int)
        }

        var fact: String { definition.name }

        var text: LocalizedText { LocalizedText(zh: text(.zhCN), en: text(.en)) }

        /// The words in one language (an answer is in one: the other is not made).
        func text(_ locale: AnswerLocale) -> String {
            let label = definition.label
            let zh = locale == .zhCN
            switch wording {
            case .level(let value):
                // The value in words (its declared label), never the token; a value without
                // a label is named by the indicator alone.
                guard let word = definition.label(ofValue: value) else {
                    return zh ? "\(label.zh)提高一级" : "\(label.en) one level higher"
                }
                return zh ? "\(label.zh)达到\(word.zh)" : "\(label.en) reaches \(word.en)"
            case .choose(let value):
                return zh ? "\(label.zh)选择\(value)" : "\(label.en): \(value)"
            case .more(let units):
                return zh ? "\(label.zh)再增加 \(units)" : "\(label.en): \(units) more"
            }
        }
    }

    /// The next level up of an ordered category, the best-valued district, the next band
    /// that scores more (when reached within `what_if_units`), or for accruals the units to the gate, to the next whole block,
    /// or (pro rata) `what_if_units` more.
    func change(_ indicator: Indicator, _ person: Person, _ date: CivilDate) -> Change? {
        change(indicator, person, date, scored: nil)
    }

    /// As ``change(_:_:_:)``; `scored` is the indicator's own score on the person as given
    /// (the what-if's base): the value it used is the fact's value (``read(_:_:_:_:)`` with no
    /// change), so it is not read again. Nil: read it.
    func change(_ indicator: Indicator, _ person: Person, _ date: CivilDate, scored: IndicatorScore?) -> Change? {
        /// The indicator's fact as given: the value its score used (the same read), else read.
        func current(_ fact: FactDefinition) -> FactValue? {
            if let scored { return scored.valueUsed }
            return read(fact, person, date, nil)
        }
        switch indicator.kind {
        case .categorical(let fact, let entries):
            let current = current(fact)
            if case .enumeration(let values, let ranks?) = fact.type {
                var currentRank = -1
                if case .enumeration(let name)? = current { currentRank = ConditionEvaluator.rank(of: name, values, ranks) ?? -1 }
                var next: (value: String, rank: Int)?
                for entry in entries {
                    guard let rank = ConditionEvaluator.rank(of: entry.value, values, ranks), rank > currentRank else { continue }
                    if next == nil || rank < (next?.rank ?? .max) { next = (entry.value, rank) }
                }
                guard let next else { return nil }
                return Change(definition: fact, to: .enumeration(next.value), wording: .level(next.value))
            }
            if case .text = fact.type {
                let best = entries.max { $0.points.peek(on: date) < $1.points.peek(on: date) }
                guard let best, current != .text(best.value) else { return nil }
                return Change(definition: fact, to: .text(best.value), wording: .choose(best.value))
            }
            return nil
        case .bands(let fact, let bands):
            guard fact.accruesWhile != nil || fact.isDerived, case .integer(let value)? = current(fact) else { return nil }
            let now = bands.first { ($0.min ?? Int.min) <= value && value <= ($0.max ?? Int.max) }?.points.peek(on: date) ?? .zero
            var next: Int?
            for band in bands {
                // within the what-if horizon (`what_if_units`): a band years away is no single change
                guard let low = band.min, low > value, low - value <= indicator.whatIfMonths, band.points.peek(on: date) > now else { continue }
                next = min(next ?? low, low)
            }
            guard let next else { return nil }
            return more(fact, value, next - value)
        case .accrual(let fact, let stages, let gate, let rounding):
            guard case .integer(let value)? = current(fact) else { return nil }
            if value < gate { return more(fact, value, gate - value) }
            guard rounding == .wholeBlocks else { return more(fact, value, indicator.whatIfMonths) }
            // The units to the end of the block under way (every stage counts from its start).
            guard let stage = stages.last(where: { $0.from <= value }) else {
                guard let first = stages.first else { return nil }
                return more(fact, value, first.from - value + first.per)
            }
            let done = (value - stage.from) % stage.per
            return more(fact, value, stage.per - done)
        default:
            return nil
        }
    }

    private func more(_ fact: FactDefinition, _ value: Int, _ units: Int) -> Change {
        Change(definition: fact, to: .integer(value + units), wording: .more(units))
    }
}

/// Strings in first-seen order without repeats, in time linear in their number.
///
/// The lists of an answer are short (a few missing facts or provisional parameters): up to
/// ``linearLimit`` items a repeat is found by comparing with each (no hashing, no set
/// allocated); beyond it a set is built once and used from then on, so that a table of
/// thousands of indicators stays linear.
struct OrderedSet {
    private(set) var items: [String] = []
    private var seen: Set<String>?
    static let linearLimit = 16

    mutating func add(_ item: String) {
        if seen == nil {
            for existing in items where existing == item { return }
            items.append(item)
            if items.count > Self.linearLimit { seen = Set(items) }
        } else if seen?.insert(item).inserted == true {
            items.append(item)
        }
    }

    mutating func add(_ list: [String]) {
        for item in list { add(item) }
    }

    func contains(_ item: String) -> Bool {
        if let seen { return seen.contains(item) }
        return items.contains(item)
    }
}
