// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// The answer parts every call shares (header, validity, condition trees, shortfalls,
/// decided_by, documents to bring), written by ``AnswerWriter`` and read back: each asserts
/// the values the packs and their documents give.
@Suite struct SharedAnswerPartsTests {
    private func text(_ write: (inout AnswerWriter) -> Void) -> String {
        var writer = AnswerWriter()
        write(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func json(_ write: (inout AnswerWriter) -> Void) throws -> JSONValue {
        try JSONParser.parse(text(write))
    }

    /// An object holding what `write` writes as members.
    private func members(_ write: (inout AnswerWriter) -> Void) throws -> JSONValue {
        try json { writer in
            writer.beginObject()
            write(&writer)
            writer.endObject()
        }
    }

    private func request(_ jurisdiction: String, _ asOf: String, locale: String = "zh-CN", city: String? = nil) throws -> DecisionRequest {
        let cityMember = city.map { #", "city": "\#($0)""# } ?? ""
        return try Fixture.request(#"{"jurisdiction": "\#(jurisdiction)", "as_of": "\#(asOf)", "locale": "\#(locale)"\#(cityMember), "applicant": {}}"#)
    }

    /// Anyang, as of 2026-11-25: an employee with a labour contract (legal stable
    /// employment met), no housing given, 8 months of social insurance still being paid.
    private static let anyang = """
    {"jurisdiction": "anyang", "as_of": "2026-11-25", "locale": "LOCALE",
     "applicant": {"birth_date": "1996-04-12", "status": "residence_permit",
       "hukou": {"local": false, "former_type": "rural"},
       "residence_permit": {"held": true, "issued": "2026-03-20"},
       "residence": {"since": "2025-09-01", "district": "文峰区", "area_type": "urban_district"},
       "employment": {"type": "employee", "since": "2026-03-01", "labor_contract": true, "in_city": true},
       "social_insurance": {"months": 8, "paying": true, "continuous": true}}}
    """

    /// 安政办〔2018〕19号 二（二）: ordinary workers need legal stable employment, a legal
    /// stable residence and urban social insurance up to the 1-year (12-month) cap. With 8
    /// months paid the insurance leaf is 4 months short, met on 2027-03-25 if paying goes on;
    /// the residence leaf is unknown (housing.type not given); the pathway is unmet.
    @Test(arguments: ["zh-CN", "en"])
    func anyangOrdinaryWorkersTreeShortfallAndMissingFacts(locale: String) throws {
        let zh = locale == "zh-CN"
        let request = try Fixture.request(Self.anyang.replacingOccurrences(of: "LOCALE", with: locale))
        let pack = try Fixture.engine.registry.pack("anyang", on: request.asOf)
        let report = ConditionReport(locale: request.locale, parameters: pack.parameters)
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: request.applicant,
                                        districts: pack.districts, family: request.family)
        let pathway = try #require(pack.pathways.first { $0.id == "urban_ordinary_workers" })
        let judged = ConditionEvaluator.evaluate(pathway.condition, context)

        let tree = try json { report.tree(judged, into: &$0) }
        #expect(tree["result"]?.stringValue == "unmet")
        #expect(tree["kind"]?.stringValue == "all")
        #expect(tree["label"]?.stringValue == (zh ? "同时满足以下条件" : "all of the following"))
        let children = tree["children"]?.arrayValue ?? []
        #expect(children.count == 3)
        #expect(children.first?["result"]?.stringValue == "met")
        #expect(children.first?["citation"]?.stringValue == "居住证暂行条例 第十六条")
        let residence = try #require(children.count == 3 ? children[1] : nil)
        #expect(residence["result"]?.stringValue == "unknown")
        #expect(residence["fact"]?.stringValue == "housing.type")
        #expect(residence["actual"] == .null)
        #expect(residence["ask_for"]?.stringValue == "housing.type")
        let insurance = try #require(children.last)
        #expect(insurance["result"]?.stringValue == "unmet")
        #expect(insurance["citation"]?.stringValue == "安政办〔2018〕19号 二（二）")
        #expect(insurance["fact"]?.stringValue == "social_insurance.months")
        #expect(insurance["op"]?.stringValue == ">=")
        #expect(insurance["expected"]?.intValue == 12)
        #expect(insurance["actual"]?.intValue == 8)
        #expect(insurance["shortfall"]?["amount"]?.intValue == 4)
        #expect(insurance["shortfall"]?["unit"]?.stringValue == "months")
        #expect(insurance["shortfall"]?["closes_with_time"]?.boolValue == true)
        #expect(insurance["shortfall"]?["met_on"]?.stringValue == "2027-03-25")
        // urban_social_insurance_months is not provisional (a cap the document states).
        #expect(insurance["provisional"] == nil)

        let shortfalls = try json { report.shortfallList(judged, into: &$0) }.arrayValue
        #expect(shortfalls.count == 1)
        let entry = try #require(shortfalls.first)
        let label = zh ? "城镇社会保险缴纳月数达到文件规定的上限1年（要求不得超过1年）"
                       : "months of urban social insurance reach the document's cap of 1 year (the requirement may not exceed 1 year)"
        #expect(entry["condition"]?.stringValue == label)
        #expect(entry["fact"]?.stringValue == "social_insurance.months")
        #expect(entry["citation"]?.stringValue == "安政办〔2018〕19号 二（二）")
        #expect(entry["amount"]?.intValue == 4)
        #expect(entry["met_on"]?.stringValue == "2027-03-25")
        #expect(entry["text"]?.stringValue == (zh ? label + "还差 4 个月，如保持现状将于 2027-03-25 满足"
                                                   : label + ": 4 more months needed; met on 2027-03-25 if this simply continues"))

        // An unmet pathway asks for nothing (no fact could make it met); its unknown
        // residence leaf alone would ask for the kind of housing.
        #expect(text { report.missing(judged.missingFacts, into: &$0) } == "[]")
        #expect(judged.children.count == 3)
        if judged.children.count == 3 {
            #expect(text { report.missing(judged.children[1].missingFacts, into: &$0) } == #"["housing.type"]"#)
        }
    }

    /// Each provisional-parameter entry names the parameter's label, source and note in the
    /// locale; an id the pack does not declare is written with its id only.
    @Test func provisionalParametersNameLabelSourceAndNote() throws {
        let request = try request("anyang", "2026-11-25")
        let pack = try Fixture.engine.registry.pack("anyang", on: request.asOf)
        let report = ConditionReport(locale: request.locale, parameters: pack.parameters)
        let list = try json { report.provisional(["urban_social_insurance_months", "undeclared"], into: &$0) }.arrayValue
        #expect(list.count == 2)
        #expect(list.first?["id"]?.stringValue == "urban_social_insurance_months")
        #expect(list.first?["label"]?.stringValue == "城镇落户社会保险年限要求的上限")
        #expect(list.first?["source"]?.stringValue == "安政办〔2018〕19号 二（二）")
        #expect(list.first?["note"]?.stringValue?.hasPrefix("文件规定“参加城镇社会保险的年限要求不得超过1年”") == true)
        #expect(list.last == .object([JSONMember("id", .string("undeclared"))]))
    }

    /// Tianjin in 2026: every text the eligibility rules rest on — the 2017 plan (its targets
    /// run to 2020, （三）（十）) and 津政发〔2015〕39号 (第四十八条: repealed 2020-12-31) —
    /// has ended, so the validity block says expired on 2020-12-31 and the rules as they
    /// stood that day answer; the 2014 points table (ended 2015-12-31) does not.
    @Test func tianjin2026IsExpiredSince20201231() throws {
        let request = try request("tianjin", "2026-11-25")
        let pack = try Fixture.engine.registry.pack("tianjin", on: request.asOf)
        let validity = Validity(pack: pack, asOf: request.asOf, ruleDocuments: pack.pathways.map(\.documentIDs))
        #expect(validity.status == .expired)
        #expect(validity.selects(["plan"]))
        #expect(validity.selects(["measures"]))
        #expect(!validity.selects(["table2014"]))
        let block = try json { validity.write(request.locale, into: &$0) }
        #expect(block["status"]?.stringValue == "expired")
        #expect(block["ended_on"]?.stringValue == "2020-12-31")
        #expect(block["starts_on"] == nil)
        let documents = block["documents"]?.arrayValue ?? []
        #expect(documents.compactMap { $0["id"]?.stringValue } == ["plan", "measures"])
        let measures = try #require(block["documents"]?.element(id: "measures"))
        #expect(measures["number"]?.stringValue == "津政发〔2015〕39号")
        #expect(measures["effective_from"]?.stringValue == "2016-01-01")
        #expect(measures["effective_until"]?.stringValue == "2020-12-31")
        #expect(measures["in_force"]?.boolValue == false)
        #expect(measures["until_note"]?.stringValue == "第四十八条：自2016年1月1日起施行，2020年12月31日废止")
        #expect(block["documents"]?.element(id: "plan")?["effective_from"]?.stringValue == "2017-03-02")
        #expect(block["text"]?.stringValue
                == "注意：本系统编入的天津市规定已于 2020-12-31 到期，2026-11-25 施行的规定未编入本系统。以下按到期前的规定作答，仅供参考，请向工作人员核实现行规定。")
    }

