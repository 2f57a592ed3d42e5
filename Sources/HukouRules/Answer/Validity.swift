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

    /// Everything the answer says that does not name the request's date: the same on every
    /// date between two of the pack's document start and end dates (``Table``).
    private let state: State
    private let asOf: CivilDate

    var status: Status { state.status }
    /// Rules in force on this date answer: the request's date, or D when expired.
    var selectionDate: CivilDate { state.endedOn ?? asOf }
    var endedOn: CivilDate? { state.endedOn }
    var startsOn: CivilDate? { state.startsOn }

    /// The rule sets of a pack that answers take their validity from (one per call).
    enum Rules: Int, CaseIterable, Sendable {
        /// Eligibility: each pathway.
        case pathways
        /// Entitlements: each rule.
        case entitlements
        /// Points with a table: the table, then each requirement and veto.
        case points
        /// The pack's first document only (points answers without a table).
        case pack

        /// The document ids of each rule of the set.
        func documentSets(_ pack: PolicyPack) -> [[String]] {
            switch self {
            case .pathways: return pack.pathways.map(\.documentIDs)
            case .entitlements: return pack.entitlements.map(\.documentIDs)
            case .points:
                guard case .table(let table)? = pack.points else { return [[]] }
                return [table.documentIDs] + (table.requirements + table.vetoes).map(\.documentIDs)
            case .pack: return [[]]
            }
        }
    }

    /// The documents of a pack, shared by reference.
    final class Documents: Sendable {
        let list: [EncodedDocument]
        let name: LocalizedText
        init(_ pack: PolicyPack) {
            list = pack.documents
            name = pack.name
        }
        /// The position of the first document with `id`.
        func index(_ id: String) -> Int? { list.firstIndex { $0.id == id } }
        func document(_ id: String) -> EncodedDocument? { list.first { $0.id == id } }
        func inForce(_ ids: [String], on date: CivilDate) -> Bool {
            let chosen = ids.isEmpty ? [list.first?.id ?? ""] : ids
            for id in chosen {
                guard let document = document(id), document.isInForce(on: date) else { return false }
            }
            return true
        }
    }

    /// The validity of the answers resting on `ruleDocuments` (the document ids of each rule
    /// of the answer's kind), worked out for this date (tests, and any rule set a pack does
    /// not precompute).
    init(pack: PolicyPack, asOf: CivilDate, ruleDocuments: [[String]]) {
        self.asOf = asOf
        state = State(Documents(pack), sets: ruleDocuments, on: asOf)
    }

    /// The validity of `rules`: a lookup in the pack's ``Table`` (built when the pack
    /// loads); worked out for the date when the pack has none.
    init(pack: PolicyPack, asOf: CivilDate, rules: Rules) {
        self.asOf = asOf
        if let state = pack.validityTable?.state(rules, on: asOf) {
            self.state = state
        } else {
            state = State(Documents(pack), sets: rules.documentSets(pack), on: asOf)
        }
    }

    /// Whether a rule resting on `ids` answers this request: in force on the request's date,
    /// or, when expired, in force on the last day the lapsed rules were.
    func selects(_ ids: [String]) -> Bool { state.selects(ids) }

    /// The first line of the answer's rendering.
    var text: LocalizedText { LocalizedText(zh: text(.zhCN), en: text(.en)) }

    /// The first line of the answer's rendering in one locale (only that one is built).
    func text(_ locale: AnswerLocale) -> String {
        let pieces = state.text(locale)
        return Self.join(pieces.head, asOf, pieces.tail)
    }

    /// `head` + the date as "YYYY-MM-DD" + `tail`, in one allocation.
    static func join(_ head: String, _ date: CivilDate, _ tail: String) -> String {
        guard (1000...9999).contains(date.year), (1...12).contains(date.month), (1...31).contains(date.day) else {
            return head + date.description + tail
        }
        var head = head, tail = tail
        return head.withUTF8 { headBytes in
            tail.withUTF8 { tailBytes in
                String(unsafeUninitializedCapacity: headBytes.count + 10 + tailBytes.count) { buffer in
                    // The capacity is exactly what is written: head, 10 date bytes, tail.
                    var at = buffer[0..<headBytes.count].initialize(fromContentsOf: headBytes)
                    func digits(_ value: Int, _ width: Int) {
                        var rest = value
                        for offset in stride(from: width - 1, through: 0, by: -1) {
                            buffer[at + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                            rest /= 10
                        }
                        at += width
                    }
                    digits(date.year, 4)
                    buffer[at] = UInt8(ascii: "-")
                    at += 1
                    digits(date.month, 2)
                    buffer[at] = UInt8(ascii: "-")
                    at += 1
                    digits(date.day, 2)
                    return buffer[at..<(at + tailBytes.count)].initialize(fromContentsOf: tailBytes)
                }
            }
        }
    }
}

