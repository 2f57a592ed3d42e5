// SPDX-License-Identifier: Apache-2.0
/// The score of one indicator, with the value it used and its parts.
struct IndicatorScore {
    let indicator: Indicator
    let points: Fixed
    let valueUsed: JSONValue
    let capApplied: Bool
    let missing: [String]
    let provisional: [String]
    let children: [IndicatorScore]
    /// For either-or groups: the id of the indicator that counted.
    let chosen: String?
}

/// Scores a person against a points table on a date, with optional fact overrides
/// (used for what-if changes). Pure and allocation-light: projections call it often.
/// All arithmetic is in fixed point (``Fixed``): no binary rounding near a cut-off.
struct PointsScorer {
    let table: PointsTable
    let districts: DistrictTable
    /// The request's family members (family quantifiers in bonus conditions, derived facts).
    var family: [Person] = []

    struct Result {
        let total: Fixed
        let scores: [IndicatorScore]
        let missing: [String]
        let provisional: [String]
        /// Whether the table's total_floor or total_cap changed the sum.
        let bounded: Bool
    }

    func score(_ person: Person, on date: CivilDate, overrides: [String: FactValue] = [:]) -> Result {
        let scores = table.indicators.map { score($0, person, date, overrides) }
        var missing: [String] = []
        var provisional: [String] = []
        var sum = Fixed.zero
        for item in scores {
            sum += item.points
            for fact in item.missing where !missing.contains(fact) { missing.append(fact) }
            for id in item.provisional where !provisional.contains(id) { provisional.append(id) }
        }
        let total = bound(sum, floor: table.totalFloor, cap: table.totalCap, date, &provisional)
        return Result(total: total, scores: scores, missing: missing, provisional: provisional, bounded: total != sum)
    }

