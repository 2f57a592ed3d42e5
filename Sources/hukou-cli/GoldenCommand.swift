// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import HukouRules

/// `hukou golden`: the whole answer to every example request, in both locales, as checked-in
/// files (examples/answers/<request>/<call>.<locale>.json), written or compared byte for byte.
struct GoldenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golden",
        abstract: "Write (or --check) the golden answers of examples/requests under examples/answers.",
        discussion: """
        Each request is answered by eligibility, points and entitlements in zh-CN and en (its locale
        replaced), pretty-printed with two-space indents so that a diff shows what moved.
        `make golden` rewrites them after an intended change; `make test` runs --check, through the
        Swift engine and through the release library (--library build/lib/libhukou.so).
        Exit codes: 0 written, or every file matches; 1 a file differs or is missing.
        """)

    @Option(help: "The folder of request files.") var requests = "examples/requests"
    @Option(help: "The folder of golden answers.") var answers = "examples/answers"
    @Flag(help: "Compare with the files instead of writing them.") var check = false
    @Option(help: "Answer through this shared library's C ABI (e.g. build/lib/libhukou.so).") var library: String?

    static let calls: [CaseCall] = [.eligibility, .points, .entitlements]

    func run() throws {
        let engine = try EngineOptions.embeddedEngine()
        let shared = try SharedLibrary.open(library)
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: requests)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else {
            printError("hukou: no requests in \(requests)")
            throw CLIExit.io
        }
        var passed = 0, failed = 0
        var expected: Set<String> = []
        for name in names {
            let stem = String(name.dropLast(5))
            let value: JSONValue
            do { value = try JSONParser.parse(try InputFiles.read(requests + "/" + name)) } catch let error as HukouError {
                printError("hukou: \(requests)/\(name): \(error.describe(nil))")
                throw CLIExit.invalidRequest
            }
            for call in Self.calls {
                for locale in AnswerLocale.allCases {
                    let request = MergePatch.apply(.object([JSONMember("locale", .string(locale.rawValue))]), to: value)
                    let answer = shared?.answer(call, request: request) ?? Self.answer(engine, call, request)
                    let text = PrettyJSON.string(answer) + "\n"
                    let path = "\(answers)/\(stem)/\(call.rawValue).\(locale.rawValue).json"
                    expected.insert(path)
                    if check {
                        let current = manager.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
                        if current == text {
                            passed += 1
                        } else {
                            failed += 1
                            print("FAIL \(path): " + (current == nil ? "missing" : "differs from the answer (make golden, then read the diff)"))
                        }
                    } else {
                        try? manager.createDirectory(atPath: "\(answers)/\(stem)", withIntermediateDirectories: true)
                        guard manager.createFile(atPath: path, contents: Data(text.utf8)) else {
                            printError("hukou: cannot write \(path)")
                            throw CLIExit.io
                        }
                        passed += 1
                    }
                }
            }
        }
        // Golden files of requests that no longer exist would go stale silently.
        if check, let enumerator = manager.enumerator(atPath: answers) {
            for case let relative as String in enumerator where relative.hasSuffix(".json") && !expected.contains("\(answers)/\(relative)") {
                failed += 1
                print("FAIL \(answers)/\(relative): no request answers it (remove it, or run make golden)")
            }
        }
        print(check ? "\(passed) passed, \(failed) failed" : "wrote \(passed) golden answers under \(answers)")
        if failed > 0 { throw CLIExit.findings }
    }

    static func answer(_ engine: Engine, _ call: CaseCall, _ value: JSONValue) -> JSONValue {
        do throws(HukouError) {
            let request = try engine.readRequest(value)
            switch call {
            case .eligibility: return try engine.eligibility(request)
            case .points: return try engine.points(request)
            default: return try engine.entitlements(request)
            }
        } catch {
            return EngineCaseAnswers.errorAnswer(status: error.kind.name, message: error.describe(nil))
        }
    }
}

/// JSON with two-space indents, one member or element a line, keys in the answer's order:
/// the form of the golden files, so that a diff shows which value moved.
enum PrettyJSON {
    static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", into: &out)
        return out
    }

    private static func write(_ value: JSONValue, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch value {
        case .array(let elements) where !elements.isEmpty:
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += inner
                write(element, indent: inner, into: &out)
                out += index == elements.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += inner + JSONWriter.string(.string(member.key)) + ": "
                write(member.value, indent: inner, into: &out)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        default:
            out += JSONWriter.string(value)
        }
    }
}
