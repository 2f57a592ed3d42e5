// SPDX-License-Identifier: Apache-2.0
/// One case, ready to run: a call, its input, and what the answer must hold.
public struct PolicyCase: Sendable {
    /// What the case shows, in the author's words (with the variant's, if any).
    public let name: String
    /// The clause the case checks, with its document: "安政办〔2018〕19号 二（二）".
    public let clause: String
    public let call: CaseCall
    /// The request (eligibility, points, entitlements): the file's base, the named base
    /// and the case's patches applied in that order.
    public let request: JSONValue
    /// For lint cases: a merge patch of the pack under test.
    public let packPatch: JSONValue?
    public let expectations: [(path: AnswerPath, expectation: Expectation)]

    public init(name: String, clause: String, call: CaseCall, request: JSONValue, packPatch: JSONValue?,
                expectations: [(path: AnswerPath, expectation: Expectation)]) {
        self.name = name
        self.clause = clause
        self.call = call
        self.request = request
        self.packPatch = packPatch
        self.expectations = expectations
    }

    /// The checks that failed against `answer` (empty: the case passes). An answer of the
    /// form `{"error": {...}}` (the call failed) fails the case, unless the case expects
    /// something under `error`.
    public func check(_ answer: JSONValue) -> [CaseFailure] {
        if let error = answer["error"], !expectations.contains(where: { $0.path.steps.first == .member("error") }) {
            let status = error["status"]?.stringValue ?? "error"
            let message = error["message"]?.stringValue ?? ""
            return [CaseFailure(case: self, path: "", expected: "an answer", got: "\(status): \(message)")]
        }
        var failures: [CaseFailure] = []
        for (path, expectation) in expectations {
            let actual = path.resolve(in: answer)
            if !expectation.isMet(by: actual) {
                failures.append(CaseFailure(case: self, path: path.description, expected: expectation.summary,
                                            got: Expectation.show(actual)))
            }
        }
        return failures
    }
}

/// One failed check of a case.
public struct CaseFailure: Sendable, CustomStringConvertible {
    public let caseName: String
    public let clause: String
    public let path: String
    public let expected: String
    public let got: String

    public init(case policyCase: PolicyCase, path: String, expected: String, got: String) {
        caseName = policyCase.name
        clause = policyCase.clause
        self.path = path
        self.expected = expected
        self.got = got
    }

    /// One line: `<case>: <path>: expected <x>, got <y> [<clause>]`.
    public var description: String {
        let place = path.isEmpty ? "" : path + ": "
        return "\(caseName): \(place)expected \(expected), got \(got) [\(clause)]"
    }
}
