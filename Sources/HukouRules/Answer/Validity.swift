// SPDX-License-Identifier: Apache-2.0
/// Which of a pack's rules answer a request, chosen by the in-force windows of the
/// documents they rest on, and the answer's `validity` block (docs/answers.md).
///
/// - Some rule is in force on the request's date: those rules answer (`in_force`); rules
///   whose documents are not in force that day are left out (the 2014 points table in 2018).
/// - None is, but some ended before it: the rules as they stood on the last day D any of
///   them was in force answer, and the answer says first that they ended on D and that the
///   rules in force now are not encoded (`expired`).
/// - None has started yet: no rule answers (`not_yet_in_force`, with the first start date).
struct Validity {
    enum Status: String { case inForce = "in_force", expired, notYetInForce = "not_yet_in_force" }

    let status: Status
    /// Rules in force on this date answer: the request's date, or D when expired.
    let selectionDate: CivilDate
    let endedOn: CivilDate?
    let startsOn: CivilDate?
    /// The pack's documents and name only (not the whole pack: answers run on small stacks).
    private let documents: Documents
    private let asOf: CivilDate
    private let documentIDs: [String]
    /// Expired with some rules still in force (shown beside the lapsed ones).
    private var partly = false

    /// - Parameter ruleDocuments: the document ids of each rule of the answer's kind.
    /// The documents of a pack, shared by reference.
    final class Documents: Sendable {
        let list: [EncodedDocument]
        let name: LocalizedText
        init(_ pack: PolicyPack) {
            list = pack.documents
            name = pack.name
        }
        func document(_ id: String) -> EncodedDocument? { list.first { $0.id == id } }
        func inForce(_ ids: [String], on date: CivilDate) -> Bool {
            let chosen = ids.isEmpty ? [list.first?.id ?? ""] : ids
            for id in chosen {
                guard let document = document(id), document.isInForce(on: date) else { return false }
            }
            return true
        }
    }

    init(pack: PolicyPack, asOf: CivilDate, ruleDocuments: [[String]]) {
        let pack = Documents(pack)
        self.documents = pack
        self.asOf = asOf
        let sets = ruleDocuments.map { $0.isEmpty ? [pack.list.first?.id ?? ""] : $0 }
        var ids: [String] = []
        for set in sets { for id in set where !ids.contains(id) { ids.append(id) } }
        documentIDs = pack.list.map(\.id).filter { ids.contains($0) }
        let inForce = sets.filter { pack.inForce($0, on: asOf) }
        // The earliest start among the rules in force: a text that ended before it was
        // replaced by them (the 2014 points table by the 2016 rules) and is not shown; one
        // that ended after it lapsed with nothing encoded in its place, and is shown as it
        // stood, under the warning.
        var earliestInForce: CivilDate?
        for set in inForce {
            if let from = Validity.window(pack, set).from, earliestInForce.map({ from < $0 }) ?? true { earliestInForce = from }
        }
        var lastEnd: CivilDate?
        var firstStart: CivilDate?
        for set in sets {
            let window = Validity.window(pack, set)
            guard let from = window.from else { continue }
            if let until = window.until, from <= until, until < asOf {
                let lapsed = earliestInForce.map { until >= $0 } ?? true
                if lapsed, lastEnd.map({ until > $0 }) ?? true { lastEnd = until }
            }
            if from > asOf, firstStart.map({ from < $0 }) ?? true { firstStart = from }
        }
        partly = !inForce.isEmpty
        if let lastEnd {
            status = .expired
            selectionDate = lastEnd
            endedOn = lastEnd
            startsOn = nil
        } else if !inForce.isEmpty || sets.isEmpty {
            status = .inForce
            selectionDate = asOf
            endedOn = nil
            startsOn = nil
        } else {
            status = .notYetInForce
            selectionDate = asOf
            endedOn = nil
            startsOn = firstStart
        }
    }

