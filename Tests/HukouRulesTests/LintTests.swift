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
}
