// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CHukou
import HukouRules

/// A pack id passed from C as a NUL-terminated string: at most 64 bytes are read (65 to
/// see that it is longer). nil when longer; the engine refuses what is not a pack id.
private func packID(_ pointer: UnsafePointer<CChar>) -> String? {
    let length = strnlen(pointer, 65)
    guard length <= 64 else { return nil }
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
    return String(decoding: bytes, as: UTF8.self)
}

private let notAPackID = HukouError(.misuse, path: "pack_id", zh: "应为政策包 id（小写字母、数字、_、/，至多 64 字节）",
                                    en: "expected a pack id (lowercase letters, digits, _ and /, at most 64 bytes)")

@_cdecl("hukou_engine_set_min_serial")
public func hukouEngineSetMinSerial(_ engine: OpaquePointer?, _ id: UnsafePointer<CChar>?, _ serial: Int64) -> Int32 {
    LastError.clear()
    do throws(HukouError) {
        guard let handle = try EngineHandle.from(engine) else { return misuse("engine 为 NULL", "engine is NULL") }
        guard let id else { return misuse("pack_id 为 NULL", "pack_id is NULL") }
        guard let name = packID(id) else { throw notAPackID }
        guard serial >= 0, serial <= Int64(Engine.maxSerial) else {
            throw HukouError(.misuse, path: "serial", zh: "应为 0 到 \(Engine.maxSerial) 之间的整数",
                             en: "expected an integer from 0 to \(Engine.maxSerial)")
        }
        try handle.update { (engine: inout Engine) throws(HukouError) in try engine.setMinimumSerial(name, Int(serial)) }
        return HUKOU_OK
    } catch {
        return fail(error, locale: nil)
    }
}

@_cdecl("hukou_engine_pack_serial")
public func hukouEnginePackSerial(_ engine: OpaquePointer?, _ id: UnsafePointer<CChar>?,
                                  _ out: UnsafeMutablePointer<Int64>?) -> Int32 {
    LastError.clear()
    do throws(HukouError) {
        guard let out else { return misuse("out_serial 为 NULL", "out_serial is NULL") }
        out.pointee = -1
        guard let handle = try EngineHandle.from(engine) else { return misuse("engine 为 NULL", "engine is NULL") }
        guard let id else { return misuse("pack_id 为 NULL", "pack_id is NULL") }
        guard let name = packID(id) else { throw notAPackID }
        out.pointee = Int64(try handle.engine.servingSerial(name))
        return HUKOU_OK
    } catch {
        return fail(error, locale: nil)
    }
}
