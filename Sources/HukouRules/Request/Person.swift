// SPDX-License-Identifier: Apache-2.0
/// What a request tells about one person: the applicant or a family member.
///
/// The values of the input facts the request gives, by fact index; which members a
/// person object may have, and their types, come from the fact declarations of the
/// jurisdiction (Policies/facts.json and the pack's own `facts`; docs/facts.md). Every
/// fact is optional: a rule that needs a missing one answers "unknown" and names it.
public struct Person: Sendable {
    /// The given values by fact index: slot `i` holds the value of `catalogue.facts[i]`
    /// (``FactDefinition/index``); one slot per declared fact, allocated once. Conditions
    /// and indicators hold their fact's definition from load, so reading a value is an
    /// array access, not a hash of its name (``FactSlots``).
    private var slots: FactSlots
    /// Values set by name (``subscript(_:)``, ``values``) for names the catalogue does
    /// not declare; nil unless someone did. The request readers never make one.
    private var undeclared: [String: FactValue]?
    private var declarations: FactCatalogue

    /// The declarations the values were read with (projections advance its counters).
    /// Setting another catalogue moves the values to its indices, by name.
    public var catalogue: FactCatalogue {
        get { declarations }
        set {
            guard newValue !== declarations else { return }
            let all = values
            declarations = newValue
            values = all
        }
    }

    public init(catalogue: FactCatalogue = .base) {
        declarations = catalogue
        slots = FactSlots(count: catalogue.facts.count)
    }

    /// The given values by fact name. The slow path, for tests and tools: reading builds a
    /// dictionary and writing re-fills every slot; evaluation reads values by index.
    public var values: [String: FactValue] {
        get {
            var result = undeclared ?? [:]
            let facts = declarations.facts
            for (index, fact) in facts.enumerated() {
                if let value = slots.value(at: index, fact) { result[fact.name] = value }
            }
            return result
        }
        set {
            slots = FactSlots(count: declarations.facts.count)
            undeclared = nil
            for (name, value) in newValue { self[name] = value }
        }
    }

    /// The given value of an input fact, by name (a hash of the name per access: the slow
    /// path; evaluation reads by the fact's index).
    public subscript(fact: String) -> FactValue? {
        get {
            if let definition = declarations.definition(fact) { return slots.value(at: definition.index, definition) }
            return undeclared?[fact]
        }
        set {
            if let definition = declarations.definition(fact), definition.index < slots.count {
                slots.set(newValue, at: definition.index, definition)
            } else if let newValue {
                undeclared = undeclared ?? [:]
                undeclared?[fact] = newValue
            } else {
                undeclared?[fact] = nil
            }
        }
    }

    /// The value given for `fact`, nil when not given: one array read when `fact` is a
    /// declaration of this person's catalogue (always, for a pack's own conditions and
    /// indicators on its own requests); by name otherwise (another pack's definition).
    @inline(__always)
    func given(_ fact: FactDefinition) -> FactValue? {
        if declarations.declares(fact) { return slots.value(at: fact.index, fact) }
        return self[fact.name]
    }

    /// Sets the value given for `fact` (nil: not given), as ``given(_:)`` reads it.
    @inline(__always)
    mutating func give(_ fact: FactDefinition, _ value: FactValue?) {
        if declarations.declares(fact), fact.index < slots.count {
            slots.set(value, at: fact.index, fact)
        } else {
            self[fact.name] = value
        }
    }

    /// Sets an enumeration fact to its `choice`-th declared value (the request reader,
    /// which found it by its bytes).
    @inline(__always)
    mutating func give(_ fact: FactDefinition, choice: Int) {
        if declarations.declares(fact), fact.index < slots.count, choice >= 0, choice < fact.choices.count {
            slots.set(choice: choice, at: fact.index)
        } else if choice >= 0, choice < fact.choices.count {
            self[fact.name] = .enumeration(fact.choices[choice])
        }
    }

