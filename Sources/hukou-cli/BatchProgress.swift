// SPDX-License-Identifier: Apache-2.0
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The progress of `hukou batch` on standard error, only when it is a terminal: a bar with
/// the percentage and ETA when the input size is known (a file), else the count; always
/// the rate. Redrawn at most five times a second; piped or redirected, it says nothing.
struct BatchProgress {
    let enabled: Bool
    /// Input bytes, when known.
    let totalBytes: Int?
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0

    init(totalBytes: Int?, enabled: Bool = isatty(2) != 0) {
        self.enabled = enabled
        self.totalBytes = totalBytes.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The size of a regular file (nil for standard input, pipes and devices).
    static func size(of path: String) -> Int? {
        guard path != "-" else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    mutating func update(applicants: Int, bytes: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw >= 200_000_000 else { return }
        lastDraw = now
        writeAll(2, Array(("\r\u{1B}[K" + Self.line(applicants: applicants, bytes: bytes, totalBytes: totalBytes,
                                                    seconds: Double(now - start) / 1e9)).utf8))
    }

    /// "[██████░░░░]  61.2%  612 000 applicants  121 000/s  ETA 0:03" (without a known size:
    /// "612 000 applicants  121 000/s").
    static func line(applicants: Int, bytes: Int, totalBytes: Int?, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(applicants) / seconds : 0
        let counts = grouped(applicants) + " applicants  " + grouped(Int(rate)) + "/s"
        guard let totalBytes else { return counts }
        let fraction = min(1, Double(bytes) / Double(totalBytes))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
        let tenths = Int(fraction * 1000)
        var eta = "–"
        if fraction > 0, seconds > 0 {
            let remaining = Int(min(359_999, max(0, seconds / fraction - seconds)))
            eta = "\(remaining / 60):" + (remaining % 60 < 10 ? "0" : "") + "\(remaining % 60)"
        }
        return bar + " " + padLeft("\(tenths / 10).\(tenths % 10)%", 6) + "  " + counts + "  ETA " + eta
    }

    func finish() {
        if enabled { writeAll(2, Array("\r\u{1B}[K".utf8)) }
    }
}
