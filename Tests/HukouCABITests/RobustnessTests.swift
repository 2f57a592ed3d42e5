// SPDX-License-Identifier: Apache-2.0
// Security and robustness through the C ABI (issue 14, items 2–7): rollback across
// restarts, bounded work, no personal data in errors, loads while serving, handle
// checks, and the small ones. Expected values follow from Include/hukou.h (the
// "robustness" section and the conventions) and docs/robustness.md.

import CHukou
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Helpers

/// The English part of a message written in both languages ("path: 中文 / English"):
/// "path: English". Messages in one language are returned as they are.
func english(_ message: String) -> String {
    let bytes = Array(message.utf8), slash = Array(" / ".utf8), colon = Array(": ".utf8)
    func find(_ pattern: [UInt8], from start: Int = 0) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        for index in start...(bytes.count - pattern.count) where bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
            return index
        }
        return nil
    }
    guard let split = find(slash) else { return message }
    let tail = String(decoding: bytes[(split + slash.count)...], as: UTF8.self)
    guard let pathEnd = find(colon), pathEnd < split else { return tail }
    return String(decoding: bytes[..<pathEnd], as: UTF8.self) + ": " + tail
}

/// `text` with every occurrence of `target` replaced (no Foundation in the tests).
func replacing(_ target: String, with replacement: String, in text: String) -> String {
    let source = Array(text.utf8), pattern = Array(target.utf8), with = Array(replacement.utf8)
    guard !pattern.isEmpty else { return text }
    var out: [UInt8] = []
    var index = 0
    while index < source.count {
        if index + pattern.count <= source.count, source[index..<(index + pattern.count)].elementsEqual(pattern) {
            out += with
            index += pattern.count
        } else {
            out.append(source[index])
            index += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}

extension CEngine {
    func setMinSerial(_ id: String, _ serial: Int64) -> (status: Int32, error: String) {
        let status = hukou_engine_set_min_serial(handle, id, serial)
        return (status, String(cString: hukou_last_error()))
    }

    func packSerial(_ id: String) -> (status: Int32, serial: Int64, error: String) {
        var serial: Int64 = 12345
        let status = hukou_engine_pack_serial(handle, id, &serial)
        return (status, serial, String(cString: hukou_last_error()))
    }
}

/// Policies/anyang.json with its serial set to `serial` (the release the policy office
/// would ship next).
func anyangPack(serial: Int) throws -> String {
    let text = String(decoding: try #require(readFile(repositoryFile("Policies/anyang.json"))), as: UTF8.self)
    #expect(text.contains(#""serial": 1,"#))
    return replacing(#""serial": 1,"#, with: #""serial": \#(serial),"#, in: text)
}

/// `count` definitions e0 … that each refer `fanout` times to the next, ending in a leaf:
/// e0 expands to 1 + f + f² + … + f^count nodes.
func fanoutDefinitions(_ count: Int, fanout: Int) -> String {
    var definitions: [String] = []
    for index in 0..<count {
        let refs = Array(repeating: #"{"ref":"e\#(index + 1)"}"#, count: fanout).joined(separator: ",")
        definitions.append(#""e\#(index)":{"all":["# + refs + "]}")
    }
    definitions.append(#""e\#(count)":{"fact":"married","op":"is","value":true}"#)
    return #""definitions":{"# + definitions.joined(separator: ",") + "}"
}

/// `rules` entitlement rules for everyone holding a residence permit, each on e0.
func entitlementRules(_ rules: Int) -> String {
    let list = (0..<rules).map { index in
        #"{"id":"r\#(index)","domain":"conveniences","name":{"zh":"r","en":"r"},"citation":"c","statuses":["residence_permit"],"subjects":"everyone","condition":{"ref":"e0"},"verdict":"entitled","otherwise":"not_entitled"}"#
    }
    return #""entitlements":["# + list.joined(separator: ",") + "]"
}

func family(_ count: Int) -> String {
    #","family":["# + Array(repeating: #"{"relation":"other"}"#, count: count).joined(separator: ",") + "]"
}

// MARK: - 2. Rollback across restarts

@Suite("Rollback across restarts (hukou_engine_set_min_serial, hukou_engine_pack_serial)")
struct RollbackAcrossRestartsTests {
    @Test func embeddedPacksHaveRealSerials() throws {
        // Policies/*.json and Policies/wenzhou/*.json: release 1 of each pack id.
        let engine = try CEngine()
        for id in ["national", "tianjin", "fujian", "wenzhou", "wenzhou/leqing", "wenzhou/yongjia", "anyang"] {
            let reply = engine.packSerial(id)
            #expect(reply.status == HUKOU_OK, "\(id): \(reply.error)")
            #expect(reply.serial == 1, "\(id)")
        }
        let unknown = engine.packSerial("atlantis")
        #expect(unknown.status == HUKOU_E_UNKNOWN_JURISDICTION)
        #expect(unknown.serial == -1)
        #expect(english(unknown.error) == "pack_id: no such pack is loaded")
    }

    @Test func aDowngradeIsRefusedAfterARestart() throws {
        // Before the restart: the kiosk loads release 3 and keeps its serial.
        let before = try CEngine()
        #expect(before.load(try anyangPack(serial: 3)).status == HUKOU_OK)
        let kept = before.packSerial("anyang")
        #expect(kept.status == HUKOU_OK)
        #expect(kept.serial == 3)
        // After the restart a fresh engine would take release 2 (the old behaviour)...
        let fresh = try CEngine()
        #expect(fresh.load(try anyangPack(serial: 2)).status == HUKOU_OK)
        // ...unless the firmware passes the serial it kept.
        let restarted = try CEngine()
        #expect(restarted.setMinSerial("anyang", kept.serial).status == HUKOU_OK)
        let downgrade = restarted.load(try anyangPack(serial: 2))
        #expect(downgrade.status == HUKOU_E_ROLLBACK)
        #expect(english(downgrade.error) == "serial: pack serial 2 is below the lowest serial accepted (3) (rollback refused)")
        #expect(restarted.load(try anyangPack(serial: 3)).status == HUKOU_OK)
        #expect(restarted.packSerial("anyang").serial == 3)
        #expect(ask(restarted, anyangRequest()).status == HUKOU_OK)
    }

    @Test func theEmbeddedPackBelowTheFloorIsWithdrawn() throws {
        // Fail closed: deleting the stored pack must not bring the older embedded one back.
        let engine = try CEngine()
        #expect(engine.setMinSerial("anyang", 2).status == HUKOU_OK)
        for decision in Decision.allCases {
            let reply = ask(engine, anyangRequest(), call: decision)
            #expect(reply.status == HUKOU_E_ROLLBACK, "\(decision)")
            #expect(reply.error == "jurisdiction: the loaded anyang pack is below the lowest serial accepted (2): load a newer pack")
        }
        let serial = engine.packSerial("anyang")
        #expect(serial.status == HUKOU_E_ROLLBACK)
        #expect(serial.serial == -1)
        // Other jurisdictions are untouched.
        let tianjin = try #require(readFile(repositoryFile("examples/requests/tianjin.json")))
        #expect(ask(engine, bytes: tianjin).status == HUKOU_OK)
        // Loading a release at the floor serves again.
        #expect(engine.load(try anyangPack(serial: 2)).status == HUKOU_OK)
        #expect(ask(engine, anyangRequest()).status == HUKOU_OK)
    }

    @Test func aFloorIsOnlyRaised() throws {
        let engine = try CEngine()
        #expect(engine.setMinSerial("anyang", 5).status == HUKOU_OK)
        #expect(engine.setMinSerial("anyang", 2).status == HUKOU_OK)
        #expect(engine.load(try anyangPack(serial: 4)).status == HUKOU_E_ROLLBACK)
        #expect(engine.load(try anyangPack(serial: 5)).status == HUKOU_OK)
        // A floor for a pack not loaded yet applies to its first load.
        #expect(engine.setMinSerial("hostile", 7).status == HUKOU_OK)
        #expect(engine.load(hostilePack(pathway(#"{"fact":"married","op":"is","value":true}"#))).status == HUKOU_E_ROLLBACK)
    }

    @Test func misuseIsRefused() throws {
        let engine = try CEngine()
        #expect(hukou_engine_set_min_serial(nil, "anyang", 1) == HUKOU_E_MISUSE)
        #expect(String(cString: hukou_last_error()).contains("engine is NULL"))
        #expect(hukou_engine_set_min_serial(engine.handle, nil, 1) == HUKOU_E_MISUSE)
        #expect(String(cString: hukou_last_error()).contains("pack_id is NULL"))
        for id in ["", "Anyang", "安阳", String(repeating: "a", count: 65), "wang_fang 110101199003077777"] {
            let reply = engine.setMinSerial(id, 1)
            #expect(reply.status == HUKOU_E_MISUSE, "\(id)")
            #expect(english(reply.error) == "pack_id: expected a pack id (lowercase letters, digits, _ and /, at most 64 bytes)")
        }
        for serial: Int64 in [-1, Int64(Int32.max) + 1, .min, .max] {
            let reply = engine.setMinSerial("anyang", serial)
            #expect(reply.status == HUKOU_E_MISUSE)
            #expect(english(reply.error) == "serial: expected an integer from 0 to 2147483647")
        }
        #expect(engine.setMinSerial("anyang", Int64(Int32.max)).status == HUKOU_OK)
        var serial: Int64 = 9
        #expect(hukou_engine_pack_serial(engine.handle, "anyang", nil) == HUKOU_E_MISUSE)
        #expect(String(cString: hukou_last_error()).contains("out_serial is NULL"))
        #expect(hukou_engine_pack_serial(nil, "anyang", &serial) == HUKOU_E_MISUSE)
        #expect(serial == -1)
        #expect(hukou_engine_pack_serial(engine.handle, nil, &serial) == HUKOU_E_MISUSE)
    }
}

// MARK: - 3. Bounded work

@Suite("Denial of service: the work of a call is bounded before it is done")
struct BoundedWorkTests {
    /// A points table of `count` categorical indicators that all read education.level:
    /// before issue 15 the what-if re-scored every indicator for every indicator's change.
    func pointsPack(indicators count: Int) -> String {
        let list = (0..<count).map { index in
            #"{"id":"i\#(index)","label":{"zh":"i","en":"i"},"citation":"c","kind":"categorical","fact":"education.level","points":{"bachelor":1,"master":2}}"#
        }
        return hostilePack(id: "quadratic", pathway(#"{"fact":"married","op":"is","value":true}"#)
            + #","points":{"citation":"c","threshold":100000,"indicators":["# + list.joined(separator: ",") + "]}")
    }

    /// `count` accrual indicators on one month counter with gates 1, 2, … `count`: each
    /// proposes its own target (the months to its gate), so the what-if is quadratic.
    func gatesPack(indicators count: Int) -> String {
        let list = (0..<count).map { index in
            #"{"id":"g\#(index)","label":{"zh":"g","en":"g"},"citation":"c","kind":"accrual","fact":"social_insurance.months","gate":\#(index + 1),"accrue":"whole_blocks","stages":[{"from":0,"per":1,"points":1}]}"#
        }
        return hostilePack(id: "gates", pathway(#"{"fact":"married","op":"is","value":true}"#)
            + #","points":{"citation":"c","threshold":1000000,"indicators":["# + list.joined(separator: ",") + "]}")
    }

    @Test func whatIfOnOneFactIsLinearAndAdmitted() throws {
        // 3 000 indicators: within every pack limit; 12.7 s per points call before issue 15
        // and refused at load (3 000 changes × 6 000 = 18 000 000 evaluations). Now the
        // 3 000 proposals are one change (education.level → master), scored once on its
        // 3 000 readers: 3 000 score + 3 000 proposals + min(3 000, 2 values) × 3 000 readers
        // = 12 000 evaluations (the projection re-scores nothing: education does not change
        // with time).
        let engine = try CEngine()
        let loaded = engine.load(pointsPack(indicators: 3000))
        #expect(loaded.status == HUKOU_OK, "\(loaded.error)")
        let request = #"{"jurisdiction":"quadratic","as_of":"2026-11-25","applicant":{"education":{"level":"bachelor"}}}"#
        let answer = ask(engine, request, call: .points)
        #expect(answer.status == HUKOU_OK, "\(answer.error)")
        // 3 000 × 1 (bachelor); master would give 3 000 × 2.
        #expect(answer.answer?.contains(#""total":3000"#) == true)
        #expect(answer.answer?.contains(#""indicator":"i0","change":"#) == true)
        #expect(answer.answer?.contains(#""to":"master","points_gained":3000,"new_total":6000"#) == true)
    }

    @Test func quadraticWhatIfIsRefusedAtLoad() throws {
        // 3 000 gates on one counter: 3 000 distinct changes × 3 000 readers = 9 000 000
        // evaluations, plus 120 months × 3 000 indicators that grow with time.
        let engine = try CEngine()
        let result = engine.load(gatesPack(indicators: 3000))
        #expect(result.status == HUKOU_E_LIMIT)
        // 3 000 + 120 × 3 000 + 3 000 proposals + 3 000 × 3 000 = 9 366 000.
        #expect(english(result.error).hasPrefix("points: needs about 9366000 evaluations"))
        #expect(result.error.contains("more than the bound of 2000000 (HUKOU_MAX_CALL_WORK)"))
        // The engine is unchanged.
        let request = #"{"jurisdiction":"gates","as_of":"2026-11-25","applicant":{"social_insurance":{"months":0,"paying":true}}}"#
        #expect(ask(engine, request, call: .points).status == HUKOU_E_UNKNOWN_JURISDICTION)
        // 200 gates: 200 + 120 × 200 + 200 + 200 × 200 = 64 400 evaluations, answered.
        // Months set to k count k points on each of the k gates reached: k². The best
        // change is the last gate's: 200 more months, 40 000 points.
        #expect(engine.load(gatesPack(indicators: 200)).status == HUKOU_OK)
        let answer = ask(engine, request, call: .points)
        #expect(answer.status == HUKOU_OK, "\(answer.error)")
        #expect(answer.answer?.contains(#""total":0"#) == true)
        #expect(answer.answer?.contains(#""indicator":"g199","#) == true)
        #expect(answer.answer?.contains(#""to":200,"points_gained":40000,"new_total":40000"#) == true)
    }

    @Test func entitlementsTimesFamilyIsRefusedBeforeTheWork() throws {
        // 20 rules on a definition expanding to 1 + 9 + 81 + 729 + 6 561 = 7 381 nodes: a
        // 3 KB pack within the 200 000-node pack limit; before issue 14 a 33-person
        // request made each rule's tree 33 times (hundreds of MB of answer).
        let engine = try CEngine()
        let big = engine.load(hostilePack(id: "fanout", fanoutDefinitions(4, fanout: 9) + "," + entitlementRules(20)))
        #expect(big.status == HUKOU_E_LIMIT)
        #expect(english(big.error).hasPrefix("entitlements: an answer would report about "))
        #expect(big.error.contains("more than the bound of 20000 (HUKOU_MAX_ANSWER_NODES)"))

        // 2 rules on 1 111 nodes: 2 224 per person, answered for a small family, refused
        // for a large one (the pack's cost times the people in the request).
        #expect(engine.load(hostilePack(id: "fanout", fanoutDefinitions(3, fanout: 10) + "," + entitlementRules(2))).status == HUKOU_OK)
        let applicant = #"{"jurisdiction":"fanout","as_of":"2026-11-25","locale":"en","applicant":{"status":"residence_permit","married":true}"#
        let alone = ask(engine, applicant + "}", call: .entitlements)
        #expect(alone.status == HUKOU_OK, "\(alone.error)")
        #expect((alone.answer?.utf8.count ?? .max) < 4 * 1024 * 1024)
        let small = ask(engine, applicant + family(2) + "}", call: .entitlements)
        #expect(small.status == HUKOU_OK, "\(small.error)")
        for decision in [Decision.entitlements] {
            let large = ask(engine, applicant + family(32) + "}", call: decision)
            #expect(large.status == HUKOU_E_LIMIT)
            #expect(large.outCleared)
            #expect(large.error.hasPrefix("family: the answer would report about "))
            #expect(large.error.contains("(33 people), more than the bound of 20000 per answer (HUKOU_MAX_ANSWER_NODES)"))
        }
    }

    @Test func longTextsTimesReferencesAreBoundedByAnswerBytes() throws {
        // A 30 KB label on one leaf, referred to 100 times by a rule for everyone: a 30 KB
        // pack whose answer carries the label 100 times per person (3 MB each). Few nodes,
        // so only the byte estimate sees it: an applicant alone fits HUKOU_MAX_ANSWER_BYTES
        // (4 MiB), a couple does not, and is refused before the answer is built.
        let label = String(repeating: "长", count: 10_000) // 30 000 bytes of UTF-8
        let refs = Array(repeating: #"{"ref":"big"}"#, count: 100).joined(separator: ",")
        let definitions = #""definitions":{"big":{"fact":"married","op":"is","value":true,"label":{"zh":"\#(label)","en":"x"}},"e0":{"all":[\#(refs)]}}"#
        let engine = try CEngine()
        #expect(engine.load(hostilePack(id: "verbose", definitions + "," + entitlementRules(1))).status == HUKOU_OK)
        let applicant = #"{"jurisdiction":"verbose","as_of":"2026-11-25","locale":"zh-CN","applicant":{"status":"residence_permit","married":true}"#
        let alone = ask(engine, applicant + "}", call: .entitlements)
        #expect(alone.status == HUKOU_OK, "\(alone.error)")
        #expect((alone.answer?.utf8.count ?? 0) > 3_000_000)
        let couple = ask(engine, applicant + family(1) + "}", call: .entitlements)
        #expect(couple.status == HUKOU_E_LIMIT)
        #expect(couple.error.hasPrefix("family: 答复约 "), "\(couple.error)")
        #expect(couple.error.contains("HUKOU_MAX_ANSWER_BYTES"))
        // Twice the references: refused when the pack loads.
        let twice = #""definitions":{"big":{"fact":"married","op":"is","value":true,"label":{"zh":"\#(label)","en":"x"}},"e0":{"all":[\#(refs),\#(refs)]}}"#
        let refused = engine.load(hostilePack(id: "verbose2", twice + "," + entitlementRules(1)))
        #expect(refused.status == HUKOU_E_LIMIT)
        #expect(english(refused.error).hasPrefix("entitlements: an answer would be about "))
        #expect(refused.error.contains("more than the bound of 4194304 (HUKOU_MAX_ANSWER_BYTES)"))
    }

    @Test func embeddedPacksAnswerTheLargestFamily() throws {
        // Every example request with 32 family members (copies of its first, or "other")
        // stays inside the bounds, for all three calls.
        let engine = try CEngine()
        for name in exampleRequests {
            let text = String(decoding: try #require(readFile(repositoryFile("examples/requests/\(name).json"))), as: UTF8.self)
            guard case .object(var members)? = JSONValueLite.parse(text) else {
                Issue.record("\(name) did not parse")
                continue
            }
            var member = JSONValueLite.object([("relation", .string("other"))])
            if let index = members.firstIndex(where: { $0.0 == "family" }) {
                if case .array(let list) = members[index].1, let first = list.first { member = first }
                members.remove(at: index)
            }
            members.append(("family", .array(Array(repeating: member, count: 32))))
            let request = JSONValueLite.object(members).text
            for decision in Decision.allCases {
                let reply = ask(engine, request, call: decision)
                #expect(reply.status == HUKOU_OK, "\(name) \(decision): \(reply.error)")
                #expect((reply.answer?.utf8.count ?? 0) < 4 * 1024 * 1024)
            }
        }
    }
}

// MARK: - 4. Personal data in errors

/// Requests derived from the examples, each carrying personal data in one hostile place.
enum HostileRequests {
    /// Personal data a request may carry; none may appear in an error message.
    static let markers = ["E12345678", "wang_fang_110101199003077777", "110101199003077777", "王芳", "13912345678", "Wang Fang"]

    /// Replaces, one at a time, each member name of `value` by a marker, and each value by
    /// a marker string, a wrong type or a hostile number.
    static func mutations(of value: JSONValueLite) -> [JSONValueLite] {
        var out: [JSONValueLite] = []
        func walk(_ node: JSONValueLite, _ rebuild: (JSONValueLite) -> JSONValueLite) {
            switch node {
            case .object(let members):
                for (index, member) in members.enumerated() {
                    for marker in markers.prefix(3) {
                        var renamed = members
                        renamed[index] = (marker, member.1)
                        out.append(rebuild(.object(renamed)))
                    }
                    var extra = members
                    extra.append((markers[1], .string(markers[2])))
                    out.append(rebuild(.object(extra)))
                    walk(member.1) { replacement in
                        var changed = members
                        changed[index] = (member.0, replacement)
                        return rebuild(.object(changed))
                    }
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    walk(element) { replacement in
                        var changed = elements
                        changed[index] = replacement
                        return rebuild(.array(changed))
                    }
                }
            default:
                for hostile: JSONValueLite in [.string(markers[2]), .string(markers[3]), .raw("1e-400"), .raw("-1"),
                                               .raw("8.5"), .raw("1e400"), .raw("[\"\(markers[0])\"]"),
                                               .raw("{\"\(markers[1])\":1}"), .raw("true")] {
                    out.append(rebuild(hostile))
                }
            }
        }
        walk(value) { $0 }
        return out
    }
}

/// A small JSON tree for building hostile requests (member order and raw tokens kept).
indirect enum JSONValueLite {
    case object([(String, JSONValueLite)])
    case array([JSONValueLite])
    case string(String)
    case raw(String)

    var text: String {
        switch self {
        case .object(let members): return "{" + members.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        case .array(let elements): return "[" + elements.map(\.text).joined(separator: ",") + "]"
        case .string(let string): return Self.quote(string)
        case .raw(let token): return token
        }
    }

    static func quote(_ string: String) -> String {
        "\"" + replacing("\"", with: "\\\"", in: replacing("\\", with: "\\\\", in: string)) + "\""
    }

    /// Parses the example requests (plain JSON without escapes beyond \" and \\).
    static func parse(_ text: String) -> JSONValueLite? {
        var parser = LiteParser(Array(text.utf8))
        return parser.value()
    }
}

struct LiteParser {
    let bytes: [UInt8]
    var index = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func skip() { while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 } }

    mutating func value() -> JSONValueLite? {
        skip()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(String, JSONValueLite)] = []
            skip()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skip()
                guard let key = string() else { return nil }
                skip()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let member = value() else { return nil }
                members.append((key, member))
                skip()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                return nil
            }
        case UInt8(ascii: "["):
            index += 1
            var elements: [JSONValueLite] = []
            skip()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            while true {
                guard let element = value() else { return nil }
                elements.append(element)
                skip()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                return nil
            }
        case UInt8(ascii: "\""):
            return string().map(JSONValueLite.string)
        default:
            let start = index
            while index < bytes.count, !",}] \n\r\t".utf8.contains(bytes[index]) { index += 1 }
            return .raw(String(decoding: bytes[start..<index], as: UTF8.self))
        }
    }

    mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        var out: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
            out.append(bytes[index])
            index += 1
        }
        index += 1
        return String(decoding: out, as: UTF8.self)
    }
}

@Suite("Privacy: no byte of a request's names or values in an error (issue 14 item 4)")
struct NoEchoTests {
    @Test(arguments: [
        (#""E12345678":true"#, "applicant.#1: unknown field (check the spelling)"),
        (#""wang_fang_110101199003077777":{}"#, "applicant.#1: unknown field (check the spelling)"),
        (#""birth_date":"1990-03-07","marrid":true"#, #"applicant.#2: unknown field (check the spelling; did you mean "married"?)"#),
    ])
    func unknownMemberNamesAreNotEchoed(_ applicant: String, _ message: String) throws {
        let reply = ask(try CEngine(), anyangRequest(applicant: applicant))
        #expect(reply.status == HUKOU_E_INVALID)
        #expect(reply.error == message)
    }

    @Test func familyMemberNamesAreNotEchoed() throws {
        let reply = ask(try CEngine(), anyangRequest(extra: #","family":[{"relation":"spouse","wang_fang_110101199003077777":1}]"#))
        #expect(reply.status == HUKOU_E_INVALID)
        #expect(reply.error == "family[0].#2: unknown field (check the spelling)")
    }

    @Test func duplicateNonSchemaNamesAreShownByPosition() throws {
        let reply = ask(try CEngine(), #"{"jurisdiction":"anyang","E12345678":1,"E12345678":2}"#)
        #expect(reply.status == HUKOU_E_PARSE)
        #expect(reply.error.contains(##"duplicate member name "#3""##))
    }

    @Test(arguments: exampleRequests)
    func hostileMutationsOfTheExamplesNeverEcho(_ name: String) throws {
        let text = String(decoding: try #require(readFile(repositoryFile("examples/requests/\(name).json"))), as: UTF8.self)
        let tree = try #require(JSONValueLite.parse(text))
        let engine = try CEngine()
        var failures = 0
        let mutations = HostileRequests.mutations(of: tree)
        #expect(mutations.count > 100)
        for mutation in mutations {
            let request = mutation.text
            for decision in Decision.allCases {
                let reply = ask(engine, request, call: decision)
                guard reply.status != HUKOU_OK else { continue }
                failures += 1
                #expect(reply.status != HUKOU_E_INTERNAL, "\(request)")
                for marker in HostileRequests.markers {
                    #expect(!reply.error.contains(marker), "\(decision) \(request): \(reply.error)")
                }
            }
        }
        #expect(failures > mutations.count) // most mutations are refused by every call
    }
}

// MARK: - 5. Loads while serving, and handle checks

@Suite("Updating packs while serving (hukou.h Threads, Handles)")
struct LoadWhileServingTests {
    @Test func readersSeeOneWholePackOrTheOtherDuringLoads() throws {
        // Two releases of one pack (same id and date, so each load replaces the other)
        // that answer differently; readers must always get one of the two answers whole.
        let married = #"{"fact":"married","op":"is","value":true}"#
        let unmarried = #"{"fact":"married","op":"is","value":false}"#
        let first = hostilePack(id: "swapped", pathway(married))
        let second = hostilePack(id: "swapped", pathway(unmarried))
        let request = Array(#"{"jurisdiction":"swapped","as_of":"2026-11-25","applicant":{"married":true}}"#.utf8)
        let engineA = try CEngine(), engineB = try CEngine()
        #expect(engineA.load(first).status == HUKOU_OK)
        #expect(engineB.load(second).status == HUKOU_OK)
        let answers = Decision.allCases.map { ($0, ask(engineA, bytes: request, call: $0), ask(engineB, bytes: request, call: $0)) }
        #expect(answers.allSatisfy { $0.1.status == HUKOU_OK && $0.2.status == HUKOU_OK })
        #expect(answers[0].1 != answers[0].2) // eligibility: met under one release, unmet under the other

        let engine = try CEngine()
        #expect(engine.load(first).status == HUKOU_OK)
        let wrong = Counters(5)
        onThreads(5) { thread in
            if thread == 0 {
                for round in 0..<40 {
                    if engine.load(round % 2 == 0 ? second : first).status != HUKOU_OK { wrong[0] += 1 }
                    if hukou_engine_set_min_serial(engine.handle, "other\(round % 3)", Int64(round)) != HUKOU_OK { wrong[0] += 1 }
                }
                return
            }
            for step in 0..<120 {
                let (decision, a, b) = answers[(step + thread) % answers.count]
                let reply = ask(engine, bytes: request, call: decision)
                if reply != a, reply != b { wrong[thread] += 1 }
            }
        }
        for thread in 0..<5 { #expect(wrong[thread] == 0, "thread \(thread)") }
    }

    @Test func aForeignPointerIsMisuse() throws {
        // A block of zeros is not an engine: refused by its magic word, for every call.
        let foreign = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
        defer { foreign.deallocate() }
        foreign.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
        let handle = OpaquePointer(foreign)
        let request = anyangRequest()
        for decision in Decision.allCases {
            var out: UnsafeMutablePointer<CChar>?
            #expect(decision.call(handle, request, request.utf8.count, &out) == HUKOU_E_MISUSE)
            #expect(out == nil)
            #expect(String(cString: hukou_last_error()) == "e 不是有效的引擎（已释放，或不是 hukou_engine_new 所得） / e is not a live engine (freed, or not from hukou_engine_new)")
        }
        #expect(hukou_engine_load_pack(handle, "{}", 2) == HUKOU_E_MISUSE)
        #expect(hukou_engine_set_min_serial(handle, "anyang", 1) == HUKOU_E_MISUSE)
        var serial: Int64 = 0
        #expect(hukou_engine_pack_serial(handle, "anyang", &serial) == HUKOU_E_MISUSE)
        hukou_engine_free(handle) // not an engine: left alone
        #expect(foreign.load(as: UInt64.self) == 0)
        // A misaligned pointer is refused without reading it as a block.
        #expect(hukou_engine_load_pack(OpaquePointer(foreign + 1), "{}", 2) == HUKOU_E_MISUSE)
    }
}

/// Per-thread counters: thread i writes only slot i; pthread_join publishes them.
final class Counters: @unchecked Sendable {
    private let values: UnsafeMutablePointer<Int>
    private let count: Int
    init(_ count: Int) {
        self.count = count
        values = .allocate(capacity: count)
        values.initialize(repeating: 0, count: count)
    }
    deinit { values.deallocate() }
    subscript(index: Int) -> Int {
        get { values[index] }
        set { values[index] = newValue }
    }
}

// MARK: - 7. Small ones

@Suite("Small ones: condition depth, unknown city, out-of-range numbers (issue 14 item 7)")
struct SmallOnesTests {
    func nested(_ levels: Int) -> String {
        var condition = #"{"fact":"married","op":"is","value":true}"#
        for _ in 1..<levels { condition = #"{"not":"# + condition + "}" }
        return condition
    }

    @Test func conditionsNestedBeyond32LevelsAreRefused() throws {
        // docs/packs.md, docs/robustness.md: at most 32 levels of condition nesting.
        let engine = try CEngine()
        #expect(engine.load(hostilePack(id: "deep32", pathway(nested(32)))).status == HUKOU_OK)
        let deeper = engine.load(hostilePack(id: "deep33", pathway(nested(33))))
        #expect(deeper.status == HUKOU_E_PACK)
        #expect(deeper.error.contains("conditions nested deeper than 32 levels"))
        // The same through a reference: a definition of 31 levels under a ref is 32.
        let viaRef = #""definitions":{"d":"# + nested(31) + "},"
        #expect(engine.load(hostilePack(id: "ref32", viaRef + pathway(#"{"ref":"d"}"#))).status == HUKOU_OK)
        let viaRef33 = #""definitions":{"d":"# + nested(32) + "},"
        #expect(engine.load(hostilePack(id: "ref33", viaRef33 + pathway(#"{"ref":"d"}"#))).status == HUKOU_E_PACK)
        // A second reference to an already compiled definition is checked the same way.
        let twice = #""definitions":{"d":"# + nested(31) + "},"
        #expect(engine.load(hostilePack(id: "ref33b", twice + pathway(#"{"all":[{"ref":"d"},{"not":{"ref":"d"}}]}"#))).status == HUKOU_E_PACK)
    }

    @Test func anUnknownCityIsRefusedWithoutEchoingIt() throws {
        let engine = try CEngine()
        func fujian(_ city: String) -> String {
            #"{"jurisdiction":"fujian","city":"\#(city)","as_of":"2026-11-25","locale":"en","applicant":{}}"#
        }
        for decision in Decision.allCases {
            let reply = ask(engine, fujian("王芳的家乡 110101199003077777"), call: decision)
            #expect(reply.status == HUKOU_E_INVALID)
            #expect(reply.error == "city: expected one of the pack's cities: 莆田市, 三明市, 泉州市, 漳州市, 南平市, 龙岩市, 宁德市, 福州市, 厦门市, 平潭综合实验区")
        }
        // Every city of the pack, by name and alias, is answered; and the answer names it.
        for city in ["莆田市", "三明", "泉州市", "漳州", "南平市", "龙岩", "宁德市", "福州", "厦门市", "平潭"] {
            let reply = ask(engine, fujian(city))
            #expect(reply.status == HUKOU_OK, "\(city): \(reply.error)")
            #expect(reply.answer?.contains(#""city":"\#(city)""#) == true)
        }
        // A pack without cities takes none.
        let anyang = ask(engine, anyangRequest(extra: #","city":"安阳市""#))
        #expect(anyang.status == HUKOU_E_INVALID)
        #expect(anyang.error == "city: this jurisdiction's pack has no cities: leave city out")
    }

    @Test(arguments: ["1e-400", "-1e-400", "1e-324", "0.00001e-99999"])
    func numbersThatUnderflowAreRefused(_ number: String) throws {
        // Before issue 14, 1e-400 months read as 0 months without a word.
        let request = anyangRequest(applicant: #""social_insurance":{"months":"# + number + "}")
        let offset = try #require(byteOffset(of: number, in: request))
        let reply = ask(try CEngine(), request)
        #expect(reply.status == HUKOU_E_PARSE)
        #expect(reply.error.contains("number out of range (byte \(offset))"), "\(reply.error)")
    }

    @Test func zeroWithAnExponentIsStillZero() throws {
        // 0e-400 is exactly 0 (nothing is lost): read as 0 months.
        let reply = ask(try CEngine(), anyangRequest(applicant: #""social_insurance":{"months":0e-400}"#))
        #expect(reply.status == HUKOU_OK, "\(reply.error)")
    }
}
