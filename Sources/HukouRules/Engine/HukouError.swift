// SPDX-License-Identifier: Apache-2.0
/// Status codes of the C interface (`HUKOU_*` in hukou.h); values are ABI.
public enum HukouStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    case parse = 1
    case invalid = 2
    case unknownJurisdiction = 3
    case pack = 4
    case noMemory = 5
    case misuse = 6
    case limit = 7
    case `internal` = 8
    case signature = 9
    case rollback = 10

    /// The symbolic name used in hukou.h.
    public var name: String {
        switch self {
        case .ok: return "HUKOU_OK"
        case .parse: return "HUKOU_E_PARSE"
        case .invalid: return "HUKOU_E_INVALID"
        case .unknownJurisdiction: return "HUKOU_E_UNKNOWN_JURISDICTION"
        case .pack: return "HUKOU_E_PACK"
        case .noMemory: return "HUKOU_E_NOMEM"
        case .misuse: return "HUKOU_E_MISUSE"
        case .limit: return "HUKOU_E_LIMIT"
        case .internal: return "HUKOU_E_INTERNAL"
        case .signature: return "HUKOU_E_SIGNATURE"
        case .rollback: return "HUKOU_E_ROLLBACK"
        }
    }
}

/// A failure with its status and a bilingual message that names the field
/// (as a JSON path) and what was expected. Messages never carry personal data.
public struct HukouError: Error, Sendable, Equatable {
    public var status: HukouStatus
    /// JSON path of the offending node ("applicant.birth_date"), empty for the whole input.
    public var path: String
    public var message: LocalizedText

    public init(_ status: HukouStatus, path: String, zh: String, en: String) {
        self.status = status
        self.path = path
        self.message = LocalizedText(zh: zh, en: en)
    }

    /// "path: message" in `locale` (both languages when nil).
    public func describe(_ locale: AnswerLocale?) -> String {
        let text = message.text(locale)
        return path.isEmpty ? text : path + ": " + text
    }
}