// MARK: What does not depend on the date within an interval

extension Validity {
    /// A text in two pieces around the request's date (every validity sentence names it once).
    struct Pieces: Sendable {
        let head: String
        let tail: String
    }

    /// The part of a validity that is the same on every date of one interval of the pack's
    /// document dates: computed once, shared by reference (immutable).
    final class State: Sendable {
        let status: Status
        /// The last day the lapsed rules were in force (expired), which is then also the
        /// selection date.
        let endedOn: CivilDate?
        let startsOn: CivilDate?
        /// Expired with some rules still in force (shown beside the lapsed ones).
        let partly: Bool
        let documents: Documents
        /// Per document of the pack (by position): in force on the request's date, and on
        /// the selection date (the same but when expired).
        let inForceOnDate: [Bool]
        let inForceOnSelection: [Bool]
        /// The positions of the documents the block lists, in the pack's order.
        let listed: [Int]
        /// The sentence per locale (``AnswerLocale`` order).
        let texts: [Pieces]
        /// The block as written JSON per locale, around the request's date.
        let blocks: [Pieces]

        init(_ documents: Documents, sets ruleDocuments: [[String]], on asOf: CivilDate) {
            self.documents = documents
            let list = documents.list
            let sets = ruleDocuments.map { $0.isEmpty ? [list.first?.id ?? ""] : $0 }
            var ids: [String] = []
            for set in sets { for id in set where !ids.contains(id) { ids.append(id) } }
            listed = list.indices.filter { ids.contains(list[$0].id) }
            let inForce = sets.filter { documents.inForce($0, on: asOf) }
            // The earliest start among the rules in force: a text that ended before it was
            // replaced by them (the 2014 points table by the 2016 rules) and is not shown; one
            // that ended after it lapsed with nothing encoded in its place, and is shown as it
            // stood, under the warning.
            var earliestInForce: CivilDate?
            for set in inForce {
                if let from = State.window(documents, set).from, earliestInForce.map({ from < $0 }) ?? true { earliestInForce = from }
            }
            var lastEnd: CivilDate?
            var firstStart: CivilDate?
            for set in sets {
                let window = State.window(documents, set)
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
                endedOn = lastEnd
                startsOn = nil
            } else if !inForce.isEmpty || sets.isEmpty {
                status = .inForce
                endedOn = nil
                startsOn = nil
            } else {
                status = .notYetInForce
                endedOn = nil
                startsOn = firstStart
            }
            inForceOnDate = list.map { $0.isInForce(on: asOf) }
            let selection = endedOn ?? asOf
            inForceOnSelection = list.map { $0.isInForce(on: selection) }
            let (status, partly, endedOn, startsOn, listed, inForceOnDate) = (status, partly, endedOn, startsOn, listed, inForceOnDate)
            let texts = AnswerLocale.allCases.map { State.sentence(status, partly: partly, endedOn: endedOn, startsOn: startsOn, name: documents.name, $0) }
            self.texts = texts
            blocks = AnswerLocale.allCases.indices.map { index in
                State.block(status, endedOn: endedOn, startsOn: startsOn, documents: documents, listed: listed,
                            inForce: inForceOnDate, text: texts[index], AnswerLocale.allCases[index])
            }
        }

        func text(_ locale: AnswerLocale) -> Pieces { texts[locale == .en ? 1 : 0] }
        func block(_ locale: AnswerLocale) -> Pieces { blocks[locale == .en ? 1 : 0] }

