// SPDX-License-Identifier: Apache-2.0
import HukouRules

/// The summary as one JSON line (`hukou batch --summary-format json`), the form a mapper
/// hands to the reducer: `hukou summarize` merges any number of them. Keys are written in
/// sorted order, so equal summaries are equal bytes.
extension BatchSummary {
    static let kind = "hukou_batch_summary"

    var json: JSONValue {
        var out = JSONObjectBuilder()
        out.set("kind", Self.kind)
        out.set("format", 1)
        out.set("applicants", applicants)
        out.setIfPresent("locale", locale)
        if !comparing.isEmpty { out.set("comparing", .array(comparing.map { .string($0) })) }
        if !validity.isEmpty {
            var block = JSONObjectBuilder()
            block.set("statuses", Self.counts(validity))
            block.set("texts", Self.counts(validityTexts))
            out.set("validity", block.value)
        }
        out.set("errors", .array(errors.keys.sorted().compactMap { errors[$0] }.map { group in
            var item = JSONObjectBuilder()
            item.set("status", group.status)
            item.set("field", group.field)
            item.set("count", group.count)
            item.set("lines", .array(group.lines.map { .integer(Int64($0)) }))
            return item.value
        }))
        out.set("pathways", .array(orderedPathways.map { pathway in
            var item = JSONObjectBuilder()
            item.set("group", pathway.group)
            item.set("group_name", pathway.groupName)
            item.set("id", pathway.id)
            item.set("name", pathway.name)
            item.set("order", pathway.order)
            item.set("verdicts", Self.counts(pathway.verdicts))
            if !comparing.isEmpty {
                item.set("after", Self.counts(pathway.after))
                item.set("moves", Self.counts(pathway.moves))
                item.set("clauses", .array(pathway.clauses.map { clause in
                    var change = JSONObjectBuilder()
                    change.set("kind", clause.kind)
                    change.set("section", clause.section)
                    change.set("id", clause.id)
                    change.set("citation", clause.citation)
                    change.set("fields", .array(clause.fields.map { .string($0) }))
                    return change.value
                }))
            }
            item.set("unmet", Self.counts(pathway.unmet))
            item.set("only_unmet", Self.counts(pathway.onlyUnmet))
            return item.value
        }))
        var points = JSONObjectBuilder()
        points.set("scored", scored)
        points.set("reaching_threshold", reaching)
        points.set("incomplete", incomplete)
        points.set("bin_width", Self.binWidth)
        if !pointsStatuses.isEmpty { points.set("score_statuses", Self.counts(pointsStatuses)) }
        points.set("thresholds", Self.counts(Dictionary(uniqueKeysWithValues: thresholds.map { (String($0.key), $0.value) })))
        points.set("histogram", .array(histogram.keys.sorted().map { bin in
            .array([.integer(Int64(bin)), .integer(Int64(histogram[bin] ?? 0))])
        }))
        out.set("points", points.value)
        return out.value
    }

    private static func counts(_ values: [String: Int]) -> JSONValue {
        .object(values.keys.sorted().map { JSONMember($0, .integer(Int64(values[$0] ?? 0))) })
    }

    private static func counts(_ value: JSONValue?) -> [String: Int] {
        guard case .object(let members)? = value else { return [:] }
        var result: [String: Int] = [:]
        // Counts of a summary line are bounded (2^50) so that merging never overflows.
        for member in members { result[member.key, default: 0] += min(1 << 50, max(0, member.value.intValue ?? 0)) }
        return result
    }

    /// A summary line written by `--summary-format json`; nil for any other JSON (an answer line).
    init?(json value: JSONValue) {
        guard value["kind"]?.stringValue == Self.kind else { return nil }
        applicants = min(1 << 50, max(0, value["applicants"]?.intValue ?? 0))
        locale = value["locale"]?.stringValue
        comparing = (value["comparing"]?.elements ?? []).compactMap(\.stringValue)
        for item in value["errors"]?.elements ?? [] {
            guard let status = item["status"]?.stringValue else { continue }
            let field = item["field"]?.stringValue ?? ""
            var group = ErrorGroup(status: status, field: field)
            group.add(lines: (item["lines"]?.elements ?? []).compactMap(\.intValue), count: min(1 << 50, max(0, item["count"]?.intValue ?? 0)))
            errors[status + "\u{1F}" + field] = group
        }
        for item in value["pathways"]?.elements ?? [] {
            guard let id = item["id"]?.stringValue else { continue }
            let group = item["group"]?.stringValue ?? ""
            var pathway = PathwaySummary(group: group, groupName: item["group_name"]?.stringValue ?? group, id: id,
                                         name: item["name"]?.stringValue ?? id, order: item["order"]?.intValue ?? 0)
            pathway.verdicts = Self.counts(item["verdicts"])
            pathway.after = Self.counts(item["after"])
            pathway.moves = Self.counts(item["moves"])
            pathway.unmet = Self.counts(item["unmet"])
            pathway.onlyUnmet = Self.counts(item["only_unmet"])
            pathway.clauses = (item["clauses"]?.elements ?? []).map { change in
                ClauseChange(kind: change["kind"]?.stringValue ?? "", section: change["section"]?.stringValue ?? "",
                             id: change["id"]?.stringValue ?? "", citation: change["citation"]?.stringValue ?? "",
                             fields: (change["fields"]?.elements ?? []).compactMap(\.stringValue))
            }
            pathways[group + "\u{1F}" + id] = pathway
        }
        validity = Self.counts(value["validity"]?["statuses"])
        validityTexts = Self.counts(value["validity"]?["texts"])
        let points = value["points"]
        pointsStatuses = Self.counts(points?["score_statuses"])
        scored = min(1 << 50, max(0, points?["scored"]?.intValue ?? 0))
        reaching = min(1 << 50, max(0, points?["reaching_threshold"]?.intValue ?? 0))
        incomplete = min(1 << 50, max(0, points?["incomplete"]?.intValue ?? 0))
        for (key, count) in Self.counts(points?["thresholds"]) { if let threshold = Int(key) { thresholds[Self.clampPoints(threshold), default: 0] += count } }
        for pair in points?["histogram"]?.elements ?? [] {
            guard let bin = pair.elements?.first?.intValue, let count = pair.elements?.last?.intValue else { continue }
            let clamped = Self.clampPoints(bin)
            histogram[clamped - ((clamped % Self.binWidth) + Self.binWidth) % Self.binWidth, default: 0] += min(1 << 50, max(0, count))
        }
    }
}
