// SPDX-License-Identifier: Apache-2.0
/// The call a case asks of the engine.
public enum CaseCall: String, Sendable, CaseIterable {
    case eligibility
    case points
    case entitlements
    /// `hukou lint`: the pack (or a patched copy) against the national rules.
    case lint
}
