// SPDX-License-Identifier: Apache-2.0
/// The districts and counties a pack knows, with their former names (蓟县 → 蓟州区).
public struct DistrictTable: Sendable {
    public let names: [String]
    private let canonicalByName: [String: String]

    public init(_ entries: [(name: String, aliases: [String])]) {
        names = entries.map(\.name)
        var table: [String: String] = [:]
        for entry in entries {
            table[entry.name] = entry.name
            for alias in entry.aliases { table[alias] = entry.name }
        }
        canonicalByName = table
    }

    public var isEmpty: Bool { names.isEmpty }

    /// The current name for `name` (itself or the district it is a former name of), or nil.
    public func canonical(_ name: String) -> String? {
        canonicalByName[name]
    }
}
