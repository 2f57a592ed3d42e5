// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules
import HukouYAML

/// The case format itself (docs/cases.md): paths, patches, checks, YAML scalars, errors.
@Suite("Case files: format and runner")
struct CaseRunnerTests {
    let answer = try! JSONParser.parse(#"""
    {"pathways":[{"id":"a","result":"eligible","followers":[{"result":"may_follow"},{"result":"unknown"}]},
                 {"id":"b.c","result":"not_eligible","shortfalls":[{"amount":4}]}],
     "breakdown":[{"id":"group","points":10,"parts":[{"id":"inner","points":7}]}],
     "people":[{"member":"applicant","items":[]},{"member":"family[0]","age":8}],
     "reason":"信息不足，无法判断","total":12}
    """#)

    func value(_ path: String) -> JSONValue? {
        AnswerPath(path)?.resolve(in: answer)
    }

    @Test("Paths address list elements by id, index, member value, or all of them")
    func paths() {
        #expect(value("pathways[a].result") == .string("eligible"))
        #expect(value("pathways[b.c].shortfalls[0].amount") == .integer(4))
        #expect(value("pathways[1].result") == .string("not_eligible"))
        #expect(value("pathways[a].followers[*].result") == .array([.string("may_follow"), .string("unknown")]))
        #expect(value("people[member=family[0]].age") == nil) // a selector ends at the first ]
        #expect(value("people[member=applicant].items") == .array([]))
        #expect(value("breakdown[inner].points") == .integer(7)) // found inside a group's parts
        #expect(value("pathways[zzz].result") == nil)
        #expect(value("pathways[9].result") == nil)
        #expect(value("total") == .integer(12))
        for bad in ["", "a.", ".a", "a[", "a]", "a[]", "a[0]b", "a..b"] {
            #expect(AnswerPath(bad) == nil, "\(bad)")
        }
    }

    @Test("Checks: equality (numbers by value), contains, starts_with, count, absent, not")
    func checks() throws {
        func met(_ yaml: String, _ path: String) throws -> Bool {
            try Expectation.read(try YAMLDocument.parse(yaml), path: "x").isMet(by: value(path))
        }
        #expect(try met("eligible", "pathways[a].result"))
        #expect(try !met("not_eligible", "pathways[a].result"))
        #expect(try met("12.0", "total"))
        #expect(try met("{contains: 无法判断}", "reason"))
        #expect(try met("{contains: {id: a}}", "pathways"))
        #expect(try !met("{contains: {id: a, result: unknown}}", "pathways"))
        #expect(try met("{contains: [may_follow, unknown]}", "pathways[a].followers[*].result"))
        #expect(try met("{starts_with: 信息不足}", "reason"))
        #expect(try met("{count: 2}", "pathways"))
        #expect(try met("{absent: true}", "threshold"))
        #expect(try !met("{absent: true}", "total"))
        #expect(try met("{not: entitled}", "pathways[a].result"))
        #expect(try met("{equals: {count: 2}}", "missing") == false)
        #expect(throws: CaseFileError.self) { try Expectation.read(try YAMLDocument.parse("{count: many}"), path: "x") }
    }

    @Test("Patches merge objects, replace lists and remove members given null (RFC 7396)")
    func patches() throws {
        let base = try JSONParser.parse(#"{"a":{"b":1,"c":2},"list":[1,2],"gone":true}"#)
        let patch = try JSONParser.parse(#"{"a":{"c":3,"d":4},"list":[9],"gone":null}"#)
        #expect(JSONWriter.string(MergePatch.apply(patch, to: base)) == #"{"a":{"b":1,"c":3,"d":4},"list":[9]}"#)
        // name[id] and name[index] patch one element of a list; one not found is appended.
        let pack = try JSONParser.parse(#"{"parameters":[{"id":"x","v":1},{"id":"y","v":2}],"family":[{"r":"spouse"}]}"#)
        let change = try JSONParser.parse(#"{"parameters[y]":{"v":3},"parameters[z]":{"v":4},"family[0]":{"age":30},"parameters[x]":null}"#)
        #expect(JSONWriter.string(MergePatch.apply(change, to: pack))
                == #"{"parameters":[{"id":"y","v":3},{"id":"z","v":4}],"family":[{"r":"spouse","age":30}]}"#)
    }

    @Test("YAML scalars: yes/no/on/off and dates stay text; true/false, numbers and null do not")
    func yamlScalars() throws {
        let value = try YAMLDocument.parse("""
        a: no
        b: yes
        c: 2026-11-25
        d: true
        e: 12
        f: 1.5
        g: ~
        h: "12"
        i: 二（二）
        """)
        #expect(JSONWriter.string(value) == #"{"a":"no","b":"yes","c":"2026-11-25","d":true,"e":12,"f":1.5,"g":null,"h":"12","i":"二（二）"}"#)
        #expect(throws: CaseFileError.self) { try YAMLDocument.parse("a: 1\na: 2") }
        #expect(throws: CaseFileError.self) { try YAMLDocument.parse("a: [") }
    }

    @Test("A case file names the field it cannot read")
    func fileErrors() throws {
        func error(_ yaml: String) -> String? {
            do { _ = try CaseFile(try YAMLDocument.parse(yaml)); return nil } catch { return error.path }
        }
        #expect(error("pack: x\ncases: [{name: n, clause: c, call: vote, expect: {a: 1}}]") == "cases[0].call")
        #expect(error("pack: x\ncases: [{name: n, clause: c, call: points}]") == "cases[0].expect")
        #expect(error("pack: x\ncases: [{name: n, clause: c, call: points, expect: {'a[': 1}}]") == "cases[0].expect.a[")
        #expect(error("pack: x\ncases: [{name: n, clause: c, call: points, base: nope, expect: {a: 1}}]") == "cases[0].base")
        #expect(error("pack: x\ncases: [{name: n, clause: c, call: points, expect: {a: 1}, typo: 1}]") == "cases[0].typo")
        #expect(error("pack: x\ncases: []") == nil)
    }

    @Test("Bases, patches and variants build each request; a variant's expectation replaces the case's at the same path")
    func expansion() throws {
        let file = try CaseFile(try YAMLDocument.parse("""
        pack: testland
        document: 测试〔2020〕1号
        request: {jurisdiction: testland, as_of: "2026-01-01", applicant: {age: 30}}
        bases:
          older: {applicant: {age: 60}}
        cases:
          - name: n
            clause: 第三条
            call: points
            base: older
            patch: {applicant: {married: true}}
            expect: {total: 1, gap: 2}
            variants:
              - {name: v, patch: {as_of: "2027-01-01"}, expect: {total: 5}}
              - {}
        """))
        #expect(file.cases.count == 2)
        let first = file.cases[0]
        #expect(first.name == "n [v]")
        #expect(first.clause == "测试〔2020〕1号 第三条")
        #expect(JSONWriter.string(first.request) == #"{"jurisdiction":"testland","as_of":"2027-01-01","applicant":{"age":60,"married":true}}"#)
        #expect(first.expectations.map(\.path.description) == ["gap", "total"])
        #expect(file.cases[1].name == "n [#2]")
        #expect(file.cases[1].expectations.count == 2)
    }

    @Test("A failed call fails the case with its status, unless the case expects the error")
    func errors() throws {
        let file = try CaseFile(try YAMLDocument.parse("""
        pack: anyang
        request: {jurisdiction: atlantis, as_of: "2026-01-01", applicant: {}}
        cases:
          - {name: a, clause: c, call: eligibility, expect: {result: x}}
          - {name: b, clause: c, call: eligibility, expect: {error.status: HUKOU_E_UNKNOWN_JURISDICTION}}
        """))
        let answers = EngineCaseAnswers(engine: Fixture.engine)
        let run = CaseRunner.run(file) { answers.answer($0, file: file) }
        #expect(run.failed == 1)
        #expect(run.failures[0].first?.got.hasPrefix("HUKOU_E_UNKNOWN_JURISDICTION") == true)
        #expect(run.failures[1].isEmpty)
    }
}
