// SPDX-License-Identifier: Apache-2.0
/// Reads fact declarations (Policies/facts.json, a pack's `facts`; docs/packs.md "Facts").
///
/// ```json
/// {"name": "public_service.months", "type": "duration", "unit": "months",
///  "label": {"zh": "…", "en": "…"}, "help": {"zh": "…", "en": "…"},
///  "path": "public_service.months", "range": [0, 1200], "personal": true}
/// {"name": "education.level", "type": "enumeration", "values": ["none", "bachelor"],
///  "value_labels": {"none": {"zh": "无学历", "en": "no formal schooling"}, "bachelor": {"zh": "大学本科", "en": "bachelor's degree"}}, …}
/// ```
/// `value_labels` (enumeration facts only) gives the words a person reads for a value;
/// a label for a value the fact does not have is refused, a value without one is shown
/// by the renderer's neutral fallback (and reported by `hukou lint`).
/// `path` (default: the name, unless `derive` is given) is where a person object of the
/// request carries the value; `derive` computes it from earlier facts.
enum FactDeclarations {
    static let typeNames = ["bool", "integer", "count", "duration", "decimal", "date", "enumeration", "text"]
    static let deriveForms = ["months_since", "years_since", "year_of", "min", "cases"]
    /// Most facts one declaration list may add.
    static let maxFacts = 500

    static func read(_ list: [JSONValue], path: String, onto base: FactCatalogue, declaredBy: String,
                     parameters: [String: Parameter] = [:], districts: DistrictTable = DistrictTable([])) throws(HukouError) -> FactCatalogue {
        guard list.count <= maxFacts else {
            throw HukouError(.limit, path: path, zh: "最多声明 \(maxFacts) 个事实", en: "at most \(maxFacts) facts may be declared")
        }
        var facts = base.facts
        var byName: [String: FactDefinition] = [:]
        for fact in facts { byName[fact.name] = fact }
        for (index, element) in list.enumerated() {
            let fact = try declaration(element, path: "\(path)[\(index)]", known: byName, facts: facts,
                                       declaredBy: declaredBy, parameters: parameters, districts: districts)
            facts.append(fact)
            byName[fact.name] = fact
        }
        return FactCatalogue(facts)
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"), name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        } && !name.hasSuffix(".") && !name.contains("..")
    }

