// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// ``ConditionEvaluator/outcome(_:_:)``: the outcome alone, without the judged tree, must be
/// the one ``ConditionEvaluator/evaluate(_:_:)`` gives (a derived fact's cases read it).
@Suite("Outcome-only condition evaluation")
struct ConditionOutcomeTests {
    /// The outcome both ways, on one condition, person and family.
    func outcomes(_ condition: String, _ person: Person, family: [Person] = []) throws -> (Outcome, Outcome) {
        let sections = #""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":"# + condition + "}]"
        let pack = try PackLoader.load(testPack(sections))
        let pathway = try #require(pack.pathways.first)
        let date = try #require(CivilDate(iso: "2026-11-25"))
        let context = EvaluationContext(asOf: date, applicant: person, subject: person, districts: pack.districts, family: family)
        return (ConditionEvaluator.outcome(pathway.condition, context), ConditionEvaluator.evaluate(pathway.condition, context).outcome)
    }

    func expectOutcome(_ condition: String, _ person: Person, family: [Person] = [], _ expected: Outcome,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (alone, judged) = try outcomes(condition, person, family: family)
        #expect(alone == expected, sourceLocation: sourceLocation)
        #expect(judged == expected, sourceLocation: sourceLocation)
    }

    @Test func kleeneFoldsStopOnlyWhereTheResultIsDecided() throws {
        var person = Person()
        person["married"] = .bool(true)
        person["social_insurance.months"] = .integer(8)
        let unknown = #"{"fact":"has_income","op":"is","value":true}"#
        let met = #"{"fact":"married","op":"is","value":true}"#
        let unmet = #"{"fact":"social_insurance.months","op":">=","value":12}"#
        // unknown AND unmet = unmet (the unmet part decides, wherever it stands)
        try expectOutcome(#"{"all":[\#(unknown),\#(unmet)]}"#, person, .unmet)
        try expectOutcome(#"{"all":[\#(unmet),\#(unknown)]}"#, person, .unmet)
        // unknown AND met = unknown; met AND met = met; all of none = met
        try expectOutcome(#"{"all":[\#(met),\#(unknown)]}"#, person, .unknown)
        try expectOutcome(#"{"all":[\#(met),\#(met)]}"#, person, .met)
        // unknown OR met = met; unknown OR unmet = unknown; unmet OR unmet = unmet
        try expectOutcome(#"{"any":[\#(unknown),\#(met)]}"#, person, .met)
        try expectOutcome(#"{"any":[\#(unmet),\#(unknown)]}"#, person, .unknown)
        try expectOutcome(#"{"any":[\#(unmet),\#(unmet)]}"#, person, .unmet)
        // NOT: met ↔ unmet, unknown stays unknown
        try expectOutcome(#"{"not":\#(unmet)}"#, person, .met)
        try expectOutcome(#"{"not":\#(unknown)}"#, person, .unknown)
    }

    @Test func familyQuantifiersFoldTheRelatedMembers() throws {
        var spouse = Person()
        spouse["relation"] = .enumeration("spouse")
        spouse["hukou.local"] = .bool(true)
        var child = Person()
        child["relation"] = .enumeration("child")
        child["hukou.local"] = .bool(false)
        var unnamed = Person()  // no relation given: may or may not be a spouse
        unnamed["hukou.local"] = .bool(true)
        let local = #"{"fact":"hukou.local","op":"is","value":true}"#
        // some spouse holds local hukou: met by the spouse; an unrelated child does not count
        try expectOutcome(#"{"some":{"relation":["spouse"],"where":\#(local)}}"#, Person(), family: [child, spouse], .met)
        try expectOutcome(#"{"some":{"relation":["spouse"],"where":\#(local)}}"#, Person(), family: [child], .unmet)
        // a member of unknown relation who holds local hukou: unknown whether a spouse does
        try expectOutcome(#"{"some":{"relation":["spouse"],"where":\#(local)}}"#, Person(), family: [child, unnamed], .unknown)
        // every member holds local hukou: the child does not; with no family: met (every of none)
        try expectOutcome(#"{"every":{"where":\#(local)}}"#, Person(), family: [spouse, child], .unmet)
        try expectOutcome(#"{"every":{"where":\#(local)}}"#, Person(), family: [], .met)
    }

    @Test func aDerivedFactReadsItsCasesByOutcome() throws {
        // school.age_stage (Policies/facts.json): from the stage enrolled, else by age;
        // 9 years old and no stage given: primary (the "age < 12" case is the first met).
        var person = Person()
        person["birth_date"] = try .date(#require(CivilDate(iso: "2017-03-01")))
        try expectOutcome(#"{"fact":"school.age_stage","op":"==","value":"primary"}"#, person, .met)
        try expectOutcome(#"{"fact":"school.age_stage","op":"==","value":"junior_high"}"#, person, .unmet)
        // no birth date, no stage: unknown
        try expectOutcome(#"{"fact":"school.age_stage","op":"==","value":"primary"}"#, Person(), .unknown)
    }
}
