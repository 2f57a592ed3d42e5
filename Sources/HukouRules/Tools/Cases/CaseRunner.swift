// SPDX-License-Identifier: Apache-2.0
/// Runs the cases of a file and collects what failed. The answers come from a function,
/// so that the same cases run through the Swift engine (``EngineCaseAnswers``) and through
/// the shipped library's C ABI (`hukou test --library`).
public enum CaseRunner {
    public static func run(_ file: CaseFile, answer: (PolicyCase) -> JSONValue) -> CaseRun {
        var failures: [[CaseFailure]] = []
        for policyCase in file.cases {
            failures.append(policyCase.check(answer(policyCase)))
        }
        return CaseRun(pack: file.pack, cases: file.cases.count, failures: failures)
    }
}

/// The outcome of one file's cases.
public struct CaseRun: Sendable {
    public let pack: String
    /// Cases run (each variant counts as one).
    public let cases: Int
    /// Per case, in file order, its failed checks (empty: passed).
    public let failures: [[CaseFailure]]

    public var failed: Int { failures.filter { !$0.isEmpty }.count }
    public var passed: Int { cases - failed }
}

/// Answers cases with an ``Engine``: the three decision calls, and lint against the
/// national pack in force on the request's as-of date.
public struct EngineCaseAnswers: Sendable {
    public let engine: Engine
    /// The pack lint cases patch and check (a changed pack, or the file beside the cases),
    /// when its id is the one a case lints; otherwise the embedded pack of that id.
    public let packs: [JSONValue]
    /// The name a failed call's status has in case files ("HUKOU_E_INVALID"): the C
    /// interface's, which the core does not know (`Sources/Hukou` gives it).
    public let statusName: @Sendable (HukouErrorKind) -> String

    public init(engine: Engine, packs: [JSONValue] = [], statusName: @escaping @Sendable (HukouErrorKind) -> String) {
        self.engine = engine
        self.packs = packs
        self.statusName = statusName
    }

    /// The answer, or `{"error": {"status": …, "message": …}}` when the call fails.
    public func answer(_ policyCase: PolicyCase, file: CaseFile) -> JSONValue {
        do throws(HukouError) {
            switch policyCase.call {
            case .lint:
                return try lint(policyCase, file: file)
            case .eligibility, .points, .entitlements:
                let request = try engine.readRequest(policyCase.request)
                do throws(HukouError) {
                    switch policyCase.call {
                    case .eligibility: return try engine.eligibility(request)
                    case .points: return try engine.points(request)
                    default: return try engine.entitlements(request)
                    }
                } catch {
                    return errorAnswer(error, locale: request.locale)
                }
            }
        } catch {
            return errorAnswer(error, locale: DecisionRequest.sniffLocale(policyCase.request))
        }
    }

    /// The answer a failed call stands for.
    public static func errorAnswer(status: String, message: String) -> JSONValue {
        .object([JSONMember("error", .object([JSONMember("status", .string(status)), JSONMember("message", .string(message))]))])
    }

    /// The message of an ``errorAnswer(status:message:)``; nil for an answer of a call
    /// that succeeded (which has no top-level "error").
    public static func errorMessage(in answer: JSONValue) -> String? {
        guard let error = answer["error"] else { return nil }
        return error["message"]?.stringValue ?? "failed"
    }

    func errorAnswer(_ error: HukouError, locale: AnswerLocale?) -> JSONValue {
        Self.errorAnswer(status: statusName(error.kind), message: error.describe(locale))
    }

    /// `{"violations": [{"rule", "path", "message": {"zh", "en"}}]}`. The pack linted: the
    /// file's `lint_pack`, else the pack the case's request names (when the file covers it,
    /// as `wenzhou/*` covers each county), else the file's pack; one of ``packs`` when its id is
    /// that one, else the embedded version.
    private func lint(_ policyCase: PolicyCase, file: CaseFile) throws(HukouError) -> JSONValue {
        var subject = file.lintPack
        if subject == nil {
            let requested = policyCase.request["jurisdiction"]?.stringValue
            let id = requested.flatMap { CaseFile.pack(file.pack, covers: $0) ? $0 : nil } ?? file.pack
            if let pack = packs.first(where: { $0["id"]?.stringValue == id }) {
                subject = pack
            } else if let embedded = EmbeddedPacks.all.first(where: { $0.id == id }) {
                subject = try JSONParser.parse(embedded.json)
            }
        }
        guard var subject else {
            throw HukouError(.misuse, path: "pack", zh: "找不到要检查的政策包 \(file.pack)", en: "no pack \(file.pack) to lint")
        }
        if let patch = policyCase.packPatch { subject = MergePatch.apply(patch, to: subject) }
        let date = policyCase.request["as_of"]?.stringValue.flatMap { CivilDate(iso: $0) } ?? CivilDate(year: 2030, month: 1, day: 1)
        let national = date.flatMap { engine.registry.national(on: $0) }
        let violations = try PackLint.lint(JSONWriter.string(subject), national: national)
        return .object([JSONMember("violations", .array(violations.map { violation in
            .object([JSONMember("rule", .string(violation.rule)), JSONMember("path", .string(violation.path)),
                     JSONMember("message", .object([JSONMember("zh", .string(violation.message.zh)),
                                                    JSONMember("en", .string(violation.message.en))]))])
        }))])
    }
}