    private static func declaration(_ value: JSONValue, path: String, known: [String: FactDefinition], facts: [FactDefinition],
                                    declaredBy: String, parameters: [String: Parameter], districts: DistrictTable) throws(HukouError) -> FactDefinition {
        var reader = try ObjectReader(value, path: path, status: .pack)
        let name = try reader.requiredString("name")
        guard isValidName(name) else {
            throw reader.fail("name", zh: "事实名应由小写字母、数字、_ 和 . 组成，以字母开头", en: "a fact name is lowercase letters, digits, _ and ., starting with a letter")
        }
        if let existing = known[name] {
            throw reader.fail("name", zh: "事实 \(name) 已由 \(existing.declaredBy) 声明", en: "fact \(name) is already declared by \(existing.declaredBy)")
        }
        guard let typeName = try reader.choice("type", typeNames) else {
            throw reader.fail("type", zh: "缺少事实类型：\(typeNames.joined(separator: ", "))", en: "missing the type: one of \(typeNames.joined(separator: ", "))")
        }
        let label = try reader.requiredText("label")
        let help = try reader.text("help")
        let unitName = try reader.choice("unit", ["months", "years", "count"])
        let type: FactType
        switch typeName {
        case "bool": type = .bool
        case "integer": type = .integer(unit: unitName.flatMap(FactUnit.init(rawValue:)) ?? .count)
        case "count":
            if unitName != nil, unitName != "count" { throw reader.fail("unit", zh: "计数的单位只能是 count", en: "a count has the unit count") }
            type = .integer(unit: .count)
        case "duration":
            guard let unitName, unitName != "count", let unit = FactUnit(rawValue: unitName) else {
                throw reader.fail("unit", zh: "时长需要单位 months 或 years", en: "a duration needs the unit months or years")
            }
            type = .integer(unit: unit)
        case "decimal": type = .decimal
        case "date": type = .date
        case "enumeration":
            let values = try PackLoader.strings(&reader, "values")
            guard !values.isEmpty, Set(values).count == values.count else {
                throw reader.fail("values", zh: "应为不重复的非空取值列表", en: "expected a non-empty list of distinct values")
            }
            let ordered = try reader.bool("ordered") ?? false
            var ranks: [Int]?
            if let list = try reader.array("ranks") {
                var parsed: [Int] = []
                for item in list {
                    guard case .integer(let n) = item, n >= 0, n <= 1000 else {
                        throw reader.fail("ranks", zh: "等级应为 0–1000 的整数", en: "ranks are integers from 0 to 1000")
                    }
                    parsed.append(Int(n))
                }
                guard parsed.count == values.count, zip(parsed, parsed.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                    throw reader.fail("ranks", zh: "等级数应与取值数相同且不递减", en: "one rank per value, never decreasing")
                }
                ranks = parsed
            } else if ordered {
                ranks = Array(values.indices)
            }
            type = .enumeration(values: values, ranks: ranks)
        default: type = .text
        }
        if unitName != nil, typeName != "integer", typeName != "duration", typeName != "count" {
            throw reader.fail("unit", zh: "只有整数、计数和时长有单位", en: "only integer, count and duration facts have a unit")
        }
        var range = 0...packIntegerRange.upperBound
        var decimalRange = Fixed.zero...Fixed(packIntegerRange.upperBound)
        if let bounds = try reader.array("range") {
            let limits = bounds.compactMap { Fixed(json: $0) }
            guard bounds.count == 2, limits.count == 2, limits[0] <= limits[1],
                  limits[0] >= Fixed(packIntegerRange.lowerBound), limits[1] <= Fixed(packIntegerRange.upperBound) else {
                throw reader.fail("range", zh: "应为 [最小值, 最大值]（±1000000 以内）", en: "expected [min, max] within ±1000000")
            }
            switch type {
            case .integer:
                guard limits[0].isInteger, limits[1].isInteger else {
                    throw reader.fail("range", zh: "整数事实的范围应为整数", en: "an integer fact's range is integers")
                }
                range = limits[0].integerPart...limits[1].integerPart
            case .decimal: decimalRange = limits[0]...limits[1]
            default: throw reader.fail("range", zh: "只有数值事实有范围", en: "only numeric facts have a range")
            }
        }
        let personal = try reader.bool("personal") ?? true
        let holder = FactDefinition.Holder(rawValue: try reader.choice("who", FactDefinition.Holder.allCases.map(\.rawValue)) ?? "both") ?? .both
        let vocabulary = try reader.choice("vocabulary", ["districts"])
        if vocabulary != nil, type != .text {
            throw reader.fail("vocabulary", zh: "只有文本事实可使用区县表", en: "only a text fact may use the district table")
        }
        var accruesWhile: FactDefinition?
        if let flagName = try reader.string("accrues_while") {
            guard let flag = known[flagName], flag.type == .bool else {
                throw reader.fail("accrues_while", zh: "应为此前声明的布尔事实", en: "expected a boolean fact declared before this one")
            }
            guard case .integer(.months) = type else {
                throw reader.fail("accrues_while", zh: "只有以月计的时长可随时间增长", en: "only a duration in months grows with time")
            }
            accruesWhile = flag
        }
        var derivation: FactDefinition.Derivation?
        if let derive = try reader.object("derive") {
            derivation = try readDerivation(derive, type: type, known: known, facts: facts, parameters: parameters, districts: districts)
        }
        let explicitPath = try reader.string("path")
        if let explicitPath, !isValidName(explicitPath) {
            throw reader.fail("path", zh: "请求路径应由小写字母、数字、_ 和 . 组成", en: "a request path is lowercase letters, digits, _ and .")
        }
        let requestPath = explicitPath ?? (derivation == nil ? name : nil)
        if let requestPath {
            for other in facts {
                guard let otherPath = other.path else { continue }
                if otherPath == requestPath || otherPath.hasPrefix(requestPath + ".") || requestPath.hasPrefix(otherPath + ".") {
                    throw reader.fail(explicitPath == nil ? "name" : "path", zh: "请求路径 \(requestPath) 与事实 \(other.name) 的路径 \(otherPath) 冲突",
                                      en: "request path \(requestPath) collides with \(otherPath) of fact \(other.name)")
                }
            }
        }
        var askFor = requestPath ?? name
        if requestPath == nil, let derivation { askFor = source(of: derivation)?.askFor ?? name }
        if let ask = try reader.string("ask") { askFor = ask }
        let valueLabels = try readValueLabels(&reader, type: type)
        _ = try reader.value("comment")
        try reader.finish()
        return FactDefinition(name: name, index: facts.count, type: type, label: label, help: help, path: requestPath, askFor: askFor,
                              personal: personal, holder: holder, range: range, decimalRange: decimalRange,
                              vocabulary: vocabulary, declaredBy: declaredBy, derivation: derivation, accruesWhile: accruesWhile,
                              valueLabels: valueLabels)
    }

    /// `value_labels`: {value: {"zh", "en"}} for values of the enumeration; a key that is
    /// not a value of the fact is refused (with the nearest value as a hint).
    private static func readValueLabels(_ reader: inout ObjectReader, type: FactType) throws(HukouError) -> [String: LocalizedText] {
        guard let raw = reader.value("value_labels") else { return [:] }
        guard case .enumeration(let values, _) = type else {
            throw reader.fail("value_labels", zh: "只有枚举事实有取值标签", en: "only an enumeration fact has value labels")
        }
        guard case .object(let members) = raw else {
            throw reader.fail("value_labels", zh: "应为对象 {取值: {\"zh\", \"en\"}}", en: "expected an object {value: {\"zh\", \"en\"}}")
        }
        var labels = try ObjectReader(raw, path: reader.childPath("value_labels"), status: .pack)
        let known = Set(values)
        var result: [String: LocalizedText] = [:]
        for member in members {
            guard known.contains(member.key) else {
                throw HukouError(.pack, path: reader.childPath("value_labels") + "." + member.key,
                                 zh: "\"\(member.key)\" 不是该事实的取值：\(values.joined(separator: ", "))\(Suggest.hint(member.key, values, zh: true))",
                                 en: "\"\(member.key)\" is not a value of this fact: \(values.joined(separator: ", "))\(Suggest.hint(member.key, values, zh: false))")
            }
            result[member.key] = try labels.requiredText(member.key)
        }
        try labels.finish()
        return result
    }

