// SPDX-License-Identifier: Apache-2.0
/// A pack's administrative level (行政级别: 直辖市, 省会城市, 地级市, 县级市 …), or that of a city of
/// a province-wide pack, with where the pack got it. The words are the national pack's
/// `admin_levels`; national lint rules (国办发〔2016〕72号 任务3: "省会及以下城市") name levels
/// from them, so no level is known to Swift.
public struct AdminLevel: Sendable, Equatable {
    /// An id of the national pack's `admin_levels`, e.g. "prefecture_city".
    public let value: String
    public let source: String
}

/// One word of the national vocabulary of administrative levels (`admin_levels`).
public struct AdminLevelDefinition: Sendable {
    public let id: String
    public let label: LocalizedText
}

/// A group of people national rules name (`settlement_groups` of the national pack, e.g.
/// 高校毕业生 in 国办发〔2016〕72号 任务3); pathways name the groups they open settlement to
/// (`groups`).
public struct SettlementGroup: Sendable {
    public let id: String
    public let label: LocalizedText
    public let citation: String
}

extension PackLoader {
    /// `"admin_level": {"value": "prefecture_city", "source": "…"}` (the value is checked
    /// against the national vocabulary by `hukou lint`).
    static func readAdminLevel(_ reader: inout ObjectReader) throws(HukouError) -> AdminLevel? {
        guard var entry = try reader.object("admin_level") else { return nil }
        let value = try entry.requiredString("value")
        guard isValidID(value) else {
            throw entry.fail("value", zh: "应为小写字母、数字、_ 组成的标识", en: "expected an id of lowercase letters, digits and _")
        }
        let level = AdminLevel(value: value, source: try entry.requiredString("source"))
        try entry.finish()
        return level
    }

    /// `admin_levels` and `settlement_groups`: `[{"id", "label"(, "citation")}]`.
    static func readVocabularies(_ reader: inout ObjectReader) throws(HukouError) -> ([AdminLevelDefinition], [SettlementGroup]) {
        var levels: [AdminLevelDefinition] = []
        for (index, element) in (try reader.array("admin_levels") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: reader.childPath("admin_levels") + "[\(index)]", status: .pack)
            let id = try entry.requiredString("id")
            guard isValidID(id), !levels.contains(where: { $0.id == id }) else {
                throw entry.fail("id", zh: "标识无效或重复", en: "invalid or duplicate id")
            }
            levels.append(AdminLevelDefinition(id: id, label: try entry.requiredText("label")))
            try entry.finish()
        }
        var groups: [SettlementGroup] = []
        for (index, element) in (try reader.array("settlement_groups") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: reader.childPath("settlement_groups") + "[\(index)]", status: .pack)
            let id = try entry.requiredString("id")
            guard isValidID(id), !groups.contains(where: { $0.id == id }) else {
                throw entry.fail("id", zh: "标识无效或重复", en: "invalid or duplicate id")
            }
            groups.append(SettlementGroup(id: id, label: try entry.requiredText("label"), citation: try entry.requiredString("citation")))
            try entry.finish()
        }
        return (levels, groups)
    }
}