    /// Tianjin on 2018-06-01, inside both texts' windows: in force, no end date; on
    /// 2015-06-01, before 津政发〔2015〕39号 takes effect (2016-01-01) and before the plan
    /// (2017-03-02): not yet in force, starting on the earlier of the two.
    @Test func tianjinInForceIn2018AndNotYetIn2015() throws {
        let inForceRequest = try request("tianjin", "2018-06-01", locale: "en")
        let pack = try Fixture.engine.registry.pack("tianjin", on: inForceRequest.asOf)
        let inForce = Validity(pack: pack, asOf: inForceRequest.asOf, ruleDocuments: pack.pathways.map(\.documentIDs))
        let block = try json { inForce.write(inForceRequest.locale, into: &$0) }
        #expect(block["status"]?.stringValue == "in_force")
        #expect(block["ended_on"] == nil)
        #expect(block["documents"]?.arrayValue.allSatisfy { $0["in_force"]?.boolValue == true } == true)
        #expect(block["text"]?.stringValue == "Answered from the Tianjin rules in force on 2018-06-01.")

        let earlyRequest = try request("tianjin", "2015-06-01")
        let earlyPack = try Fixture.engine.registry.pack("tianjin", on: earlyRequest.asOf)
        let early = Validity(pack: earlyPack, asOf: earlyRequest.asOf, ruleDocuments: earlyPack.pathways.map(\.documentIDs))
        let earlyBlock = try json { early.write(earlyRequest.locale, into: &$0) }
        #expect(earlyBlock["status"]?.stringValue == "not_yet_in_force")
        #expect(earlyBlock["starts_on"]?.stringValue == "2016-01-01")
    }

