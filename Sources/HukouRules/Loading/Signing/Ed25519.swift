// SPDX-License-Identifier: Apache-2.0
/// Ed25519 (RFC 8032) for policy-pack signatures.
///
/// Verification (§5.1.7, cofactorless) is strict, as libsodium's
/// `crypto_sign_verify_detached` is: S < L, canonical encodings of A and R, and neither A
/// nor R of small order (a key or a commitment in the 8-torsion lets a signature "verify"
/// for messages nobody signed). ``isAcceptablePublicKey(_:)`` applies the same key rules
/// when an engine is given its trusted keys.
///
/// Signing (§5.1.6) serves `hukou sign` and `hukou keygen` on a policy office's machine; it
/// multiplies the secret scalar with a fixed sequence of operations (double and add always,
/// selecting without branches), so its running time does not depend on the key's bits.
/// Tests check both against RFC 8032 §7.1, Project Wycheproof's EdDSA vectors and the
/// small-order points list (docs/signing.md).
public enum Ed25519 {
    /// A point in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z.
    struct Point {
        var x: FieldElement, y: FieldElement, z: FieldElement, t: FieldElement

        static let identity = Point(x: .zero, y: .one, z: .one, t: .zero)

        /// Unified addition for a = −1 (add-2008-hwcd-3); also doubles.
        static func + (p: Point, q: Point) -> Point {
            let a = (p.y - p.x) * (q.y - q.x)
            let b = (p.y + p.x) * (q.y + q.x)
            let c = p.t * Ed25519.d2 * q.t
            let d = (p.z + p.z) * q.z
            let e = b - a, f = d - c, g = d + c, h = b + a
            return Point(x: e * f, y: g * h, z: f * g, t: e * h)
        }

        static prefix func - (p: Point) -> Point {
            Point(x: -p.x, y: p.y, z: p.z, t: -p.t)
        }

        /// [scalar]P with the same operations for every scalar of the same length (secret scalars).
        func timesConstantTime(_ scalar: [UInt8]) -> Point {
            var result = Point.identity
            for index in stride(from: scalar.count * 8 - 1, through: 0, by: -1) {
                result = result + result
                let sum = result + self
                let bit = UInt64((scalar[index / 8] >> UInt8(index % 8)) & 1)
                result = Point.select(bit, sum, result)
            }
            return result
        }

        /// `a` when `bit` is 1, `b` when 0, without a branch.
        static func select(_ bit: UInt64, _ a: Point, _ b: Point) -> Point {
            let mask = 0 &- bit
            return Point(x: .select(mask, a.x, b.x), y: .select(mask, a.y, b.y),
                         z: .select(mask, a.z, b.z), t: .select(mask, a.t, b.t))
        }

        /// Whether [8]P is the identity: P is one of the eight small-order points.
        var hasSmallOrder: Bool {
            var p = self
            for _ in 0..<3 { p = p + p }
            return p.x.isZero && (p.y - p.z).isZero
        }

        /// [scalar]P for a scalar given as little-endian bytes (variable time: public scalars).
        func times(_ scalar: [UInt8]) -> Point {
            var result = Point.identity
            for index in stride(from: scalar.count * 8 - 1, through: 0, by: -1) {
                result = result + result
                if (scalar[index / 8] >> UInt8(index % 8)) & 1 == 1 { result = result + self }
            }
            return result
        }

        var encoded: [UInt8] {
            let inverse = z.inverse
            let affineX = x * inverse, affineY = y * inverse
            var out = affineY.bytes
            if affineX.isNegative { out[31] |= 0x80 }
            return out
        }

        /// Decodes a 32-byte encoding (RFC 8032 §5.1.3); nil when it is not a curve point
        /// or not canonical (y ≥ p).
        init?(encoded bytes: [UInt8]) {
            guard bytes.count == 32 else { return nil }
            let sign = bytes[31] >> 7
            var yBytes = bytes
            yBytes[31] &= 0x7F
            let y = FieldElement(bytes: yBytes)
            guard y.bytes == yBytes else { return nil } // y must be below p
            let y2 = y.squared
            let u = y2 - .one
            let v = Ed25519.d * y2 + .one
            let v3 = v.squared * v
            let v7 = v3.squared * v
            var x = u * v3 * (u * v7).power(FieldElement.pMinus5Over8)
            let vx2 = v * x.squared
            if vx2 == u {
                // x is a root
            } else if vx2 == -u {
                x = x * Ed25519.sqrtMinusOne
            } else {
                return nil
            }
            if x.isZero, sign == 1 { return nil }
            if (x.isNegative ? 1 : 0) != sign { x = -x }
            self.init(x: x, y: y, z: .one, t: x * y)
        }

        init(x: FieldElement, y: FieldElement, z: FieldElement, t: FieldElement) {
            self.x = x; self.y = y; self.z = z; self.t = t
        }
    }

    /// d = −121665 / 121666, 2d, √−1 and the base point, derived rather than transcribed.
    static let d: FieldElement = -(FieldElement(l0: 121_665, l1: 0, l2: 0, l3: 0, l4: 0) * FieldElement(l0: 121_666, l1: 0, l2: 0, l3: 0, l4: 0).inverse)
    static let d2: FieldElement = d + d
    static let sqrtMinusOne: FieldElement = FieldElement(l0: 2, l1: 0, l2: 0, l3: 0, l4: 0).power(FieldElement.pMinus1Over4)
    /// B: y = 4/5, x even.
    static let basePoint: Point? = Point(encoded: [0x58] + [UInt8](repeating: 0x66, count: 31))

