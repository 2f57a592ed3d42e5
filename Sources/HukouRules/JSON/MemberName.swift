// SPDX-License-Identifier: Apache-2.0
/// How a member name taken from a request appears in an error message.
///
/// Error messages never carry personal data (hukou.h): no byte of a request's member
/// names or values appears in a message unless it is a word of the request schema's own
/// vocabulary. An unknown or duplicate member is therefore named only when its name is a
/// schema field name (misplaced, or repeated); any other name, however harmless it looks
/// ("asof", "E12345678", "wang_fang_110101199003077777"), is shown by its position in its
/// object ("#3" for the third member), with the nearest schema field name as a hint when
/// one is within two edits ("did you mean \"as_of\"?"). Pack member names are policy,
/// not personal data, and are shown as they are.
enum MemberName {
    /// Every member name of the request schema (docs/schema/request.schema.json; a test
    /// keeps the two equal): the request's own members and every segment of the request
    /// paths declared in the common fact vocabulary (Policies/facts.json). Members of a
    /// city's own facts are shown by position, like any other unknown name.
    static let schemaNames: Set<String> = {
        var names: Set<String> = ["applicant", "as_of", "city", "detail", "family", "jurisdiction", "locale"]
        for fact in FactCatalogue.base.facts {
            guard let path = fact.path else { continue }
            for segment in path.split(separator: ".") { names.insert(String(segment)) }
        }
        return names
    }()

    /// The schema names in a fixed order (suggestions are deterministic).
    static let sortedSchemaNames: [String] = schemaNames.sorted()

    /// Whether `key` may appear in a message: it is a word of the request schema.
    static func isShowable(_ key: String) -> Bool {
        key.utf8.count <= 64 && schemaNames.contains(key)
    }

    /// `key` when showable, else "#position" (1-based position of the member in its object).
    static func shown(_ key: String, position: Int) -> String {
        isShowable(key) ? key : "#\(position)"
    }

    /// Longest name for which a suggestion is looked for (bounds the work of a failure).
    static let maxSuggestedBytes = 40

    /// The schema field name within two edits (insertions, deletions, substitutions,
    /// transpositions of ASCII bytes) of `key`, the nearest and then the first in sorted
    /// order; nil when there is none or `key` is itself a schema name.
    static func suggestion(for key: String) -> String? {
        let bytes = Array(key.utf8)
        guard !bytes.isEmpty, bytes.count <= maxSuggestedBytes, !schemaNames.contains(key) else { return nil }
        var best: (name: String, distance: Int)?
        for name in sortedSchemaNames {
            let candidate = Array(name.utf8)
            guard abs(candidate.count - bytes.count) <= 2 else { continue }
            let distance = editDistance(bytes, candidate)
            if distance <= 2, distance < (best?.distance ?? 3) { best = (name, distance) }
        }
        return best?.name
    }

    /// Optimal-string-alignment distance (Levenshtein with adjacent transpositions),
    /// the same measure as the packs' "did you mean" (``Suggest``).
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int { Suggest.editDistance(a, b) }

    /// The message for an unknown member of a request: "unknown field (check the
    /// spelling)", with the nearest schema name when there is one.
    static func unknownField(_ key: String) -> (zh: String, en: String) {
        if let near = suggestion(for: key) {
            return ("未知字段（请检查拼写；是否应为 \"\(near)\"？）", "unknown field (check the spelling; did you mean \"\(near)\"?)")
        }
        return ("未知字段（请检查拼写）", "unknown field (check the spelling)")
    }
}
