// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
// Engine(): an engine with the limits of hukou.h.
import Hukou
@testable import HukouRules

private func hex(_ text: String) -> [UInt8] { Hex.decode(text) ?? [] }

/// A private key (seed) for tests; the generator is the system's CSPRNG.
func randomSeed() -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
}

/// A test signing key: seed and public key.
struct TestKey {
    let seed: [UInt8]
    let publicKey: [UInt8]
    init() {
        seed = randomSeed()
        publicKey = Ed25519.publicKey(seed: seed) ?? []
    }
    func sign(_ message: [UInt8]) -> [UInt8] { Ed25519.sign(message: message, seed: seed) ?? [] }
}

/// The eight points of small order as libsodium's blocklist writes them (y, sign bit clear;
/// `ge25519_has_small_order`), plus non-canonical encodings of the same y values.
let smallOrderEncodings: [String] = [
    "0000000000000000000000000000000000000000000000000000000000000000", // y = 0, order 4
    "0100000000000000000000000000000000000000000000000000000000000000", // identity, order 1
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p − 1, order 2
]
/// Encodings that are not canonical (y ≥ p, or x = 0 with the sign bit set).
let nonCanonicalEncodings: [String] = [
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p + 1
    "0100000000000000000000000000000000000000000000000000000000000080", // identity, x = −0
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // y = p − 1, x = −0
]

@Suite("SHA-512 and Ed25519 (RFC 8032, FIPS 180-4, Project Wycheproof)")
struct CryptoPrimitiveTests {
    @Test("SHA-512 of \"abc\", of the empty message and of the two-block message (FIPS 180-4 examples)")
    func sha512Vectors() {
        #expect(Hex.encode(SHA512.hash(Array("abc".utf8))) ==
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(Hex.encode(SHA512.hash([])) ==
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
        let twoBlock = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(Hex.encode(SHA512.hash(Array(twoBlock.utf8))) ==
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")
    }

    @Test("SHA-512 of one million 'a' (FIPS 180-4 long message)")
    func sha512Million() {
        #expect(Hex.encode(SHA512.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))) ==
            "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b")
    }

    /// RFC 8032 §7.1 tests 1, 2, 3 and SHA(abc): secret key, public key, message, signature.
    static let rfc8032: [(String, String, String, String)] = [
        ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
         "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        ("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
         "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
         "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
        ("833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
         "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
         "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
         "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"),
    ]

    @Test("RFC 8032 §7.1: public keys and signatures are the published ones, and verify")
    func rfc8032Vectors() {
        for (secret, publicKey, message, signature) in Self.rfc8032 {
            #expect(Ed25519.publicKey(seed: hex(secret)) == hex(publicKey))
            #expect(Ed25519.sign(message: hex(message), seed: hex(secret)) == hex(signature))
            #expect(Ed25519.verify(signature: hex(signature), message: hex(message), publicKey: hex(publicKey)))
            #expect(!Ed25519.verify(signature: hex(signature), message: hex(message) + [0], publicKey: hex(publicKey)))
        }
    }

    @Test("Project Wycheproof ed25519_test.json: every vector's valid / invalid result")
    func wycheproof() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/wycheproof_ed25519_test.json")
        let data = try Data(contentsOf: url)
        let root = try JSONParser.parse(String(decoding: data, as: UTF8.self))
        var checked = 0
        for group in root["testGroups"]?.elements ?? [] {
            let publicKey = hex(group["publicKey"]?["pk"]?.stringValue ?? "")
            for test in group["tests"]?.elements ?? [] {
                let id = test["tcId"]?.intValue ?? -1
                let valid = test["result"]?.stringValue == "valid"
                let message = hex(test["msg"]?.stringValue ?? "")
                let signature = Hex.decode(test["sig"]?.stringValue ?? "") ?? []
                #expect(Ed25519.verify(signature: signature, message: message, publicKey: publicKey) == valid, "tcId \(id)")
                checked += 1
            }
        }
        #expect(checked == root["numberOfTests"]?.intValue)
        #expect(checked == 151)
    }

