/// The policy packs an engine holds: every version of every jurisdiction, chosen per
/// request by the as-of date.
public struct PackRegistry: Sendable {
    /// Versions by pack id, ordered by effective-from date.
    private var versions: [String: [PolicyPack]] = [:]

    public init() {}

    /// Adds a pack; one with the same id and effective-from date is replaced.
    public mutating func add(_ pack: PolicyPack) {
        var list = versions[pack.id] ?? []
        list.removeAll { $0.effectiveFrom == pack.effectiveFrom }
        list.append(pack)
        list.sort { $0.effectiveFrom < $1.effectiveFrom }
        versions[pack.id] = list
    }

    public var ids: [String] { versions.keys.sorted() }

    /// The highest serial among the loaded versions of `id` (nil when none is loaded).
    public func highestSerial(_ id: String) -> Int? {
        versions[id]?.map(\.serial).max()
    }

    public var allPacks: [PolicyPack] { ids.flatMap { versions[$0] ?? [] } }

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
        var found: PolicyPack?
        for candidate in list.reversed() where candidate.isInForce(on: date) {
            found = candidate
            break
        }
        guard let pack = found else {
            let first = list.first.map { $0.effectiveFrom.description } ?? ""
            throw HukouError(.unknownJurisdiction, path: "as_of",
                             zh: "该日期没有生效的 \(id) 政策（最早生效于 \(first)）",
                             en: "no \(id) rules in force on this date (earliest take effect on \(first))")
        }
        return pack
    }

    /// The national pack in force on `date`, if loaded (rules every city inherits).
    public func national(on date: CivilDate) -> PolicyPack? {
        versions["national"]?.last { $0.isInForce(on: date) }
    }
}
