// SPDX-License-Identifier: Apache-2.0
// Hostile inputs through the C ABI, as kiosk firmware calls it (issue 6).
//
// Every expected status and message below follows from the conventions of
// Include/hukou.h ("Status", "Ownership", "Input text", "Limits", "Threads", "Output"):
// the library answers every input with a status, names the field (a JSON path) or the
// problem (with the byte offset) in hukou_last_error(), never echoes personal data, and
// never traps. docs/robustness.md lists the limits and decisions these tests pin down.

import CHukou
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Calling the C API

/// An engine made by hukou_engine_new, freed with the last reference.
final class CEngine: @unchecked Sendable {
    let handle: OpaquePointer

    init() throws {
        var engine: OpaquePointer?
        let status = hukou_engine_new(&engine)
        let made = try #require(engine, "hukou_engine_new failed: \(String(cString: hukou_last_error()))")
        #expect(status == HUKOU_OK)
        handle = made
    }

    deinit { hukou_engine_free(handle) }

    /// hukou_engine_load_pack; the status and the calling thread's last error.
    func load(_ pack: String) -> (status: Int32, error: String) {
        let bytes = Array(pack.utf8)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { hukou_engine_load_pack(handle, $0.baseAddress, $0.count) }
        }
        return (status, String(cString: hukou_last_error()))
    }
}

/// The three decision calls.
enum Decision: String, CaseIterable, Sendable {
    case eligibility, points, entitlements

    func call(_ engine: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: Int,
              _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        switch self {
        case .eligibility: return hukou_check_eligibility(engine, request, length, out)
        case .points: return hukou_score_points(engine, request, length, out)
        case .entitlements: return hukou_lookup_entitlements(engine, request, length, out)
        }
    }
}

/// What one call gave: its status, the answer (freed already) and the thread's last error.
struct Reply: Equatable, Sendable, CustomStringConvertible {
    let status: Int32
    let answer: String?
    let error: String
    /// False when a failed call left something other than NULL in *out_json.
    let outCleared: Bool

    var description: String { "\(String(cString: hukou_status_name(status))) \(answer ?? "") \(error)" }
}

/// A pointer the library must overwrite (never dereferenced or freed by the tests).
nonisolated(unsafe) private let sentinel = UnsafeMutablePointer<CChar>(bitPattern: 0x10)

func ask(_ engine: CEngine, bytes: [UInt8], call decision: Decision = .eligibility) -> Reply {
    var out: UnsafeMutablePointer<CChar>? = sentinel
    let status = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { decision.call(engine.handle, $0.baseAddress, $0.count, &out) }
    }
    let error = String(cString: hukou_last_error())
    var answer: String?
    if status == HUKOU_OK, let out, out != sentinel {
        answer = String(cString: out)
        hukou_string_free(out)
    }
    return Reply(status: status, answer: answer, error: error, outCleared: status == HUKOU_OK || out == nil)
}

func ask(_ engine: CEngine, _ text: String, call decision: Decision = .eligibility) -> Reply {
    ask(engine, bytes: Array(text.utf8), call: decision)
}

/// A valid Anyang request (locale en) with `applicant` members and extra top-level members.
func anyangRequest(applicant: String = #""birth_date":"1990-03-07","social_insurance":{"months":8,"paying":true}"#,
                   extra: String = "", asOf: String = #""2026-11-25""#) -> String {
    #"{"jurisdiction":"anyang","as_of":"# + asOf + #","locale":"en","applicant":{"# + applicant + "}" + extra + "}"
}

/// The repository's root, from this file's path (Tests/HukouCABITests/<file>).
func repositoryFile(_ relative: String) -> String {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/" + relative
}

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}

/// The byte offset of the first occurrence of `needle` in `text`.
func byteOffset(of needle: String, in text: String) -> Int? {
    let haystack = Array(text.utf8), pattern = Array(needle.utf8)
    guard pattern.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - pattern.count) where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
        return start
    }
    return nil
}

/// The example requests of examples/requests (helper-written; the documented examples).
let exampleRequests = ["anyang", "fujian-quanzhou", "tianjin", "wenzhou", "wenzhou-leqing"]

// MARK: - Malformed bytes

@Suite("Hostile input: malformed bytes (hukou.h Input text)")
struct MalformedBytesTests {
    @Test func emptyRequestIsMisuse() throws {
        // hukou.h: HUKOU_E_MISUSE for "len 0".
        let engine = try CEngine()
        var out: UnsafeMutablePointer<CChar>? = sentinel
        let byte: CChar = 0x7B
        let status = withUnsafePointer(to: byte) { hukou_check_eligibility(engine.handle, $0, 0, &out) }
        #expect(status == HUKOU_E_MISUSE)
        #expect(out == nil)
        #expect(String(cString: hukou_last_error()).contains("len is 0"))
    }

