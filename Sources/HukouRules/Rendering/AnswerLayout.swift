// SPDX-License-Identifier: Apache-2.0
/// Lays an answer (the JSON of docs/answers.md) out for people: the verdict first, what
/// is missing and how far, the clause under each line, validity and provisional warnings
/// at the top, every token and field replaced by its label (``Labels``), the words for
/// facts and values taken from the declarations of the pack that answered (`facts`).
///
/// Lenient by design: members it does not know are skipped, missing ones leave their
/// line out, so a newer answer still renders; it never shows a token or a field path.
public struct AnswerLayout {
    let answer: JSONValue
    let locale: AnswerLocale
    /// The fact declarations of the answer's jurisdiction (``Engine/catalogue(forAnswer:)``);
    /// the common vocabulary when the renderer has no engine.
    let facts: FactCatalogue

    public init(_ answer: JSONValue, facts: FactCatalogue = .base) {
        self.answer = answer
        self.facts = facts
        locale = answer["locale"]?.stringValue == "en" ? .en : .zhCN
    }

    private func t(_ zh: String, _ en: String) -> String { locale == .en ? en : zh }
    private func say(_ text: LocalizedText) -> String { text.text(locale) }
    private var listSeparator: String { locale == .en ? ", " : "、" }

    /// The answer laid out.
    public func layout() -> RenderedAnswer {
        let kind = answer["kind"]?.stringValue ?? ""
        let jurisdiction = answer["jurisdiction"]
        var place = jurisdiction?["name"]?.stringValue ?? ""
        if let city = jurisdiction?["city"]?.stringValue, !place.contains(city) { place += " " + city }
        var source = jurisdiction?["document"]?.stringValue ?? ""
        if let version = jurisdiction?["pack_version"]?.stringValue { source += t("（规则版本 \(version)）", " (rules version \(version))") }
        var rendered = RenderedAnswer(
            locale: locale, kind: kind, question: question(kind), place: place, source: source,
            asOf: answer["as_of"]?.stringValue ?? "", warnings: [], headline: RenderLine(verdict: nil, title: "", verdictText: "", citation: nil),
            sections: [])
        rendered.warnings = warnings()
        if let own = answer["own_rules"] {
            rendered.headline = RenderLine(
                verdict: .open, title: text(own["reason"]) ?? t("该市自行制定落户规定，本机未收录", "this city sets its own rules, which are not encoded"),
                verdictText: t("请向当地公安机关咨询", "ask the local public-security office"), citation: cite(own["citation"]))
            return rendered
        }
        switch kind {
        case "eligibility": eligibility(&rendered)
        case "points": points(&rendered)
        case "entitlements": entitlements(&rendered)
        default:
            rendered.headline = RenderLine(verdict: .unknown, title: t("无法显示这种答复", "this kind of answer cannot be shown"),
                                           verdictText: t("请向窗口咨询", "ask at the counter"), citation: nil)
        }
        return rendered
    }

    private func question(_ kind: String) -> String {
        switch kind {
        case "eligibility": return t("落户资格", "Settlement eligibility")
        case "points": return t("居住证积分", "Residence-permit points")
        case "entitlements": return t("基本公共服务", "Public services")
        default: return t("答复", "Answer")
        }
    }

    // MARK: - Warnings

    private func warnings() -> [RenderWarning] {
        var list: [RenderWarning] = []
        if let validity = answer["validity"] { list += validityWarnings(validity) }
        if let size = answer["jurisdiction"]?["city_size_class"], size["provisional"]?.boolValue == true, let label = size["label"]?.stringValue {
            list.append(RenderWarning(level: .provisional, text: t("城市规模“\(label)”为暂定，文件未写明", "city size \"\(label)\" is provisional: the documents do not state it"), citation: nil))
        }
        if answer["provisional"]?.boolValue == true || anyProvisional(answer) {
            list.append(RenderWarning(level: .provisional, text: t(
                "本答复含暂定数值（文件未明确，标注“暂定”），以窗口答复为准",
                "this answer uses provisional values (the documents leave them open; marked \"provisional\"): the counter's answer prevails"),
                citation: nil))
        }
        if let own = answer["own_rules"], let city = own["city"]?.stringValue {
            list.append(RenderWarning(level: .notice, text: t("\(city)自行制定落户规定，本机未收录", "\(city) sets its own rules, which are not encoded here"), citation: cite(own["citation"])))
        }
        return list
    }

