// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams an answer into one growing malloc'd byte buffer: compact UTF-8 JSON, members
/// in the order they are written, no intermediate tree.
///
/// The buffer is handed to C as is (``takeCString()``, NUL-terminated, released with
/// `free`/hukou_string_free), so an answer is never copied after it is written. Writing
/// is bounded: past `limit` bytes (or when memory runs out) the writer stops growing,
/// drops what follows and reports ``failure``; callers turn that into `.limit` / `.nomem`.
///
/// Commas are placed by the writer: every value written after `key(_:)` or as an array
/// element is separated from the previous one. Nesting deeper than ``maxDepth`` is refused
/// (``failure`` = `.tooDeep`); answers nest about 12 levels, a condition tree at the
/// pack limit (32 levels) takes 2 per level.
public struct AnswerWriter: ~Copyable {
    /// Why the writer stopped, if it did.
    public enum Failure: Sendable, Equatable {
        case limit, outOfMemory, tooDeep
    }

    private var base: UnsafeMutablePointer<UInt8>?
    private var count = 0
    private var capacity = 0
    private let limit: Int
    /// The deepest nesting written.
    public static let maxDepth = 255
    /// Bit d of `written` is set once the container at depth d holds a value.
    private var written: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var depth = 0
    /// True right after `key(_:)`: the next value needs no comma.
    private var afterKey = false
    public private(set) var failure: Failure?

    /// - Parameters:
    ///   - capacity: the first allocation (answers grow from it by doubling).
    ///   - limit: the most bytes the answer may take: the engine's
    ///     ``EngineLimits/answerBytes`` (unbounded when not given: tests, tools).
    public init(capacity: Int = 4096, limit: Int = Int.max - 1) {
        self.limit = max(0, min(limit, Int.max - 1))
        reserve(min(max(capacity, 16), max(self.limit, 16)))
    }

    deinit {
        free(base)
    }

    /// Bytes written so far.
    public var byteCount: Int { count }

