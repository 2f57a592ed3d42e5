// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import HukouRules

/// Options every command that needs an engine shares: extra packs to load.
struct EngineOptions: ParsableArguments {
    @Option(name: .customLong("pack"), help: "A policy pack file to load on top of the embedded packs (repeatable).")
    var packs: [String] = []

    /// The engine with the embedded packs; an invalid embedded pack is exit 4.
    static func embeddedEngine() throws -> Engine {
        do {
            return try Engine.withEmbeddedPacks()
        } catch {
            printError("hukou: \(error.describe(nil))")
            throw CLIExit.invalidPack
        }
    }

    func makeEngine() throws -> Engine {
        var engine = try Self.embeddedEngine()
        for path in packs {
            let text = try InputFiles.readText(path)
            do {
                try engine.load(pack: text)
            } catch {
                printError("hukou: \(path): \(error.describe(nil))")
                throw CLIExit.invalidPack
            }
        }
        return engine
    }
}
