// SPDX-License-Identifier: Apache-2.0
/// Reads the `points` section of a pack (docs/packs.md).
enum PointsLoader {
    static let maxIndicatorDepth = 4

    static func read(_ value: JSONValue, path: String, parameters: [String: Parameter],
                     compiler: inout ConditionCompiler, documents: Set<String> = ["main"]) throws(HukouError) -> PointsPolicy {
        var reader = try ObjectReader(value, path: path, status: .pack)
        let allowed = try reader.bool("allowed") ?? true
        let citation = try reader.requiredString("citation")
        if !allowed {
            let reason = try reader.requiredText("reason")
            try reader.finish()
            return .prohibited(citation: citation, reason: reason)
        }
        let note = try reader.text("note")
        let purpose = try reader.choice("purpose", ["settlement", "public_services"]) ?? "settlement"
        let tableProvisional = try reader.bool("provisional") ?? false
        let threshold = try number(&reader, "threshold", parameters)
        let quota = try number(&reader, "annual_quota", parameters)
        let horizon = try reader.integer("projection_horizon_months", in: 1...600) ?? 120
        var indicators: [Indicator] = []
        guard let list = try reader.array("indicators"), !list.isEmpty else {
            throw reader.fail("indicators", zh: "应为非空的指标数组", en: "expected a non-empty array of indicators")
        }
        for (index, element) in list.enumerated() {
            indicators.append(try indicator(element, path: reader.childPath("indicators") + "[\(index)]",
                                            parameters: parameters, compiler: &compiler, depth: 0))
        }
        let requirements = try requirementList(&reader, "requirements", compiler: &compiler, documents: documents)
        let vetoes = try requirementList(&reader, "vetoes", compiler: &compiler, documents: documents)
        let documentIDs = try PackLoader.documentRefs(&reader, documents)
        var ranking: PointsTable.Ranking?
        if var entry = try reader.object("ranking") {
            ranking = PointsTable.Ranking(citation: try entry.requiredString("citation"), text: try entry.requiredText("text"))
            try entry.finish()
        }
        var notScored: [PointsTable.NotScored] = []
        for (index, element) in (try reader.array("not_scored") ?? []).enumerated() {
            var entry = try ObjectReader(element, path: reader.childPath("not_scored") + "[\(index)]", status: .pack)
            notScored.append(PointsTable.NotScored(id: try entry.requiredString("id"), label: try entry.requiredText("label"),
                                                   citation: try entry.requiredString("citation")))
            try entry.finish()
        }
        let totalFloor = try number(&reader, "total_floor", parameters)
        let totalCap = try number(&reader, "total_cap", parameters)
        try reader.finish()
        let table = PointsTable(purpose: purpose, provisional: tableProvisional, citation: citation, note: note, threshold: threshold, annualQuota: quota, indicators: indicators,
                                requirements: requirements, vetoes: vetoes, projectionHorizonMonths: horizon,
                                documentIDs: documentIDs, ranking: ranking, notScored: notScored,
                                totalFloor: totalFloor, totalCap: totalCap,
                                index: PointsIndex(indicators, accruing: Set(compiler.facts.accruing.map(\.name))))
        return .table(table)
    }

    private static func requirementList(_ reader: inout ObjectReader, _ key: String,
                                        compiler: inout ConditionCompiler, documents: Set<String>) throws(HukouError) -> [Requirement] {
        var result: [Requirement] = []
        for (index, element) in (try reader.array(key) ?? []).enumerated() {
            var entry = try ObjectReader(element, path: reader.childPath(key) + "[\(index)]", status: .pack)
            var requirement = Requirement(
                id: try entry.requiredString("id"), label: try entry.requiredText("label"),
                citation: try entry.requiredString("citation"),
                condition: try compiler.compile(try entry.require("condition"), path: entry.childPath("condition")))
            requirement.documentIDs = try PackLoader.documentRefs(&entry, documents)
            result.append(requirement)
            try entry.finish()
        }
        return result
    }

    /// A number: a literal (up to four decimals, ±1000000) or {"param": "id"} of an integer parameter.
    static func number(_ reader: inout ObjectReader, _ key: String, _ parameters: [String: Parameter]) throws(HukouError) -> NumberRef? {
        guard let value = try reader.value(key) else { return nil }
        return try number(value, path: reader.childPath(key), parameters)
    }

