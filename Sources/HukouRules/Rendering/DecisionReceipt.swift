// SPDX-License-Identifier: Apache-2.0
/// The three questions a decision receipt can be made for.
public enum Question: String, Sendable, CaseIterable {
    case eligibility, points, entitlements

    /// The letter of the question in a verification code.
    var letter: String {
        switch self {
        case .eligibility: return "E"
        case .points: return "P"
        case .entitlements: return "S"
        }
    }
}

/// What a decision receipt proves, besides the verdict lines: which rules answered
/// (pack ids, serials, content hashes) and a keyed digest of the request.
public struct ReceiptProvenance: Sendable, Equatable {
    public struct Pack: Sendable, Equatable {
        public var id: String
        public var serial: Int
        /// The first 16 hex digits (64 bits) of the pack's SHA-256 content hash.
        public var hashPrefix: String
    }

    public var question: Question
    public var asOf: String
    public var packs: [Pack]
    /// One letter per verdict of the answer, in answer order (Y N U O A: yes, no, unknown,
    /// open, not applicable).
    public var marks: String
    /// The first 16 hex digits of the SHA-256 of the answer's verdict list (ids and
    /// result tokens; independent of the locale).
    public var verdictDigest: String
    /// HMAC-SHA-256 of the canonical request (locale left out), lowercase hex.
    public var requestDigest: String

    /// The compact string for a QR code:
    /// `HK1|E|2026-11-25|anyang:0:1a2b…,national:0:…|YNNU|<verdicts 16 hex>|<request 64 hex>`.
    public var code: String {
        let packList = packs.map { "\($0.id):\($0.serial):\($0.hashPrefix)" }.joined(separator: ",")
        return ["HK1", question.letter, asOf, packList, marks, verdictDigest, requestDigest].joined(separator: "|")
    }
}

/// A decision receipt: the answer's verdict lines on paper with the provenance that lets
/// a service center reproduce the decision later without holding the citizen's data
/// (docs/rendering.md). The request digest is keyed (HMAC-SHA-256 with a key the kiosk's
/// firmware supplies), so that the small space of birth dates and counts in a request
/// cannot be searched by whoever holds a receipt.
public struct DecisionReceipt: Sendable {
    /// Shortest key accepted (128 bits).
    public static let minimumKeyBytes = 16
    /// Longest key accepted.
    public static let maximumKeyBytes = 1024

    public let provenance: ReceiptProvenance
    public let answer: JSONValue
    /// The fact declarations of the pack that answered: the words for its facts and values.
    public let facts: FactCatalogue

    /// Answers `request` on `engine` and makes its receipt.
    /// - Throws: the decision call's errors; `.misuse` for a key outside 16…1024 bytes.
    public static func make(engine: Engine, request: JSONValue, question: Question, key: [UInt8]) throws(HukouError) -> DecisionReceipt {
        guard key.count >= minimumKeyBytes, key.count <= maximumKeyBytes else {
            throw HukouError(.misuse, path: "key", zh: "密钥应为 \(minimumKeyBytes) 到 \(maximumKeyBytes) 字节",
                             en: "the key must be \(minimumKeyBytes) to \(maximumKeyBytes) bytes")
        }
        let parsed = try engine.readRequest(request)
        let answer: JSONValue
        switch question {
        case .eligibility: answer = try engine.eligibility(parsed)
        case .points: answer = try engine.points(parsed)
        case .entitlements: answer = try engine.entitlements(parsed)
        }
        var packs: [ReceiptProvenance.Pack] = []
        let main = try engine.registry.pack(parsed.jurisdiction, on: parsed.asOf)
        packs.append(.init(id: main.id, serial: main.serial, hashPrefix: String(main.contentHash.prefix(16))))
        if main.id != "national", let national = engine.registry.national(on: parsed.asOf) {
            packs.append(.init(id: national.id, serial: national.serial, hashPrefix: String(national.contentHash.prefix(16))))
        }
        let verdicts = verdictList(answer)
        let marks = String(verdicts.compactMap { entry -> Character? in
            // The validity of the texts first: I in force, X ended, F not yet in force.
            if entry.id == "validity" { return ["in_force": "I", "expired": "X", "not_yet_in_force": "F"][entry.result] ?? "U" }
            return entry.context.map { mark(Verdict(token: entry.result, context: $0)) }
        })
        let verdictBytes = Array(verdicts.map { "\($0.id)=\($0.result)" }.joined(separator: "\n").utf8)
        let digest = HMACSHA256.authenticate(canonicalRequest(request), key: key)
        let provenance = ReceiptProvenance(
            question: question, asOf: parsed.asOf.description, packs: packs, marks: marks,
            verdictDigest: String(Hex.encode(SHA256.hash(verdictBytes)).prefix(16)), requestDigest: Hex.encode(digest))
        return DecisionReceipt(provenance: provenance, answer: answer, facts: main.facts)
    }