    @Test func whitespaceOnlyIsATruncatedText() throws {
        let reply = ask(try CEngine(), " \n\t\r ")
        #expect(reply.status == HUKOU_E_PARSE)
        #expect(reply.outCleared)
        #expect(reply.error.contains("truncated JSON: expected a value (byte 5)"))
    }

    @Test func truncatedRequestNamesTheByte() throws {
        let full = anyangRequest()
        let cut = String(full.prefix(40)) // inside the as_of string
        #expect(cut.hasSuffix(#""as_of":"2026-1"#))
        let reply = ask(try CEngine(), cut)
        #expect(reply.status == HUKOU_E_PARSE)
        #expect(reply.error.contains("truncated JSON"))
        #expect(reply.error.contains("(byte \(cut.utf8.count))"))
    }

    @Test(arguments: [
        // (bytes of a value for "city", what the message says)
        ([0xC3, 0x28], "not valid UTF-8"),             // a lead byte without its continuation
        ([0xC0, 0xAF], "not valid UTF-8"),             // overlong encoding of "/"
        ([0xED, 0xA0, 0x80], "not valid UTF-8"),       // UTF-8 encoded surrogate U+D800
        ([0xF4, 0x90, 0x80, 0x80], "not valid UTF-8"), // beyond U+10FFFF
        ([0xFF], "not valid UTF-8"),
    ] as [([UInt8], String)])
    func invalidUTF8InAStringIsAParseError(_ value: [UInt8], _ problem: String) throws {
        let prefix = Array(#"{"jurisdiction":"anyang","city":""#.utf8)
        let bytes = prefix + value + Array(#"","as_of":"2026-11-25","applicant":{}}"#.utf8)
        let reply = ask(try CEngine(), bytes: bytes)
        #expect(reply.status == HUKOU_E_PARSE)
        #expect(reply.error.contains(problem))
        #expect(reply.error.contains("(byte \(prefix.count))")) // where the string's content starts
    }

    @Test func invalidUTF8OutsideStringsIsAParseError() throws {
        let bytes = Array(#"{"jurisdiction":"anyang","as_of":"#.utf8) + [0xFF] + Array("}".utf8)
        let reply = ask(try CEngine(), bytes: bytes)
        #expect(reply.status == HUKOU_E_PARSE)
        #expect(reply.error.contains("expected a JSON value"))
    }

    @Test func oneByteOrderMarkIsSkipped() throws {
        // hukou.h: "A leading UTF-8 byte-order mark is skipped."
        let engine = try CEngine()
        let plain = ask(engine, anyangRequest())
        let marked = ask(engine, bytes: [0xEF, 0xBB, 0xBF] + Array(anyangRequest().utf8))
        #expect(plain.status == HUKOU_OK)
        #expect(marked == plain)
        // Only one: a second mark is content, not JSON.
        let twice = ask(engine, bytes: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(anyangRequest().utf8))
        #expect(twice.status == HUKOU_E_PARSE)
        #expect(twice.error.contains("(byte 3)"))
    }

    @Test func bytesAreReadOnlyWithinLen() throws {
        // hukou.h: bytes "need not be NUL-terminated and are read only within [ptr, ptr+len)".
        let engine = try CEngine()
        let text = Array(anyangRequest().utf8)
        let withGarbage = text + Array("}}}garbage".utf8)
        var out: UnsafeMutablePointer<CChar>?
        let status = withGarbage.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { hukou_check_eligibility(engine.handle, $0.baseAddress, text.count, &out) }
        }
        #expect(status == HUKOU_OK)
        hukou_string_free(out)
    }

    @Test func nulBytesInsideLenAreRejected() throws {
        let engine = try CEngine()
        // A NUL after the document, counted in len: content after the value.
        let trailing = ask(engine, bytes: Array(anyangRequest().utf8) + [0])
        #expect(trailing.status == HUKOU_E_PARSE)
        #expect(trailing.error.contains("unexpected content after the JSON value (byte \(anyangRequest().utf8.count))"))
        // A NUL inside a string: an unescaped control character (RFC 8259 §7).
        let inside = ask(engine, bytes: Array(#"{"jurisdiction":"any"#.utf8) + [0] + Array(#"ang","as_of":"2026-11-25","applicant":{}}"#.utf8))
        #expect(inside.status == HUKOU_E_PARSE)
        #expect(inside.error.contains("unescaped control character in a string (byte 20)"))
        // An escaped NUL is valid JSON, but no jurisdiction has that name.
        let escaped = ask(engine, #"{"jurisdiction":"any\u0000ang","as_of":"2026-11-25","applicant":{}}"#)
        #expect(escaped.status == HUKOU_E_UNKNOWN_JURISDICTION)
        #expect(escaped.error.hasPrefix("jurisdiction: "))
    }

    @Test(arguments: [
        ("NaN", "expected a JSON value"),
        ("Infinity", "expected a JSON value"),
        ("-Infinity", "malformed number"),
        ("1e400", "number out of range"),
        ("-1e400", "number out of range"),
        ("08", "leading zeros"),
    ])
    func nonFiniteAndMalformedNumbersAreParseErrors(_ number: String, _ problem: String) throws {
        let request = anyangRequest(applicant: #""social_insurance":{"months":"# + number + "}")
        let offset = try #require(byteOffset(of: #""months":"# + number, in: request)) + #""months":"#.utf8.count
        let reply = ask(try CEngine(), request)
        #expect(reply.status == HUKOU_E_PARSE)
        #expect(reply.error.contains(problem))
        // The message locates the token: its byte offset (or the byte right after "-"/"0").
        let located = reply.error.contains("(byte \(offset))") || reply.error.contains("(byte \(offset + 1))")
        #expect(located, "\(reply.error) does not point at byte \(offset)")
    }

    @Test func duplicateKeysAreParseErrors() throws {
        // hukou.h / docs/robustness.md: duplicate member names are rejected, never "last wins".
        let reply = ask(try CEngine(), anyangRequest(extra: #","as_of":"2020-01-01""#))
        #expect(reply.status == HUKOU_E_PARSE)
        #expect(reply.error.contains(#"duplicate member name "as_of""#))
    }
}

// MARK: - Wrong types and ranges

@Suite("Hostile input: valid JSON, invalid request (hukou.h Status)")
struct InvalidRequestTests {
    @Test(arguments: [
        // (applicant members, path, what was expected)
        (#""social_insurance":{"months":"8"}"#, "applicant.social_insurance.months", "expected an integer from 0 to 1200, found string"),
        (#""social_insurance":{"months":8.5}"#, "applicant.social_insurance.months", "expected an integer from 0 to 1200, found number"),
        (#""social_insurance":{"months":-1}"#, "applicant.social_insurance.months", "expected an integer from 0 to 1200"),
        (#""social_insurance":{"months":100000}"#, "applicant.social_insurance.months", "expected an integer from 0 to 1200"),
        (#""social_insurance":{"months":9223372036854775808}"#, "applicant.social_insurance.months", "expected an integer from 0 to 1200, found number"),
        (#""housing_fund":{"consecutive_full_months":-12}"#, "applicant.housing_fund.consecutive_full_months", "expected an integer from 0 to 1200"),
        (#""points_record":{"violations":101}"#, "applicant.points_record.violations", "expected an integer from 0 to 100"),
        (#""married":"true""#, "applicant.married", "expected true or false, found string"),
        (#""married":1"#, "applicant.married", "expected true or false, found number"),
        (#""birth_date":19900307"#, "applicant.birth_date", "expected a string, found number"),
        (#""birth_date":"2017-02-30""#, "applicant.birth_date", "expected an existing date YYYY-MM-DD"),
        (#""birth_date":"2017-2-3""#, "applicant.birth_date", "expected an existing date YYYY-MM-DD"),
        (#""birth_date":"99999-01-01""#, "applicant.birth_date", "expected an existing date YYYY-MM-DD"),
        (#""residence":{"since":"2023-13-01"}"#, "applicant.residence.since", "expected an existing date YYYY-MM-DD"),
        (#""education":{"level":"phd"}"#, "applicant.education.level", "expected one of: none, primary"),
        (#""hukou":[]"#, "applicant.hukou", "expected an object, found array"),
    ])
    func wrongTypeOrRangeNamesTheField(_ applicant: String, _ path: String, _ expected: String) throws {
        let reply = ask(try CEngine(), anyangRequest(applicant: applicant))
        #expect(reply.status == HUKOU_E_INVALID)
        #expect(reply.outCleared)
        #expect(reply.error.hasPrefix(path + ": "), "\(reply.error)")
        #expect(reply.error.contains(expected), "\(reply.error)")
    }

    @Test func asOfAsANumberOrAnImpossibleDate() throws {
        let engine = try CEngine()
        let number = ask(engine, anyangRequest(asOf: "20261125"))
        #expect(number.status == HUKOU_E_INVALID)
        #expect(number.error == "as_of: expected a string, found number")
        for date in ["2017-02-30", "99999-11-25", "1899-12-31", "0000-01-01"] {
            let reply = ask(engine, anyangRequest(asOf: "\"\(date)\""))
            #expect(reply.status == HUKOU_E_INVALID)
            #expect(reply.error == "as_of: expected an existing date YYYY-MM-DD (years 1900–2200)")
        }
        // 2020 is a leap year: 29 February exists (and the Anyang pack is in force).
        #expect(ask(engine, anyangRequest(asOf: #""2020-02-29""#)).status == HUKOU_OK)
    }

    @Test func unknownFieldsAreRejectedWithTheirPath() throws {
        // hukou.h: "Unknown fields are rejected (HUKOU_E_INVALID) so that a misspelt fact is
        // never silently treated as missing."
        let engine = try CEngine()
        let top = ask(engine, anyangRequest(extra: #","asof":"2026-11-25""#))
        #expect(top.status == HUKOU_E_INVALID)
        // Not a schema name: shown by position, with the schema name it is nearest to (issue 14).
        #expect(top.error == #"#5: unknown field (check the spelling; did you mean "as_of"?)"#)
        let nested = ask(engine, anyangRequest(applicant: #""social_insurance":{"monthz":8}"#))
        #expect(nested.status == HUKOU_E_INVALID)
        #expect(nested.error == #"applicant.social_insurance.#1: unknown field (check the spelling; did you mean "months"?)"#)
        let family = ask(engine, anyangRequest(extra: #","family":[{"relation":"spouse"},{"relation":"child","schol":{}}]"#))
        #expect(family.status == HUKOU_E_INVALID)
        #expect(family.error == #"family[1].#2: unknown field (check the spelling; did you mean "school"?)"#)
        // A schema name in the wrong place is named: it is the schema's own word.
        let misplaced = ask(engine, anyangRequest(extra: #","months":8"#))
        #expect(misplaced.error == "months: unknown field (check the spelling)")
    }

    @Test func tooManyFamilyMembersIsALimit() throws {
        // docs/robustness.md: a family of at most 32 members.
        let engine = try CEngine()
        func family(_ count: Int) -> String {
            #","family":["# + Array(repeating: #"{"relation":"other"}"#, count: count).joined(separator: ",") + "]"
        }
        #expect(ask(engine, anyangRequest(extra: family(32))).status == HUKOU_OK)
        let reply = ask(engine, anyangRequest(extra: family(33)))
        #expect(reply.status == HUKOU_E_LIMIT)
        #expect(reply.error == "family: at most 32 family members")
    }
}

// MARK: - Limits

@Suite("Hostile input: limits (hukou.h Limits)")
struct LimitTests {
    @Test func nestingBeyondTheDepthLimit() throws {
        let engine = try CEngine()
        // 100 000 levels: refused at level HUKOU_MAX_DEPTH + 1, without exhausting the stack.
        let deep = anyangRequest(extra: #","deep":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        let reply = ask(engine, deep)
        #expect(reply.status == HUKOU_E_LIMIT)
        #expect(reply.error.contains("nesting deeper than \(HUKOU_MAX_DEPTH) levels"))
        // Exactly the limit (the top-level object is level 1) parses; the member is then unknown.
        let levels = Int(HUKOU_MAX_DEPTH) - 1
        let atLimit = anyangRequest(extra: #","deep":"# + String(repeating: "[", count: levels) + String(repeating: "]", count: levels))
        let ok = ask(engine, atLimit)
        #expect(ok.status == HUKOU_E_INVALID)
        #expect(ok.error == "#5: unknown field (check the spelling)")
        let overLimit = anyangRequest(extra: #","deep":"# + String(repeating: "[", count: levels + 1) + String(repeating: "]", count: levels + 1))
        #expect(ask(engine, overLimit).status == HUKOU_E_LIMIT)
    }

    @Test func requestSizeLimitIsExact() throws {
        let engine = try CEngine()
        let limit = Int(HUKOU_MAX_REQUEST_BYTES)
        #expect(limit == 1024 * 1024)
        // Padded with JSON whitespace to exactly the limit: answered.
        let text = Array(anyangRequest().utf8)
        let exact = text + [UInt8](repeating: 0x20, count: limit - text.count)
        #expect(ask(engine, bytes: exact).status == HUKOU_OK)
        // One byte more: refused before parsing.
        let over = ask(engine, bytes: exact + [0x20])
        #expect(over.status == HUKOU_E_LIMIT)
        #expect(over.error.contains("request larger than 1048576 bytes"))
    }

    @Test func fiftyMegabyteRequestIsALimit() throws {
        let engine = try CEngine()
        let huge = [UInt8](repeating: UInt8(ascii: "["), count: 50 * 1024 * 1024)
        for decision in Decision.allCases {
            let reply = ask(engine, bytes: huge, call: decision)
            #expect(reply.status == HUKOU_E_LIMIT)
            #expect(reply.outCleared)
            #expect(reply.error.contains("request larger than 1048576 bytes"))
        }
    }

    @Test func oversizedOrDeepPackIsALimit() throws {
        let engine = try CEngine()
        // HUKOU_MAX_PACK_BYTES is (16 * 1024 * 1024), a macro Swift does not import.
        let huge = String(repeating: " ", count: 16 * 1024 * 1024) + "{}"
        let big = engine.load(huge)
        #expect(big.status == HUKOU_E_LIMIT)
        #expect(big.error.contains("pack larger than 16777216 bytes"))
        let deep = engine.load(String(repeating: "[", count: 100_000))
        #expect(deep.status == HUKOU_E_LIMIT)
        #expect(deep.error.contains("nesting deeper than 64 levels"))
    }
}

// MARK: - NULL arguments

@Suite("Hostile input: NULL arguments (hukou.h HUKOU_E_MISUSE)")
struct NullArgumentTests {
    @Test func engineNewWithNullOut() {
        #expect(hukou_engine_new(nil) == HUKOU_E_MISUSE)
        #expect(String(cString: hukou_last_error()) == "out 为 NULL / out is NULL")
    }

    @Test func loadPackWithNullArguments() throws {
        let engine = try CEngine()
        let pack = "{}"
        #expect(hukou_engine_load_pack(nil, pack, 2) == HUKOU_E_MISUSE)
        #expect(String(cString: hukou_last_error()).contains("engine is NULL"))
        #expect(hukou_engine_load_pack(engine.handle, nil, 2) == HUKOU_E_MISUSE)
        #expect(String(cString: hukou_last_error()).contains("json is NULL"))
        #expect(hukou_engine_load_pack(engine.handle, pack, 0) == HUKOU_E_MISUSE)
        #expect(String(cString: hukou_last_error()).contains("len is 0"))
    }

    @Test(arguments: Decision.allCases)
    func decisionWithNullArguments(_ decision: Decision) throws {
        let engine = try CEngine()
        let request = anyangRequest()
        let length = request.utf8.count
        var out: UnsafeMutablePointer<CChar>? = sentinel
        #expect(decision.call(nil, request, length, &out) == HUKOU_E_MISUSE)
        #expect(out == nil) // hukou.h: "On failure the out-parameter is set to NULL"
        #expect(String(cString: hukou_last_error()).contains("engine is NULL"))
        out = sentinel
        #expect(decision.call(engine.handle, nil, length, &out) == HUKOU_E_MISUSE)
        #expect(out == nil)
        #expect(String(cString: hukou_last_error()).contains("req is NULL"))
        #expect(decision.call(engine.handle, request, length, nil) == HUKOU_E_MISUSE)
        #expect(String(cString: hukou_last_error()).contains("out_json is NULL"))
        #expect(decision.call(nil, nil, 0, nil) == HUKOU_E_MISUSE)
        // Every call resets the last error.
        #expect(ask(engine, request, call: decision).status == HUKOU_OK)
        #expect(String(cString: hukou_last_error()) == "")
    }

    @Test func trustedEngineWithNullOrImpossibleArguments() {
        // hukou.h: HUKOU_E_MISUSE "(out or public_keys NULL, or key_count 0 or above 64)".
        let keys = [UInt8](repeating: 7, count: 65 * 32)
        var engine: OpaquePointer? = OpaquePointer(bitPattern: 0x10)
        #expect(hukou_engine_new_trusted(nil, 1, &engine) == HUKOU_E_MISUSE)
        #expect(engine == nil)
        #expect(String(cString: hukou_last_error()).contains("public_keys is NULL"))
        #expect(hukou_engine_new_trusted(keys, 1, nil) == HUKOU_E_MISUSE)
        #expect(String(cString: hukou_last_error()).contains("out is NULL"))
        for count in [0, 65] {
            #expect(hukou_engine_new_trusted(keys, count, &engine) == HUKOU_E_MISUSE)
            #expect(engine == nil)
            #expect(String(cString: hukou_last_error()).contains("key_count must be 1 to 64"))
        }
    }

    @Test func freeingNullIsANoOp() {
        hukou_engine_free(nil)
        hukou_string_free(nil)
        #expect(String(cString: hukou_status_name(-1)) == "HUKOU_E_UNKNOWN_STATUS")
    }
}

// MARK: - Hostile packs

/// A minimal valid pack with `sections` appended (id "hostile", in force from 2020).
func hostilePack(id: String = "hostile", from: String = "2020-01-01", _ sections: String) -> String {
    """
    {"format":"hukou-pack/1","id":"\(id)","version":"h1","name":{"zh":"测试","en":"test"},
     "document":{"title":{"zh":"测试","en":"test"},"number":"测〔2020〕1号"},
     "effective_from":"\(from)",\(sections)}
    """
}

func pathway(_ condition: String) -> String {
    #""pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":"# + condition + "}]"
}

@Suite("Hostile input: packs (hukou.h HUKOU_E_PACK)")
struct HostilePackTests {
    @Test func definitionCycleNamesThePath() throws {
        let engine = try CEngine()
        let result = engine.load(hostilePack(#""definitions":{"a":{"ref":"b"},"b":{"ref":"a"}},"# + pathway(#"{"ref":"a"}"#)))
        #expect(result.status == HUKOU_E_PACK)
        #expect(result.error.hasPrefix("definitions.b.ref: "))
        #expect(result.error.contains("definitions refer to each other in a cycle: a → b → a"))
    }

    @Test func danglingReferencesNameThePath() throws {
        let engine = try CEngine()
        let parameter = engine.load(hostilePack(pathway(#"{"fact":"age","op":">=","param":"nope"}"#)))
        #expect(parameter.status == HUKOU_E_PACK)
        #expect(parameter.error.hasPrefix("pathways[0].condition.param: "))
        #expect(parameter.error.contains(#"reference to an undefined parameter "nope""#))
        let definition = engine.load(hostilePack(pathway(#"{"any":[{"ref":"missing"}]}"#)))
        #expect(definition.status == HUKOU_E_PACK)
        #expect(definition.error.hasPrefix("pathways[0].condition.any[0].ref: "))
        #expect(definition.error.contains(#"reference to an undefined definition "missing""#))
    }

    @Test func unknownFactNamesThePath() throws {
        // hukou.h's own example of a HUKOU_E_PACK message.
        let engine = try CEngine()
        let result = engine.load(hostilePack(pathway(#"{"all":[{"fact":"social_insurance.yeras","op":">=","value":1}]}"#)))
        #expect(result.status == HUKOU_E_PACK)
        #expect(result.error.hasPrefix("pathways[0].condition.all[0].fact: "))
        #expect(result.error.contains(#"unknown fact "social_insurance.yeras""#))
    }

    @Test func longReferenceChainIsTooDeep() throws {
        // Each ref is one level (docs/robustness.md): a 40-long chain exceeds 32 levels
        // instead of recursing 40 (or 400 000) frames deep.
        let engine = try CEngine()
        var definitions: [String] = []
        for index in 0..<40 { definitions.append(#""d\#(index)":{"ref":"d\#(index + 1)"}"#) }
        definitions.append(#""d40":{"fact":"married","op":"is","value":true}"#)
        let result = engine.load(hostilePack(#""definitions":{"# + definitions.joined(separator: ",") + "}," + pathway(#"{"ref":"d0"}"#)))
        #expect(result.status == HUKOU_E_PACK)
        #expect(result.error.contains("conditions nested deeper than 32 levels"))
    }

    @Test func exponentialExpansionIsRefused() throws {
        // e0 refers to e1 ten times, e1 to e2 ten times, ...: 10^6 leaves from 1 KB of pack.
        let engine = try CEngine()
        var definitions: [String] = []
        for index in 0..<6 {
            let refs = Array(repeating: #"{"ref":"e\#(index + 1)"}"#, count: 10).joined(separator: ",")
            definitions.append(#""e\#(index)":{"all":["# + refs + "]}")
        }
        definitions.append(#""e6":{"fact":"married","op":"is","value":true}"#)
        let result = engine.load(hostilePack(#""definitions":{"# + definitions.joined(separator: ",") + "}," + pathway(#"{"ref":"e0"}"#)))
        #expect(result.status == HUKOU_E_PACK)
        #expect(result.error.contains("more than 10000 nodes once references are expanded"))
    }

    @Test func failedLoadLeavesTheEngineUnchanged() throws {
        // hukou.h: "On failure the engine is unchanged."
        let engine = try CEngine()
        let before = ask(engine, anyangRequest())
        #expect(before.status == HUKOU_OK)
        // Same id and date as the embedded Anyang pack, so a success would replace it.
        let bad = engine.load(hostilePack(id: "anyang", from: "2018-03-12", pathway(#"{"fact":"nope","op":"is","value":true}"#)))
        #expect(bad.status == HUKOU_E_PACK)
        #expect(ask(engine, anyangRequest()) == before)
        let unknown = ask(engine, #"{"jurisdiction":"hostile","as_of":"2026-11-25","applicant":{}}"#)
        #expect(unknown.status == HUKOU_E_UNKNOWN_JURISDICTION)
    }
}

// MARK: - Privacy and determinism

@Suite("Privacy: no personal data in error messages (hukou.h Status)")
struct PrivacyTests {
    /// Personal data a request may carry; none may appear in any error message.
    static let personal = ["张伟", "Zhang Wei", "110101199003071234", "1990-03-07", "1990-02-30", "13800138000"]

    @Test(arguments: [
        // a name and an ID number in unknown fields
        anyangRequest(applicant: #""name":"张伟","id_number":"110101199003071234","birth_date":"1990-03-07""#),
        // a name as a member name (misplaced), top level and nested
        anyangRequest(extra: #","张伟":{"birth_date":"1990-03-07"}"#),
        anyangRequest(applicant: #""110101199003071234":true"#),
        // an impossible birth date
        anyangRequest(applicant: #""birth_date":"1990-02-30""#),
        // personal data in a value of the wrong type or outside a vocabulary
        anyangRequest(applicant: #""married":"Zhang Wei""#),
        anyangRequest(extra: #","family":[{"relation":"张伟"}]"#),
        anyangRequest(applicant: #""residence":{"district":13800138000}"#),
        // a name as the jurisdiction, and as a duplicate member name
        #"{"jurisdiction":"张伟","as_of":"2026-11-25","applicant":{}}"#,
        #"{"jurisdiction":"anyang","张伟":1,"张伟":2}"#,
        #"{"jurisdiction":"anyang","Zhang Wei":1,"Zhang Wei":2}"#,
    ])
    func errorsNeverEchoPersonalData(_ request: String) throws {
        let engine = try CEngine()
        for decision in Decision.allCases {
            let reply = ask(engine, request, call: decision)
            #expect(reply.status != HUKOU_OK)
            #expect(!reply.error.isEmpty)
            for value in Self.personal {
                #expect(!reply.error.contains(value), "\(decision): \(reply.error)")
            }
        }
    }

    @Test func misplacedNamesAreShownByPosition() throws {
        let engine = try CEngine()
        let reply = ask(engine, anyangRequest(extra: #","张伟":{"birth_date":"1990-03-07"}"#))
        #expect(reply.status == HUKOU_E_INVALID)
        // the 5th member of the top-level object
        #expect(reply.error == "#5: unknown field (check the spelling)")
    }
}

@Suite("Determinism: same request, byte-identical answer (hukou.h Output)")
struct DeterminismTests {
    @Test(arguments: exampleRequests)
    func sameRequestSameBytes(_ name: String) throws {
        let request = try #require(readFile(repositoryFile("examples/requests/\(name).json")), "examples/requests/\(name).json")
        let first = try CEngine()
        let second = try CEngine()
        for decision in Decision.allCases {
            let a = ask(first, bytes: request, call: decision)
            #expect(a.status == HUKOU_OK, "\(decision) \(name): \(a.error)")
            #expect(ask(first, bytes: request, call: decision) == a)
            #expect(ask(second, bytes: request, call: decision) == a)
        }
    }
}

// MARK: - Threads

/// A closure run on its own POSIX thread.
private final class ThreadBody: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Runs `body(index)` on `count` new threads (not the cooperative pool) and joins them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    var threads: [pthread_t] = []
    for index in 0..<count {
        let context = Unmanaged.passRetained(ThreadBody { body(index) }).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, context)
        #expect(status == 0)
        if status == 0 { threads.append(thread) } else { Unmanaged<ThreadBody>.fromOpaque(context).release() }
    }
    for thread in threads { pthread_join(thread, nil) }
}

/// Runs `body` on one new thread with a stack of `stackBytes` and joins it.
func onThread(stackBytes: Int, _ body: @escaping @Sendable () -> Void) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    #expect(pthread_attr_setstacksize(&attributes, stackBytes) == 0)
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(&thread, &attributes, { raw in
        guard let raw else { return nil }
        Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().run()
        return nil
    }, context)
    #expect(status == 0)
    if status == 0 { pthread_join(thread, nil) } else { Unmanaged<ThreadBody>.fromOpaque(context).release() }
}

/// Per-thread result slots: thread i writes only slot i; pthread_join publishes them.
private final class Slots<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>
    let count: Int
    init(_ count: Int, _ initial: Value) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: initial, count: count)
    }
    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
    subscript(index: Int) -> Value {
        get { base[index] }
        set { base[index] = newValue }
    }
}

/// A POSIX barrier for `count` threads.
private final class Barrier: @unchecked Sendable {
    private let barrier = UnsafeMutablePointer<pthread_barrier_t>.allocate(capacity: 1)
    init(_ count: Int) { pthread_barrier_init(barrier, nil, UInt32(count)) }
    deinit {
        pthread_barrier_destroy(barrier)
        barrier.deallocate()
    }
    func wait() { pthread_barrier_wait(barrier) }
}

@Suite("Threads: one engine, many threads (hukou.h Threads)")
struct ThreadTests {
    /// A mixed workload: every example request with every call, and failing requests.
    static func workload() throws -> [(Decision, [UInt8])] {
        var work: [(Decision, [UInt8])] = []
        for name in exampleRequests {
            let request = try #require(readFile(repositoryFile("examples/requests/\(name).json")))
            for decision in Decision.allCases { work.append((decision, request)) }
        }
        for (index, bad) in [anyangRequest(applicant: #""birth_date":"2017-02-30""#), "{", anyangRequest(extra: #","x":1"#),
                             #"{"jurisdiction":"atlantis","as_of":"2026-11-25","applicant":{}}"#].enumerated() {
            work.append((Decision.allCases[index % 3], Array(bad.utf8)))
        }
        return work
    }

    @Test func eightThreadsMatchASingleThread() throws {
        let engine = try CEngine()
        let work = try Self.workload()
        let expected = work.map { ask(engine, bytes: $0.1, call: $0.0) }
        #expect(expected.filter { $0.status == HUKOU_OK }.count == exampleRequests.count * 3)
        let rounds = 4
        let results = Slots<[Reply]>(8, [])
        onThreads(8) { thread in
            var replies: [Reply] = []
            for round in 0..<rounds {
                // Each thread walks the workload from its own offset, so calls interleave.
                for step in 0..<work.count {
                    let index = (step + thread * 3 + round) % work.count
                    replies.append(ask(engine, bytes: work[index].1, call: work[index].0))
                }
            }
            results[thread] = replies
        }
        for thread in 0..<8 {
            let replies = results[thread]
            #expect(replies.count == rounds * work.count)
            for (offset, reply) in replies.enumerated() {
                let step = offset % work.count, round = offset / work.count
                let index = (step + thread * 3 + round) % work.count
                #expect(reply == expected[index], "thread \(thread), call \(offset)")
            }
        }
    }

    @Test func deepestInputsRunOnASmallThreadStack() throws {
        // Kiosk firmware may call from threads with small stacks (musl's default is 128 KiB).
        // Every recursion is bounded (JSON 64 levels, conditions 32, indicators 4), so the
        // deepest accepted inputs must run on a 256 KiB stack, even in a debug build.
        let engine = try CEngine()
        // 32 levels (the limit): 31 `not`s around a leaf.
        var condition = #"{"fact":"married","op":"is","value":true}"#
        for _ in 0..<31 { condition = #"{"not":"# + condition + "}" }
        let levels = Int(HUKOU_MAX_DEPTH) - 1
        let deepRequest = anyangRequest(extra: #","deep":"# + String(repeating: "[", count: levels) + String(repeating: "]", count: levels))
        let deepCondition = hostilePack(id: "deeper", pathway(condition))
        let results = Slots<[Int32]>(1, [])
        // AddressSanitizer's redzones make every frame several times larger: under a
        // sanitizer (`make sanitize`) the same inputs get 1 MiB.
        let sanitized = dlsym(nil, "__asan_init") != nil || dlsym(nil, "__tsan_init") != nil
        onThread(stackBytes: (sanitized ? 1024 : 256) * 1024) {
            var statuses: [Int32] = []
            statuses.append(engine.load(deepCondition).status)
            statuses.append(ask(engine, deepRequest).status)
            for decision in Decision.allCases {
                statuses.append(ask(engine, #"{"jurisdiction":"deeper","as_of":"2026-11-25","applicant":{"married":true}}"#, call: decision).status)
            }
            // The same with detail: outcome (the summary's walk, ConditionEvaluator.summary).
            for decision in Decision.allCases {
                statuses.append(ask(engine, #"{"jurisdiction":"deeper","as_of":"2026-11-25","detail":"outcome","applicant":{"married":true}}"#,
                                    call: decision).status)
            }
            results[0] = statuses
        }
        // The pack loads (32 levels is the limit), the 64-level request is parsed (then refused
        // for its unknown member), and the three calls answer from the 32-level condition.
        // The three calls answer the same with detail: outcome.
        #expect(results[0] == [HUKOU_OK, HUKOU_E_INVALID, HUKOU_OK, HUKOU_OK, HUKOU_OK, HUKOU_OK, HUKOU_OK, HUKOU_OK])
    }

    /// Schema names that do not belong at the top level of a request: one per thread.
    static let misplaced = ["months", "since", "level", "stage", "held", "issued", "local", "paying"]

    @Test func lastErrorIsPerThread() throws {
        let engine = try CEngine()
        let barrier = Barrier(8)
        let seen = Slots<(first: String, afterOthers: String, pointerStable: Bool)>(8, ("", "", false))
        onThreads(8) { thread in
            // Each thread fails with its own misplaced field (a schema name, so it is named)...
            let reply = ask(engine, anyangRequest(extra: #","\#(Self.misplaced[thread])":1"#))
            let pointer: UnsafePointer<CChar> = hukou_last_error()
            barrier.wait()
            // ...then even threads succeed while odd threads make no call at all.
            if thread % 2 == 0 { _ = ask(engine, anyangRequest()) }
            barrier.wait()
            let now = String(cString: hukou_last_error())
            let stable = thread % 2 == 1 ? String(cString: pointer) == reply.error : true
            seen[thread] = (reply.error, now, stable)
        }
        for thread in 0..<8 {
            let record = seen[thread]
            #expect(record.first == "\(Self.misplaced[thread]): unknown field (check the spelling)")
            // An odd thread still sees its own message; an even thread's success reset only its own.
            #expect(record.afterOthers == (thread % 2 == 1 ? record.first : ""))
            #expect(record.pointerStable)
        }
    }
}
