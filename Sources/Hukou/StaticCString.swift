// SPDX-License-Identifier: Apache-2.0
/// C strings with static storage (version, status names, the empty error), returned to
/// C without allocation; never freed.
enum StaticCString {
    static func pointer(_ text: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}
