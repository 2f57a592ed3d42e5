// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// A pack compiled into the library, parsed and validated on first use (once per
/// process, shared by every engine), so that creating an engine costs microseconds
/// instead of parsing every jurisdiction's rules (docs/benchmarks.md, start-up).
///
/// The members needed to choose a pack before parsing it (id, effective dates, serial)
/// are extracted by scripts/embed-packs.py. Every embedded pack is loaded by the test
/// suite, so a defect in one is a failed build, not a kiosk surprise.
public final class EmbeddedPack: Sendable {
    public let name: String
    public let id: String
    let effectiveFromText: String
    let effectiveUntilText: String?
    public let serial: Int
    let json: String
    /// The start and end, parsed once (every request's pack choice asks them).
    let effectiveFrom: CivilDate?
    let effectiveUntil: CivilDate?
    private let cache = Mutex<Result<PolicyPack, HukouError>?>(nil)
    /// The parse's result once made, for reads without the lock: written once, under the
    /// lock, before ``published`` is set (releasing); read only after it is seen set
    /// (acquiring), and never written again. Every decision call reads it, on every
    /// thread: the lock would make the threads of a batch or kiosk take turns.
    nonisolated(unsafe) private var parsed: Result<PolicyPack, HukouError>?
    private let published = Atomic<Bool>(false)

    init(name: String, id: String, effectiveFrom: String, effectiveUntil: String?, serial: Int, json: String) {
        self.name = name
        self.id = id
        self.effectiveFromText = effectiveFrom
        self.effectiveUntilText = effectiveUntil
        self.serial = serial
        self.json = json
        self.effectiveFrom = CivilDate(iso: effectiveFrom)
        self.effectiveUntil = effectiveUntil.flatMap(CivilDate.init(iso:))
    }

    func isInForce(on date: CivilDate) -> Bool {
        guard let from = effectiveFrom, from <= date else { return false }
        if let until = effectiveUntil, date >= until { return false }
        return true
    }

    /// The parsed pack (parsed on the first call, by one thread; later calls share it).
    public func pack() throws(HukouError) -> PolicyPack {
        if published.load(ordering: .acquiring), let parsed { return try parsed.get() }
        let result: Result<PolicyPack, HukouError> = cache.withLock { cached in
            if let cached { return cached }
            let loaded: Result<PolicyPack, HukouError>
            do throws(HukouError) {
                loaded = .success(try PackLoader.load(json))
            } catch {
                loaded = .failure(HukouError(.pack, path: error.path, zh: "内置政策包 \(name) 无效：\(error.message.zh)",
                                             en: "embedded pack \(name) is invalid: \(error.message.en)"))
            }
            cached = loaded
            parsed = loaded
            published.store(true, ordering: .releasing)
            return loaded
        }
        return try result.get()
    }
}
