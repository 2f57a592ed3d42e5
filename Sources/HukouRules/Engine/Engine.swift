/// The decision engine: loaded packs and the three decision calls. Immutable once
/// built, so one engine may serve many threads.
public struct Engine: Sendable {
    public private(set) var registry: PackRegistry

    /// An engine with no packs.
    public init() {
        registry = PackRegistry()
    }

    /// An engine holding every embedded pack.
    public static func withEmbeddedPacks() throws(HukouError) -> Engine {
        var engine = Engine()
        for (name, text) in EmbeddedPacks.all {
            do {
                try engine.load(pack: text)
            } catch {
                throw HukouError(.pack, path: error.path, zh: "内置政策包 \(name) 无效：\(error.message.zh)",
                                 en: "embedded pack \(name) is invalid: \(error.message.en)")
            }
        }
        return engine
    }

    public mutating func load(pack text: String) throws(HukouError) {
        registry.add(try PackLoader.load(text))
    }

    public mutating func load(pack bytes: UnsafeBufferPointer<UInt8>) throws(HukouError) {
        registry.add(try PackLoader.load(bytes))
    }

    /// Request size limit (HUKOU_MAX_REQUEST_BYTES).
    public static let maxRequestBytes = 1024 * 1024

    /// Parses request bytes; errors carry the locale sniffed from the request, if any.
    public static func parseRequest(_ bytes: UnsafeBufferPointer<UInt8>) throws(LocalizedFailure) -> DecisionRequest {
        guard bytes.count <= maxRequestBytes else {
            throw LocalizedFailure(error: HukouError(.limit, path: "", zh: "请求超过 \(maxRequestBytes) 字节",
                                                     en: "request larger than \(maxRequestBytes) bytes"), locale: nil)
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
