// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Dispatch
import HukouRules
#if canImport(Glibc)
import Glibc
#endif

/// `hukou batch`: whole populations from JSONL, streamed in constant memory on all cores.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Answer JSONL requests (one per line) on all cores, with a summary.",
        discussion: """
        Reads one request per line from a file or - (standard input) and writes one answer per line ({"line": n, "eligibility": ..., "points": ...}) in input order; memory stays flat whatever the input size. A line that fails is an answer line with status, field and error.

        The summary (standard error, or standard output with --summary-only) gives per pathway the applicants of each verdict with percentages and the most common unmet condition, the points distribution against the threshold, the failed lines by status and field, and with --compare who moves in and out of each pathway and the clauses that differ. --report writes the same as one HTML page with charts. On a terminal a progress bar shows on standard error.

        Exit status: 3 when any line failed (unless --allow-errors), 0 otherwise.

        As a Hadoop Streaming or Spark pipe() mapper it reads stdin and writes stdout; a mapper can also write just its summary (--summary-only --summary-format json) and `hukou summarize` merges them (docs/scale-out.md, examples/spark/):

          -mapper 'hukou batch - --no-summary' -reducer 'hukou summarize -'
          spark-submit examples/spark/hukou_batch.py --hukou ./hukou applicants.jsonl
        """
    )

    @Argument(help: "JSONL requests, or - for standard input.") var input: String = "-"
    @Option(help: "Which answers to write: eligibility, points, entitlements or all.") var call: String = "all"
    @Option(help: "Worker threads (default: all cores).") var threads: Int?
    @Option(help: "The most lines a worker takes at a time (fewer when they reach a slice of the buffer).") var chunk = 256
    @Option(help: "MiB of finished answers held for in-order writing; workers wait when it is full (memory is bounded by this, not by a count of answers).")
    var bufferMib = 16
    @Option(help: "full or outcome: the detail of every answer, overriding the requests' own `detail` (outcome: verdicts, score and missing facts, no explanations; the summary then has no unmet conditions).")
    var detail: String?
    @Flag(help: "Write only the summary, not the answers.") var summaryOnly = false
    @Flag(help: "Write only the answers, no summary (for mappers).") var noSummary = false
    @Option(help: "The summary as text (for people) or json (one line, for `hukou summarize`).") var summaryFormat = "text"
    @Option(help: "Also write the summary as a self-contained HTML page with charts to this file.") var report: String?
    @Flag(help: "Exit 0 even when some lines failed (they are still counted and listed).") var allowErrors = false
    @Flag(help: "Each input line is N<TAB>request (N: the line number to report, as Spark's zipWithIndex or Hadoop give it).")
    var numbered = false
    @Option(parsing: .upToNextOption, help: "Compare two packs: how many applicants each pathway's result moves (two pack files).")
    var compare: [String] = []
    @OptionGroup var engineOptions: EngineOptions

    func validate() throws {
        guard ["eligibility", "points", "entitlements", "all"].contains(call) else { throw ValidationError("--call must be eligibility, points, entitlements or all") }
        guard compare.isEmpty || compare.count == 2 else { throw ValidationError("--compare takes two pack files") }
        guard detail.map({ AnswerDetail(rawValue: $0) != nil }) ?? true else { throw ValidationError("--detail must be full or outcome") }
        guard chunk > 0, chunk <= 1_000_000 else { throw ValidationError("--chunk must be 1...1000000") }
        guard bufferMib > 0, bufferMib <= 65_536 else { throw ValidationError("--buffer-mib must be 1...65536") }
        guard ["text", "json"].contains(summaryFormat) else { throw ValidationError("--summary-format must be text or json") }
        guard threads.map({ $0 >= 1 && $0 <= 1024 }) ?? true else { throw ValidationError("--threads must be 1...1024") }
        guard !(summaryOnly && noSummary) else { throw ValidationError("--summary-only and --no-summary exclude each other") }
    }

    func run() throws {
        let base = try engineOptions.makeEngine()
        var engines = [base]
        var clauses: [String: [ClauseChange]] = [:]
        if compare.count == 2 {
            engines = []
            var texts: [String] = []
            for path in compare {
                let text = try InputFiles.readText(path)
                engines.append(try Self.engine(base, loading: text, from: path))
                texts.append(text)
            }
            clauses = BatchCompare.clauses(old: texts[0], new: texts[1])
        }
        guard let reader = LineReader(path: input) else {
            printError("hukou: cannot read \(input)")
            throw CLIExit.io
        }
        let workers = max(1, threads ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        var progress = BatchProgress(totalBytes: BatchProgress.size(of: input))
        let start = DispatchTime.now().uptimeNanoseconds
        let pipeline = BatchPipeline(budget: bufferMib * 1024 * 1024, workers: workers, maxLines: chunk,
                                     source: Self.lines(reader, numbered: numbered))
        var summary = pipeline.run(workers: workers, answer: answerer(engines: engines),
                                   write: { bytes in writeAll(1, bytes) },
                                   progress: { count, offset in progress.update(applicants: count, bytes: offset) })
        summary.comparing = compare.map { String($0.split(separator: "/").last ?? Substring($0)) }
        progress.finish()
        summary.attach(clauses: clauses)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if !noSummary {
            let text = summaryFormat == "json" ? JSONWriter.string(summary.json) : summary.render(seconds: seconds, workers: workers)
            if summaryOnly { print(text) } else { printError(text) }
        }
        if let report { try BatchReport.write(summary, to: report) }
        if summary.errorCount > 0, !allowErrors { throw CLIExit.invalidRequest }
    }

    private static func engine(_ base: Engine, loading text: String, from path: String) throws -> Engine {
        var engine = base
        do throws(HukouError) {
            try engine.load(pack: text)
        } catch {
            printError("hukou: \(path): \(error.describe(nil))")
            throw CLIExit.invalidPack
        }
        return engine
    }

    /// One line's answer, as the options ask (the closure the workers call).
    private func answerer(engines: [Engine]) -> @Sendable (BatchPipeline.Line) -> BatchResult {
        let wantEligibility = call == "eligibility" || call == "all"
        let wantPoints = call == "points" || call == "all"
        let wantEntitlements = call == "entitlements" || call == "all"
        let writeAnswers = !summaryOnly
        let detail = self.detail.flatMap(AnswerDetail.init(rawValue:))
        return { line in
            BatchResult.answer(line.bytes, line: line.number, engines: engines, eligibility: wantEligibility, points: wantPoints,
                               entitlements: wantEntitlements, writeAnswers: writeAnswers, detail: detail)
        }
    }

    /// The input's non-empty lines with the numbers to report (with --numbered, the number
    /// each line carries before its tab).
    static func lines(_ reader: LineReader, numbered: Bool) -> () -> BatchPipeline.Line? {
        lines(next: reader.next, offset: { reader.bytesRead }, numbered: numbered)
    }

    /// ``lines(_:numbered:)`` over any source of lines (`offset`: the input bytes read so far).
    static func lines(next: @escaping () -> [UInt8]?, offset: @escaping () -> Int, numbered: Bool) -> () -> BatchPipeline.Line? {
        var lineNumber = 0
        return {
            while let line = next() {
                lineNumber += 1
                guard !line.isEmpty else { continue }
                if numbered, let tab = line.firstIndex(of: 0x09) {
                    let number = Int(String(decoding: line[..<tab], as: UTF8.self)) ?? lineNumber
                    let rest = Array(line[(tab + 1)...])
                    if rest.isEmpty { continue }
                    return BatchPipeline.Line(bytes: rest, number: number, endOffset: offset())
                }
                return BatchPipeline.Line(bytes: line, number: lineNumber, endOffset: offset())
            }
            return nil
        }
    }
}

