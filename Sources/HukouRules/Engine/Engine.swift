// SPDX-License-Identifier: Apache-2.0
/// The three decision calls (hukou_check_eligibility, hukou_score_points,
/// hukou_lookup_entitlements).
public typealias DecisionKind = WorkBudget.Call

/// The decision engine: loaded packs and the three decision calls. Immutable once
/// built, so one engine may serve many threads.
public struct Engine: Sendable {
    public private(set) var registry: PackRegistry
    /// Ed25519 public keys (32 bytes each) whose signatures this engine accepts; when not
    /// empty, every pack loaded at run time must be signed by one of them (docs/signing.md).
    public private(set) var trustedKeys: [[UInt8]] = []
    /// The bounds this engine enforces (request and pack sizes, nesting, work and answer
    /// of a call): given by whoever makes it, the C ABI and the CLI those of hukou.h.
    public let limits: EngineLimits

    /// An engine with no packs.
    public init(limits: EngineLimits) {
        registry = PackRegistry()
        self.limits = limits
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
    public static func withEmbeddedPacks(limits: EngineLimits) throws(HukouError) -> Engine {
        if let error = FactCatalogue.baseError {
            throw HukouError(.pack, path: "facts.json" + (error.path.isEmpty ? "" : ":" + error.path),
                             zh: "内置事实表无效：\(error.message.zh)", en: "the embedded fact vocabulary is invalid: \(error.message.en)")
        }
        var engine = Engine(limits: limits)
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
        let value = try PackLoader.parse(bytes, limits: limits)
        if !trustedKeys.isEmpty { try PackSignature.verify(value, trustedKeys: trustedKeys) }
        let held = registry
        let pack = try PackLoader.load(value, byteCount: bytes.count) { id, from in held.sourceJSON(id, effectiveFrom: from) }
        if let highest = registry.highestSerial(pack.id), pack.serial < highest {
            throw HukouError(.rollback, path: "serial", zh: "政策包版本号 \(pack.serial) 低于已加载的 \(highest)（拒绝回滚）",
                             en: "pack serial \(pack.serial) is below the loaded \(highest) (rollback refused)")
        }
        let lowest = registry.floor(pack.id)
        if pack.serial < lowest {
            throw HukouError(.rollback, path: "serial", zh: "政策包版本号 \(pack.serial) 低于最低可接受版本号 \(lowest)（拒绝回滚）",
                             en: "pack serial \(pack.serial) is below the lowest serial accepted (\(lowest)) (rollback refused)")
        }
        try WorkBudget.admit(pack, limits: limits)
        registry.add(pack)
    }

    /// Highest serial a pack may carry (and a floor may be set to).
    public static let maxSerial = Int(Int32.max)

    /// Sets the lowest serial accepted for pack `id` (kept by the firmware across
    /// restarts, hukou_engine_set_min_serial). A floor is only ever raised. Versions of
    /// `id` below it are withdrawn at once, and loads below it are refused (`.rollback`).
    /// - Throws: `.misuse` for an id that is not a pack id or a serial outside 0…2³¹−1.
    public mutating func setMinimumSerial(_ id: String, _ serial: Int) throws(HukouError) {
        guard PackLoader.isValidID(id) else {
            throw HukouError(.misuse, path: "pack_id", zh: "应为政策包 id（小写字母、数字、_、/，至多 64 字节）",
                             en: "expected a pack id (lowercase letters, digits, _ and /, at most 64 bytes)")
        }
        guard serial >= 0, serial <= Self.maxSerial else {
            throw HukouError(.misuse, path: "serial", zh: "应为 0 到 \(Self.maxSerial) 之间的整数",
                             en: "expected an integer from 0 to \(Self.maxSerial)")
        }
        registry.raiseFloor(id, to: serial)
    }

    /// The serial of the version of pack `id` the engine answers from (the highest among
    /// its loaded versions at or above the floor).
    /// - Throws: `.misuse` for an id that is not a pack id; `.unknownJurisdiction` when
    ///   no such pack is loaded; `.rollback` when every loaded version is below the floor.
    public func servingSerial(_ id: String) throws(HukouError) -> Int {
        guard PackLoader.isValidID(id) else {
            throw HukouError(.misuse, path: "pack_id", zh: "应为政策包 id（小写字母、数字、_、/，至多 64 字节）",
                             en: "expected a pack id (lowercase letters, digits, _ and /, at most 64 bytes)")
        }
        if let serial = registry.servingSerial(id) { return serial }
        if registry.highestSerial(id) != nil {
            throw HukouError(.rollback, path: "pack_id", zh: "该政策包的已加载版本都低于最低可接受版本号 \(registry.floor(id))",
                             en: "every loaded version of this pack is below the lowest serial accepted (\(registry.floor(id)))")
        }
        throw HukouError(.unknownJurisdiction, path: "pack_id", zh: "没有加载这个政策包", en: "no such pack is loaded")
    }

    /// Parses request bytes (at most ``EngineLimits/requestBytes`` bytes and
    /// ``EngineLimits/depth`` levels of nesting) with the fact declarations of the
    /// jurisdiction it names; errors carry the locale sniffed from the request, if any.
    /// `overriding` replaces top-level string members before the request is read (the
    /// CLI's --date and --locale), after the size check.
    public func parseRequest(_ bytes: UnsafeBufferPointer<UInt8>,
                             overriding: [(key: String, value: String)] = []) throws(LocalizedFailure) -> DecisionRequest {
        guard bytes.count <= limits.requestBytes else {
            throw LocalizedFailure(error: limits.requestTooLarge, locale: nil)
        }
        // Straight from the bytes when the request is plainly right; anything else is read
        // through the JSON tree below, which says what is wrong (``RequestReader``).
        if overriding.isEmpty, let request = RequestReader.read(bytes, maxDepth: limits.depth, catalogue: packFacts) {
            return request
        }
        var value: JSONValue
        do {
            value = try JSONParser.parse(bytes, maxDepth: limits.depth)
        } catch {
            throw LocalizedFailure(error: error, locale: nil)
        }
        if !overriding.isEmpty, case .object(var members) = value {
            for (key, text) in overriding {
                members.removeAll { $0.key == key }
                members.append(JSONMember(key, .string(text)))
            }
            value = .object(members)
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
              let date = CivilDate(iso: text) else { return .base }
        return packFacts(id, date)
    }

    /// The fact declarations of the pack that wrote an answer (its `jurisdiction.id` and
    /// `as_of`), for the words of its facts and values (hukou_render); the common
    /// vocabulary when the answer names no pack this engine holds.
    public func catalogue(forAnswer answer: JSONValue) -> FactCatalogue {
        guard case .string(let id)? = answer["jurisdiction"]?["id"], case .string(let text)? = answer["as_of"],
              let date = CivilDate(iso: text) else { return .base }
        return packFacts(id, date)
    }

    /// The fact declarations of pack `id` on `date`; the common vocabulary when none is loaded.
    func packFacts(_ id: String, _ date: CivilDate) -> FactCatalogue {
        registry.servedPack(id, on: date)?.facts ?? .base
    }

    /// The one request path of the C ABI, the CLI and `hukou batch`: request bytes in
    /// (≤ ``EngineLimits/requestBytes``), the call checked against ``WorkBudget`` and the
    /// engine's ``limits`` before any work, answer bytes out (≤ ``EngineLimits/answerBytes``).
    public func answer(_ kind: DecisionKind, _ bytes: UnsafeBufferPointer<UInt8>,
                       overriding: [(key: String, value: String)] = []) throws(LocalizedFailure) -> [UInt8] {
        let request = try parseRequest(bytes, overriding: overriding)
        do {
            return try decide(kind, request).bytes(within: limits)
        } catch {
            throw LocalizedFailure(error: error, locale: request.locale)
        }
    }

    /// ``answer(_:_:overriding:)`` for the C ABI: the answer as a malloc'd C string, the
    /// writer's own buffer (no copy after writing).
    public func answerCString(_ kind: DecisionKind, _ bytes: UnsafeBufferPointer<UInt8>) throws(LocalizedFailure) -> UnsafeMutablePointer<CChar> {
        let request = try parseRequest(bytes)
        do {
            return try decide(kind, request).cString(within: limits)
        } catch {
            throw LocalizedFailure(error: error, locale: request.locale)
        }
    }

    /// One call on a parsed request, bounded by ``WorkBudget`` (for callers that read one
    /// request and ask several calls, as `hukou batch` does).
    public func decide(_ kind: DecisionKind, _ request: DecisionRequest) throws(HukouError) -> Decision {
        let pack = try registry.pack(request.jurisdiction, on: request.asOf)
        let national = registry.national(on: request.asOf)
        try Self.checkCity(request, pack)
        try WorkBudget.check(kind, pack, national: national, request: request, limits: limits)
        switch kind {
        case .eligibility: return .eligibility(try EligibilityService(pack: pack, national: national, request: request).decide())
        case .points: return .points(try PointsService(pack: pack, national: national, request: request).decide())
        case .entitlements: return .entitlements(try EntitlementService(pack: pack, national: national, request: request).decide())
        }
    }

    /// The eligibility answer as a JSON tree (tests, case files, the receipt).
    public func eligibility(_ request: DecisionRequest) throws(HukouError) -> JSONValue {
        try decide(.eligibility, request).json(within: limits)
    }

    /// The points answer as a JSON tree (tests, case files, the receipt).
    public func points(_ request: DecisionRequest) throws(HukouError) -> JSONValue {
        try decide(.points, request).json(within: limits)
    }

    /// The entitlements answer as a JSON tree (tests, case files, the receipt).
    public func entitlements(_ request: DecisionRequest) throws(HukouError) -> JSONValue {
        try decide(.entitlements, request).json(within: limits)
    }
}

extension Engine {
    /// A request's `city` must be a city of the pack (pack data: `cities` and
    /// `own_rules_cities`, names or aliases); the message lists the pack's cities and never
    /// repeats the value given.
    static func checkCity(_ request: DecisionRequest, _ pack: PolicyPack) throws(HukouError) {
        guard let city = request.city else { return }
        let known = pack.cities.map { ($0.name, $0.aliases) } + pack.ownRulesCities.map { ($0.name, $0.aliases) }
        guard !known.isEmpty else {
            throw HukouError(.invalid, path: "city", zh: "该辖区的政策包不分城市：请删去 city",
                             en: "this jurisdiction's pack has no cities: leave city out")
        }
        guard !known.contains(where: { $0.0 == city || $0.1.contains(city) }) else { return }
        let names = known.map(\.0)
        throw HukouError(.invalid, path: "city", zh: "应为该政策包的城市之一：\(names.joined(separator: "、"))",
                         en: "expected one of the pack's cities: \(names.joined(separator: ", "))")
    }
}

/// An error with the locale its message should be written in (nil: both languages).
public struct LocalizedFailure: Error, Sendable {
    public let error: HukouError
    public let locale: AnswerLocale?

    public var message: String { error.describe(locale) }
}
