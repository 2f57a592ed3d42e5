// SPDX-License-Identifier: Apache-2.0
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The streaming core of `hukou batch`: workers take input lines a slice at a time, answer
/// them, and hand their answer bytes back to one writer in input order.
///
/// Memory is bounded by bytes, not by a count of lines or answers:
/// - finished answers waiting for the writer (answers ahead of a slower line) take at most
///   ``budget`` bytes, plus the one slice the writer needs next; a worker whose slice does
///   not fit waits until the writer has drained enough (``highWater`` records the most held);
/// - each worker holds at most one slice of input and one slice of answers (a slice closes
///   at ``slice`` bytes or after `maxLines` lines, whichever comes first), plus one line.
///
/// With nothing to write (`--summary-only`) slices carry no bytes and nothing waits.
/// The summary is not ordered: each worker adds its lines to its own summary (a
/// ``BatchTally``), and the
/// summaries merge (``BatchSummary/merge(_:)``) into the same summary whatever the split.
final class BatchPipeline: @unchecked Sendable {
    /// One input line and the number to report for it.
    struct Line {
        var bytes: [UInt8]
        var number: Int
        /// Input bytes read up to the end of this line (for progress).
        var endOffset = 0
    }

    /// Consecutive lines' answers, newline-terminated, in input order.
    private struct Slice {
        var first: Int
        var count = 0
        var bytes: [UInt8] = []
    }

    /// The most bytes of finished answers held for the writer (beyond the one slice it needs next).
    let budget: Int
    /// The bytes at which a worker closes a slice (of input it takes, of answers it gives back).
    let slice: Int
    /// The most lines a worker takes at a time.
    let maxLines: Int

    /// Guards the input (`source`, `inputEnded`, `claimed`): a worker waiting for input
    /// (a slow pipe) never keeps the writer from writing what is finished.
    private let inputLock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Guards the rest.
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when a slice is handed back or the last worker ends.
    private let ready = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Signalled when the writer has taken a slice.
    private let room = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private let source: () -> Line?
    private var inputEnded = false
    /// Lines handed to workers, and the next line to write (sequence numbers).
    private var claimed = 0
    private var written = 0
    /// Finished slices waiting for the writer, by their first line's sequence number.
    private var waiting: [Int: Slice] = [:]
    private var waitingBytes = 0
    private var running = 0
    private var summaries: [BatchSummary] = []
    /// Lines answered so far, and input bytes taken by workers.
    private(set) var answered = 0
    private var inputOffset = 0
    /// The most answer bytes that were waiting for the writer at once.
    private(set) var highWater = 0
    /// The largest slice handed back (what ``highWater`` may exceed ``budget`` by).
    private(set) var largestSlice = 0

    /// - Parameters:
    ///   - budget: bytes of answers that may wait for the writer.
    ///   - workers: threads that will answer (sizes the slices: a quarter of the budget, shared among them).
    ///   - maxLines: the most lines a worker takes at a time.
    ///   - source: the next input line (called by one worker at a time; nil at the end).
    init(budget: Int, workers: Int, maxLines: Int, source: @escaping () -> Line?) {
        self.budget = max(1, budget)
        self.slice = max(16 * 1024, self.budget / (4 * max(1, workers)))
        self.maxLines = max(1, maxLines)
        self.source = source
        pthread_mutex_init(inputLock, nil)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(ready, nil)
        pthread_cond_init(room, nil)
    }

    deinit {
        pthread_cond_destroy(room)
        pthread_cond_destroy(ready)
        pthread_mutex_destroy(lock)
        pthread_mutex_destroy(inputLock)
        room.deallocate()
        ready.deallocate()
        lock.deallocate()
        inputLock.deallocate()
    }