    // MARK: Structure

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes a member name; the next write is its value.
    public mutating func key(_ name: StaticString) {
        separate()
        append(UInt8(ascii: "\""))
        append(name.utf8Start, name.utf8CodeUnitCount)
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a member name that is not known at compile time (a fact name, an id).
    public mutating func key(_ name: String) {
        separate()
        writeEscaped(name)
        append(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: Values

    public mutating func string(_ text: String) {
        separate()
        writeEscaped(text)
    }

    public mutating func string(_ text: StaticString) {
        separate()
        append(UInt8(ascii: "\""))
        append(text.utf8Start, text.utf8CodeUnitCount)
        append(UInt8(ascii: "\""))
    }

    public mutating func bool(_ flag: Bool) {
        separate()
        if flag { append(literal: "true") } else { append(literal: "false") }
    }

    public mutating func null() {
        separate()
        append(literal: "null")
    }

    /// Writes an integer in decimal without allocating.
    public mutating func int(_ number: Int) {
        separate()
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits and a sign
        let magnitude = number.magnitude
        withUnsafeMutableBytes(of: &digits) { raw in
            var position = raw.count
            var rest = UInt64(magnitude)
            repeat {
                position -= 1
                raw[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if number < 0 {
                position -= 1
                raw[position] = UInt8(ascii: "-")
            }
            if let start = raw.baseAddress?.advanced(by: position).assumingMemoryBound(to: UInt8.self) {
                append(start, raw.count - position)
            }
        }
    }

    /// Writes a date as its ISO string ("2026-11-25", as `CivilDate.description`) without
    /// allocating.
    public mutating func date(_ date: CivilDate) {
        guard (0...9999).contains(date.year), (1...12).contains(date.month), (1...31).contains(date.day) else {
            string(date.description)
            return
        }
        separate()
        var bytes: (UInt64, UInt64) = (0, 0)  // 16 bytes: room for "YYYY-MM-DD" and quotes
        withUnsafeMutableBytes(of: &bytes) { raw in
            func digits(_ value: Int, _ at: Int, _ width: Int) {
                var rest = value
                for position in stride(from: at + width - 1, through: at, by: -1) {
                    raw[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            raw[0] = UInt8(ascii: "\"")
            digits(date.year, 1, 4)
            raw[5] = UInt8(ascii: "-")
            digits(date.month, 6, 2)
            raw[8] = UInt8(ascii: "-")
            digits(date.day, 9, 2)
            raw[11] = UInt8(ascii: "\"")
            if let start = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) { append(start, 12) }
        }
    }

    /// Writes text that already is a JSON value (a number as the pack wrote it, e.g. "41.5").
    /// The caller guarantees it is valid JSON.
    public mutating func rawValue(_ json: String) {
        separate()
        var json = json
        json.withUTF8 { utf8 in
            if let start = utf8.baseAddress { append(start, utf8.count) }
        }
    }

    /// Writes a ``JSONValue`` (pack data carried into the answer as written: an expected
    /// value, a request fact's value).
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .integer(let number): int(Int(truncatingIfNeeded: number))
        case .double(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                int(Int(number))
            } else if number.isFinite {
                rawValue(String(number))
            } else {
                null()
            }
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                self.value(member.value)
            }
            endObject()
        }
    }

    // MARK: Members (key + value)

    public mutating func member(_ name: StaticString, _ text: String) { key(name); string(text) }
    public mutating func member(_ name: StaticString, _ text: StaticString) { key(name); string(text) }
    public mutating func member(_ name: StaticString, _ flag: Bool) { key(name); bool(flag) }
    public mutating func member(_ name: StaticString, _ number: Int) { key(name); int(number) }
    public mutating func member(_ name: StaticString, _ json: JSONValue) { key(name); value(json) }
    public mutating func member(_ name: StaticString, date: CivilDate) { key(name); self.date(date) }

    /// Writes the member only when `text` is not nil.
    public mutating func memberIfPresent(_ name: StaticString, _ text: String?) {
        if let text { member(name, text) }
    }

    public mutating func memberIfPresent(_ name: StaticString, _ number: Int?) {
        if let number { member(name, number) }
    }

    /// An array of strings.
    public mutating func member(_ name: StaticString, strings: [String]) {
        key(name)
        beginArray()
        for text in strings { string(text) }
        endArray()
    }

    // MARK: Results

    /// The answer as Swift bytes (a copy; for the CLI and tests).
    public var bytes: [UInt8] {
        guard let base else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// The answer as a malloc'd NUL-terminated C string, without copying; nil when the
    /// writer failed. The caller frees it (hukou_string_free).
    public consuming func takeCString() -> UnsafeMutablePointer<CChar>? {
        guard failure == nil, ensure(1), let base else {
            return nil  // deinit frees the buffer
        }
        base[count] = 0
        self.base = nil
        return UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self)
    }

    // MARK: Internals

    private mutating func open(_ byte: UInt8) {
        separate()
        append(byte)
        guard depth < Self.maxDepth else {
            fail(.tooDeep)
            return
        }
        depth += 1
        setWritten(false)
    }

    private mutating func close(_ byte: UInt8) {
        append(byte)
        if depth > 0 { depth -= 1 }
        afterKey = false
    }

    /// A comma before every value but the first of its container (and none after a key).
    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if isWritten { append(UInt8(ascii: ",")) } else { setWritten(true) }
    }

    /// Whether the container at the current depth already holds a value.
    private var isWritten: Bool {
        let bit = UInt64(1) << UInt64(depth & 63)
        switch depth >> 6 {
        case 0: return written.0 & bit != 0
        case 1: return written.1 & bit != 0
        case 2: return written.2 & bit != 0
        default: return written.3 & bit != 0
        }
    }

    private mutating func setWritten(_ flag: Bool) {
        let bit = UInt64(1) << UInt64(depth & 63)
        switch depth >> 6 {
        case 0: written.0 = flag ? written.0 | bit : written.0 & ~bit
        case 1: written.1 = flag ? written.1 | bit : written.1 & ~bit
        case 2: written.2 = flag ? written.2 | bit : written.2 & ~bit
        default: written.3 = flag ? written.3 | bit : written.3 & ~bit
        }
    }

    private mutating func fail(_ reason: Failure) {
        if failure == nil { failure = reason }
    }

    /// Makes room for `extra` more bytes; false (and ``failure`` set) when the limit or
    /// memory does not allow it.
    private mutating func ensure(_ extra: Int) -> Bool {
        let (needed, overflow) = count.addingReportingOverflow(extra)
        if !overflow, needed <= capacity { return true }
        guard !overflow, needed <= limit + 1 else {
            fail(.limit)
            return false
        }
        var grown = max(capacity, 16)
        while grown < needed { grown = grown > (limit + 1) / 2 ? limit + 1 : grown * 2 }
        return reserve(grown)
    }

    @discardableResult
    private mutating func reserve(_ size: Int) -> Bool {
        guard let raw = realloc(base, size) else {
            fail(.outOfMemory)
            return false
        }
        base = raw.assumingMemoryBound(to: UInt8.self)
        capacity = size
        return true
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        guard failure == nil, ensure(1), let base else { return }
        base[count] = byte
        count += 1
    }

    private mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
        guard length > 0, failure == nil, ensure(length), let base else { return }
        (base + count).update(from: start, count: length)
        count += length
    }

    private mutating func append(literal: StaticString) {
        append(literal.utf8Start, literal.utf8CodeUnitCount)
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// Writes `text` as a JSON string; runs that need no escape are copied in one go.
    private mutating func writeEscaped(_ text: String) {
        append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            guard let start = utf8.baseAddress else { return }
            var runStart = 0
            for offset in 0..<utf8.count {
                let byte = utf8[offset]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(start + runStart, offset - runStart)
                writeEscape(byte)
                runStart = offset + 1
            }
            append(start + runStart, utf8.count - runStart)
        }
        append(UInt8(ascii: "\""))
    }

    private mutating func writeEscape(_ byte: UInt8) {
        append(0x5C)
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte)
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        default:
            append(literal: "u00")
            let hex = Self.hexDigits.utf8Start
            append(hex[Int(byte >> 4)])
            append(hex[Int(byte & 0x0F)])
        }
    }
}
