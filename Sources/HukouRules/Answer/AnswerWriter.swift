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
    /// Bytes allocated at `base`.
    private var capacity = 0
    /// The bytes the content may fill: `min(capacity, limit)`, and 0 once the writer has
    /// failed, so that one compare (`extra <= room - count`) admits a write; everything
    /// else (the limit, growth, a failure) is the out-of-line ``grow(_:)``.
    /// Invariant while not failed: `0 <= count <= room <= capacity`.
    private var room = 0
    private let limit: Int
    /// The deepest nesting written.
    public static let maxDepth = 255
    private var depth = 0
    /// True when the next value or key needs a comma before it: right after a value or the
    /// end of a container; false at the start of a container and after `key(_:)`.
    private var comma = false
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
        _ = start(name, reserving: 0)
        comma = false
    }

    /// Writes a member name that is not known at compile time (a fact name, an id).
    /// Disfavoured: a literal name takes ``key(_:)-(StaticString)`` (no scan, no String),
    /// which a literal alone would not choose over String, Swift's default literal type.
    @_disfavoredOverload
    public mutating func key(_ name: String) {
        quoted(nil, name, colon: true)
        comma = false
    }

    // MARK: Values

    /// A text made at run time; a literal takes ``string(_:)-(StaticString)`` (disfavoured
    /// like ``key(_:)-(String)``; the bytes are the same either way).
    @_disfavoredOverload
    public mutating func string(_ text: String) { quoted(nil, text, colon: false) }

    public mutating func string(_ text: StaticString) { quoted(nil, text) }

    public mutating func bool(_ flag: Bool) { bool(nil, flag) }

    public mutating func null() { literal(nil, "null") }

    /// Writes an integer in decimal without allocating.
    public mutating func int(_ number: Int) { int(nil, number) }

    /// Writes a date as its ISO string ("2026-11-25", as `CivilDate.description`) without
    /// allocating.
    public mutating func date(_ date: CivilDate) { self.date(nil, date) }

    /// Writes text that already is a JSON value (a number as the pack wrote it, e.g. "41.5").
    /// The caller guarantees it is valid JSON.
    public mutating func rawValue(_ json: String) {
        Self.withBytes(json) { bytes in
            guard let cursor = start(nil, reserving: bytes.count), let from = bytes.baseAddress else { return }
            Self.copy(cursor, from, bytes.count)
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
            for index in elements.indices { self.value(elements[index]) }
            endArray()
        case .object(let members):
            beginObject()
            for index in members.indices {
                key(members[index].key)
                self.value(members[index].value)
            }
            endObject()
        }
    }

    // MARK: Members (key + value)
    // Each is written with one reservation for the comma, the name and the value.

    @_disfavoredOverload
    public mutating func member(_ name: StaticString, _ text: String) { quoted(name, text, colon: false) }
    public mutating func member(_ name: StaticString, _ text: StaticString) { quoted(name, text) }
    public mutating func member(_ name: StaticString, _ flag: Bool) { bool(name, flag) }
    public mutating func member(_ name: StaticString, _ number: Int) { int(name, number) }
    public mutating func member(_ name: StaticString, _ json: JSONValue) { key(name); value(json) }
    public mutating func member(_ name: StaticString, date: CivilDate) { self.date(name, date) }

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
        for index in strings.indices { string(strings[index]) }
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
        // The NUL is the one byte allowed past `limit` (the content stays within it).
        guard failure == nil, count < capacity || reserve(count + 1), let base else {
            return nil  // deinit frees the buffer
        }
        base[count] = 0
        self.base = nil
        return UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self)
    }

    // MARK: Internals: values after an optional member name

    private mutating func bool(_ name: StaticString?, _ flag: Bool) {
        if flag { literal(name, "true") } else { literal(name, "false") }
    }

    private mutating func literal(_ name: StaticString?, _ literal: StaticString) {
        let length = literal.utf8CodeUnitCount
        guard let cursor = start(name, reserving: length) else { return }
        Self.copy(cursor, literal.utf8Start, length)
    }

    /// A string known at compile time; the answer's own words never need an escape
    /// (checked: the slow path is taken when one would).
    @inline(__always)
    private mutating func quoted(_ name: StaticString?, _ text: StaticString) {
        let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        quoted(name, bytes, colon: false)
    }

    @inline(__always)
    private mutating func quoted(_ name: StaticString?, _ text: String, colon: Bool) {
        Self.withBytes(text) { bytes in quoted(name, bytes, colon: colon) }
    }

    /// `[,]["name":]"text"[:]`: with one reservation and one copy when `text` needs no
    /// escape (the usual case: Chinese text is bytes >= 0x80, never escaped), else the
    /// escaping path, run by run.
    @inline(__always)
    private mutating func quoted(_ name: StaticString?, _ text: UnsafeBufferPointer<UInt8>, colon: Bool) {
        let length = text.count
        guard let from = text.baseAddress, length > 0 else {
            // The empty string.
            guard let cursor = start(name, reserving: colon ? 3 : 2) else { return }
            cursor[0] = UInt8(ascii: "\"")
            cursor[1] = UInt8(ascii: "\"")
            if colon { cursor[2] = UInt8(ascii: ":") }
            return
        }
        let escapeAt = Self.firstEscape(from, length)
        guard escapeAt == length else {
            _ = start(name, reserving: 0)
            writeEscaped(from, length, clean: escapeAt)
            if colon { append(UInt8(ascii: ":")) }
            return
        }
        // A String's byte count is bounded by memory (far below Int.max - 3): no overflow.
        guard let cursor = start(name, reserving: length + (colon ? 3 : 2)) else { return }
        cursor[0] = UInt8(ascii: "\"")
        Self.copy(cursor + 1, from, length)
        cursor[length + 1] = UInt8(ascii: "\"")
        if colon { cursor[length + 2] = UInt8(ascii: ":") }
    }

    private mutating func int(_ name: StaticString?, _ number: Int) {
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
            guard let from = raw.baseAddress?.advanced(by: position).assumingMemoryBound(to: UInt8.self),
                  let cursor = start(name, reserving: raw.count - position) else { return }
            Self.copy(cursor, from, raw.count - position)
        }
    }

    private mutating func date(_ name: StaticString?, _ date: CivilDate) {
        guard (0...9999).contains(date.year), (1...12).contains(date.month), (1...31).contains(date.day) else {
            quoted(name, date.description, colon: false)
            return
        }
        guard let cursor = start(name, reserving: 12) else { return }
        func digits(_ value: Int, _ at: Int, _ width: Int) {
            var rest = value
            for position in stride(from: at + width - 1, through: at, by: -1) {
                cursor[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        cursor[0] = UInt8(ascii: "\"")
        digits(date.year, 1, 4)
        cursor[5] = UInt8(ascii: "-")
        digits(date.month, 6, 2)
        cursor[8] = UInt8(ascii: "-")
        digits(date.day, 9, 2)
        cursor[11] = UInt8(ascii: "\"")
    }

    // MARK: Internals: structure

    private mutating func open(_ byte: UInt8) {
        guard let cursor = start(nil, reserving: 1) else { return }
        cursor[0] = byte
        guard depth < Self.maxDepth else {
            fail(.tooDeep)
            return
        }
        depth += 1
        comma = false
    }

    private mutating func close(_ byte: UInt8) {
        append(byte)
        if depth > 0 { depth -= 1 }
        comma = true
    }

    /// Reserves and writes what precedes a value — its comma, and `"name":` when a name is
    /// given — and reserves `extra` bytes after it for the caller to fill at once (they are
    /// counted as written). Nil, and nothing written, when the limit or memory refuses.
    @inline(__always)
    private mutating func start(_ name: StaticString?, reserving extra: Int) -> UnsafeMutablePointer<UInt8>? {
        let nameLength = name?.utf8CodeUnitCount ?? 0
        let separator = comma ? 1 : 0
        // `extra` is a byte count bounded by memory; names are short literals: no overflow.
        let total = separator + (name == nil ? 0 : nameLength + 3) + extra
        comma = true
        guard ensure(total), let base else { return nil }
        var cursor = base + count
        count += total
        if separator == 1 {
            cursor[0] = UInt8(ascii: ",")
            cursor += 1
        }
        if let name {
            cursor[0] = UInt8(ascii: "\"")
            Self.copy(cursor + 1, name.utf8Start, nameLength)
            cursor[nameLength + 1] = UInt8(ascii: "\"")
            cursor[nameLength + 2] = UInt8(ascii: ":")
            cursor += nameLength + 3
        }
        return cursor
    }

    private mutating func fail(_ reason: Failure) {
        if failure == nil { failure = reason }
        room = 0
    }

    /// Makes room for `extra` more bytes; false (and ``failure`` set) when the limit or
    /// memory does not allow it. `extra` is never negative.
    @inline(__always)
    private mutating func ensure(_ extra: Int) -> Bool {
        // room >= 0 and count >= 0, both below Int.max: the difference cannot overflow.
        if _fastPath(extra <= room &- count) { return true }
        return grow(extra)
    }

    /// The slow part of ``ensure(_:)``: a failed writer, the limit, or a bigger buffer.
    @inline(never)
    private mutating func grow(_ extra: Int) -> Bool {
        guard failure == nil else { return false }
        let (needed, overflow) = count.addingReportingOverflow(extra)
        guard !overflow, needed <= limit else {
            fail(.limit)
            return false
        }
        if needed <= capacity { return true }  // not reached while room == min(capacity, limit)
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
        room = failure == nil ? min(size, limit) : 0
        return true
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        guard ensure(1), let base else { return }
        base[count] = byte
        count += 1
    }

    private mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
        guard length > 0, ensure(length), let base else { return }
        Self.copy(base + count, start, length)
        count += length
    }

    // MARK: Internals: bytes

    /// Runs `body` on the UTF-8 bytes of `text` without copying a native string.
    @inline(__always)
    private static func withBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable(body) == nil {
            var text = text
            text.withUTF8(body)
        }
    }

    /// Copies `length` bytes between buffers that do not overlap (the answer buffer and a
    /// string or literal). Up to 16 bytes with at most two overlapping word loads and stores
    /// inside both ranges (`[from, from + length)`, `[to, to + length)`), longer runs with
    /// memcpy.
    @inline(__always)
    private static func copy(_ to: UnsafeMutablePointer<UInt8>, _ from: UnsafePointer<UInt8>, _ length: Int) {
        let source = UnsafeRawPointer(from), target = UnsafeMutableRawPointer(to)
        if length >= 8 {
            guard length <= 16 else {
                target.copyMemory(from: source, byteCount: length)
                return
            }
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        } else if length >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
        } else if length > 0 {
            to[0] = from[0]
            to[length >> 1] = from[length >> 1]
            to[length - 1] = from[length - 1]
        }
    }

    /// Whether one of the 8 bytes of `word` needs an escape in a JSON string: below 0x20,
    /// `"` or `\`. Exact (no false answer either way): "some byte is zero" is
    /// `(v - 0x01…) & ~v & 0x80…` and "some byte is below n" (n <= 0x80) is
    /// `(v - n…) & ~v & 0x80…`; bytes >= 0x80 (all of multi-byte UTF-8) never test true.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let found = control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        return found & (ones &* 0x80) != 0
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The offset of the first byte of `[from, from + length)` that needs an escape, or
    /// `length`. Eight bytes at a time, the last 8 (overlapping bytes already seen) for the
    /// rest; 4...7 bytes by two overlapping 4-byte words. Every load lies inside the range.
    /// (Swift's SIMD16 compiles to a byte loop here, several times slower than this.)
    @inline(__always)
    static func firstEscape(_ from: UnsafePointer<UInt8>, _ length: Int) -> Int {
        let raw = UnsafeRawPointer(from)
        var offset = 0
        if length >= 8 {
            while length - offset >= 8 {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                // Eight bytes of multi-byte UTF-8 (all of Chinese text) need no test.
                if word & Self.highBits != Self.highBits, needsEscape(word) { break }
                offset += 8
            }
            if offset == length { return length }
            if length - offset < 8, !needsEscape(raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)) {
                return length
            }
        } else if length >= 4 {
            let head = UInt64(raw.loadUnaligned(as: UInt32.self))
            let tail = UInt64(raw.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self))
            if !needsEscape(head | tail << 32) { return length }
        }
        // The bytes before `offset` need no escape; one of the rest does (or the text is short).
        while offset < length {
            if needsEscape(from[offset]) { return offset }
            offset += 1
        }
        return length
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// Writes the bytes as a JSON string, quotes included, escaping as needed; the first
    /// `clean` bytes are known to need no escape. Runs that need none are copied in one go.
    private mutating func writeEscaped(_ from: UnsafePointer<UInt8>, _ length: Int, clean: Int) {
        append(UInt8(ascii: "\""))
        var runStart = 0
        var offset = clean
        while offset < length {
            let byte = from[offset]
            if Self.needsEscape(byte) {
                append(from + runStart, offset - runStart)
                writeEscape(byte)
                runStart = offset + 1
            }
            offset += 1
        }
        append(from + runStart, length - runStart)
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
            append(UInt8(ascii: "u"))
            append(UInt8(ascii: "0"))
            append(UInt8(ascii: "0"))
            let hex = Self.hexDigits.utf8Start
            append(hex[Int(byte >> 4)])
            append(hex[Int(byte & 0x0F)])
        }
    }
}
