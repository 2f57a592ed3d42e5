// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import HukouRules

/// The example answers every rendering test draws: each request of examples/requests,
/// each question, both locales (and the golden answers of examples/answers, when present).
enum ExampleAnswers {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Example {
        let name: String
        let request: JSONValue
        let answer: JSONValue
        var locale: AnswerLocale { answer["locale"]?.stringValue == "en" ? .en : .zhCN }
    }

    static func requests() throws -> [(String, JSONValue)] {
        let folder = root.appendingPathComponent("examples/requests")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { file in
            (String(file.dropLast(5)), try JSONParser.parse(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)))
        }
    }

    static func with(_ request: JSONValue, locale: AnswerLocale) -> JSONValue {
        guard case .object(var members) = request else { return request }
        members.removeAll { $0.key == "locale" }
        members.append(JSONMember("locale", .string(locale.rawValue)))
        return .object(members)
    }

    static func all() throws -> [Example] {
        var examples: [Example] = []
        for (name, request) in try requests() {
            for locale in AnswerLocale.allCases {
                let localized = with(request, locale: locale)
                let parsed = try DecisionRequest.read(localized)
                for question in Question.allCases {
                    let answer: JSONValue
                    switch question {
                    case .eligibility: answer = try Fixture.engine.eligibility(parsed)
                    case .points: answer = try Fixture.engine.points(parsed)
                    case .entitlements: answer = try Fixture.engine.entitlements(parsed)
                    }
                    examples.append(Example(name: "\(name) \(question.rawValue) \(locale.rawValue)", request: localized, answer: answer))
                }
            }
        }
        // Golden answers (examples/answers/<request>/<question>.<locale>.json), when merged.
        let golden = root.appendingPathComponent("examples/answers")
        if let enumerator = FileManager.default.enumerator(atPath: golden.path) {
            for case let path as String in enumerator where path.hasSuffix(".json") {
                let text = try String(contentsOf: golden.appendingPathComponent(path), encoding: .utf8)
                examples.append(Example(name: "golden \(path)", request: .null, answer: try JSONParser.parse(text)))
            }
        }
        return examples
    }
}

