/// Reads and validates a policy pack. Any mistake is a `.pack` error with the JSON path
/// of the offending node; a pack that loads can only give well-typed answers.
public enum PackLoader {
    public static let format = "hukou-pack/1"
    /// HUKOU_MAX_PACK_BYTES.
    public static let maxBytes = 16 * 1024 * 1024

    /// The error for a pack beyond ``maxBytes``.
    public static let tooLarge = HukouError(.limit, path: "", zh: "政策包超过 \(maxBytes) 字节", en: "pack larger than \(maxBytes) bytes")

    /// Parses pack bytes as JSON, within the size limit (the one place that checks it).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(HukouError) -> JSONValue {
        guard bytes.count <= maxBytes else { throw tooLarge }
        return try JSONParser.parse(bytes, showsAllNames: true)
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
            var pack = try loadOnce(merged, byteCount: byteCount)
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
            let pathway = try readPathway(element, path: "pathways[\(index)]", compiler: &compiler)
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
            points = try PointsLoader.read(pointsValue, path: "points", parameters: parameters, compiler: &compiler)
        }

        var entitlements: [EntitlementRule] = []
        for (index, element) in (try reader.array("entitlements") ?? []).enumerated() {
            let rule = try readEntitlement(element, path: "entitlements[\(index)]", compiler: &compiler, statusValues: statusValues(catalogue))
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
            ownRules.append(OwnRulesCity(
                name: try entry.requiredString("name"), aliases: try strings(&entry, "aliases"),
                citation: try entry.requiredString("citation"), note: try entry.requiredText("note")))
            try entry.finish()
        }
        var cities: [PackCity] = []
        for (index, element) in (try reader.array("cities") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: "cities[\(index)]", status: .pack)
            cities.append(PackCity(name: try entry.requiredString("name"), aliases: try strings(&entry, "aliases")))
            try entry.finish()
        }
        try reader.finish()
        var pack = PolicyPack(id: id, version: version, name: name, document: document, effectiveFrom: effectiveFrom,
                          effectiveUntil: effectiveUntil, sizeClass: sizeClass, parameters: parameters, districts: districts,
                          pathways: pathways, priorityGroups: groups, points: points, entitlements: entitlements,
                          permitConditions: permitConditions, serial: serial,
                          ownRulesCities: ownRules, byteCount: byteCount, facts: catalogue)
        pack.cities = cities
        pack.cost = PackCost(pack)
        pack.permitDocuments = permitDocuments
        pack.contentHash = Hex.encode(SHA256.hash(PackSignature.canonicalBytes(of: value)))
        return pack
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

    private static func readPathway(_ value: JSONValue, path: String, compiler: inout ConditionCompiler) throws(HukouError) -> Pathway {
        var reader = try ObjectReader(value, path: path, status: .pack)
        let id = try reader.requiredString("id")
        let name = try reader.requiredText("name")
        let citation = try reader.requiredString("citation")
        let condition = try compiler.compile(try reader.require("condition"), path: reader.childPath("condition"))
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
            address.append(AddressOption(label: try entry.requiredText("label"), citation: try entry.requiredString("citation")))
            try entry.finish()
        }
        let note = try reader.text("note")
        let provisional = try reader.bool("provisional") ?? false
        let documents = try RequiredDocument.read(&reader)
        try reader.finish()
        var pathway = Pathway(id: id, name: name, citation: citation, condition: condition, followers: followers, addressOrder: address,
                              note: note, provisional: provisional)
        pathway.documents = documents
        return pathway
    }

    /// The values of the `status` fact (entitlement rules are chosen by status).
    static func statusValues(_ catalogue: FactCatalogue) -> [String] {
        if case .enumeration(let values, _)? = catalogue.definition("status")?.type { return values }
        return []
    }

    private static func readEntitlement(_ value: JSONValue, path: String, compiler: inout ConditionCompiler,
                                        statusValues: [String]) throws(HukouError) -> EntitlementRule {
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
        let verdicts = EntitlementRule.Verdict.allCases.map(\.rawValue)
        guard let verdictName = try reader.choice("verdict", verdicts), let verdict = EntitlementRule.Verdict(rawValue: verdictName) else {
            throw reader.fail("verdict", zh: "缺少结论", en: "missing the verdict")
        }
        let otherwise = try reader.choice("otherwise", verdicts).flatMap(EntitlementRule.Verdict.init(rawValue:))
        let provisional = try reader.bool("provisional") ?? false
        let note = try reader.text("note")
        try reader.finish()
        return EntitlementRule(id: id, domain: domain, name: name, citation: citation, statuses: statuses, subjects: subjects,
                               condition: condition, verdict: verdict, otherwise: otherwise, provisional: provisional, note: note)
    }
}
