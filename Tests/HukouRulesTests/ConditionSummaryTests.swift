// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// ``ConditionEvaluator/summary(_:_:)``: what an answer without the tree shows (`detail:
/// outcome`): the outcome, the missing facts in condition order without repeats (only
/// under unknown parts), the provisional parameters, and no children.
@Suite("Condition summaries (outcome mode)")
struct ConditionSummaryTests {
    func judged(_ condition: String, _ person: Person, family: [Person] = []) throws -> (summary: EvaluatedCondition, tree: EvaluatedCondition) {
        let sections = #""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":"# + condition + "}]"
        let pack = try PackLoader.load(testPack(sections))
        let pathway = try #require(pack.pathways.first)
        let date = try #require(CivilDate(iso: "2026-11-25"))
        let context = EvaluationContext(asOf: date, applicant: person, subject: person, districts: pack.districts, family: family)
        return (ConditionEvaluator.summary(pathway.condition, context), ConditionEvaluator.evaluate(pathway.condition, context))
    }

    func expectSummary(_ condition: String, _ person: Person, family: [Person] = [], _ outcome: Outcome, missing: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (summary, tree) = try judged(condition, person, family: family)
        #expect(summary.outcome == outcome, sourceLocation: sourceLocation)
        #expect(summary.missingFacts == missing, sourceLocation: sourceLocation)
        #expect(summary.children.isEmpty, sourceLocation: sourceLocation)
        // The same as the judged tree says.
        #expect(tree.outcome == outcome, sourceLocation: sourceLocation)
        #expect(tree.missingFacts == missing, sourceLocation: sourceLocation)
        #expect(summary.provisionalParameters == tree.provisionalParameters, sourceLocation: sourceLocation)
    }

    @Test func missingFactsOnlyUnderUnknownPartsInOrderWithoutRepeats() throws {
        var person = Person()
        person["married"] = .bool(true)
        person["social_insurance.months"] = .integer(8)
        let income = #"{"fact":"has_income","op":"is","value":true}"#
        let local = #"{"fact":"hukou.local","op":"is","value":true}"#
        let met = #"{"fact":"married","op":"is","value":true}"#
        let unmet = #"{"fact":"social_insurance.months","op":">=","value":12}"#
        // Unknown all: both unknown leaves asked, in order, the repeat once.
        try expectSummary(#"{"all":[\#(income),\#(met),\#(local),\#(income)]}"#, person, .unknown, missing: ["has_income", "hukou.local"])
        // An unmet part decides an all: nothing to ask, wherever the unknown part stands.
        try expectSummary(#"{"all":[\#(income),\#(unmet)]}"#, person, .unmet, missing: [])
        // A met any: nothing to ask; an unknown any under an unknown all: its unknown part asked.
        try expectSummary(#"{"any":[\#(income),\#(met)]}"#, person, .met, missing: [])
        try expectSummary(#"{"all":[{"any":[\#(unmet),\#(local)]},\#(met)]}"#, person, .unknown, missing: ["hukou.local"])
        // A met any inside an unknown all asks nothing of its own unknown part.
        try expectSummary(#"{"all":[{"any":[\#(met),\#(income)]},\#(local)]}"#, person, .unknown, missing: ["hukou.local"])
        try expectSummary(#"{"not":\#(income)}"#, person, .unknown, missing: ["has_income"])
    }

    @Test func familyMembersAreAskedByTheirIndex() throws {
        var spouse = Person()
        spouse["relation"] = .enumeration("spouse")
        var child = Person()
        child["relation"] = .enumeration("child")
        let income = #"{"fact":"has_income","op":"is","value":true}"#
        // Only the spouse (index 1) is related: its missing fact is asked as family[1].has_income.
        try expectSummary(#"{"some":{"relation":["spouse"],"where":\#(income)}}"#, Person(), family: [child, spouse], .unknown,
                          missing: ["family[1].has_income"])
        // every member: both asked, by index.
        try expectSummary(#"{"every":{"where":\#(income)}}"#, Person(), family: [child, spouse], .unknown,
                          missing: ["family[0].has_income", "family[1].has_income"])
        // A member who meets it decides some: nothing to ask.
        var earning = spouse
        earning["has_income"] = .bool(true)
        try expectSummary(#"{"some":{"where":\#(income)}}"#, Person(), family: [child, earning], .met, missing: [])
    }
}