    static func number(_ value: JSONValue, path: String, _ parameters: [String: Parameter]) throws(HukouError) -> NumberRef {
        switch value {
        case .integer, .double:
            guard let number = Fixed(json: value), number >= Fixed(packIntegerRange.lowerBound), number <= Fixed(packIntegerRange.upperBound) else {
                throw HukouError(.pack, path: path, zh: "应为 ±1000000 以内、至多四位小数的数", en: "expected a number within ±1000000 with at most four decimals")
            }
            return .literal(number)
        case .object:
            var reader = try ObjectReader(value, path: path, status: .pack)
            let id = try reader.requiredString("param")
            try reader.finish()
            guard let parameter = parameters[id] else {
                throw HukouError(.pack, path: path + ".param", zh: "引用了不存在的参数 \"\(id)\"\(Suggest.hint(id, Array(parameters.keys), zh: true))",
                                 en: "reference to an undefined parameter \"\(id)\"\(Suggest.hint(id, Array(parameters.keys), zh: false))")
            }
            for dated in parameter.values {
                guard case .integer = dated.value else {
                    throw HukouError(.pack, path: path + ".param", zh: "参数 \"\(id)\" 应为整数", en: "parameter \"\(id)\" must be an integer")
                }
            }
            return .parameter(parameter)
        default:
            throw HukouError(.pack, path: path, zh: "应为数（±1000000 以内，至多四位小数）或 {\"param\": id}", en: "expected a number (within ±1000000, at most four decimals) or {\"param\": id}")
        }
    }

    /// Points per block: a number, or `{"by": fact, "values": {value: number}, "otherwise": number}`.
    static func rate(_ value: JSONValue, path: String, _ parameters: [String: Parameter], _ facts: FactCatalogue) throws(HukouError) -> Rate {
        guard case .object = value, value["by"] != nil else { return .fixed(try number(value, path: path, parameters)) }
        var reader = try ObjectReader(value, path: path, status: .pack)
        let name = try reader.requiredString("by")
        guard let fact = facts.definition(name) else {
            throw reader.fail("by", zh: "未知的事实 \"\(name)\"\(Suggest.hint(name, facts.names, zh: true))",
                              en: "unknown fact \"\(name)\"\(Suggest.hint(name, facts.names, zh: false))")
        }
        guard case .enumeration(let allowed, _) = fact.type else {
            throw reader.fail("by", zh: "分类费率需要枚举类事实", en: "a rate by category needs an enumeration fact")
        }
        guard var map = try reader.object("values") else { throw reader.fail("values", zh: "缺少取值→分值表", en: "missing the value → points map") }
        var values: [(value: String, points: NumberRef)] = []
        for key in map.keys {
            guard allowed.contains(key) else {
                throw HukouError(.pack, path: map.childPath(key), zh: "\"\(key)\" 不是事实 \(name) 的取值\(Suggest.hint(key, allowed, zh: true))",
                                 en: "\"\(key)\" is not a value of fact \(name)\(Suggest.hint(key, allowed, zh: false))")
            }
            if let raw = map.value(key) { values.append((key, try number(raw, path: map.childPath(key), parameters))) }
        }
        try map.finish()
        let otherwise = try number(&reader, "otherwise", parameters)
        try reader.finish()
        return .byCategory(fact: fact, values: values, otherwise: otherwise)
    }

    private static func fact(_ reader: inout ObjectReader, _ facts: FactCatalogue) throws(HukouError) -> FactDefinition {
        let name = try reader.requiredString("fact")
        guard let fact = facts.definition(name) else {
            throw reader.fail("fact", zh: "未知的事实 \"\(name)\"\(Suggest.hint(name, facts.names, zh: true))",
                              en: "unknown fact \"\(name)\"\(Suggest.hint(name, facts.names, zh: false))")
        }
        return fact
    }

