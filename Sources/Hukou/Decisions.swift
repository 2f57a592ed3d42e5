// SPDX-License-Identifier: Apache-2.0
import CHukou
import HukouRules

/// The shared path of the three decision calls: check arguments, then ``Engine/answer``
/// (the request path the CLI and batch use too), hand the JSON to C.
private func decide(_ engine: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: Int,
                    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ kind: DecisionKind) -> Int32 {
    LastError.clear()
    guard let out else { return misuse("out_json 为 NULL", "out_json is NULL") }
    out.pointee = nil
    let found: EngineHandle?
    do {
        found = try EngineHandle.from(engine)
    } catch {
        return fail(error, locale: nil)
    }
    guard let handle = found else { return misuse("engine 为 NULL", "engine is NULL") }
    guard let request else { return misuse("req 为 NULL", "req is NULL") }
    guard length != 0 else { return misuse("len 为 0", "len is 0") }
    // A size_t beyond Int.max arrives negative: certainly too large. The size limit
    // itself is checked where the request is parsed.
    guard length > 0 else { return fail(handle.engine.limits.requestTooLarge, locale: nil) }
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(request).assumingMemoryBound(to: UInt8.self), count: length)
    // The snapshot this call answers from: a pack loaded meanwhile does not change it.
    do {
        out.pointee = try handle.engine.answerCString(kind, bytes)
    } catch {
        return fail(error.error, locale: error.locale)
    }
    return HUKOU_OK
}

@_cdecl("hukou_check_eligibility")
public func hukouCheckEligibility(_ engine: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: Int,
                                  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    decide(engine, request, length, out, .eligibility)
}

@_cdecl("hukou_score_points")
public func hukouScorePoints(_ engine: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: Int,
                             _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    decide(engine, request, length, out, .points)
}

@_cdecl("hukou_lookup_entitlements")
public func hukouLookupEntitlements(_ engine: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: Int,
                                    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    decide(engine, request, length, out, .entitlements)
}
