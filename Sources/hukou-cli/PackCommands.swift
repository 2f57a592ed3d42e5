// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import HukouRules

struct PacksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "packs", abstract: "List the embedded and loaded policy packs.")
    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        let engine = try engineOptions.makeEngine()
        print("id\tversion\teffective_from\teffective_until\tdocument\tcity_size_class\tpathways\tpoints\tentitlements")
        for pack in engine.registry.allPacks {
            let points: String
            switch pack.points {
            case .table?: points = "table"
            case .prohibited?: points = "prohibited"
            case nil: points = "-"
            }
            let size = pack.sizeClass.map { $0.value + ($0.provisional ? " (provisional)" : "") } ?? "-"
            print([pack.id, pack.version, pack.effectiveFrom.description, pack.effectiveUntil?.description ?? "-",
                   pack.document.number, size, String(pack.pathways.count), points, String(pack.entitlements.count)]
                .joined(separator: "\t"))
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show a pathway's conditions with their citations.")
    @Argument(help: "The pathway id (see `hukou eligibility` output).") var pathway: String
    @Option(help: "The jurisdiction whose pathway to explain.") var jurisdiction: String?
    @Option(help: "zh-CN or en.") var locale: String = "zh-CN"
    @Option(help: "The date whose rules to show (YYYY-MM-DD); default: each pack's newest version.") var date: String?
    @OptionGroup var engineOptions: EngineOptions

    func validate() throws {
        try OptionChecks.locale(locale)
        try OptionChecks.date(date)
    }

    func run() throws {
        let engine = try engineOptions.makeEngine()
        let language = AnswerLocale(rawValue: locale) ?? .zhCN
        let asOf = date.flatMap(CivilDate.init(iso:))
        var found = false
        for pack in engine.registry.allPacks where jurisdiction == nil || pack.id == jurisdiction {
            if let asOf, !pack.isInForce(on: asOf) { continue }
            for candidate in pack.pathways where candidate.id == pathway {
                found = true
                print("\(pack.name.text(language)) — \(candidate.name.text(language)) [\(candidate.citation)] (\(pack.document.number) \(pack.version))")
                describe(candidate.condition, indent: 1, language: language, on: asOf ?? pack.effectiveFrom)
                for follower in candidate.followers {
                    print("  + \(follower.label.text(language)) [\(follower.citation)]")
                }
                if let note = candidate.note { print("  ※ \(note.text(language))") }
            }
        }
        if !found {
            printError("hukou: no pathway \"\(pathway)\"\(jurisdiction.map { " in \($0)" } ?? "")")
            throw ExitCode.validationFailure
        }
    }

    private func describe(_ condition: Condition, indent: Int, language: AnswerLocale, on date: CivilDate) {
        let pad = String(repeating: "  ", count: indent)
        let info = condition.info
        let cite = info.citation.map { " [\($0)]" } ?? ""
        switch condition {
        case .all(let children, _), .any(let children, _):
            let isAll: Bool
            if case .all = condition { isAll = true } else { isAll = false }
            let head = info.label?.text(language) ?? (isAll ? (language == .en ? "all of" : "同时满足") : (language == .en ? "any of" : "满足其一"))
            print(pad + head + cite)
            for child in children { describe(child, indent: indent + 1, language: language, on: date) }
        case .not(let child, _):
            print(pad + (info.label?.text(language) ?? (language == .en ? "not" : "不得")) + cite)
            describe(child, indent: indent + 1, language: language, on: date)
        case .family(let quantifier, let relations, let child, _):
            let who = relations.map { $0.joined(separator: "/") } ?? (language == .en ? "family member" : "家庭成员")
            let head = quantifier == .some ? (language == .en ? "some \(who) such that" : "有\(who)满足") : (language == .en ? "every \(who) such that" : "每个\(who)均满足")
            print(pad + (info.label?.text(language) ?? head) + cite)
            describe(child, indent: indent + 1, language: language, on: date)
        case .leaf(let leaf):
            let value: String
            switch leaf.operand {
            case .bool(let flag): value = String(flag)
            case .integer(let n): value = String(n)
            case .enumeration(let name): value = name
            case .strings(let names): value = "[" + names.joined(separator: ", ") + "]"
            case .decimal(let number): value = number.description
            case .date(let date): value = date.description
            case .parameter(let parameter):
                let current: String
                switch parameter.value(on: date) {
                case .integer(let n): current = String(n)
                case .strings(let names): current = names.joined(separator: ", ")
                }
                value = "\(parameter.id) = \(current)\(parameter.provisional ? " (provisional)" : "")"
            }
            let label = info.label?.text(language) ?? leaf.fact.label.text(language)
            print("\(pad)\(label): \(leaf.fact.name) \(leaf.op.rawValue) \(value)\(cite)")
        }
    }
}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a city pack against the national rules of 国办发〔2016〕72号 (tasks 7, 8, 9, 20) and its own caps.")
    @Argument(help: "The pack file.") var pack: String
    @Option(help: "zh-CN or en.") var locale: String = "zh-CN"

    func validate() throws { try OptionChecks.locale(locale) }

    func run() throws {
        let text = try InputFiles.readText(pack)
        let language = AnswerLocale(rawValue: locale) ?? .zhCN
        let national = CivilDate(year: 2030, month: 1, day: 1).flatMap { (try? Engine.withEmbeddedPacks())?.registry.national(on: $0) }
        let violations: [LintViolation]
        do {
            violations = try PackLint.lint(text, national: national)
        } catch {
            // Every problem of the pack, one a line, each with its JSON path.
            let problems = error.kind == .pack ? PackLoader.problems(text) : [error]
            for problem in problems.isEmpty ? [error] : problems {
                printError("hukou: \(pack): \(problem.describe(language))")
            }
            throw CLIExit.invalidPack
        }
        for violation in violations {
            print("\(pack): \(violation.path): \(violation.rule): \(violation.message.text(language))")
        }
        // Warnings (values without words): reported, the exit status unchanged.
        for warning in (try? PackLint.warnings(text)) ?? [] {
            print("\(pack): \(warning.path): \(language == .en ? "warning" : "警告"): \(warning.rule): \(warning.message.text(language))")
        }
        if !violations.isEmpty { throw CLIExit.findings }
        print(language == .en ? "\(pack): no violations" : "\(pack)：未发现违反国家规定之处")
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Which rules and parameters changed between two versions of a pack.")
    @Argument(help: "The old pack.") var old: String
    @Argument(help: "The new pack.") var new: String
    @Flag(help: "Exit with 1 when anything changed.") var exitCode = false

    func run() throws {
        let changes: [PackChange]
        do {
            changes = try PackDiff.diff(old: try InputFiles.readText(old), new: try InputFiles.readText(new))
        } catch let error as HukouError {
            printError("hukou: \(error.describe(nil))")
            throw CLIExit.invalidPack
        }
        for change in changes {
            let fields = change.fields.isEmpty ? "" : " (" + change.fields.joined(separator: ", ") + ")"
            let id = change.id.isEmpty ? "" : " " + change.id
            print("\(change.kind.rawValue) \(change.section)\(id)\(fields) [\(change.citation)]")
        }
        if changes.isEmpty { print("no changes") }
        if exitCode, !changes.isEmpty { throw CLIExit.findings }
    }
}
