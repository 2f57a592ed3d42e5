// SPDX-License-Identifier: Apache-2.0
/// The policy packs an engine holds: every version of every jurisdiction, chosen per
/// request by the as-of date. Embedded packs stay unparsed until a request needs them.
public struct PackRegistry: Sendable {
    /// One version of a pack: loaded at run time, or embedded and parsed on first use.
    // indirect: a multi-payload enum holding a large struct is copied through uninitialised
    // spare bits by Swift 6.3.1 at -O (valgrind; same as PointsPolicy).
    indirect enum Entry: Sendable {
        case loaded(PolicyPack)
        case embedded(EmbeddedPack)

        var effectiveFrom: CivilDate? {
            switch self {
            case .loaded(let pack): return pack.effectiveFrom
            case .embedded(let pack): return pack.effectiveFrom
            }
        }

        var serial: Int {
            switch self {
            case .loaded(let pack): return pack.serial
            case .embedded(let pack): return pack.serial
            }
        }

        func isInForce(on date: CivilDate) -> Bool {
            switch self {
            case .loaded(let pack): return pack.isInForce(on: date)
            case .embedded(let pack): return pack.isInForce(on: date)
            }
        }

        func pack() throws(HukouError) -> PolicyPack {
            switch self {
            case .loaded(let pack): return pack
            case .embedded(let pack): return try pack.pack()
            }
        }
    }

    /// Versions by pack id, ordered by effective-from date.
    private var versions: [String: [Entry]] = [:]
    /// The lowest serial accepted per pack id (hukou_engine_set_min_serial): versions
    /// below it are withdrawn (never used for an answer) and loads below it refused.
    private var floors: [String: Int] = [:]

    public init() {}

    /// Adds a pack; one with the same id and effective-from date is replaced.
    public mutating func add(_ pack: PolicyPack) {
        insert(.loaded(pack), id: pack.id)
    }

    /// Adds an embedded pack without parsing it.
    mutating func add(_ pack: EmbeddedPack) {
        insert(.embedded(pack), id: pack.id)
    }

    private mutating func insert(_ entry: Entry, id: String) {
        var list = versions[id] ?? []
        list.removeAll { $0.effectiveFrom == entry.effectiveFrom }
        list.append(entry)
        list.sort { ($0.effectiveFrom?.description ?? "") < ($1.effectiveFrom?.description ?? "") }
        versions[id] = list
    }

    public var ids: [String] { versions.keys.sorted() }

    /// The highest serial among the loaded versions of `id` (nil when none is loaded).
    public func highestSerial(_ id: String) -> Int? {
        versions[id]?.map(\.serial).max()
    }

    /// The lowest serial accepted for `id` (0 unless raised by ``raiseFloor(_:to:)``).
    public func floor(_ id: String) -> Int {
        floors[id] ?? 0
    }

    /// Raises the lowest serial accepted for `id` to `serial` (a floor is never lowered):
    /// versions below it are withdrawn from answers and later loads below it are refused.
    public mutating func raiseFloor(_ id: String, to serial: Int) {
        floors[id] = Swift.max(floor(id), serial)
    }

    /// The highest serial among the versions of `id` that answers may use (at or above
    /// its floor); nil when there is none.
    public func servingSerial(_ id: String) -> Int? {
        let lowest = floor(id)
        return versions[id]?.map(\.serial).filter { $0 >= lowest }.max()
    }

    /// Every version of every pack, parsed (embedded packs that fail to parse are left
    /// out; the test suite loads each of them).
    public var allPacks: [PolicyPack] {
        var result: [PolicyPack] = []
        for id in ids {
            for entry in versions[id] ?? [] {
                if let pack = try? entry.pack() { result.append(pack) }
            }
        }
        return result
    }

    /// The JSON of pack `id` (its `extends` resolved for a loaded one): the latest version
    /// taking effect by `effectiveFrom`, else the latest; for packs that extend it.
    func sourceJSON(_ id: String, effectiveFrom: String?) -> JSONValue? {
        guard let list = versions[id] else { return nil }
        var chosen = list.last
        if let effectiveFrom {
            for candidate in list where (candidate.effectiveFrom?.description ?? "") <= effectiveFrom { chosen = candidate }
        }
        switch chosen {
        case .loaded(let pack)?: return pack.sourceJSON
        case .embedded(let pack)?: return try? JSONParser.parse(pack.json)
        case nil: return nil
        }
    }

    /// The version of `id` in force on `date`.
    public func pack(_ id: String, on date: CivilDate) throws(HukouError) -> PolicyPack {
        guard let list = versions[id] else {
            throw HukouError(.unknownJurisdiction, path: "jurisdiction",
                             zh: "没有这个辖区的政策包，可选：\(ids.joined(separator: ", "))",
                             en: "no policy pack for this jurisdiction; known: \(ids.joined(separator: ", "))")
        }
        // A plain loop, not `list.last(where:)`: with Swift 6.3.1 at -O, that call inside this
        // typed-throwing function is miscompiled (every decision call crashed in release
        // builds; -Onone was fine). See docs/benchmarks.md.
        let lowest = floor(id)
        var found: Entry?
        var withdrawn = false
        for candidate in list.reversed() where candidate.isInForce(on: date) {
            guard candidate.serial >= lowest else {
                withdrawn = true
                continue
            }
            found = candidate
            break
        }
        if found == nil, withdrawn {
            throw HukouError(.rollback, path: "jurisdiction",
                             zh: "\(id) 政策包的已加载版本低于最低可接受版本号 \(lowest)，请加载更新的政策包",
                             en: "the loaded \(id) pack is below the lowest serial accepted (\(lowest)): load a newer pack")
        }
        guard let entry = found else {
            let first = list.first?.effectiveFrom?.description ?? ""
            throw HukouError(.unknownJurisdiction, path: "as_of",
                             zh: "该日期没有生效的 \(id) 政策（最早生效于 \(first)）",
                             en: "no \(id) rules in force on this date (earliest take effect on \(first))")
        }
        let pack = try entry.pack()
        guard !pack.isAbstract else {
            throw HukouError(.unknownJurisdiction, path: "jurisdiction", zh: "\(id) 只是供其他政策包扩展的基础包，不是辖区",
                             en: "\(id) is only a base for other packs (abstract), not a jurisdiction")
        }
        return pack
    }

    /// The pack ``pack(_:on:)`` gives, nil where it throws, without making its error
    /// message: the request reader asks for the facts of a request's pack before the call
    /// (which says what is wrong, once), and an unknown jurisdiction built the list of known
    /// ones twice.
    func servedPack(_ id: String, on date: CivilDate) -> PolicyPack? {
        guard let list = versions[id] else { return nil }
        let lowest = floor(id)
        for candidate in list.reversed() where candidate.isInForce(on: date) {
            guard candidate.serial >= lowest else { continue }
            guard let pack = try? candidate.pack(), !pack.isAbstract else { return nil }
            return pack
        }
        return nil
    }

    /// The national pack in force on `date`, if loaded (rules every city inherits).
    public func national(on date: CivilDate) -> PolicyPack? {
        var found: Entry?
        let lowest = floor("national")
        for candidate in (versions["national"] ?? []).reversed() where candidate.isInForce(on: date) && candidate.serial >= lowest {
            found = candidate
            break
        }
        return try? found?.pack()
    }
}
