// SPDX-License-Identifier: Apache-2.0
/// What one decision call decided: the typed result of evaluation, before it is written
/// as answer bytes (``AnswerWriter``). The CLI's summaries read decisions, not answer keys.
public enum Decision: Sendable {
    case eligibility(EligibilityDecision)
    case points(PointsDecision)
    case entitlements(EntitlementsDecision)

    /// Streams the answer into `writer`.
    public func write(into writer: inout AnswerWriter) {
        switch self {
        case .eligibility(let decision): decision.write(into: &writer)
        case .points(let decision): decision.write(into: &writer)
        case .entitlements(let decision): decision.write(into: &writer)
        }
    }

    /// The answer's bytes, refused beyond the limits' ``EngineLimits/answerBytes`` (the
    /// last line of defence behind the estimates); unbounded when no limits are given.
    public func bytes(within limits: EngineLimits? = nil) throws(HukouError) -> [UInt8] {
        var writer = Self.writer(limits)
        write(into: &writer)
        try Self.check(writer, limits)
        return writer.bytes
    }

    /// The answer as a malloc'd NUL-terminated C string (no copy after writing).
    public func cString(within limits: EngineLimits) throws(HukouError) -> UnsafeMutablePointer<CChar> {
        var writer = Self.writer(limits)
        write(into: &writer)
        try Self.check(writer, limits)
        guard let string = writer.takeCString() else { throw Self.outOfMemory }
        return string
    }

    /// The answer as a JSON tree (tests, case files, the receipt): the written bytes read back.
    public func json(within limits: EngineLimits? = nil) throws(HukouError) -> JSONValue {
        let written = try bytes(within: limits)
        do {
            return try written.withUnsafeBufferPointer { (buffer) throws(HukouError) in try JSONParser.parse(buffer, maxDepth: AnswerWriter.maxDepth + 1) }
        } catch {
            throw HukouError(.internal, path: "", zh: "答复无法读回：\(error.message.zh)", en: "the answer does not read back: \(error.message.en)")
        }
    }

    /// The error of an answer or rendered text that memory could not hold (HUKOU_E_NOMEM).
    public static let outOfMemory = HukouError(.noMemory, path: "", zh: "内存不足", en: "out of memory")

    private static func writer(_ limits: EngineLimits?) -> AnswerWriter {
        guard let limits else { return AnswerWriter() }
        return AnswerWriter(limit: limits.answerBytes)
    }

    private static func check(_ writer: borrowing AnswerWriter, _ limits: EngineLimits?) throws(HukouError) {
        switch writer.failure {
        case nil: return
        case .limit: throw limits?.answerTooLarge ?? HukouError(.limit, path: "", zh: "答复过大", en: "answer too large")
        case .outOfMemory: throw outOfMemory
        case .tooDeep: throw HukouError(.internal, path: "", zh: "答复嵌套过深", en: "answer nested too deeply")
        }
    }
}
