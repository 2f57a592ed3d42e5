#!/usr/bin/env python3
"""Regenerates docs/facts.md from Sources/HukouRules/Facts/FactCatalogue.swift (make docs)."""
import pathlib, re
root = pathlib.Path(__file__).resolve().parent.parent
src = (root / "Sources/HukouRules/Facts/FactCatalogue.swift").read_text(encoding="utf-8")
rows = []
for m in re.finditer(r'(flag|choice|monthsSince|counter)\(\s*"([^"]+)",\s*"([^"]+)",\s*"([^"]+)",\s*ask:\s*"([^"]+)"(.*?)\)', src, re.S):
    kind, name, zh, en, ask, rest = m.groups()
    t = {"flag": "boolean", "choice": "enumeration", "monthsSince": "integer (months, grows with time)",
         "counter": "integer (months, grows while paying)"}[kind]
    v = re.search(r'Vocabulary\.(\w+)', rest)
    if kind == "choice" and v:
        t += f' ({v.group(1)}{", ordered" if "ranks" in rest else ""})'
    rows.append((name, t, zh, en, ask))
for m in re.finditer(r'FactDefinition\(\s*name:\s*"([^"]+)",\s*type:\s*([^,]+(?:\([^)]*\))?)[^L]*?label:\s*LocalizedText\(zh:\s*"([^"]+)",\s*en:\s*"([^"]+)"\),\s*askFor:\s*"([^"]+)"', src, re.S):
    name, t, zh, en, ask = m.groups()
    t = (t.strip().replace(".integer(unit: .years)", "integer (years, grows with time)")
         .replace(".integer(unit: .count)", "integer")
         .replace(".text", "text (district names; former names accepted)")
         .replace(".enumeration(values: Vocabulary.ageStage", "enumeration (ageStage, ordered, from birth_date)"))
    rows.append((name, t, zh, en, ask))
order = [a or b for a, b in re.findall(r'(?:flag|choice|monthsSince|counter)\(\s*"([^"]+)"|name:\s*"([^"]+)"', src)]
rows.sort(key=lambda r: order.index(r[0]))
out = ["# Applicant facts", "",
       "The facts a pack condition or points indicator may test (`\"fact\": \"...\"`). They are the",
       "applicant model, computed from the request (docs/requests.md) on the as-of date; a fact",
       "whose request field is missing is *unknown*, and the answer asks for the field in",
       "`ask_for` / `missing_facts`. Facts are read from the person being judged (the applicant, or",
       "a family member for followers and per-member entitlements); `\"of\": \"applicant\"` reads the",
       "applicant instead. Generated from `Sources/HukouRules/Facts/FactCatalogue.swift` by",
       "`scripts/gen-facts-doc.py`; a test checks this page names every fact.", "",
       "| fact | type | 中文 | English | request field |", "|---|---|---|---|---|"]
out += [f"| `{r[0]}` | {r[1]} | {r[2]} | {r[3]} | `{r[4]}` |" for r in rows]
out += ["", "Ordered vocabularies (for `<`, `>=`, … and for categorical points, where the best entry",
        "not above the actual level counts): education `none < primary < junior_high < senior_high =",
        "secondary_vocational < junior_college = higher_vocational < bachelor < master < doctorate`;",
        "skill `none < junior_worker (初级工) < intermediate_worker (中级工) < senior_worker (高级工) <",
        "technician (技师) < senior_technician (高级技师)`; title `none < junior < intermediate < senior`;",
        "`school.age_stage` (the stage in `school.stage` where given, else by age) `infant (<3) < preschool (3–5) < primary (6–11) < junior_high (12–14) <",
        "senior_high (15–17) < adult`, by age on the as-of date.", ""]
(root / "docs/facts.md").write_text("\n".join(out), encoding="utf-8")
print(f"docs/facts.md: {len(rows)} facts")
