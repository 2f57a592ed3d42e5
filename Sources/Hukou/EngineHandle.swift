import HukouRules

/// The object behind a `hukou_engine *`: a box around the immutable ``Engine`` (the box
/// is mutated only by hukou_engine_load_pack, which the header requires to have
/// exclusive access).
final class EngineHandle: @unchecked Sendable {
    var engine: Engine

    init(_ engine: Engine) {
        self.engine = engine
    }

    /// The embedded packs, parsed and validated once per process and copied into each engine.
    static let embedded: Result<Engine, HukouError> = {
        do throws(HukouError) {
            return .success(try Engine.withEmbeddedPacks())
        } catch {
            return .failure(error)
        }
    }()

    static func from(_ pointer: OpaquePointer?) -> EngineHandle? {
        guard let pointer else { return nil }
        return Unmanaged<EngineHandle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
    }
}

/// Records a failure for hukou_last_error and returns its status.
func fail(_ error: HukouError, locale: AnswerLocale?) -> Int32 {
    LastError.set(error.describe(locale))
    return error.status.rawValue
}

func misuse(_ zh: String, _ en: String) -> Int32 {
    fail(HukouError(.misuse, path: "", zh: zh, en: en), locale: nil)
}

@_cdecl("hukou_engine_new")
public func hukouEngineNew(_ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    LastError.clear()
    guard let out else { return misuse("out 为 NULL", "out is NULL") }
    out.pointee = nil
    switch EngineHandle.embedded {
    case .failure(let error):
        return fail(error, locale: nil)
    case .success(let engine):
        let handle = EngineHandle(engine)
        out.pointee = OpaquePointer(Unmanaged.passRetained(handle).toOpaque())
        return HukouStatus.ok.rawValue
    }
}

/// Most trusted keys an engine takes.
let maxTrustedKeys = 64

@_cdecl("hukou_engine_new_trusted")
public func hukouEngineNewTrusted(_ publicKeys: UnsafePointer<UInt8>?, _ keyCount: Int,
                                  _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    LastError.clear()
    guard let out else { return misuse("out 为 NULL", "out is NULL") }
    out.pointee = nil
    guard let publicKeys else { return misuse("public_keys 为 NULL", "public_keys is NULL") }
    guard keyCount > 0, keyCount <= maxTrustedKeys else {
        return misuse("key_count 应为 1 到 \(maxTrustedKeys)", "key_count must be 1 to \(maxTrustedKeys)")
    }
    let bytes = UnsafeBufferPointer(start: publicKeys, count: keyCount * 32)
    let keys = (0..<keyCount).map { index in Array(bytes[(index * 32)..<(index * 32 + 32)]) }
    switch EngineHandle.embedded {
    case .failure(let error):
        return fail(error, locale: nil)
    case .success(var engine):
        do throws(HukouError) {
            try engine.requireSignatures(by: keys)
        } catch {
            return fail(error, locale: nil)
        }
        out.pointee = OpaquePointer(Unmanaged.passRetained(EngineHandle(engine)).toOpaque())
        return HukouStatus.ok.rawValue
    }
}

@_cdecl("hukou_engine_load_pack")
public func hukouEngineLoadPack(_ engine: OpaquePointer?, _ json: UnsafePointer<CChar>?, _ length: Int) -> Int32 {
    LastError.clear()
    guard let handle = EngineHandle.from(engine) else { return misuse("engine 为 NULL", "engine is NULL") }
    guard let json else { return misuse("json 为 NULL", "json is NULL") }
    guard length != 0 else { return misuse("len 为 0", "len is 0") }
    // A size_t beyond Int.max arrives negative: certainly too large. The size limit
    // itself is checked where the pack is parsed.
    guard length > 0 else { return fail(PackLoader.tooLarge, locale: nil) }
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(json).assumingMemoryBound(to: UInt8.self), count: length)
    do {
        try handle.engine.load(pack: bytes)
        return HukouStatus.ok.rawValue
    } catch {
        return fail(error, locale: nil)
    }
}

@_cdecl("hukou_engine_free")
public func hukouEngineFree(_ engine: OpaquePointer?) {
    guard let engine else { return }
    Unmanaged<EngineHandle>.fromOpaque(UnsafeRawPointer(engine)).release()
}
