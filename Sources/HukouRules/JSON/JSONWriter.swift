// SPDX-License-Identifier: Apache-2.0
/// Serializes a ``JSONValue`` as compact UTF-8 JSON (pack signing, case files, the CLI's
/// own outputs).
///
/// Keys are written in the order the object holds them, so output is byte-identical for
/// the same input. The bytes are those of ``AnswerWriter`` (the one JSON writer of the
/// library): non-ASCII text as UTF-8, control characters, quotes and backslashes escaped.
public enum JSONWriter {
    /// The serialized form of `value`.
    public static func serialize(_ value: JSONValue) -> [UInt8] {
        var writer = AnswerWriter()
        writer.value(value)
        return writer.bytes
    }

    /// The serialized form of `value` as a string.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: serialize(value), as: UTF8.self)
    }
}

/// Builds JSON objects in a fixed key order with little ceremony.
public struct JSONObjectBuilder {
    public private(set) var members: [JSONMember] = []

    public init() {}

    public mutating func set(_ key: String, _ value: JSONValue) {
        members.append(JSONMember(key, value))
    }

    public mutating func set(_ key: String, _ value: String) { set(key, .string(value)) }
    public mutating func set(_ key: String, _ value: Bool) { set(key, .bool(value)) }
    public mutating func set(_ key: String, _ value: Int) { set(key, .integer(Int64(value))) }

    /// Sets `key` only when `value` is not nil.
    public mutating func setIfPresent(_ key: String, _ value: String?) {
        if let value { set(key, .string(value)) }
    }

    public mutating func setIfPresent(_ key: String, _ value: Int?) {
        if let value { set(key, value) }
    }

    public var value: JSONValue { .object(members) }
}