    /// Answers every line on `workers` threads and writes the answers in input order on the
    /// calling thread; returns the merged summary of every line.
    /// - Parameters:
    ///   - answer: one line's result (its answer bytes in `output`, nil when nothing is written).
    ///   - write: writes one slice's bytes (on the calling thread, in input order).
    ///   - progress: called on the calling thread now and then with the lines answered and
    ///     the input bytes read so far.
    func run(workers: Int, answer: @escaping @Sendable (Line) -> BatchResult,
             write: ([UInt8]) -> Void, progress: (Int, Int) -> Void = { _, _ in }) -> BatchSummary {
        let workers = max(1, workers)
        summaries = Array(repeating: BatchSummary(), count: workers)
        running = workers
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in self.work(worker, answer) }
        }
        drain(write, progress)
        var summary = BatchSummary()
        for part in summaries { summary.merge(part) }
        return summary
    }

    /// One worker: take a slice of lines, answer it, hand the answers back; until the input ends.
    private func work(_ worker: Int, _ answer: (Line) -> BatchResult) {
        var tally = BatchTally()
        while true {
            var lines: [Line] = []
            var inputBytes = 0
            pthread_mutex_lock(inputLock)
            let first = claimed
            while !inputEnded, lines.count < maxLines, inputBytes < slice {
                guard let line = source() else {
                    inputEnded = true
                    break
                }
                inputBytes += line.bytes.count
                lines.append(line)
            }
            claimed += lines.count
            pthread_mutex_unlock(inputLock)
            if lines.isEmpty { break }
            if let last = lines.last {
                pthread_mutex_lock(lock)
                inputOffset = max(inputOffset, last.endOffset)
                pthread_mutex_unlock(lock)
            }
            var out = Slice(first: first)
            for line in lines {
                var result = answer(line)
                if let bytes = result.output {
                    out.bytes.append(contentsOf: bytes)
                    out.bytes.append(0x0A)
                    result.output = nil
                }
                out.count += 1
                tally.add(result)
                if out.bytes.count >= slice {
                    handBack(out)
                    out = Slice(first: out.first + out.count)
                }
            }
            if out.count > 0 { handBack(out) }
        }
        pthread_mutex_lock(lock)
        if summaries.indices.contains(worker) { summaries[worker] = tally.summary }
        running -= 1
        pthread_cond_signal(ready)
        pthread_mutex_unlock(lock)
    }

    /// Hands a finished slice to the writer; waits while it does not fit the budget, unless
    /// it is the slice the writer needs next.
    private func handBack(_ out: Slice) {
        pthread_mutex_lock(lock)
        while waitingBytes + out.bytes.count > budget, out.first != written {
            pthread_cond_wait(room, lock)
        }
        waitingBytes += out.bytes.count
        highWater = max(highWater, waitingBytes)
        largestSlice = max(largestSlice, out.bytes.count)
        answered += out.count
        waiting[out.first] = out
        pthread_cond_signal(ready)
        pthread_mutex_unlock(lock)
    }

    /// The writer: takes slices in input order until every worker has ended.
    private func drain(_ write: ([UInt8]) -> Void, _ progress: (Int, Int) -> Void) {
        pthread_mutex_lock(lock)
        while true {
            if let out = waiting.removeValue(forKey: written) {
                written += out.count
                waitingBytes -= out.bytes.count
                pthread_cond_broadcast(room)
                let (count, offset) = (answered, inputOffset)
                pthread_mutex_unlock(lock)
                if !out.bytes.isEmpty { write(out.bytes) }
                progress(count, offset)
                pthread_mutex_lock(lock)
                continue
            }
            if running == 0, waiting.isEmpty { break }
            var deadline = timespec()
            clock_gettime(CLOCK_REALTIME, &deadline)
            deadline.tv_nsec += 200_000_000
            if deadline.tv_nsec >= 1_000_000_000 {
                deadline.tv_sec += 1
                deadline.tv_nsec -= 1_000_000_000
            }
            pthread_cond_timedwait(ready, lock, &deadline)
            let (count, offset) = (answered, inputOffset)
            pthread_mutex_unlock(lock)
            progress(count, offset)
            pthread_mutex_lock(lock)
        }
        pthread_mutex_unlock(lock)
    }
}
