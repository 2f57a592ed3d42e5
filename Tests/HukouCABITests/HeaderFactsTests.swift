// SPDX-License-Identifier: Apache-2.0
// The C facts live in Include/hukou.h only: the error kinds' mapping (Sources/Hukou/Status.swift)
// covers every status code the header defines, and the library reports the header's version.

import CHukou
import Foundation
import Hukou
import HukouRules
import Testing

@Suite("hukou.h is the one source of the status codes, the version and the limits")
struct HeaderFactsTests {
    static let header: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Include/hukou.h"), encoding: .utf8)) ?? ""
    }()

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