    /// The printable receipt, `columns` wide (32 or 48), in the answer's locale.
    public func text(columns: Int) -> String {
        Renderer.printable(ReceiptFormatter(AnswerLayout(answer, facts: facts).layout(), columns: columns, provenance: provenance).render())
    }

    /// The outcome of checking a verification code against a recomputed receipt.
    public enum Check: Sendable, Equatable {
        case matches
        /// The code is not a receipt code of this format.
        case malformed
        /// Another question or another date.
        case differentQuestion
        /// Other rules answered (another pack version or content).
        case differentRules
        /// The same rules give other verdicts (cannot happen for the same request).
        case differentVerdicts
        /// Another request, or another key.
        case differentRequest
    }

    /// Compares a code printed earlier with this (recomputed) receipt, naming the first
    /// part that differs.
    public func check(code: String) -> Check {
        let parts = code.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let mine = provenance.code.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 7, parts[0] == "HK1" else { return .malformed }
        if parts[1] != mine[1] || parts[2] != mine[2] { return .differentQuestion }
        if parts[3] != mine[3] { return .differentRules }
        guard let tag = Hex.decode(parts[6]), tag.count == 32, let expected = Hex.decode(mine[6]) else { return .malformed }
        var difference: UInt8 = 0
        for index in tag.indices { difference |= tag[index] ^ expected[index] }
        if difference != 0 { return .differentRequest }
        if parts[4] != mine[4] || parts[5] != mine[5] { return .differentVerdicts }
        return .matches
    }

    // MARK: - Canonical forms

    /// The request as the digest sees it: members sorted by name at every level, written
    /// compactly, the locale left out (the language changes no verdict).
    static func canonicalRequest(_ request: JSONValue) -> [UInt8] {
        func sorted(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let members):
                return .object(members.map { JSONMember($0.key, sorted($0.value)) }.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) })
            case .array(let elements):
                return .array(elements.map(sorted))
            default:
                return value
            }
        }
        guard case .object(let members) = request else { return JSONWriter.serialize(sorted(request)) }
        return JSONWriter.serialize(sorted(.object(members.filter { $0.key != "locale" })))
    }

    struct VerdictEntry {
        var id: String
        var result: String
        /// nil for values that are not verdicts (the score, the status assumed): in the
        /// digest, not among the marks.
        var context: VerdictContext?
    }

    /// Every verdict of an answer, in answer order, with an id that does not depend on
    /// the locale.
    static func verdictList(_ answer: JSONValue) -> [VerdictEntry] {
        var list: [VerdictEntry] = []
        func add(_ id: String, _ result: JSONValue?, _ context: VerdictContext) {
            if let token = result?.stringValue { list.append(VerdictEntry(id: id, result: token, context: context)) }
        }
        if let own = answer["own_rules"] { add("own_rules", own["result"], .pathway) }
        add("validity", answer["validity"]?["status"], .pathway)
        for pathway in answer["pathways"]?.elements ?? [] {
            let id = pathway["id"]?.stringValue ?? "?"
            add(id, pathway["result"], .pathway)
            for follower in pathway["followers"]?.elements ?? [] {
                add("\(id)/\(follower["member"]?.intValue ?? -1)", follower["result"], .follower)
            }
        }
        for group in answer["priority_groups"]?.elements ?? [] { add(group["id"]?.stringValue ?? "?", group["result"], .group) }
        if let total = Labels.number(answer["total"]) { list.append(VerdictEntry(id: "total", result: total, context: nil)) }
        if let reaches = answer["reaches_threshold"]?.boolValue { add("reaches_threshold", .string(reaches ? "yes" : "no"), .points) }
        add("may_apply", answer["may_apply"], .points)
        for requirement in answer["requirements"]?.elements ?? [] { add(requirement["id"]?.stringValue ?? "?", requirement["result"], .requirement) }
        for veto in answer["vetoes"]?.elements ?? [] { add(veto["id"]?.stringValue ?? "?", veto["result"], .veto) }
        if let status = answer["status_assumed"]?.stringValue { list.append(VerdictEntry(id: "status", result: status, context: nil)) }
        add("residence_permit", answer["residence_permit"]?["result"], .permit)
        for person in answer["people"]?.elements ?? [] {
            let who = person["member"]?.stringValue ?? "\(person["member"]?.intValue ?? -1)"
            for item in person["items"]?.elements ?? [] { add("\(who)/\(item["id"]?.stringValue ?? "?")", item["result"], .service) }
        }
        return list
    }

    private static func mark(_ verdict: Verdict) -> Character {
        switch verdict {
        case .yes: return "Y"
        case .no: return "N"
        case .unknown: return "U"
        case .open: return "O"
        case .notApplicable: return "A"
        }
    }
}
