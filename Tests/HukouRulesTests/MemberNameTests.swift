// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import HukouRules

/// JSON/MemberName.swift: which member names an error message may show (issue 14 item 4).
@Suite("Member names in messages: only the request schema's own words")
struct MemberNameTests {
    /// Every property name anywhere in docs/schema/request.schema.json.
    static func schemaPropertyNames() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/schema/request.schema.json"), encoding: .utf8)
        var names: Set<String> = []
        func walk(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for member in members {
                    if member.key == "properties", case .object(let properties) = member.value {
                        names.formUnion(properties.map(\.key))
                    }
                    walk(member.value)
                }
            case .array(let elements): elements.forEach(walk)
            default: break
            }
        }
        walk(try JSONParser.parse(text))
        return names
    }

    @Test func theShownNamesAreExactlyTheRequestSchemaNames() throws {
        // When a field is added to the request schema, add it to MemberName.schemaNames.
        let schema = try Self.schemaPropertyNames()
        #expect(schema.subtracting(MemberName.schemaNames).sorted() == [], "missing from MemberName.schemaNames")
        #expect(MemberName.schemaNames.subtracting(schema).sorted() == [], "not in the request schema")
    }

    @Test(arguments: [
        ("asof", "as_of"), ("monthz", "months"), ("schol", "school"), ("marrid", "married"),
        ("birth_dtae", "birth_date"), ("Married", "married"),
    ])
    func nearMissesSuggestTheSchemaName(_ key: String, _ expected: String) {
        #expect(!MemberName.isShowable(key))
        #expect(MemberName.suggestion(for: key) == expected)
    }

    @Test(arguments: ["E12345678", "wang_fang_110101199003077777", "张伟", "Zhang Wei", "13912345678", "deep", "x"])
    func personalLookingNamesAreNeitherShownNorMatched(_ key: String) {
        #expect(!MemberName.isShowable(key))
        #expect(MemberName.shown(key, position: 4) == "#4")
        #expect(MemberName.suggestion(for: key) == nil)
    }

    @Test func editDistanceCountsTranspositionsOnce() {
        func distance(_ a: String, _ b: String) -> Int { MemberName.editDistance(Array(a.utf8), Array(b.utf8)) }
        #expect(distance("", "abc") == 3)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("ab", "ba") == 1)
        #expect(distance("months", "months") == 0)
    }
}
