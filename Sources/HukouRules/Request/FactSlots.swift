// SPDX-License-Identifier: Apache-2.0
/// The values a request gives for one person, one slot per fact of a catalogue, by the
/// fact's index (``FactDefinition/index``): what ``Person`` holds.
///
/// Why slots and not `[String: FactValue]` (issue 15): every condition leaf and indicator
/// looked its fact up by name, hashing the name on every read (3–8 % of a call). A slot is
/// a plain value (no reference inside): the table is copied with one `memcpy` when a
/// projection or a what-if changes a copy of the person, and freed without visiting each
/// slot. An enumeration value is kept as its position in the declaration's values
/// (``FactDefinition/choices``), so reading it gives back the declaration's own String;
/// a text value (a district), or any value the declarations cannot hold as a plain slot
/// (set through the name API), is kept once in `others`.
struct FactSlots: Sendable {
    /// One fact's given value; `none` when not given.
    enum Slot: Sendable {
        case none
        case bool(Bool)
        case integer(Int)
        case decimal(Fixed)
        case date(year: Int32, month: UInt8, day: UInt8)
        /// The index of the value in the fact's ``FactDefinition/choices``.
        case choice(Int)
        /// The index of the value in `others`.
        case other(Int)
    }

    private var slots: [Slot]
    /// Values that are not plain slots; at most one per slot (setting a slot that holds one
    /// again replaces it), so bounded by the number of facts.
    private var others: [FactValue] = []

    init(count: Int) {
        slots = Array(repeating: .none, count: max(0, count))
    }

    var count: Int { slots.count }

    /// The value at `index`, as `fact` (the catalogue's fact at that index) declares it;
    /// nil when not given or `index` is out of range.
    @inline(__always)
    func value(at index: Int, _ fact: FactDefinition) -> FactValue? {
        guard index >= 0, index < slots.count else { return nil }
        switch slots[index] {
        case .none: return nil
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .integer(number)
        case .decimal(let number): return .decimal(number)
        case .date(let year, let month, let day):
            // Stored from a valid CivilDate, so it is one again.
            return CivilDate(year: Int(year), month: Int(month), day: Int(day)).map(FactValue.date)
        case .choice(let choice):
            let choices = fact.choices
            return choice >= 0 && choice < choices.count ? .enumeration(choices[choice]) : nil
        case .other(let position):
            return position >= 0 && position < others.count ? others[position] : nil
        }
    }

    /// Whether a value is given at `index`.
    func has(_ index: Int) -> Bool {
        guard index >= 0, index < slots.count else { return false }
        if case .none = slots[index] { return false }
        return true
    }

    /// Sets the value at `index` (nil: not given); `fact` is the catalogue's fact at that
    /// index (its choices hold enumeration values). Out of range: nothing is set.
    mutating func set(_ value: FactValue?, at index: Int, _ fact: FactDefinition) {
        guard index >= 0, index < slots.count else { return }
        switch value {
        case nil: slots[index] = .none
        case .bool(let flag)?: slots[index] = .bool(flag)
        case .integer(let number)?: slots[index] = .integer(number)
        case .decimal(let number)?: slots[index] = .decimal(number)
        case .date(let date)?:
            if let year = Int32(exactly: date.year), let month = UInt8(exactly: date.month), let day = UInt8(exactly: date.day) {
                slots[index] = .date(year: year, month: month, day: day)
            } else {
                setOther(.date(date), index)
            }
        case .enumeration(let name)?:
            // The same bytes as a declared value (not String ==, which would take another
            // normalization of the same text for it): the declaration's String is given back.
            if let choice = fact.choices.firstIndex(where: { $0.utf8.elementsEqual(name.utf8) }) {
                slots[index] = .choice(choice)
            } else {
                setOther(.enumeration(name), index)
            }
        case .text(let text)?: setOther(.text(text), index)
        }
    }

    /// Sets an enumeration value by its index in the fact's choices (the request reader).
    @inline(__always)
    mutating func set(choice: Int, at index: Int) {
        guard index >= 0, index < slots.count else { return }
        slots[index] = .choice(choice)
    }

    /// Sets a plain slot (a bool, an integer or a date made by the request reader) as
    /// ``set(_:at:_:)`` sets the value it stands for. Out of range: nothing is set.
    @inline(__always)
    mutating func set(slot: Slot, at index: Int) {
        guard index >= 0, index < slots.count else { return }
        slots[index] = slot
    }

    private mutating func setOther(_ value: FactValue, _ index: Int) {
        if case .other(let position) = slots[index], position >= 0, position < others.count {
            others[position] = value
        } else {
            slots[index] = .other(others.count)
            others.append(value)
        }
    }
}
