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

    /// Reads the request, applies --date and --locale, asks `call`, prints the answer.
    func run(_ call: (Engine, DecisionRequest) throws(HukouError) -> JSONValue) throws {
        let engine = try engineOptions.makeEngine()
        var value: JSONValue
        do {
            value = try JSONParser.parse(try InputFiles.read(request))
        } catch let error as HukouError {
            printError("hukou: \(request): \(error.describe(nil))")
            throw CLIExit.invalidRequest
        }
        if case .object(var members) = value {
            func replace(_ key: String, _ text: String) {
                members.removeAll { $0.key == key }
                members.append(JSONMember(key, .string(text)))
            }
            if let date { replace("as_of", date) }
            if let locale { replace("locale", locale) }
            value = .object(members)
        }
        let answer: JSONValue
        do {
            let parsed = try engine.readRequest(value)
            do {
                answer = try call(engine, parsed)
            } catch {
                printError("hukou: \(error.describe(parsed.locale))")
                throw CLIExit.invalidRequest
            }
        } catch let error as HukouError {
            printError("hukou: \(error.describe(DecisionRequest.sniffLocale(value)))")
            throw CLIExit.invalidRequest
        }
        if let rendering = format.rendering {
            print(TextRenderer(answer, format: rendering).render(), terminator: "")
        } else {
            print(JSONWriter.string(answer))
        }
    }
}

struct EligibilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eligibility", abstract: "Which settlement pathways the applicant qualifies for, and why.")
    @OptionGroup var options: DecisionOptions
    func run() throws { try options.run { engine, request throws(HukouError) in try engine.eligibility(request) } }
}

struct PointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "points", abstract: "The residence-permit points score, indicator by indicator.")
    @OptionGroup var options: DecisionOptions
    func run() throws { try options.run { engine, request throws(HukouError) in try engine.points(request) } }
}

struct EntitlementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entitlements", abstract: "Public services the applicant and family may use.")
    @OptionGroup var options: DecisionOptions
    func run() throws { try options.run { engine, request throws(HukouError) in try engine.entitlements(request) } }
}
