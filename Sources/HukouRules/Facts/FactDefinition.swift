// SPDX-License-Identifier: Apache-2.0
/// One fact a condition or points indicator can test, as declared in data
/// (Policies/facts.json or a pack's `facts`, docs/packs.md "Facts"): its name, type,
/// labels, where a request gives it, and how it is derived from other facts.
public final class FactDefinition: Sendable {
    /// Who may carry the fact in a request.
    public enum Holder: String, Sendable, CaseIterable {
        case both, applicant, family
    }

    public let name: String
    /// The fact's position in the catalogue that declares it (``FactCatalogue/facts``), and
    /// in every catalogue built on that one (a pack's facts are appended to the common
    /// vocabulary): a person's given values are held by this index (``Person``), so a
    /// condition or indicator, which holds its definition from load, reads its value with
    /// an array access instead of hashing the name.
    let index: Int
    public let type: FactType
    /// The values of an enumeration fact, in declaration order (empty for another type):
    /// a person's slot holds an index into them (``FactSlots``).
    let choices: [String]
    /// ``choices`` by the hash of their UTF-8 bytes (the request reader matches a value's
    /// bytes; ``MemberLookup``).
    let choiceLookup: MemberLookup
    public let label: LocalizedText
    public let help: LocalizedText?
    /// The member path in a person object of the request ("hukou.local"); nil for a fact
    /// that is only derived.
    public let path: String?
    /// The request field to ask for when the fact is unknown.
    public let askFor: String
    /// Whether the value is personal data (it never appears in an error message either way).
    public let personal: Bool
    public let holder: Holder
    /// Accepted range of an integer fact given in a request.
    public let range: ClosedRange<Int>
    /// Accepted range of a decimal fact given in a request.
    public let decimalRange: ClosedRange<Fixed>
    /// For text facts: "districts" checks values against the pack's district table.
    public let vocabulary: String?
    /// Who declared it: "facts.json" or a pack id.
    public let declaredBy: String
    /// For enumeration facts: the words for each value, as declared (`value_labels`);
    /// a value without a label is missing here (``label(ofValue:)`` is nil).
    public let valueLabels: [String: LocalizedText]
    let derivation: Derivation?
    /// For a month counter given in the request: the flag while which it grows by one a
    /// month (unknown counts as going on).
    let accruesWhile: FactDefinition?

    init(name: String, index: Int, type: FactType, label: LocalizedText, help: LocalizedText?, path: String?, askFor: String,
         personal: Bool, holder: Holder, range: ClosedRange<Int>, decimalRange: ClosedRange<Fixed>, vocabulary: String?,
         declaredBy: String, derivation: Derivation?, accruesWhile: FactDefinition?, valueLabels: [String: LocalizedText] = [:]) {
        self.name = name
        self.index = index
        self.type = type
        if case .enumeration(let values, _) = type { choices = values } else { choices = [] }
        choiceLookup = MemberLookup(choices.map { Array($0.utf8) })
        self.label = label
        self.help = help
        self.path = path
        self.askFor = askFor
        self.personal = personal
        self.holder = holder
        self.range = range
        self.decimalRange = decimalRange
        self.vocabulary = vocabulary
        self.declaredBy = declaredBy
        self.derivation = derivation
        self.accruesWhile = accruesWhile
        self.valueLabels = valueLabels
    }

    /// The declared words for one value of an enumeration fact ("bachelor" → 大学本科 /
    /// bachelor's degree); nil for a value without a label or a fact of another type.
    public func label(ofValue value: String) -> LocalizedText? { valueLabels[value] }

    /// The values of an enumeration fact that have no label (in declaration order).
    public var unlabelledValues: [String] {
        guard case .enumeration(let values, _) = type else { return [] }
        return values.filter { valueLabels[$0] == nil }
    }

    /// How a fact follows from others (the `derive` member of a declaration).
    indirect enum Derivation: Sendable {
        /// Whole months from a date fact to the as-of date; grows one a month.
        case monthsSince(FactDefinition)
        /// Whole years from a date fact (an age).
        case yearsSince(FactDefinition)
        /// The calendar year of a date fact.
        case yearOf(FactDefinition)
        /// The least of several integer facts ("residence years, at most the insurance years").
        case minimum([FactDefinition])
        /// The value of the first case whose condition is met (unknown counts as not met);
        /// unknown when none is. A fact with a request path uses the cases only when the
        /// request does not give it.
        case cases([(condition: Condition, value: FactValue)])
    }

    /// Whether the fact is `name` or derived from it (a change of `name` can change it).
    func reads(_ other: String) -> Bool {
        if other == name { return true }
        switch derivation {
        case .monthsSince(let source)?, .yearsSince(let source)?, .yearOf(let source)?: return source.reads(other)
        case .minimum(let sources)?: return sources.contains { $0.reads(other) }
        case .cases(let cases)?: return cases.contains { $0.condition.reads(other) }
        case nil: return accruesWhile?.name == other
        }
    }

    /// Whether the fact is an input (has a request path) or declared with a derivation.
    public var isDerived: Bool { derivation != nil }

    /// The value for `person` in `context` (its date, applicant and family), or nil when unknown.
    public func read(_ person: Person, _ context: EvaluationContext) -> FactValue? {
        if path != nil, let value = person.given(self) { return value }
        guard let derivation else { return nil }
        switch derivation {
        case .monthsSince(let source):
            guard case .date(let start)? = source.read(person, context) else { return nil }
            return .integer(context.asOf.wholeMonths(since: start))
        case .yearsSince(let source):
            guard case .date(let start)? = source.read(person, context) else { return nil }
            return .integer(context.asOf.wholeYears(since: start))
        case .yearOf(let source):
            guard case .date(let date)? = source.read(person, context) else { return nil }
            return .integer(date.year)
        case .minimum(let sources):
            var least: Int?
            for source in sources {
                guard case .integer(let value)? = source.read(person, context) else { return nil }
                least = min(least ?? value, value)
            }
            return least.map(FactValue.integer)
        case .cases(let cases):
            let scope = context.with(subject: person)
            for entry in cases where ConditionEvaluator.outcome(entry.condition, scope) == .met {
                return entry.value
            }
            return nil
        }
    }

    /// For facts that grow with time: the date on which the value reaches `target` if the
    /// person simply goes on (keeps living, paying, depositing), or nil if it never will.
    func reaches(_ person: Person, _ context: EvaluationContext, _ target: Int) -> CivilDate? {
        if path != nil, case .integer(let current)? = person.given(self) {
            guard let flag = accruesWhile, case .integer(.months) = type else { return nil }
            if case .bool(false)? = flag.read(person, context) { return nil }
            return context.asOf.adding(months: max(0, target - current))
        }
        switch derivation {
        case .monthsSince(let source)?:
            guard case .date(let start)? = source.read(person, context) else { return nil }
            return start.adding(months: target)
        case .yearsSince(let source)?:
            guard case .date(let start)? = source.read(person, context), target <= 10_000 else { return nil }
            return start.adding(months: target * 12)
        case .minimum(let sources)?:
            var latest: CivilDate?
            for source in sources {
                guard let date = source.reaches(person, context, target) else { return nil }
                if let known = latest, !(known < date) { continue }
                latest = date
            }
            return latest
        default:
            return nil
        }
    }
}
