import ArgumentParser
import Foundation
import HukouRules
import HukouYAML

/// `hukou test`: runs the policy cases (Policies/*.cases.yaml, docs/cases.md) through the
/// engine, or through the shipped library's C ABI with `--library`.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the policy cases of packs (Policies/*.cases.yaml): one line per failure, N passed, N failed.",
        discussion: """
        Arguments are case files (*.cases.yaml), packs (X.json: its cases are X.cases.yaml beside it) or
        folders (every *.cases.yaml below them); none: Policies/.
        --pack FILE loads a changed pack in place of the embedded one and runs the cases of its pack id.
        Exit codes: 0 every case passed; 1 a case failed or a case file could not be read.
        """)

    @Argument(help: "Case files, pack files or folders (default: Policies).")
    var paths: [String] = []

    @Option(name: .customLong("pack"), help: "A changed pack to try against its cases (repeatable); replaces the embedded version.")
    var packs: [String] = []

    @Option(help: "Answer through this shared library's C ABI (e.g. build/lib/libhukou.so) instead of the Swift engine.")
    var library: String?

    @Flag(help: "List every case, not only the failures.")
    var verbose = false

    func run() throws {
        var engine: Engine
        do {
            engine = try Engine.withEmbeddedPacks()
        } catch {
            printError("hukou: \(error.describe(nil))")
            throw CLIExit.invalidPack
        }
        var shared: SharedLibrary?
        if let library {
            do { shared = try SharedLibrary(path: library) } catch {
                printError("hukou: \(error)")
                throw CLIExit.io
            }
        }
        // Packs given with --pack, by id: the engine answers with them, lint checks them.
        var loaded: [String: JSONValue] = [:]
        for path in packs {
            let text = try InputFiles.readText(path)
            do {
                try engine.load(pack: text)
                let value = try JSONParser.parse(text)
                if let id = value["id"]?.stringValue { loaded[id] = value }
            } catch {
                printError("hukou: \(path): \(error.describe(nil))")
                throw CLIExit.invalidPack
            }
            if let message = shared?.load(pack: text) {
                printError("hukou: \(path): \(library ?? ""): \(message)")
                throw CLIExit.invalidPack
            }
        }
        var files = try caseFiles(packIDs: Set(loaded.keys))
        files.sort()
        var passed = 0, failed = 0
        for path in files {
            let file: CaseFile
            do {
                file = try CaseFile(try YAMLDocument.parse(try InputFiles.readText(path)))
            } catch let error as CaseFileError {
                print("FAIL \(path): \(error)")
                failed += 1
                continue
            }
            let pack = loaded[file.pack] ?? packBeside(path)
            let answers = EngineCaseAnswers(engine: engine, pack: pack)
            let run = CaseRunner.run(file) { policyCase in
                if let shared, policyCase.call != .lint { return shared.answer(policyCase.call, request: policyCase.request) }
                return answers.answer(policyCase, file: file)
            }
            for (policyCase, failures) in zip(file.cases, run.failures) {
                if failures.isEmpty {
                    if verbose { print("ok   \(path): \(policyCase.name) [\(policyCase.clause)]") }
                }
                for failure in failures { print("FAIL \(path): \(failure)") }
            }
            print("\(path) (pack \(file.pack)): \(run.cases) cases, \(run.passed) passed, \(run.failed) failed")
            passed += run.passed
            failed += run.failed
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 || files.isEmpty { throw CLIExit.findings }
    }

    /// The case files the arguments name (or those of the --pack ids, or all of Policies/).
    private func caseFiles(packIDs: Set<String>) throws -> [String] {
        let manager = FileManager.default
        var targets = paths
        if targets.isEmpty {
            if !packIDs.isEmpty {
                // The cases of each changed pack: any case file under Policies/ or beside the
                // pack whose `pack` names it.
                let folders = Set(["Policies"] + packs.map { ($0 as NSString).deletingLastPathComponent }.map { $0.isEmpty ? "." : $0 })
                var found: Set<String> = []
                for id in packIDs.sorted() {
                    var hit = false
                    for folder in folders.sorted() {
                        for path in Self.caseFiles(in: folder) {
                            if let pack = try? packID(of: path), CaseFile.pack(pack, covers: id) { found.insert(path); hit = true }
                        }
                    }
                    if !hit {
                        printError("hukou: no case file names pack \(id) (looked in \(folders.sorted().joined(separator: ", ")))")
                        throw CLIExit.io
                    }
                }
                return Array(found)
            }
            targets = ["Policies"]
        }
        var result: [String] = []
        for target in targets {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: target, isDirectory: &isFolder) else {
                printError("hukou: no such file or folder: \(target)")
                throw CLIExit.io
            }
            if isFolder.boolValue {
                result.append(contentsOf: Self.caseFiles(in: target))
            } else if target.hasSuffix(".cases.yaml") {
                result.append(target)
            } else {
                let beside = caseFile(besidePack: target)
                guard manager.fileExists(atPath: beside) else {
                    printError("hukou: \(target): no case file \(beside)")
                    throw CLIExit.io
                }
                result.append(beside)
            }
        }
        return Array(Set(result))
    }

    /// Every *.cases.yaml below `folder`.
    static func caseFiles(in folder: String) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let all = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".cases.yaml") }.map { base + "/" + $0 }.sorted()
    }

    private func caseFile(besidePack path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".cases.yaml"
    }

    private func packID(of caseFilePath: String) throws -> String {
        try CaseFile(try YAMLDocument.parse(try InputFiles.readText(caseFilePath))).pack
    }

    /// The pack JSON beside a case file (X.cases.yaml → X.json), for lint cases.
    private func packBeside(_ path: String) -> JSONValue? {
        let packPath = String(path.dropLast(".cases.yaml".count)) + ".json"
        guard let data = FileManager.default.contents(atPath: packPath) else { return nil }
        return try? JSONParser.parse(Array(data))
    }
}
