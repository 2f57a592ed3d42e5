// SPDX-License-Identifier: Apache-2.0
import Foundation
import HukouRules
import Yams

/// YAML text to ``JSONValue``, for case files. Scalars resolve as in YAML 1.2's core schema,
/// so that what policy staff write means what it looks like: `true`/`false` are booleans
/// but `yes`, `no`, `on`, `off` stay text (Tianjin's `may_apply: no` is the text "no"),
/// dates stay text, whole numbers are integers, `~` and `null` are null. Mapping order is kept.
public enum YAMLDocument {
    /// Booleans of YAML 1.2 only (Yams's default also takes yes/no/on/off, as YAML 1.1 did).
    static let resolver: Resolver = {
        var resolver = Resolver.basic
        for rule in [Resolver.Rule.int, .float, .null] { resolver = resolver.appending(rule) }
        // The pattern is a constant; appending only fails for an invalid pattern.
        if let bool = try? Resolver.Rule(.bool, "^(?:true|True|TRUE|false|False|FALSE)$") { resolver = resolver.appending(bool) }
        return resolver
    }()

    /// The largest YAML text accepted (a bound on the work of one parse).
    public static let maxBytes = 4 * 1024 * 1024

    /// Parses one YAML document. Errors name the line and column.
    public static func parse(_ text: String) throws(CaseFileError) -> JSONValue {
        guard text.utf8.count <= maxBytes else { throw CaseFileError("", "larger than \(maxBytes) bytes") }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, resolver)
        } catch {
            throw CaseFileError("", "not valid YAML: \(error)")
        }
        guard let node else { throw CaseFileError("", "empty document") }
        return try value(node, path: "", depth: 0)
    }

    private static func place(_ node: Node, _ path: String) -> String {
        let at = node.mark.map { "line \($0.line), column \($0.column)" } ?? ""
        return path.isEmpty ? at : (at.isEmpty ? path : "\(path) (\(at))")
    }

    private static func value(_ node: Node, path: String, depth: Int) throws(CaseFileError) -> JSONValue {
        guard depth < 64 else { throw CaseFileError(place(node, path), "nested more than 64 levels") }
        switch node {
        case .scalar(let scalar):
            return try self.scalar(scalar, node: node, path: path)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for (index, element) in sequence.enumerated() {
                elements.append(try value(element, path: "\(path)[\(index)]", depth: depth + 1))
            }
            return .array(elements)
        case .mapping(let mapping):
            var members: [JSONMember] = []
            for (key, element) in mapping {
                guard let name = key.scalar?.string else { throw CaseFileError(place(key, path), "a key must be a text") }
                let childPath = path.isEmpty ? name : path + "." + name
                if members.contains(where: { $0.key == name }) { throw CaseFileError(place(key, childPath), "duplicate key") }
                members.append(JSONMember(name, try value(element, path: childPath, depth: depth + 1)))
            }
            return .object(members)
        case .alias:
            throw CaseFileError(place(node, path), "anchors and aliases (&, *) are not supported: use bases and patch")
        }
    }

    private static func scalar(_ scalar: Node.Scalar, node: Node, path: String) throws(CaseFileError) -> JSONValue {
        let text = scalar.string
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .null: return .null
        case .bool: return .bool(text.lowercased() == "true")
        case .int:
            guard let number = Int64(text.replacingOccurrences(of: "_", with: "")) else {
                throw CaseFileError(place(node, path), "not a whole number in decimal: \(text)")
            }
            return .integer(number)
        case .float:
            guard let number = Double(text.replacingOccurrences(of: "_", with: "")), number.isFinite else {
                throw CaseFileError(place(node, path), "not a finite number: \(text)")
            }
            return .double(number)
        default: return .string(text)
        }
    }
}
