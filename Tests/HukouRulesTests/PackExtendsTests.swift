// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// `extends`: a pack states only what differs from the pack it extends (docs/packs.md).
@Suite("Packs that extend packs")
struct PackExtendsTests {
    /// A made-up county of Anyang: Anyang's rules, one pathway dropped, one parameter changed.
    static let county = #"""
    {"format":"hukou-pack/1","id":"anyang/madeup","version":"t1","extends":"anyang",
     "name":{"zh":"安阳市虚构县","en":"Made-up county, Anyang"},
     "parameters":[{"id":"urban_social_insurance_months","source":"test","values":[{"from":"2018-03-12","value":6}]}],
     "remove":{"pathways":["rural_college_students"]}}
    """#

    @Test func overridesMergeByIdAndRemoveDrops() throws {
        let pack = try PackLoader.load(Self.county)
        // inherited pathways in Anyang's order, one removed
        #expect(pack.pathways.map(\.id) == ["key_groups_open", "urban_ordinary_workers", "towns_open"])
        // the overridden parameter is the child's, the others Anyang's
        #expect(pack.parameters["urban_social_insurance_months"]?.value(on: try #require(CivilDate(iso: "2026-01-01"))) == .integer(6))
        #expect(pack.parameters["social_insurance_cap_months"] != nil)
        // document and dates inherited
        #expect(pack.document.number == "安政办〔2018〕19号")
        #expect(pack.name.en == "Made-up county, Anyang")
    }

    @Test func loadedAtRunTimeAndAnswered() throws {
        var engine = Fixture.engine
        try engine.load(pack: Self.county)
        let answer = try Fixture.eligibility(#"{"jurisdiction":"anyang/madeup","as_of":"2026-11-25","locale":"en","applicant":{}}"#, engine: engine)
        #expect(answer["pathways"]?.elements?.count == 3)
    }

    @Test func unknownParentAndMissingRemovalAreErrors() throws {
        let orphan = try #require(packError(Self.county.replacingOccurrences(of: #""extends":"anyang""#, with: #""extends":"nowhere""#)))
        #expect(orphan.path == "extends")
        let wrong = try #require(packError(Self.county.replacingOccurrences(of: "rural_college_students", with: "no_such_pathway")))
        #expect(wrong.path == "remove.pathways[0]")
    }

    @Test func anAbstractPackIsNoJurisdiction() throws {
        var engine = Fixture.engine
        try engine.load(pack: Self.county.replacingOccurrences(of: #""extends":"anyang","#, with: #""extends":"anyang","abstract":true,"#))
        #expect(throws: HukouError.self) {
            try Fixture.eligibility(#"{"jurisdiction":"anyang/madeup","as_of":"2026-11-25","applicant":{}}"#, engine: engine)
        }
    }
}