    /// The `validity` block (issue 11): shown first. Lenient about its members: every
    /// text in it is shown, with the dates the block names.
    private func validityWarnings(_ validity: JSONValue) -> [RenderWarning] {
        if validity["in_force"]?.boolValue == true, validity["text"] == nil, validity["reason"] == nil, validity["note"] == nil { return [] }
        // docs/answers.md: `status` in_force needs no warning; otherwise `text` is the first line.
        if validity["status"]?.stringValue == "in_force" { return [] }
        if let text = validity["text"]?.stringValue, validity["status"] != nil {
            return [RenderWarning(level: .validity, text: text, citation: nil)]
        }
        var texts = humanTexts(validity)
        if texts.isEmpty {
            if validity["status"]?.stringValue == "not_yet_in_force" {
                let starts = validity["starts_on"]?.stringValue ?? ""
                return [RenderWarning(level: .validity, text: t("本机收录的规定自 \(starts) 起施行，该日期尚未生效，请向窗口工作人员咨询",
                                                                  "the encoded rules take effect on \(starts), not yet on this date: ask staff"), citation: nil)]
            }
            let ended = validity["last_effective_until"]?.stringValue ?? validity["effective_until"]?.stringValue
                ?? validity["ended_on"]?.stringValue ?? validity["last_rules_ended"]?.stringValue
            if let ended {
                texts = [t("本机收录的规定已于 \(ended) 失效，现行规定未收录，请向窗口工作人员咨询",
                           "the encoded rules ended on \(ended); the rules in force now are not encoded: ask staff")]
            } else if validity["in_force"]?.boolValue == false {
                texts = [t("该日期没有本机收录的有效规定，请向窗口工作人员咨询", "no encoded rules are in force on this date: ask staff")]
            }
        }
        var list = texts.map { RenderWarning(level: .validity, text: $0, citation: nil) }
        if let first = list.indices.first { list[first].citation = cite(validity["citation"]) }
        return list
    }

