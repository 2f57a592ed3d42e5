// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// A person's values are held by fact index (``FactSlots``): each fact of a catalogue has
/// its position as index, conditions and indicators read by it, and the name API
/// (`person["x"]`, `values`) still reads and writes the same values.
@Suite("Person values by fact index")
struct PersonValuesTests {
    /// A parent pack declaring one fact and a city pack extending it with its own.
    static let parent = testPack(id: "testland", #"""
    "facts":[{"name":"testland.card","type":"bool","label":{"zh":"卡","en":"card"}}],
    "pathways":[{"id":"card","name":{"zh":"卡","en":"card"},"citation":"测试〔2020〕1号 第一条","condition":{"fact":"testland.card","op":"is","value":true}}]
    """#)
    static let city = #"""
    {"format":"hukou-pack/1","id":"testland/town","version":"t1","extends":"testland","name":{"zh":"测试镇","en":"Test town"},
     "facts":[{"name":"town.tier","type":"enumeration","values":["low","high"],"ordered":true,"label":{"zh":"层次","en":"tier"}}],
     "pathways":[{"id":"tier","name":{"zh":"层次","en":"tier"},"citation":"测试〔2020〕2号 第一条",
                  "condition":{"all":[{"fact":"testland.card","op":"is","value":true},{"fact":"town.tier","op":">=","value":"high"}]}}]}
    """#

    func engine() throws -> Engine {
        var engine = Fixture.engine
        try engine.load(pack: Self.parent)
        try engine.load(pack: Self.city)
        return engine
    }

    func fast(_ engine: Engine, _ text: String) -> DecisionRequest? {
        Array(text.utf8).withUnsafeBufferPointer { RequestReader.read($0, catalogue: engine.packFacts) }
    }

    @Test func everyFactsIndexIsItsPositionAndAPacksOwnFactsFollowTheVocabulary() throws {
        let engine = try engine()
        let date = try #require(CivilDate(iso: "2026-01-01"))
        for facts in [FactCatalogue.base, engine.packFacts("testland", date), engine.packFacts("testland/town", date)] {
            for (position, fact) in facts.facts.enumerated() { #expect(fact.index == position, "\(fact.name)") }
        }
        let town = engine.packFacts("testland/town", date)
        let base = FactCatalogue.base.facts.count
        // The common vocabulary first, then the pack's own in declaration order.
        #expect(town.definition("testland.card")?.index == base)
        #expect(town.definition("town.tier")?.index == base + 1)
        #expect(town.definition("married")?.index == FactCatalogue.base.definition("married")?.index)
    }

    @Test func aCityPacksOwnFactIsReadAndJudgedByIndex() throws {
        let engine = try engine()
        let text = #"{"jurisdiction":"testland/town","as_of":"2026-01-01","applicant":{"testland":{"card":true},"town":{"tier":"high"},"married":false}}"#
        let request = try #require(fast(engine, text))
        #expect(request.applicant["town.tier"] == .enumeration("high"))
        #expect(request.applicant["testland.card"] == .bool(true))
        #expect(request.applicant.values == ["town.tier": .enumeration("high"), "testland.card": .bool(true), "married": .bool(false)])
        // The tree path gives the same values.
        #expect(try engine.readRequest(try JSONParser.parse(text)).applicant.values == request.applicant.values)
        // The city's pathway: card and tier "high" (>= high) are both met.
        func verdict(_ request: DecisionRequest, _ id: String) throws -> String? {
            try engine.eligibility(request)["pathways"]?.elements?.first { $0["id"]?.stringValue == id }?["result"]?.stringValue
        }
        #expect(try verdict(request, "tier") == "eligible")
        // The parent's pathway, on the parent's fact the city inherits.
        #expect(try verdict(request, "card") == "eligible")
        // "low" is below "high" on the declared order: not eligible.
        let low = try #require(fast(engine, text.replacingOccurrences(of: #""high""#, with: #""low""#)))
        #expect(try verdict(low, "tier") == "not_eligible")
    }

    @Test func anotherPacksDefinitionOfTheSameNameIsLookedUpByName() throws {
        // testland's own testland.card is not the city's (each pack declares its own), yet
        // reading it on a person of the city finds the value by name, as before.
        let engine = try engine()
        let date = try #require(CivilDate(iso: "2026-01-01"))
        let parentCard = try #require(engine.packFacts("testland", date).definition("testland.card"))
        let request = try #require(fast(engine, #"{"jurisdiction":"testland/town","as_of":"2026-01-01","applicant":{"testland":{"card":true}}}"#))
        #expect(!request.applicant.catalogue.declares(parentCard))
        #expect(request.applicant.given(parentCard) == .bool(true))
    }

    @Test func familyMembersHoldTheirOwnValues() throws {
        let text = #"""
        {"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{"married":true},
         "family":[{"relation":"spouse","lives_with_applicant":true},{"relation":"child","birth_date":"2015-03-01"}]}
        """#
        let request = try #require(Array(text.utf8).withUnsafeBufferPointer { RequestReader.read($0, catalogue: Fixture.engine.packFacts) })
        #expect(request.family.map(\.relation) == ["spouse", "child"])
        #expect(request.family[0]["lives_with_applicant"] == .bool(true))
        #expect(request.family[1]["lives_with_applicant"] == nil)
        #expect(request.family[1]["birth_date"] == .date(try #require(CivilDate(iso: "2015-03-01"))))
        #expect(request.applicant["relation"] == nil)
        // The enumeration value is the declaration's own String (same bytes).
        let relation = try #require(request.family[0].catalogue.relation)
        #expect(relation.choices.contains("spouse"))
    }

    @Test func aProjectionAdvancesTheCountersOfACopy() throws {
        var person = Person()
        person["social_insurance.months"] = .integer(8)
        person["social_insurance.paying"] = .bool(true)
        let later = person.advanced(byMonths: 7)
        // 8 + 7 months while paying; the person projected from is unchanged.
        #expect(later["social_insurance.months"] == .integer(15))
        #expect(person["social_insurance.months"] == .integer(8))
        // Not paying: the counter stays.
        person["social_insurance.paying"] = .bool(false)
        #expect(person.advanced(byMonths: 7)["social_insurance.months"] == .integer(8))
    }

    @Test func aWhatIfChangesACopyByIndex() throws {
        var person = Person()
        person["education.level"] = .enumeration("bachelor")
        let fact = try #require(FactCatalogue.base.definition("education.level"))
        let changed = PointsScorer.person(person, with: fact, .enumeration("master"))
        #expect(changed["education.level"] == .enumeration("master"))
        #expect(person["education.level"] == .enumeration("bachelor"))
        // A derived fact without a request path is not set.
        let derived = try #require(FactCatalogue.base.facts.first { $0.path == nil })
        #expect(PointsScorer.person(person, with: derived, .integer(3)).values == person.values)
    }

    @Test func theNameAPIKeepsWhatItIsGiven() throws {
        var person = Person()
        // A name the vocabulary does not declare, an enumeration value it does not list,
        // a text and a date: all read back as set.
        person["no.such.fact"] = .integer(3)
        person["education.level"] = .enumeration("not_a_level")
        person["residence.district"] = .text("西青区")
        person["residence.since"] = .date(try #require(CivilDate(iso: "2020-07-01")))
        #expect(person["no.such.fact"] == .integer(3))
        #expect(person["education.level"] == .enumeration("not_a_level"))
        #expect(person["residence.district"] == .text("西青区"))
        #expect(person.values.count == 4)
        person["residence.district"] = .text("河西区")
        person["no.such.fact"] = nil
        #expect(person.values == ["education.level": .enumeration("not_a_level"), "residence.district": .text("河西区"),
                                  "residence.since": .date(try #require(CivilDate(iso: "2020-07-01")))])
        // Assigning the whole table replaces every value.
        person.values = ["married": .bool(true)]
        #expect(person.values == ["married": .bool(true)])
        #expect(person["residence.district"] == nil)
    }
}
