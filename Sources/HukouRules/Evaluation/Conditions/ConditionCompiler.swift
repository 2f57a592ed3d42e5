// SPDX-License-Identifier: Apache-2.0
/// Compiles condition JSON into a type-checked ``Condition`` when a pack loads.
///
/// Every mistake is a `.pack` error with the JSON path of the node: an unknown fact or
/// operator, a value of the wrong type, a value outside the fact's vocabulary, an unknown
/// district, a dangling parameter or definition, and a cycle among definitions.
struct ConditionCompiler {
    let parameters: [String: Parameter]
    let definitions: [String: (value: JSONValue, path: String)]
    let districts: DistrictTable
    /// The facts conditions may test.
    let facts: FactCatalogue
    /// Definitions compiled so far, with their height (levels below the root) and their
    /// node count once every reference in them is expanded.
    private var compiled: [String: (condition: Condition, height: Int, size: Int)] = [:]
    private var inProgress: [String] = []
    /// Nodes of every top-level condition compiled so far, references expanded.
    private var packNodes = 0

    /// Deepest condition nesting accepted in a pack, counting a `ref` as one level and
    /// the levels of the definition it brings in below it.
    static let maxDepth = 32
    /// Most nodes one condition may have once its references are expanded: definitions
    /// referred to twice are evaluated (and reported) twice, so without this bound a
    /// small pack could make every request's work and answer exponentially large.
    static let maxConditionNodes = 10_000
    /// Most nodes all the conditions of one pack may have together, references expanded.
    static let maxPackNodes = 200_000

    init(parameters: [String: Parameter], definitions: [String: (value: JSONValue, path: String)], districts: DistrictTable,
         facts: FactCatalogue) {
        self.parameters = parameters
        self.definitions = definitions
        self.districts = districts
        self.facts = facts
    }

    static let forms = ["all", "any", "not", "ref", "fact", "some", "every"]

    /// Compiles one top-level condition of the pack (a pathway's, a rule's, ...).
    mutating func compile(_ value: JSONValue, path: String, depth: Int = 0) throws(HukouError) -> Condition {
        let result = try node(value, path: path, depth: depth)
        packNodes += result.size
        guard packNodes <= Self.maxPackNodes else {
            throw HukouError(.pack, path: path, zh: "政策包的全部条件（展开引用后）超过 \(Self.maxPackNodes) 个节点",
                             en: "the pack's conditions together exceed \(Self.maxPackNodes) nodes once references are expanded")
        }
        return result.condition
    }

    private func tooDeep(_ path: String) -> HukouError {
        HukouError(.pack, path: path, zh: "条件嵌套超过 \(Self.maxDepth) 层（ref 及所引用的定义计入层数）",
                   en: "conditions nested deeper than \(Self.maxDepth) levels (a ref and the definition it refers to count)")
    }

    private func tooLarge(_ path: String) -> HukouError {
        HukouError(.pack, path: path, zh: "条件展开引用后超过 \(Self.maxConditionNodes) 个节点",
                   en: "condition has more than \(Self.maxConditionNodes) nodes once references are expanded")
    }

    private mutating func node(_ value: JSONValue, path: String, depth: Int) throws(HukouError) -> (condition: Condition, height: Int, size: Int) {
        // `depth` counts from 0 at the top-level node: levels 1…maxDepth are depths 0…maxDepth−1.
        guard depth < Self.maxDepth else { throw tooDeep(path) }
        var reader = try ObjectReader(value, path: path, status: .pack)
        var info = NodeInfo()
        info.id = try reader.string("id")
        info.label = try reader.text("label")
        info.citation = try reader.string("citation")
        let forms = Self.forms.filter { reader.has($0) }
        guard forms.count == 1, let form = forms.first else { throw Self.formError(reader.keys, found: forms, path: path) }
        let result: (condition: Condition, height: Int, size: Int)
        switch form {
        case "all", "any":
            result = try list(form, &reader, info: info, depth: depth)
        case "not":
            let child = try node(try reader.require("not"), path: reader.childPath("not"), depth: depth + 1)
            guard child.size < Self.maxConditionNodes else { throw tooLarge(reader.childPath("not")) }
            result = (.not(child.condition, info), child.height + 1, child.size + 1)
        case "some", "every":
            result = try quantified(form, &reader, info: info, depth: depth)
        case "ref":
            let name = try reader.requiredString("ref")
            result = try reference(name, path: reader.childPath("ref"), info: info, depth: depth)
        default:
            result = (.leaf(try leaf(&reader, info: info)), 0, 1)
        }
        try reader.finish()
        return result
    }

