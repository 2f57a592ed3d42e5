// SPDX-License-Identifier: Apache-2.0
/// Signed policy packs (docs/signing.md).
///
/// A signed pack is a pack whose top level also has
/// `"signature": {"algorithm": "ed25519", "public_key": "<64 hex>", "value": "<128 hex>"}`.
/// The signature covers the pack's canonical bytes: the pack JSON without its `signature`
/// member, written compactly by ``JSONWriter`` with members in document order. Whitespace
/// and formatting of the file therefore do not matter; any change of content does.
public enum PackSignature {
    /// The bytes a pack signature covers.
    public static func canonicalBytes(of pack: JSONValue) -> [UInt8] {
        guard case .object(let members) = pack else { return JSONWriter.serialize(pack) }
        return JSONWriter.serialize(.object(members.filter { $0.key != "signature" }))
    }

    /// The pack with `signature` set (replacing any previous one).
    public static func attach(to pack: JSONValue, publicKey: [UInt8], signature: [UInt8]) -> JSONValue {
        guard case .object(var members) = pack else { return pack }
        members.removeAll { $0.key == "signature" }
        members.append(JSONMember("signature", .object([
            JSONMember("algorithm", .string("ed25519")),
            JSONMember("public_key", .string(Hex.encode(publicKey))),
            JSONMember("value", .string(Hex.encode(signature))),
        ])))
        return .object(members)
    }

    /// Checks the pack's signature against the trusted keys.
    /// - Throws: `.signature` when unsigned, signed by an untrusted key, or tampered.
    public static func verify(_ pack: JSONValue, trustedKeys: [[UInt8]]) throws(HukouError) {
        guard let envelope = pack["signature"] else {
            throw HukouError(.signature, path: "signature", zh: "政策包未签名，而本引擎只接受已签名的政策包",
                             en: "the pack is not signed, and this engine accepts signed packs only")
        }
        var reader = try ObjectReader(envelope, path: "signature", status: .signature)
        let algorithm = try reader.requiredString("algorithm")
        let keyText = try reader.requiredString("public_key")
        let valueText = try reader.requiredString("value")
        try reader.finish()
        guard algorithm == "ed25519" else {
            throw reader.fail("algorithm", zh: "只支持 ed25519", en: "only ed25519 is supported")
        }
        guard let key = Hex.decode(keyText), key.count == 32 else {
            throw reader.fail("public_key", zh: "应为 64 位十六进制公钥", en: "expected a public key of 64 hex digits")
        }
        guard let value = Hex.decode(valueText), value.count == 64 else {
            throw reader.fail("value", zh: "应为 128 位十六进制签名", en: "expected a signature of 128 hex digits")
        }
        guard trustedKeys.contains(key) else {
            throw reader.fail("public_key", zh: "签名公钥不在本引擎信任的公钥之中", en: "the signing key is not one this engine trusts")
        }
        guard Ed25519.verify(signature: value, message: canonicalBytes(of: pack), publicKey: key) else {
            throw HukouError(.signature, path: "signature.value", zh: "签名无效：政策包内容已被改动或签名错误",
                             en: "invalid signature: the pack was altered or signed wrongly")
        }
    }
}

/// Lowercase hexadecimal.
public enum Hex {
    public static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index + 1 < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }
}
