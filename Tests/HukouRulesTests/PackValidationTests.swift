// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// A minimal valid pack with `sections` (JSON members, without braces) added.
func testPack(id: String = "testland", from: String = "2020-01-01", _ sections: String = "") -> String {
    """
    {"format":"hukou-pack/1","id":"\(id)","version":"t1","name":{"zh":"测试市","en":"Testland"},
     "document":{"title":{"zh":"测试文件","en":"test document"},"number":"测试〔2020〕1号"},
     "effective_from":"\(from)",
     "city_size_class":{"value":"medium","provisional":true,"source":"test"}\(sections.isEmpty ? "" : ",")\(sections)}
    """
}

func packError(_ text: String) -> HukouError? {
    do {
        _ = try PackLoader.load(text)
        return nil
    } catch {
        return error
    }
}

@Suite("Pack validation: mistakes are load errors with a JSON path")
struct PackValidationTests {
    @Test func minimalPackLoads() throws {
        let pack = try PackLoader.load(testPack())
        #expect(pack.id == "testland")
        #expect(pack.sizeClass?.value == "medium")
    }

    @Test func unknownFactNamesThePath() throws {
        let error = try #require(packError(testPack(#""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"all":[{"fact":"social_insurance.yeras","op":">=","value":1}]}}]"#)))
        #expect(error.status == .pack)
        #expect(error.path == "pathways[0].condition.all[0].fact")
        #expect(error.message.en.contains("social_insurance.yeras"))
    }

    @Test func typeMismatchIsRejected() throws {
        // A boolean fact compared with a number.
        let error = try #require(packError(testPack(#""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"married","op":"is","value":3}}]"#)))
        #expect(error.path == "pathways[0].condition.value")
        // Ordering on an unordered enumeration.
        let error2 = try #require(packError(testPack(#""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"housing.type","op":">=","value":"rental"}}]"#)))
        #expect(error2.path == "pathways[0].condition.op")
        // A value outside the vocabulary.
        let error3 = try #require(packError(testPack(#""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"education.level","op":">=","value":"phd"}}]"#)))
        #expect(error3.path == "pathways[0].condition.value")
    }

    @Test func danglingParameterAndDefinition() throws {
        let parameter = try #require(packError(testPack(#""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"age","op":">=","param":"nope"}}]"#)))
        #expect(parameter.path == "pathways[0].condition.param")
        let definition = try #require(packError(testPack(#""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"any":[{"ref":"missing"}]}}]"#)))
        #expect(definition.path == "pathways[0].condition.any[0].ref")
    }

    @Test func definitionCycleIsReported() throws {
        let error = try #require(packError(testPack(#""definitions":{"a":{"not":{"ref":"b"}},"b":{"all":[{"ref":"a"}]}}"#)))
        #expect(error.status == .pack)
        #expect(error.message.en.contains("cycle"))
        #expect(error.message.en.contains("a → b → a"))
    }

    @Test func unknownDistrictIsReportedAndAliasesResolve() throws {
        let districts = #""districts":[{"name":"蓟州区","aliases":["蓟县"]}]"#
        let bad = try #require(packError(testPack(districts + #","pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"residence.district","op":"in","value":["滨海新区"]}}]"#)))
        #expect(bad.path == "pathways[0].condition.value")
        #expect(bad.message.en.contains("unknown district"))
        // A former name in the pack is accepted and means the current district.
        let pack = try PackLoader.load(testPack(districts + #","pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"residence.district","op":"in","value":["蓟县"]}}]"#))
        var person = Person()
        person["residence.district"] = .text("蓟州区")
        let asOf = try #require(CivilDate(iso: "2026-01-01"))
        let context = EvaluationContext(asOf: asOf, applicant: person, subject: person, districts: pack.districts)
        let pathway = try #require(pack.pathways.first)
        #expect(ConditionEvaluator.evaluate(pathway.condition, context).outcome == .met)
    }

    @Test func unknownMembersAreRejected() throws {
        let error = try #require(packError(testPack(#""pathwys":[]"#)))
        #expect(error.path == "pathwys")
        #expect(error.message.en.contains("unknown field"))
    }

    @Test func parameterDatesMustIncrease() throws {
        let error = try #require(packError(testPack(#""parameters":[{"id":"x","source":"s","values":[{"from":"2020-01-01","value":1},{"from":"2019-01-01","value":2}]}]"#)))
        #expect(error.path == "parameters[0].values[1].from")
    }

    @Test func deepConditionNestingIsRefused() throws {
        var condition = #"{"fact":"married","op":"is","value":true}"#
        for _ in 0..<40 { condition = #"{"not":"# + condition + "}" }
        let error = try #require(packError(testPack(#""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":"# + condition + "}]")))
        #expect(error.status == .pack)
        #expect(error.message.en.contains("nested deeper"))
    }
}
