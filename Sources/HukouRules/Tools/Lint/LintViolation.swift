// SPDX-License-Identifier: Apache-2.0
/// One way a city pack breaks a national rule (or its own stated cap).
public struct LintViolation: Sendable, Equatable {
    /// The rule broken, e.g. "国办发〔2016〕72号 任务7".
    public let rule: String
    /// JSON path of the offending node in the pack.
    public let path: String
    public let message: LocalizedText
}
