// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import HukouRules

/// Checks of option values shared by several commands. A bad value is a usage error
/// (exit code 2, CLIExit.usage), refused before any work is done: an unknown --locale
/// never falls back to Chinese, an impossible --date never reaches the engine.
enum OptionChecks {
    /// `--locale`: one of the library's answer locales (zh-CN, en).
    static func locale(_ value: String?) throws {
        guard let value else { return }
        guard AnswerLocale(rawValue: value) != nil else {
            let known = AnswerLocale.allCases.map(\.rawValue).joined(separator: " or ")
            throw ValidationError("--locale must be \(known), not \"\(value)\"")
        }
    }

    /// `--date`: a date YYYY-MM-DD that exists in the calendar, years 1900–2200 (as in requests).
    static func date(_ value: String?) throws {
        guard let value else { return }
        guard CivilDate(iso: value) != nil else {
            throw ValidationError("--date must be an existing date YYYY-MM-DD (years \(CivilDate.validYears.lowerBound)–\(CivilDate.validYears.upperBound)), not \"\(value)\"")
        }
    }

    /// `--jurisdiction`: the id of a pack the engine holds (embedded or loaded with --pack).
    static func jurisdiction(_ value: String, in engine: Engine) throws {
        let ids = engine.registry.ids
        guard ids.contains(value) else {
            throw ValidationError("--jurisdiction \"\(value)\": no pack has this jurisdiction; known: \(ids.joined(separator: ", "))")
        }
    }
}
