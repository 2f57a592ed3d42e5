// SPDX-License-Identifier: Apache-2.0
/// A failure: its kind, the JSON path of the offending node and a message in both of the
/// library's languages naming the field and what was expected. Messages never carry
/// personal data. (HukouRules adds the message as a `LocalizedText` and `describe`.)
public struct HukouError: Error, Sendable, Equatable {
    public var kind: HukouErrorKind
    /// JSON path of the offending node ("applicant.birth_date"), empty for the whole input.
    public var path: String
    /// The message in Chinese (zh-CN).
    public var zh: String
    /// The message in English.
    public var en: String

    public init(_ kind: HukouErrorKind, path: String, zh: String, en: String) {
        self.kind = kind
        self.path = path
        self.zh = zh
        self.en = en
    }
}
