// SPDX-License-Identifier: Apache-2.0
import CHukou
import HukouRules

extension HukouErrorKind {
    /// The one mapping from the engine's error kinds to the C interface: each kind's
    /// `HUKOU_E_*` code (from hukou.h) and that macro's name. hukou_status_name, the C
    /// calls and the command line all read it; a test keeps it equal to the header.
    var code: (status: Int32, name: StaticString) {
        switch self {
        case .parse: return (HUKOU_E_PARSE, "HUKOU_E_PARSE")
        case .invalid: return (HUKOU_E_INVALID, "HUKOU_E_INVALID")
        case .unknownJurisdiction: return (HUKOU_E_UNKNOWN_JURISDICTION, "HUKOU_E_UNKNOWN_JURISDICTION")
        case .pack: return (HUKOU_E_PACK, "HUKOU_E_PACK")
        case .noMemory: return (HUKOU_E_NOMEM, "HUKOU_E_NOMEM")
        case .misuse: return (HUKOU_E_MISUSE, "HUKOU_E_MISUSE")
        case .limit: return (HUKOU_E_LIMIT, "HUKOU_E_LIMIT")
        case .internal: return (HUKOU_E_INTERNAL, "HUKOU_E_INTERNAL")
        case .signature: return (HUKOU_E_SIGNATURE, "HUKOU_E_SIGNATURE")
        case .rollback: return (HUKOU_E_ROLLBACK, "HUKOU_E_ROLLBACK")
        }
    }

    /// The status code a C call returns for this kind (`HUKOU_E_*`).
    public var status: Int32 { code.status }

    /// The symbolic name of ``status`` as hukou.h spells it ("HUKOU_E_LIMIT").
    public var name: String { code.name.description }

    /// The kind a status code stands for; nil for `HUKOU_OK` and for codes that are none.
    public init?(status: Int32) {
        guard let kind = Self.allCases.first(where: { $0.status == status }) else { return nil }
        self = kind
    }
}

/// The name of any status code, as a static C string: `HUKOU_OK`, a kind's name, or
/// `HUKOU_E_UNKNOWN_STATUS` (hukou_status_name).
func statusName(_ status: Int32) -> UnsafePointer<CChar> {
    if status == HUKOU_OK { return StaticCString.pointer("HUKOU_OK") }
    guard let kind = HukouErrorKind(status: status) else { return StaticCString.pointer("HUKOU_E_UNKNOWN_STATUS") }
    return StaticCString.pointer(kind.code.name)
}
