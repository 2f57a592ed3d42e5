// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// The cost model of Engine/WorkBudget.swift on the embedded packs: every one must answer
/// every call, for the largest family a request may list, far inside the bounds.
@Suite("Work budget: embedded packs are far inside the bounds")
struct WorkBudgetTests {
    @Test func embeddedPacksFitWithTheLargestFamily() throws {
        let national = try #require(Fixture.engine.registry.allPacks.first { $0.id == "national" })
        for pack in Fixture.engine.registry.allPacks {
            let people = 1 + DecisionRequest.maxFamilyMembers
            for call in [WorkBudget.Call.eligibility, .points, .entitlements] {
                let (work, reported, bytes) = WorkBudget.estimate(call, pack, national: national, people: people)
                // Room for packs many times larger than today's (a tenth of the work bound, a fifth of the answer bound).
                #expect(work * 10 <= WorkBudget.maxWork, "\(pack.id) \(call): \(work)")
                #expect(reported * 5 <= WorkBudget.maxReportedNodes, "\(pack.id) \(call): \(reported)")
                #expect(bytes * 2 <= WorkBudget.maxAnswerBytes, "\(pack.id) \(call): \(bytes) bytes")
            }
        }
    }
}
