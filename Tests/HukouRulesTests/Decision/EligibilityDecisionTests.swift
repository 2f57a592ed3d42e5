// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// The typed eligibility decision (issue 15): verdicts, followers, caps and own-rules
/// cities as values, read from the pack's clauses; its outcome is the written answer's.
@Suite struct EligibilityDecisionTests {
    private func decision(_ json: String) throws -> EligibilityDecision {
        let request = try Fixture.request(json)
        guard case .eligibility(let decision) = try Fixture.engine.decide(.eligibility, request) else {
            Issue.record("not an eligibility decision")
            throw HukouError(.internal, path: "", zh: "", en: "not an eligibility decision")
        }
        return decision
    }

    /// 安政办〔2018〕19号 二（三）: anyone with a legal stable residence (rental included) in an
    /// established town may register, with the spouse, children and parents living with them.
    @Test func anyangTownResidentWithFamilyIsEligibleAndTheFollowersAreThoseTheClauseNames() throws {
        let decision = try decision("""
        {"jurisdiction": "anyang", "as_of": "2019-06-01", "locale": "zh-CN",
         "applicant": {"residence": {"area_type": "established_town"}, "housing": {"type": "rental"}},
         "family": [{"relation": "spouse", "lives_with_applicant": true},
                    {"relation": "child", "lives_with_applicant": false},
                    {"relation": "sibling", "lives_with_applicant": true},
                    {"relation": "parent"}]}
        """)
        #expect(decision.validity.status == .inForce)  // the plan runs 2018-03-12 to 2020-12-31
        let towns = try #require(decision.pathway("towns_open"))
        #expect(towns.verdict == .eligible)
        #expect(decision.eligiblePathwayIDs.contains("towns_open"))
        let followers = try #require(towns.followers)
        #expect(followers.map(\.member) == [0, 1, 2, 3])
        // The spouse lives with the applicant: the spouse rule (the first the pack lists).
        guard case .mayFollow(let rule) = followers[0].result else { Issue.record("spouse should follow"); return }
        #expect(towns.pathway.followers[rule].id == "spouse")
        // The child does not live with the applicant: not met, and the child rule is the closest.
        guard case .mayNotFollow(let closest) = followers[1].result else { Issue.record("child should not follow"); return }
        #expect(closest?.outcome == .unmet)
        // 二（三） names spouse, children and parents: a sibling is not among them (no rule names it).
        guard case .mayNotFollow(let none) = followers[2].result else { Issue.record("sibling should not follow"); return }
        #expect(none == nil)
        // A parent without lives_with_applicant: to be asked.
        guard case .unknown(let missing) = followers[3].result else { Issue.record("parent should be unknown"); return }
        #expect(missing.contains { $0.hasSuffix("lives_with_applicant") })
    }

    /// 安政办〔2018〕19号 二（二）: the social-insurance requirement "不得超过1年" is a cap: short
    /// of it, the city's own figure decides (who: the hukou office), never a shortfall; at 12
    /// months any figure within the cap is met.
    @Test(arguments: [(6, PathwayVerdict.dependsOnLocalRules), (12, .eligible)])
    func anyangOrdinaryWorkersSocialInsuranceIsACap(months: Int, verdict: PathwayVerdict) throws {
        let decision = try decision("""
        {"jurisdiction": "anyang", "as_of": "2019-06-01", "locale": "zh-CN",
         "applicant": {"residence": {"area_type": "urban_district"}, "housing": {"type": "rental"},
                       "employment": {"type": "employee", "labor_contract": true},
                       "social_insurance": {"months": \(months)}}}
        """)
        let workers = try #require(decision.pathway("urban_ordinary_workers"))
        #expect(workers.verdict == verdict)
        guard case .conditions(let judged) = workers.basis else { Issue.record("judged by its conditions"); return }
        #expect(judged.capDecides == (months < 12))
        #expect(judged.decidedBy?.who.zh == (months < 12 ? "安阳市公安机关户籍窗口" : nil))
        #expect(workers.followers == nil)  // 二（二） names no followers
        // 二（三） is for towns: an urban-district resident does not meet it.
        #expect(decision.pathway("towns_open")?.verdict == .notEligible)
    }

    @Test func anyangEmptyApplicantIsUnknownAndAskedForTheFacts() throws {
        let decision = try decision(#"{"jurisdiction": "anyang", "as_of": "2019-06-01", "locale": "en", "applicant": {}}"#)
        let workers = try #require(decision.pathway("urban_ordinary_workers"))
        #expect(workers.verdict == .unknown)
        #expect(workers.missingFacts.contains("social_insurance.months"))
        #expect(decision.eligiblePathwayIDs.isEmpty)
    }

    /// 福建省落户实施方案 （五）: Fuzhou issues its own rules; （四）'s open groups are not excepted
    /// and are still judged by the province-wide rules.
    @Test func fuzhouHasItsOwnRulesAndOnlyTheOpenGroupsAreJudged() throws {
        let decision = try decision(#"{"jurisdiction": "fujian", "city": "福州市", "as_of": "2018-06-01", "locale": "zh-CN", "applicant": {}}"#)
        let own = try #require(decision.ownRules)
        #expect(own.name == "福州市")
        #expect(!decision.ownRulesOnly)
        #expect(!decision.pathways.isEmpty)
        #expect(decision.pathways.allSatisfy { own.provinceRulesApply.contains($0.pathway.id) })
    }

    /// The decision's outcome is what summaries read back from its written answer, in both
    /// details; unmet requirements only where the answer has condition trees (full).
    @Test(arguments: [AnswerDetail.full, .outcome])
    func outcomeEqualsTheWrittenAnswersOutcome(detail: AnswerDetail) throws {
        let requests = [
            #"{"jurisdiction": "anyang", "as_of": "2019-06-01", "locale": "zh-CN", "detail": "DETAIL", "applicant": {"residence": {"area_type": "urban_district"}, "housing": {"type": "rental"}}}"#,
            #"{"jurisdiction": "anyang", "as_of": "2026-11-25", "locale": "en", "detail": "DETAIL", "applicant": {}}"#,
            #"{"jurisdiction": "fujian", "city": "福州市", "as_of": "2018-06-01", "locale": "zh-CN", "detail": "DETAIL", "applicant": {}}"#,
            #"{"jurisdiction": "tianjin", "as_of": "2018-06-01", "locale": "en", "detail": "DETAIL", "applicant": {"education": {"level": "bachelor"}}}"#,
            #"{"jurisdiction": "wenzhou", "as_of": "2019-01-01", "locale": "zh-CN", "detail": "DETAIL", "applicant": {}}"#,
        ]
        for json in requests {
            let text = json.replacingOccurrences(of: "DETAIL", with: detail.rawValue)
            let decision = try decision(text)
            let written = try Decision.eligibility(decision).json()
            #expect(decision.outcome == DecisionOutcome(answer: written))
        }
        let first = try decision(requests[0].replacingOccurrences(of: "DETAIL", with: detail.rawValue))
        let towns = try #require(first.outcome.pathways.first { $0.id == "towns_open" })
        #expect(towns.verdict == "not_eligible")
        // 二（三）'s unmet requirement: the residence is not in a town.
        #expect(towns.unmet == (detail == .full ? ["居住在县政府驻地镇、其他建制镇或县级市（林州市）市区"] : []))
    }
}