/// The text a person sees: the rendering without HTML markup, without the machine part
/// of a decision receipt (pack ids, hex digests, the code for the QR code).
func visibleText(_ rendering: String, format: RenderFormat) -> String {
    switch format {
    case .html:
        var text = rendering
        if let start = text.range(of: "<style>"), let end = text.range(of: "</style>") { text.removeSubrange(start.lowerBound..<end.upperBound) }
        text = text.replacing(/<[^>]*>/, with: " ").replacing(/&[a-z]+;|&#[0-9]+;/, with: " ")
        return text
    case .receipt(let columns):
        let lines = rendering.split(separator: "\n", omittingEmptySubsequences: false)
        let markers = [ReceiptFormatter.machineMarker(columns: columns, english: false), ReceiptFormatter.machineMarker(columns: columns, english: true)]
        if let index = lines.firstIndex(where: { markers.contains(String($0)) }) { return lines[..<index].joined(separator: "\n") }
        return rendering
    case .text:
        return rendering
    }
}

let allFormats: [RenderFormat] = [.text, .html, .receipt(columns: 32), .receipt(columns: 48)]

@Suite("Rendering: every word a label (issue 16)")
struct RenderingLabelTests {
    @Test("Chinese renderings of every example answer carry no ASCII word, token or field path")
    func noTokensInChinese() throws {
        for example in try ExampleAnswers.all() where example.locale == .zhCN {
            for format in allFormats {
                let text = visibleText(Renderer.render(example.answer, format: format), format: format)
                let words = text.matches(of: /[A-Za-z][A-Za-z0-9_.\/]*/).map { String($0.output) }
                #expect(words.isEmpty, "\(example.name) \(format): ASCII in the Chinese text: \(Set(words).sorted())")
            }
        }
    }

    @Test("English renderings carry no token with _ and no dotted field path")
    func noTokensInEnglish() throws {
        for example in try ExampleAnswers.all() where example.locale == .en {
            for format in allFormats {
                let text = visibleText(Renderer.render(example.answer, format: format), format: format)
                let tokens = text.matches(of: /[a-z]+_[a-z_]+|[a-z]+\.[a-z_]+\.?[a-z_]*/).map { String($0.output) }
                    .filter { !["e.g", "i.e"].contains($0) }
                #expect(tokens.isEmpty, "\(example.name) \(format): tokens \(Set(tokens).sorted())")
            }
        }
    }

    @Test("Every value of every closed vocabulary and every fact has a zh-CN and an English label")
    func vocabularyLabels() {
        // Every enumeration of the common fact vocabulary (Policies/facts.json: value_labels).
        let vocabularies: [(String, [String])] = FactCatalogue.base.facts.compactMap { fact in
            if case .enumeration(let values, _) = fact.type { return (fact.name, values) }
            return nil
        }
        #expect(vocabularies.count >= 16)
        for (fact, values) in vocabularies {
            for value in values {
                let label = Labels.value(value, of: fact)
                #expect(label != nil, "no label for \(fact) = \(value)")
                #expect(label.map { $0.zh.contains(/[A-Za-z]/) } == false, "\(fact) = \(value): zh label has ASCII")
                #expect(label.map { $0.en != value || !value.contains("_") } == true, "\(fact) = \(value): en label is the token")
            }
        }
        for name in FactCatalogue.base.names {
            let label = Labels.fact(name)
            #expect(label.zh != name && !label.zh.isEmpty, "fact \(name) has no zh label")
            #expect(label.en != name || !name.contains("_") && !name.contains("."), "fact \(name) has no en label")
        }
        // A name no table knows gets a neutral word, never the name.
        #expect(Labels.fact("housing.no_such_field").zh == "其他信息")
        func values(_ fact: String) -> [String] {
            if case .enumeration(let values, _)? = FactCatalogue.base.definition(fact)?.type { return values }
            return []
        }
        for relation in values("relation") { #expect(Labels.relation(relation).zh.contains(/[A-Za-z]/) == false) }
        for status in values("status") { #expect(Labels.status(status).zh.contains(/[A-Za-z]/) == false) }
        for domain in EntitlementRule.domains { #expect(Labels.domain(domain) != nil, "no label for domain \(domain)") }
    }
}

@Suite("Rendering: what a clerk saw wrong (issue 16)")
struct RenderingRegressionTests {
    func request(_ name: String, locale: AnswerLocale = .zhCN) throws -> DecisionRequest {
        let found = try ExampleAnswers.requests().first { $0.0 == name }
        return try DecisionRequest.read(ExampleAnswers.with(try #require(found).1, locale: locale))
    }

    /// An example request with one text replaced (the example applicant moved or re-dated).
    func request(_ name: String, replacing old: String, with new: String) throws -> DecisionRequest {
        let found = try #require(try ExampleAnswers.requests().first { $0.0 == name })
        return try DecisionRequest.read(try JSONParser.parse(JSONWriter.string(found.1).replacingOccurrences(of: old, with: new)))
    }

    @Test("安政办〔2018〕19号 二（三）: family who may follow are named in words (配偶, 子女), not tokens")
    func followersInWords() throws {
        // In an established town, so that 二（三） is met and its followers are shown (issue 11:
        // family are shown under the pathway the applicant meets).
        let moved = try request("anyang", replacing: "\"urban_district\"", with: "\"established_town\"")
        let text = Renderer.render(try Fixture.engine.eligibility(moved), format: .text)
        #expect(text.contains("✔ 配偶（共同居住生活的配偶） — 可随迁 [安政办〔2018〕19号 二（三）]"))
        #expect(text.contains("✔ 子女（共同居住生活的子女） — 可随迁"))
        #expect(!text.contains("spouse") && !text.contains("child"))
    }

    @Test("Entitlements: family headings in words with age (配偶，29 岁; 子女，6 岁)")
    func peopleInWords() throws {
        let text = Renderer.render(try Fixture.engine.entitlements(try request("anyang")), format: .text)
        #expect(text.contains("\n配偶，29 岁："))
        // Enrolled in kindergarten at 6: the stage as enrolled (Vocabulary.stage), not by age.
        #expect(text.contains("\n子女，6 岁（学前）："))
        // 三（六）: the rent withdrawal asks in words for the facts it misses (a home owner cannot
        // withdraw for rent, so owning a home is asked too).
        #expect(text.contains("请补充：连续足额缴存住房公积金月数、在本市有自有住房、持有无房证明"))
    }

    @Test("Tianjin points: what-if values in words, missing facts in words, the note once, vetoes not as ✘")
    func tianjinPoints() throws {
        // Dated 2015: only the 2014 table is encoded, so only then is there a score (issue 11).
        let dated = try request("tianjin", replacing: "\"2026-11-25\"", with: "\"2015-06-01\"")
        let text = Renderer.render(try Fixture.engine.points(dated), format: .text)
        #expect(text.contains("奖项和荣誉称号达到省部级奖项或荣誉称号 — +20 分"))   // 津政发〔2013〕31号 附件 指标10
        #expect(text.contains("专业技术职称达到高级职称 — +10 分"))
        #expect(!text.contains("provincial") && !text.contains("housing_fund"))
        #expect(text.components(separatedBy: "编入的分值表是2014年表").count == 2, "the points note is printed once")
        // 指标12: a disqualification that does not apply is not a failure.
        #expect(text.contains("✔ 积分期间因犯罪获刑（取消积分落户资格） — 无此情形"))
        #expect(!text.contains("✘ 积分期间因犯罪获刑"))
    }

    @Test("Left to local rules vs decided but not encoded: 天津 （七） is 文件未定; the 津政发〔2015〕39号 table (2026) and the 2015 conditions to apply are 本系统未编入")
    func openKinds() throws {
        let eligibility = Renderer.render(try Fixture.engine.eligibility(try request("tianjin", replacing: "\"2026-11-25\"", with: "\"2026-11-25\"")), format: .text)
        #expect(eligibility.contains("人才引进落户（普通高校毕业生、职业院校毕业生、技术工人） — 由当地规定，文件未定"))
        #expect(eligibility.contains("居住证积分落户 — 文件有规定，本系统未编入"))
        #expect(eligibility.contains("? 本系统未编入：该日期施行的积分分值表和申报指导分值"))
        #expect(!eligibility.contains("? 文件未定：该日期施行的积分分值表"))
        let points2015 = try request("tianjin", replacing: "\"2026-11-25\"", with: "\"2015-06-01\"")
        let points = Renderer.render(try Fixture.engine.points(points2015), format: .text)
        #expect(points.contains("◇ 申请积分落户 — 文件有规定，本系统未编入"))
        #expect(points.contains("? 本系统未编入：2015-06-01 施行的积分落户申请条件"))
        #expect(points.contains("? 请咨询：积分受理窗口（人力社保部门）"))
        var inEnglish = points2015
        inEnglish.locale = .en
        let english = Renderer.render(try Fixture.engine.points(inEnglish), format: .text)
        #expect(english.contains("decided by the documents, not encoded here"))
    }

    @Test("温政发〔2016〕26号 四（三）: the provisional total and what-if lines are marked 暂定 / provisional on the line, in both locales")
    func provisionalOnTheLinesItShapes() throws {
        for (locale, mark, score, named) in [("zh-CN", "（暂定）", "积分 25 分（暂定）", "暂定：积分：大专学历；积分：本科学历"),
                                             ("en", " (provisional)", "Score 25 points (provisional)", "provisional: points: junior college; points: bachelor")] {
            let request = try Fixture.request(#"""
            {"jurisdiction":"wenzhou","as_of":"2026-11-25","locale":"\#(locale)","applicant":{
             "education":{"level":"junior_college"},"skill":{"level":"junior_worker"},
             "social_insurance":{"months":28,"paying":true},"residence":{"since":"2023-06-01"}}}
            """#)
            let text = Renderer.render(try Fixture.engine.points(request), format: .text)
            #expect(text.contains(score), "\(locale)")
            // Junior college → bachelor: +5 on placeholders, 30 in all.
            let line = try #require(text.split(separator: "\n").first { $0.contains("+5") }.map(String.init), "\(locale)")
            #expect(line.contains(mark), "\(line)")
            #expect(text.contains(named), "\(locale)")
        }
    }

    @Test("津政发〔2013〕31号 附件: a what-if line's new total rests on the provisional insurance points of the total (pts_insurance_per_year), so it is marked even when the change itself (指标10 award) is certain")
    func whatIfNewTotalIsProvisionalWhenTheTotalIs() throws {
        for (locale, gained, mark) in [(AnswerLocale.zhCN, "+20 分", "（暂定）"), (.en, "+20 points", " (provisional)")] {
            let request = try request("tianjin-2015-points", locale: locale)
            let answer = try Fixture.engine.points(request)
            #expect(answer["total_provisional"]?.boolValue == true)
            let text = Renderer.render(answer, format: .text)
            // The award line: 146 + 20 = 166, of which the insurance points are provisional.
            let line = try #require(text.split(separator: "\n").first { $0.contains(gained) }.map(String.init), "\(locale)")
            #expect(line.contains("166"), "\(line)")
            #expect(line.contains(mark), "\(line)")
        }
    }

    @Test("Entitlements with an unknown status: the reason and what to tell the kiosk, not only a header")
    func unknownStatus() throws {
        let request = try Fixture.request(#"{"jurisdiction": "anyang", "as_of": "2026-11-25", "locale": "zh-CN", "applicant": {"birth_date": "1990-01-01"}}"#)
        let text = Renderer.render(try Fixture.engine.entitlements(request), format: .text)
        #expect(text.contains("？ 无法判断身份"))
        #expect(text.contains("请补充：身份、本地户籍、持有居住证"))
    }

    @Test("居住证暂行条例 第九条: the documents for a residence permit, each with its clause")
    func permitDocuments() throws {
        let request = try Fixture.request(#"{"jurisdiction": "anyang", "as_of": "2026-11-25", "locale": "zh-CN", "applicant": {"birth_date": "1990-01-01", "status": "none", "residence": {"since": "2026-01-01"}, "housing": {"type": "rental", "since": "2026-01-01"}}}"#)
        let text = Renderer.render(try Fixture.engine.entitlements(request), format: .text)
        #expect(text.contains("□ 携带：居住地住址证明（房屋租赁合同、房屋产权证明文件、购房合同"))
        #expect(text.contains("[居住证暂行条例 第九条]"))
    }

    @Test("福建 （四）: the documents the clause lists for the pathway met; a pathway whose texts list none says to ask staff")
    func pathwayDocuments() throws {
        let text = Renderer.render(try Fixture.engine.eligibility(try request("fujian-quanzhou")), format: .text)
        #expect(text.contains("□ 携带：取得就业地认证的初级工以上《岗位技能资质等级证书》 [福建省落户实施方案（2017-01-04） （四）]"))
        #expect(text.contains("□ 携带：中国留学服务中心的认证"))
        #expect(text.contains("□ 所需材料：文件未列明，请向窗口工作人员索取材料清单"))
    }
}

@Suite("Rendering: the verdicts of issue 11 and the formats")
struct RenderingFormatTests {
    /// An answer in the vocabulary of issue 11 as docs/answers.md (truth branch) writes it:
    /// a validity block, a pathway left to local rules (`decided_by`), a rule that does not
    /// concern the person, a notice, a city rule that specializes a national one.
    static let newVocabulary = #"""
    {"kind": "eligibility", "locale": "zh-CN", "as_of": "2026-11-25",
     "jurisdiction": {"id": "tianjin", "name": "天津市", "document": "津政发〔2015〕39号", "pack_version": "2017.1"},
     "validity": {"status": "expired", "ended_on": "2020-12-31",
                  "documents": [{"id": "measures", "number": "津政发〔2015〕39号", "effective_from": "2016-01-01", "effective_until": "2020-12-31", "in_force": false}],
                  "text": "注意：本系统编入的天津市规定已于 2020-12-31 到期，请向工作人员核实现行规定。"},
     "eligible_pathways": [],
     "pathways": [
       {"id": "family_reunion", "name": "夫妻投靠、亲属投靠落户", "citation": "天津市推动非户籍人口在城市落户工作方案 （八）",
        "result": "depends_on_local_rules",
        "decided_by": {"who": "当地公安机关户籍窗口", "open": "婚龄、年龄、亲属范围", "citation": "天津市推动非户籍人口在城市落户工作方案 （八）"}},
       {"id": "intra_city", "name": "本市户籍人口市内迁移", "citation": "天津市推动非户籍人口在城市落户工作方案 （五）", "result": "not_applicable",
        "reason": "不适用：没有本市户籍"}
     ],
     "notices": [{"id": "three_rights", "text": "落户不以退出“三权”为条件", "citation": "国办发〔2016〕72号 任务20"}]}
    """#

    @Test("Validity first; depends_on_local_rules names what is open and whom to ask, with no verdict; not_applicable never ✘")
    func newVerdicts() throws {
        let answer = try JSONParser.parse(Self.newVocabulary)
        let text = Renderer.render(answer, format: .text)
        #expect(text.hasPrefix("!! 有效期：注意：本系统编入的天津市规定已于 2020-12-31 到期"))
        #expect(text.contains("◇ 夫妻投靠、亲属投靠落户 — 由当地规定，文件未定 [天津市推动非户籍人口在城市落户工作方案 （八）]"))
        #expect(text.contains("? 文件未定：婚龄、年龄、亲属范围 [天津市推动非户籍人口在城市落户工作方案 （八）]"))
        #expect(text.contains("? 请咨询：当地公安机关户籍窗口"))
        #expect(text.contains("－ 本市户籍人口市内迁移 — 不涉及"))
        #expect(text.contains("不适用：没有本市户籍"))
        #expect(text.contains("· 落户不以退出“三权”为条件 [国办发〔2016〕72号 任务20]"))
        #expect(!text.contains("✘") && !text.contains("✔"))
        // No number, no date, no shortfall under a pathway left to local rules.
        #expect(!text.contains("→"))
        let html = Renderer.render(answer, format: .html)
        let validity = try #require(html.range(of: "class=\"warn validity\""))
        let headline = try #require(html.range(of: "class=\"headline"))
        #expect(validity.lowerBound < headline.lowerBound)
        let receipt = Renderer.render(answer, format: .receipt(columns: 32))
        #expect(receipt.contains("!!有效期："))
        #expect(receipt.contains("[~] 夫妻投靠、亲属投靠落户"))
        #expect(receipt.contains("[/] 本市户籍人口市内迁移"))
        // In force: no warning at all.
        let inForce = try JSONParser.parse(#"{"kind": "points", "locale": "en", "validity": {"status": "in_force", "documents": []}, "points_allowed": true}"#)
        #expect(Renderer.render(inForce, format: .text).hasPrefix("Residence-permit points"))
    }

    @Test("A city rule that specializes a national one is one line citing both")
    func specializes() throws {
        let answer = try JSONParser.parse(#"{"kind": "entitlements", "locale": "zh-CN", "status_assumed": "residence_permit", "people": [{"member": "applicant", "age": 30, "items": [{"id": "anyang.fund", "name": "缴存住房公积金", "result": "entitled", "citation": "安政办〔2018〕19号 三（六）", "specializes": [{"id": "national.fund", "citation": "居住证暂行条例 第十二条"}]}]}]}"#)
        #expect(Renderer.render(answer, format: .text).contains("✔ 缴存住房公积金 — 可享受 [安政办〔2018〕19号 三（六）; 居住证暂行条例 第十二条]"))
    }

    @Test("A validity block with only dates still says the rules ended and to ask staff")
    func validityWithDatesOnly() throws {
        let answer = try JSONParser.parse(#"{"kind": "points", "locale": "en", "validity": {"in_force": false, "last_effective_until": "2020-12-31"}, "points_allowed": true}"#)
        #expect(Renderer.render(answer, format: .text).hasPrefix("!! VALIDITY: the encoded rules ended on 2020-12-31; the rules in force now are not encoded: ask staff"))
    }

    @Test("HTML: self-contained (no script, no external asset), escaped, lang and viewport for 1080 wide")
    func htmlIsSelfContainedAndEscaped() throws {
        let hostile = #"{"kind": "eligibility", "locale": "en", "pathways": [{"id": "x", "name": "<script>alert(1)</script> & \"q\" 'a'", "citation": "<img src=x>", "result": "eligible"}]}"#
        let html = Renderer.render(try JSONParser.parse(hostile), format: .html)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;"))
        #expect(html.contains("<html lang=\"en\">"))
        for example in try ExampleAnswers.all() {
            let page = Renderer.render(example.answer, format: .html)
            for forbidden in ["<script", "src=", "href=", "url(", "@import", "http:", "https:", "<link", "<iframe", "<object"] {
                #expect(!page.contains(forbidden), "\(example.name): \(forbidden)")
            }
            #expect(page.contains(example.locale == .en ? "<html lang=\"en\">" : "<html lang=\"zh-CN\">"))
            #expect(page.contains("content=\"width=1080"))
        }
    }

    @Test("HTML and text show every verdict line and citation of the answer")
    func everyLineShown() throws {
        for example in try ExampleAnswers.all() {
            let html = Renderer.render(example.answer, format: .html)
            let text = Renderer.render(example.answer, format: .text)
            var expected: [String] = []
            for pathway in example.answer["pathways"]?.elements ?? [] {
                expected += [pathway["name"]?.stringValue, pathway["citation"]?.stringValue].compactMap { $0 }
            }
            for person in example.answer["people"]?.elements ?? [] {
                for item in person["items"]?.elements ?? [] { expected += [item["name"]?.stringValue, item["citation"]?.stringValue].compactMap { $0 } }
            }
            for requirement in (example.answer["requirements"]?.elements ?? []) + (example.answer["vetoes"]?.elements ?? []) {
                expected += [requirement["label"]?.stringValue, requirement["citation"]?.stringValue].compactMap { $0 }
            }
            for line in expected {
                #expect(html.contains(HTML.escape(line)), "\(example.name): HTML lacks \(line)")
                #expect(text.contains(line), "\(example.name): text lacks \(line)")
            }
        }
    }

    @Test("Receipts fit 32 and 48 columns (non-ASCII two columns) for every example answer")
    func receiptsFit() throws {
        for example in try ExampleAnswers.all() {
            for columns in RenderFormat.receiptWidths {
                let receipt = Renderer.render(example.answer, format: .receipt(columns: columns))
                for line in receipt.split(separator: "\n") {
                    #expect(TextWidth.columns(String(line)) <= columns, "\(example.name) \(columns): \(line)")
                }
            }
        }
    }

    @Test("Answers that are not answers are refused with the field named")
    func refusals() throws {
        func status(_ text: String) -> (HukouStatus, String)? {
            let bytes = Array(text.utf8)
            do {
                _ = try bytes.withUnsafeBufferPointer { buffer throws(HukouError) in try Renderer.render(answerBytes: buffer, format: .text, limits: .header) }
                return nil
            } catch {
                return (error.status, error.path)
            }
        }
        #expect(status("[1]")?.0 == .invalid)
        #expect(status(#"{"kind": "weather"}"#).map { $0.0 == .invalid && $0.1 == "kind" } == true)
        #expect(status(#"{"kind": "points", "locale": "fr"}"#).map { $0.0 == .invalid && $0.1 == "locale" } == true)
        #expect(status("{").map { $0.0 == .parse } == true)
        #expect(status(#"{"kind": "points", "locale": "en"}"#) == nil)
    }
}

@Suite("Text width on a GB18030 thermal printer")
struct TextWidthTests {
    @Test func columns() {
        #expect(TextWidth.columns("安阳市") == 6)
        #expect(TextWidth.columns("abc 12") == 6)
        #expect(TextWidth.columns("（一）") == 6)
        #expect(TextWidth.columns("[+] 配偶") == 8)
    }

    @Test("Lines are at most the width, never start with closing punctuation, and lose no character")
    func wrapping() {
        let text = "城镇社会保险缴纳月数还差 4 个月，如保持现状将于 2027-03-25 满足（安政办〔2018〕19号 二（二））。"
        for width in [10, 16, 32] {
            let lines = TextWidth.wrap(text, width: width)
            #expect(lines.allSatisfy { TextWidth.columns($0) <= width })
            #expect(lines.allSatisfy { !($0.first.map { TextWidth.noLineStart.contains($0) } ?? false) })
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
        #expect(TextWidth.wrap("an extraordinarilylongword here", width: 10).allSatisfy { TextWidth.columns($0) <= 10 })
        #expect(TextWidth.wrap("one two three", first: 7, rest: 5) == ["one two", "three"])
    }
}

/// Numbers as a person reads them (Labels.number), from any answer hukou_render is given.
@Suite struct LabelsNumberTests {
    @Test func decimalsAsWrittenAndHugeNumbersRefusedWithoutTrapping() {
        #expect(Labels.number(.integer(110)) == "110")
        #expect(Labels.number(.double(41.5)) == "41.5")
        #expect(Labels.number(.double(90.75)) == "90.75")
        #expect(Labels.number(.double(-0.25)) == "-0.25")
        #expect(Labels.number(.double(2.0)) == "2")
        // 9.5 × 10¹⁴ scaled to ten-thousandths is beyond Int64: no score, and no trap.
        #expect(Labels.number(.double(9.5e14)) == nil)
        #expect(Labels.number(.string("12")) == nil)
    }
}
