// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// One validator: every mistake in a pack is reported, each with its JSON path, and a
/// misspelt name gets the nearest known one.
@Suite("Pack problems: all of them, with paths and suggestions")
struct PackProblemsTests {
    /// The eight mistakes the pack schema used to accept, in one pack.
    static let eightMistakes = """
    {"format":"hukou-pack/1","id":"mistakes","version":"t1","name":{"zh":"错","en":"Mistakes"},
     "document":{"title":{"zh":"测试文件","en":"test document"},"number":"测试〔2020〕1号"},
     "effective_from":"2020-01-01","effective_until":"2019-01-01",
     "city_size_class":{"value":"medium","provisional":true,"source":"test"},
     "districts":[{"name":"甲区"}],
     "parameters":[{"id":"need","source":"s","values":[{"from":"2020-02-30","value":12}]}],
     "pathways":[
      {"id":"a","name":{"zh":"a","en":"a"},"citation":"c","condition":{"fact":"social_insurance.month","op":">=","value":12}},
      {"id":"b","name":{"zh":"b","en":"b"},"citation":"c","condition":{"fact":"social_insurance.months","op":"=>","value":12}},
      {"id":"c","name":{"zh":"c","en":"c"},"citation":"c","condition":{"fact":"social_insurance.months","op":">=","param":"needed"}},
      {"id":"a","name":{"zh":"d","en":"d"},"citation":"c","condition":{"fact":"married","op":"is","value":true}},
      {"id":"e","name":{"zh":"e","en":"e"},"citation":"c","condition":{"fact":"education.level","op":">=","value":"bachelors"}},
      {"id":"f","name":{"zh":"f","en":"f"},"citation":"c","condition":{"fact":"residence.district","op":"in","value":["乙区"]}}]}
    """

    @Test func everyMistakeIsListedWithItsPath() throws {
        let problems = PackLoader.problems(Self.eightMistakes)
        let paths = problems.map(\.path)
        #expect(paths.contains("effective_until"))                 // end before start
        #expect(paths.contains("parameters[0].values[0].from"))    // impossible date
        #expect(paths.contains("pathways[0].condition.fact"))      // unknown fact
        #expect(paths.contains("pathways[1].condition.op"))        // wrong operator
        #expect(paths.contains("pathways[2].condition.param"))     // undefined parameter
        #expect(paths.contains("pathways[3].id"))                  // duplicate id
        #expect(paths.contains("pathways[4].condition.value"))     // unknown vocabulary value
        #expect(paths.contains("pathways[5].condition.value"))     // unknown district
        #expect(problems.count == 8, "\(problems.map { $0.describe(.en) })")
        let text = problems.map { $0.describe(.en) }.joined(separator: "\n")
        #expect(text.contains("did you mean `social_insurance.months`?"))
        #expect(text.contains("did you mean `>=`?"))
        #expect(text.contains("did you mean `need`?") || text.contains("undefined parameter \"needed\""))
        #expect(text.contains("did you mean `bachelor`?"))
    }

    @Test func theLoadErrorNamesTheFirstAndCountsTheRest() throws {
        let error = try #require(packError(Self.eightMistakes))
        #expect(error.path == "effective_until")
        #expect(error.message.en.contains("and 7 more"))
        #expect(error.message.en.contains("pathways[5].condition.value"))
    }

    @Test func misspeltMembersGetTheNearestName() throws {
        let missing = try #require(packError(testPack(#""priority_groups":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","conditon":{"fact":"married","op":"is","value":true}}]"#)))
        #expect(missing.path == "priority_groups[0].condition")
        #expect(missing.message.en.contains("did you mean `condition`?"))
        let unknown = try #require(packError(testPack(#""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"married","op":"is","value":true},"foloowers":[]}]"#)))
        #expect(unknown.path == "pathways[0].foloowers")
        #expect(unknown.message.en.contains("did you mean `followers`?"))
    }

    @Test func aPackThatLoadsHasNoProblems() throws {
        #expect(PackLoader.problems(testPack()).isEmpty)
    }
}
