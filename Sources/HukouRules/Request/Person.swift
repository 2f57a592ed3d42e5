// SPDX-License-Identifier: Apache-2.0
/// What a request tells about one person: the applicant or a family member.
///
/// The values of the input facts the request gives, by fact name; which members a
/// person object may have, and their types, come from the fact declarations of the
/// jurisdiction (Policies/facts.json and the pack's own `facts`; docs/facts.md). Every
/// fact is optional: a rule that needs a missing one answers "unknown" and names it.
public struct Person: Sendable {
    public var values: [String: FactValue] = [:]
    /// The declarations the values were read with (projections advance its counters).
    public var catalogue: FactCatalogue

    public init(catalogue: FactCatalogue = .base) {
        self.catalogue = catalogue
    }

    /// The given value of an input fact.
    public subscript(fact: String) -> FactValue? {
        get { values[fact] }
        set { values[fact] = newValue }
    }

    /// The relation of a family member to the applicant (the quantifiers' filter).
    public var relation: String? {
        if case .enumeration(let name)? = values["relation"] { return name }
        return nil
    }

    /// The status the request gives, if any.
    public var status: String? {
        if case .enumeration(let name)? = values["status"] { return name }
        return nil
    }

    /// The value of a declared fact (given or derived) in `context`, or nil.
    public func value(of fact: String, _ context: EvaluationContext) -> FactValue? {
        catalogue.definition(fact)?.read(self, context)
    }

    /// The status given, or the one its declaration derives (Policies/facts.json `status`).
    public var effectiveStatus: String? {
        guard let fact = catalogue.definition("status") else { return nil }
        // Given in the request: read as the declaration reads it, without a context.
        if fact.path != nil, case .enumeration(let name)? = values[fact.name] { return name }
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
        for fact in catalogue.accruing {
            guard case .integer(let value)? = values[fact.name], let flag = fact.accruesWhile else { continue }
            if case .bool(false)? = values[flag.name] { continue }
            person.values[fact.name] = .integer(value + months)
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
                if let value = try readValue(&reader, key, fact) { person.values[fact.name] = value }
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
