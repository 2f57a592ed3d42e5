// SPDX-License-Identifier: Apache-2.0

/// A worker's part of a batch summary: ``add(_:)`` is ``BatchSummary/add(_:)`` made cheap for
/// the lines of one run, which look alike (the same pathways in the same order, the same few
/// verdicts, statuses and validity sentences). A pathway's counts go to the pathway counted
/// at the same position when it is the same one (no key built or hashed), and strings are
/// compared with the last few counted before any is hashed. ``summary`` is the summary
/// ``BatchSummary/add(_:)`` gives for the same lines in the same order, exactly.
struct BatchTally {
    /// Failed lines and --compare lines, added as they are (their locale taken out: the
    /// tally keeps the earliest line's for every line).
    private var rest = BatchSummary()
    /// Lines counted here, not in `rest`.
    private var applicants = 0
    private var locale: String?
    private var localeLine = Int.max
    private var slots: [Slot] = []
    /// Slot of each pathway (group and id, as ``BatchSummary`` keys them).
    private var slotOfKey: [String: Int] = [:]
    /// Slot of the pathway last counted at each position of a line's pathways.
    private var slotAtPosition: [Int] = []
    private var validity = RecentCounter<String>()
    private var validityTexts = RecentCounter<String>()
    private var pointsStatuses = RecentCounter<String>()
    private var scored = 0
    private var reaching = 0
    private var incomplete = 0
    private var thresholds = RecentCounter<Int>()
    private var histogram = RecentCounter<Int>()

    /// One pathway's counts, with the summary it starts from (its first line's group,
    /// names and order, as ``BatchSummary/add(_:)`` keeps them).
    private struct Slot {
        let key: String
        var summary: PathwaySummary
        var verdicts = RecentCounter<String>()
    }

    mutating func add(_ result: BatchResult) {
        if let given = result.locale, locale == nil || result.line < localeLine {
            locale = given
            localeLine = result.line
        }
        guard result.errorStatus == nil, result.pathways.count <= 1 else {
            var result = result
            result.locale = nil
            rest.add(result)
            return
        }
        applicants += 1
        if let first = result.pathways.first {
            for index in first.indices { count(first[index], at: index) }
        }
        if let status = result.validityStatus { validity.add(status) }
        if let text = result.validityText { validityTexts.add(text) }
        if let status = result.pointsStatus { pointsStatuses.add(status) }
        if let points = result.points {
            scored += 1
            if points.reaches == true { reaching += 1 }
            if !points.complete { incomplete += 1 }
            if let threshold = points.threshold { thresholds.add(threshold) }
            let width = BatchSummary.binWidth
            histogram.add(points.total >= 0 ? points.total / width * width : -((-points.total + width - 1) / width * width))
        }
    }

    private mutating func count(_ pathway: PathwayResult, at position: Int) {
        let slot = slot(pathway, at: position)
        guard slots.indices.contains(slot) else { return }
        if pathway.name < slots[slot].summary.name { slots[slot].summary.name = pathway.name }
        slots[slot].verdicts.add(pathway.verdict)
        guard !pathway.unmet.isEmpty else { return }
        let labels = Set(pathway.unmet)
        for label in labels { slots[slot].summary.unmet[label, default: 0] += 1 }
        if labels.count == 1, let only = pathway.unmet.first { slots[slot].summary.onlyUnmet[only, default: 0] += 1 }
    }

    private mutating func slot(_ pathway: PathwayResult, at position: Int) -> Int {
        if position < slotAtPosition.count {
            let known = slotAtPosition[position]
            if slots.indices.contains(known), slots[known].summary.id == pathway.id, slots[known].summary.group == pathway.group {
                return known
            }
        }
        let key = pathway.group + "\u{1F}" + pathway.id
        let slot: Int
        if let known = slotOfKey[key] {
            slot = known
        } else {
            slot = slots.count
            slots.append(Slot(key: key, summary: PathwaySummary(group: pathway.group, groupName: pathway.groupName, id: pathway.id,
                                                                 name: pathway.name, order: pathway.order)))
            slotOfKey[key] = slot
        }
        while slotAtPosition.count <= position { slotAtPosition.append(-1) }
        slotAtPosition[position] = slot
        return slot
    }

    /// The summary of every line added.
    var summary: BatchSummary {
        var summary = rest
        summary.applicants = saturatingAdd(summary.applicants, applicants)
        summary.locale = locale
        summary.localeLine = localeLine
        for slot in slots {
            var pathway = slot.summary
            pathway.verdicts = slot.verdicts.counts
            if var mine = summary.pathways[slot.key] {
                mine.merge(pathway)
                summary.pathways[slot.key] = mine
            } else {
                summary.pathways[slot.key] = pathway
            }
        }
        summary.validity.merge(validity.counts, uniquingKeysWith: saturatingAdd)
        summary.validityTexts.merge(validityTexts.counts, uniquingKeysWith: saturatingAdd)
        summary.pointsStatuses.merge(pointsStatuses.counts, uniquingKeysWith: saturatingAdd)
        summary.scored = saturatingAdd(summary.scored, scored)
        summary.reaching = saturatingAdd(summary.reaching, reaching)
        summary.incomplete = saturatingAdd(summary.incomplete, incomplete)
        summary.thresholds.merge(thresholds.counts, uniquingKeysWith: saturatingAdd)
        summary.histogram.merge(histogram.counts, uniquingKeysWith: saturatingAdd)
        return summary
    }
}

/// Counts like `[Key: Int]`, but a key equal to one of the last few counted costs a few
/// comparisons instead of a hash (batch lines repeat the same few verdicts and sentences;
/// hashing a Chinese sentence normalizes it first). Keys equal as `==` says count as one,
/// as in a dictionary.
struct RecentCounter<Key: Hashable> {
    private var settled: [Key: Int] = [:]
    private var recent: [(key: Key, count: Int)] = []
    private static var recentLimit: Int { 8 }

    mutating func add(_ key: Key) {
        for index in recent.indices where recent[index].key == key {
            recent[index].count += 1
            return
        }
        if recent.count >= Self.recentLimit { settle() }
        recent.append((key, 1))
    }

    private mutating func settle() {
        for (key, count) in recent { settled[key, default: 0] += count }
        recent.removeAll(keepingCapacity: true)
    }

    /// Every key counted and its count.
    var counts: [Key: Int] {
        var copy = self
        copy.settle()
        return copy.settled
    }
}
