import Testing
@testable import HukouRules

/// National-compliance lint: each test pack breaks one rule of 国办发〔2016〕72号.
@Suite("Lint against 国办发〔2016〕72号")
struct LintTests {
    let national = Fixture.engine.registry.national(on: CivilDate(iso: "2026-01-01") ?? CivilDate(year: 2026, month: 1, day: 1)!)

    func pack(size: String, _ sections: String) -> String {
        testPack(sections).replacingOccurrences(of: #""value":"medium""#, with: #""value":"\#(size)""#)
    }

    func pathway(_ condition: String) -> String {
        #""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":\#(condition)}]"#
    }

    @Test("任务7: a large city may not require buying a home")
    func homePurchase() throws {
        let text = pack(size: "large_1", pathway(#"{"all":[{"fact":"housing.type","op":"==","value":"owned"},{"fact":"age","op":">=","value":18}]}"#))
        let violations = try PackLint.lint(text, national: national)
        #expect(violations.map(\.rule) == ["国办发〔2016〕72号 任务7"])
        #expect(violations.first?.path == "pathways[0].condition.all[0]")
    }

    @Test("任务7: an alternative route for investors is not a restriction")
    func investorAlternativeIsFine() throws {
        let text = pack(size: "large_1", pathway(#"{"any":[{"fact":"recognized.investor","op":"is","value":true},{"fact":"housing.type","op":"in","value":["owned","rental"]}]}"#))
        #expect(try PackLint.lint(text, national: national).isEmpty)
    }

    @Test("任务7: investment required through a definition")
    func investmentThroughDefinition() throws {
        let text = pack(size: "medium", #""definitions":{"inv":{"fact":"recognized.investor","op":"is","value":true}},"# + pathway(#"{"ref":"inv"}"#))
        let violations = try PackLint.lint(text, national: national)
        #expect(violations.map(\.rule) == ["国办发〔2016〕72号 任务7"])
        #expect(violations.first?.path == "definitions.inv")
    }

    @Test("任务7 binds large and medium cities only, not 超大/特大")
    func superLargeMayRequireHome() throws {
        let text = pack(size: "super_large", pathway(#"{"fact":"housing.type","op":"==","value":"owned"}"#))
        #expect(try PackLint.lint(text, national: national).isEmpty)
    }

    @Test("任务8: a city under 3 million may not use points")
    func pointsInSmallCity() throws {
        let points = #""points":{"citation":"c","indicators":[{"id":"a","kind":"bands","label":{"zh":"a","en":"a"},"citation":"c","fact":"age","bands":[{"max":35,"points":10}]}]}"#
        let violations = try PackLint.lint(pack(size: "large_2", points), national: national)
        #expect(violations.map(\.rule) == ["国办发〔2016〕72号 任务8"])
        #expect(violations.first?.path == "points")
        // 300万 and above (Ⅰ型大) may.
        #expect(try PackLint.lint(pack(size: "large_1", points), national: national).isEmpty)
    }

    @Test("任务9: at most 5 years of social insurance in large cities, 3 in medium ones")
    func socialInsuranceCaps() throws {
        let sixty = pathway(#"{"fact":"social_insurance.months","op":">=","value":60}"#)
        let sixtyOne = pathway(#"{"fact":"social_insurance.months","op":">","value":60}"#)
        #expect(try PackLint.lint(pack(size: "large_2", sixty), national: national).isEmpty)
        #expect(try PackLint.lint(pack(size: "large_2", sixtyOne), national: national).map(\.rule) == ["国办发〔2016〕72号 任务9"])
        let medium = try PackLint.lint(pack(size: "medium", sixty), national: national)
        #expect(medium.map(\.rule) == ["国办发〔2016〕72号 任务9"])
        #expect(medium.first?.message.en == "requires 60 months of social insurance, above the cap of 36 months")
    }

    @Test("任务9 reads every dated value of a parameter")
    func socialInsuranceCapViaParameter() throws {
        let text = pack(size: "medium", #""parameters":[{"id":"si","source":"s","values":[{"from":"2020-01-01","value":24},{"from":"2022-01-01","value":48}]}],"#
                        + pathway(#"{"fact":"social_insurance.months","op":">=","param":"si"}"#))
        #expect(try PackLint.lint(text, national: national).map(\.rule) == ["国办发〔2016〕72号 任务9"])
    }

    @Test("任务20: giving up the 三权 may never be a condition")
    func ruralRights() throws {
        let text = pack(size: "super_large", pathway(#"{"fact":"rural_rights_given_up","op":"is","value":true}"#))
        #expect(try PackLint.lint(text, national: national).map(\.rule) == ["国办发〔2016〕72号 任务20"])
    }

    @Test("安政办〔2018〕19号 二（二）: Anyang's own 1-year cap")
    func anyangOwnCap() throws {
        let cap = #""parameters":[{"id":"social_insurance_cap_months","source":"安政办〔2018〕19号 二（二）","values":[{"from":"2018-03-12","value":12}]}],"#
        let text = pack(size: "large_2", cap + pathway(#"{"fact":"social_insurance.months","op":">=","value":18}"#))
        let violations = try PackLint.lint(text, national: national)
        #expect(violations.map(\.rule) == ["安政办〔2018〕19号 二（二）"])
    }

    @Test("The embedded seed packs pass")
    func seedPacksPass() throws {
        for embedded in EmbeddedPacks.all {
            let violations = try PackLint.lint(embedded.json, national: national)
            #expect(violations.isEmpty, "\(embedded.name): \(violations.map { $0.rule + " " + $0.path })")
        }
    }
}
