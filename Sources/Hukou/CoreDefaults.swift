// SPDX-License-Identifier: Apache-2.0
import HukouRules

extension EngineCaseAnswers {
    /// Case answers whose failed calls are named as the C interface names them.
    public init(engine: Engine, packs: [JSONValue] = []) {
        self.init(engine: engine, packs: packs, statusName: { kind in kind.name })
    }
}
