// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import HukouRules

/// The documentation and the code describe the same schema.
@Suite("Docs agree with the code")
struct DocsConsistencyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func read(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func factsPageNamesEveryFact() throws {
        let page = try read("docs/facts.md")
        for name in FactCatalogue.base.names {
            #expect(page.contains("| `\(name)` |"), "docs/facts.md does not list \(name)")
        }
    }

    /// A sample value for a JSON Schema node.
    func sample(_ node: JSONValue) -> JSONValue {
        if case .array(let values)? = node["enum"], let first = values.first { return first }
        switch node["type"]?.stringValue {
        case "boolean": return .bool(true)
        case "integer": return .integer(1)
        case "string": return .string(node["pattern"] == nil ? "x" : "2020-01-01")
        case "object":
            guard case .object(let properties)? = node["properties"] else { return .object([]) }
            return .object(properties.map { JSONMember($0.key, sample($0.value)) })
        default: return .null
        }
    }

    @Test func everySchemaFieldIsAcceptedByTheReader() throws {
        let schema = try JSONParser.parse(try read("docs/schema/request.schema.json"))
        let person = try #require(schema["$defs"]?["person"])
        let member = try #require(schema["$defs"]?["member"])
        let request = JSONValue.object([
            JSONMember("jurisdiction", .string("anyang")),
            JSONMember("as_of", .string("2026-11-25")),
            JSONMember("applicant", sample(person)),
            JSONMember("family", .array([sample(member)])),
        ])
        // Throws (and fails the test) if the reader does not know a field the schema documents.
        let parsed = try DecisionRequest.read(request)
        #expect(parsed.family.count == 1)
        #expect(parsed.applicant["social_insurance.months"] == .integer(1))
    }

    @Test func embeddedPacksAreUpToDate() throws {
        // scripts/embed-packs.py --check exits 1 when Policies/ changed without `make packs`.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("scripts/embed-packs.py").path, "--check"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "run `make packs` (scripts/embed-packs.py) after editing Policies/")
    }
}

@Suite("docs/packs.md: the first example is a complete pack")
struct PacksPageExampleTests {
    @Test func theMinimalPackLoadsAndScoresAsTheTextSays() throws {
        let page = try DocsConsistencyTests().read("docs/packs.md")
        let start = try #require(page.range(of: "```json\n"))
        let end = try #require(page.range(of: "\n```", range: start.upperBound..<page.endIndex))
        let pack = String(page[start.upperBound..<end.lowerBound])
        var engine = Fixture.engine
        try engine.load(pack: pack)
        let answer = try Fixture.points(#"""
        {"jurisdiction":"qingxi","as_of":"2026-11-25","locale":"en",
         "applicant":{"residence_permit":{"held":true},"public_service":{"months":30}},
         "family":[{"relation":"spouse","hukou":{"local":true}}]}
        """#, engine: engine)
        // 30 months = 2 full years × 3 = 6; spouse 2.5; 8.5 below 10.5 (the page's numbers)
        #expect(JSONWriter.string(try #require(answer["total"])) == "8.5")
        #expect(JSONWriter.string(try #require(answer["threshold"])) == "10.5")
        let eligibility = try Fixture.eligibility(#"{"jurisdiction":"qingxi","as_of":"2026-11-25","applicant":{"residence_permit":{"held":true},"public_service":{"months":30}}}"#, engine: engine)
        #expect(eligibility["pathways"]?.elements?.first?["result"]?.stringValue == "eligible")
    }
}
