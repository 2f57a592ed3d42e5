// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import HukouRules

/// `hukou render`: an answer saved earlier (JSON), rendered as hukou_render does.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render a saved answer (JSON) as text, the kiosk's HTML page or a 32/48-column receipt.")

    @Argument(help: "The answer JSON file (docs/answers.md), or - for standard input.")
    var answer: String

    @Option(help: "text, html, receipt-32 or receipt-48.")
    var format: OutputFormat = .text

    func run() throws {
        guard let rendering = format.rendering else { throw ValidationError("--format must be text, html, receipt-32 or receipt-48") }
        let bytes = try InputFiles.read(answer)
        // The embedded packs' declarations give the words for their facts and values.
        let engine = try? Engine.withEmbeddedPacks()
        do {
            let text = try bytes.withUnsafeBufferPointer { buffer throws(HukouError) in
                try Renderer.render(answerBytes: buffer, format: rendering, limits: .header, engine: engine)
            }
            print(text, terminator: "")
        } catch {
            printError("hukou: \(answer): \(error.describe(nil))")
            throw CLIExit.invalidRequest
        }
    }
}