/// `hukou summarize`: the reducer of a scale-out run. Reads `hukou batch` answer lines and
/// per-partition summaries (`--summary-format json` lines) in any mix and order, and writes
/// the summary of them all.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Merge `hukou batch` answers and summaries (JSONL): the reducer of a scale-out run.",
        discussion: "Exit status: 3 when any summarized line had failed (unless --allow-errors), 0 otherwise.")
    @Argument(help: "JSONL answers or summaries, or - for standard input.") var input: String = "-"
    @Option(help: "The summary as text (for people) or json (one line).") var format = "text"
    @Option(help: "Also write the summary as a self-contained HTML page with charts to this file.") var report: String?
    @Flag(help: "Exit 0 even when some lines had failed.") var allowErrors = false

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    }

    func run() throws {
        guard let reader = LineReader(path: input) else {
            printError("hukou: cannot read \(input)")
            throw CLIExit.io
        }
        var summary = BatchSummary()
        var number = 0
        while let line = reader.next() {
            number += 1
            guard !line.isEmpty else { continue }
            if line.count > 64, line.starts(with: Array("{\"kind\":\"\(BatchSummary.kind)\"".utf8)),
               let value = try? JSONParser.parse(line), let part = BatchSummary(json: value) {
                summary.merge(part)
            } else {
                summary.add(BatchResult.fromAnswerLine(line, number: number))
            }
        }
        print(format == "json" ? JSONWriter.string(summary.json) : summary.render(seconds: nil, workers: 1))
        if let report { try BatchReport.write(summary, to: report) }
        if summary.errorCount > 0, !allowErrors { throw CLIExit.invalidRequest }
    }
}
