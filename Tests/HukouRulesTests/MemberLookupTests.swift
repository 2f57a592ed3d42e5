// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// ``MemberLookup`` finds a member name among an object's keys by a hash of its bytes: it
/// must find exactly the key with the same bytes, whatever the collisions.
@Suite("Member lookup: a name among the keys, by hash")
struct MemberLookupTests {
    func find(_ lookup: MemberLookup, _ name: String) -> Int? {
        Array(name.utf8).withUnsafeBufferPointer { lookup.index(of: $0) }
    }

    @Test func findsEachKeyAtItsIndexAndNothingElse() {
        // Same length, same first and last byte (the hash's inputs): collisions by design.
        let names = ["aXa", "aYa", "aZa", "a", "", "ab", "ba", "residence_permit", "residence_permits",
                     "social_insurance", "殷都区", "abcdefghijklmnop", "abcdefghijklmnoq"]
        let lookup = MemberLookup(names.map { Array($0.utf8) })
        for (index, name) in names.enumerated() {
            #expect(find(lookup, name) == index, "\(name)")
        }
        for other in ["aWa", "b", "aa", "abc", "residence_permi", "Residence_permit", "social_insurancE",
                      "abcdefghijklmnoz", "殷都", "x"] {
            #expect(find(lookup, other) == nil, "\(other)")
        }
    }

    @Test func aDuplicateKeyIsFoundAtItsFirstIndex() {
        let lookup = MemberLookup(["city", "locale", "city"].map { Array($0.utf8) })
        #expect(find(lookup, "city") == 0)
        #expect(find(lookup, "locale") == 1)
    }

    @Test func manyKeysAllFound() {
        // More keys than the smallest table: the table grows (four buckets per key).
        let names = (0..<200).map { "k\($0)_\(String(repeating: "x", count: $0 % 13))" }
        let lookup = MemberLookup(names.map { Array($0.utf8) })
        for (index, name) in names.enumerated() {
            #expect(find(lookup, name) == index)
        }
        #expect(find(lookup, "k200_") == nil)
    }

    @Test func everyShapeKeyOfAPackIsFound() {
        let facts = Fixture.engine.packFacts("anyang", CivilDate(year: 2026, month: 11, day: 25)!)
        var shapes = [facts.applicantShape, facts.familyShape]
        var checked = 0
        while let shape = shapes.popLast() {
            for (index, key) in shape.keys.enumerated() {
                #expect(key.withUnsafeBufferPointer { shape.lookup.index(of: $0) } == index)
                checked += 1
            }
            for entry in shape.entries {
                if case .group(_, let child) = entry { shapes.append(child) }
            }
        }
        #expect(checked > 20)
    }
}
