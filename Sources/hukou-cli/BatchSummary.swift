// SPDX-License-Identifier: Apache-2.0
import HukouRules

/// One pathway's result for one applicant under one pack.
struct PathwayResult: Sendable {
    /// The jurisdiction ("tianjin", "fujian/福州市") the pathway belongs to.
    var group: String
    var groupName: String
    var id: String
    var name: String
    /// Position of the pathway in its pack (keeps the summary in the pack's order).
    var order: Int
    var verdict: String
    /// The unmet requirements (top-level conditions, in the pack's words) when not eligible.
    var unmet: [String]
}

/// One applicant's points, as the summary needs them.
struct PointsResult: Sendable {
    var total: Int
    var threshold: Int?
    var reaches: Bool?
    var complete: Bool
}

/// One applicant's results, as the summary needs them.
struct BatchResult: Sendable {
    var output: [UInt8]?
    /// The line of the input file (1-based, or the number the line carried with --numbered).
    var line = 0
    /// A failed line: status name and the field the error names ("" for the whole line).
    var errorStatus: String?
    var errorField = ""
    /// Pathway results per engine (two when comparing).
    var pathways: [[PathwayResult]] = []
    var points: PointsResult?
    /// How the points were scored ("scored", "table_not_encoded", …) when the answer says.
    var pointsStatus: String?
    var locale: String?
    /// The answer's validity block: status ("in_force", "expired", …) and, when not in
    /// force, the sentence the answer shows first.
    var validityStatus: String?
    var validityText: String?

    mutating func addValidity(_ outcome: DecisionOutcome) {
        guard validityStatus == nil, let status = outcome.validityStatus else { return }
        validityStatus = status
        validityText = outcome.validityText
    }

    /// Adds one eligibility outcome's pathway results (unmet requirements for the first pack only).
    mutating func addEligibility(_ outcome: DecisionOutcome, collectUnmet: Bool) {
        var group = outcome.jurisdictionID, groupName = outcome.jurisdictionName
        if let city = outcome.city {
            group += "/" + city
            groupName += " " + city
        }
        if locale == nil { locale = outcome.locale }
        if collectUnmet { addValidity(outcome) }
        pathways.append(outcome.pathways.enumerated().map { order, pathway in
            PathwayResult(group: group, groupName: groupName, id: pathway.id, name: pathway.name, order: order,
                          verdict: pathway.openKind == .notEncoded ? SummaryWords.notEncoded : pathway.verdict,
                          unmet: collectUnmet ? pathway.unmet : [])
        })
    }

    mutating func addPoints(_ outcome: DecisionOutcome) {
        addValidity(outcome)
        pointsStatus = outcome.points?.status
        guard let score = outcome.points, let total = score.total else { return }
        points = PointsResult(total: BatchSummary.clampPoints(total), threshold: score.threshold.map(BatchSummary.clampPoints),
                              reaches: score.reachesThreshold, complete: score.complete)
        if locale == nil { locale = outcome.locale }
    }

    /// The result of one line of `hukou batch` output (the reducer side of a scale-out run).
    static func fromAnswerLine(_ line: [UInt8], number: Int) -> BatchResult {
        var result = BatchResult()
        result.line = number
        guard let value = try? JSONParser.parse(line) else {
            result.errorStatus = "not_an_answer_line"
            return result
        }
        result.line = value["line"]?.intValue ?? number
        if let status = value["status"]?.stringValue ?? (value["error"] != nil ? "error" : nil) {
            result.errorStatus = status
            result.errorField = value["field"]?.stringValue ?? ""
        }
        if let eligibility = value["eligibility"] { result.addEligibility(DecisionOutcome(answer: eligibility), collectUnmet: true) }
        if let points = value["points"] { result.addPoints(DecisionOutcome(answer: points)) }
        return result
    }