    @Test("Signatures made here verify; any altered bit, message or key fails")
    func roundTrip() {
        for round in 0..<8 {
            let key = TestKey()
            let message = (0..<(round * 37)).map { UInt8(truncatingIfNeeded: $0 ^ round) }
            let signature = key.sign(message)
            #expect(Ed25519.verify(signature: signature, message: message, publicKey: key.publicKey))
            var badSignature = signature
            badSignature[(round * 9) % 64] ^= 0x01
            #expect(!Ed25519.verify(signature: badSignature, message: message, publicKey: key.publicKey))
            #expect(!Ed25519.verify(signature: signature, message: message + [1], publicKey: key.publicKey))
            #expect(!Ed25519.verify(signature: signature, message: message, publicKey: TestKey().publicKey))
        }
    }

    @Test("S ≥ L is refused (malleability, RFC 8032 §5.1.7)")
    func scalarMustBeBelowOrder() {
        let key = TestKey()
        let message = Array("pack".utf8)
        let signature = key.sign(message)
        // S + L: the same point equation, a different encoding; strict verifiers refuse it.
        var s = Array(signature[32..<64])
        var carry = 0
        for index in 0..<32 {
            let sum = Int(s[index]) + Int(Ed25519.order[index]) + carry
            s[index] = UInt8(sum & 0xFF)
            carry = sum >> 8
        }
        #expect(!Ed25519.verify(signature: Array(signature[0..<32]) + s, message: message, publicKey: key.publicKey))
    }

