// SPDX-License-Identifier: Apache-2.0
/// Reads a request straight from its bytes into a ``DecisionRequest``: no ``JSONValue``
/// tree, no String per member name, no JSON path per object, enumeration values shared
/// with the fact declarations (issue 15: building and freeing the tree, with its
/// reference counting, was most of the cost of reading a request; docs/benchmarks.md).
///
/// It accepts only what the tree path (``JSONParser`` then ``DecisionRequest/read(_:catalogue:)``)
/// accepts, and gives the same request. On anything else — a syntax error, an unknown,
/// duplicate, mistyped or out-of-range member, a string with an escape, a number it does
/// not read the same way, too many family members — it returns nil without saying why,
/// and ``Engine/parseRequest(_:overriding:)`` reads the request the tree way, whose error
/// is then exactly the one it has always given (status, field, message, locale).
///
/// Every byte access is behind a bounds check on `index` (the buffer's subscript is not
/// checked in release builds).
struct RequestReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Deepest nesting accepted (the engine's limit; deeper: the tree path's `.limit` error).
    private let maxDepth: Int

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// The request, or nil when the tree path must read it (and say what is wrong).
    /// `catalogue` gives the fact declarations of a jurisdiction on a date, as
    /// ``Engine/catalogue(for:)`` does; `maxDepth` is the nesting limit (levels, as
    /// ``JSONParser`` counts them: the request object is level 1).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSONParser.defaultMaxDepth,
                     catalogue: (String, CivilDate) -> FactCatalogue) -> DecisionRequest? {
        var reader = RequestReader(bytes, maxDepth: maxDepth)
        return reader.request(catalogue)
    }

    // MARK: - The request object

    /// The locales and details, and their names' bytes (indices into them; `allCases` made
    /// an array on every read).
    private static let localeCases = AnswerLocale.allCases
    private static let detailCases = AnswerDetail.allCases
    private static let locales = MemberLookup(localeCases.map { Array($0.rawValue.utf8) })
    private static let details = MemberLookup(detailCases.map { Array($0.rawValue.utf8) })
    private static let topKeys = MemberLookup(["locale", "jurisdiction", "city", "detail", "as_of", "applicant", "family"].map { Array($0.utf8) })

    private mutating func request(_ catalogueOf: (String, CivilDate) -> FactCatalogue) -> DecisionRequest? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard maxDepth >= 1, take(UInt8(ascii: "{")) else { return nil }
        var seen: UInt8 = 0
        var locale = AnswerLocale.zhCN
        var jurisdiction: String?
        var city: String?
        var detail = AnswerDetail.full
        var asOf: CivilDate?
        var catalogue: FactCatalogue?
        var applicant: Person?
        var applicantAt: Int?
        var family: [Person] = []
        var familyAt: Int?
        skipWhitespace()
        guard !take(UInt8(ascii: "}")) else { return nil } // {}: jurisdiction missing
        while true {
            guard let key = memberName(Self.topKeys) else { return nil }
            let bit: UInt8 = 1 << UInt8(key)
            guard seen & bit == 0 else { return nil }
            seen |= bit
            let isNull = takeNull()
            switch key {
            case 0: // locale
                if !isNull {
                    guard let text = stringToken() else { return nil }
                    guard let named = Self.locales.index(of: text), named < Self.localeCases.count else { return nil }
                    locale = Self.localeCases[named]
                }
            case 1: // jurisdiction (required)
                guard !isNull, let text = stringToken() else { return nil }
                jurisdiction = String(decoding: text, as: UTF8.self)
            case 2: // city
                if !isNull {
                    guard let text = stringToken() else { return nil }
                    city = String(decoding: text, as: UTF8.self)
                }
            case 3: // detail
                if !isNull {
                    guard let text = stringToken() else { return nil }
                    guard let named = Self.details.index(of: text), named < Self.detailCases.count else { return nil }
                    detail = Self.detailCases[named]
                }
            case 4: // as_of (required)
                guard !isNull, let text = stringToken(), let date = Self.isoDate(text) else { return nil }
                asOf = date
            case 5: // applicant (required)
                guard !isNull else { return nil }
                if let jurisdiction, let asOf {
                    let facts = catalogue ?? catalogueOf(jurisdiction, asOf)
                    catalogue = facts
                    guard let person = person(facts.applicantShape, facts, depth: 2) else { return nil }
                    applicant = person
                } else {
                    applicantAt = index
                    guard peek == UInt8(ascii: "{"), skipValue() else { return nil }
                }
            default: // family
                if !isNull {
                    if let jurisdiction, let asOf {
                        let facts = catalogue ?? catalogueOf(jurisdiction, asOf)
                        catalogue = facts
                        guard let members = self.family(facts) else { return nil }
                        family = members
                    } else {
                        familyAt = index
                        guard peek == UInt8(ascii: "["), skipValue() else { return nil }
                    }
                }
            }
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            break
        }
        skipWhitespace()
        guard index == bytes.count, let jurisdiction, let asOf else { return nil }
        // Members that came before jurisdiction or as_of: read now that the facts are known.
        let facts = catalogue ?? catalogueOf(jurisdiction, asOf)
        if let at = applicantAt {
            index = at
            guard let person = person(facts.applicantShape, facts, depth: 2) else { return nil }
            applicant = person
        }
        if let at = familyAt {
            index = at
            guard let members = self.family(facts) else { return nil }
            family = members
        }
        guard let applicant else { return nil }
        return DecisionRequest(jurisdiction: jurisdiction, city: city, asOf: asOf, locale: locale,
                               applicant: applicant, family: family, detail: detail)
    }

    private mutating func family(_ facts: FactCatalogue) -> [Person]? {
        guard maxDepth >= 2, take(UInt8(ascii: "[")) else { return nil }
        var members: [Person] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return members }
        // Room for a household at once (one allocation, not a regrowth per member).
        members.reserveCapacity(4)
        while true {
            skipWhitespace()
            guard members.count < DecisionRequest.maxFamilyMembers, let member = person(facts.familyShape, facts, depth: 3) else { return nil }
            members.append(member)
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "]")) else { return nil }
            return members
        }
    }

    // MARK: - Persons

    private mutating func person(_ shape: RequestShape, _ facts: FactCatalogue, depth: Int) -> Person? {
        var person = Person(catalogue: facts)
        guard members(shape, depth: depth, into: &person) else { return nil }
        return person
    }

    /// The members of one object of a person, by its shape (as ``Person`` reads them).
    private mutating func members(_ shape: RequestShape, depth: Int, into person: inout Person) -> Bool {
        guard depth <= maxDepth, shape.entries.count <= 64, take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        var seen: UInt64 = 0
        while true {
            guard let entry = memberName(shape.lookup) else { return false }
            let bit: UInt64 = 1 << UInt64(entry)
            guard seen & bit == 0 else { return false }
            seen |= bit
            if !takeNull() {
                switch shape.entries[entry] {
                case .fact(_, let fact):
                    guard give(fact, into: &person) else { return false }
                case .group(_, let child):
                    guard members(child, depth: depth + 1, into: &person) else { return false }
                }
            }
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// Reads a fact's value as ``Person`` reads it (null was taken before) and gives it to
    /// `person`; false when it is not one. Bools, integers and dates go straight into their
    /// slot (``FactSlots/Slot``), enumerations as the index of their value.
    private mutating func give(_ fact: FactDefinition, into person: inout Person) -> Bool {
        switch fact.type {
        case .bool:
            guard index < bytes.count else { return false }
            let flag: Bool
            if bytes[index] == UInt8(ascii: "t"), matches(Self.wordTrue, at: index) {
                index += 4
                flag = true
            } else if bytes[index] == UInt8(ascii: "f"), matches(Self.wordAlse, at: index + 1) {
                index += 5
                flag = false
            } else {
                return false
            }
            person.give(fact, slot: .bool(flag), .bool(flag))
        case .integer:
            guard let number = plainInteger(), fact.range.contains(number) else { return false }
            person.give(fact, slot: .integer(number), .integer(number))
        case .decimal:
            guard let number = number(), let value = Fixed(json: number), fact.decimalRange.contains(value) else { return false }
            person.give(fact, .decimal(value))
        case .date:
            guard let text = stringToken(), let date = Self.isoDate(text) else { return false }
            // As FactSlots.set keeps a date: a plain slot when its fields fit (always, for
            // the years a CivilDate holds), else the value itself.
            if let year = Int32(exactly: date.year), let month = UInt8(exactly: date.month), let day = UInt8(exactly: date.day) {
                person.give(fact, slot: .date(year: year, month: month, day: day), .date(date))
            } else {
                person.give(fact, .date(date))
            }
        case .enumeration:
            guard let choice = choice(of: fact) else { return false }
            person.give(fact, choice: choice)
        case .text:
            guard let text = stringToken() else { return false }
            person.give(fact, .text(String(decoding: text, as: UTF8.self)))
        }
        return true
    }

    /// An enumeration fact's value as the index of the declared value with the same bytes
    /// (the person keeps the index, and gives back the declaration's own String), or nil.
    private mutating func choice(of fact: FactDefinition) -> Int? {
        guard let text = stringToken() else { return nil }
        return fact.choiceLookup.index(of: text)
    }

    // MARK: - Tokens

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// "true", "alse" (of false) and "null" as little-endian words, for ``matches(_:at:)``.
    private static let wordTrue: UInt32 = 0x6575_7274
    private static let wordAlse: UInt32 = 0x6573_6C61
    private static let wordNull: UInt32 = 0x6C6C_756E

    /// Whether the four bytes at `offset` are `word`'s (one load instead of a byte loop:
    /// literals are a tenth of a request's tokens). Inside the buffer: offset + 4 <= count.
    @inline(__always)
    private func matches(_ word: UInt32, at offset: Int) -> Bool {
        guard offset >= 0, bytes.count - offset >= 4, let base = bytes.baseAddress else { return false }
        return UInt32(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self)) == word
    }

    /// `null` (most values are not: one byte tells).
    private mutating func takeNull() -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "n"), matches(Self.wordNull, at: index) else { return false }
        index += 4
        return true
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Most tokens follow one another without whitespace: one test tells.
        guard index < bytes.count, bytes[index] <= 0x20 else { return }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The bytes of a string without escapes or control characters, valid UTF-8; nil otherwise.
    /// Inlined: a call's register saves were a fifth of the cost of a short member name.
    @inline(__always)
    private mutating func stringToken() -> UnsafeBufferPointer<UInt8>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let base = bytes.baseAddress else { return nil }
        let start = index + 1
        var seen: UInt64 = 0
        var cursor = start
        let end = bytes.count
        // Eight bytes at a time, up to the first quote, backslash or control character
        // (issue 15: most strings are short names, so the word that holds the closing quote
        // ends the loop without a byte loop). The loads stay inside the buffer:
        // cursor + 8 <= end. Non-ASCII bytes go on (their high bits are gathered in `seen`
        // for the UTF-8 check); `(x - 0x01…) & ~x & 0x80…` flags the first zero byte of x
        // exactly (a borrow only flags bytes above a true one), and with 0x20… the first
        // byte below 0x20 (a byte >= 0x80 has no high bit in ~x), so the lowest flag is
        // the first special byte.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while end - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                | ((word &- ones &* 0x20) & ~word)) & highs
            if special == 0 {
                seen |= word
                cursor += 8
                continue
            }
            let offset = special.trailingZeroBitCount >> 3 // 0...7
            // The bytes before the special one (offset 0: none).
            seen |= word & ((1 << UInt64(offset << 3)) &- 1)
            cursor += offset
            guard bytes[cursor] == UInt8(ascii: "\"") else { return nil }
            return finishString(start, cursor, seen)
        }
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") { return finishString(start, cursor, seen) }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            seen |= UInt64(byte)
            cursor += 1
        }
        return nil
    }

    /// The string from `start` to its closing quote at `quote` (`seen`: its bytes' bits ORed).
    @inline(__always)
    private mutating func finishString(_ start: Int, _ quote: Int, _ seen: UInt64) -> UnsafeBufferPointer<UInt8>? {
        let text = UnsafeBufferPointer(rebasing: bytes[start..<quote])
        if seen & 0x8080_8080_8080_8080 != 0, !JSONParser.isValidUTF8(text) { return nil }
        index = quote + 1
        return text
    }

    /// Which of `keys` the member name at `index` is: reads `"name" :` with the whitespace
    /// around it, up to the value.
    private mutating func memberName(_ keys: MemberLookup) -> Int? {
        skipWhitespace()
        guard let name = stringToken(), let key = keys.index(of: name) else { return nil }
        skipWhitespace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipWhitespace()
        return key
    }

    /// "YYYY-MM-DD" read as ``CivilDate/parse(iso:)`` reads it (ten bytes, dashes at 4 and
    /// 7, digits elsewhere, then the same CivilDate initialiser), without its loops: dates
    /// are a sixth of a request's values. Reads at 0..<10 only, inside the text (count 10).
    @inline(__always)
    private static func isoDate(_ text: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard text.count == 10, let p = text.baseAddress, p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-") else { return nil }
        // A byte minus "0", wrapping: a digit gives 0...9, any other byte more than 9.
        let zero = UInt8(ascii: "0")
        let y0 = p[0] &- zero, y1 = p[1] &- zero, y2 = p[2] &- zero, y3 = p[3] &- zero
        let m0 = p[5] &- zero, m1 = p[6] &- zero, d0 = p[8] &- zero, d1 = p[9] &- zero
        guard y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10 else { return nil }
        let year = Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3)
        return CivilDate(year: year, month: Int(m0) * 10 + Int(m1), day: Int(d0) * 10 + Int(d1))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// An integer without fraction or exponent, at most 15 digits (as the tree path reads
    /// it: anything else is left to it).
    private mutating func plainInteger() -> Int? {
        let negative = take(UInt8(ascii: "-"))
        guard index < bytes.count, isDigit(bytes[index]) else { return nil }
        var value = 0
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            var digits = 0
            while index < bytes.count, isDigit(bytes[index]) {
                digits += 1
                guard digits <= 15 else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
        }
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "0")...UInt8(ascii: "9"): return nil
            default: break
            }
        }
        return negative ? -value : value
    }

    /// A number token read into the JSON value ``JSONParser`` makes of it, or nil.
    private mutating func number() -> JSONValue? {
        let start = index
        var isInteger = true
        _ = take(UInt8(ascii: "-"))
        guard index < bytes.count, isDigit(bytes[index]) else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { return nil }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if take(UInt8(ascii: ".")) {
            isInteger = false
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let text = String(decoding: token, as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        // Out of range, or so small it would read as 0: the tree path refuses it.
        guard let value = Double(text), value.isFinite, value != 0 else { return nil }
        return .double(value)
    }

    /// Past one object or array starting at `index` (strings honoured, at most
    /// ``JSONParser/defaultMaxDepth`` deep). Not a validation: what is skipped is read
    /// again, strictly, once the jurisdiction's facts are known.
    private mutating func skipValue() -> Bool {
        var depth = 0
        repeat {
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < bytes.count else { return false }
                index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                guard depth <= JSONParser.defaultMaxDepth else { return false }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default:
                break
            }
        } while depth > 0
        return true
    }
}