    private static func source(of derivation: FactDefinition.Derivation) -> FactDefinition? {
        switch derivation {
        case .monthsSince(let fact), .yearsSince(let fact), .yearOf(let fact): return fact
        case .minimum(let facts): return facts.first
        case .cases: return nil
        }
    }

    private static func readDerivation(_ derive: ObjectReader, type: FactType, known: [String: FactDefinition], facts: [FactDefinition],
                                       parameters: [String: Parameter], districts: DistrictTable) throws(HukouError) -> FactDefinition.Derivation {
        var reader = derive
        let forms = deriveForms.filter { reader.has($0) }
        guard forms.count == 1, let form = forms.first else {
            throw HukouError(.pack, path: reader.path, zh: "derive 必须恰好包含 \(deriveForms.joined(separator: "、")) 之一",
                             en: "derive must have exactly one of \(deriveForms.joined(separator: ", "))")
        }
        func fact(_ name: String, _ key: String) throws(HukouError) -> FactDefinition {
            guard let fact = known[name] else {
                throw reader.fail(key, zh: "未知的事实 \"\(name)\"（须在此前声明）\(Suggest.hint(name, Array(known.keys), zh: true))",
                                  en: "unknown fact \"\(name)\" (must be declared before)\(Suggest.hint(name, Array(known.keys), zh: false))")
            }
            return fact
        }
        let result: FactDefinition.Derivation
        switch form {
        case "months_since", "years_since", "year_of":
            let source = try fact(try reader.requiredString(form), form)
            guard source.type == .date else { throw reader.fail(form, zh: "应为日期类事实", en: "expected a date fact") }
            let expected: FactType = form == "months_since" ? .integer(unit: .months) : form == "years_since" ? .integer(unit: .years) : .integer(unit: .count)
            guard type == expected else {
                throw reader.fail(form, zh: "此推导得出\(expected.name)", en: "this derivation gives an \(expected.name)")
            }
            result = form == "months_since" ? .monthsSince(source) : form == "years_since" ? .yearsSince(source) : .yearOf(source)
        case "min":
            let names = try PackLoader.strings(&reader, "min")
            guard names.count >= 2 else { throw reader.fail("min", zh: "应列出至少两个事实", en: "expected at least two facts") }
            var sources: [FactDefinition] = []
            for name in names {
                let source = try fact(name, "min")
                guard source.type == type else {
                    throw reader.fail("min", zh: "\(name) 的类型应与本事实相同（\(type.name)）", en: "\(name) must have this fact's type (\(type.name))")
                }
                sources.append(source)
            }
            result = .minimum(sources)
        default:
            guard let list = try reader.array("cases"), !list.isEmpty, list.count <= 100 else {
                throw reader.fail("cases", zh: "应为 1–100 个 {when, value}", en: "expected 1 to 100 {when, value} cases")
            }
            var compiler = ConditionCompiler(parameters: parameters, definitions: [:], districts: districts, facts: FactCatalogue(facts))
            var cases: [(condition: Condition, value: FactValue)] = []
            for (index, element) in list.enumerated() {
                var entry = try ObjectReader(element, path: reader.childPath("cases") + "[\(index)]", status: .pack)
                let condition = try compiler.compile(try entry.require("when"), path: entry.childPath("when"))
                let value = try literal(try entry.require("value"), type: type, path: entry.childPath("value"))
                try entry.finish()
                cases.append((condition, value))
            }
            result = .cases(cases)
        }
        try reader.finish()
        return result
    }

    /// A value of the fact's type written in a declaration.
    static func literal(_ value: JSONValue, type: FactType, path: String) throws(HukouError) -> FactValue {
        switch (type, value) {
        case (.bool, .bool(let flag)): return .bool(flag)
        case (.integer, .integer(let n)) where n >= Int64(packIntegerRange.lowerBound) && n <= Int64(packIntegerRange.upperBound):
            return .integer(Int(n))
        case (.decimal, _):
            if let number = Fixed(json: value) { return .decimal(number) }
        case (.date, .string(let text)):
            if let date = CivilDate(iso: text) { return .date(date) }
        case (.enumeration(let values, _), .string(let name)):
            guard values.contains(name) else {
                throw HukouError(.pack, path: path, zh: "\"\(name)\" 不是取值之一：\(values.joined(separator: ", "))\(Suggest.hint(name, values, zh: true))",
                                 en: "\"\(name)\" is not one of: \(values.joined(separator: ", "))\(Suggest.hint(name, values, zh: false))")
            }
            return .enumeration(name)
        case (.text, .string(let name)): return .text(name)
        default: break
        }
        throw HukouError(.pack, path: path, zh: "值应为\(type.name)", en: "expected a \(type.name) value")
    }
}
