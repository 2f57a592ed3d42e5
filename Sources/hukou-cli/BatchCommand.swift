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
        Reads one request per line from a file or - (standard input) and writes one answer per
        line ({"line": n, "eligibility": ..., "points": ...}) in input order; memory stays flat
        whatever the input size. The summary (standard error, or standard output with
        --summary-only) counts eligible / not eligible / unknown per pathway, names the most
        common unmet condition, and draws the points distribution.

        As a Hadoop Streaming or Spark pipe() mapper it reads stdin and writes stdout, and
        `hukou summarize` is the reducer (docs/scale-out.md):
          hadoop jar hadoop-streaming.jar -input applicants/ -output summary/ \\
            -mapper 'hukou batch - --no-summary --call all' -reducer 'hukou summarize -' \\
            -numReduceTasks 1 -file hukou
          answers = applicants.pipe("hukou batch - --no-summary")
        """
    )

    @Argument(help: "JSONL requests, or - for standard input.") var input: String = "-"
    @Option(help: "Which answers to write: eligibility, points, entitlements or all.") var call: String = "all"
    @Option(help: "Worker threads (default: all cores).") var threads: Int?
    @Option(help: "Lines per parallel chunk.") var chunk = 4096
    @Flag(help: "Write only the summary, not the answers.") var summaryOnly = false
    @Flag(help: "Write only the answers, no summary (for mappers).") var noSummary = false
    @Option(parsing: .upToNextOption, help: "Compare two packs: how many applicants each pathway's result moves (two pack files).")
    var compare: [String] = []
    @OptionGroup var engineOptions: EngineOptions

    func validate() throws {
        guard ["eligibility", "points", "entitlements", "all"].contains(call) else { throw ValidationError("--call must be eligibility, points, entitlements or all") }
        guard compare.isEmpty || compare.count == 2 else { throw ValidationError("--compare takes two pack files") }
        guard chunk > 0, chunk <= 1_000_000 else { throw ValidationError("--chunk must be 1...1000000") }
    }

    func run() throws {
        let base = try engineOptions.makeEngine()
        var engines = [base]
        if compare.count == 2 {
            engines = []
            for path in compare {
                var engine = base
                do { try engine.load(pack: try InputFiles.readText(path)) } catch let error as HukouError {
                    printError("hukou: \(path): \(error.describe(nil))")
                    throw CLIExit.invalidPack
                }
                engines.append(engine)
            }
        }
        guard let reader = LineReader(path: input) else {
            printError("hukou: cannot read \(input)")
            throw CLIExit.io
        }
        let workers = max(1, threads ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        var summary = BatchSummary()
        var output = OutputBuffer()
        var progress = Progress()
        var lineNumber = 0
        let start = DispatchTime.now().uptimeNanoseconds
        while true {
            var lines: [[UInt8]] = []
            lines.reserveCapacity(chunk)
            while lines.count < chunk, let line = reader.next() {
                if !line.isEmpty { lines.append(line) }
            }
            if lines.isEmpty { break }
            let results = process(lines, firstLine: lineNumber + 1, engines: engines, workers: workers)
            for result in results {
                summary.add(result)
                if !summaryOnly, let bytes = result.output {
                    output.write(bytes)
                    output.write([0x0A])
                }
            }
            lineNumber += lines.count
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            progress.update(lineNumber, rate: seconds > 0 ? Double(lineNumber) / seconds : 0)
        }
        output.flush()
        progress.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if !noSummary {
            let text = summary.render(seconds: seconds, workers: workers, comparing: compare)
            if summaryOnly { print(text) } else { printError(text) }
        }
    }

    /// Answers a chunk on `workers` threads; results keep input order.
    private func process(_ lines: [[UInt8]], firstLine: Int, engines: [Engine], workers: Int) -> [BatchResult] {
        let results = ResultSlots(count: lines.count)
        let wantEligibility = call == "eligibility" || call == "all"
        let wantPoints = call == "points" || call == "all"
        let wantEntitlements = call == "entitlements" || call == "all"
        let writeAnswers = !summaryOnly
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < lines.count {
                results.set(index, BatchResult.answer(lines[index], line: firstLine + index, engines: engines,
                                                      eligibility: wantEligibility, points: wantPoints,
                                                      entitlements: wantEntitlements, writeAnswers: writeAnswers))
                index += workers
            }
        }
        return results.values
    }
}

/// Per-index result storage written by disjoint threads (each index by exactly one worker).
final class ResultSlots: @unchecked Sendable {
    private var storage: [BatchResult?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: BatchResult) {
        storage.withUnsafeMutableBufferPointer { buffer in
            if index >= 0, index < buffer.count { buffer[index] = value }
        }
    }

    var values: [BatchResult] { storage.compactMap { $0 } }
}

/// `hukou summarize`: the summary of `hukou batch` answers (JSONL), e.g. as the reducer
/// that joins the output of many mappers.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarize `hukou batch` answers (JSONL): the reducer of a scale-out run.")
    @Argument(help: "JSONL answers, or - for standard input.") var input: String = "-"

    func run() throws {
        guard let reader = LineReader(path: input) else {
            printError("hukou: cannot read \(input)")
            throw CLIExit.io
        }
        var summary = BatchSummary()
        let start = DispatchTime.now().uptimeNanoseconds
        while let line = reader.next() {
            if !line.isEmpty { summary.add(BatchResult.fromAnswerLine(line)) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(summary.render(seconds: seconds, workers: 1, comparing: []))
    }
}
