// SPDX-License-Identifier: Apache-2.0
// The C facts live in Include/hukou.h only: the error kinds' mapping (Sources/Hukou/Status.swift)
// covers every status code the header defines, and the library reports the header's version.

// No Foundation here: imported in one file, its String.contains would change what
// `contains("")` means in this module's other files.
import CHukou
import Hukou
import HukouRules
import Testing

@Suite("hukou.h is the one source of the status codes, the version and the limits")
struct HeaderFactsTests {
    static let header = HeaderLimitsTests.read("Include/hukou.h")

    /// `#define HUKOU_E_NAME  value` lines of the header (HUKOU_E_UNKNOWN_STATUS, never
    /// returned, apart), read as text: what a C program compiles against.
    static func definedCodes() -> [String: Int32] {
        var codes: [String: Int32] = [:]
        for line in header.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 3, words[0] == "#define", words[1].hasPrefix("HUKOU_E_") || words[1] == "HUKOU_OK",
                  let value = Int32(words[2]) else { continue }
            codes[String(words[1])] = value
        }
        return codes
    }

    @Test func everyErrorKindIsAStatusCodeOfTheHeaderAndBack() {
        let defined = Self.definedCodes()
        // The header as written in 0.2.0: eleven codes, 0 to 10.
        #expect(defined.count == 11)
        #expect(defined["HUKOU_OK"] == 0)
        #expect(defined["HUKOU_E_ROLLBACK"] == 10)
        var mapped: [String: Int32] = ["HUKOU_OK": HUKOU_OK]
        for kind in HukouErrorKind.allCases {
            #expect(mapped[kind.name] == nil, "\(kind) shares its name")
            mapped[kind.name] = kind.status
            #expect(HukouErrorKind(status: kind.status) == kind)
            #expect(String(cString: hukou_status_name(kind.status)) == kind.name)
        }
        #expect(mapped == defined)
        #expect(String(cString: hukou_status_name(HUKOU_OK)) == "HUKOU_OK")
        #expect(HukouErrorKind(status: HUKOU_OK) == nil)
        #expect(String(cString: hukou_status_name(11)) == "HUKOU_E_UNKNOWN_STATUS")
    }

    @Test func theLibraryReportsTheHeadersVersion() {
        #expect(String(cString: hukou_version()) == HUKOU_VERSION)
        #expect(hukou_version() == hukou_version(), "a static string")
        #expect(HUKOU_VERSION == "\(HUKOU_VERSION_MAJOR).\(HUKOU_VERSION_MINOR).\(HUKOU_VERSION_PATCH)")
        #expect(hukou_abi_version() == HUKOU_ABI_VERSION)
    }
}

@Suite("The limits: hukou.h's, given to the engine, and the tables that restate them")
struct HeaderLimitsTests {
    static func read(_ path: String) -> String {
        String(decoding: readFile(repositoryFile(path)) ?? [], as: UTF8.self)
    }

    /// Each limit by its macro name, as the C ABI gives it to its engines.
    static let byName: [String: Int] = {
        let limits = EngineLimits.header
        return ["HUKOU_MAX_REQUEST_BYTES": limits.requestBytes, "HUKOU_MAX_PACK_BYTES": limits.packBytes,
                "HUKOU_MAX_DEPTH": limits.depth, "HUKOU_MAX_CALL_WORK": limits.callWork,
                "HUKOU_MAX_ANSWER_NODES": limits.answerNodes, "HUKOU_MAX_ANSWER_BYTES": limits.answerBytes]
    }()

    @Test func theHeaderSaysWhatTheDocumentationPromises() {
        // docs/robustness.md and docs/requests.md, as published for 0.2.0.
        #expect(Self.byName == ["HUKOU_MAX_REQUEST_BYTES": 1 << 20, "HUKOU_MAX_PACK_BYTES": 16 << 20, "HUKOU_MAX_DEPTH": 64,
                                "HUKOU_MAX_CALL_WORK": 2_000_000, "HUKOU_MAX_ANSWER_NODES": 20_000,
                                "HUKOU_MAX_ANSWER_BYTES": 4 << 20])
    }

    @Test func engineMadeByTheCInterfaceHasTheHeadersLimits() throws {
        #expect(try Engine.withEmbeddedPacks().limits == .header)
        #expect(Engine().limits == .header)
    }

    /// The one copy the core still holds (JSONParser's default depth, for callers that parse
    /// without an engine: tools and tests); the engine always passes its own.
    @Test func theCoresRemainingCopyAgreesWithTheHeader() {
        #expect(JSONParser.defaultMaxDepth == Int(HUKOU_MAX_DEPTH))
    }

    /// docs/robustness.md's table of limits restates each value beside its macro: each must
    /// be the header's ("1 MiB (`HUKOU_MAX_REQUEST_BYTES`)", "2 000 000 evaluations (…").
    @Test func theRobustnessTableAgreesWithTheHeader() throws {
        let page = Self.read("docs/robustness.md")
        let pattern = /(\d+(?: \d{3})*)( MiB)?[^|(0-9]*\(`(HUKOU_MAX_[A-Z_]+)`/
        var seen: Set<String> = []
        for line in page.split(separator: "\n") where line.hasPrefix("| ") {
            for match in line.matches(of: pattern) {
                let name = String(match.output.3)
                guard let value = Int(String(match.output.1.filter { $0 != " " })),
                      let limit = Self.byName[name] else { continue }
                #expect((match.output.2 == nil ? value : value << 20) == limit, "docs/robustness.md: \(line)")
                seen.insert(name)
            }
        }
        #expect(seen == Set(Self.byName.keys))
        // docs/requests.md: "Limits: 1 MiB per request, 64 levels of nesting".
        let requests = Self.read("docs/requests.md")
        #expect(requests.contains("Limits: \(EngineLimits.header.requestBytes >> 20) MiB per request, \(EngineLimits.header.depth) levels of nesting"))
    }
}