    /// `some` / `every` (kept out of ``node`` so that its stack frame stays small: the
    /// deepest accepted conditions must compile on a 256 KiB thread stack).
    @inline(never)
    private mutating func quantified(_ form: String, _ reader: inout ObjectReader, info: NodeInfo, depth: Int) throws(HukouError) -> (condition: Condition, height: Int, size: Int) {
        var body = try ObjectReader(try reader.require(form), path: reader.childPath(form), status: .pack)
        var relations: [String]?
        if body.has("relation") {
            let names = try PackLoader.strings(&body, "relation")
            guard !names.isEmpty else { throw body.fail("relation", zh: "应为非空的关系列表", en: "expected a non-empty list of relations") }
            if case .enumeration(let values, _)? = facts.definition("relation")?.type {
                for (index, name) in names.enumerated() where !values.contains(name) {
                    throw HukouError(.pack, path: body.childPath("relation") + "[\(index)]",
                                     zh: "应为以下之一：\(values.joined(separator: ", "))\(Suggest.hint(name, values, zh: true))",
                                     en: "expected one of: \(values.joined(separator: ", "))\(Suggest.hint(name, values, zh: false))")
                }
            }
            relations = names
        }
        let child = try node(try body.require("where"), path: body.childPath("where"), depth: depth + 1)
        try body.finish()
        guard child.size < Self.maxConditionNodes else { throw tooLarge(body.childPath("where")) }
        return (.family(FamilyQuantifier(rawValue: form) ?? .some, relations: relations, child.condition, info), child.height + 1, child.size + 1)
    }

    /// Not exactly one form (out of ``node`` to keep its frame small), with the nearest
    /// form to an unknown member when there is none ("did you mean `all`?").
    @inline(never)
    private static func formError(_ keys: [String], found: [String], path: String) -> HukouError {
        var hint = (zh: "", en: "")
        if found.isEmpty, let key = keys.first(where: { !["id", "label", "citation"].contains($0) }) {
            let names = forms + ["op", "value", "param", "of"]
            hint = (Suggest.hint(key, names, zh: true), Suggest.hint(key, names, zh: false))
        }
        return HukouError(.pack, path: path, zh: "条件必须恰好包含 all、any、not、ref、fact、some、every 之一\(hint.zh)",
                          en: "a condition must have exactly one of all, any, not, ref, fact, some, every\(hint.en)")
    }

    /// `all` / `any` (out of ``node``: each level of a deep condition costs only the
    /// frames of the forms it uses).
    @inline(never)
    private mutating func list(_ form: String, _ reader: inout ObjectReader, info: NodeInfo, depth: Int) throws(HukouError) -> (condition: Condition, height: Int, size: Int) {
        guard let list = try reader.array(form), !list.isEmpty else {
            throw reader.fail(form, zh: "应为非空条件数组", en: "expected a non-empty array of conditions")
        }
        var children: [Condition] = []
        var height = 0, size = 1
        for (index, child) in list.enumerated() {
            let childPath = reader.childPath(form) + "[\(index)]"
            let compiledChild = try node(child, path: childPath, depth: depth + 1)
            children.append(compiledChild.condition)
            height = max(height, compiledChild.height + 1)
            size += compiledChild.size
            guard size <= Self.maxConditionNodes else { throw tooLarge(childPath) }
        }
        return (form == "all" ? .all(children, info) : .any(children, info), height, size)
    }

    // Error messages with "did you mean": out of the recursive functions, whose stack
    // frames must stay small (the deepest accepted conditions compile on a 256 KiB stack).

    @inline(never)
    func unknownFact(_ name: String, path: String) -> HukouError {
        HukouError(.pack, path: path, zh: "未知的事实 \"\(name)\"（未在 facts.json 或本政策包的 facts 中声明）\(Suggest.hint(name, facts.names, zh: true))",
                   en: "unknown fact \"\(name)\" (not declared in facts.json or this pack's facts)\(Suggest.hint(name, facts.names, zh: false))")
    }

    @inline(never)
    static func unknownOperator(_ name: String, path: String) -> HukouError {
        let names = ComparisonOperator.allCases.map(\.rawValue)
        let list = names.joined(separator: " ")
        return HukouError(.pack, path: path, zh: "未知的运算符，应为：\(list)\(Suggest.hint(name, names, zh: true))",
                          en: "unknown operator; expected one of: \(list)\(Suggest.hint(name, names, zh: false))")
    }