    /// The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian.
    static let order: [UInt8] = [
        0xED, 0xD3, 0xF5, 0x5C, 0x1A, 0x63, 0x12, 0x58, 0xD6, 0x9C, 0xF7, 0xA2, 0xDE, 0xF9, 0xDE, 0x14,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ]

    /// Whether a 32-byte little-endian number is below L.
    static func isBelowOrder(_ scalar: [UInt8]) -> Bool {
        for index in stride(from: 31, through: 0, by: -1) where scalar[index] != order[index] {
            return scalar[index] < order[index]
        }
        return false
    }

    /// A little-endian number of any length, reduced mod L (bit by bit: simple, not fast).
    static func reduce(_ number: [UInt8]) -> [UInt8] {
        var r = [UInt64](repeating: 0, count: 4)
        var l = [UInt64](repeating: 0, count: 4)
        for index in 0..<32 {
            let byte = UInt64(order[index])
            l[index / 8] |= byte << UInt64(8 * (index % 8))
        }
        for index in stride(from: number.count * 8 - 1, through: 0, by: -1) {
            // r = 2r + bit (r < L < 2^253, so no overflow of 256 bits)
            let bit = UInt64((number[index / 8] >> UInt8(index % 8)) & 1)
            r[3] = r[3] << 1 | r[2] >> 63
            r[2] = r[2] << 1 | r[1] >> 63
            r[1] = r[1] << 1 | r[0] >> 63
            r[0] = r[0] << 1 | bit
            // if r ≥ L: r −= L
            var greaterOrEqual = true
            for limb in stride(from: 3, through: 0, by: -1) where r[limb] != l[limb] {
                greaterOrEqual = r[limb] > l[limb]
                break
            }
            if greaterOrEqual {
                var borrow: UInt64 = 0
                for limb in 0..<4 {
                    let (d1, o1) = r[limb].subtractingReportingOverflow(l[limb])
                    let (d2, o2) = d1.subtractingReportingOverflow(borrow)
                    r[limb] = d2
                    borrow = (o1 || o2) ? 1 : 0
                }
            }
        }
        var out = [UInt8](repeating: 0, count: 32)
        for index in 0..<32 { out[index] = UInt8(truncatingIfNeeded: r[index / 8] >> UInt64(8 * (index % 8))) }
        return out
    }

    /// Whether 32 bytes are a public key a verifier may trust: the canonical encoding of a
    /// curve point (y < p, no "negative zero" x) that is not of small order (the all-zero
    /// key, the identity and the other 8-torsion points are refused).
    public static func isAcceptablePublicKey(_ bytes: [UInt8]) -> Bool {
        guard let point = Point(encoded: bytes) else { return false }
        return !point.hasSmallOrder
    }

    /// Whether `signature` (64 bytes) is a valid signature of `message` by `publicKey` (32 bytes).
    public static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == 64, publicKey.count == 32, let base = basePoint,
              let a = Point(encoded: publicKey), !a.hasSmallOrder else { return false }
        let rBytes = Array(signature[0..<32])
        let s = Array(signature[32..<64])
        guard isBelowOrder(s), let r = Point(encoded: rBytes), !r.hasSmallOrder else { return false }
        let k = reduce(SHA512.hash(rBytes + publicKey + message))
        let check = base.times(s) + (-a).times(k)
        return check.encoded == rBytes
    }

    /// The secret scalar and the nonce prefix of a 32-byte private key (RFC 8032 §5.1.5).
    private static func expand(seed: [UInt8]) -> (scalar: [UInt8], prefix: [UInt8]) {
        var h = SHA512.hash(seed)
        h[0] &= 248
        h[31] &= 127
        h[31] |= 64
        return (Array(h[0..<32]), Array(h[32..<64]))
    }

    /// The public key of a 32-byte private key (seed); nil when `seed` is not 32 bytes.
    public static func publicKey(seed: [UInt8]) -> [UInt8]? {
        guard seed.count == 32, let base = basePoint else { return nil }
        return base.timesConstantTime(expand(seed: seed).scalar).encoded
    }

    /// The signature of `message` by the 32-byte private key `seed` (RFC 8032 §5.1.6);
    /// nil when `seed` is not 32 bytes.
    public static func sign(message: [UInt8], seed: [UInt8]) -> [UInt8]? {
        guard seed.count == 32, let base = basePoint else { return nil }
        let (a, prefix) = expand(seed: seed)
        let publicKey = base.timesConstantTime(a).encoded
        let r = reduce(SHA512.hash(prefix + message))
        let rBytes = base.timesConstantTime(r).encoded
        let k = reduce(SHA512.hash(rBytes + publicKey + message))
        // S = (r + k·a) mod L, from the 512-bit product.
        var wide = multiply(k, a)
        var carry: UInt16 = 0
        for index in 0..<64 {
            let sum = UInt16(wide[index]) + (index < 32 ? UInt16(r[index]) : 0) + carry
            wide[index] = UInt8(truncatingIfNeeded: sum)
            carry = sum >> 8
        }
        return rBytes + reduce(wide)
    }

    /// The 64-byte product of two 32-byte little-endian numbers.
    private static func multiply(_ x: [UInt8], _ y: [UInt8]) -> [UInt8] {
        var out = [UInt32](repeating: 0, count: 64)
        for i in 0..<32 {
            var carry: UInt32 = 0
            for j in 0..<32 {
                let value = out[i + j] + UInt32(x[i]) * UInt32(y[j]) + carry
                out[i + j] = value & 0xFF
                carry = value >> 8
            }
            var index = i + 32
            while carry != 0, index < 64 {
                let value = out[index] + carry
                out[index] = value & 0xFF
                carry = value >> 8
                index += 1
            }
        }
        return out.map { UInt8(truncatingIfNeeded: $0) }
    }
}