    /// The total from per-indicator points (what-if replaces some of them), bounded.
    func total(_ points: [Fixed], on date: CivilDate) -> Fixed {
        var ignored: [String] = []
        return bound(points.reduce(Fixed.zero, +), floor: table.totalFloor, cap: table.totalCap, date, &ignored)
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

    func read(_ fact: FactDefinition, _ person: Person, _ date: CivilDate, _ overrides: [String: FactValue]) -> FactValue? {
        if let value = overrides[fact.name] { return value }
        // A changed input fact also changes the facts derived from it (a cap by insurance years).
        var person = person
        for (name, value) in overrides where person.catalogue.definition(name)?.path != nil { person.values[name] = value }
        let value = fact.read(person, context(person, date))
        if case .text(let name)? = value, let canonical = districts.canonical(name) { return .text(canonical) }
        return value
    }

    func score(_ indicator: Indicator, _ person: Person, _ date: CivilDate, _ overrides: [String: FactValue]) -> IndicatorScore {
        var provisional: [String] = []
        func result(_ points: Fixed, _ used: JSONValue, missing: [String] = [],
                    children: [IndicatorScore] = [], chosen: String? = nil) -> IndicatorScore {
            // The indicator's own floor and cap, whatever its kind.
            let bounded = bound(points, floor: indicator.floor, cap: indicator.cap, date, &provisional)
            return IndicatorScore(indicator: indicator, points: bounded, valueUsed: used, capApplied: bounded != points, missing: missing,
                                  provisional: provisional, children: children, chosen: chosen)
        }
        switch indicator.kind {
        case .categorical(let fact, let entries):
            guard let value = read(fact, person, date, overrides) else { return result(.zero, .null, missing: [fact.askFor]) }
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
                guard let best else { return result(.zero, value.json) }
                return result(best.ref.value(on: date, provisional: &provisional), value.json)
            }
            for entry in entries where entry.value == name {
                return result(entry.points.value(on: date, provisional: &provisional), value.json)
            }
            return result(.zero, value.json)
        case .bands(let fact, let bands):
            guard case .integer(let value)? = read(fact, person, date, overrides) else { return result(.zero, .null, missing: [fact.askFor]) }
            for band in bands where (band.min ?? Int.min) <= value && value <= (band.max ?? Int.max) {
                return result(band.points.value(on: date, provisional: &provisional), .integer(Int64(value)))
            }
            return result(.zero, .integer(Int64(value)))
        case .accrual(let fact, let stages, let gate, let rounding):
            guard case .integer(let value)? = read(fact, person, date, overrides) else { return result(.zero, .null, missing: [fact.askFor]) }
            guard value >= gate else { return result(.zero, .integer(Int64(value))) }
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
                    guard case .enumeration(let category)? = read(by, person, date, overrides) else {
                        return result(.zero, .integer(Int64(value)), missing: [by.askFor])
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
            return result(points, .integer(Int64(value)))
        case .bonus(let condition, let pointsRef):
            let judged = ConditionEvaluator.evaluate(condition, context(person, date))
            switch judged.outcome {
            case .met: return result(pointsRef.value(on: date, provisional: &provisional), .bool(true))
            case .unmet: return result(.zero, .bool(false))
            case .unknown: return result(.zero, .null, missing: judged.missingFacts)
            }
        case .deduction(let fact, let each):
            guard case .integer(let count)? = read(fact, person, date, overrides) else { return result(.zero, .null, missing: [fact.askFor]) }
            return result(each.value(on: date, provisional: &provisional).times(count), .integer(Int64(count)))
        case .group(let indicators):
            let parts = indicators.map { score($0, person, date, overrides) }
            let sum = parts.reduce(Fixed.zero) { $0 + $1.points }
            var missing: [String] = []
            for part in parts {
                for fact in part.missing where !missing.contains(fact) { missing.append(fact) }
                for id in part.provisional where !provisional.contains(id) { provisional.append(id) }
            }
            return result(sum, .null, missing: missing, children: parts)
        case .bestOf(let indicators):
            let parts = indicators.map { score($0, person, date, overrides) }
            var best: IndicatorScore?
            for part in parts where best == nil || part.points > (best?.points ?? .zero) { best = part }
            var missing: [String] = []
            for part in parts {
                for fact in part.missing where !missing.contains(fact) { missing.append(fact) }
            }
            // Only the counted indicator's provisional values shape the answer.
            for id in best?.provisional ?? [] where !provisional.contains(id) { provisional.append(id) }
            return result(best?.points ?? .zero, .null, missing: missing, children: parts, chosen: best?.indicator.id)
        }
    }

    /// A realistic single change an indicator suggests (what-if).
    struct Change {
        let fact: String
        let to: JSONValue
        let text: LocalizedText
        let overrides: [String: FactValue]
    }

    /// The next level up of an ordered category, the best-valued district, the next band
    /// that scores more (when reached within `what_if_units`), or for accruals the units to the gate, to the next whole block,
    /// or (pro rata) `what_if_units` more.
    func changes(_ indicator: Indicator, _ person: Person, _ date: CivilDate) -> [Change] {
        switch indicator.kind {
        case .categorical(let fact, let entries):
            let current = read(fact, person, date, [:])
            if case .enumeration(let values, let ranks?) = fact.type {
                var currentRank = -1
                if case .enumeration(let name)? = current { currentRank = ConditionEvaluator.rank(of: name, values, ranks) ?? -1 }
                let higher = entries.compactMap { entry -> (String, Int)? in
                    guard let rank = ConditionEvaluator.rank(of: entry.value, values, ranks), rank > currentRank else { return nil }
                    return (entry.value, rank)
                }.sorted { $0.1 < $1.1 }
                guard let next = higher.first else { return [] }
                // The value in words (its label), never the token; a value without a label
                // is named by the indicator alone.
                let word = Labels.value(next.0, of: fact.name)
                let text = word.map { LocalizedText(zh: "\(fact.label.zh)达到\($0.zh)", en: "\(fact.label.en) reaches \($0.en)") }
                    ?? LocalizedText(zh: "\(fact.label.zh)提高一级", en: "\(fact.label.en) one level higher")
                return [Change(fact: fact.name, to: .string(next.0),
                               text: text,
                               overrides: [fact.name: .enumeration(next.0)])]
            }
            if case .text = fact.type {
                let best = entries.max { $0.points.peek(on: date) < $1.points.peek(on: date) }
                guard let best, current != .text(best.value) else { return [] }
                return [Change(fact: fact.name, to: .string(best.value),
                               text: LocalizedText(zh: "\(fact.label.zh)选择\(best.value)", en: "\(fact.label.en): \(best.value)"),
                               overrides: [fact.name: .text(best.value)])]
            }
            return []
        case .bands(let fact, let bands):
            guard fact.accruesWhile != nil || fact.isDerived, case .integer(let value)? = read(fact, person, date, [:]) else { return [] }
            let now = bands.first { ($0.min ?? Int.min) <= value && value <= ($0.max ?? Int.max) }?.points.peek(on: date) ?? .zero
            guard let next = bands.compactMap({ band -> Int? in
                // within the what-if horizon (`what_if_units`): a band years away is no single change
                guard let low = band.min, low > value, low - value <= indicator.whatIfMonths, band.points.peek(on: date) > now else { return nil }
                return low
            }).min() else { return [] }
            return [more(fact, value, next - value)]
        case .accrual(let fact, let stages, let gate, let rounding):
            guard case .integer(let value)? = read(fact, person, date, [:]) else { return [] }
            if value < gate { return [more(fact, value, gate - value)] }
            guard rounding == .wholeBlocks else { return [more(fact, value, indicator.whatIfMonths)] }
            // The units to the end of the block under way (every stage counts from its start).
            guard let stage = stages.last(where: { $0.from <= value }) else { return [more(fact, value, stages[0].from - value + stages[0].per)] }
            let done = (value - stage.from) % stage.per
            return [more(fact, value, stage.per - done)]
        default:
            return []
        }
    }

    private func more(_ fact: FactDefinition, _ value: Int, _ units: Int) -> Change {
        return Change(fact: fact.name, to: .integer(Int64(value + units)),
                      text: LocalizedText(zh: "\(fact.label.zh)再增加 \(units)", en: "\(fact.label.en): \(units) more"),
                      overrides: [fact.name: .integer(value + units)])
    }
}
