// SPDX-License-Identifier: Apache-2.0
/// The bounds an engine enforces on its input and on the work and answer of one call.
///
/// The core holds no numbers of its own: whoever makes the engine gives them. The C ABI
/// and the command line give the limits of hukou.h (`EngineLimits.header` in
/// `Sources/Hukou`, read through the Clang module CHukou; `Engine()` uses them).
public struct EngineLimits: Sendable, Equatable {
    /// Largest request, in bytes (HUKOU_MAX_REQUEST_BYTES).
    public var requestBytes: Int
    /// Largest pack, in bytes (HUKOU_MAX_PACK_BYTES).
    public var packBytes: Int
    /// Deepest JSON nesting of a request, in levels (HUKOU_MAX_DEPTH).
    public var depth: Int
    /// Most evaluations one call may need (HUKOU_MAX_CALL_WORK).
    public var callWork: Int
    /// Most condition nodes and indicators one answer may report (HUKOU_MAX_ANSWER_NODES).
    public var answerNodes: Int
    /// Largest answer, in bytes: estimated before a call, and the largest answer the
    /// renderer takes (HUKOU_MAX_ANSWER_BYTES).
    public var answerBytes: Int

    public init(requestBytes: Int, packBytes: Int, depth: Int, callWork: Int, answerNodes: Int, answerBytes: Int) {
        self.requestBytes = requestBytes
        self.packBytes = packBytes
        self.depth = depth
        self.callWork = callWork
        self.answerNodes = answerNodes
        self.answerBytes = answerBytes
    }

    /// The error for a request beyond ``requestBytes``.
    public var requestTooLarge: HukouError {
        HukouError(.limit, path: "", zh: "请求超过 \(requestBytes) 字节", en: "request larger than \(requestBytes) bytes")
    }

    /// The error for a pack beyond ``packBytes``.
    public var packTooLarge: HukouError {
        HukouError(.limit, path: "", zh: "政策包超过 \(packBytes) 字节", en: "pack larger than \(packBytes) bytes")
    }

    /// The error for an answer beyond ``answerBytes``.
    public var answerTooLarge: HukouError {
        HukouError(.limit, path: "", zh: "答复超过 \(answerBytes) 字节", en: "answer larger than \(answerBytes) bytes")
    }
}
