// SPDX-License-Identifier: Apache-2.0
/// Which of a fixed list of member names a name is, by a small open-addressing hash table
/// built once (with the ``RequestShape`` it serves, at load; immutable after, so shared
/// between threads): for ``RequestReader``, which compared each name with every key of the
/// object in turn, the largest cost of reading a request after its strings (issue 15).
///
/// The hash mixes the length with the first and last bytes; a probe compares the whole
/// name, so a collision only costs another probe, never a wrong answer. The table has at
/// least four buckets per name, so most lookups take one probe. Names are kept in one
/// byte array (no array per name to retain and check on every probe).
struct MemberLookup: Sendable {
    /// Bucket -> (index + 1) << 48 | count << 32 | offset of the name in `bytes`; 0: empty.
    /// Its count is a power of two.
    private let buckets: [UInt64]
    /// The names' UTF-8 bytes, one after another.
    private let bytes: [UInt8]
    private let mask: Int

    init(_ names: [[UInt8]]) {
        var size = 16
        while size < names.count * 4 { size *= 2 }
        var buckets = [UInt64](repeating: 0, count: size)
        var bytes: [UInt8] = []
        var placed: [[UInt8]] = []
        let mask = size - 1
        for (index, name) in names.enumerated() {
            // A shape has a few dozen names of a few dozen bytes: far inside the fields. Any
            // beyond them, or a duplicate (the first wins, as a search from the start found
            // it), is left out and never found: an unknown member, left to the tree path.
            guard index < 0xFFFE, name.count < 0xFFFF, bytes.count < 0x7FFF_FFFF, !placed.contains(name) else { continue }
            placed.append(name)
            var bucket = name.withUnsafeBufferPointer { Self.hash($0) } & mask
            while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = UInt64(index + 1) << 48 | UInt64(name.count) << 32 | UInt64(bytes.count)
            bytes += name
        }
        self.buckets = buckets
        self.bytes = bytes
        self.mask = mask
    }

    @inline(__always)
    private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let count = text.count
        guard count > 0, let base = text.baseAddress else { return 0 }
        // Reads at 0 and count - 1: inside the text (count >= 1).
        let h = (count &* 0x9E37) ^ (Int(base[0]) &* 0x3D) ^ (Int(base[count &- 1]) &* 0x1F1)
        return h ^ (h >> 6)
    }

    /// The index of the name with exactly the bytes of `text`, or nil.
    @inline(__always)
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        var bucket = Self.hash(text) & mask
        return buckets.withUnsafeBufferPointer { buckets in
            bytes.withUnsafeBufferPointer { bytes in
                // The table is never full (four buckets per name), so an empty bucket ends
                // the probe; `bucket` stays below buckets.count (the mask).
                while true {
                    let packed = buckets[bucket]
                    if packed == 0 { return nil }
                    let count = Int(truncatingIfNeeded: (packed >> 32) & 0xFFFF)
                    let offset = Int(truncatingIfNeeded: packed & 0xFFFF_FFFF)
                    // offset + count <= bytes.count: each name was stored there whole.
                    if count == text.count, offset + count <= bytes.count,
                       Self.same(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), text) {
                        return Int(truncatingIfNeeded: packed >> 48) - 1
                    }
                    bucket = (bucket &+ 1) & mask
                }
            }
        }
    }

    /// Whether two buffers of the same count hold the same bytes.
    @inline(__always)
    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        guard count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        var offset = 0
        // Eight bytes at a time while eight remain in both (same count), then the rest.
        while count - offset >= 8 {
            if UnsafeRawPointer(pa + offset).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(pb + offset).loadUnaligned(as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if pa[offset] != pb[offset] { return false }
            offset += 1
        }
        return true
    }
}