    /// The header names the pack's own document (the 2017 Tianjin plan has no document
    /// number: the pack cites it by its issue date), its version and start, and the
    /// provisional super-large class (not stated in the seed).
    @Test func tianjinHeaderNamesThePlanAndTheProvisionalSizeClass() throws {
        let request = try request("tianjin", "2026-11-25")
        let pack = try Fixture.engine.registry.pack("tianjin", on: request.asOf)
        let header = try members { AnswerHeader.write(kind: "eligibility", pack: pack, request: request, into: &$0) }
        #expect(header["kind"]?.stringValue == "eligibility")
        #expect(header["as_of"]?.stringValue == "2026-11-25")
        #expect(header["locale"]?.stringValue == "zh-CN")
        let jurisdiction = try #require(header["jurisdiction"])
        #expect(jurisdiction["id"]?.stringValue == "tianjin")
        #expect(jurisdiction["name"]?.stringValue == "天津市")
        #expect(jurisdiction["city"] == nil)
        #expect(jurisdiction["pack_version"]?.stringValue == "2017.1")
        #expect(jurisdiction["document"]?.stringValue == "天津市推动非户籍人口在城市落户工作方案（市政府办公厅2017年3月2日印发）")
        #expect(jurisdiction["document_title"]?.stringValue == "天津市推动非户籍人口在城市落户工作方案")
        #expect(jurisdiction["effective_from"]?.stringValue == "2014-01-01")
        #expect(jurisdiction["city_size_class"]?["class"]?.stringValue == "super_large")
        #expect(jurisdiction["city_size_class"]?["label"]?.stringValue == "超大城市")
        #expect(jurisdiction["city_size_class"]?["provisional"]?.boolValue == true)
        // Member order is part of the answer's bytes.
        #expect(text { writer in
            writer.beginObject()
            AnswerHeader.write(kind: "eligibility", pack: pack, request: request, into: &writer)
            writer.endObject()
        }.hasPrefix(#"{"kind":"eligibility","jurisdiction":{"id":"tianjin","name":"天津市","pack_version":"2017.1","#))
    }

