// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import HukouRules

/// `hukou keygen`, `hukou sign`, `hukou verify`: Ed25519 signatures over packs' canonical bytes.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create an Ed25519 signing key: the private key to a file (mode 0600), the public key to standard output.")
    @Option(help: "Where to write the private key (hex).") var out: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: out) else {
            printError("hukou: \(out) exists; refusing to overwrite a key")
            throw CLIExit.io
        }
        var generator = SystemRandomNumberGenerator() // getrandom(2) on Linux
        let seed = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        guard let publicKey = Ed25519.publicKey(seed: seed) else { throw CLIExit.io }
        let text = Hex.encode(seed) + "\n"
        guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            printError("hukou: cannot write \(out)")
            throw CLIExit.io
        }
        print(Hex.encode(publicKey))
    }
}

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign", abstract: "Sign a pack; writes the signed pack to standard output.")
    @Argument(help: "The pack file.") var pack: String
    @Option(help: "The private key file from `hukou keygen`.") var key: String
    @Option(help: "Set the pack's release serial (must increase with every release).") var serial: Int?

    func run() throws {
        let keyText = try InputFiles.readText(key).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let seed = Hex.decode(keyText), seed.count == 32, let publicKey = Ed25519.publicKey(seed: seed) else {
            printError("hukou: \(key): not an Ed25519 private key (64 hex digits)")
            throw CLIExit.io
        }
        let text = try InputFiles.readText(pack)
        let value: JSONValue
        switch Self.prepare(text, serial: serial) {
        case .success(let prepared): value = prepared
        case .failure(let error):
            printError("hukou: \(pack): \(error.describe(nil))")
            throw CLIExit.invalidPack
        }
        guard let signature = Ed25519.sign(message: PackSignature.canonicalBytes(of: value), seed: seed) else { throw CLIExit.io }
        print(JSONWriter.string(PackSignature.attach(to: value, publicKey: publicKey, signature: signature)))
    }
}

extension SignCommand {
    /// The pack with its serial set, if it loads (only valid packs are signed).
    static func prepare(_ text: String, serial: Int?) -> Result<JSONValue, HukouError> {
        do throws(HukouError) {
            var value = try JSONParser.parse(text)
            if let serial, case .object(var members) = value {
                members.removeAll { $0.key == "serial" }
                let index = members.firstIndex { $0.key == "version" }.map { $0 + 1 } ?? members.count
                members.insert(JSONMember("serial", .integer(Int64(serial))), at: index)
                value = .object(members)
            }
            _ = try PackLoader.load(JSONWriter.string(value))
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check a signed pack against trusted public keys, as a trusted engine would.")
    @Argument(help: "The signed pack file.") var pack: String
    @Option(name: .customLong("public-key"), help: "A trusted public key (64 hex digits); repeatable.") var publicKeys: [String]

    func run() throws {
        let keys = publicKeys.compactMap(Hex.decode).filter { $0.count == 32 }
        guard !keys.isEmpty, keys.count == publicKeys.count else { throw ValidationError("--public-key must be 64 hex digits") }
        var engine = Engine()
        do {
            try engine.requireSignatures(by: keys)
            try engine.load(pack: try InputFiles.readText(pack))
        } catch let error as HukouError {
            print("\(pack): \(error.kind.name): \(error.describe(nil))")
            throw CLIExit.findings
        }
        print("\(pack): signature valid")
    }
}
