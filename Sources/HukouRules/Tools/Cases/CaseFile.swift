// SPDX-License-Identifier: Apache-2.0
/// A pack's case file (`Policies/<pack>.cases.yaml`, docs/cases.md), read from its JSON
/// form: a base request, optional named bases, and the cases.
///
/// ```yaml
/// pack: anyang
/// document: 安政办〔2018〕19号
/// request: {jurisdiction: anyang, as_of: "2026-11-25", locale: zh-CN, applicant: {}, family: []}
/// cases:
///   - name: 12 months, a labor contract and a rented home qualify
///     clause: 二（二）
///     call: eligibility
///     patch: {applicant: {social_insurance: {months: 12}, ...}}
///     expect:
///       pathways[urban_ordinary_workers].result: eligible
/// ```
public struct CaseFile: Sendable {
    /// The pack the cases are about: its id ("wenzhou/leqing"), or a family of packs
    /// ("wenzhou/*": every pack whose id begins with "wenzhou/").
    public let pack: String
    /// The document clauses are cited from, unless a case names its own.
    public let document: String?
    public let cases: [PolicyCase]
    /// For lint cases: the pack to lint instead of `pack` itself (a small made-up pack).
    public let lintPack: JSONValue?

    /// The most cases (variants counted) one file may hold: a bound on the work of a run.
    public static let maxCases = 10_000

    static let fileKeys = ["pack", "document", "request", "bases", "lint_pack", "cases"]
    static let caseKeys = ["name", "clause", "document", "call", "base", "request", "patch", "pack_patch", "expect", "variants"]
    static let variantKeys = ["name", "patch", "pack_patch", "expect"]

