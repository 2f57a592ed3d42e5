// SPDX-License-Identifier: Apache-2.0
// The error type is the leaf module HukouErrors (no numeric codes); re-exported, so that
// every file of HukouRules and its clients keeps writing `HukouError(.limit, path:, zh:, en:)`.
@_exported import HukouErrors

/// The name the error kinds had when they were the C status codes; the codes themselves
/// are `Sources/Hukou`'s (`HukouErrorKind.status`).
public typealias HukouStatus = HukouErrorKind

extension HukouError {
    /// The message in both languages.
    public var message: LocalizedText {
        get { LocalizedText(zh: zh, en: en) }
        set {
            zh = newValue.zh
            en = newValue.en
        }
    }

    /// The kind, by its former name (``HukouStatus``).
    public var status: HukouErrorKind {
        get { kind }
        set { kind = newValue }
    }

    /// "path: message" in `locale` (both languages when nil).
    public func describe(_ locale: AnswerLocale?) -> String {
        let text = message.text(locale)
        return path.isEmpty ? text : path + ": " + text
    }
}