    /// Sets `fact` to `value`, given also as the plain `slot` that holds it (the request
    /// reader, for bools, integers and dates: no ``FactValue`` made and taken apart again);
    /// the same as ``give(_:_:)`` with `value`.
    @inline(__always)
    mutating func give(_ fact: FactDefinition, slot: FactSlots.Slot, _ value: @autoclosure () -> FactValue) {
        if declarations.declares(fact), fact.index < slots.count {
            slots.set(slot: slot, at: fact.index)
        } else {
            self[fact.name] = value()
        }
    }

    /// The relation of a family member to the applicant (the quantifiers' filter).
    public var relation: String? {
        let value: FactValue?
        if let fact = declarations.relation { value = given(fact) } else { value = self["relation"] }
        if case .enumeration(let name)? = value { return name }
        return nil
    }

    /// The status the request gives, if any.
    public var status: String? {
        let value: FactValue?
        if let fact = declarations.status { value = given(fact) } else { value = self["status"] }
        if case .enumeration(let name)? = value { return name }
        return nil
    }

    /// The value of a declared fact (given or derived) in `context`, or nil.
    public func value(of fact: String, _ context: EvaluationContext) -> FactValue? {
        catalogue.definition(fact)?.read(self, context)
    }

    /// The status given, or the one its declaration derives (Policies/facts.json `status`).
    public var effectiveStatus: String? {
        guard let fact = declarations.status else { return nil }
        // Given in the request: read as the declaration reads it, without a context.
        if fact.path != nil, case .enumeration(let name)? = given(fact) { return name }
        guard let asOf = Self.statusDate else { return nil }
        let context = EvaluationContext(asOf: asOf, applicant: self, subject: self, districts: Self.noDistricts)
        if case .enumeration(let name)? = fact.read(self, context) { return name }
        return nil
    }

    private static let statusDate = CivilDate(year: 2000, month: 1, day: 1)
    private static let noDistricts = DistrictTable([])

    /// The same person `months` later, if they simply go on: each declared month counter
    /// grows while its flag holds (dates in the request age by themselves).
    public func advanced(byMonths months: Int) -> Person {
        var person = self
        for fact in declarations.accruing {
            guard case .integer(let value)? = given(fact), let flag = fact.accruesWhile else { continue }
            if case .bool(false)? = given(flag) { continue }
            person.give(fact, .integer(value + months))
        }
        return person
    }
}

extension Person {
    /// Reads a person object with the jurisdiction's declarations. `isFamilyMember`
    /// allows the family-only facts (relation, …) and refuses the applicant-only ones.
    static func read(_ value: JSONValue, path: String, isFamilyMember: Bool, catalogue: FactCatalogue) throws(HukouError) -> Person {
        var person = Person(catalogue: catalogue)
        try read(value, path: path, shape: isFamilyMember ? catalogue.familyShape : catalogue.applicantShape, into: &person)
        return person
    }

    private static func read(_ value: JSONValue, path: String, shape: RequestShape, into person: inout Person) throws(HukouError) {
        var reader = try ObjectReader(value, path: path)
        for entry in shape.entries {
            switch entry {
            case .fact(let key, let fact):
                if let value = try readValue(&reader, key, fact) { person.give(fact, value) }
            case .group(let key, let child):
                if let member = reader.value(key) {
                    try read(member, path: reader.childPath(key), shape: child, into: &person)
                }
            }
        }
        try reader.finish()
    }

    private static func readValue(_ reader: inout ObjectReader, _ key: String, _ fact: FactDefinition) throws(HukouError) -> FactValue? {
        switch fact.type {
        case .bool: return try reader.bool(key).map(FactValue.bool)
        case .integer: return try reader.integer(key, in: fact.range).map(FactValue.integer)
        case .decimal:
            guard let value = reader.value(key) else { return nil }
            let range = fact.decimalRange
            guard let number = Fixed(json: value), range.contains(number) else {
                throw reader.fail(key, zh: "应为 \(range.lowerBound) 到 \(range.upperBound) 之间、至多四位小数的数",
                                  en: "expected a number from \(range.lowerBound) to \(range.upperBound) with at most four decimals")
            }
            return .decimal(number)
        case .date: return try reader.date(key).map(FactValue.date)
        case .enumeration(let values, _): return try reader.choice(key, values).map(FactValue.enumeration)
        case .text: return try reader.string(key).map(FactValue.text)
        }
    }
}
