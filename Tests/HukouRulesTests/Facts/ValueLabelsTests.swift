// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// The words for enumeration values are data (`value_labels` of a fact declaration,
/// docs/facts.md): read from the declarations, refused for a value the fact does not
/// have, reported by lint where missing, and used by the renderer of the pack that answered.
@Suite("Value labels: the words for fact values are declared data")
struct ValueLabelsTests {
    static let tier = #"{"name": "tier.level", "type": "enumeration", "values": ["low", "level_3"], "ordered": true, "label": {"zh": "层次", "en": "tier"}"#

    @Test("A declared label is read; a value without one has none")
    func declaredLabels() throws {
        let pack = try PackLoader.load(testPack(#""facts": ["# + Self.tier + #", "value_labels": {"level_3": {"zh": "第三层次", "en": "third tier"}}}]"#))
        let fact = try #require(pack.facts.definition("tier.level"))
        #expect(fact.label(ofValue: "level_3") == LocalizedText(zh: "第三层次", en: "third tier"))
        #expect(fact.label(ofValue: "low") == nil)
        #expect(fact.unlabelledValues == ["low"])
        #expect(Labels.value("level_3", of: "tier.level", in: pack.facts)?.en == "third tier")
        // The common vocabulary knows nothing of the city's fact.
        #expect(Labels.value("level_3", of: "tier.level") == nil)
        // Lint reports the value without a label, at the fact's declaration.
        let warnings = ValueLabelsRule.warnings(pack)
        #expect(warnings.map(\.path) == ["facts[0].value_labels"])
        #expect(warnings.first?.message.en.contains("low") == true)
    }

    @Test("A label for a value the fact does not have is refused, with the path and the nearest value")
    func unknownValueRefused() throws {
        let error = try #require(packError(testPack(#""facts": ["# + Self.tier + #", "value_labels": {"level_4": {"zh": "第四层次", "en": "fourth tier"}}}]"#)))
        #expect(error.status == .pack)
        #expect(error.path == "facts[0].value_labels.level_4")
        #expect(error.message.en.contains("not a value of this fact"))
        #expect(error.message.en.contains("level_3"))
    }

    @Test("Value labels only on enumerations, each a {zh, en} text")
    func malformedRefused() throws {
        let onBool = try #require(packError(testPack(#""facts": [{"name": "x.flag", "type": "bool", "label": {"zh": "x", "en": "x"}, "value_labels": {"true": {"zh": "是", "en": "yes"}}}]"#)))
        #expect(onBool.path == "facts[0].value_labels")
        let noEnglish = try #require(packError(testPack(#""facts": ["# + Self.tier + #", "value_labels": {"low": {"zh": "低"}}}]"#)))
        #expect(noEnglish.path.hasPrefix("facts[0].value_labels.low"))
        let notObject = try #require(packError(testPack(#""facts": ["# + Self.tier + #", "value_labels": ["low"]}]"#)))
        #expect(notObject.path == "facts[0].value_labels")
    }

    @Test("Old packs load: a fact without value_labels is as before")
    func oldPacksLoad() throws {
        let pack = try PackLoader.load(testPack(#""facts": ["# + Self.tier + "}]"))
        #expect(pack.facts.definition("tier.level")?.valueLabels.isEmpty == true)
    }

    /// The words the renderer's Swift table held before they moved to Policies/facts.json
    /// (a sample per vocabulary, written out here, not read back from the data).
    @Test("The common values keep the words they had")
    func commonWordsUnchanged() {
        let expected: [(fact: String, value: String, zh: String, en: String)] = [
            ("education.level", "bachelor", "大学本科", "bachelor's degree"),
            ("education.level", "secondary_vocational", "中等职业学校（中专、职高、技校）", "secondary vocational school"),
            ("housing.type", "employer_dormitory", "单位宿舍", "employer dormitory"),
            ("hukou.former_type", "rural", "农业户口", "rural hukou"),
            ("employment.type", "individual_business_no_employees", "个体工商户（无雇工）", "self-employed without employees"),
            ("skill.level", "senior_technician", "高级技师", "senior technician"),
            ("skill.title", "intermediate", "中级职称", "intermediate title"),
            ("school.stage", "not_in_school", "未入学", "not in school"),
            ("school.age_stage", "junior_high", "初中阶段", "junior-high age"),
            ("residence.area_type", "county_seat_town", "县政府驻地镇", "county-seat town"),
            ("entered_city_by", "military_service", "参军", "military service"),
            ("points_record.occupation_shortage", "very_short", "急需紧缺职业", "acute-shortage occupation"),
            ("points_record.award", "provincial", "省部级奖项或荣誉称号", "provincial or ministerial award"),
            ("relation", "grandparent", "祖父母、外祖父母", "grandparent"),
            // The entitlements answer's words for the status assumed (its status_label).
            ("status", "settled_migrant", "按落户方案新落户居民", "migrant settled under the plan"),
            ("status", "none", "未持居住证的非户籍居民", "resident without local hukou or residence permit"),
        ]
        for entry in expected {
            #expect(Labels.value(entry.value, of: entry.fact) == LocalizedText(zh: entry.zh, en: entry.en), "\(entry.fact) = \(entry.value)")
        }
        #expect(Labels.relation("spouse") == LocalizedText(zh: "配偶", en: "spouse"))
        #expect(Labels.relation("cousin") == LocalizedText(zh: "家庭成员", en: "family member"))
        #expect(Labels.ageStage("infant") == LocalizedText(zh: "婴幼儿", en: "infant"))
        // Every enumeration of the common vocabulary has all its labels.
        for fact in FactCatalogue.base.facts { #expect(fact.unlabelledValues.isEmpty, "\(fact.name): \(fact.unlabelledValues)") }
    }
}
