// SPDX-License-Identifier: Apache-2.0
import Foundation
import HukouRules
import Testing

/// `"detail": "outcome"` (docs/requests.md): verdicts, score, missing facts; no explanation.
@Suite struct AnswerDetailTests {
    /// Anyang (安政办〔2018〕19号 二（二）): 8 months of social insurance where the
    /// provisional 12 (the document's cap "不得超过1年") are required: not eligible.
    static let anyang = """
    {"jurisdiction":"anyang","as_of":"2026-11-25","locale":"zh-CN","detail":"DETAIL","applicant":{"employment":{"type":"employee","labor_contract":true},"housing":{"type":"rental"},"social_insurance":{"months":8,"paying":true}}}
    """

    static func anyang(_ detail: String) -> String { anyang.replacingOccurrences(of: "DETAIL", with: detail) }

    @Test func defaultIsFull() throws {
        let request = try Fixture.request(#"{"jurisdiction":"anyang","as_of":"2026-11-25","applicant":{}}"#)
        #expect(request.detail == .full)
        #expect(try Fixture.request(Self.anyang("outcome")).detail == .outcome)
    }

    @Test func unknownDetailIsRefusedNamingTheField() {
        do {
            _ = try Fixture.request(Self.anyang("short"))
            Issue.record("detail \"short\" was accepted")
        } catch let error as HukouError {
            #expect(error.status == .invalid)
            #expect(error.path == "detail")
            #expect(error.describe(.en).contains("full, outcome"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func eligibilityOutcomeKeepsVerdictsAndMissingFactsOnly() throws {
        let full = try Fixture.eligibility(Self.anyang("full"))
        let outcome = try Fixture.eligibility(Self.anyang("outcome"))
        let workers = try #require(outcome["pathways"]?.element(id: "urban_ordinary_workers"))
        // 二（二）: 8 months, below the 1-year cap (要求不得超过1年): the city's figure decides.
        #expect(workers["result"]?.stringValue == "depends_on_local_rules")
        #expect(workers["decided_by"] != nil)
        #expect(workers["provisional"]?.boolValue == false)
        #expect(workers["reason"] == nil)
        #expect(workers["conditions"] == nil)
        #expect(workers["shortfalls"] == nil)
        let fullWorkers = try #require(full["pathways"]?.element(id: "urban_ordinary_workers"))
        #expect(fullWorkers["reason"] != nil)
        #expect(fullWorkers["conditions"] != nil)
        #expect(fullWorkers["shortfalls"] == nil)
        // 二（三）: county towns open to all who live there; where they live is not given.
        let towns = try #require(outcome["pathways"]?.element(id: "towns_open"))
        #expect(towns["result"]?.stringValue == "unknown")
        #expect(towns["missing_facts"]?.arrayValue.compactMap(\.stringValue) == ["residence.area_type"])
        #expect(towns["reason"] == nil)
        // The same verdicts, pathway by pathway, and the expiry still said (validity).
        #expect(full["pathways"]?.arrayValue.map { $0["result"] } == outcome["pathways"]?.arrayValue.map { $0["result"] })
        #expect(outcome["validity"]?["status"]?.stringValue == "expired")
        #expect(outcome["eligible_pathways"]?.arrayValue.isEmpty == true)
    }

    /// 安政办〔2018〕19号 二（三）: a county-seat town resident renting may settle; the spouse
    /// living together may follow, a child living elsewhere may not (no reason in outcome).
    @Test func followersInOutcomeModeKeepTheirResultOnly() throws {
        let request = #"{"jurisdiction":"anyang","as_of":"2026-11-25","detail":"outcome","applicant":{"residence":{"area_type":"county_seat_town"},"housing":{"type":"rental"}},"family":[{"relation":"spouse","lives_with_applicant":true},{"relation":"child","lives_with_applicant":false}]}"#
        let towns = try #require(try Fixture.eligibility(request)["pathways"]?.element(id: "towns_open"))
        #expect(towns["result"]?.stringValue == "eligible")
        let followers = towns["followers"]?.arrayValue ?? []
        #expect(followers.map { $0["result"]?.stringValue } == ["may_follow", "may_not_follow"])
        #expect(followers.allSatisfy { $0["reason"] == nil })
        #expect(followers.last?["citation"]?.stringValue == "安政办〔2018〕19号 二（三）")
    }

    @Test func pointsOutcomeHasScoreWithoutBreakdownOrWhatIf() throws {
        let text = try InputFilesForTests.exampleRequest("tianjin-2015-points.json")
        let full = try Fixture.points(text)
        let outcome = try Fixture.points(text.replacingOccurrences(of: "\"locale\"", with: "\"detail\":\"outcome\",\"locale\""))
        // 津政发〔2013〕31号 附件: age 20 + education 30 + title 30 + social insurance 36
        // + occupation 20 + district 10 = 146 (the indicators the request gives).
        #expect(full["total"]?.intValue == 146)
        #expect(outcome["total"]?.intValue == 146)
        #expect(outcome["score_complete"]?.boolValue == false)
        #expect(outcome["may_apply"] == full["may_apply"])
        for member in ["breakdown", "what_if", "projection", "ranking", "note"] { #expect(outcome[member] == nil, "\(member)") }
        #expect(full["breakdown"] != nil)
        #expect(full["what_if"] != nil)
        let veto = try #require(outcome["vetoes"]?.element(id: "criminal_conviction_2014"))
        #expect(veto["result"]?.stringValue == "does_not_apply")
        #expect(veto["label"] == nil)
    }

    @Test func entitlementsOutcomeKeepsVerdicts() throws {
        // A residence-permit holder with a child in primary school (安政办〔2018〕19号 三).
        let request = #"{"jurisdiction":"anyang","as_of":"2026-11-25","detail":"DETAIL","applicant":{"status":"residence_permit","hukou":{"local":false},"residence_permit":{"held":true,"issued":"2024-01-10"}},"family":[{"relation":"child","birth_date":"2017-05-01","school":{"stage":"primary","in_city":true}}]}"#
        let full = try Fixture.entitlements(request.replacingOccurrences(of: "DETAIL", with: "full"))
        let outcome = try Fixture.entitlements(request.replacingOccurrences(of: "DETAIL", with: "outcome"))
        #expect(outcome["status_assumed"]?.stringValue == "residence_permit")
        let fullPeople = full["people"]?.arrayValue ?? [], outcomePeople = outcome["people"]?.arrayValue ?? []
        #expect(fullPeople.count == 2)
        #expect(outcomePeople.count == 2)
        let fullText = JSONWriter.string(full), outcomeText = JSONWriter.string(outcome)
        #expect(fullText.contains("\"conditions\":"))
        for member in ["\"conditions\":", "\"applicability\":", "\"reason\":", "\"shortfalls\":"] {
            #expect(!outcomeText.contains(member), "\(member)")
        }
        #expect(outcomeText.utf8.count < fullText.utf8.count)
    }

    /// Status unknown: the missing facts are named, the sentence asking for them is left out.
    @Test func entitlementsOutcomeWithoutStatusNamesTheMissingFacts() throws {
        let outcome = try Fixture.entitlements(Self.anyang("outcome"))
        #expect(outcome["missing_facts"]?.arrayValue.compactMap(\.stringValue) == ["status", "hukou.local", "residence_permit.held"])
        #expect(outcome["reason"] == nil)
        #expect(try Fixture.entitlements(Self.anyang("full"))["reason"] != nil)
    }

    /// One request path: the limit of the C ABI holds for every caller of Engine.answer.
    @Test func answerRefusesAnOversizedRequest() {
        let bytes = Array(Self.anyang("full").utf8.dropLast()) + [UInt8](repeating: 0x20, count: Fixture.engine.limits.requestBytes) + [UInt8(ascii: "}")]
        do {
            _ = try bytes.withUnsafeBufferPointer { (buffer) throws(LocalizedFailure) in try Fixture.engine.answer(.eligibility, buffer) }
            Issue.record("a request of \(bytes.count) bytes was answered")
        } catch {
            #expect(error.error == Fixture.engine.limits.requestTooLarge)
            #expect(error.message.contains("request larger than 1048576 bytes"))
        }
    }

    @Test func answerAppliesOverridesAfterTheSizeCheck() throws {
        let bytes = Array(Self.anyang("outcome").utf8)
        let written = try bytes.withUnsafeBufferPointer { (buffer) throws(LocalizedFailure) in
            try Fixture.engine.answer(.eligibility, buffer, overriding: [(key: "locale", value: "en")])
        }
        let answer = try JSONParser.parse(written)
        #expect(answer["locale"]?.stringValue == "en")
        #expect(answer["kind"]?.stringValue == "eligibility")
    }
}

enum InputFilesForTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The text of examples/requests/NAME.
    static func exampleRequest(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("examples/requests/" + name), encoding: .utf8)
    }
}
