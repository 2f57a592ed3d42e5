/// The decision engine: loaded packs and the three decision calls. Immutable once
/// built, so one engine may serve many threads.
public struct Engine: Sendable {
    public private(set) var registry: PackRegistry
    /// Ed25519 public keys (32 bytes each) whose signatures this engine accepts; when not
    /// empty, every pack loaded at run time must be signed by one of them (docs/signing.md).
    public private(set) var trustedKeys: [[UInt8]] = []

    /// An engine with no packs.
    public init() {
        registry = PackRegistry()
    }

    /// Requires every pack loaded from now on to carry a signature by one of `keys`.
    public mutating func requireSignatures(by keys: [[UInt8]]) throws(HukouError) {
        guard !keys.isEmpty, keys.allSatisfy({ $0.count == 32 }) else {
            throw HukouError(.misuse, path: "public_keys", zh: "应为一个或多个 32 字节的 Ed25519 公钥", en: "expected one or more Ed25519 public keys of 32 bytes")
        }
        // A weak key (all zeros, the identity, another small-order point, a non-canonical
        // encoding) would accept signatures nobody made: refuse it, naming its index.
        for (index, key) in keys.enumerated() where !Ed25519.isAcceptablePublicKey(key) {
            throw HukouError(.misuse, path: "public_keys[\(index)]",
                             zh: "不是可信任的 Ed25519 公钥（小阶点、全零或非规范编码）",
                             en: "not an acceptable Ed25519 public key (small order, all zero or not canonical)")
        }
        trustedKeys = keys
    }

    /// An engine holding every embedded pack. Cheap: each embedded pack is parsed and
    /// validated when a request first needs it, once per process (``EmbeddedPack``).
    public static func withEmbeddedPacks() throws(HukouError) -> Engine {
        if let error = FactCatalogue.baseError {
            throw HukouError(.pack, path: "facts.json" + (error.path.isEmpty ? "" : ":" + error.path),
                             zh: "内置事实表无效：\(error.message.zh)", en: "the embedded fact vocabulary is invalid: \(error.message.en)")
        }
        var engine = Engine()
        for pack in EmbeddedPacks.all {
            guard pack.effectiveFrom != nil else {
                throw HukouError(.pack, path: "effective_from", zh: "内置政策包 \(pack.name) 的生效日期无效",
                                 en: "embedded pack \(pack.name) has an invalid effective_from")
            }
            engine.registry.add(pack)
        }
        return engine
    }

    public mutating func load(pack text: String) throws(HukouError) {
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { (buffer) throws(HukouError) in try load(pack: buffer) }
    }

    /// Validates a pack (its signature first, when this engine requires one) and adds it.
    /// - Throws: `.signature` (unsigned, untrusted key, tampered), `.rollback` (a serial
    ///   below that of a loaded version of the same pack), `.pack`, `.parse`, `.limit`.
    public mutating func load(pack bytes: UnsafeBufferPointer<UInt8>) throws(HukouError) {
        let value = try PackLoader.parse(bytes)
        if !trustedKeys.isEmpty { try PackSignature.verify(value, trustedKeys: trustedKeys) }
        let pack = try PackLoader.load(value, byteCount: bytes.count)
        if let highest = registry.highestSerial(pack.id), pack.serial < highest {
            throw HukouError(.rollback, path: "serial", zh: "政策包版本号 \(pack.serial) 低于已加载的 \(highest)（拒绝回滚）",
                             en: "pack serial \(pack.serial) is below the loaded \(highest) (rollback refused)")
        }
        registry.add(pack)
    }

    /// Request size limit (HUKOU_MAX_REQUEST_BYTES).
    public static let maxRequestBytes = 1024 * 1024
    /// The error for a request beyond ``maxRequestBytes``.
    public static let requestTooLarge = HukouError(.limit, path: "", zh: "请求超过 \(maxRequestBytes) 字节",
                                                   en: "request larger than \(maxRequestBytes) bytes")

    /// Parses request bytes; errors carry the locale sniffed from the request, if any.
    public static func parseRequest(_ bytes: UnsafeBufferPointer<UInt8>) throws(LocalizedFailure) -> DecisionRequest {
        guard bytes.count <= maxRequestBytes else {
            throw LocalizedFailure(error: requestTooLarge, locale: nil)
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw LocalizedFailure(error: error, locale: nil)
        }
        do {
            return try DecisionRequest.read(value)
        } catch {
            throw LocalizedFailure(error: error, locale: DecisionRequest.sniffLocale(value))
        }
    }

    /// Parses request bytes with the fact declarations of the jurisdiction it names.
    public func parseRequest(_ bytes: UnsafeBufferPointer<UInt8>) throws(LocalizedFailure) -> DecisionRequest {
        guard bytes.count <= Self.maxRequestBytes else {
            throw LocalizedFailure(error: Self.requestTooLarge, locale: nil)
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw LocalizedFailure(error: error, locale: nil)
        }
        do {
            return try readRequest(value)
        } catch {
            throw LocalizedFailure(error: error, locale: DecisionRequest.sniffLocale(value))
        }
    }

    /// Reads a request with the facts its jurisdiction declares (the common vocabulary
    /// and the pack's own `facts`), so that a request may carry a city's own facts.
    public func readRequest(_ value: JSONValue) throws(HukouError) -> DecisionRequest {
        try DecisionRequest.read(value, catalogue: catalogue(for: value))
    }

    /// The fact declarations of the pack a request names (by jurisdiction and as-of date);
    /// the common vocabulary when it names none that is loaded (the decision call then
    /// says so).
    public func catalogue(for request: JSONValue) -> FactCatalogue {
        guard case .string(let id)? = request["jurisdiction"], case .string(let text)? = request["as_of"],
              let date = CivilDate(iso: text), let pack = try? registry.pack(id, on: date) else { return .base }
        return pack.facts
    }

    public func eligibility(_ request: DecisionRequest) throws(HukouError) -> JSONValue {
        let pack = try registry.pack(request.jurisdiction, on: request.asOf)
        return try EligibilityService(pack: pack, national: registry.national(on: request.asOf), request: request).answer()
    }

    public func points(_ request: DecisionRequest) throws(HukouError) -> JSONValue {
        let pack = try registry.pack(request.jurisdiction, on: request.asOf)
        return try PointsService(pack: pack, national: registry.national(on: request.asOf), request: request).answer()
    }

    public func entitlements(_ request: DecisionRequest) throws(HukouError) -> JSONValue {
        let pack = try registry.pack(request.jurisdiction, on: request.asOf)
        return try EntitlementService(pack: pack, national: registry.national(on: request.asOf), request: request).answer()
    }
}

/// An error with the locale its message should be written in (nil: both languages).
public struct LocalizedFailure: Error, Sendable {
    public let error: HukouError
    public let locale: AnswerLocale?

    public var message: String { error.describe(locale) }
}
