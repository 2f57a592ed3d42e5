// SPDX-License-Identifier: Apache-2.0
/// What kind of failure a call met, in the engine's own terms. The numbers and names of
/// the C interface (`HUKOU_E_*` in hukou.h) are not here: `Sources/Hukou` maps each kind
/// to its status code in one switch (`HukouErrorKind.status`).
public enum HukouErrorKind: Sendable, Hashable, CaseIterable {
    /// The bytes are not valid UTF-8 JSON.
    case parse
    /// Valid JSON, but a field is missing, misspelt or of the wrong type or range.
    case invalid
    /// No pack for the requested jurisdiction (or none in force on the as-of date).
    case unknownJurisdiction
    /// A policy pack failed validation; the path names its node.
    case pack
    /// Memory could not be allocated.
    case noMemory
    /// A call that cannot be right: a missing handle or pointer, an unknown option.
    case misuse
    /// Input beyond a limit (size, nesting depth, work or answer bound).
    case limit
    /// A defect in the library.
    case `internal`
    /// A pack unsigned, signed by an untrusted key, or altered.
    case signature
    /// A pack older than a loaded version of it, or than the floor set for it.
    case rollback
}
