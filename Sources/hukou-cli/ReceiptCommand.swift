// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import HukouRules

/// `hukou receipt`: the decision receipt a kiosk prints (as hukou_receipt), and
/// `hukou receipt verify`: a service center recomputes it from the request the citizen
/// brings and checks the printed code (docs/rendering.md).
struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Print the decision receipt of a request (verdict lines, packs, keyed request digest, verification code).",
        subcommands: [ReceiptMakeCommand.self, ReceiptVerifyCommand.self],
        defaultSubcommand: ReceiptMakeCommand.self)
}

/// Options shared by both receipt commands.
struct ReceiptOptions: ParsableArguments {
    @Argument(help: "The request JSON file (docs/requests.md), or - for standard input.")
    var request: String

    @Option(help: "The question: eligibility, points or entitlements.")
    var question: String = "eligibility"

    @Option(help: "The receipt key file: the kiosk firmware's secret, as hex (at least 32 hex digits).")
    var key: String

    @OptionGroup var engineOptions: EngineOptions

    func receipt() throws -> DecisionReceipt {
        guard let asked = Question(rawValue: question) else {
            throw ValidationError("--question must be eligibility, points or entitlements")
        }
        let keyText = try InputFiles.readText(key).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let keyBytes = Hex.decode(keyText), keyBytes.count >= DecisionReceipt.minimumKeyBytes,
              keyBytes.count <= DecisionReceipt.maximumKeyBytes else {
            printError("hukou: \(key): not a receipt key (\(DecisionReceipt.minimumKeyBytes * 2) to \(DecisionReceipt.maximumKeyBytes * 2) hex digits)")
            throw CLIExit.invalidRequest
        }
        let engine = try engineOptions.makeEngine()
        let value: JSONValue
        do {
            value = try JSONParser.parse(try InputFiles.read(request))
        } catch let error as HukouError {
            printError("hukou: \(request): \(error.describe(nil))")
            throw CLIExit.invalidRequest
        }
        do {
            return try DecisionReceipt.make(engine: engine, request: value, question: asked, key: keyBytes)
        } catch {
            printError("hukou: \(error.describe(DecisionRequest.sniffLocale(value)))")
            throw CLIExit.invalidRequest
        }
    }
}

struct ReceiptMakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "make", abstract: "Print the receipt (the default).")
    @OptionGroup var options: ReceiptOptions

    @Option(help: "Paper width in columns: 32 (58 mm) or 48 (80 mm).")
    var columns: Int = 32

    @Flag(help: "Print only the verification code (the QR code's content).")
    var codeOnly = false

    func run() throws {
        guard RenderFormat.receiptWidths.contains(columns) else { throw ValidationError("--columns must be 32 or 48") }
        let receipt = try options.receipt()
        if codeOnly {
            print(receipt.provenance.code)
        } else {
            print(receipt.text(columns: columns), terminator: "")
        }
    }
}

struct ReceiptVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute a receipt from the request and check a printed verification code (exit 0: it matches; 1: it does not).")
    @OptionGroup var options: ReceiptOptions

    @Option(help: "The verification code printed on the receipt (HK1|...).")
    var code: String

    func run() throws {
        let receipt = try options.receipt()
        switch receipt.check(code: code.trimmingCharacters(in: .whitespacesAndNewlines)) {
        case .matches:
            print("receipt matches: same request, same rules, same verdicts")
        case .malformed:
            print("not a receipt code (expected HK1|question|date|packs|marks|verdicts|digest)")
            throw CLIExit.findings
        case .differentQuestion:
            print("receipt is for another question or date")
            throw CLIExit.findings
        case .differentRules:
            print("the rules differ: the receipt was made with other pack versions (\(receipt.provenance.code.split(separator: "|")[3]) now)")
            throw CLIExit.findings
        case .differentRequest:
            print("the request (or the key) differs from the one the receipt was made for")
            throw CLIExit.findings
        case .differentVerdicts:
            print("same request and rules, but the verdicts differ: please report this")
            throw CLIExit.findings
        }
    }
}
