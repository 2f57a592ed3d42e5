// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to standard output (JSONL streams are large).
struct OutputBuffer {
    private var buffer: [UInt8] = []
    private let limit = 1 << 16

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { flush() }
    }

    mutating func flush() {
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads lines from a file or standard input without loading it whole.
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private let owned: Bool
    private var line: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    /// Bytes consumed so far, newlines included (for progress).
    private(set) var bytesRead = 0

    init?(path: String) {
        if path == "-" {
            guard let handle = fdopen(0, "r") else { return nil }
            file = handle
            owned = false
        } else {
            guard let handle = fopen(path, "r") else { return nil }
            file = handle
            owned = true
        }
    }

    deinit {
        free(line)
        if owned { fclose(file) }
    }

    /// The next line's bytes without the newline, or nil at the end.
    func next() -> [UInt8]? {
        let count = getline(&line, &capacity, file)
        guard count >= 0, let line else { return nil }
        bytesRead += count
        var length = count
        while length > 0, line[length - 1] == 0x0A || line[length - 1] == 0x0D { length -= 1 }
        return line.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }
}

/// Writes every byte to a file descriptor, retrying short writes.
func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { pointer in
        guard let base = pointer.baseAddress else { return }
        var offset = 0
        while offset < pointer.count {
            let written = write(descriptor, base + offset, pointer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
