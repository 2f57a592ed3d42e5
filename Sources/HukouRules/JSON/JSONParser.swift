// SPDX-License-Identifier: Apache-2.0
/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// Purpose-built for kiosk requests and policy packs (see docs/benchmarks.md for why it
/// replaced Codable): it never traps, rejects what RFC 8259 rejects (NaN, Infinity,
/// comments, trailing commas, control characters in strings, invalid UTF-8, lone
/// surrogates), rejects duplicate keys, skips one leading UTF-8 byte-order mark, and
/// stops at a nesting depth limit instead of exhausting the stack.
public struct JSONParser {
    /// Default nesting limit (HUKOU_MAX_DEPTH).
    public static let defaultMaxDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private let maxDepth: Int
    /// Whether duplicate member names may be shown as they are (packs: policy, not
    /// personal data); otherwise only request schema names are (``MemberName``).
    private let showsAllNames: Bool
    /// Members and elements of the objects and arrays being parsed, as stacks: an object's
    /// members are collected here and copied out once, into an array of the exact size,
    /// instead of each object growing its own array by doubling (docs/benchmarks.md).
    private var memberStack: [JSONMember] = []
    private var elementStack: [JSONValue] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, showsAllNames: Bool) {
        self.bytes = bytes
        self.index = 0
        self.maxDepth = maxDepth
        self.showsAllNames = showsAllNames
    }

    /// Parses one JSON text.
    /// - Throws: ``HukouError`` with `.parse` (malformed, with the byte offset) or
    ///   `.limit` (nesting deeper than `maxDepth`).
    /// - Parameter showsAllNames: name any duplicate member in the error (packs); by
    ///   default only request schema names are shown, others by position.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = defaultMaxDepth,
                             showsAllNames: Bool = false) throws(HukouError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth, showsAllNames: showsAllNames)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            parser.index = 3
        }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 1)
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error(zh: "JSON 值之后还有多余内容", en: "unexpected content after the JSON value")
        }
        return value
    }

    /// Parses one JSON text held in a byte array.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(HukouError) -> JSONValue {
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                try parse(buffer, maxDepth: maxDepth)
            }
        } catch let error as HukouError {
            throw error
        } catch {
            throw HukouError(.internal, path: "", zh: "内部错误", en: "internal error")
        }
    }

    /// Parses one JSON text held in a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(HukouError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(HukouError) -> JSONValue {
        guard index < bytes.count else {
            throw error(zh: "JSON 不完整：缺少值", en: "truncated JSON: expected a value")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw error(zh: "此处应为 JSON 值（对象、数组、字符串、数字、true、false 或 null）",
                        en: "expected a JSON value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func parseObject(depth: Int) throws(HukouError) -> JSONValue {
        guard depth <= maxDepth else {
            throw HukouError(.limit, path: "", zh: "嵌套超过 \(maxDepth) 层（字节 \(index)）",
                             en: "nesting deeper than \(maxDepth) levels (byte \(index))")
        }
        index += 1 // {
        let base = memberStack.count
        // Leaves the stack as it found it, also when a nested value throws.
        defer { memberStack.removeSubrange(base...) }
        var seenKeys: Set<String> = [] // used once an object is too large for a linear scan
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object([])
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(zh: "此处应为用双引号括起的成员名", en: "expected a member name in double quotes")
            }
            let keyOffset = index
            let key = try parseString()
            let duplicate: Bool
            let count = memberStack.count - base
            if count < 16 {
                // Names of different byte lengths differ: most comparisons end there.
                let length = key.utf8.count
                duplicate = memberStack[base...].contains { $0.key.utf8.count == length && $0.key == key }
            } else {
                if seenKeys.isEmpty { seenKeys = Set(memberStack[base...].map(\.key)) }
                duplicate = !seenKeys.insert(key).inserted
            }
            if duplicate {
                // Named only if it is a request schema name (or in a pack): it could be personal data.
                let name = showsAllNames ? key : MemberName.shown(key, position: count + 1)
                throw HukouError(.parse, path: "", zh: "成员名 \"\(name)\" 重复（字节 \(keyOffset)）",
                                 en: "duplicate member name \"\(name)\" (byte \(keyOffset))")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error(zh: "成员名之后应为 ':'", en: "expected ':' after a member name")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            memberStack.append(JSONMember(key, value))
            skipWhitespace()
            guard index < bytes.count else {
                throw error(zh: "JSON 不完整：对象未结束", en: "truncated JSON: object not closed")
            }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(Array(memberStack[base...])) }
            throw error(zh: "此处应为 ',' 或 '}'", en: "expected ',' or '}'")
        }
    }

    private mutating func parseArray(depth: Int) throws(HukouError) -> JSONValue {
        guard depth <= maxDepth else {
            throw HukouError(.limit, path: "", zh: "嵌套超过 \(maxDepth) 层（字节 \(index)）",
                             en: "nesting deeper than \(maxDepth) levels (byte \(index))")
        }
        index += 1 // [
        let base = elementStack.count
        defer { elementStack.removeSubrange(base...) }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        while true {
            skipWhitespace()
            let element = try parseValue(depth: depth + 1)
            elementStack.append(element)
            skipWhitespace()
            guard index < bytes.count else {
                throw error(zh: "JSON 不完整：数组未结束", en: "truncated JSON: array not closed")
            }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(Array(elementStack[base...])) }
            throw error(zh: "此处应为 ',' 或 ']'", en: "expected ',' or ']'")
        }
    }

    // MARK: - Scalars

    private mutating func expectLiteral(_ literal: StaticString) throws(HukouError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else {
            throw error(zh: "JSON 不完整", en: "truncated JSON")
        }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] {
            throw error(zh: "无法识别的字面量", en: "unrecognised literal")
        }
        index += count
    }

    private mutating func parseNumber() throws(HukouError) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error(zh: "数字格式错误", en: "malformed number")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw error(zh: "数字不能有前导零", en: "numbers may not have leading zeros")
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(zh: "小数点后应有数字", en: "expected a digit after the decimal point")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(zh: "指数部分应有数字", en: "expected a digit in the exponent")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int64(text) {
            return .integer(value)
        }
        guard let value = Double(text), value.isFinite, value != 0 || !Self.hasNonZeroDigit(bytes[start..<index]) else {
            // Beyond the double range (1e400), or so small that it would silently read as 0 (1e-400).
            throw HukouError(.parse, path: "", zh: "数字超出范围（字节 \(start)）", en: "number out of range (byte \(start))")
        }
        return .double(value)
    }

    /// Whether the significand of a number token (before any exponent) has a digit other than 0.
    private static func hasNonZeroDigit(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        for byte in token {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    private mutating func parseString() throws(HukouError) -> String {
        index += 1 // opening quote
        let start = index
        // Fast path: no escapes. `seen` collects the bits of every byte (ASCII when no high
        // bit is set). Non-ASCII text is checked by ``isValidUTF8(_:)``, then made with
        // String(decoding:): String(validating:) looked up type metadata on every call and
        // was the largest single cost of reading a request (docs/benchmarks.md).
        var seen: UInt8 = 0
        // The scan runs on locals (one load and three compares a byte), written back below.
        var cursor = index
        let end = bytes.count
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            seen |= byte
            cursor += 1
        }
        index = cursor
        if index < end, bytes[index] == UInt8(ascii: "\"") {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if seen & 0x80 != 0, !Self.isValidUTF8(slice) {
                throw HukouError(.parse, path: "", zh: "字符串不是有效的 UTF-8（字节 \(start)）",
                                 en: "string is not valid UTF-8 (byte \(start))")
            }
            index += 1
            return String(decoding: slice, as: UTF8.self)
        }
        if index < end, bytes[index] < 0x20 {
            throw error(zh: "字符串中有未转义的控制字符", en: "unescaped control character in a string")
        }
        // Slow path: with escapes.
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw HukouError(.parse, path: "", zh: "字符串不是有效的 UTF-8（字节 \(start)）",
                                     en: "string is not valid UTF-8 (byte \(start))")
                }
                index += 1
                return text
            }
            if byte < 0x20 {
                throw error(zh: "字符串中有未转义的控制字符", en: "unescaped control character in a string")
            }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if scalar >= 0xD800, scalar < 0xDC00 {
                    guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error(zh: "孤立的 UTF-16 代理项", en: "lone UTF-16 surrogate")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard low >= 0xDC00, low < 0xE000 else {
                        throw error(zh: "孤立的 UTF-16 代理项", en: "lone UTF-16 surrogate")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00, scalar < 0xE000 {
                    throw error(zh: "孤立的 UTF-16 代理项", en: "lone UTF-16 surrogate")
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    throw error(zh: "无效的 Unicode 码点", en: "invalid Unicode code point")
                }
                buffer.append(contentsOf: UTF8.encode(unicode) ?? [])
            default:
                throw error(zh: "无效的转义序列", en: "invalid escape sequence")
            }
        }
        throw error(zh: "JSON 不完整：字符串未结束", en: "truncated JSON: string not closed")
    }

    private mutating func parseHex4() throws(HukouError) -> UInt32 {
        guard bytes.count - index >= 4 else {
            throw error(zh: "\\u 之后应有 4 位十六进制数", en: "expected 4 hex digits after \\u")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A")) + 10
            default: throw error(zh: "\\u 之后应有 4 位十六进制数", en: "expected 4 hex digits after \\u")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    // MARK: - Helpers

    /// Whether `bytes` is well-formed UTF-8 (Unicode Standard, Table 3-7: no overlong
    /// forms, no surrogates, nothing above U+10FFFF, no truncated sequence).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF // range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard count - index >= length else { return false }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return false }
            var offset = 2
            while offset < length {
                let next = bytes[index + offset]
                guard next >= 0x80, next <= 0xBF else { return false }
                offset += 1
            }
            index += length
        }
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func error(zh: String, en: String) -> HukouError {
        HukouError(.parse, path: "", zh: "\(zh)（字节 \(index)）", en: "\(en) (byte \(index))")
    }
}

extension UTF8 {
    /// The UTF-8 bytes of one scalar.
    static func encode(_ scalar: Unicode.Scalar) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(4)
        UTF8.encode(scalar) { result.append($0) }
        return result
    }
}
