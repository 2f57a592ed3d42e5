// SPDX-License-Identifier: Apache-2.0
/// A document to bring, as a policy text lists it (e.g. 劳动合同 under 福建省落户实施方案
/// （四）, 居住地住址证明 under 居住证暂行条例 第九条). Packs list only what a cited text
/// lists; where none is listed the kiosk says to ask staff for the list.
public struct RequiredDocument: Sendable {
    public let name: LocalizedText
    public let citation: String

    /// Most documents one list takes.
    static let maxCount = 40

    /// The `documents_to_bring` member of a pathway or of residence_permit_conditions.
    static func read(_ reader: inout ObjectReader) throws(HukouError) -> [RequiredDocument] {
        guard let list = try reader.array("documents_to_bring") else { return [] }
        guard list.count <= maxCount else {
            throw reader.fail("documents_to_bring", zh: "至多 \(maxCount) 项材料", en: "at most \(maxCount) documents")
        }
        var documents: [RequiredDocument] = []
        for (index, element) in list.enumerated() {
            var entry = try ObjectReader(element, path: reader.childPath("documents_to_bring") + "[\(index)]", status: .pack)
            documents.append(RequiredDocument(name: try entry.requiredText("name"), citation: try entry.requiredString("citation")))
            try entry.finish()
        }
        return documents
    }

    /// Writes the answer's form `{"name": "...", "citation": "..."}` in the locale.
    func write(_ locale: AnswerLocale, into writer: inout AnswerWriter) {
        writer.beginObject()
        writer.member("name", name.text(locale))
        writer.member("citation", citation)
        writer.endObject()
    }
}
