// SPDX-License-Identifier: Apache-2.0
import CHukou
import HukouRules

/// The object behind a `hukou_engine *`.
///
/// Readers (the decision calls) take the current ``Engine`` snapshot under a short lock
/// and work on it without holding the lock: an ``Engine`` is an immutable value, so a call
/// in flight keeps the snapshot it started with. Writers (hukou_engine_load_pack,
/// hukou_engine_set_min_serial) are serialised by their own lock, build the next engine
/// from the current one without blocking readers, and publish it by swapping the snapshot
/// (docs/robustness.md, "Updating packs while serving").
final class EngineHandle: @unchecked Sendable {
    /// Guards `current` (held only to copy or replace it).
    private let snapshotLock = Lock()
    private var current: Engine
    /// Serialises writers, so two loads never both start from the same snapshot.
    private let writerLock = Lock()

    init(_ engine: Engine) {
        current = engine
    }

    /// The engine as it is now; it stays valid (and unchanged) for as long as it is used.
    var engine: Engine {
        snapshotLock.withLock { current }
    }

    /// Builds the next engine from the current one with `change` and publishes it; when
    /// `change` throws, nothing is published (the engine is unchanged).
    func update(_ change: (inout Engine) throws(HukouError) -> Void) throws(HukouError) {
        try writerLock.withLock { () throws(HukouError) in
            var next = engine
            try change(&next)
            snapshotLock.withLock { current = next }
        }
    }

    /// The embedded packs, parsed and validated once per process and copied into each engine.
    static let embedded: Result<Engine, HukouError> = {
        do throws(HukouError) {
            return .success(try Engine.withEmbeddedPacks(limits: .header))
        } catch {
            return .failure(error)
        }
    }()

    /// The engine behind a C handle, or nil for NULL.
    /// - Throws: `.misuse` for a pointer that is not a live engine (freed, or never one).
    static func from(_ pointer: OpaquePointer?) throws(HukouError) -> EngineHandle? {
        guard let pointer else { return nil }
        return try HandleShell.handle(pointer)
    }
}

/// What a `hukou_engine *` points to: a small block with a magic word and the engine.
///
/// The word is checked on every call, so a freed handle, or a pointer to something else,
/// is refused with `HUKOU_E_MISUSE` instead of being used (where the pointer can still be
/// read at all). Freed blocks are kept on a free list and reused by later engines rather
/// than returned to malloc: reading the word of a freed handle is then well defined (no
/// use-after-free under ASan or valgrind), and the list is never longer than the largest
/// number of engines alive at once.
enum HandleShell {
    struct Block {
        var magic: UInt64
        var handle: Unmanaged<EngineHandle>?
        var next: UnsafeMutablePointer<Block>?
    }

    /// The word of a live engine ("HUKOUEN!" in ASCII) and of a freed one ("hukoudea").
    static let live: UInt64 = 0x484B_4F55_454E_4721
    static let dead: UInt64 = 0x6875_6B6F_7564_6561

    /// Freed blocks (a stack), reused by the next engines; guarded by `freeListLock`.
    private static let freeListLock = Lock()
    nonisolated(unsafe) private static var freeList: UnsafeMutablePointer<Block>?

    static func make(_ handle: EngineHandle) -> OpaquePointer {
        let reused = freeListLock.withLock { () -> UnsafeMutablePointer<Block>? in
            guard let block = freeList else { return nil }
            freeList = block.pointee.next
            return block
        }
        let block = reused ?? {
            let fresh = UnsafeMutablePointer<Block>.allocate(capacity: 1)
            fresh.initialize(to: Block(magic: dead, handle: nil, next: nil))
            return fresh
        }()
        block.pointee.handle = Unmanaged.passRetained(handle)
        block.pointee.next = nil
        block.pointee.magic = live
        return OpaquePointer(block)
    }

    static func notAnEngine() -> HukouError {
        HukouError(.misuse, path: "", zh: "e 不是有效的引擎（已释放，或不是 hukou_engine_new 所得）",
                   en: "e is not a live engine (freed, or not from hukou_engine_new)")
    }

    static func block(_ pointer: OpaquePointer) -> UnsafeMutablePointer<Block>? {
        let raw = UnsafeMutableRawPointer(pointer)
        guard Int(bitPattern: raw) % MemoryLayout<Block>.alignment == 0 else { return nil }
        return raw.assumingMemoryBound(to: Block.self)
    }

    static func handle(_ pointer: OpaquePointer) throws(HukouError) -> EngineHandle {
        guard let block = block(pointer), block.pointee.magic == live, let handle = block.pointee.handle else {
            throw notAnEngine()
        }
        return handle.takeUnretainedValue()
    }

    /// Releases the engine and puts the block on the free list; false when `pointer` is
    /// not a live engine (nothing is done).
    static func free(_ pointer: OpaquePointer) -> Bool {
        guard let block = block(pointer), block.pointee.magic == live, let handle = block.pointee.handle else {
            return false
        }
        block.pointee.magic = dead
        block.pointee.handle = nil
        handle.release()
        freeListLock.withLock {
            block.pointee.next = freeList
            freeList = block
        }
        return true
    }
}

/// Records a failure for hukou_last_error and returns its status.
func fail(_ error: HukouError, locale: AnswerLocale?) -> Int32 {
    LastError.set(error.describe(locale))
    return error.kind.status
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
        out.pointee = HandleShell.make(EngineHandle(engine))
        return HUKOU_OK
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
        out.pointee = HandleShell.make(EngineHandle(engine))
        return HUKOU_OK
    }
}

@_cdecl("hukou_engine_load_pack")
public func hukouEngineLoadPack(_ engine: OpaquePointer?, _ json: UnsafePointer<CChar>?, _ length: Int) -> Int32 {
    LastError.clear()
    do throws(HukouError) {
        guard let handle = try EngineHandle.from(engine) else { return misuse("engine 为 NULL", "engine is NULL") }
        guard let json else { return misuse("json 为 NULL", "json is NULL") }
        guard length != 0 else { return misuse("len 为 0", "len is 0") }
        // A size_t beyond Int.max arrives negative: certainly too large. The size limit
        // itself is checked where the pack is parsed.
        guard length > 0 else { return fail(handle.engine.limits.packTooLarge, locale: nil) }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(json).assumingMemoryBound(to: UInt8.self), count: length)
        try handle.update { (engine: inout Engine) throws(HukouError) in try engine.load(pack: bytes) }
        return HUKOU_OK
    } catch {
        return fail(error, locale: nil)
    }
}

@_cdecl("hukou_engine_free")
public func hukouEngineFree(_ engine: OpaquePointer?) {
    guard let engine else { return }
    // A pointer that is not a live engine (freed twice, or never one) is left alone.
    _ = HandleShell.free(engine)
}