    /// Answers one request line through the library's request path (``Engine/parseRequest``
    /// and ``Engine/decide``: the request limit and work budget of the C ABI; each written
    /// answer within the answer limit). `detail` overrides the request's own `detail`.
    static func answer(_ line: [UInt8], line number: Int, engines: [Engine], eligibility: Bool, points: Bool,
                       entitlements: Bool, writeAnswers: Bool, detail: AnswerDetail? = nil) -> BatchResult {
        var result = BatchResult()
        result.line = number
        var out: [UInt8] = writeAnswers ? Array("{\"line\":\(number)".utf8) : []
        func append(_ key: String, _ answer: Decision) throws(HukouError) {
            let bytes = try answer.bytes(within: engines.first?.limits)
            out.append(contentsOf: ",\"\(key)\":".utf8)
            out.append(contentsOf: bytes)
        }
        func record(_ error: HukouError) {
            result.errorStatus = error.status.name
            result.errorField = error.path
            guard writeAnswers else { return }
            // The answers written before the failure stay, as the members before it.
            for (key, text) in [("status", error.status.name), ("field", error.path), ("error", error.describe(nil))] {
                out.append(contentsOf: ",\"\(key)\":".utf8)
                out.append(contentsOf: JSONWriter.serialize(.string(text)))
            }
        }
        do throws(LocalizedFailure) {
            var request = try line.withUnsafeBufferPointer { (buffer) throws(LocalizedFailure) in try (engines.first ?? Engine()).parseRequest(buffer) }
            if let detail { request.detail = detail }
            do throws(HukouError) {
                for (index, engine) in engines.enumerated() {
                    let answer = try engine.decide(.eligibility, request)
                    result.addEligibility(answer.outcome, collectUnmet: index == 0)
                    if index == 0, eligibility, writeAnswers { try append("eligibility", answer) }
                }
                let answer = try engines[0].decide(.points, request)
                result.addPoints(answer.outcome)
                if points, writeAnswers { try append("points", answer) }
                if entitlements, writeAnswers { try append("entitlements", try engines[0].decide(.entitlements, request)) }
            } catch {
                record(error)
            }
        } catch {
            record(error.error)
        }
        if writeAnswers { result.output = out + [UInt8(ascii: "}")] }
        return result
    }
}

/// How many applicants (before and after) each verdict of one pathway has, and why not.
struct PathwaySummary: Equatable {
    var group: String
    var groupName: String
    var id: String
    var name: String
    var order: Int
    /// verdict → applicants (the first pack).
    var verdicts: [String: Int] = [:]
    /// verdict → applicants under the second pack (--compare).
    var after: [String: Int] = [:]
    /// "before→after" → applicants whose verdict changed (--compare).
    var moves: [String: Int] = [:]
    /// requirement label → not-eligible applicants who miss it.
    var unmet: [String: Int] = [:]
    /// requirement label → not-eligible applicants for whom it is the only unmet one.
    var onlyUnmet: [String: Int] = [:]
    /// The pack differences that touch this pathway (--compare).
    var clauses: [ClauseChange] = []

    var applicants: Int { verdicts.values.reduce(0, +) }
    var movedIn: Int { moves.filter { $0.key.hasSuffix("→eligible") }.values.reduce(0, +) }
    var movedOut: Int { moves.filter { $0.key.hasPrefix("eligible→") }.values.reduce(0, +) }

    /// The most common unmet requirement (ties: the first label in code-point order).
    var topUnmet: (label: String, count: Int)? {
        unmet.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }.map { ($0.key, $0.value) }
    }

    mutating func merge(_ other: PathwaySummary) {
        // (counts of merged summaries add without overflow: see saturatingAdd)
        verdicts.merge(other.verdicts, uniquingKeysWith: saturatingAdd)
        after.merge(other.after, uniquingKeysWith: saturatingAdd)
        moves.merge(other.moves, uniquingKeysWith: saturatingAdd)
        unmet.merge(other.unmet, uniquingKeysWith: saturatingAdd)
        onlyUnmet.merge(other.onlyUnmet, uniquingKeysWith: saturatingAdd)
        for clause in other.clauses where !clauses.contains(clause) { clauses.append(clause) }
        if other.name < name { name = other.name } // order-independent when locales differ
    }
}

/// One difference between the two packs of --compare (from `hukou diff`).
struct ClauseChange: Equatable {
    var kind: String
    var section: String
    var id: String
    var citation: String
    var fields: [String]
}

/// Failed lines of one status and field: how many, and the first few line numbers.
struct ErrorGroup: Equatable {
    var status: String
    var field: String
    var count = 0
    var lines: [Int] = []
    static let keptLines = 5

    mutating func add(lines more: [Int], count added: Int) {
        count = saturatingAdd(count, added)
        lines = Array(Set(lines + more).sorted().prefix(Self.keptLines))
    }
}

/// The summary of a batch run: counts per pathway and verdict, why not, the points
/// distribution, failed lines and, with --compare, who moves. Summaries of parts of a
/// population merge (`hukou summarize` over per-partition summaries) into exactly the
/// summary of the whole, in any order.
struct BatchSummary: Equatable {
    var applicants = 0
    var errors: [String: ErrorGroup] = [:]
    var pathways: [String: PathwaySummary] = [:]
    var comparing: [String] = []
    /// The locale of the earliest line that has one (and that line's number): the same
    /// whichever worker answered it.
    var locale: String?
    var localeLine = Int.max
    /// Points: applicants scored, reaching the threshold, with an incomplete score.
    var scored = 0
    var reaching = 0
    var incomplete = 0
    var thresholds: [Int: Int] = [:]
    /// Applicants by the points answer's score_status (where it says one).
    var pointsStatuses: [String: Int] = [:]
    /// Applicants by the answers' validity status, and the sentences of those not in force.
    var validity: [String: Int] = [:]
    var validityTexts: [String: Int] = [:]
    /// Points, by bins of `binWidth`: lower bound → applicants.
    var histogram: [Int: Int] = [:]
    static let binWidth = 10