    private func anyProvisional(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members):
            return members.contains { ($0.key == "provisional" && $0.value.boolValue == true) || ($0.key != "jurisdiction" && anyProvisional($0.value)) }
        case .array(let elements):
            return elements.contains(where: anyProvisional)
        default:
            return false
        }
    }

    // MARK: - Eligibility

    private func eligibility(_ rendered: inout RenderedAnswer) {
        let pathways = answer["pathways"]?.elements ?? []
        let met = pathways.filter { $0["result"]?.stringValue == "eligible" }
        let names = met.compactMap { $0["name"]?.stringValue }
        if names.isEmpty {
            let open = pathways.contains { ["unknown", "depends_on_local_rules"].contains($0["result"]?.stringValue ?? "") }
            rendered.headline = RenderLine(
                verdict: open ? .unknown : .no,
                title: open ? t("暂不能确定可通过哪条途径落户", "no pathway can be confirmed yet") : t("暂不符合本机收录的落户途径", "no encoded pathway is met yet"),
                verdictText: open ? t("请补充信息或向窗口咨询", "add the missing facts or ask at the counter") : t("见下方各途径还差什么", "see below what each pathway still needs"),
                citation: nil)
        } else {
            rendered.headline = RenderLine(
                verdict: .yes, title: t("可以落户：", "You may settle: ") + names.joined(separator: listSeparator),
                verdictText: t("符合 \(names.count) 条落户途径", names.count == 1 ? "1 pathway met" : "\(names.count) pathways met"),
                citation: met.count == 1 ? cite(met[0]["citation"]) : nil)
        }
        // Verdict order: met, then nearly met (unknown / open), then not met, then not applicable.
        func rank(_ pathway: JSONValue) -> Int {
            switch Verdict(token: pathway["result"]?.stringValue, context: .pathway) {
            case .yes: return 0
            case .unknown: return 1
            case .open: return 2
            case .no: return 3
            case .notApplicable: return 4
            }
        }
        let ordered = pathways.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        let lines = ordered.map(pathwayLine)
        rendered.sections.append(RenderSection(heading: t("落户途径", "Settlement pathways"), lines: lines))
        let notices = (answer["notices"]?.elements ?? []).compactMap { notice -> RenderLine? in
            guard let noticeText = text(notice["text"]) else { return nil }
            return RenderLine(verdict: nil, title: noticeText, verdictText: "", citation: cite(notice["citation"]))
        }
        defer { if !notices.isEmpty { rendered.sections.append(RenderSection(heading: t("须知", "Good to know"), lines: notices)) } }
        let groups = (answer["priority_groups"]?.elements ?? []).filter { $0["result"]?.stringValue != "not_member" }
        if !groups.isEmpty {
            rendered.sections.append(RenderSection(heading: t("重点群体", "Priority groups"), lines: groups.map { group in
                let result = group["result"]?.stringValue
                var line = RenderLine(verdict: Verdict(token: result, context: .group), title: group["name"]?.stringValue ?? t("重点群体", "priority group"),
                                      verdictText: say(Labels.verdict(result, in: .group)), citation: cite(group["citation"]))
                line.details += missing(group["missing_facts"])
                return line
            }))
        }
    }

    private func pathwayLine(_ pathway: JSONValue) -> RenderLine {
        let result = pathway["result"]?.stringValue
        let verdict = Verdict(token: result, context: .pathway)
        var line = RenderLine(verdict: verdict, title: pathway["name"]?.stringValue ?? t("落户途径", "pathway"),
                              verdictText: say(Labels.verdict(result, in: .pathway, openKind: openKind(pathway["decided_by"]))), citation: cite(pathway["citation"]))
        line.details = judgement(pathway, verdict: verdict)
        for group in pathway["matched"]?.elements ?? [] {
            if let label = text(group["label"]) { line.details.append(RenderDetail(.reason, t("符合的群体：", "group met: ") + label, citation: cite(group["citation"]))) }
        }
        if let ranking = pathway["ranking"], let rankingText = text(ranking["text"]) {
            line.details.append(RenderDetail(.note, rankingText, citation: cite(ranking["citation"])))
        }
        for step in pathway["address_order"]?.elements ?? [] {
            guard let label = step["label"]?.stringValue else { continue }
            let rank = step["rank"]?.intValue.map { "\($0). " } ?? ""
            line.details.append(RenderDetail(.note, t("落户地址顺序 ", "hukou address, in order: ") + rank + label, citation: cite(step["citation"])))
        }
        if verdict == .yes || verdict == .unknown || nearlyMet(pathway) {
            line.details += documents(pathway)
        }
        line.children = (pathway["followers"]?.elements ?? []).map { follower in
            let result = follower["result"]?.stringValue
            var title = say(Labels.relation(follower["relation"]?.stringValue, in: facts))
            if let rule = follower["rule"]?.stringValue { title += t("（\(rule)）", " (\(rule))") }
            var child = RenderLine(verdict: Verdict(token: result, context: .follower), title: title,
                                   verdictText: say(Labels.verdict(result, in: .follower)), citation: cite(follower["citation"]))
            if let reason = text(follower["reason"]) { child.details.append(RenderDetail(.reason, reason)) }
            child.details += missing(follower["missing_facts"])
            return child
        }
        return line
    }

    /// A pathway not met whose every shortfall closes with time.
    private func nearlyMet(_ node: JSONValue) -> Bool {
        let shortfalls = node["shortfalls"]?.elements ?? []
        return !shortfalls.isEmpty && shortfalls.allSatisfy { $0["closes_with_time"]?.boolValue == true }
    }

    /// Why, what is missing and how far, what is provisional, what is left open: the
    /// lines under any verdict.
    private func judgement(_ node: JSONValue, verdict: Verdict) -> [RenderDetail] {
        var details: [RenderDetail] = []
        let shortfalls = node["shortfalls"]?.elements ?? []
        let missingFacts = node["missing_facts"]?.elements ?? []
        switch verdict {
        case .open:
            // depends_on_local_rules: the document, what it leaves open, whom to ask; no verdict
            // (docs/answers.md: `decided_by` with `who`, `open`, `citation`).
            let decided = node["decided_by"]
            if let reason = text(node["reason"]) { details.append(RenderDetail(.reason, reason)) }
            for open in [decided?["open"], node["leaves_open"], node["open_question"]] {
                if let open = text(open) { details.append(RenderDetail(.openQuestion, say(Labels.openPrefix(openKind(decided))) + open, citation: cite(decided?["citation"]))) }
            }
            if node["result"]?.stringValue == "depends_on_local_rules" || decided != nil {
                let whom = text(decided?["who"]) ?? text(node["ask"]) ?? text(node["whom_to_ask"])
                details.append(RenderDetail(.openQuestion, t("请咨询：", "ask: ") + (whom ?? t("当地公安机关或政务服务中心", "the local public-security office or the service center"))))
            }
        case .no:
            if shortfalls.isEmpty, let reason = text(node["reason"]) { details.append(RenderDetail(.reason, reason)) }
        case .notApplicable:
            if let reason = text(node["reason"]) { details.append(RenderDetail(.reason, reason)) }
        case .unknown:
            if missingFacts.isEmpty, let reason = text(node["reason"]) { details.append(RenderDetail(.reason, reason)) }
        case .yes:
            if let reason = text(node["reason"]), node["result"]?.stringValue != "eligible" { details.append(RenderDetail(.reason, reason)) }
        }
        for shortfall in shortfalls { details.append(shortfallDetail(shortfall)) }
        details += missing(node["missing_facts"])
        if node["provisional"]?.boolValue == true {
            let labels = (node["provisional_parameters"]?.elements ?? []).compactMap { parameter -> String? in
                guard let label = parameter["label"]?.stringValue else { return nil }
                if let note = parameter["note"]?.stringValue, !Labels.isToken(note) { return label + t("（\(note)）", " (\(note))") }
                return label
            }
            let head = t("暂定：", "provisional: ")
            details.append(RenderDetail(.provisional, head + (labels.isEmpty ? t("取决于文件未明确的数值", "depends on values the documents leave open") : labels.joined(separator: t("；", "; ")))))
        }
        if let note = text(node["note"]) { details.append(RenderDetail(.note, note)) }
        return details
    }

    private func shortfallDetail(_ shortfall: JSONValue) -> RenderDetail {
        if let text = text(shortfall["text"]) { return RenderDetail(.shortfall, text, citation: cite(shortfall["citation"])) }
        let what = text(shortfall["condition"]) ?? shortfall["fact"]?.stringValue.map { say(Labels.fact($0, in: facts)) } ?? t("条件", "condition")
        var line = what
        if let amount = shortfall["amount"]?.intValue {
            line += t("还差 ", ": ") + say(Labels.amount(amount, unit: shortfall["unit"]?.stringValue)) + t("", " short")
        }
        if let date = shortfall["met_on"]?.stringValue { line += t("，如保持现状将于 \(date) 满足", "; met on \(date) if nothing changes") }
        return RenderDetail(.shortfall, line, citation: cite(shortfall["citation"]))
    }

    private func missing(_ fields: JSONValue?) -> [RenderDetail] {
        let names = (fields?.elements ?? []).compactMap(\.stringValue)
        guard !names.isEmpty else { return [] }
        var labels: [String] = []
        for name in names {
            let label = say(Labels.fact(name, in: facts))
            if !labels.contains(label) { labels.append(label) }
        }
        return [RenderDetail(.missing, t("请补充：", "please tell us: ") + labels.joined(separator: listSeparator))]
    }

    /// The documents to bring (pack data carried into the answer), or the word to ask staff
    /// for the list where the texts list none.
    private func documents(_ node: JSONValue) -> [RenderDetail] {
        guard let list = node["documents_to_bring"]?.elements, !list.isEmpty else {
            return [RenderDetail(.document, t("所需材料：文件未列明，请向窗口工作人员索取材料清单", "documents: the texts list none; ask staff for the list"))]
        }
        return list.compactMap { document in
            guard let name = text(document["name"]) ?? text(document["label"]) ?? text(document) else { return nil }
            return RenderDetail(.document, t("携带：", "bring: ") + name, citation: cite(document["citation"]))
        }
    }

    // MARK: - Points

    private func points(_ rendered: inout RenderedAnswer) {
        if let note = text(answer["note"]) { rendered.warnings.append(RenderWarning(level: .notice, text: note, citation: nil)) }
        if answer["points_allowed"]?.boolValue == false {
            rendered.headline = RenderLine(verdict: .notApplicable, title: text(answer["reason"]) ?? t("本地不实行积分落户", "no points settlement here"),
                                           verdictText: t("本地不实行积分落户", "no points settlement here"), citation: cite(answer["citation"]))
            return
        }
        let settlement = answer["purpose"]?.stringValue != "public_services"
        let total = Labels.number(answer["total"])
        let threshold = Labels.number(answer["threshold"])
        var title = t("积分 ", "Score ") + (total.map { say(Labels.points($0)) } ?? t("未能计算", "not computed"))
        if total != nil, answer["total_provisional"]?.boolValue == true { title += say(Labels.provisionalMark) }
        if answer["score_complete"]?.boolValue == false { title += t("（部分指标信息不足，未计入）", " (some indicators lack information and are not counted)") }
        var verdictText = settlement ? "" : t("用于享受基本公共服务，不是积分落户", "for public services, not for settlement")
        var verdict: Verdict? = nil
        if let threshold {
            // The threshold's own flag: another provisional value of the answer (the city
            // size class, an indicator's points) does not make a settled guidance score provisional.
            let provisional = answer["threshold_provisional"]?.boolValue ?? false
            let line = t("申报指导分值 \(threshold) 分", "guidance score \(threshold) points") + (provisional ? t("（暂定）", " (provisional)") : "")
            verdictText = line
            if let reaches = answer["reaches_threshold"]?.boolValue {
                verdict = reaches ? .yes : .no
                verdictText += reaches ? t("，已达到", ": reached") : t("，还差 \(Labels.number(answer["gap"]) ?? "0") 分", ": \(Labels.number(answer["gap"]) ?? "0") short")
            }
        }
        rendered.headline = RenderLine(verdict: verdict, title: title, verdictText: verdictText, citation: cite(answer["citation"]))
        if answer["score_status"]?.stringValue == "table_not_encoded" {
            rendered.headline = RenderLine(verdict: .open, title: text(answer["score_text"]) ?? t("该日期施行的积分指标表未收录，无法计分", "the points table in force on this date is not encoded: no score"),
                                           verdictText: t("请向窗口工作人员咨询", "ask staff"), citation: cite(answer["citation"]))
        }
        if let ranking = answer["ranking"], let rankingText = text(ranking["text"]) {
            rendered.headline.details.append(RenderDetail(.note, rankingText, citation: cite(ranking["citation"])))
        }
        rendered.headline.details += missing(answer["missing_facts"])

        var decision: [RenderLine] = []
        if let mayApply = answer["may_apply"]?.stringValue {
            let title = settlement ? t("申请积分落户", "apply for points settlement") : t("申请基本公共服务积分", "apply for public-service points")
            var line = RenderLine(verdict: Verdict(token: mayApply, context: .points), title: title,
                                  verdictText: say(Labels.verdict(mayApply, in: .points, openKind: openKind(answer["decided_by"]))), citation: nil)
            if line.verdict == .open, let decided = answer["decided_by"], let open = text(decided["open"]) {
                line.details = [RenderDetail(.openQuestion, say(Labels.openPrefix(openKind(decided))) + open, citation: cite(decided["citation"])),
                                RenderDetail(.openQuestion, t("请咨询：", "ask: ") + (text(decided["who"]) ?? ""))]
            }
            line.children = (answer["requirements"]?.elements ?? []).map { requirementLine($0, context: .requirement) }
                + (answer["vetoes"]?.elements ?? []).map { requirementLine($0, context: .veto) }
            decision.append(line)
        } else {
            decision = (answer["requirements"]?.elements ?? []).map { requirementLine($0, context: .requirement) }
                + (answer["vetoes"]?.elements ?? []).map { requirementLine($0, context: .veto) }
        }
        if let requirementsText = text(answer["requirements_text"]) {
            decision.append(RenderLine(verdict: .open, title: requirementsText, verdictText: "", citation: nil))
        }
        if let projection = answer["projection"], let text = text(projection["text"]) {
            let mark = projection["provisional"]?.boolValue == true ? say(Labels.provisionalMark) : ""
            decision.append(RenderLine(verdict: nil, title: text + mark, verdictText: "", citation: cite(projection["citation"])))
        }
        if !decision.isEmpty { rendered.sections.append(RenderSection(heading: t("申请条件", "Conditions to apply"), lines: decision)) }

        let breakdown = (answer["breakdown"]?.elements ?? []).map { item -> RenderLine in
            var line = RenderLine(verdict: nil, title: item["label"]?.stringValue ?? t("指标", "indicator"),
                                  verdictText: Labels.number(item["points"]).map { say(Labels.points($0)) } ?? t("未计分", "not scored"),
                                  citation: cite(item["citation"]))
            if item["cap_applied"]?.boolValue == true { line.verdictText += t("（已达上限）", " (capped)") }
            if item["provisional"]?.boolValue == true { line.verdictText += t("（暂定）", " (provisional)") }
            line.details += missing(item["missing_facts"])
            return line
        }
        let notScored = (answer["not_scored"]?.elements ?? []).compactMap { item -> RenderLine? in
            guard let label = text(item["label"]) else { return nil }
            return RenderLine(verdict: .open, title: label, verdictText: t("未计分（本机无法计算）", "not scored here"), citation: cite(item["citation"]))
        }
        if !breakdown.isEmpty || !notScored.isEmpty {
            rendered.sections.append(RenderSection(heading: t("分项积分", "Points by indicator"), lines: breakdown + notScored))
        }

        var parameterLabels: [String: String] = [:]
        for parameter in answer["provisional_parameters"]?.elements ?? [] {
            if let id = parameter["id"]?.stringValue, let label = parameter["label"]?.stringValue { parameterLabels[id] = label }
        }
        // A what-if line's new total rests on everything the total rests on (docs/answers.md:
        // "new_total is also provisional when total_provisional is"), not only on what the
        // change re-scored: the line is marked whenever either is provisional.
        let totalProvisional = answer["total_provisional"]?.boolValue == true
        let totalParameters = answer["total_provisional_parameters"]?.elements ?? []
        let whatIf = (answer["what_if"]?.elements ?? []).map { change -> RenderLine in
            let gained = Labels.number(change["points_gained"]) ?? "0"
            var verdictText = "+" + say(Labels.points(gained))
            let newTotal = Labels.number(change["new_total"])
            if let newTotal { verdictText += t("，合计 \(newTotal) 分", ", \(newTotal) in all") }
            var line = RenderLine(verdict: nil, title: changeText(change), verdictText: verdictText, citation: cite(change["citation"]))
            let lineProvisional = change["provisional"]?.boolValue == true
            if lineProvisional || (totalProvisional && newTotal != nil) {
                line.verdictText += say(Labels.provisionalMark)
                var ids: [String] = []
                for id in (lineProvisional ? change["provisional_parameters"]?.elements ?? [] : []) + (newTotal != nil ? totalParameters : []) {
                    if let id = id.stringValue, !ids.contains(id) { ids.append(id) }
                }
                let labels = ids.compactMap { parameterLabels[$0] }
                if !labels.isEmpty { line.details.append(RenderDetail(.provisional, t("暂定：", "provisional: ") + labels.joined(separator: t("；", "; ")))) }
            }
            return line
        }
        if !whatIf.isEmpty { rendered.sections.append(RenderSection(heading: t("怎样提高积分", "What would raise the score"), lines: whatIf)) }
        var parameters = judgementProvisional(answer)
        if !parameters.isEmpty {
            parameters = Array(parameters.prefix(40))
            rendered.sections.append(RenderSection(heading: t("暂定数值", "Provisional values"), lines: parameters))
        }
    }

    private func judgementProvisional(_ node: JSONValue) -> [RenderLine] {
        (node["provisional_parameters"]?.elements ?? []).compactMap { parameter in
            guard let label = parameter["label"]?.stringValue else { return nil }
            var line = RenderLine(verdict: .open, title: label, verdictText: t("暂定", "provisional"), citation: cite(parameter["source"]))
            if let note = text(parameter["note"]) { line.details.append(RenderDetail(.provisional, note)) }
            return line
        }
    }

    private func requirementLine(_ requirement: JSONValue, context: VerdictContext) -> RenderLine {
        let result = requirement["result"]?.stringValue
        let verdict = Verdict(token: result, context: context)
        var line = RenderLine(verdict: verdict, title: requirement["label"]?.stringValue ?? t("条件", "condition"),
                              verdictText: say(Labels.verdict(result, in: context)), citation: cite(requirement["citation"]))
        line.details = judgement(requirement, verdict: verdict)
        return line
    }

    /// A what-if change in words, from its fact and target value (never the raw value).
    private func changeText(_ change: JSONValue) -> String {
        let fact = change["fact"]?.stringValue
        // A fact the renderer's declarations do not know (a city's own, rendered without the
        // engine that answered): the engine's own words for the change (written with the
        // pack's labels) are the best there are.
        if let fact, facts.definition(fact) == nil, let own = text(change["change"]) { return own }
        let label = fact.map { say(Labels.fact($0, in: facts)) } ?? text(change["change"]) ?? t("条件变化", "a change")
        switch change["to"] {
        case .string(let value)?:
            if let valueLabel = Labels.value(value, of: fact, in: facts) { return label + t("达到", " reaches ") + say(valueLabel) }
            if !Labels.isToken(value) { return label + t("：", ": ") + value }
            return text(change["change"]) ?? label
        case .integer?:
            let amount = change["to"]?.intValue.map { say(Labels.amount($0, unit: Labels.unit(ofFact: fact, in: facts))) } ?? ""
            return label + t("达到 ", " reaches ") + amount
        case .bool(let flag)?:
            return label + t("：", ": ") + (flag ? t("是", "yes") : t("否", "no"))
        default:
            return text(change["change"]) ?? label
        }
    }

    // MARK: - Entitlements

    private func entitlements(_ rendered: inout RenderedAnswer) {
        let status = answer["status_assumed"]?.stringValue
        if status == nil {
            rendered.headline = RenderLine(verdict: .unknown, title: text(answer["reason"]) ?? t("无法判断身份", "the status cannot be determined"),
                                           verdictText: t("信息不足，暂无法判断", "more information needed"), citation: cite(answer["citation"]))
            rendered.headline.details += missing(answer["missing_facts"])
        } else {
            let label = text(answer["status_label"]) ?? say(Labels.status(status, in: facts))
            let source = answer["status_source"]?.stringValue == "derived" ? t("（按户籍和居住证情况推定）", " (from the hukou and residence-permit facts)") : ""
            let people = answer["people"]?.elements ?? []
            let items = people.flatMap { $0["items"]?.elements ?? [] }
            let yes = items.filter { Verdict(token: $0["result"]?.stringValue, context: .service) == .yes }.count
            rendered.headline = RenderLine(verdict: nil, title: t("按", "As ") + label + t("身份", "") + source,
                                           verdictText: t("可享受或可参加 \(yes) 项服务", "\(yes) services available"), citation: nil)
        }
        if let permit = answer["residence_permit"] {
            let result = permit["result"]?.stringValue
            let verdict = Verdict(token: result, context: .permit)
            var line = RenderLine(verdict: verdict, title: text(permit["label"]) ?? t("申领居住证", "residence permit"),
                                  verdictText: say(Labels.verdict(result, in: .permit)), citation: cite(permit["citation"]))
            line.details = judgement(permit, verdict: verdict)
            if verdict != .no || nearlyMet(permit) { line.details += documents(permit) }
            rendered.sections.append(RenderSection(heading: t("居住证", "Residence permit"), lines: [line]))
        }
        for person in answer["people"]?.elements ?? [] {
            var heading = person["member"]?.stringValue == "applicant" ? t("申请人", "Applicant") : say(Labels.relation(person["relation"]?.stringValue, in: facts))
            if let age = person["age"]?.intValue { heading += t("，\(age) 岁", ", age \(age)") }
            if let stage = Labels.ageStage(person["age_stage"]?.stringValue, in: facts), person["age_stage"]?.stringValue != "adult" { heading += t("（\(say(stage))）", " (\(say(stage)))") }
            let items = person["items"]?.elements ?? []
            func rank(_ item: JSONValue) -> Int {
                Verdict(token: item["result"]?.stringValue, context: .service) == .notApplicable ? 1 : 0
            }
            let ordered = items.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
            let lines = ordered.map { item -> RenderLine in
                let result = item["result"]?.stringValue
                let verdict = Verdict(token: result, context: .service)
                // A city rule that specializes national ones replaces them on the screen and cites both.
                let specialized = (item["specializes"]?.elements ?? []).compactMap { cite($0["citation"]) }
                let citation = ([cite(item["citation"])].compactMap { $0 } + specialized).joined(separator: "; ")
                var line = RenderLine(verdict: verdict, title: item["name"]?.stringValue ?? say(Labels.domain(item["domain"]?.stringValue) ?? LocalizedText(zh: "服务", en: "service")),
                                      verdictText: say(Labels.verdict(result, in: .service, openKind: openKind(item["decided_by"]))), citation: citation.isEmpty ? nil : citation)
                line.details = judgement(item, verdict: verdict)
                if item["requires_residence_permit"]?.boolValue == true {
                    line.details.append(RenderDetail(.note, t("须先取得居住证", "needs a residence permit first")))
                }
                return line
            }
            rendered.sections.append(RenderSection(heading: heading, lines: lines))
        }
    }

    // MARK: - Texts

    /// A text member: a string, or a {"zh","en"} pair; never a token.
    private func text(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if let string = value.stringValue { return string.isEmpty || Labels.isToken(string) ? nil : string }
        if case .object = value, let zh = value["zh"]?.stringValue, let en = value["en"]?.stringValue {
            return locale == .en ? en : zh
        }
        return nil
    }

    /// Every human text of an object of unknown shape (issue 11's blocks), in order.
    private func humanTexts(_ value: JSONValue) -> [String] {
        guard case .object(let members) = value else { return text(value).map { [$0] } ?? [] }
        let skip: Set<String> = ["id", "result", "fact", "citation", "kind", "status", "locale"]
        return members.compactMap { member in
            guard !skip.contains(member.key), let string = text(member.value) else { return nil }
            // Dates alone are not sentences; they are named by the texts.
            if CivilDate(iso: string) != nil { return nil }
            return string
        }
    }

    /// A citation as people read it; "secondary:" (a second-hand source) in words.
    private func cite(_ value: JSONValue?) -> String? {
        guard let citation = value?.stringValue, !citation.isEmpty else { return nil }
        return citation.replacing("secondary: ", with: t("二手资料：", "second-hand source: "))
    }
}

/// How a `decided_by` block of an answer says its rule is open (`kind`; absent: left to local rules).
private func openKind(_ decidedBy: JSONValue?) -> DecidedBy.Kind? {
    decidedBy?["kind"]?.stringValue.flatMap(DecidedBy.Kind.init(rawValue:))
}
