// SPDX-License-Identifier: Apache-2.0
import CHukou
import HukouRules

/// HUKOU_RENDER_* codes of hukou.h: text, HTML, and the column width for receipts.
private func renderFormat(_ code: Int32) -> RenderFormat? {
    switch code {
    case HUKOU_RENDER_TEXT: return .text
    case HUKOU_RENDER_HTML: return .html
    case HUKOU_RENDER_RECEIPT_32, HUKOU_RENDER_RECEIPT_48: return .receipt(columns: Int(code))
    default: return nil
    }
}

private func localeOf(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerLocale? {
    guard let value = try? JSONParser.parse(bytes), let locale = value["locale"]?.stringValue else { return nil }
    return AnswerLocale(rawValue: locale)
}

@_cdecl("hukou_render")
public func hukouRender(_ engine: OpaquePointer?, _ answer: UnsafePointer<CChar>?, _ length: Int, _ format: Int32,
                        _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    LastError.clear()
    guard let out else { return misuse("out 为 NULL", "out is NULL") }
    out.pointee = nil
    let found: EngineHandle?
    do { found = try EngineHandle.from(engine) } catch { return fail(error, locale: nil) } // freed or foreign
    guard let handle = found else { return misuse("engine 为 NULL", "engine is NULL") }
    let snapshot = handle.engine  // one snapshot: its limits and the labels of its packs
    let limits = snapshot.limits
    guard let answer else { return misuse("answer 为 NULL", "answer is NULL") }
    guard length != 0 else { return misuse("len 为 0", "len is 0") }
    guard let rendering = renderFormat(format) else {
        return misuse("format 应为 HUKOU_RENDER_TEXT、HUKOU_RENDER_HTML、HUKOU_RENDER_RECEIPT_32 或 HUKOU_RENDER_RECEIPT_48",
                      "format must be HUKOU_RENDER_TEXT, HUKOU_RENDER_HTML, HUKOU_RENDER_RECEIPT_32 or HUKOU_RENDER_RECEIPT_48")
    }
    guard length > 0, length <= limits.answerBytes else { return fail(limits.answerTooLarge, locale: nil) }
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(answer).assumingMemoryBound(to: UInt8.self), count: length)
    let text: String
    do {
        text = try Renderer.render(answerBytes: bytes, format: rendering, limits: limits, engine: snapshot)
    } catch {
        return fail(error, locale: localeOf(bytes))
    }
    guard let string = OutputString.make(Array(text.utf8)) else {
        return fail(Decision.outOfMemory, locale: localeOf(bytes))
    }
    out.pointee = string
    return HUKOU_OK
}

@_cdecl("hukou_receipt")
public func hukouReceipt(_ engine: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: Int, _ question: Int32,
                         _ key: UnsafePointer<UInt8>?, _ keyLength: Int, _ columns: Int32,
                         _ outText: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                         _ outCode: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    LastError.clear()
    outText?.pointee = nil
    outCode?.pointee = nil
    guard outText != nil || outCode != nil else { return misuse("out_text 和 out_code 均为 NULL", "out_text and out_code are both NULL") }
    let found: EngineHandle?
    do { found = try EngineHandle.from(engine) } catch { return fail(error, locale: nil) } // freed or foreign
    guard let handle = found else { return misuse("engine 为 NULL", "engine is NULL") }
    guard let request else { return misuse("req 为 NULL", "req is NULL") }
    guard length != 0 else { return misuse("len 为 0", "len is 0") }
    guard let key else { return misuse("key 为 NULL", "key is NULL") }
    guard keyLength >= DecisionReceipt.minimumKeyBytes, keyLength <= DecisionReceipt.maximumKeyBytes else {
        return misuse("key_len 应为 \(DecisionReceipt.minimumKeyBytes) 到 \(DecisionReceipt.maximumKeyBytes)",
                      "key_len must be \(DecisionReceipt.minimumKeyBytes) to \(DecisionReceipt.maximumKeyBytes)")
    }
    let asked: Question
    switch question {
    case HUKOU_QUESTION_ELIGIBILITY: asked = .eligibility
    case HUKOU_QUESTION_POINTS: asked = .points
    case HUKOU_QUESTION_ENTITLEMENTS: asked = .entitlements
    default:
        return misuse("question 应为 HUKOU_QUESTION_ELIGIBILITY、_POINTS 或 _ENTITLEMENTS",
                      "question must be HUKOU_QUESTION_ELIGIBILITY, _POINTS or _ENTITLEMENTS")
    }
    guard columns == 32 || columns == 48 else { return misuse("columns 应为 32 或 48", "columns must be 32 or 48") }
    guard length > 0, length <= handle.engine.limits.requestBytes else { return fail(handle.engine.limits.requestTooLarge, locale: nil) }
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(request).assumingMemoryBound(to: UInt8.self), count: length)
    let value: JSONValue
    do {
        value = try JSONParser.parse(bytes, maxDepth: handle.engine.limits.depth)
    } catch {
        return fail(error, locale: nil)
    }
    let receipt: DecisionReceipt
    do {
        receipt = try DecisionReceipt.make(engine: handle.engine, request: value, question: asked,
                                           key: Array(UnsafeBufferPointer(start: key, count: keyLength)))
    } catch {
        return fail(error, locale: DecisionRequest.sniffLocale(value))
    }
    let text = outText != nil ? OutputString.make(Array(receipt.text(columns: Int(columns)).utf8)) : nil
    let code = outCode != nil ? OutputString.make(Array(receipt.provenance.code.utf8)) : nil
    if (outText != nil && text == nil) || (outCode != nil && code == nil) {
        hukouStringFree(text)
        hukouStringFree(code)
        return fail(Decision.outOfMemory, locale: DecisionRequest.sniffLocale(value))
    }
    outText?.pointee = text
    outCode?.pointee = code
    return HUKOU_OK
}
