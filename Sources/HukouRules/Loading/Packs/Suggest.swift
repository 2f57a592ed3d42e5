// SPDX-License-Identifier: Apache-2.0
/// "Did you mean …?" for names in packs: the nearest known name by edit distance.
enum Suggest {
    /// The candidate nearest to `name`, when it is close enough to be a likely typo
    /// (at most a third of the name's length in edits, and at least one).
    static func nearest(_ name: String, _ candidates: [String]) -> String? {
        let source = Array(name.utf8.prefix(64))
        guard !source.isEmpty else { return nil }
        var best: (String, Int)?
        for candidate in candidates where candidate != name {
            let target = Array(candidate.utf8.prefix(64))
            let distance = editDistance(source, target)
            // ties: the same letters in another order ("=>" → ">="), then alphabetical
            let anagram = target.sorted() == source.sorted()
            let bestAnagram = best.map { Array($0.0.utf8.prefix(64)).sorted() == source.sorted() } ?? false
            if best == nil || distance < (best?.1 ?? Int.max)
                || (distance == best?.1 && (anagram && !bestAnagram || (anagram == bestAnagram && candidate < (best?.0 ?? "")))) {
                best = (candidate, distance)
            }
        }
        guard let (candidate, distance) = best, distance <= max(1, source.count / 3) else { return nil }
        return candidate
    }

    /// " (did you mean `x`?)" or "".
    static func hint(_ name: String, _ candidates: [String], zh: Bool) -> String {
        guard let nearest = nearest(name, candidates) else { return "" }
        return zh ? "（是否应为 `\(nearest)`？）" : " (did you mean `\(nearest)`?)"
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
            }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }
}
