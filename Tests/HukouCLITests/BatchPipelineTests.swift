// SPDX-License-Identifier: Apache-2.0
import Dispatch
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import hukou_cli

/// `hukou batch`'s pipeline: answers in input order, memory bounded by bytes.
@Suite struct BatchPipelineTests {
    /// Lines 1...count, each with its number as its bytes.
    static func source(count: Int) -> () -> BatchPipeline.Line? {
        var next = 0
        return {
            guard next < count else { return nil }
            next += 1
            return BatchPipeline.Line(bytes: Array(String(next).utf8), number: next, endOffset: next)
        }
    }

    /// A 17 KB answer per line (the size of a full Tianjin eligibility answer), starting with its number.
    static let answerBytes = 17 * 1024

    static func bigAnswer(_ line: BatchPipeline.Line) -> BatchResult {
        var result = BatchResult()
        result.line = line.number
        var bytes = Array("\(line.number):".utf8)
        bytes += Array(repeating: UInt8(ascii: "x"), count: answerBytes - bytes.count)
        result.output = bytes
        return result
    }

    /// Line numbers in the order written, and the bytes written.
    static func lines(of written: [UInt8]) -> [Int] {
        written.split(separator: 0x0A).map { Int(String(decoding: $0.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self)) ?? -1 }
    }

    @Test func manyLargeAnswersStayWithinTheByteBudget() {
        // 2 000 answers of 17 KB (34 MiB) through a 1 MiB buffer; line 3 is slow, so every
        // answer after it must wait for it: without a bound they would all be buffered.
        let count = 2_000
        let budget = 1 << 20
        let pipeline = BatchPipeline(budget: budget, workers: 2, maxLines: 4096, source: Self.source(count: count))
        var written: [UInt8] = []
        let summary = pipeline.run(workers: 2, answer: { line in
            if line.number == 3 { usleep(100_000) }
            return Self.bigAnswer(line)
        }, write: { written += $0 })
        #expect(summary.applicants == count)
        #expect(written.count == count * (Self.answerBytes + 1))
        #expect(Self.lines(of: written) == Array(1...count))
        // A slice closes at 256 KiB (a quarter of the budget shared by 2 workers: 1 MiB / 8) or one answer past it.
        #expect(pipeline.slice == budget / 8)
        #expect(pipeline.largestSlice <= pipeline.slice + Self.answerBytes + 1)
        // The bound: the budget, plus the one slice the writer takes next.
        #expect(pipeline.highWater <= budget + pipeline.largestSlice)
        #expect(pipeline.highWater < written.count / 10)
        #expect(pipeline.answered == count)
    }

    @Test func answersLargerThanTheWholeBudgetStillFlowInOrder() {
        // A budget of 1 byte: every 17 KB answer is larger than it. A slice that is not the
        // writer's next waits, the next one always goes in: no deadlock, input order kept.
        let count = 200
        let pipeline = BatchPipeline(budget: 1, workers: 3, maxLines: 2, source: Self.source(count: count))
        var written: [UInt8] = []
        let summary = pipeline.run(workers: 3, answer: { line in
            if line.number % 7 == 0 { usleep(2_000) }
            return Self.bigAnswer(line)
        }, write: { written += $0 })
        #expect(summary.applicants == count)
        #expect(Self.lines(of: written) == Array(1...count))
        #expect(pipeline.highWater <= pipeline.largestSlice)
    }

    @Test func oneWorkerAndOneLineSlices() {
        let pipeline = BatchPipeline(budget: 1, workers: 1, maxLines: 1, source: Self.source(count: 50))
        var written: [UInt8] = []
        let summary = pipeline.run(workers: 1, answer: Self.bigAnswer, write: { written += $0 })
        #expect(summary.applicants == 50)
        #expect(Self.lines(of: written) == Array(1...50))
        // Each slice is the one the writer needs next: one answer at a time is held.
        #expect(pipeline.highWater == Self.answerBytes + 1)
    }

    @Test func summaryOnlyHoldsNoAnswerBytes() {
        let pipeline = BatchPipeline(budget: 1 << 20, workers: 2, maxLines: 7, source: Self.source(count: 1_000))
        var writes = 0
        let summary = pipeline.run(workers: 2, answer: { line in
            var result = BatchResult()
            result.line = line.number
            return result
        }, write: { _ in writes += 1 })
        #expect(summary.applicants == 1_000)
        #expect(writes == 0)
        #expect(pipeline.highWater == 0)
    }

    @Test func finishedAnswersAreWrittenWhileAWorkerWaitsForInput() {
        // Line 2 arrives only once line 1's answer is written (a client that waits for each
        // answer): the worker reading line 2 must not keep the writer from writing line 1.
        let written = DispatchSemaphore(value: 0)
        var next = 0
        var timedOut = false
        let pipeline = BatchPipeline(budget: 1 << 20, workers: 2, maxLines: 1, source: {
            next += 1
            if next == 2, written.wait(timeout: .now() + 10) == .timedOut { timedOut = true }
            return next <= 3 ? BatchPipeline.Line(bytes: Array("\(next)".utf8), number: next) : nil
        })
        var lines: [Int] = []
        _ = pipeline.run(workers: 2, answer: Self.bigAnswer, write: { bytes in
            lines += Self.lines(of: bytes)
            written.signal()
        })
        #expect(!timedOut)
        #expect(lines == [1, 2, 3])
    }

    @Test func emptyInput() {
        let pipeline = BatchPipeline(budget: 1024, workers: 3, maxLines: 10, source: Self.source(count: 0))
        let summary = pipeline.run(workers: 3, answer: Self.bigAnswer, write: { _ in Issue.record("nothing to write") })
        #expect(summary.applicants == 0)
    }
}