        func selects(_ ids: [String]) -> Bool {
            inForce(ids, inForceOnDate) || (status == .expired && inForce(ids, inForceOnSelection))
        }

        /// Whether every document of `ids` (none: the pack's first) is in force by `flags`.
        private func inForce(_ ids: [String], _ flags: [Bool]) -> Bool {
            guard !ids.isEmpty else { return flags.first ?? false }
            for id in ids {
                guard let index = documents.index(id), index < flags.count, flags[index] else { return false }
            }
            return true
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

        /// The first line of the answer's rendering, around the request's date.
        private static func sentence(_ status: Status, partly: Bool, endedOn: CivilDate?, startsOn: CivilDate?,
                                     name names: LocalizedText, _ locale: AnswerLocale) -> Pieces {
            let en = locale == .en
            let name = en ? names.en : names.zh
            switch status {
            case .inForce:
                return en ? Pieces(head: "Answered from the \(name) rules in force on ", tail: ".")
                    : Pieces(head: "以下依据 ", tail: " 施行的\(name)规定作答。")
            case .expired:
                let date = endedOn?.description ?? ""
                if partly {
                    return en
                        ? Pieces(head: "Note: some of the \(name) rules encoded here ended on \(date); the rules in force in their place on ",
                                 tail: " are not encoded. Those answers follow the rules as they stood before they ended, for reference only: please ask staff for the rules in force now.")
                        : Pieces(head: "注意：本系统编入的\(name)规定中，有的已于 \(date) 到期，",
                                 tail: " 施行的相应规定未编入本系统。到期的规定按到期前的内容作答，仅供参考，请向工作人员核实现行规定。")
                }
                return en
                    ? Pieces(head: "Note: the \(name) rules encoded here ended on \(date); the rules in force on ",
                             tail: " are not encoded. The answer below follows the rules as they stood before they ended, for reference only: please ask staff for the rules in force now.")
                    : Pieces(head: "注意：本系统编入的\(name)规定已于 \(date) 到期，",
                             tail: " 施行的规定未编入本系统。以下按到期前的规定作答，仅供参考，请向工作人员核实现行规定。")
            case .notYetInForce:
                let date = startsOn?.description ?? ""
                return en
                    ? Pieces(head: "Note: the \(name) rules encoded here take effect on \(date); the rules in force on ",
                             tail: " are not encoded: please ask staff.")
                    : Pieces(head: "注意：本系统编入的\(name)规定自 \(date) 起施行，", tail: " 施行的规定未编入本系统，请向工作人员咨询。")
            }
        }

        /// The `validity` block as the writer writes it, up to the request's date in its
        /// text and from it on. JSON escapes one character at a time and the date needs none,
        /// so the escaped sentence is the escaped head, the date and the escaped tail.
        private static func block(_ status: Status, endedOn: CivilDate?, startsOn: CivilDate?, documents: Documents,
                                  listed: [Int], inForce: [Bool], text: Pieces, _ locale: AnswerLocale) -> Pieces {
            var writer = AnswerWriter(capacity: 1024)
            writer.beginObject()
            writer.member("status", Validity.statusName(status))
            if let endedOn { writer.member("ended_on", date: endedOn) }
            if let startsOn { writer.member("starts_on", date: startsOn) }
            writer.key("documents")
            writer.beginArray()
            for index in listed where index < documents.list.count {
                let document = documents.list[index]
                writer.beginObject()
                writer.member("id", document.id)
                writer.member("number", document.number)
                writer.member("effective_from", date: document.effectiveFrom)
                writer.key("effective_until")
                if let until = document.effectiveUntil { writer.date(until) } else { writer.null() }
                writer.member("in_force", index < inForce.count && inForce[index])
                if let note = document.untilNote { writer.member("until_note", note.text(locale)) }
                writer.endObject()
            }
            writer.endArray()
            writer.key("text")
            let opening = writer.bytes
            var head = AnswerWriter(capacity: 256)
            head.string(text.head)
            var tail = AnswerWriter(capacity: 256)
            tail.string(text.tail)
            // head: `"…` (the closing quote dropped); tail: `…"` (the opening quote dropped), then `}`.
            let headBytes = opening + head.bytes.dropLast()
            let tailBytes = Array(tail.bytes.dropFirst()) + [UInt8(ascii: "}")]
            return Pieces(head: String(decoding: headBytes, as: UTF8.self), tail: String(decoding: tailBytes, as: UTF8.self))
        }
    }
}

// MARK: The pack's precomputed validities

extension Validity {
    /// Every validity a pack's answers can have, computed when the pack loads: the answer
    /// changes only where some document starts or ends, so between two such dates it is one
    /// ``State`` per rule set. A request's validity is a binary search and an index
    /// (immutable after load: shared by every thread; at most 4 × (2 × documents + 1) states).
    final class Table: Sendable {
        /// Sorted, distinct: 2·k(from) for each document start (reached on that day) and
        /// 2·k(until) + 1 for each end (passed the day after), k a day's sort key.
        private let boundaries: [Int]
        /// `states[rules][interval]`, interval i holding the dates with i boundaries at or
        /// below them; nil for an interval no date falls in.
        private let states: [[State?]]