    /// The window in which every document of `set` is in force (nil bounds: open).
    private static func window(_ pack: Documents, _ set: [String]) -> (from: CivilDate?, until: CivilDate?) {
        var from: CivilDate?
        var until: CivilDate?
        for id in set {
            guard let document = pack.document(id) else { return (nil, nil) }
            if from.map({ document.effectiveFrom > $0 }) ?? true { from = document.effectiveFrom }
            if let end = document.effectiveUntil, until.map({ end < $0 }) ?? true { until = end }
        }
        return (from, until)
    }

    /// Whether a rule resting on `ids` answers this request: in force on the request's date,
    /// or, when expired, in force on the last day the lapsed rules were.
    func selects(_ ids: [String]) -> Bool {
        documents.inForce(ids, on: asOf) || (status == .expired && documents.inForce(ids, on: selectionDate))
    }

    /// The first line of the answer's rendering.
    var text: LocalizedText { LocalizedText(zh: text(.zhCN), en: text(.en)) }

    /// The first line of the answer's rendering in one locale (only that one is built).
    func text(_ locale: AnswerLocale) -> String {
        let en = locale == .en
        let name = en ? documents.name.en : documents.name.zh
        switch status {
        case .inForce:
            return en ? "Answered from the \(name) rules in force on \(asOf)." : "以下依据 \(asOf) 施行的\(name)规定作答。"
        case .expired:
            let date = endedOn?.description ?? ""
            if partly {
                return en
                    ? "Note: some of the \(name) rules encoded here ended on \(date); the rules in force in their place on \(asOf) are not encoded. Those answers follow the rules as they stood before they ended, for reference only: please ask staff for the rules in force now."
                    : "注意：本系统编入的\(name)规定中，有的已于 \(date) 到期，\(asOf) 施行的相应规定未编入本系统。到期的规定按到期前的内容作答，仅供参考，请向工作人员核实现行规定。"
            }
            return en
                ? "Note: the \(name) rules encoded here ended on \(date); the rules in force on \(asOf) are not encoded. The answer below follows the rules as they stood before they ended, for reference only: please ask staff for the rules in force now."
                : "注意：本系统编入的\(name)规定已于 \(date) 到期，\(asOf) 施行的规定未编入本系统。以下按到期前的规定作答，仅供参考，请向工作人员核实现行规定。"
        case .notYetInForce:
            let date = startsOn?.description ?? ""
            return en
                ? "Note: the \(name) rules encoded here take effect on \(date); the rules in force on \(asOf) are not encoded: please ask staff."
                : "注意：本系统编入的\(name)规定自 \(date) 起施行，\(asOf) 施行的规定未编入本系统，请向工作人员咨询。"
        }
    }
}

// MARK: Writer form (issue 15)

extension Validity {
    /// The status as the answer names it.
    var statusName: StaticString {
        switch status {
        case .inForce: return "in_force"
        case .expired: return "expired"
        case .notYetInForce: return "not_yet_in_force"
        }
    }

    /// Writes the `validity` block (the value; the caller writes the key).
    func write(_ locale: AnswerLocale, into writer: inout AnswerWriter) {
        writer.beginObject()
        writer.member("status", statusName)
        if let endedOn { writer.member("ended_on", date: endedOn) }
        if let startsOn { writer.member("starts_on", date: startsOn) }
        writer.key("documents")
        writer.beginArray()
        for id in documentIDs {
            guard let document = documents.document(id) else { continue }
            writer.beginObject()
            writer.member("id", document.id)
            writer.member("number", document.number)
            writer.member("effective_from", date: document.effectiveFrom)
            writer.key("effective_until")
            if let until = document.effectiveUntil { writer.date(until) } else { writer.null() }
            writer.member("in_force", document.isInForce(on: asOf))
            if let note = document.untilNote { writer.member("until_note", note.text(locale)) }
            writer.endObject()
        }
        writer.endArray()
        writer.member("text", text(locale))
        writer.endObject()
    }
}
