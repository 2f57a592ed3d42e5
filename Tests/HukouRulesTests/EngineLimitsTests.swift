// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// Engine/EngineLimits.swift: the core enforces the limits it is given, whatever they are
/// (the C ABI gives hukou.h's; these tests give small ones).
@Suite("EngineLimits: the engine enforces the limits it is given")
struct EngineLimitsTests {
    static func limits(requestBytes: Int = 1 << 20, packBytes: Int = 16 << 20, depth: Int = 64,
                       callWork: Int = 2_000_000, answerNodes: Int = 20_000, answerBytes: Int = 4 << 20) -> EngineLimits {
        EngineLimits(requestBytes: requestBytes, packBytes: packBytes, depth: depth, callWork: callWork,
                     answerNodes: answerNodes, answerBytes: answerBytes)
    }

    static let request = #"{"jurisdiction":"anyang","as_of":"2026-11-25","locale":"en","applicant":{"birth_date":"1990-01-01"}}"#

    func answer(_ engine: Engine, _ text: String, _ kind: DecisionKind = .eligibility) -> LocalizedFailure? {
        let bytes = Array(text.utf8)
        do {
            _ = try bytes.withUnsafeBufferPointer { (buffer) throws(LocalizedFailure) in try engine.answer(kind, buffer) }
            return nil
        } catch {
            return error
        }
    }

    @Test func aRequestOneByteOverTheGivenSizeIsRefused() throws {
        let size = Self.request.utf8.count
        let exact = try Engine.withEmbeddedPacks(limits: Self.limits(requestBytes: size))
        #expect(answer(exact, Self.request) == nil)
        let smaller = try Engine.withEmbeddedPacks(limits: Self.limits(requestBytes: size - 1))
        let failure = try #require(answer(smaller, Self.request))
        #expect(failure.error.kind == .limit)
        #expect(failure.error.en == "request larger than \(size - 1) bytes")
    }

    @Test func nestingBeyondTheGivenDepthIsRefused() throws {
        // The request object is level 1, "applicant" level 2: a depth of 1 refuses it.
        let engine = try Engine.withEmbeddedPacks(limits: Self.limits(depth: 1))
        let failure = try #require(answer(engine, Self.request))
        #expect(failure.error.kind == .limit)
        #expect(failure.error.en.hasPrefix("nesting deeper than 1 levels"))
    }

    @Test func theGivenWorkAndAnswerBoundsAreChecked() throws {
        let work = try Engine.withEmbeddedPacks(limits: Self.limits(callWork: 1))
        let failure = try #require(answer(work, Self.request))
        #expect(failure.error.kind == .limit)
        #expect(failure.error.en.contains("more than the bound of 1 per call (HUKOU_MAX_CALL_WORK)"))
        let bytes = try Engine.withEmbeddedPacks(limits: Self.limits(answerBytes: 100))
        let tooLong = try #require(answer(bytes, Self.request))
        #expect(tooLong.error.en.contains("more than the bound of 100 (HUKOU_MAX_ANSWER_BYTES)"))
    }

    @Test func aPackOverTheGivenSizeIsRefused() {
        var engine = Engine(limits: Self.limits(packBytes: 10))
        do {
            try engine.load(pack: #"{"format":"hukou-pack/1"}"#)
            Issue.record("a 25-byte pack loaded under a 10-byte limit")
        } catch {
            #expect(error.kind == .limit)
            #expect(error.en == "pack larger than 10 bytes")
        }
    }
}