    static func indicator(_ value: JSONValue, path: String, parameters: [String: Parameter],
                          compiler: inout ConditionCompiler, depth: Int) throws(HukouError) -> Indicator {
        guard depth <= maxIndicatorDepth else {
            throw HukouError(.pack, path: path, zh: "指标嵌套过深", en: "indicators nested too deeply")
        }
        var reader = try ObjectReader(value, path: path, status: .pack)
        let id = try reader.requiredString("id")
        let label = try reader.requiredText("label")
        let citation = try reader.requiredString("citation")
        let kindNames = ["categorical", "bands", "accrual", "bonus", "deduction", "group", "best_of"]
        guard let kindName = try reader.choice("kind", kindNames) else {
            throw reader.fail("kind", zh: "缺少指标类型", en: "missing the indicator kind")
        }
        let whatIfMonths = try reader.integer("what_if_units", in: 1...600) ?? 12
        let kind: IndicatorKind
        switch kindName {
        case "categorical":
            let fact = try fact(&reader, compiler.facts)
            var entries: [(value: String, points: NumberRef)] = []
            guard var map = try reader.object("points") else {
                throw reader.fail("points", zh: "缺少取值→分值表", en: "missing the value → points map")
            }
            for key in map.keys {
                let entryPath = map.childPath(key)
                switch fact.type {
                case .enumeration(let values, _) where !values.contains(key):
                    throw HukouError(.pack, path: entryPath, zh: "\"\(key)\" 不是事实 \(fact.name) 的取值", en: "\"\(key)\" is not a value of fact \(fact.name)")
                case .text:
                    if !compiler.districts.isEmpty, fact.vocabulary == "districts", compiler.districts.canonical(key) == nil {
                        throw HukouError(.pack, path: entryPath, zh: "未知的区县 \"\(key)\"", en: "unknown district \"\(key)\"")
                    }
                case .enumeration: break
                default:
                    throw HukouError(.pack, path: reader.childPath("fact"), zh: "分类指标需要枚举或文本类事实", en: "a categorical indicator needs an enumeration or text fact")
                }
                guard let raw = map.value(key) else { continue }
                entries.append((compiler.districts.canonical(key) ?? key, try number(raw, path: entryPath, parameters)))
            }
            try map.finish()
            kind = .categorical(fact: fact, entries: entries)
        case "bands":
            let fact = try fact(&reader, compiler.facts)
            guard case .integer = fact.type else {
                throw reader.fail("fact", zh: "分段指标需要整数类事实", en: "a bands indicator needs an integer fact")
            }
            var bands: [(min: Int?, max: Int?, points: NumberRef)] = []
            for (index, element) in (try reader.array("bands") ?? []).enumerated() {
                var band = try ObjectReader(element, path: reader.childPath("bands") + "[\(index)]", status: .pack)
                let low = try band.integer("min", in: packIntegerRange)
                let high = try band.integer("max", in: packIntegerRange)
                if let low, let high, low > high {
                    throw band.fail("max", zh: "max 不能小于 min", en: "max must not be below min")
                }
                bands.append((low, high, try number(try band.require("points"), path: band.childPath("points"), parameters)))
                try band.finish()
            }
            guard !bands.isEmpty else { throw reader.fail("bands", zh: "应为非空数组", en: "expected a non-empty array") }
            kind = .bands(fact: fact, bands: bands)
        case "accrual":
            let fact = try fact(&reader, compiler.facts)
            guard case .integer = fact.type else {
                throw reader.fail("fact", zh: "累计指标需要整数类事实", en: "an accrual indicator needs an integer fact")
            }
            var stages: [AccrualStage] = []
            for (index, element) in (try reader.array("stages") ?? []).enumerated() {
                var stage = try ObjectReader(element, path: reader.childPath("stages") + "[\(index)]", status: .pack)
                let from = try stage.integer("from", in: 0...packIntegerRange.upperBound) ?? 0
                guard let per = try stage.integer("per", in: 1...packIntegerRange.upperBound) else {
                    throw stage.fail("per", zh: "缺少计分单位数（正整数）", en: "missing how many units earn the points (a positive integer)")
                }
                if let previous = stages.last, previous.from >= from {
                    throw stage.fail("from", zh: "各段起点必须严格递增", en: "stage starts must be strictly increasing")
                }
                let rate = try rate(try stage.require("points"), path: stage.childPath("points"), parameters, compiler.facts)
                stages.append(AccrualStage(from: from, per: per, rate: rate))
                try stage.finish()
            }
            guard !stages.isEmpty else { throw reader.fail("stages", zh: "应为非空数组", en: "expected a non-empty array") }
            let gate = try reader.integer("gate", in: 0...packIntegerRange.upperBound) ?? 0
            let names = AccrualRounding.allCases.map(\.rawValue)
            let rounding = AccrualRounding(rawValue: try reader.choice("accrue", names) ?? "") ?? .proRataWholePoints
            kind = .accrual(fact: fact, stages: stages, gate: gate, rounding: rounding)
        case "bonus":
            let condition = try compiler.compile(try reader.require("condition"), path: reader.childPath("condition"))
            kind = .bonus(condition: condition, points: try number(try reader.require("points"), path: reader.childPath("points"), parameters))
        case "deduction":
            let fact = try fact(&reader, compiler.facts)
            guard case .integer = fact.type else {
                throw reader.fail("fact", zh: "扣分指标需要整数类事实", en: "a deduction indicator needs an integer fact")
            }
            kind = .deduction(fact: fact, each: try number(try reader.require("each"), path: reader.childPath("each"), parameters))
        default:
            var children: [Indicator] = []
            guard let list = try reader.array("indicators"), !list.isEmpty else {
                throw reader.fail("indicators", zh: "应为非空的指标数组", en: "expected a non-empty array of indicators")
            }
            for (index, element) in list.enumerated() {
                children.append(try indicator(element, path: reader.childPath("indicators") + "[\(index)]",
                                              parameters: parameters, compiler: &compiler, depth: depth + 1))
            }
            if kindName == "group" {
                kind = .group(indicators: children)
            } else {
                kind = .bestOf(indicators: children)
            }
        }
        let floor = try number(&reader, "floor", parameters)
        let cap = try number(&reader, "cap", parameters)
        try reader.finish()
        return Indicator(id: id, label: label, citation: citation, kind: kind, whatIfMonths: whatIfMonths, floor: floor, cap: cap)
    }
}
