// SPDX-License-Identifier: Apache-2.0
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
        The pack files beside the case files (X.json; a family's folder) are loaded over the embedded
        packs, so that an edited pack is tested as it stands; --embedded tests the built-in copies.
        --pack FILE loads a changed pack in their place and runs the cases of its pack id.
        Exit codes: 0 every case passed; 1 a case failed or a case file could not be read.
        """)

    @Argument(help: "Case files, pack files or folders (default: Policies).")
    var paths: [String] = []

    @Option(name: .customLong("pack"), help: "A changed pack to try against its cases (repeatable); replaces the embedded version.")
    var packs: [String] = []

    @Option(help: "Answer through this shared library's C ABI (e.g. build/lib/libhukou.so) instead of the Swift engine.")
    var library: String?

    @Flag(help: "Test the packs built into the engine (or --library) instead of the pack files beside the cases.")
    var embedded = false

    @Flag(help: "List every case, not only the failures.")
    var verbose = false

    func run() throws {
        var engine = try EngineOptions.embeddedEngine()
        let shared = try SharedLibrary.open(library)
        // Packs given with --pack, by id: the engine answers with them, lint checks them.
        var changed: [(path: String, text: String, value: JSONValue)] = []
        for path in packs {
            let text = try InputFiles.readText(path)
            do {
                let value = try JSONParser.parse(text)
                changed.append((path, text, value))
            } catch {
                printError("hukou: \(path): \(error.describe(nil))")
                throw CLIExit.invalidPack
            }
        }
        let changedIDs = Set(changed.compactMap { $0.value["id"]?.stringValue })
        var files = try caseFiles(packIDs: changedIDs)
        files.sort()
        // The pack files beside the case files, as they stand (unless --embedded), then the
        // --pack ones: what is tested is what the files say, not an older embedded copy.
        var toLoad: [(path: String, text: String, value: JSONValue)] = []
        if !embedded {
            var seen: Set<String> = []
            for path in files {
                for packPath in packFiles(for: path) where !seen.contains(packPath) {
                    seen.insert(packPath)
                    let text = try InputFiles.readText(packPath)
                    guard let value = try? JSONParser.parse(text), let id = value["id"]?.stringValue, !changedIDs.contains(id) else { continue }
                    toLoad.append((packPath, text, value))
                }
            }
        }
        toLoad.append(contentsOf: changed)
        var lintPacks: [JSONValue] = []
        for pack in toLoad {
            do {
                try engine.load(pack: pack.text)
            } catch {
                printError("hukou: \(pack.path): \(error.describe(nil))")
                throw CLIExit.invalidPack
            }
            if let message = shared?.load(pack: pack.text) {
                printError("hukou: \(pack.path): \(library ?? ""): \(message)")
                throw CLIExit.invalidPack
            }
            lintPacks.insert(pack.value, at: 0) // later (--pack) first
        }
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
            let answers = EngineCaseAnswers(engine: engine, packs: lintPacks)
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
        if let library { print("answers through the C ABI of \(library) (lint cases: the Swift engine; lint is not part of the C ABI)") }
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

    /// The pack files a case file is about: X.json beside X.cases.yaml, or for a family
    /// (`pack: wenzhou/*`) every pack file in its folder.
    private func packFiles(for caseFilePath: String) -> [String] {
        let beside = String(caseFilePath.dropLast(".cases.yaml".count)) + ".json"
        let manager = FileManager.default
        if manager.fileExists(atPath: beside) { return [beside] }
        guard let pack = try? packID(of: caseFilePath), pack.hasSuffix("/*") else { return [] }
        let folder = (caseFilePath as NSString).deletingLastPathComponent
        let names = (try? manager.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.isEmpty ? $0 : folder + "/" + $0 }
    }
}