    /// A `ref` node at `depth` counts as one level, holding the definition one level down
    /// (so a chain of references is as deep as it is long, and cannot exhaust the stack).
    private mutating func reference(_ name: String, path: String, info: NodeInfo, depth: Int) throws(HukouError) -> (condition: Condition, height: Int, size: Int) {
        if let done = compiled[name] {
            // The definition's root is at depth + 1, its deepest node `height` further down.
            guard depth + 1 + done.height < Self.maxDepth else { throw tooDeep(path) }
            return (merge(done.condition, info: info, definition: name), done.height + 1, done.size)
        }
        guard let definition = definitions[name] else {
            throw HukouError(.pack, path: path, zh: "引用了不存在的定义 \"\(name)\"\(Suggest.hint(name, Array(definitions.keys), zh: true))",
                             en: "reference to an undefined definition \"\(name)\"\(Suggest.hint(name, Array(definitions.keys), zh: false))")
        }
        if inProgress.contains(name) {
            let cycle = (inProgress + [name]).joined(separator: " → ")
            throw HukouError(.pack, path: path, zh: "定义之间存在循环引用：\(cycle)", en: "definitions refer to each other in a cycle: \(cycle)")
        }
        inProgress.append(name)
        let result = try node(definition.value, path: definition.path, depth: depth + 1)
        inProgress.removeLast()
        compiled[name] = result
        return (merge(result.condition, info: info, definition: name), result.height + 1, result.size)
    }

    /// The referenced condition, with the referring node's label and citation where it gives them.
    private func merge(_ condition: Condition, info: NodeInfo, definition: String) -> Condition {
        var merged = condition.info
        merged.definition = definition
        if let id = info.id { merged.id = id }
        if let label = info.label { merged.label = label }
        if let citation = info.citation { merged.citation = citation }
        switch condition {
        case .all(let children, _): return .all(children, merged)
        case .any(let children, _): return .any(children, merged)
        case .not(let child, _): return .not(child, merged)
        case .leaf(let leaf): return .leaf(Leaf(info: merged, fact: leaf.fact, op: leaf.op, operand: leaf.operand, of: leaf.of))
        case .family(let quantifier, let relations, let child, _): return .family(quantifier, relations: relations, child, merged)
        }
    }

    private func leaf(_ reader: inout ObjectReader, info: NodeInfo) throws(HukouError) -> Leaf {
        let factName = try reader.requiredString("fact")
        guard let fact = facts.definition(factName) else { throw unknownFact(factName, path: reader.childPath("fact")) }
        let opName = try reader.requiredString("op")
        guard let op = ComparisonOperator(rawValue: opName) else { throw Self.unknownOperator(opName, path: reader.childPath("op")) }
        let ofName = try reader.choice("of", ["subject", "applicant"]) ?? "subject"
        let of = Leaf.Subject(rawValue: ofName) ?? .subject
        let hasValue = reader.has("value"), hasParam = reader.has("param")
        guard hasValue != hasParam else {
            throw HukouError(.pack, path: reader.path, zh: "比较条件必须恰好包含 value 或 param 之一",
                             en: "a comparison must have exactly one of value or param")
        }
        let operand: Operand
        if hasParam {
            let id = try reader.requiredString("param")
            guard let parameter = parameters[id] else {
                throw reader.fail("param", zh: "引用了不存在的参数 \"\(id)\"\(Suggest.hint(id, Array(parameters.keys), zh: true))",
                                  en: "reference to an undefined parameter \"\(id)\"\(Suggest.hint(id, Array(parameters.keys), zh: false))")
            }
            operand = .parameter(parameter)
            for dated in parameter.values {
                try check(fact: fact, op: op, value: dated.value, path: reader.childPath("param"))
            }
        } else {
            operand = try literal(try reader.require("value"), fact: fact, op: op, path: reader.childPath("value"))
        }
        try checkOperator(fact: fact, op: op, path: reader.childPath("op"))
        return Leaf(info: info, fact: fact, op: op, operand: operand, of: of)
    }

