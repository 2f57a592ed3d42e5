// SPDX-License-Identifier: Apache-2.0
import Testing
@testable import HukouRules

/// The writer forms of the answer parts every call shares (header, validity, condition
/// trees, shortfalls, decided_by) stream the same bytes as their JSON forms while both exist.
@Suite struct SharedAnswerPartsTests {
    private func text(_ write: (inout AnswerWriter) -> Void) -> String {
        var writer = AnswerWriter()
        write(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func same(_ json: JSONValue, _ write: (inout AnswerWriter) -> Void) {
        #expect(text(write) == text { $0.value(json) })
    }

    /// Anyang, as of 2026-11-25: residence since 2025-09-01 and 8 months of social insurance,
    /// so some pathways fall short by months (shortfalls with dates) and others are met.
    private static let anyang = """
    {"jurisdiction": "anyang", "as_of": "2026-11-25", "locale": "LOCALE",
     "applicant": {"birth_date": "1996-04-12", "status": "residence_permit",
       "hukou": {"local": false, "former_type": "rural"},
       "residence_permit": {"held": true, "issued": "2026-03-20"},
       "residence": {"since": "2025-09-01", "district": "文峰区", "area_type": "urban_district"},
       "employment": {"type": "employee", "since": "2026-03-01", "labor_contract": true, "in_city": true},
       "social_insurance": {"months": 8, "paying": true, "continuous": true}}}
    """

    @Test(arguments: ["zh-CN", "en"])
    func conditionTreesShortfallsAndProvisionalWriteAsTheirJSON(locale: String) throws {
        let engine = Fixture.engine
        let request = try Fixture.request(Self.anyang.replacingOccurrences(of: "LOCALE", with: locale))
        let pack = try engine.registry.pack("anyang", on: request.asOf)
        let report = ConditionReport(locale: request.locale, parameters: pack.parameters)
        let context = EvaluationContext(asOf: request.asOf, applicant: request.applicant, subject: request.applicant,
                                        districts: pack.districts, family: request.family)
        var shortfalls = 0
        for pathway in pack.pathways {
            let judged = ConditionEvaluator.evaluate(pathway.condition, context)
            same(report.tree(judged)) { report.tree(judged, into: &$0) }
            same(report.shortfallList(judged)) { report.shortfallList(judged, into: &$0) }
            same(report.missing(judged.missingFacts)) { report.missing(judged.missingFacts, into: &$0) }
            same(report.provisional(judged.provisionalParameters)) { report.provisional(judged.provisionalParameters, into: &$0) }
            shortfalls += judged.shortfalls.count
            if let decided = pathway.decidedBy {
                same(DecidedByReport.block(decided, citation: pathway.citation, locale: request.locale)) {
                    DecidedByReport.block(decided, citation: pathway.citation, locale: request.locale, into: &$0)
                }
            }
            for document in pathway.documents { same(document.json(request.locale)) { document.write(request.locale, into: &$0) } }
        }
        // The request is months short of the residence and insurance the pathways ask for.
        #expect(shortfalls > 0)
        let all = pack.parameters.keys.sorted()
        same(report.provisional(all)) { report.provisional(all, into: &$0) }
    }

    @Test(arguments: [("anyang", "2026-11-25", nil as String?), ("fujian", "2026-11-25", nil), ("fujian", "2026-11-25", "福州市"),
                      ("tianjin", "2018-06-01", nil), ("tianjin", "2030-01-01", nil), ("wenzhou", "2026-11-25", nil)])
    func headerAndValidityWriteAsTheirJSON(jurisdiction: String, asOf: String, city: String?) throws {
        for locale in ["zh-CN", "en"] {
            let cityMember = city.map { #", "city": "\#($0)""# } ?? ""
            let request = try Fixture.request(#"{"jurisdiction": "\#(jurisdiction)", "as_of": "\#(asOf)", "locale": "\#(locale)"\#(cityMember), "applicant": {}}"#)
            let pack = try Fixture.engine.registry.pack(jurisdiction, on: request.asOf)
            // 福建省落户实施方案 （五）: Fuzhou issues its own rules (own_rules written).
            #expect((AnswerHeader.ownRulesCity(pack, request) != nil) == (city == "福州市"))
            let header = AnswerHeader.build(kind: "eligibility", pack: pack, request: request)
            same(header.value) { writer in
                writer.beginObject()
                AnswerHeader.write(kind: "eligibility", pack: pack, request: request, into: &writer)
                writer.endObject()
            }
            let validity = Validity(pack: pack, asOf: request.asOf, ruleDocuments: pack.pathways.map(\.documentIDs))
            same(validity.json(request.locale)) { validity.write(request.locale, into: &$0) }
            var rest = JSONObjectBuilder()
            if let own = AnswerHeader.ownRulesCity(pack, request) { AnswerHeader.ownRules(own, into: &rest, locale: request.locale) }
            if let note = AnswerHeader.cityNote(pack, request) { rest.set("note", note) }
            same(rest.value) { writer in
                writer.beginObject()
                if let own = AnswerHeader.ownRulesCity(pack, request) { AnswerHeader.ownRules(own, locale: request.locale, into: &writer) }
                AnswerHeader.writeCityNote(pack, request, into: &writer)
                writer.endObject()
            }
        }
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
