// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import HukouRules

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, text, html, receipt32 = "receipt-32", receipt48 = "receipt-48"

    /// The library rendering for this format (nil: the JSON answer itself).
    var rendering: RenderFormat? {
        switch self {
        case .json: return nil
        case .text: return .text
        case .html: return .html
        case .receipt32: return .receipt(columns: 32)
        case .receipt48: return .receipt(columns: 48)
        }
    }
}

/// Arguments of the three decision commands.
struct DecisionOptions: ParsableArguments {
    @Argument(help: "The request JSON file (docs/requests.md), or - for standard input.")
    var request: String

    @Option(help: "Override the request's as-of date (YYYY-MM-DD).")
    var date: String?

    @Option(help: "Override the request's locale: zh-CN or en.")
    var locale: String?

    @Option(help: "json (the library's answer), text (what a clerk reads at the counter), html (the kiosk screen), receipt-32 or receipt-48 (the thermal printer).")
    var format: OutputFormat = .json

    @OptionGroup var engineOptions: EngineOptions

    func validate() throws {
        try OptionChecks.locale(locale)
        try OptionChecks.date(date)
    }

    /// Reads the request, applies --date and --locale, answers through the library's one
    /// request path (``Engine/answer``: the same limits as the C ABI), prints the answer.
    func run(_ kind: DecisionKind) throws {
        let engine = try engineOptions.makeEngine()
        let bytes: [UInt8]
        do {
            bytes = try InputFiles.read(request)
        } catch let error as HukouError {
            printError("hukou: \(request): \(error.describe(nil))")
            throw CLIExit.invalidRequest
        }
        var overrides: [(key: String, value: String)] = []
        if let date { overrides.append((key: "as_of", value: date)) }
        if let locale { overrides.append((key: "locale", value: locale)) }
        let written: [UInt8]
        switch Self.answer(engine, kind, bytes, overrides) {
        case .success(let bytes):
            written = bytes
        case .failure(let failure):
            // A request too large or not JSON names the file, as before.
            let prefix = failure.error == engine.limits.requestTooLarge || failure.error.kind == .parse ? "\(request): " : ""
            printError("hukou: \(prefix)\(failure.message)")
            throw CLIExit.invalidRequest
        }
        if let rendering = format.rendering {
            // The answer the library just wrote: read back for the renderer.
            guard let answer = try? JSONParser.parse(written) else {
                printError("hukou: the answer could not be read back")
                throw CLIExit.invalidRequest
            }
            print(TextRenderer(answer, format: rendering, facts: engine.catalogue(forAnswer: answer)).render(), terminator: "")
        } else {
            print(String(decoding: written, as: UTF8.self))
        }
    }

    private static func answer(_ engine: Engine, _ kind: DecisionKind, _ bytes: [UInt8],
                               _ overrides: [(key: String, value: String)]) -> Result<[UInt8], LocalizedFailure> {
        do throws(LocalizedFailure) {
            return .success(try bytes.withUnsafeBufferPointer { (buffer) throws(LocalizedFailure) in
                try engine.answer(kind, buffer, overriding: overrides)
            })
        } catch {
            return .failure(error)
        }
    }
}

struct EligibilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eligibility", abstract: "Which settlement pathways the applicant qualifies for, and why.")
    @OptionGroup var options: DecisionOptions
    func run() throws { try options.run(.eligibility) }
}

struct PointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "points", abstract: "The residence-permit points score, indicator by indicator.")
    @OptionGroup var options: DecisionOptions
    func run() throws { try options.run(.points) }
}

struct EntitlementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entitlements", abstract: "Public services the applicant and family may use.")
    @OptionGroup var options: DecisionOptions
    func run() throws { try options.run(.entitlements) }
}