    private func checkOperator(fact: FactDefinition, op: ComparisonOperator, path: String) throws(HukouError) {
        let allowed: Bool
        switch fact.type {
        case .bool: allowed = op == .isValue || op == .equal || op == .notEqual
        case .integer, .decimal, .date: allowed = op != .inSet && op != .notInSet && op != .isValue
        case .enumeration(_, let ranks): allowed = op != .isValue && (!op.isOrdering || ranks != nil)
        case .text: allowed = op == .equal || op == .notEqual || op == .inSet || op == .notInSet
        }
        guard allowed else {
            throw HukouError(.pack, path: path, zh: "运算符 \(op.rawValue) 不适用于\(fact.type.name)类型的事实 \(fact.name)",
                             en: "operator \(op.rawValue) does not apply to \(fact.name), a \(fact.type.name) fact")
        }
    }

    private func literal(_ value: JSONValue, fact: FactDefinition, op: ComparisonOperator, path: String) throws(HukouError) -> Operand {
        let mismatch = HukouError(.pack, path: path, zh: "值的类型与事实 \(fact.name)（\(fact.type.name)）及运算符 \(op.rawValue) 不符",
                                  en: "value does not match fact \(fact.name) (\(fact.type.name)) with operator \(op.rawValue)")
        switch (fact.type, value) {
        case (.bool, .bool(let flag)):
            return .bool(flag)
        case (.integer, .integer(let n)):
            guard n >= Int64(packIntegerRange.lowerBound), n <= Int64(packIntegerRange.upperBound) else {
                throw HukouError(.pack, path: path, zh: "整数超出 ±1000000", en: "integer beyond ±1000000")
            }
            return .integer(Int(n))
        case (.decimal, .integer), (.decimal, .double):
            guard let number = Fixed(json: value), number.raw.magnitude <= UInt64(packIntegerRange.upperBound) * UInt64(Fixed.scale) else {
                throw HukouError(.pack, path: path, zh: "应为 ±1000000 以内、至多四位小数的数", en: "expected a number within ±1000000 with at most four decimals")
            }
            return .decimal(number)
        case (.date, .string(let text)):
            guard let date = CivilDate(iso: text) else {
                throw HukouError(.pack, path: path, zh: "应为存在的日期 YYYY-MM-DD", en: "expected an existing date YYYY-MM-DD")
            }
            return .date(date)
        case (.enumeration, .string(let name)) where op != .inSet && op != .notInSet:
            try check(fact: fact, op: op, value: .strings([name]), path: path)
            return .enumeration(name)
        case (.enumeration, .array), (.text, .array), (.text, .string):
            var names: [String] = []
            if case .string(let single) = value, op == .equal || op == .notEqual {
                names = [single]
            } else if case .array(let items) = value, op == .inSet || op == .notInSet {
                for item in items {
                    guard case .string(let name) = item else { throw mismatch }
                    names.append(name)
                }
            } else {
                throw mismatch
            }
            try check(fact: fact, op: op, value: .strings(names), path: path)
            if case .text = fact.type { names = names.map { districts.canonical($0) ?? $0 } }
            return .strings(names)
        default:
            throw mismatch
        }
    }

    /// Checks a value (literal or parameter value) against the fact's vocabulary.
    private func check(fact: FactDefinition, op: ComparisonOperator, value: Parameter.Value, path: String) throws(HukouError) {
        switch (fact.type, value) {
        case (.integer, .integer), (.decimal, .integer): return
        case (.enumeration(let vocabulary, _), .strings(let names)):
            for name in names where !vocabulary.contains(name) {
                throw HukouError(.pack, path: path, zh: "\"\(name)\" 不是事实 \(fact.name) 的取值，应为：\(vocabulary.joined(separator: ", "))\(Suggest.hint(name, vocabulary, zh: true))",
                                 en: "\"\(name)\" is not a value of fact \(fact.name); expected one of: \(vocabulary.joined(separator: ", "))\(Suggest.hint(name, vocabulary, zh: false))")
            }
        case (.text, .strings(let names)):
            guard fact.vocabulary == "districts", !districts.isEmpty else { return }
            for name in names where districts.canonical(name) == nil {
                throw HukouError(.pack, path: path, zh: "未知的区县 \"\(name)\"（不在本政策包的 districts 中）",
                                 en: "unknown district \"\(name)\" (not in this pack's districts)")
            }
        default:
            throw HukouError(.pack, path: path, zh: "参数或值的类型与事实 \(fact.name)（\(fact.type.name)）不符",
                             en: "parameter or value type does not match fact \(fact.name) (\(fact.type.name))")
        }
    }
}