    public init(_ value: JSONValue) throws(CaseFileError) {
        guard case .object(let members) = value else { throw CaseFileError("", "expected an object with pack, request and cases") }
        try Self.onlyKnown(members, Self.fileKeys, at: "")
        guard let pack = value["pack"]?.stringValue, !pack.isEmpty else { throw CaseFileError("pack", "expected the pack id (text)") }
        self.pack = pack
        let document = try Self.optionalText(value["document"], "document")
        self.document = document
        let base = value["request"] ?? .object([])
        guard case .object = base else { throw CaseFileError("request", "expected an object (the base request)") }
        var bases: [String: JSONValue] = [:]
        if let named = value["bases"] {
            guard case .object(let list) = named else { throw CaseFileError("bases", "expected an object of named request patches") }
            for entry in list {
                guard case .object = entry.value else { throw CaseFileError("bases.\(entry.key)", "expected an object (a patch of request)") }
                bases[entry.key] = MergePatch.apply(entry.value, to: base)
            }
        }
        lintPack = value["lint_pack"]
        guard let list = value["cases"]?.elements else { throw CaseFileError("cases", "expected a list of cases") }
        var cases: [PolicyCase] = []
        for (index, item) in list.enumerated() {
            let at = "cases[\(index)]"
            guard case .object(let caseMembers) = item else { throw CaseFileError(at, "expected an object (a case)") }
            try Self.onlyKnown(caseMembers, Self.caseKeys, at: at)
            guard let name = item["name"]?.stringValue, !name.isEmpty else { throw CaseFileError(at + ".name", "expected the case's name (text)") }
            guard let clause = item["clause"]?.stringValue, !clause.isEmpty else {
                throw CaseFileError(at + ".clause", "expected the clause the case checks (text, e.g. 二（二）)")
            }
            let caseDocument = try Self.optionalText(item["document"], at + ".document") ?? document
            let citation = caseDocument.map { clause.hasPrefix($0) ? clause : $0 + " " + clause } ?? clause
            guard let callName = item["call"]?.stringValue, let call = CaseCall(rawValue: callName) else {
                throw CaseFileError(at + ".call", "expected one of " + CaseCall.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var request: JSONValue = base
            if let baseName = item["base"] {
                guard let key = baseName.stringValue, let named = bases[key] else {
                    throw CaseFileError(at + ".base", "expected the name of one of bases: " + bases.keys.sorted().joined(separator: ", "))
                }
                request = named
            }
            if let whole = item["request"] {
                guard case .object = whole else { throw CaseFileError(at + ".request", "expected an object (a whole request)") }
                request = whole
            }
            if let patch = item["patch"] { request = try Self.patched(request, patch, at + ".patch") }
            let expect = try Self.expectations(item["expect"], at + ".expect")
            let packPatch = item["pack_patch"]
            guard let variants = item["variants"] else {
                guard !expect.isEmpty else { throw CaseFileError(at + ".expect", "expected at least one path: value") }
                cases.append(PolicyCase(name: name, clause: citation, call: call, request: request, packPatch: packPatch, expectations: expect))
                continue
            }
            guard let variantList = variants.elements, !variantList.isEmpty else { throw CaseFileError(at + ".variants", "expected a list of variants") }
            for (number, variant) in variantList.enumerated() {
                let vat = at + ".variants[\(number)]"
                guard case .object(let variantMembers) = variant else { throw CaseFileError(vat, "expected an object (patch and expect)") }
                try Self.onlyKnown(variantMembers, Self.variantKeys, at: vat)
                let label = try Self.optionalText(variant["name"], vat + ".name") ?? "#\(number + 1)"
                let variantRequest = try variant["patch"].map { (patch) throws(CaseFileError) in try Self.patched(request, patch, vat + ".patch") } ?? request
                var variantPack = packPatch
                if let extra = variant["pack_patch"] { variantPack = variantPack.map { MergePatch.apply(extra, to: $0) } ?? extra }
                // The variant's own expectations replace the case's at the same path.
                let own = try Self.expectations(variant["expect"], vat + ".expect")
                var merged = expect.filter { shared in !own.contains { $0.path == shared.path } }
                merged.append(contentsOf: own)
                guard !merged.isEmpty else { throw CaseFileError(vat + ".expect", "expected at least one path: value") }
                cases.append(PolicyCase(name: "\(name) [\(label)]", clause: citation, call: call, request: variantRequest,
                                        packPatch: variantPack, expectations: merged))
            }
            guard cases.count <= Self.maxCases else { throw CaseFileError("cases", "more than \(Self.maxCases) cases") }
        }
        self.cases = cases
    }

    /// Whether a file's `pack` (an id or "family/*") covers the pack `id`.
    public static func pack(_ filePack: String, covers id: String) -> Bool {
        if filePack.hasSuffix("/*") { return id.hasPrefix(String(filePack.dropLast())) }
        return filePack == id
    }

    private static func onlyKnown(_ members: [JSONMember], _ known: [String], at path: String) throws(CaseFileError) {
        for member in members where !known.contains(member.key) {
            let place = path.isEmpty ? member.key : path + "." + member.key
            throw CaseFileError(place, "unknown key; expected one of " + known.joined(separator: ", "))
        }
    }

    private static func optionalText(_ value: JSONValue?, _ path: String) throws(CaseFileError) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue else { throw CaseFileError(path, "expected a text") }
        return text
    }

    private static func patched(_ request: JSONValue, _ patch: JSONValue, _ path: String) throws(CaseFileError) -> JSONValue {
        guard case .object = patch else { throw CaseFileError(path, "expected an object (the members to change)") }
        return MergePatch.apply(patch, to: request)
    }

    private static func expectations(_ value: JSONValue?, _ path: String) throws(CaseFileError) -> [(path: AnswerPath, expectation: Expectation)] {
        guard let value else { return [] }
        guard case .object(let members) = value else { throw CaseFileError(path, "expected path: value lines") }
        var list: [(path: AnswerPath, expectation: Expectation)] = []
        for member in members {
            guard let answerPath = AnswerPath(member.key) else {
                throw CaseFileError(path + "." + member.key, "not a path (e.g. pathways[towns_open].result, breakdown[age].points)")
            }
            list.append((answerPath, try Expectation.read(member.value, path: path + "." + member.key)))
        }
        return list
    }
}
