// SPDX-License-Identifier: Apache-2.0
// Hukou: the C interface's facts for the core's tests (status names of case answers, the
// limits of hukou.h as the engine's defaults).
import Hukou
import HukouRules

/// Helpers shared by the rule tests: build requests from JSON text and ask the engine.
enum Fixture {
    static let engine: Engine = {
        do throws(HukouError) {
            return try Engine.withEmbeddedPacks()
        } catch {
            Issue.record("embedded packs failed to load: \(error.describe(.en))")
            return Engine()
        }
    }()

    static func request(_ json: String, engine: Engine = Fixture.engine) throws -> DecisionRequest {
        try engine.readRequest(try JSONParser.parse(json))
    }

    static func eligibility(_ json: String, engine: Engine = Fixture.engine) throws -> JSONValue {
        try engine.eligibility(try request(json, engine: engine))
    }

    static func points(_ json: String, engine: Engine = Fixture.engine) throws -> JSONValue {
        try engine.points(try request(json, engine: engine))
    }

    static func entitlements(_ json: String, engine: Engine = Fixture.engine) throws -> JSONValue {
        try engine.entitlements(try request(json, engine: engine))
    }
}

import Testing

extension JSONValue {
    /// The element at `index` of an array.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The elements of an array (empty for anything else), for terse assertions.
    var arrayValue: [JSONValue] { elements ?? [] }

    /// The element of an array whose "id" is `id`.
    func element(id: String) -> JSONValue? {
        arrayValue.first { $0["id"]?.stringValue == id }
    }
}
