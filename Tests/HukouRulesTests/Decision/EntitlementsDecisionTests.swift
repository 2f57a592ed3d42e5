// SPDX-License-Identifier: Apache-2.0
import HukouRules
import Testing

/// The typed entitlements decision: verdicts as values, what each rests on, rules by reference.
@Suite struct EntitlementsDecisionTests {
    /// A settled migrant in Anyang in 2019 (安政办〔2018〕19号 in force), with a primary-school child.
    static func request(employment: String, detail: String = "full") -> String {
        #"{"jurisdiction":"anyang","as_of":"2019-06-01","locale":"zh-CN","detail":"\#(detail)","#
            + #""applicant":{"status":"settled_migrant","employment":{"type":"\#(employment)"}},"#
            + #""family":[{"relation":"child","school":{"stage":"primary"}}]}"#
    }

    static func decide(_ json: String) throws -> (EntitlementsDecision, EntitlementsDecision.StatusDecision) {
        let decision = try Fixture.engine.decide(.entitlements, try Fixture.request(json))
        guard case .entitlements(let entitlements) = decision, case .judged(let judged) = entitlements.body else {
            throw HukouError(.internal, path: "", zh: "", en: "not a judged entitlements decision")
        }
        return (entitlements, judged)
    }

    static func item(_ id: String, of person: EntitlementsDecision.PersonEntitlements,
                     in decision: EntitlementsDecision) -> EntitlementsDecision.EntitlementItem? {
        person.items.first { decision.rule(of: $0)?.id == id }
    }

    @Test func anEmployeeMustJoinTheEmployeeSchemeAndTheResidentSchemeDoesNotConcernThem() throws {
        let (decision, judged) = try Self.decide(Self.request(employment: "employee"))
        #expect(judged.status == "settled_migrant")
        #expect(judged.given)
        #expect(judged.permit == nil)
        #expect(judged.people.count == 2)
        let applicant = judged.people[0]
        #expect(applicant.member == nil)
        // 社会保险法 第二十三条: employees must join employee medical insurance, unconditionally.
        let employee = try #require(Self.item("anyang.medical.employee_scheme", of: applicant, in: decision))
        #expect(employee.verdict == .mustJoin)
        guard case .unconditional = employee.basis else { Issue.record("expected unconditional"); return }
        // 三（七） resident scheme applies to those who are not employees: not applicable, not "not entitled".
        let resident = try #require(Self.item("anyang.medical.resident_scheme", of: applicant, in: decision))
        #expect(resident.verdict == .notApplicable)
        guard case .applicability(let judgedApplies) = resident.basis else { Issue.record("expected applicability"); return }
        #expect(judgedApplies.outcome == .unmet)
        // 三（八） pension join applies only to non-employees either.
        #expect(Self.item("anyang.pension.join", of: applicant, in: decision)?.verdict == .notApplicable)
    }

    @Test func pensionForANonEmployeeDependsOnTheSocialInsuranceAgency() throws {
        let (decision, judged) = try Self.decide(Self.request(employment: "flexible"))
        // 三（八）「推动符合条件的…参加」: a direction without its conditions.
        let pension = try #require(Self.item("anyang.pension.join", of: judged.people[0], in: decision))
        #expect(pension.verdict == .dependsOnLocalRules)
        guard case .decidedBy(let decided) = pension.basis else { Issue.record("expected decided_by"); return }
        #expect(decided.who.zh == "安阳市社会保险经办机构")
        #expect(Self.item("anyang.medical.resident_scheme", of: judged.people[0], in: decision)?.verdict == .mayJoin)
    }

    @Test func theChildsSchoolingSpecializesTheNationalRules() throws {
        let (decision, judged) = try Self.decide(Self.request(employment: "employee"))
        let child = judged.people[1]
        #expect(child.member == 0)
        #expect(child.relation == "child")
        #expect(child.ageStage == "primary")
        // 三（九） compulsory education where the family lives, in place of the national rules.
        let school = try #require(Self.item("anyang.schooling.compulsory", of: child, in: decision))
        #expect(school.verdict == .entitled)
        #expect(decision.rule(of: school)?.specializes == ["national.permit.compulsory_education", "national.settled.schooling"])
        #expect(decision.rule(of: school)?.citation == "安政办〔2018〕19号 三（九）")
        #expect(!child.items.contains { decision.rule(of: $0)?.id == "national.settled.schooling" })
        // A primary-school child is not of preschool age: not applicable.
        #expect(Self.item("anyang.schooling.preschool", of: child, in: decision)?.verdict == .notApplicable)
    }

    @Test func outcomeDetailWritesVerdictsWithoutExplanations() throws {
        let full = try Fixture.entitlements(Self.request(employment: "employee"))
        let outcome = try Fixture.entitlements(Self.request(employment: "employee", detail: "outcome"))
        let fullItems = full["people"]?[0]?["items"]?.elements ?? []
        let outcomeItems = outcome["people"]?[0]?["items"]?.elements ?? []
        #expect(fullItems.count == outcomeItems.count)
        #expect(fullItems.map { $0["result"] } == outcomeItems.map { $0["result"] })
        let resident = try #require(fullItems.first { $0["id"]?.stringValue == "anyang.medical.resident_scheme" })
        #expect(resident["reason"]?.stringValue == "不适用：本条仅适用于不是用人单位职工（职工应参加职工基本医疗保险）")
        #expect(resident["applicability"] != nil)
        let short = try #require(outcomeItems.first { $0["id"]?.stringValue == "anyang.medical.resident_scheme" })
        #expect(short["reason"] == nil && short["applicability"] == nil && short["note"] == nil)
        #expect(short["citation"]?.stringValue == "安政办〔2018〕19号 三（七）")
    }
}
