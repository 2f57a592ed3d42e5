// SPDX-License-Identifier: Apache-2.0
/// A compiled, type-checked condition over applicant facts.
///
/// JSON forms (docs/packs.md):
/// - `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`
/// - `{"ref": "definition_id"}`: a named condition of the pack's `definitions`
/// - leaf: `{"fact": "social_insurance.months", "op": ">=", "value": 12}` or
///   `"param": "id"` instead of `"value"`; ops `== != < <= > >= in not_in is`
/// Every node may carry `"id"`, `"label": {"zh","en"}` and `"citation"`; a leaf may say
/// `"of": "applicant"` to test the applicant while judging a family member.
/// - `{"some": {"relation": ["spouse"], "where": {...}}}`, `{"every": {...}}`: family
///   quantifiers over the request's family members (with one of the relations, when
///   given), judging `where` with each member as subject.
public indirect enum Condition: Sendable {
    case all([Condition], NodeInfo)
    case any([Condition], NodeInfo)
    case not(Condition, NodeInfo)
    case leaf(Leaf)
    case family(FamilyQuantifier, relations: [String]?, Condition, NodeInfo)

    public var info: NodeInfo {
        switch self {
        case .all(_, let info), .any(_, let info), .not(_, let info), .family(_, _, _, let info): return info
        case .leaf(let leaf): return leaf.info
        }
    }
}

/// "Some family member …" or "every family member …".
public enum FamilyQuantifier: String, Sendable {
    case some, every
}

/// Labels and citation of a condition node.
///
/// Its members live in one immutable box: every judged node carries its condition's info,
/// so a copy costs one reference count instead of five (issue 15's profiles); a setter (used
/// only while a pack is compiled) makes a new box.
public struct NodeInfo: Sendable {
    private final class Box: Sendable {
        let id: String?
        let label: LocalizedText?
        let citation: String?
        let definition: String?

        init(id: String?, label: LocalizedText?, citation: String?, definition: String?) {
            self.id = id
            self.label = label
            self.citation = citation
            self.definition = definition
        }
    }

    private var box: Box

    public var id: String? {
        get { box.id }
        set { box = Box(id: newValue, label: box.label, citation: box.citation, definition: box.definition) }
    }
    public var label: LocalizedText? {
        get { box.label }
        set { box = Box(id: box.id, label: newValue, citation: box.citation, definition: box.definition) }
    }
    public var citation: String? {
        get { box.citation }
        set { box = Box(id: box.id, label: box.label, citation: newValue, definition: box.definition) }
    }
    /// The definition a `ref` node expanded, if any.
    public var definition: String? {
        get { box.definition }
        set { box = Box(id: box.id, label: box.label, citation: box.citation, definition: newValue) }
    }

    public init(id: String? = nil, label: LocalizedText? = nil, citation: String? = nil, definition: String? = nil) {
        box = Box(id: id, label: label, citation: citation, definition: definition)
    }
}

public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case inSet = "in"
    case notInSet = "not_in"
    case isValue = "is"

    var isOrdering: Bool {
        switch self {
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    var symbol: String {
        switch self {
        case .equal: return "="
        case .notEqual: return "≠"
        case .less: return "<"
        case .lessOrEqual: return "≤"
        case .greater: return ">"
        case .greaterOrEqual: return "≥"
        case .inSet: return "∈"
        case .notInSet: return "∉"
        case .isValue: return "="
        }
    }
}

/// What a leaf compares the fact with.
public enum Operand: Sendable {
    case bool(Bool)
    case integer(Int)
    case enumeration(String)
    case strings([String])
    case decimal(Fixed)
    case date(CivilDate)
    /// A pack parameter, resolved on the as-of date.
    case parameter(Parameter)
}

/// A comparison of one fact with an operand. A class, immutable once compiled: evaluating
/// a condition matches `.leaf(let leaf)` at every leaf of every call, and a struct of five
/// members was copied there with a retain per member (5–11 % of a batch applicant).
public final class Leaf: Sendable {
    public enum Subject: String, Sendable {
        /// The person being judged (the applicant, or a family member for followers and entitlements).
        case subject
        /// Always the applicant.
        case applicant
    }

    public let info: NodeInfo
    public let fact: FactDefinition
    public let op: ComparisonOperator
    public let operand: Operand
    public let of: Subject

    init(info: NodeInfo, fact: FactDefinition, op: ComparisonOperator, operand: Operand, of: Subject) {
        self.info = info
        self.fact = fact
        self.op = op
        self.operand = operand
        self.of = of
    }
}
