/// The score of one indicator, with the value it used and its parts.
struct IndicatorScore {
    let indicator: Indicator
    let points: Int
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
struct PointsScorer {
    let table: PointsTable
    let districts: DistrictTable
    /// The request's family members (family quantifiers in bonus conditions, derived facts).
    var family: [Person] = []

    struct Result {
        let total: Int
        let scores: [IndicatorScore]
        let missing: [String]
        let provisional: [String]
    }

    func score(_ person: Person, on date: CivilDate, overrides: [String: FactValue] = [:]) -> Result {
        let scores = table.indicators.map { score($0, person, date, overrides) }
        var total = 0
        var missing: [String] = []
        var provisional: [String] = []
        for item in scores {
            total += item.points
            for fact in item.missing where !missing.contains(fact) { missing.append(fact) }
            for id in item.provisional where !provisional.contains(id) { provisional.append(id) }
        }
        return Result(total: total, scores: scores, missing: missing, provisional: provisional)
    }

    func read(_ fact: FactDefinition, _ person: Person, _ date: CivilDate, _ overrides: [String: FactValue]) -> FactValue? {
        if let value = overrides[fact.name] { return value }
        let value = fact.read(person, context(person, date))
        if case .text(let name)? = value, let canonical = districts.canonical(name) { return .text(canonical) }
        return value
    }

    func context(_ person: Person, _ date: CivilDate) -> EvaluationContext {
        EvaluationContext(asOf: date, applicant: person, subject: person, districts: districts, family: family)
    }

    func score(_ indicator: Indicator, _ person: Person, _ date: CivilDate, _ overrides: [String: FactValue]) -> IndicatorScore {
        var provisional: [String] = []
        func result(_ points: Int, _ used: JSONValue, cap: Bool = false, missing: [String] = [],
                    children: [IndicatorScore] = [], chosen: String? = nil) -> IndicatorScore {
            IndicatorScore(indicator: indicator, points: points, valueUsed: used, capApplied: cap, missing: missing,
                           provisional: provisional, children: children, chosen: chosen)
        }
        switch indicator.kind {
        case .categorical(let fact, let entries):
            guard let value = read(fact, person, date, overrides) else { return result(0, .null, missing: [fact.askFor]) }
            var name = ""
            if case .enumeration(let text) = value { name = text }
            if case .text(let text) = value { name = text }
            if case .enumeration(let values, let ranks?) = fact.type, let actualRank = ConditionEvaluator.rank(of: name, values, ranks) {
                // Best entry not above the actual level.
                var best = 0
                var found = false
                for entry in entries {
                    guard let rank = ConditionEvaluator.rank(of: entry.value, values, ranks), rank <= actualRank else { continue }
                    let points = entry.points.value(on: date, provisional: &provisional)
                    if !found || points > best { best = points; found = true }
                }
                return result(found ? best : 0, value.json)
            }
            for entry in entries where entry.value == name {
                return result(entry.points.value(on: date, provisional: &provisional), value.json)
            }
            return result(0, value.json)
        case .bands(let fact, let bands):
            guard case .integer(let value)? = read(fact, person, date, overrides) else { return result(0, .null, missing: [fact.askFor]) }
            for band in bands where (band.min ?? Int.min) <= value && value <= (band.max ?? Int.max) {
                return result(band.points.value(on: date, provisional: &provisional), .integer(Int64(value)))
            }
            return result(0, .integer(Int64(value)))
        case .accrual(let fact, let stages, let cap):
            guard case .integer(let value)? = read(fact, person, date, overrides) else { return result(0, .null, missing: [fact.askFor]) }
            var points = 0
            for (index, stage) in stages.enumerated() {
                let end = index + 1 < stages.count ? stages[index + 1].from : Int.max
                let units = max(0, min(value, end) - stage.from)
                let rate = stage.points.value(on: date, provisional: &provisional)
                points += units * rate / stage.per
            }
            var capped = false
            if let cap {
                let limit = cap.value(on: date, provisional: &provisional)
                if points > limit { points = limit; capped = true }
            }
            return result(points, .integer(Int64(value)), cap: capped)
        case .bonus(let condition, let pointsRef):
            let judged = ConditionEvaluator.evaluate(condition, context(person, date))
            switch judged.outcome {
            case .met: return result(pointsRef.value(on: date, provisional: &provisional), .bool(true))
            case .unmet: return result(0, .bool(false))
            case .unknown: return result(0, .null, missing: judged.missingFacts)
            }
        case .deduction(let fact, let each):
            guard case .integer(let count)? = read(fact, person, date, overrides) else { return result(0, .null, missing: [fact.askFor]) }
            return result(count * each.value(on: date, provisional: &provisional), .integer(Int64(count)))
        case .group(let indicators, let cap):
            let parts = indicators.map { score($0, person, date, overrides) }
            var sum = parts.reduce(0) { $0 + $1.points }
            var capped = false
            if let cap {
                let limit = cap.value(on: date, provisional: &provisional)
                if sum > limit { sum = limit; capped = true }
            }
            var missing: [String] = []
            for part in parts {
                for fact in part.missing where !missing.contains(fact) { missing.append(fact) }
                for id in part.provisional where !provisional.contains(id) { provisional.append(id) }
            }
            return result(sum, .null, cap: capped, missing: missing, children: parts)
        case .bestOf(let indicators):
            let parts = indicators.map { score($0, person, date, overrides) }
            var best: IndicatorScore?
            for part in parts where best == nil || part.points > (best?.points ?? 0) { best = part }
            var missing: [String] = []
            for part in parts {
                for fact in part.missing where !missing.contains(fact) { missing.append(fact) }
                for id in part.provisional where !provisional.contains(id) { provisional.append(id) }
            }
            return result(best?.points ?? 0, .null, missing: missing, children: parts, chosen: best?.indicator.id)
        }
    }
}

