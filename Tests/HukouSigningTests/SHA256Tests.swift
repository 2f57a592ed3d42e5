// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

private func bytes(_ hex: String) -> [UInt8] { Hex.decode(hex) ?? [] }
private func repeated(_ byte: UInt8, _ count: Int) -> [UInt8] { [UInt8](repeating: byte, count: count) }

@Suite("SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 4231)")
struct SHA256Tests {
    @Test("SHA-256 of \"abc\", of the empty message and of the two-block message (FIPS 180-4 examples)")
    func shortVectors() {
        #expect(Hex.encode(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Hex.encode(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))) ==
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("SHA-256 of one million 'a' (FIPS 180-4 long message)")
    func millionA() {
        #expect(Hex.encode(SHA256.hash(repeated(UInt8(ascii: "a"), 1_000_000))) ==
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("Padding boundaries: 55, 56, 63 and 64 bytes differ from each other and from their neighbours")
    func paddingBoundaries() {
        let digests = [55, 56, 63, 64, 65].map { Hex.encode(SHA256.hash(repeated(0x61, $0))) }
        #expect(Set(digests).count == digests.count)
        // 64 × 'a' (one full block, padding in a second block), cross-checked with sha256sum.
        #expect(digests[3] == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test("RFC 4231 test cases 1–4, 6, 7 (full tags) and 5 (tag truncated to 128 bits)")
    func rfc4231() {
        let cases: [(key: [UInt8], data: [UInt8], tag: String)] = [
            (repeated(0x0b, 20), Array("Hi There".utf8),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            (repeated(0xaa, 20), repeated(0xdd, 50),
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            (bytes("0102030405060708090a0b0c0d0e0f10111213141516171819"), repeated(0xcd, 50),
             "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            (repeated(0xaa, 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            (repeated(0xaa, 131),
             Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ]
        for (key, data, tag) in cases {
            #expect(Hex.encode(HMACSHA256.authenticate(data, key: key)) == tag)
            #expect(HMACSHA256.verify(bytes(tag), of: data, key: key))
        }
        let truncated = HMACSHA256.authenticate(Array("Test With Truncation".utf8), key: repeated(0x0c, 20))
        #expect(Hex.encode(Array(truncated.prefix(16))) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test("A tag does not verify under another key, for another message, or cut short")
    func verifyRefuses() {
        let key = repeated(0x42, 32), message = Array("2026-11-25".utf8)
        let tag = HMACSHA256.authenticate(message, key: key)
        #expect(!HMACSHA256.verify(tag, of: message, key: repeated(0x43, 32)))
        #expect(!HMACSHA256.verify(tag, of: Array("2026-11-26".utf8), key: key))
        #expect(!HMACSHA256.verify(Array(tag.prefix(31)), of: message, key: key))
        #expect(!HMACSHA256.verify([], of: message, key: key))
    }
}
