// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import CHukou
// The C interface's facts for the whole tool: status names (HukouErrorKind.name), the
// limits of the C ABI (EngineLimits.header, Engine()) and HUKOU_VERSION.
import Hukou

/// `hukou`: the engine of the kiosk library, for service-center staff and policy offices.
@main
struct HukouCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hukou",
        abstract: "Settlement eligibility, residence-permit points and entitlements, with citations.",
        discussion: """
        Examples:
          hukou eligibility examples/requests/anyang.json --format text
          hukou points - --date 2027-01-01 --locale en < request.json
          hukou packs
          hukou explain urban_ordinary_workers --jurisdiction anyang
          hukou lint my-city.json
          hukou diff Policies/anyang.json anyang-2027.json
          hukou test --pack anyang-2027.json
          hukou generate --count 100000 --jurisdiction anyang | hukou batch - --summary-only
          hukou keygen --out center.key > center.pub
          hukou sign my-city.json --key center.key --serial 7 > my-city.signed.json
          hukou verify my-city.signed.json --public-key $(cat center.pub)
          hukou eligibility examples/requests/anyang.json --format html > screen.html
          hukou receipt examples/requests/anyang.json --key kiosk.key --columns 48
          hukou receipt verify request.json --key kiosk.key --code 'HK1|E|...'

        Exit codes: 0 success; 1 lint violations, changed rules (diff --exit-code), a bad signature (verify),
        a failed case (test) or golden answer (golden --check), a receipt that does not match (receipt verify);
        2 usage error; 3 invalid request; 4 invalid pack; 5 I/O error.
        """,
        version: HUKOU_VERSION,
        subcommands: [
            EligibilityCommand.self, PointsCommand.self, EntitlementsCommand.self,
            PacksCommand.self, ExplainCommand.self, LintCommand.self, DiffCommand.self,
            BatchCommand.self, SummarizeCommand.self, GenerateCommand.self, KeygenCommand.self, SignCommand.self, VerifyCommand.self, ReceiptCommand.self, RenderCommand.self,
            TestCommand.self, GoldenCommand.self,
        ]
    )

    /// ArgumentParser's own entry point, except that a usage error (unknown option,
    /// bad option value, missing argument) exits with 2 as documented, not with 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                exit(withError: CLIExit.usage)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes of the command line (documented in --help and docs/cli.md).
enum CLIExit {
    static let findings = ExitCode(1)
    static let usage = ExitCode(2)
    static let invalidRequest = ExitCode(3)
    static let invalidPack = ExitCode(4)
    static let io = ExitCode(5)
}
