// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings handed to C: malloc'd, NUL-terminated, released with hukou_string_free.
enum OutputString {
    /// A malloc'd copy of `bytes` with a terminating NUL, or nil when out of memory.
    static func make(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
        guard let raw = malloc(bytes.count + 1) else { return nil }
        let buffer = raw.bindMemory(to: UInt8.self, capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
        }
        buffer[bytes.count] = 0
        return UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: CChar.self)
    }
}

@_cdecl("hukou_string_free")
public func hukouStringFree(_ string: UnsafeMutablePointer<CChar>?) {
    free(string)
}
