// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import HukouRules

/// Embedded packs are parsed on first use; this suite makes sure each one loads and that
/// the members extracted for choosing it before parsing agree with the pack itself.
@Suite("Embedded packs")
struct EmbeddedPackTests {
    @Test func everyEmbeddedPackLoadsAndMatchesItsMetadata() throws {
        #expect(EmbeddedPacks.all.count == 13) // national, anyang, fujian, tianjin, wenzhou, the shared county rules + 7 counties
        for embedded in EmbeddedPacks.all {
            let pack = try embedded.pack()
            #expect(pack.id == embedded.id, "\(embedded.name)")
            #expect(pack.effectiveFrom == embedded.effectiveFrom, "\(embedded.name)")
            #expect(pack.effectiveUntil == embedded.effectiveUntil, "\(embedded.name)")
            #expect(pack.serial == embedded.serial, "\(embedded.name)")
        }
    }

    @Test func engineChoosesEmbeddedPacksWithoutParsingThemAll() throws {
        let engine = try Engine.withEmbeddedPacks()
        #expect(engine.registry.ids == ["anyang", "fujian", "national", "tianjin", "wenzhou", "wenzhou/cangnan", "wenzhou/counties", "wenzhou/leqing",
                                        "wenzhou/pingyang", "wenzhou/ruian", "wenzhou/taishun", "wenzhou/wencheng", "wenzhou/yongjia"])
        // Anyang's rules begin on 2018-03-12 (安政办〔2018〕19号): none in force the day before.
        let before = try #require(CivilDate(iso: "2018-03-11"))
        #expect(throws: HukouError.self) { try engine.registry.pack("anyang", on: before) }
        let on = try #require(CivilDate(iso: "2018-03-12"))
        #expect(try engine.registry.pack("anyang", on: on).document.number == "安政办〔2018〕19号")
    }

    @Test func aLoadedPackReplacesTheEmbeddedVersionWithTheSameStartDate() throws {
        var engine = try Engine.withEmbeddedPacks()
        let anyang = try #require(EmbeddedPacks.all.first { $0.id == "anyang" })
        try engine.load(pack: anyang.json.replacingOccurrences(of: #""version": "2018.1""#, with: #""version": "2018.2-local""#))
        let date = try #require(CivilDate(iso: "2026-11-25"))
        #expect(try engine.registry.pack("anyang", on: date).version == "2018.2-local")
    }
}