    @Test("Small-order and non-canonical public keys are not acceptable, with either sign bit")
    func weakKeysAreRefused() {
        for text in smallOrderEncodings {
            var key = hex(text)
            #expect(!Ed25519.isAcceptablePublicKey(key), "\(text)")
            key[31] |= 0x80
            #expect(!Ed25519.isAcceptablePublicKey(key), "\(text) with sign bit")
        }
        for text in nonCanonicalEncodings { #expect(!Ed25519.isAcceptablePublicKey(hex(text)), "\(text)") }
        for (_, publicKey, _, _) in Self.rfc8032 { #expect(Ed25519.isAcceptablePublicKey(hex(publicKey))) }
        #expect(Ed25519.isAcceptablePublicKey(TestKey().publicKey))
    }

    @Test("A signature nobody made does not verify under a small-order key (R = identity, S = 0)")
    func forgeryUnderWeakKeyFails() {
        // With A of small order and R the identity, [S]B = R + [k]A holds for S = 0
        // whenever [k]A is the identity (k ≡ 0 mod the order of A): a cofactorless
        // verifier without the small-order check accepts it for many messages.
        let identity = hex("0100000000000000000000000000000000000000000000000000000000000000")
        let forged = identity + [UInt8](repeating: 0, count: 32)
        for keyText in smallOrderEncodings {
            for message in 0..<16 {
                #expect(!Ed25519.verify(signature: forged, message: [UInt8(message)], publicKey: hex(keyText)))
            }
        }
    }

    @Test("A small-order R is refused even under a good key")
    func smallOrderCommitmentRefused() {
        let key = TestKey()
        for text in smallOrderEncodings {
            let signature = hex(text) + [UInt8](repeating: 0, count: 32)
            #expect(!Ed25519.verify(signature: signature, message: [1, 2, 3], publicKey: key.publicKey))
        }
    }

    @Test("Malformed keys and lengths are refused, never trap")
    func malformedInputs() {
        #expect(!Ed25519.verify(signature: [], message: [], publicKey: []))
        #expect(!Ed25519.verify(signature: [UInt8](repeating: 0, count: 64), message: [], publicKey: [UInt8](repeating: 0xFF, count: 32)))
        #expect(!Ed25519.verify(signature: [UInt8](repeating: 0xFF, count: 64), message: [1, 2], publicKey: [UInt8](repeating: 0, count: 32)))
        #expect(Ed25519.publicKey(seed: [1, 2, 3]) == nil)
        #expect(Ed25519.sign(message: [], seed: []) == nil)
    }
}

@Suite("Signed packs and rollback (docs/signing.md)")
struct SignedPackTests {
    static let pack = """
    {"format":"hukou-pack/1","id":"signedtown","version":"2","serial":2,"name":{"zh":"签名市","en":"Signedtown"},
     "document":{"title":{"zh":"测试","en":"test"},"number":"测试〔2026〕1号"},"effective_from":"2026-01-01",
     "pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"married","op":"is","value":true}}]}
    """

    func signed(_ text: String, with key: TestKey) throws -> String {
        let value = try JSONParser.parse(text)
        let signature = key.sign(PackSignature.canonicalBytes(of: value))
        return JSONWriter.string(PackSignature.attach(to: value, publicKey: key.publicKey, signature: signature))
    }

    /// The kind of the load's failure; nil when the pack loaded.
    func status(_ engine: inout Engine, _ text: String) -> HukouErrorKind? {
        do {
            try engine.load(pack: text)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test func signedPackLoadsOnATrustedEngine() throws {
        let key = TestKey()
        var engine = Engine()
        try engine.requireSignatures(by: [key.publicKey])
        #expect(status(&engine, try signed(Self.pack, with: key)) == nil)
        #expect(engine.registry.ids == ["signedtown"])
    }

    @Test func formattingDoesNotMatterButContentDoes() throws {
        let key = TestKey()
        var engine = Engine()
        try engine.requireSignatures(by: [key.publicKey])
        let text = try signed(Self.pack, with: key)
        // Re-indented: same canonical bytes.
        #expect(status(&engine, text.replacingOccurrences(of: ",", with: ",\n  ")) == nil)
        // Tampered: "married" true → false.
        #expect(status(&engine, text.replacingOccurrences(of: #""value":true"#, with: #""value":false"#)) == .signature)
    }

    @Test func unsignedAndUntrustedAreRefused() throws {
        let key = TestKey()
        var engine = Engine()
        try engine.requireSignatures(by: [TestKey().publicKey])
        #expect(status(&engine, Self.pack) == .signature)
        #expect(status(&engine, try signed(Self.pack, with: key)) == .signature)
        // An engine without trusted keys accepts unsigned packs (embedded-pack kiosks).
        var open = Engine()
        #expect(status(&open, Self.pack) == nil)
    }

    @Test func olderSerialIsARollback() throws {
        let key = TestKey()
        var engine = Engine()
        try engine.requireSignatures(by: [key.publicKey])
        #expect(status(&engine, try signed(Self.pack, with: key)) == nil)
        let older = Self.pack.replacingOccurrences(of: #""serial":2"#, with: #""serial":1"#)
            .replacingOccurrences(of: #""effective_from":"2026-01-01""#, with: #""effective_from":"2025-01-01""#)
        #expect(status(&engine, try signed(older, with: key)) == .rollback)
        let newer = Self.pack.replacingOccurrences(of: #""serial":2"#, with: #""serial":3"#)
        #expect(status(&engine, try signed(newer, with: key)) == nil)
    }
}

@Suite("Trusted keys (hukou_engine_new_trusted)")
struct TrustedKeyTests {
    @Test("Every small-order or non-canonical key is refused as misuse, naming its index")
    func weakTrustedKeys() {
        let good = TestKey().publicKey
        for text in smallOrderEncodings + nonCanonicalEncodings {
            var engine = Engine()
            do {
                try engine.requireSignatures(by: [good, hex(text)])
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.status == .misuse)
                #expect(error.path == "public_keys[1]")
            }
            #expect(engine.trustedKeys.isEmpty)
        }
    }

    @Test("An unsigned-by-anyone pack under an all-zero key slot does not load")
    func zeroKeySlotCannotLoadForgery() throws {
        var engine = Engine()
        let zero = [UInt8](repeating: 0, count: 32)
        #expect(throws: HukouError.self) { try engine.requireSignatures(by: [TestKey().publicKey, zero]) }
    }
}
