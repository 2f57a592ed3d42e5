// SPDX-License-Identifier: Apache-2.0
import CHukou
import HukouRules

extension EngineCaseAnswers {
    /// Case answers whose failed calls are named as the C interface names them.
    public init(engine: Engine, packs: [JSONValue] = []) {
        self.init(engine: engine, packs: packs, statusName: { kind in kind.name })
    }
}

extension EngineLimits {
    /// The limits of hukou.h (HUKOU_MAX_*), read through CHukou: those of every engine
    /// the C ABI makes, and of the command line's.
    public static let header = EngineLimits(
        requestBytes: Int(HUKOU_MAX_REQUEST_BYTES),
        packBytes: Int(HUKOU_MAX_PACK_BYTES),
        depth: Int(HUKOU_MAX_DEPTH),
        callWork: Int(HUKOU_MAX_CALL_WORK),
        answerNodes: Int(HUKOU_MAX_ANSWER_NODES),
        answerBytes: Int(HUKOU_MAX_ANSWER_BYTES))
}

extension Engine {
    /// An engine with no packs and the limits of hukou.h.
    public init() {
        self.init(limits: .header)
    }

    /// Every embedded pack, with the limits of hukou.h.
    public static func withEmbeddedPacks() throws(HukouError) -> Engine {
        try withEmbeddedPacks(limits: .header)
    }
}
