import Crypto
import Foundation
import Testing
@testable import HukouRules

private func hex(_ text: String) -> [UInt8] { Hex.decode(text) ?? [] }

@Suite("SHA-512 and Ed25519 verification (checked against swift-crypto)")
struct CryptoPrimitiveTests {
    @Test("SHA-512 of \"abc\" and of the empty message (FIPS 180-4 examples)")
    func sha512Vectors() {
        #expect(Hex.encode(SHA512.hash(Array("abc".utf8))) ==
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(Hex.encode(SHA512.hash([])) ==
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
    }

    @Test("SHA-512 equals swift-crypto's at every padding boundary")
    func sha512MatchesSwiftCrypto() {
        for length in [1, 55, 56, 63, 64, 111, 112, 113, 127, 128, 129, 239, 240, 255, 256, 1000] {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            #expect(SHA512.hash(message) == Array(Crypto.SHA512.hash(data: message)), "length \(length)")
        }
    }

    @Test("RFC 8032 §7.1 test 1: swift-crypto and this verifier agree with the published vector")
    func rfc8032Test1() throws {
        let secret = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        let publicKey = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        let signature = hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: secret)
        #expect(Array(key.publicKey.rawRepresentation) == publicKey)
        #expect(Ed25519.verify(signature: signature, message: [], publicKey: publicKey))
        #expect(!Ed25519.verify(signature: signature, message: [0], publicKey: publicKey))
    }

    @Test("Signatures made by swift-crypto verify; any altered bit fails")
    func crossCheck() throws {
        for round in 0..<12 {
            let key = Curve25519.Signing.PrivateKey()
            let publicKey = Array(key.publicKey.rawRepresentation)
            let message = (0..<(round * 37)).map { UInt8(truncatingIfNeeded: $0 ^ round) }
            let signature = Array(try key.signature(for: message))
            #expect(Ed25519.verify(signature: signature, message: message, publicKey: publicKey))
            var badSignature = signature
            badSignature[round % 64] ^= 0x01
            #expect(!Ed25519.verify(signature: badSignature, message: message, publicKey: publicKey))
            var badMessage = message + [1]
            #expect(!Ed25519.verify(signature: signature, message: badMessage, publicKey: publicKey))
            badMessage = message
            if !badMessage.isEmpty { badMessage[0] ^= 0x80 }
            #expect(badMessage == message || !Ed25519.verify(signature: signature, message: badMessage, publicKey: publicKey))
            let otherKey = Array(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation)
            #expect(!Ed25519.verify(signature: signature, message: message, publicKey: otherKey))
        }
    }

    @Test("S ≥ L is refused (malleability, RFC 8032 §5.1.7)")
    func scalarMustBeBelowOrder() throws {
        let key = Curve25519.Signing.PrivateKey()
        let message = Array("pack".utf8)
        let signature = Array(try key.signature(for: message))
        // S + L: the same point equation, a different encoding; strict verifiers refuse it.
        var s = Array(signature[32..<64])
        var carry = 0
        for index in 0..<32 {
            let sum = Int(s[index]) + Int(Ed25519.order[index]) + carry
            s[index] = UInt8(sum & 0xFF)
            carry = sum >> 8
        }
        let malleated = Array(signature[0..<32]) + s
        #expect(!Ed25519.verify(signature: malleated, message: message, publicKey: Array(key.publicKey.rawRepresentation)))
    }

    @Test("Malformed keys and lengths are refused, never trap")
    func malformedInputs() {
        #expect(!Ed25519.verify(signature: [], message: [], publicKey: []))
        #expect(!Ed25519.verify(signature: [UInt8](repeating: 0, count: 64), message: [], publicKey: [UInt8](repeating: 0xFF, count: 32)))
        #expect(!Ed25519.verify(signature: [UInt8](repeating: 0xFF, count: 64), message: [1, 2], publicKey: [UInt8](repeating: 0, count: 32)))
    }
}

@Suite("Signed packs and rollback (docs/signing.md)")
struct SignedPackTests {
    static let pack = """
    {"format":"hukou-pack/1","id":"signedtown","version":"2","serial":2,"name":{"zh":"签名市","en":"Signedtown"},
     "document":{"title":{"zh":"测试","en":"test"},"number":"测试〔2026〕1号"},"effective_from":"2026-01-01",
     "pathways":[{"id":"p","name":{"zh":"p","en":"p"},"citation":"c","condition":{"fact":"married","op":"is","value":true}}]}
    """

    func signed(_ text: String, with key: Curve25519.Signing.PrivateKey) throws -> String {
        let value = try JSONParser.parse(text)
        let signature = Array(try key.signature(for: PackSignature.canonicalBytes(of: value)))
        return JSONWriter.string(PackSignature.attach(to: value, publicKey: Array(key.publicKey.rawRepresentation), signature: signature))
    }

    func status(_ engine: inout Engine, _ text: String) -> HukouStatus {
        do {
            try engine.load(pack: text)
            return .ok
        } catch {
            return error.status
        }
    }

    @Test func signedPackLoadsOnATrustedEngine() throws {
        let key = Curve25519.Signing.PrivateKey()
        var engine = Engine()
        try engine.requireSignatures(by: [Array(key.publicKey.rawRepresentation)])
        #expect(status(&engine, try signed(Self.pack, with: key)) == .ok)
        #expect(engine.registry.ids == ["signedtown"])
    }

    @Test func formattingDoesNotMatterButContentDoes() throws {
        let key = Curve25519.Signing.PrivateKey()
        var engine = Engine()
        try engine.requireSignatures(by: [Array(key.publicKey.rawRepresentation)])
        let text = try signed(Self.pack, with: key)
        // Re-indented: same canonical bytes.
        #expect(status(&engine, text.replacingOccurrences(of: ",", with: ",\n  ")) == .ok)
        // Tampered: "married" true → false.
        #expect(status(&engine, text.replacingOccurrences(of: #""value":true"#, with: #""value":false"#)) == .signature)
    }

    @Test func unsignedAndUntrustedAreRefused() throws {
        let key = Curve25519.Signing.PrivateKey()
        var engine = Engine()
        try engine.requireSignatures(by: [Array(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation)])
        #expect(status(&engine, Self.pack) == .signature)
        #expect(status(&engine, try signed(Self.pack, with: key)) == .signature)
        // An engine without trusted keys accepts unsigned packs (embedded-pack kiosks).
        var open = Engine()
        #expect(status(&open, Self.pack) == .ok)
    }

    @Test func olderSerialIsARollback() throws {
        let key = Curve25519.Signing.PrivateKey()
        var engine = Engine()
        try engine.requireSignatures(by: [Array(key.publicKey.rawRepresentation)])
        #expect(status(&engine, try signed(Self.pack, with: key)) == .ok)
        let older = Self.pack.replacingOccurrences(of: #""serial":2"#, with: #""serial":1"#)
            .replacingOccurrences(of: #""effective_from":"2026-01-01""#, with: #""effective_from":"2025-01-01""#)
        #expect(status(&engine, try signed(older, with: key)) == .rollback)
        let newer = Self.pack.replacingOccurrences(of: #""serial":2"#, with: #""serial":3"#)
        #expect(status(&engine, try signed(newer, with: key)) == .ok)
    }
}