        init(_ pack: PolicyPack) {
            let documents = Documents(pack)
            var keys: [Int: CivilDate] = [:]
            for document in documents.list {
                keys[2 * Table.key(document.effectiveFrom)] = document.effectiveFrom
                if let until = document.effectiveUntil {
                    keys[2 * Table.key(until) + 1] = Table.nextDay(until) ?? until
                }
            }
            let boundaries = keys.keys.sorted()
            self.boundaries = boundaries
            // One date in each interval: its lower boundary's first day (the earliest valid
            // date before the first boundary); none when no date falls in it.
            var dates: [CivilDate?] = [CivilDate(year: CivilDate.validYears.lowerBound, month: 1, day: 1)]
            for key in boundaries { dates.append(keys[key]) }
            for index in dates.indices {
                if let date = dates[index], Table.interval(boundaries, date) != index { dates[index] = nil }
            }
            states = Rules.allCases.map { rules in
                let sets = rules.documentSets(pack)
                return dates.map { date in date.map { State(documents, sets: sets, on: $0) } }
            }
        }

        /// The state of `rules` on `date`.
        func state(_ rules: Rules, on date: CivilDate) -> State? {
            let interval = Table.interval(boundaries, date)
            guard rules.rawValue < states.count, interval < states[rules.rawValue].count else { return nil }
            return states[rules.rawValue][interval]
        }

        /// How many boundaries are at or below `date`.
        private static func interval(_ boundaries: [Int], _ date: CivilDate) -> Int {
            let target = 2 * key(date)
            var low = 0, high = boundaries.count
            while low < high {
                let middle = low + (high - low) / 2
                if boundaries[middle] <= target { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// Orders dates as they compare (not a day count: months have gaps), within Int for
        /// any year a date can carry.
        private static func key(_ date: CivilDate) -> Int {
            (date.year.clamped(-1_000_000, 1_000_000) * 16 + date.month.clamped(0, 15)) * 32 + date.day.clamped(0, 31)
        }

        private static func nextDay(_ date: CivilDate) -> CivilDate? {
            CivilDate(year: date.year, month: date.month, day: date.day + 1)
                ?? CivilDate(year: date.year, month: date.month + 1, day: 1)
                ?? CivilDate(year: date.year + 1, month: 1, day: 1)
        }
    }
}

private extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, self)) }
}

// MARK: Writer form (issue 15)

extension Validity {
    /// The status as the answer names it.
    var statusName: StaticString { Self.statusName(status) }

    static func statusName(_ status: Status) -> StaticString {
        switch status {
        case .inForce: return "in_force"
        case .expired: return "expired"
        case .notYetInForce: return "not_yet_in_force"
        }
    }

    /// Writes the `validity` block (the value; the caller writes the key): the state's
    /// block, written once when the pack loaded, around the request's date.
    func write(_ locale: AnswerLocale, into writer: inout AnswerWriter) {
        let block = state.block(locale)
        writer.rawValue(Self.join(block.head, asOf, block.tail))
    }
}
