// SPDX-License-Identifier: Apache-2.0
/// The facts one jurisdiction's conditions may test and its requests may carry: the
/// common vocabulary (Policies/facts.json, embedded) plus those the pack declares (and
/// those of the packs it extends). Nothing here names a jurisdiction's fact: every fact
/// is data (docs/packs.md "Facts", docs/facts.md).
public final class FactCatalogue: Sendable {
    /// Every fact, in declaration order (common vocabulary first).
    public let facts: [FactDefinition]
    private let byName: [String: FactDefinition]
    /// The request shape of a person object, for the applicant and for a family member.
    let applicantShape: RequestShape
    let familyShape: RequestShape
    /// Input month counters that grow while their flag holds (projections advance them).
    let accruing: [FactDefinition]
    /// The declarations of `relation` and `status` (common vocabulary), found once: a
    /// family quantifier reads each member's relation, and entitlements the status.
    let relation: FactDefinition?
    let status: FactDefinition?

    /// `facts[i].index == i` for every fact: catalogues are built by ``FactDeclarations``,
    /// which appends each new fact at the index it gave it.
    init(_ facts: [FactDefinition]) {
        assert(facts.indices.allSatisfy { facts[$0].index == $0 }, "a fact's index is its position in the catalogue")
        self.facts = facts
        var table: [String: FactDefinition] = [:]
        for fact in facts { table[fact.name] = fact }
        byName = table
        relation = table["relation"]
        status = table["status"]
        applicantShape = RequestShape(facts.filter { $0.path != nil && $0.holder != .family })
        familyShape = RequestShape(facts.filter { $0.path != nil && $0.holder != .applicant })
        accruing = facts.filter { $0.accruesWhile != nil }
    }

    public func definition(_ name: String) -> FactDefinition? { byName[name] }

    /// Whether `fact` is this catalogue's own declaration at its index (then a person read
    /// with this catalogue holds its value at `fact.index`). False for a definition of
    /// another pack, even one with the same name: ``Person`` then looks it up by name.
    @inline(__always)
    func declares(_ fact: FactDefinition) -> Bool {
        fact.index < facts.count && facts[fact.index] === fact
    }

    public var names: [String] { facts.map(\.name) }

    /// What to call a request field when asking for it: the label of the input fact at
    /// that path, else of the first fact that asks for it; "family[i].x" is asked as the
    /// family member's x. The field itself when no fact reads it.
    public func askLabel(_ field: String) -> LocalizedText {
        if field.hasPrefix("family["), let close = field.firstIndex(of: "]") {
            let rest = field[field.index(after: close)...].drop(while: { $0 == "." })
            let inner = askLabel(String(rest))
            return LocalizedText(zh: "家庭成员的\(inner.zh)", en: "a family member's \(inner.en)")
        }
        for fact in facts where fact.path == field { return fact.label }
        for fact in facts where fact.askFor == field { return fact.label }
        return LocalizedText(zh: field, en: field)
    }

    // MARK: - The common vocabulary

    /// The common vocabulary (Policies/facts.json), read on first use; empty when it is
    /// invalid (``baseError`` says why; the test suite loads it).
    public static let base: FactCatalogue = {
        switch loaded {
        case .success(let catalogue): return catalogue
        case .failure: return FactCatalogue([])
        }
    }()

    /// Why the embedded vocabulary failed to load, if it did.
    public static var baseError: HukouError? {
        if case .failure(let error) = loaded { return error }
        return nil
    }

    private static let loaded: Result<FactCatalogue, HukouError> = loadBase()

    private static func loadBase() -> Result<FactCatalogue, HukouError> {
        do throws(HukouError) {
            let value = try JSONParser.parse(EmbeddedPacks.facts)
            var reader = try ObjectReader(value, path: "", status: .pack)
            guard try reader.requiredString("format") == "hukou-facts/1" else {
                throw reader.fail("format", zh: "应为 \"hukou-facts/1\"", en: "expected \"hukou-facts/1\"")
            }
            _ = try reader.value("comment")
            _ = try reader.string("$schema")
            guard let list = try reader.array("facts") else { throw reader.fail("facts", zh: "缺少事实列表", en: "missing the facts") }
            try reader.finish()
            return .success(try FactDeclarations.read(list, path: "facts", onto: FactCatalogue([]), declaredBy: "facts.json"))
        } catch {
            return .failure(error)
        }
    }
}

/// The member tree of a person object in a request, built from the input facts' paths.
final class RequestShape: Sendable {
    enum Entry: Sendable {
        case fact(key: String, FactDefinition)
        case group(key: String, RequestShape)
    }

    let entries: [Entry]
    /// The UTF-8 bytes of each entry's key, for ``RequestReader`` (member names compared as
    /// bytes, RFC 8259 §8.3, without making a String of each).
    let keys: [[UInt8]]
    /// `keys` by a hash of their bytes, for ``RequestReader`` (``MemberLookup``).
    let lookup: MemberLookup

    convenience init(_ facts: [FactDefinition]) {
        self.init(items: facts.compactMap { fact in fact.path.map { (fact, $0) } })
    }

    /// Each fact with the rest of its path below this level, in declaration order.
    private init(items: [(fact: FactDefinition, path: String)]) {
        var order: [String] = []
        var leaves: [String: FactDefinition] = [:]
        var nested: [String: [(fact: FactDefinition, path: String)]] = [:]
        for item in items {
            let parts = item.path.split(separator: ".", maxSplits: 1).map(String.init)
            guard let head = parts.first else { continue }
            if !order.contains(head) { order.append(head) }
            if parts.count == 1 {
                leaves[head] = item.fact
            } else {
                nested[head, default: []].append((item.fact, parts[1]))
            }
        }
        var entries: [Entry] = []
        for head in order {
            if let fact = leaves[head] {
                entries.append(.fact(key: head, fact))
            } else if let children = nested[head] {
                entries.append(.group(key: head, RequestShape(items: children)))
            }
        }
        self.entries = entries
        keys = entries.map { entry in
            switch entry {
            case .fact(let key, _), .group(let key, _): return Array(key.utf8)
            }
        }
        lookup = MemberLookup(keys)
    }
}
