// SPDX-License-Identifier: Apache-2.0
/// A case file that cannot be read: the path of the offending node and what was expected.
public struct CaseFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
