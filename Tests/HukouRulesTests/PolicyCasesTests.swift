// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import HukouRules
import HukouYAML

/// Every case file beside the packs (Policies/**/*.cases.yaml, docs/cases.md), one test
/// argument per file, through the Swift engine. `make test` runs them again through the
/// command line (`hukou test`) and through the release library's C ABI (`--library`).
@Suite("Policy cases (Policies/*.cases.yaml)")
struct PolicyCasesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Case files relative to the repository root, sorted.
    static let files: [String] = {
        let policies = root.appendingPathComponent("Policies")
        let all = FileManager.default.enumerator(atPath: policies.path)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".cases.yaml") }.map { "Policies/" + $0 }.sorted()
    }()

    @Test("Every pack has a case file")
    func everyPackHasCases() throws {
        let packs = Set(EmbeddedPacks.all.map(\.id))
        var covered: Set<String> = []
        for path in Self.files {
            let file = try CaseFile(try YAMLDocument.parse(try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)))
            covered.formUnion(packs.filter { CaseFile.pack(file.pack, covers: $0) })
        }
        #expect(covered == packs, "packs without cases: \(packs.subtracting(covered).sorted())")
    }

    @Test("Case file", arguments: PolicyCasesTests.files)
    func caseFile(_ path: String) throws {
        let url = Self.root.appendingPathComponent(path)
        let file = try CaseFile(try YAMLDocument.parse(try String(contentsOf: url, encoding: .utf8)))
        let packURL = URL(fileURLWithPath: String(url.path.dropLast(".cases.yaml".count)) + ".json")
        let pack = (try? Data(contentsOf: packURL)).flatMap { try? JSONParser.parse(Array($0)) }
        let answers = EngineCaseAnswers(engine: Fixture.engine, packs: pack.map { [$0] } ?? [])
        let run = CaseRunner.run(file) { answers.answer($0, file: file) }
        #expect(run.cases > 0)
        for failure in run.failures.joined() {
            Issue.record("\(path): \(failure)")
        }
    }
}
