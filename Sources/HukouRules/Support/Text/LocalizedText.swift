// SPDX-License-Identifier: Apache-2.0
/// The locales an answer can be written in.
public enum AnswerLocale: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en = "en"
}

/// A text in both of the library's languages.
public struct LocalizedText: Sendable, Equatable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `locale`; with no locale, both languages ("中文 / English").
    public func text(_ locale: AnswerLocale?) -> String {
        switch locale {
        case .zhCN: return zh
        case .en: return en
        case nil: return zh == en ? zh : zh + " / " + en
        }
    }
}
