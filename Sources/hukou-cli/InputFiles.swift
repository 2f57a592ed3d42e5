// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation

/// Reading files or standard input ("-").
enum InputFiles {
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("hukou: cannot read \(path)")
            throw CLIExit.io
        }
        return Array(data)
    }

    static func readText(_ path: String) throws -> String {
        String(decoding: try read(path), as: UTF8.self)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
