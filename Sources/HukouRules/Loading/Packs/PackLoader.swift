// SPDX-License-Identifier: Apache-2.0
/// Reads and validates a policy pack. Any mistake is a `.pack` error with the JSON path
/// of the offending node; a pack that loads can only give well-typed answers.
public enum PackLoader {
    public static let format = "hukou-pack/1"

    /// Parses pack bytes as JSON within an engine's limits (``EngineLimits/packBytes``,
    /// ``EngineLimits/depth``): the one place that checks them.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: EngineLimits) throws(HukouError) -> JSONValue {
        guard bytes.count <= limits.packBytes else { throw limits.packTooLarge }
        return try JSONParser.parse(bytes, maxDepth: limits.depth, showsAllNames: true)
    }

    /// Parses pack bytes as JSON, with no size bound of its own (tools reading a local
    /// file: lint, diff); an engine loads through ``parse(_:limits:)``.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(HukouError) -> JSONValue {
        try JSONParser.parse(bytes, showsAllNames: true)
    }

    public static func parse(_ text: String) throws(HukouError) -> JSONValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(HukouError) in try parse(buffer) }
    }

    public static func load(_ bytes: UnsafeBufferPointer<UInt8>) throws(HukouError) -> PolicyPack {
        try load(try parse(bytes), byteCount: bytes.count)
    }

    public static func load(_ text: String) throws(HukouError) -> PolicyPack {
        try load(try parse(text), byteCount: text.utf8.count)
    }

    /// Loads a pack; when it has mistakes, the error names the first and lists the others
    /// (``PackProblems``; `hukou lint` prints each on its own line).
    /// `parent` resolves `extends` (``PackExtends``): by default the embedded packs.
    static func load(_ value: JSONValue, byteCount: Int,
                     parent: (String, String?) -> JSONValue? = PackExtends.embedded) throws(HukouError) -> PolicyPack {
        let merged = try PackExtends.resolve(value, parent: parent)
        do throws(HukouError) {
            let pack = try loadOnce(merged, byteCount: byteCount)
            if case .bool(true)? = value["abstract"] { pack.isAbstract = true }
            pack.sourceJSON = merged
            // the content hash names the bytes as written (those a signature covers)
            pack.contentHash = Hex.encode(SHA256.hash(PackSignature.canonicalBytes(of: value)))
            return pack
        } catch {
            guard error.status == .pack else { throw error }
            throw PackProblems.combined(PackProblems.find(merged), first: error)
        }
    }

    /// Every problem of a pack, each with its JSON path (empty when it loads).
    public static func problems(_ text: String) -> [HukouError] {
        do throws(HukouError) {
            return PackProblems.find(try parse(text))
        } catch {
            return [error]
        }
    }

    static func loadOnce(_ value: JSONValue, byteCount: Int) throws(HukouError) -> PolicyPack {
        var reader = try ObjectReader(value, path: "", status: .pack)
        let format = try reader.requiredString("format")
        guard format == Self.format else {
            throw reader.fail("format", zh: "应为 \"\(Self.format)\"", en: "expected \"\(Self.format)\"")
        }
        let id = try reader.requiredString("id")
        guard isValidID(id) else {
            throw reader.fail("id", zh: "应为小写字母、数字、_、/ 组成的标识", en: "expected an id of lowercase letters, digits, _ and /")
        }
        let version = try reader.requiredString("version")
        let name = try reader.requiredText("name")
        let serial = try reader.integer("serial", in: 0...Int(Int32.max)) ?? 0
        _ = try reader.value("signature") // checked by PackSignature before loading, when required
        _ = try reader.string("$schema")
        _ = try reader.value("comment")
        _ = try reader.bool("abstract")
        let document = try readDocument(&reader)
        guard let effectiveFrom = try reader.date("effective_from") else {
            throw reader.fail("effective_from", zh: "缺少生效日期", en: "missing the effective-from date")
        }
        let effectiveUntil = try reader.date("effective_until")
        if let effectiveUntil, effectiveUntil <= effectiveFrom {
            throw reader.fail("effective_until", zh: "失效日期必须晚于生效日期", en: "must be after effective_from")
        }
        let sizeClass = try readSizeClass(&reader)
        let adminLevel = try readAdminLevel(&reader)
        let (adminLevels, settlementGroups) = try readVocabularies(&reader)
        let documents = try readDocuments(&reader, main: document, effectiveFrom: effectiveFrom, effectiveUntil: effectiveUntil)
        let documentIDs = Set(documents.map(\.id))

        var parameters: [String: Parameter] = [:]
        for (index, element) in (try reader.array("parameters") ?? []).enumerated() {
            let parameter = try Parameter.read(element, path: "parameters[\(index)]")
            guard parameters[parameter.id] == nil else {
                throw HukouError(.pack, path: "parameters[\(index)].id", zh: "参数 id 重复", en: "duplicate parameter id")
            }
            parameters[parameter.id] = parameter
        }

        var districtEntries: [(name: String, aliases: [String])] = []
        for (index, element) in (try reader.array("districts") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: "districts[\(index)]", status: .pack)
            let districtName = try entry.requiredString("name")
            let aliases = try strings(&entry, "aliases")
            try entry.finish()
            districtEntries.append((districtName, aliases))
        }
        let districts = DistrictTable(districtEntries)

        var definitions: [String: (value: JSONValue, path: String)] = [:]
        if var defs = try reader.object("definitions") {
            for key in defs.keys {
                if let definition = defs.value(key) { definitions[key] = (definition, defs.childPath(key)) }
            }
            try defs.finish()
        }
        var catalogue = FactCatalogue.base
        if let declarations = try reader.array("facts") {
            catalogue = try FactDeclarations.read(declarations, path: "facts", onto: catalogue, declaredBy: id,
                                                  parameters: parameters, districts: districts)
        }
        var compiler = ConditionCompiler(parameters: parameters, definitions: definitions, districts: districts, facts: catalogue)
        // Every definition must compile, used or not.
        for key in definitions.keys.sorted() {
            _ = try compiler.compile(.object([JSONMember("ref", .string(key))]), path: "definitions.\(key)")
        }

        var pathways: [Pathway] = []
        for (index, element) in (try reader.array("pathways") ?? []).enumerated() {
            let pathway = try readPathway(element, path: "pathways[\(index)]", compiler: &compiler, documents: documentIDs)
            guard !pathways.contains(where: { $0.id == pathway.id }) else {
                throw HukouError(.pack, path: "pathways[\(index)].id", zh: "途径 id 重复", en: "duplicate pathway id")
            }
            pathways.append(pathway)
        }

        var groups: [PriorityGroup] = []
        for (index, element) in (try reader.array("priority_groups") ?? []).enumerated() {
            let path = "priority_groups[\(index)]"
            var entry = try ObjectReader(element, path: path, status: .pack)
            let group = PriorityGroup(
                id: try entry.requiredString("id"), name: try entry.requiredText("name"),
                citation: try entry.requiredString("citation"),
                condition: try compiler.compile(try entry.require("condition"), path: entry.childPath("condition")))
            try entry.finish()
            groups.append(group)
        }

        var points: PointsPolicy?
        if let pointsValue = try reader.value("points").map({ $0 }) {
            points = try PointsLoader.read(pointsValue, path: "points", parameters: parameters, compiler: &compiler, documents: documentIDs)
        }

        var entitlements: [EntitlementRule] = []
        for (index, element) in (try reader.array("entitlements") ?? []).enumerated() {
            let rule = try readEntitlement(element, path: "entitlements[\(index)]", compiler: &compiler, documents: documentIDs, statusValues: statusValues(catalogue))
            guard !entitlements.contains(where: { $0.id == rule.id }) else {
                throw HukouError(.pack, path: "entitlements[\(index)].id", zh: "权益规则 id 重复", en: "duplicate entitlement id")
            }
            entitlements.append(rule)
        }

        var permitConditions: Requirement?
        var permitDocuments: [RequiredDocument] = []
        if var permit = try reader.object("residence_permit_conditions") {
            permitConditions = Requirement(
                id: "residence_permit_conditions", label: try permit.requiredText("label"),
                citation: try permit.requiredString("citation"),
                condition: try compiler.compile(try permit.require("condition"), path: permit.childPath("condition")))
            permitDocuments = try RequiredDocument.read(&permit)
            try permit.finish()
        }

        var ownRules: [OwnRulesCity] = []
        for (index, element) in (try reader.array("own_rules_cities") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: "own_rules_cities[\(index)]", status: .pack)
            var city = OwnRulesCity(
                name: try entry.requiredString("name"), aliases: try strings(&entry, "aliases"),
                citation: try entry.requiredString("citation"), note: try entry.requiredText("note"))
            city.provinceRulesApply = try strings(&entry, "province_rules_apply")
            city.adminLevel = try readAdminLevel(&entry)
            for (position, pathwayID) in city.provinceRulesApply.enumerated() where !pathways.contains(where: { $0.id == pathwayID }) {
                throw HukouError(.pack, path: entry.childPath("province_rules_apply") + "[\(position)]",
                                 zh: "没有这个途径 \"\(pathwayID)\"", en: "no pathway \"\(pathwayID)\"")
            }
            ownRules.append(city)
            try entry.finish()
        }
        var cities: [PackCity] = []
        for (index, element) in (try reader.array("cities") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: "cities[\(index)]", status: .pack)
            var city = PackCity(name: try entry.requiredString("name"), aliases: try strings(&entry, "aliases"))
            city.adminLevel = try readAdminLevel(&entry)
            cities.append(city)
            try entry.finish()
        }
        let notices = try readNotices(&reader, documentIDs)
        var lintRules: [OpenGroupsRule] = []
        for (index, element) in (try reader.array("lint_rules") ?? []).enumerated() {
            lintRules.append(try OpenGroupsRule.read(element, path: "lint_rules[\(index)]", levels: adminLevels,
                                                     groups: settlementGroups, facts: catalogue))
        }
        try reader.finish()
        let pack = PolicyPack(id: id, version: version, name: name, document: document, documents: documents, effectiveFrom: effectiveFrom,
                              effectiveUntil: effectiveUntil, sizeClass: sizeClass, parameters: parameters, districts: districts,
                              pathways: pathways, priorityGroups: groups, points: points, entitlements: entitlements,
                              permitConditions: permitConditions, serial: serial,
                              ownRulesCities: ownRules, byteCount: byteCount, facts: catalogue, notices: notices)
        pack.cities = cities
        pack.adminLevel = adminLevel
        pack.adminLevels = adminLevels
        pack.settlementGroups = settlementGroups
        pack.lintRules = lintRules
        pack.cost = PackCost(pack)
        pack.validityTable = Validity.Table(pack)
        pack.permitDocuments = permitDocuments
        pack.contentHash = Hex.encode(SHA256.hash(PackSignature.canonicalBytes(of: value)))
        return pack
    }

    @inline(never)
    private static func readNotices(_ reader: inout ObjectReader, _ documentIDs: Set<String>) throws(HukouError) -> [Notice] {
        var notices: [Notice] = []
        for (index, element) in (try reader.array("notices") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: "notices[\(index)]", status: .pack)
            let notice = Notice(id: try entry.requiredString("id"), text: try entry.requiredText("text"),
                                citation: try entry.requiredString("citation"),
                                documentIDs: try documentRefs(&entry, documentIDs))
            try entry.finish()
            notices.append(notice)
        }
        return notices
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && id.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
        }
    }

    static func strings(_ reader: inout ObjectReader, _ key: String) throws(HukouError) -> [String] {
        var result: [String] = []
        for (index, item) in (try reader.array(key) ?? []).enumerated() {
            guard case .string(let text) = item else {
                throw HukouError(.pack, path: reader.childPath(key) + "[\(index)]", zh: "应为字符串", en: "expected a string")
            }
            result.append(text)
        }
        return result
    }

    private static func readDocument(_ reader: inout ObjectReader) throws(HukouError) -> SourceDocument {
        guard var document = try reader.object("document") else {
            throw reader.fail("document", zh: "缺少所依据的文件（title、number）", en: "missing the source document (title, number)")
        }
        let result = SourceDocument(title: try document.requiredText("title"), number: try document.requiredString("number"),
                                    issued: try document.date("issued"))
        try document.finish()
        return result
    }

    /// `documents`: every encoded document with its window (inclusive `effective_until`);
    /// absent: one document `main` from `document` and the pack's own dates.
    @inline(never)
    private static func readDocuments(_ reader: inout ObjectReader, main: SourceDocument, effectiveFrom: CivilDate,
                                      effectiveUntil: CivilDate?) throws(HukouError) -> [EncodedDocument] {
        guard let list = try reader.array("documents") else {
            return [EncodedDocument(id: "main", number: main.number, title: main.title, issued: main.issued,
                                    effectiveFrom: effectiveFrom, effectiveUntil: effectiveUntil, untilNote: nil)]
        }
        guard !list.isEmpty else {
            throw reader.fail("documents", zh: "应为非空数组", en: "expected a non-empty array")
        }
        var result: [EncodedDocument] = []
        for (index, element) in list.enumerated() {
            let path = reader.childPath("documents") + "[\(index)]"
            var entry = try ObjectReader(element, path: path, status: .pack)
            let id = try entry.requiredString("id")
            guard isValidID(id), !result.contains(where: { $0.id == id }) else {
                throw entry.fail("id", zh: "文件 id 无效或重复", en: "invalid or duplicate document id")
            }
            let number = try entry.requiredString("number")
            let title = try entry.requiredText("title")
            let issued = try entry.date("issued")
            guard let from = try entry.date("effective_from") else {
                throw entry.fail("effective_from", zh: "缺少生效日期", en: "missing the effective-from date")
            }
            let until = try entry.date("effective_until")
            if let until, until < from {
                throw entry.fail("effective_until", zh: "失效日期不得早于生效日期", en: "must not be before effective_from")
            }
            let untilNote = try entry.text("until_note")
            try entry.finish()
            result.append(EncodedDocument(id: id, number: number, title: title, issued: issued, effectiveFrom: from,
                                          effectiveUntil: until, untilNote: untilNote))
        }
        return result
    }

    /// `"document"`: one document id or a list of them, each declared in `documents`.
    static func documentRefs(_ reader: inout ObjectReader, _ known: Set<String>) throws(HukouError) -> [String] {
        guard let value = try reader.value("document") else { return [] }
        var ids: [String] = []
        switch value {
        case .string(let id): ids = [id]
        case .array: ids = try strings(&reader, "document")
        default: throw reader.fail("document", zh: "应为文件 id 或 id 列表", en: "expected a document id or a list of ids")
        }
        for id in ids where !known.contains(id) {
            throw reader.fail("document", zh: "引用了 documents 中不存在的文件 \"\(id)\"", en: "reference to a document \"\(id)\" not declared in documents")
        }
        return ids
    }

    /// `"decided_by": {"who": {zh,en}, "open": {zh,en}}`.
    static func decidedBy(_ reader: inout ObjectReader) throws(HukouError) -> DecidedBy? {
        guard var entry = try reader.object("decided_by") else { return nil }
        let kind = try entry.choice("kind", DecidedBy.Kind.allCases.map(\.rawValue)).flatMap(DecidedBy.Kind.init(rawValue:)) ?? .leftToLocalRules
        let result = DecidedBy(who: try entry.requiredText("who"), open: try entry.requiredText("open"), kind: kind)
        try entry.finish()
        return result
    }

    private static func readSizeClass(_ reader: inout ObjectReader) throws(HukouError) -> CitySizeClass? {
        guard var size = try reader.object("city_size_class") else { return nil }
        let value = try size.choice("value", CitySizeClass.classes)
        guard let value else {
            throw size.fail("value", zh: "缺少城市规模等级", en: "missing the class")
        }
        let result = CitySizeClass(value: value, provisional: try size.bool("provisional") ?? false, source: try size.requiredString("source"))
        try size.finish()
        return result
    }

    private static func readPathway(_ value: JSONValue, path: String, compiler: inout ConditionCompiler,
                                    documents: Set<String>) throws(HukouError) -> Pathway {
        var reader = try ObjectReader(value, path: path, status: .pack)
        let id = try reader.requiredString("id")
        let name = try reader.requiredText("name")
        let citation = try reader.requiredString("citation")
        let decided = try decidedBy(&reader)
        let condition: Condition
        if let conditionValue = try reader.value("condition") {
            guard decided == nil else {
                throw reader.fail("decided_by", zh: "decided_by 与 condition 不能同时出现：由城市规定的途径没有条件",
                                  en: "decided_by and condition exclude each other: a pathway the city decides has no condition")
            }
            condition = try compiler.compile(conditionValue, path: reader.childPath("condition"))
        } else {
            guard decided != nil else {
                throw reader.fail("condition", zh: "缺少条件（或 decided_by）", en: "missing the condition (or decided_by)")
            }
            condition = .all([], NodeInfo())
        }
        var appliesTo: Condition?
        if let applies = try reader.value("applies_to") {
            appliesTo = try compiler.compile(applies, path: reader.childPath("applies_to"))
        }
        let documentIDs = try documentRefs(&reader, documents)
        let pointsSettlement = try reader.bool("points_settlement") ?? false
        var followers: [FollowerRule] = []
        for (index, element) in (try reader.array("followers") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: reader.childPath("followers") + "[\(index)]", status: .pack)
            followers.append(FollowerRule(
                id: try entry.requiredString("id"), label: try entry.requiredText("label"),
                citation: try entry.requiredString("citation"),
                condition: try compiler.compile(try entry.require("condition"), path: entry.childPath("condition"))))
            try entry.finish()
        }
        var address: [AddressOption] = []
        for (index, element) in (try reader.array("address_order") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: reader.childPath("address_order") + "[\(index)]", status: .pack)
            var option = AddressOption(label: try entry.requiredText("label"), citation: try entry.requiredString("citation"))
            if let available = try entry.value("condition") {
                option.condition = try compiler.compile(available, path: entry.childPath("condition"))
            }
            address.append(option)
            try entry.finish()
        }
        let note = try reader.text("note")
        let provisional = try reader.bool("provisional") ?? false
        if decided != nil, provisional || pointsSettlement {
            throw reader.fail("decided_by", zh: "由城市规定的途径不能带 provisional 或 points_settlement",
                              en: "a pathway the city decides carries no provisional flag or points_settlement")
        }
        let requiredDocuments = try RequiredDocument.read(&reader)
        let groups = try strings(&reader, "groups")
        for (index, group) in groups.enumerated() where !isValidID(group) {
            throw HukouError(.pack, path: reader.childPath("groups") + "[\(index)]", zh: "应为群体标识（国家政策包 settlement_groups）", en: "expected a group id (national settlement_groups)")
        }
        var cap: PathwayCap?
        if var entry = try reader.object("cap") {
            let facts = try strings(&entry, "facts")
            guard !facts.isEmpty else { throw entry.fail("facts", zh: "应列出至少一个事实", en: "expected at least one fact") }
            guard let who = try decidedBy(&entry) else {
                throw entry.fail("decided_by", zh: "缺少 decided_by（谁确定上限以下的具体要求）", en: "missing decided_by (who sets the figure below the cap)")
            }
            try entry.finish()
            guard decided == nil else {
                throw reader.fail("cap", zh: "由城市规定的途径没有条件，也就没有上限", en: "a pathway the city decides has no condition, so no cap")
            }
            cap = PathwayCap(facts: Set(facts), decidedBy: who)
        }
        try reader.finish()
        var pathway = Pathway(id: id, name: name, citation: citation, condition: condition, followers: followers, addressOrder: address,
                              note: note, provisional: provisional, appliesTo: appliesTo, decidedBy: decided,
                              pointsSettlement: pointsSettlement, documentIDs: documentIDs)
        pathway.documents = requiredDocuments
        pathway.cap = cap
        pathway.groups = groups
        return pathway
    }

    /// The values of the `status` fact (entitlement rules are chosen by status).
    static func statusValues(_ catalogue: FactCatalogue) -> [String] {
        if case .enumeration(let values, _)? = catalogue.definition("status")?.type { return values }
        return []
    }

    private static func readEntitlement(_ value: JSONValue, path: String, compiler: inout ConditionCompiler,
                                        documents: Set<String>, statusValues: [String]) throws(HukouError) -> EntitlementRule {
        var reader = try ObjectReader(value, path: path, status: .pack)
        let id = try reader.requiredString("id")
        guard let domain = try reader.choice("domain", EntitlementRule.domains) else {
            throw reader.fail("domain", zh: "缺少领域", en: "missing the domain")
        }
        let name = try reader.requiredText("name")
        let citation = try reader.requiredString("citation")
        let statuses = try strings(&reader, "statuses")
        for (index, status) in statuses.enumerated() where !statusValues.contains(status) {
            throw HukouError(.pack, path: reader.childPath("statuses") + "[\(index)]",
                             zh: "应为以下之一：\(statusValues.joined(separator: ", "))\(Suggest.hint(status, statusValues, zh: true))",
                             en: "expected one of: \(statusValues.joined(separator: ", "))\(Suggest.hint(status, statusValues, zh: false))")
        }
        guard !statuses.isEmpty else {
            throw reader.fail("statuses", zh: "应为非空的身份列表", en: "expected a non-empty list of statuses")
        }
        let subjects = EntitlementRule.Subjects(rawValue: try reader.choice("subjects", EntitlementRule.Subjects.allCases.map(\.rawValue)) ?? "applicant") ?? .applicant
        var condition: Condition?
        if let conditionValue = try reader.value("condition").map({ $0 }) {
            condition = try compiler.compile(conditionValue, path: reader.childPath("condition"))
        }
        // depends_on_local_rules is said by decided_by, never written as a verdict; unknown is an answer's.
        let verdicts = EntitlementRule.Verdict.allCases.filter { $0 != .dependsOnLocalRules && $0 != .unknown }.map(\.rawValue)
        let decided = try decidedBy(&reader)
        let verdict: EntitlementRule.Verdict
        var otherwise: EntitlementRule.Verdict?
        if decided != nil {
            guard condition == nil, try reader.value("verdict") == nil, try reader.value("otherwise") == nil else {
                throw reader.fail("decided_by", zh: "decided_by 与 condition、verdict、otherwise 不能同时出现",
                                  en: "decided_by excludes condition, verdict and otherwise")
            }
            verdict = .dependsOnLocalRules
        } else {
            guard let verdictName = try reader.choice("verdict", verdicts), let chosen = EntitlementRule.Verdict(rawValue: verdictName) else {
                throw reader.fail("verdict", zh: "缺少结论（或 decided_by）", en: "missing the verdict (or decided_by)")
            }
            verdict = chosen
            otherwise = try reader.choice("otherwise", verdicts).flatMap(EntitlementRule.Verdict.init(rawValue:))
        }
        var appliesTo: Condition?
        if let applies = try reader.value("applies_to") {
            appliesTo = try compiler.compile(applies, path: reader.childPath("applies_to"))
        }
        let specializes = try strings(&reader, "specializes")
        for (index, target) in specializes.enumerated() where target == id {
            throw HukouError(.pack, path: reader.childPath("specializes") + "[\(index)]", zh: "规则不能细化自身", en: "a rule cannot specialize itself")
        }
        let documentIDs = try documentRefs(&reader, documents)
        let provisional = try reader.bool("provisional") ?? false
        let note = try reader.text("note")
        try reader.finish()
        return EntitlementRule(id: id, domain: domain, name: name, citation: citation, statuses: statuses, subjects: subjects,
                               condition: condition, verdict: verdict, otherwise: otherwise, provisional: provisional, note: note,
                               appliesTo: appliesTo, decidedBy: decided, specializes: specializes, documentIDs: documentIDs)
    }
}
