// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The calling thread's last error message (hukou_last_error), kept in a pthread key so
/// that threads never see each other's errors. The string is malloc'd and freed when
/// replaced or when the thread exits.
enum LastError {
    private static let key: pthread_key_t? = {
        var key = pthread_key_t()
        guard pthread_key_create(&key, { pointer in free(pointer) }) == 0 else { return nil }
        return key
    }()

    static func clear() {
        guard let key else { return }
        if let old = pthread_getspecific(key) {
            pthread_setspecific(key, nil)
            free(old)
        }
    }

    static func set(_ message: String) {
        guard let key else { return }
        let copy = strdup(message)
        let old = pthread_getspecific(key)
        pthread_setspecific(key, copy.map { UnsafeMutableRawPointer($0) })
        if let old { free(old) }
    }

    static var current: UnsafePointer<CChar> {
        guard let key, let pointer = pthread_getspecific(key) else { return StaticCString.pointer("") }
        return UnsafePointer(pointer.assumingMemoryBound(to: CChar.self))
    }
}
