import HukouRules

/// One applicant's results, as the summary needs them.
struct BatchResult: Sendable {
    var output: [UInt8]?
    var error: String?
    /// Pathway id → result ("eligible" ...), per engine (two when comparing).
    var pathways: [[(String, String)]] = []
    var unmet: [String] = []
    var points: Int?

    /// Adds one eligibility answer's pathway results (and, for the first, its unmet conditions).
    mutating func addEligibility(_ answer: JSONValue, collectUnmet: Bool) {
        var list: [(String, String)] = []
        for pathway in answer["pathways"]?.elements ?? [] {
            guard let id = pathway["id"]?.stringValue, let value = pathway["result"]?.stringValue else { continue }
            list.append((id, value))
            if collectUnmet, value == "not_eligible", let tree = pathway["conditions"] {
                collectUnmetLeaves(tree, into: &unmet)
            }
        }
        pathways.append(list)
    }

    /// The result of one line of `hukou batch` output (the reducer side of a scale-out run).
    static func fromAnswerLine(_ line: [UInt8]) -> BatchResult {
        var result = BatchResult()
        guard let value = try? JSONParser.parse(line) else {
            result.error = "not an answer line"
            return result
        }
        if value["error"] != nil { result.error = value["error"]?.stringValue ?? "error" }
        if let eligibility = value["eligibility"] { result.addEligibility(eligibility, collectUnmet: true) }
        result.points = value["points"]?["total"]?.intValue
        return result
    }

    static func answer(_ line: [UInt8], line number: Int, engines: [Engine], eligibility: Bool, points: Bool,
                       entitlements: Bool, writeAnswers: Bool) -> BatchResult {
        var result = BatchResult()
        var out = JSONObjectBuilder()
        out.set("line", number)
        do throws(HukouError) {
            let request = try (engines.first ?? Engine()).readRequest(try JSONParser.parse(line))
            for (index, engine) in engines.enumerated() {
                let answer = try engine.eligibility(request)
                result.addEligibility(answer, collectUnmet: index == 0)
                if index == 0, eligibility, writeAnswers { out.set("eligibility", answer) }
            }
            if points || engines.count == 1 {
                let answer = try engines[0].points(request)
                result.points = answer["total"]?.intValue
                if points, writeAnswers { out.set("points", answer) }
            }
            if entitlements, writeAnswers { out.set("entitlements", try engines[0].entitlements(request)) }
        } catch {
            result.error = error.describe(.en)
            out.set("status", error.status.name)
            out.set("error", error.describe(nil))
        }
        if writeAnswers { result.output = JSONWriter.serialize(out.value) }
        return result
    }
}

/// Labels of the unmet comparisons of a judged condition tree (answer JSON).
func collectUnmetLeaves(_ node: JSONValue, into labels: inout [String]) {
    guard node["result"]?.stringValue == "unmet" else { return }
    if node["fact"] != nil {
        if let label = node["label"]?.stringValue { labels.append(label) }
        return
    }
    for child in node["children"]?.elements ?? [] { collectUnmetLeaves(child, into: &labels) }
}

/// Counts per pathway, the most common unmet condition and the points distribution.
struct BatchSummary {
    private var total = 0
    private var errors = 0
    private var counts: [String: [String: Int]] = [:]
    private var pathwayOrder: [String] = []
    private var unmet: [String: Int] = [:]
    private var histogram: [Int: Int] = [:]
    private var moved: [String: Int] = [:]

    mutating func add(_ result: BatchResult) {
        total += 1
        if result.error != nil { errors += 1; return }
        if let first = result.pathways.first {
            for (id, value) in first {
                if counts[id] == nil { pathwayOrder.append(id) }
                counts[id, default: [:]][value, default: 0] += 1
            }
        }
        if result.pathways.count == 2 {
            let before = Dictionary(result.pathways[0], uniquingKeysWith: { first, _ in first })
            for (id, value) in result.pathways[1] where before[id] != value { moved[id, default: 0] += 1 }
        }
        for label in Set(result.unmet) { unmet[label, default: 0] += 1 }
        if let points = result.points { histogram[max(0, points) / 20 * 20, default: 0] += 1 }
    }

    func render(seconds: Double, workers: Int, comparing: [String]) -> String {
        var lines: [String] = []
        let rate = seconds > 0 ? Int(Double(total) / seconds) : 0
        lines.append("applicants: \(total)  errors: \(errors)  time: \(Int(seconds * 1000)) ms  rate: \(rate)/s on \(workers) threads")
        lines.append("pathway                              eligible  not_eligible  unknown")
        for id in pathwayOrder {
            let c = counts[id] ?? [:]
            lines.append(id.padding(toLength: 36, withPad: " ", startingAt: 0)
                         + " " + pad(c["eligible"] ?? 0, 8) + "  " + pad(c["not_eligible"] ?? 0, 12) + "  " + pad(c["unknown"] ?? 0, 7))
        }
        if let top = unmet.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) {
            lines.append("most common unmet condition: \(top.key) (\(top.value) applicants)")
        }
        if !histogram.isEmpty {
            lines.append("points distribution:")
            let peak = histogram.values.max() ?? 1
            for bin in histogram.keys.sorted() {
                let count = histogram[bin] ?? 0
                let bar = String(repeating: "█", count: max(1, count * 40 / max(1, peak)))
                lines.append(pad(bin, 4) + "–" + String(bin + 19).padding(toLength: 4, withPad: " ", startingAt: 0) + " " + bar + " \(count)")
            }
        }
        if comparing.count == 2 {
            lines.append("rule change \(comparing[0]) → \(comparing[1]): applicants whose result moves")
            for id in pathwayOrder { lines.append("  \(id): \(moved[id] ?? 0)") }
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
