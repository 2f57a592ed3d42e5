// SPDX-License-Identifier: Apache-2.0
/// HMAC-SHA-256 (RFC 2104, FIPS 198-1): the keyed digest of a request on a decision
/// receipt. The key comes from the kiosk's firmware, so the small space of birth dates
/// and counts in a request cannot be searched by whoever holds a receipt.
public enum HMACSHA256 {
    /// The 32-byte tag of `message` under `key` (any length; keys longer than the block
    /// are hashed first, as RFC 2104 says).
    public static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        var block = key.count > SHA256.blockSize ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: SHA256.blockSize - block.count)
        let inner = SHA256.hash(block.map { $0 ^ 0x36 } + message)
        return SHA256.hash(block.map { $0 ^ 0x5c } + inner)
    }

    /// Whether `tag` is the tag of `message` under `key`, compared in constant time.
    public static func verify(_ tag: [UInt8], of message: [UInt8], key: [UInt8]) -> Bool {
        let expected = authenticate(message, key: key)
        guard tag.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ tag[index] }
        return difference == 0
    }
}