    /// 福建省落户实施方案 （五）: Fuzhou, Xiamen and Pingtan issue their own rules. Asked for
    /// 福州 (an alias), the answer says so with （五）; asked without a city, it notes that
    /// the province-wide rules answer and names the three.
    @Test func fujianOwnRulesCityAndCityNote() throws {
        let fuzhou = try request("fujian", "2026-11-25", city: "福州")
        let pack = try Fixture.engine.registry.pack("fujian", on: fuzhou.asOf)
        let city = try #require(AnswerHeader.ownRulesCity(pack, fuzhou))
        #expect(city.name == "福州市")
        let own = try members { AnswerHeader.ownRules(city, locale: fuzhou.locale, into: &$0) }
        #expect(own["own_rules"]?["city"]?.stringValue == "福州市")
        #expect(own["own_rules"]?["result"]?.stringValue == "own_rules_not_encoded")
        #expect(own["own_rules"]?["citation"]?.stringValue == "福建省落户实施方案（2017-01-04） （五）")
        #expect(own["own_rules"]?["reason"]?.stringValue?.hasPrefix("福州市按（五）制订出台本市具体户口迁移政策") == true)
        // A city is named: no note.
        #expect(text { AnswerHeader.writeCityNote(pack, fuzhou, into: &$0) } == "")

        let quanzhou = try request("fujian", "2026-11-25", city: "泉州市")
        #expect(AnswerHeader.ownRulesCity(pack, quanzhou) == nil)

        let none = try request("fujian", "2026-11-25")
        #expect(AnswerHeader.ownRulesCity(pack, none) == nil)
        let note = try members { AnswerHeader.writeCityNote(pack, none, into: &$0) }
        #expect(note["note"]?.stringValue == "未填写城市（city）：以下按全省规则作答；福州市、厦门市、平潭综合实验区适用各自的具体规定。")
        let noneEn = try request("fujian", "2026-11-25", locale: "en")
        let noteEn = try members { AnswerHeader.writeCityNote(pack, noneEn, into: &$0) }
        #expect(noteEn["note"]?.stringValue == "No city given (city): answered by the province-wide rules; 福州市、厦门市、平潭综合实验区 apply their own rules.")
        // A pack with no own-rules cities writes no note.
        let anyang = try request("anyang", "2026-11-25")
        let anyangPack = try Fixture.engine.registry.pack("anyang", on: anyang.asOf)
        #expect(text { AnswerHeader.writeCityNote(anyangPack, anyang, into: &$0) } == "")
    }

    /// 天津市推动非户籍人口在城市落户工作方案 （七）: talent introduction is left to the city
    /// (who decides, what is open, the clause, kind left_to_local_rules).
    @Test func tianjinTalentIntroductionIsDecidedByTheCity() throws {
        let request = try request("tianjin", "2018-06-01")
        let pack = try Fixture.engine.registry.pack("tianjin", on: request.asOf)
        let pathway = try #require(pack.pathways.first { $0.id == "talent_introduction" })
        let decided = try #require(pathway.decidedBy)
        let block = try json { DecidedByReport.block(decided, citation: pathway.citation, locale: request.locale, into: &$0) }
        #expect(block == .object([
            JSONMember("who", .string("天津市人力社保局人才引进窗口或当地公安机关户籍窗口")),
            JSONMember("open", .string("人才引进的对象、学历和技能等级等落户条件")),
            JSONMember("citation", .string("天津市推动非户籍人口在城市落户工作方案 （七）")),
            JSONMember("kind", .string("left_to_local_rules")),
        ]))
    }

    /// 津政发〔2015〕39号 第三十三条 lists the materials for points settlement, the
    /// application form first.
    @Test func tianjinPointsSettlementDocumentsCiteArticle33() throws {
        let request = try request("tianjin", "2018-06-01", locale: "en")
        let pack = try Fixture.engine.registry.pack("tianjin", on: request.asOf)
        let pathway = try #require(pack.pathways.first { $0.id == "points_settlement" })
        #expect(pathway.documents.count == 6)
        #expect(pathway.documents.allSatisfy { $0.citation == "津政发〔2015〕39号 第三十三条" })
        let first = try #require(pathway.documents.first)
        #expect(text { first.write(request.locale, into: &$0) }
                == #"{"name":"the points-settlement application form","citation":"津政发〔2015〕39号 第三十三条"}"#)
    }

    @Test func datesAreWrittenAsTheirISOStringsWithZeroPadding() throws {
        let dates = try ["2026-03-05", "1900-01-01", "2200-12-31", "2016-02-29"].map { try #require(CivilDate(iso: $0)) }
        #expect(text { writer in
            writer.beginArray()
            for date in dates { writer.date(date) }
            writer.endArray()
        } == #"["2026-03-05","1900-01-01","2200-12-31","2016-02-29"]"#)
        #expect(text { writer in
            writer.beginObject()
            writer.member("as_of", date: dates[0])
            writer.endObject()
        } == #"{"as_of":"2026-03-05"}"#)
    }
}
