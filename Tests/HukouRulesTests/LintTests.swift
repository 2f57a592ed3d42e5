// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// National-compliance lint. The clause cases (each made-up pack breaking one rule of
/// 国办发〔2016〕72号) are in Policies/national.cases.yaml; here only the seed packs.
@Suite("Lint against 国办发〔2016〕72号")
struct LintTests {
    let national = Fixture.engine.registry.national(on: CivilDate(iso: "2026-01-01") ?? CivilDate(year: 2026, month: 1, day: 1)!)

    @Test("The embedded seed packs pass")
    func seedPacksPass() throws {
        for embedded in EmbeddedPacks.all {
            let violations = try PackLint.lint(embedded.json, national: national)
            #expect(violations.isEmpty, "\(embedded.name): \(violations.map { $0.rule + " " + $0.path })")
        }
    }

    @Test("国办发〔2016〕72号 任务3: every embedded city pack declares its administrative level (a province-wide pack, each city's)")
    func seedPacksDeclareLevels() throws {
        let levels = Set((national?.adminLevels ?? []).map(\.id))
        #expect(levels.contains("provincial_capital") && levels.contains("municipality"))
        for embedded in EmbeddedPacks.all where embedded.id != "national" {
            let pack = try PackLoader.load(embedded.json)
            let level = try #require(pack.adminLevel, "\(embedded.id) declares no admin_level")
            #expect(levels.contains(level.value), "\(embedded.id): \(level.value)")
            if level.value == "province" {
                #expect(pack.cities.allSatisfy { $0.adminLevel != nil } && pack.ownRulesCities.allSatisfy { $0.adminLevel != nil })
            }
        }
        // Fujian: 福州 is the provincial capital, 厦门 a 副省级市, the other cities prefecture-level.
        let fujian = try PackLoader.load(try #require(EmbeddedPacks.all.first { $0.id == "fujian" }).json)
        #expect(fujian.ownRulesCities.first { $0.name == "福州市" }?.adminLevel?.value == "provincial_capital")
        #expect(fujian.cities.allSatisfy { $0.adminLevel?.value == "prefecture_city" })
    }

    /// The embedded Wenzhou pack without its task-3 pathway (`open_groups_task3`), with `extra` pathways added.
    static func wenzhouWithoutTask3(adding extra: [JSONValue] = []) throws -> String {
        let embedded = try #require(EmbeddedPacks.all.first { $0.id == "wenzhou" })
        guard case .object(var members) = try JSONParser.parse(embedded.json),
              let index = members.firstIndex(where: { $0.key == "pathways" }),
              case .array(let pathways) = members[index].value else {
            Issue.record("no pathways")
            return ""
        }
        members[index].value = .array(pathways.filter { $0["id"]?.stringValue != "open_groups_task3" } + extra)
        return JSONWriter.string(.object(members))
    }

    @Test("国办发〔2016〕72号 任务3: Wenzhou's urban districts (地级市) without the task-3 pathway are reported for each of the four groups")
    func wenzhouWithoutTask3Pathway() throws {
        let violations = try PackLint.lint(try Self.wenzhouWithoutTask3(), national: national)
        #expect(violations.map(\.rule) == Array(repeating: "国办发〔2016〕72号 任务3", count: 4))
        #expect(violations.allSatisfy { $0.path == "admin_level" })
        #expect(violations.map(\.message.zh).contains { $0.contains("温州市市区（含洞头区）（地级市）") && $0.contains("留学归国人员") })
    }

    @Test("国办发〔2016〕72号 任务3: a pathway whose every alternative asks for a restricting fact (insurance, or a residence permit) is not fully open")
    func everyAlternativeRestricting() throws {
        let restricted = try JSONParser.parse(#"""
        {"id":"graduates_restricted","name":{"zh":"毕业生","en":"graduates"},"citation":"测试",
         "groups":["college_graduate","skilled_worker","vocational_graduate","returned_overseas_student"],
         "condition":{"any":[{"fact":"social_insurance.months","op":">=","value":12},
                             {"fact":"residence_permit.held","op":"is","value":true}]}}
        """#)
        let violations = try PackLint.lint(try Self.wenzhouWithoutTask3(adding: [restricted]), national: national)
        #expect(violations.map(\.rule) == Array(repeating: "国办发〔2016〕72号 任务3", count: 4))
    }
}