    /// Points and thresholds beyond ±10 000 are counted at the bound (keeps the histogram
    /// and the report bounded whatever a summarized line says).
    static func clampPoints(_ value: Int) -> Int { min(10_000, max(-10_000, value)) }

    var errorCount: Int { errors.values.reduce(0) { $0 + $1.count } }

    /// Pathways in pack order, grouped by jurisdiction.
    var orderedPathways: [PathwaySummary] {
        pathways.values.sorted { ($0.group, $0.order, $0.id) < ($1.group, $1.order, $1.id) }
    }

    /// The threshold most applicants were scored against.
    var threshold: Int? { thresholds.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key }

    mutating func add(_ result: BatchResult) {
        applicants += 1
        if let given = result.locale, locale == nil || result.line < localeLine {
            locale = given
            localeLine = result.line
        }
        if let status = result.errorStatus {
            let key = status + "\u{1F}" + result.errorField
            var group = errors[key] ?? ErrorGroup(status: status, field: result.errorField)
            group.add(lines: [result.line], count: 1)
            errors[key] = group
            return
        }
        if let first = result.pathways.first {
            let second = result.pathways.count > 1 ? result.pathways[1] : nil
            for (index, pathway) in first.enumerated() {
                let key = pathway.group + "\u{1F}" + pathway.id
                var summary = pathways[key] ?? PathwaySummary(group: pathway.group, groupName: pathway.groupName, id: pathway.id,
                                                               name: pathway.name, order: pathway.order)
                if pathway.name < summary.name { summary.name = pathway.name } // as merge does: order-independent
                summary.verdicts[pathway.verdict, default: 0] += 1
                for label in Set(pathway.unmet) { summary.unmet[label, default: 0] += 1 }
                if Set(pathway.unmet).count == 1, let only = pathway.unmet.first { summary.onlyUnmet[only, default: 0] += 1 }
                if let second {
                    let afterVerdict = (index < second.count && second[index].id == pathway.id ? second[index] : second.first { $0.id == pathway.id })?.verdict ?? SummaryWords.absent
                    summary.after[afterVerdict, default: 0] += 1
                    if afterVerdict != pathway.verdict { summary.moves[pathway.verdict + "→" + afterVerdict, default: 0] += 1 }
                }
                pathways[key] = summary
            }
        }
        if let status = result.validityStatus { validity[status, default: 0] += 1 }
        if let text = result.validityText { validityTexts[text, default: 0] += 1 }
        if let status = result.pointsStatus { pointsStatuses[status, default: 0] += 1 }
        if let points = result.points {
            scored += 1
            if points.reaches == true { reaching += 1 }
            if !points.complete { incomplete += 1 }
            if let threshold = points.threshold { thresholds[threshold, default: 0] += 1 }
            let bin = points.total >= 0 ? points.total / Self.binWidth * Self.binWidth : -((-points.total + Self.binWidth - 1) / Self.binWidth * Self.binWidth)
            histogram[bin, default: 0] += 1
        }
    }

    /// Attaches the pack differences of --compare to the pathways they touch.
    mutating func attach(clauses: [String: [ClauseChange]]) {
        for key in pathways.keys {
            guard let id = pathways[key]?.id, let list = clauses[id] else { continue }
            pathways[key]?.clauses = list
        }
    }

    mutating func merge(_ other: BatchSummary) {
        applicants = saturatingAdd(applicants, other.applicants)
        if let given = other.locale, locale == nil || other.localeLine < localeLine {
            locale = given
            localeLine = other.localeLine
        }
        if comparing.isEmpty { comparing = other.comparing }
        for (key, group) in other.errors {
            var mine = errors[key] ?? ErrorGroup(status: group.status, field: group.field)
            mine.add(lines: group.lines, count: group.count)
            errors[key] = mine
        }
        for (key, pathway) in other.pathways {
            if var mine = pathways[key] { mine.merge(pathway); pathways[key] = mine } else { pathways[key] = pathway }
        }
        scored = saturatingAdd(scored, other.scored)
        reaching = saturatingAdd(reaching, other.reaching)
        incomplete = saturatingAdd(incomplete, other.incomplete)
        thresholds.merge(other.thresholds, uniquingKeysWith: saturatingAdd)
        pointsStatuses.merge(other.pointsStatuses, uniquingKeysWith: saturatingAdd)
        validity.merge(other.validity, uniquingKeysWith: saturatingAdd)
        validityTexts.merge(other.validityTexts, uniquingKeysWith: saturatingAdd)
        histogram.merge(other.histogram, uniquingKeysWith: saturatingAdd)
    }
}

/// a + b, capped at 2^60 (merged counts come from input lines; counts read from a summary
/// line are at most 2^50, so neither the sum nor a later += 1 can overflow).
func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    min(1 << 60, max(-(1 << 60), a) + max(-(1 << 60), min(1 << 60, b)))
}
