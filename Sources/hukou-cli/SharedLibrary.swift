// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif
import Hukou
import HukouRules

/// The shipped library (build/lib/libhukou.so), opened with dlopen so that `hukou test`
/// and `hukou golden` can put the same requests through its C ABI: "release is what ships".
final class SharedLibrary {
    private typealias EngineNew = @convention(c) (UnsafeMutablePointer<OpaquePointer?>?) -> Int32
    private typealias EngineFree = @convention(c) (OpaquePointer?) -> Void
    private typealias LoadPack = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int) -> Int32
    private typealias Decide = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int,
                                               UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32
    private typealias StringFree = @convention(c) (UnsafeMutablePointer<CChar>?) -> Void
    private typealias LastError = @convention(c) () -> UnsafePointer<CChar>?
    private typealias StatusName = @convention(c) (Int32) -> UnsafePointer<CChar>?

    private let handle: UnsafeMutableRawPointer
    private let engineFree: EngineFree
    private let loadPack: LoadPack
    private let eligibility: Decide, points: Decide, entitlements: Decide
    private let stringFree: StringFree
    private let lastError: LastError
    private let statusName: StatusName
    private var engine: OpaquePointer?
    let path: String

    /// The library at `path` when one is given (`--library`); a failure to open it is exit 5.
    static func open(_ path: String?) throws -> SharedLibrary? {
        guard let path else { return nil }
        do { return try SharedLibrary(path: path) } catch {
            printError("hukou: \(error)")
            throw CLIExit.io
        }
    }

    /// Opens `path` and makes an engine with the embedded packs; nil with a message on failure.
    init(path: String) throws(CaseFileError) {
        self.path = path
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw CaseFileError(path, "cannot open: " + (dlerror().map { String(cString: $0) } ?? "dlopen failed"))
        }
        self.handle = handle
        func symbol<T>(_ name: String, _ type: T.Type) throws(CaseFileError) -> T {
            guard let pointer = dlsym(handle, name) else { throw CaseFileError(path, "no symbol \(name)") }
            // A C function pointer of the type hukou.h declares for `name` (command line only,
            // never in the kiosk library; the symbol exists, checked above).
            return unsafeBitCast(pointer, to: type)
        }
        let engineNew = try symbol("hukou_engine_new", EngineNew.self)
        engineFree = try symbol("hukou_engine_free", EngineFree.self)
        loadPack = try symbol("hukou_engine_load_pack", LoadPack.self)
        eligibility = try symbol("hukou_check_eligibility", Decide.self)
        points = try symbol("hukou_score_points", Decide.self)
        entitlements = try symbol("hukou_lookup_entitlements", Decide.self)
        stringFree = try symbol("hukou_string_free", StringFree.self)
        lastError = try symbol("hukou_last_error", LastError.self)
        statusName = try symbol("hukou_status_name", StatusName.self)
        var made: OpaquePointer?
        let status = engineNew(&made)
        guard status == 0, let made else {
            throw CaseFileError(path, "hukou_engine_new failed: " + (lastError().map { String(cString: $0) } ?? "\(status)"))
        }
        engine = made
    }

    deinit {
        engineFree(engine)
        dlclose(handle)
    }

    /// hukou_engine_load_pack; the error message on failure.
    func load(pack text: String) -> String? {
        var bytes = Array(text.utf8)
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { loadPack(engine, $0, buffer.count) }
            } ?? -1
        }
        return status == 0 ? nil : failure(status)
    }

    /// The answer of `call` for `request` through the C ABI, parsed; a failed call as
    /// `{"error": {"status", "message"}}` (``EngineCaseAnswers/errorAnswer(status:message:)``).
    func answer(_ call: CaseCall, request: JSONValue) -> JSONValue {
        let function: Decide
        switch call {
        case .eligibility: function = eligibility
        case .points: function = points
        case .entitlements: function = entitlements
        case .lint: return EngineCaseAnswers.errorAnswer(status: HukouErrorKind.misuse.name, message: "lint is not part of the C ABI")
        }
        let bytes = JSONWriter.serialize(request)
        var out: UnsafeMutablePointer<CChar>?
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { function(engine, $0, buffer.count, &out) }
            } ?? -1
        }
        guard status == 0, let out else {
            let message = failure(status)
            return EngineCaseAnswers.errorAnswer(status: statusName(status).map { String(cString: $0) } ?? "\(status)", message: message)
        }
        defer { stringFree(out) }
        let text = String(cString: out)
        do {
            return try JSONParser.parse(text)
        } catch {
            return EngineCaseAnswers.errorAnswer(status: HukouErrorKind.internal.name, message: "the library's answer is not JSON: \(error.describe(.en))")
        }
    }

    /// The raw answer bytes (for golden files), or nil and the error.
    func answerText(_ call: CaseCall, request: JSONValue) -> (text: String?, error: String?) {
        let answer = self.answer(call, request: request)
        if let message = EngineCaseAnswers.errorMessage(in: answer) { return (nil, message) }
        return (JSONWriter.string(answer), nil)
    }

    private func failure(_ status: Int32) -> String {
        lastError().map { String(cString: $0) } ?? "status \(status)"
    }
}
