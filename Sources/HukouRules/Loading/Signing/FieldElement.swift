// SPDX-License-Identifier: Apache-2.0
/// An element of GF(2^255 − 19) in five 51-bit limbs, for Ed25519 verification.
/// Variable time: only public data (keys, signatures, packs) is ever processed.
struct FieldElement {
    var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64

    static let mask: UInt64 = (1 << 51) - 1
    static let zero = FieldElement(l0: 0, l1: 0, l2: 0, l3: 0, l4: 0)
    static let one = FieldElement(l0: 1, l1: 0, l2: 0, l3: 0, l4: 0)

    /// From 32 little-endian bytes; the top bit is ignored (it is the sign of x in encodings).
    init(bytes: [UInt8]) {
        func word(_ offset: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<8 where offset + index < bytes.count {
                value |= UInt64(bytes[offset + index]) << UInt64(8 * index)
            }
            return value
        }
        l0 = word(0) & Self.mask
        l1 = (word(6) >> 3) & Self.mask
        l2 = (word(12) >> 6) & Self.mask
        l3 = (word(19) >> 1) & Self.mask
        l4 = (word(24) >> 12) & Self.mask
    }

    init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64) {
        self.l0 = l0; self.l1 = l1; self.l2 = l2; self.l3 = l3; self.l4 = l4
    }

    /// Propagates carries so every limb is below 2^51 (plus a little in l0).
    func carried() -> FieldElement {
        var r = self
        var c = r.l0 >> 51; r.l0 &= Self.mask; r.l1 &+= c
        c = r.l1 >> 51; r.l1 &= Self.mask; r.l2 &+= c
        c = r.l2 >> 51; r.l2 &= Self.mask; r.l3 &+= c
        c = r.l3 >> 51; r.l3 &= Self.mask; r.l4 &+= c
        c = r.l4 >> 51; r.l4 &= Self.mask; r.l0 &+= c &* 19
        c = r.l0 >> 51; r.l0 &= Self.mask; r.l1 &+= c
        return r
    }

    static func + (a: FieldElement, b: FieldElement) -> FieldElement {
        FieldElement(l0: a.l0 &+ b.l0, l1: a.l1 &+ b.l1, l2: a.l2 &+ b.l2, l3: a.l3 &+ b.l3, l4: a.l4 &+ b.l4).carried()
    }

    /// a − b, computed as a + 4p − b with b carried first, so no limb underflows.
    static func - (a: FieldElement, b: FieldElement) -> FieldElement {
        let b = b.carried()
        let p4low: UInt64 = 0x1F_FFFF_FFFF_FFB4, p4: UInt64 = 0x1F_FFFF_FFFF_FFFC
        return FieldElement(l0: a.l0 &+ p4low &- b.l0, l1: a.l1 &+ p4 &- b.l1, l2: a.l2 &+ p4 &- b.l2,
                            l3: a.l3 &+ p4 &- b.l3, l4: a.l4 &+ p4 &- b.l4).carried()
    }

    static prefix func - (a: FieldElement) -> FieldElement { zero - a }

    static func * (a: FieldElement, b: FieldElement) -> FieldElement {
        let a = a.carried(), b = b.carried()
        func m(_ x: UInt64, _ y: UInt64) -> UInt128 { UInt128(x) * UInt128(y) }
        let b1 = b.l1 &* 19, b2 = b.l2 &* 19, b3 = b.l3 &* 19, b4 = b.l4 &* 19
        let r0 = m(a.l0, b.l0) + m(a.l1, b4) + m(a.l2, b3) + m(a.l3, b2) + m(a.l4, b1)
        var r1 = m(a.l0, b.l1) + m(a.l1, b.l0) + m(a.l2, b4) + m(a.l3, b3) + m(a.l4, b2)
        var r2 = m(a.l0, b.l2) + m(a.l1, b.l1) + m(a.l2, b.l0) + m(a.l3, b4) + m(a.l4, b3)
        var r3 = m(a.l0, b.l3) + m(a.l1, b.l2) + m(a.l2, b.l1) + m(a.l3, b.l0) + m(a.l4, b4)
        var r4 = m(a.l0, b.l4) + m(a.l1, b.l3) + m(a.l2, b.l2) + m(a.l3, b.l1) + m(a.l4, b.l0)
        let mask = UInt128(Self.mask)
        r1 += r0 >> 51
        r2 += r1 >> 51
        r3 += r2 >> 51
        r4 += r3 >> 51
        let top = r4 >> 51
        return FieldElement(l0: UInt64(truncatingIfNeeded: r0 & mask) &+ UInt64(truncatingIfNeeded: top) &* 19,
                            l1: UInt64(truncatingIfNeeded: r1 & mask), l2: UInt64(truncatingIfNeeded: r2 & mask),
                            l3: UInt64(truncatingIfNeeded: r3 & mask), l4: UInt64(truncatingIfNeeded: r4 & mask)).carried()
    }

    var squared: FieldElement { self * self }

    /// `a` where `mask` is all ones, `b` where it is zero (no branch on secret data).
    static func select(_ mask: UInt64, _ a: FieldElement, _ b: FieldElement) -> FieldElement {
        FieldElement(l0: (a.l0 & mask) | (b.l0 & ~mask), l1: (a.l1 & mask) | (b.l1 & ~mask),
                     l2: (a.l2 & mask) | (b.l2 & ~mask), l3: (a.l3 & mask) | (b.l3 & ~mask),
                     l4: (a.l4 & mask) | (b.l4 & ~mask))
    }

    /// self^e for an exponent given as 32 little-endian bytes.
    func power(_ exponent: [UInt8]) -> FieldElement {
        var result = FieldElement.one
        for index in stride(from: exponent.count * 8 - 1, through: 0, by: -1) {
            result = result.squared
            if (exponent[index / 8] >> UInt8(index % 8)) & 1 == 1 { result = result * self }
        }
        return result
    }

    /// Exponents as little-endian bytes: p − 2, (p − 5) / 8, (p − 1) / 4.
    static let pMinus2: [UInt8] = [0xEB] + [UInt8](repeating: 0xFF, count: 30) + [0x7F]
    static let pMinus5Over8: [UInt8] = [0xFD] + [UInt8](repeating: 0xFF, count: 30) + [0x0F]
    static let pMinus1Over4: [UInt8] = [0xFB] + [UInt8](repeating: 0xFF, count: 30) + [0x1F]

    var inverse: FieldElement { power(Self.pMinus2) }

    /// The canonical 32-byte little-endian encoding (fully reduced below p).
    var bytes: [UInt8] {
        var h = carried().carried()
        // h < 2^255 now; subtract p if h ≥ p, i.e. if h + 19 ≥ 2^255.
        var t = h
        t.l0 &+= 19
        var c = t.l0 >> 51; t.l0 &= Self.mask; t.l1 &+= c
        c = t.l1 >> 51; t.l1 &= Self.mask; t.l2 &+= c
        c = t.l2 >> 51; t.l2 &= Self.mask; t.l3 &+= c
        c = t.l3 >> 51; t.l3 &= Self.mask; t.l4 &+= c
        if t.l4 >> 51 != 0 {
            t.l4 &= Self.mask
            h = t
        }
        var out = [UInt8](repeating: 0, count: 32)
        let limbs = [h.l0, h.l1, h.l2, h.l3, h.l4]
        for bit in 0..<255 {
            let limb = limbs[bit / 51]
            if (limb >> UInt64(bit % 51)) & 1 == 1 { out[bit / 8] |= 1 << UInt8(bit % 8) }
        }
        return out
    }

    var isZero: Bool { bytes.allSatisfy { $0 == 0 } }
    /// The low bit of the canonical value ("negative" in RFC 8032).
    var isNegative: Bool { bytes[0] & 1 == 1 }

    static func == (a: FieldElement, b: FieldElement) -> Bool { a.bytes == b.bytes }
}
