#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Tests of the `hukou` command line (exit codes, text output, lint, diff, batch).
# Usage: scripts/test-cli.sh [path-to-hukou-cli]   (default .build/debug/hukou-cli)
set -u
cd "$(dirname "$0")/.."
H=${1:-.build/debug/hukou-cli}
source scripts/check-lib.sh
req='{"jurisdiction":"anyang","as_of":"2026-11-25","locale":"zh-CN","applicant":{"employment":{"type":"employee","labor_contract":true},"housing":{"type":"rental"},"social_insurance":{"months":8,"paying":true}}}'
echo "$req" > "$tmp/req.json"

check "eligibility text" 0 "$H" eligibility "$tmp/req.json" --format text
# 8 months against 二（二）'s cap ("要求不得超过1年"): the city's own figure decides; no shortfall, no date.
contains "below the cap of 安政办〔2018〕19号 二（二）: left to the city, who to ask" "不超过1年的具体社会保险年限要求未规定；请咨询安阳市公安机关户籍窗口"
contains "citation in text" "[安政办〔2018〕19号 二（二）]"
check "eligibility from stdin with --date and --locale" 0 bash -c "echo '$req' | '$H' eligibility - --date 2027-01-25 --locale en --format text"
contains "--locale en answers in English" "please ask the Anyang public-security hukou office"
check "points json" 0 "$H" points "$tmp/req.json"
contains "Anyang forbids points (二（二）)" '"points_allowed":false'
check "invalid request exit code" 3 bash -c "echo '{\"jurisdiction\":\"anyang\"}' | '$H' eligibility -"
contains "names the missing field" "as_of"
check "unknown jurisdiction exit code" 3 bash -c "echo '{\"jurisdiction\":\"atlantis\",\"as_of\":\"2026-01-01\",\"applicant\":{}}' | '$H' eligibility -"
check "packs lists anyang" 0 "$H" packs
contains "packs lists anyang" "安政办〔2018〕19号"
check "explain a pathway" 0 "$H" explain towns_open --jurisdiction anyang --locale en
contains "explain shows the citation" "安政办〔2018〕19号 二（三）"
check "explain an unknown pathway" 2 "$H" explain nope

# Version and usage errors (exit codes as in README and `hukou --help`: 2 usage).
want_version=$(sed -n 's/^#define HUKOU_VERSION "\(.*\)".*/\1/p' Include/hukou.h)
check "--version" 0 "$H" --version
if [ "$(cat "$tmp/out")" = "$want_version" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL --version says \"$(cat "$tmp/out")\", HUKOU_VERSION is \"$want_version\""; fi
check "unknown option is a usage error" 2 "$H" --no-such-option
check "unknown subcommand is a usage error" 2 "$H" no-such-command
check "missing argument is a usage error" 2 "$H" eligibility
check "bad --format is a usage error" 2 "$H" eligibility "$tmp/req.json" --format xml
check "--help" 0 "$H" --help
contains "help documents the usage exit code" "2 usage error"
# Option values are checked before any work: no fallback to Chinese, no impossible date.
check "unknown --locale refused" 2 "$H" eligibility "$tmp/req.json" --locale fr
contains "--locale error names the choices" "--locale must be zh-CN or en"
check "--locale en accepted" 0 "$H" points "$tmp/req.json" --locale en
contains "--locale en answers in English" '"locale":"en"'
check "impossible --date refused (2026-02-30)" 2 "$H" eligibility "$tmp/req.json" --date 2026-02-30
contains "--date error names the format" "--date must be an existing date YYYY-MM-DD"
check "--date 2028-02-29 (leap day) accepted" 0 "$H" eligibility "$tmp/req.json" --date 2028-02-29
check "--date 2027-02-29 (no leap day) refused" 2 "$H" entitlements "$tmp/req.json" --date 2027-02-29
check "--date outside 1900–2200 refused" 2 "$H" points "$tmp/req.json" --date 2201-01-01
check "--date not YYYY-MM-DD refused" 2 "$H" eligibility "$tmp/req.json" --date 2026-1-5
check "explain: unknown --locale refused" 2 "$H" explain towns_open --jurisdiction anyang --locale de
check "explain: impossible --date refused" 2 "$H" explain towns_open --jurisdiction anyang --date 2026-13-01
check "lint: unknown --locale refused" 2 "$H" lint Policies/anyang.json --locale fr
check "generate: unknown --jurisdiction refused" 2 "$H" generate --count 1 --jurisdiction paris
contains "generate names the known jurisdictions" "no pack has this jurisdiction"
check "generate: impossible --date refused" 2 "$H" generate --count 1 --date 2026-02-30
check "generate: a county pack's id accepted" 0 "$H" generate --count 1 --jurisdiction wenzhou/ruian
contains "generate writes that jurisdiction" '"jurisdiction":"wenzhou/ruian"'

for pack in Policies/*.json Policies/*/*.json; do
  [ -f "$pack" ] || continue
  [ "$(basename "$pack")" = facts.json ] && continue  # the fact vocabulary, not a pack
  check "lint $pack passes" 0 "$H" lint "$pack"
done
# A city enumeration value without words: a lint warning (rule value_labels), exit status unchanged.
python3 - "$tmp/mingshan-nolabel.json" <<'PY'
import json, sys
pack = json.load(open("examples/packs/mingshan.json", encoding="utf-8"))
for fact in pack["facts"]:
    if fact["name"] == "talent.level":
        del fact["value_labels"]["level_2"]
json.dump(pack, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
check "lint: a value without a label is a warning, not a violation" 0 "$H" lint "$tmp/mingshan-nolabel.json" --locale en
contains "lint warns about the value without a label" "warning: value_labels: fact talent.level: no label"
python3 - "$tmp/anyang-24.json" <<'PY'
import json, sys
pack = json.load(open("Policies/anyang.json", encoding="utf-8"))
for parameter in pack["parameters"]:
    if parameter["id"] == "urban_social_insurance_months":
        parameter["values"][0]["value"] = 24
json.dump(pack, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
check "lint catches Anyang's own cap" 1 "$H" lint "$tmp/anyang-24.json" --locale en
contains "lint names the clause" "安政办〔2018〕19号 二（二）"
check "diff of identical packs" 0 "$H" diff Policies/anyang.json Policies/anyang.json --exit-code
check "diff finds the changed parameter" 1 "$H" diff Policies/anyang.json "$tmp/anyang-24.json" --exit-code
contains "diff names the parameter and its source" "changed parameter"

check "generate" 0 bash -c "'$H' generate --count 200 --jurisdiction anyang --seed 7 > '$tmp/pop.jsonl'"
lines=$(wc -l < "$tmp/pop.jsonl")
if [ "$lines" = 200 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL generate wrote $lines lines"; fi
check "generate is reproducible" 0 bash -c "'$H' generate --count 200 --jurisdiction anyang --seed 7 | cmp - '$tmp/pop.jsonl'"
check "batch" 0 bash -c "'$H' batch '$tmp/pop.jsonl' --call eligibility --no-summary > '$tmp/answers.jsonl'"
lines=$(wc -l < "$tmp/answers.jsonl")
if [ "$lines" = 200 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL batch wrote $lines answers"; fi
check "batch keeps input order" 0 bash -c "head -1 '$tmp/answers.jsonl' | grep -q '^{\"line\":1,'"
check "batch 1 thread = 2 threads" 0 bash -c "cmp <('$H' batch '$tmp/pop.jsonl' --threads 1 --no-summary) <('$H' batch '$tmp/pop.jsonl' --threads 2 --chunk 7 --no-summary)"
check "batch summary" 0 "$H" batch "$tmp/pop.jsonl" --summary-only
contains "summary counts every applicant (requests in zh-CN)" "申请人：200"
contains "summary names each pathway in the requests' locale" "城市普通劳动者落户 [urban_ordinary_workers]"
contains "summary: most common unmet condition per pathway" "各途径最常见的未满足条件"
check "batch summary as JSON" 0 bash -c "'$H' batch '$tmp/pop.jsonl' --summary-only --summary-format json > '$tmp/sum.json'"
# Every applicant has one verdict per pathway; counts add up to the applicants answered.
check "summary counts add up per pathway" 0 python3 - "$tmp/sum.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["applicants"] == 200 and not s["errors"], s["applicants"]
assert [p["id"] for p in s["pathways"]][:2] == ["key_groups_open", "urban_ordinary_workers"], "pack order"
for p in s["pathways"]:
    assert sum(p["verdicts"].values()) == 200, p["id"]
    assert sum(p["unmet"].values()) >= p["verdicts"].get("not_eligible", 0), p["id"]
PY
# Rule change (安政办〔2018〕19号 二（二）: 12 months of urban social insurance; the variant asks 24):
# a stricter requirement can only move applicants out of urban_ordinary_workers, never in,
# and no pathway that does not read the parameter moves.
check "batch compare" 0 bash -c "'$H' batch '$tmp/pop.jsonl' --summary-only --compare Policies/anyang.json '$tmp/anyang-24.json' > '$tmp/cmp.txt'"
cp "$tmp/cmp.txt" "$tmp/out"
contains "compare: in, out and net per pathway" "规则变化 anyang.json → anyang-24.json"
contains "compare: the clause that differs" "parameter urban_social_insurance_months (values) — 安政办〔2018〕19号 二（二）"
check "compare moves only out, only where the parameter is read" 0 bash -c "'$H' batch '$tmp/pop.jsonl' --summary-only --summary-format json --compare Policies/anyang.json '$tmp/anyang-24.json' | python3 -c '
import json, sys
s = json.load(sys.stdin)
p = {x[\"id\"]: x for x in s[\"pathways\"]}
u = p[\"urban_ordinary_workers\"]
moves_in = sum(v for k, v in u[\"moves\"].items() if k.endswith(\"→eligible\"))
moves_out = sum(v for k, v in u[\"moves\"].items() if k.startswith(\"eligible→\"))
assert moves_in == 0 and moves_out > 0, u[\"moves\"]
assert u[\"verdicts\"][\"eligible\"] - moves_out == u[\"after\"][\"eligible\"]
assert not p[\"rural_college_students\"][\"moves\"], p[\"rural_college_students\"][\"moves\"]
'"
check "batch as a mapper (stdin → stdout)" 0 bash -c "cat '$tmp/pop.jsonl' | '$H' batch - --no-summary | wc -l | grep -q '^200$'"

# Failed lines: counted by status and field with their line numbers; exit 3 unless --allow-errors.
{ head -3 "$tmp/pop.jsonl"; echo 'not json'; echo; echo '{"jurisdiction":"anyang"}'; tail -n +4 "$tmp/pop.jsonl"; } > "$tmp/bad.jsonl"
check "a failed line makes batch exit 3" 3 "$H" batch "$tmp/bad.jsonl" --summary-only
contains "errors by status with the file's line number" "HUKOU_E_PARSE  （整行）  1 行：4"
contains "errors by field (line 5 is empty and skipped)" "HUKOU_E_INVALID  as_of  1 行：6"
check "--allow-errors exits 0" 0 "$H" batch "$tmp/bad.jsonl" --summary-only --allow-errors
check "answer lines of failed requests name status and field" 0 bash -c "'$H' batch '$tmp/bad.jsonl' --no-summary --allow-errors | sed -n 5p | grep -q '\"status\":\"HUKOU_E_INVALID\",\"field\":\"as_of\"'"

# One request path (Engine.answer): the CLI and batch refuse a request beyond
# HUKOU_MAX_REQUEST_BYTES (1 MiB) as the C ABI does (HUKOU_E_LIMIT), even valid JSON.
python3 -c "
import json, sys
r = json.loads(sys.argv[1]); r['applicant']['pad'] = 'x'
t = json.dumps(r, ensure_ascii=False, separators=(',', ':'))
print(t[:-1] + ' ' * (1024 * 1024) + '}')" "$req" > "$tmp/huge.json"
check "oversized request refused by the CLI (exit 3)" 3 "$H" eligibility "$tmp/huge.json"
contains "the CLI names the request limit" "request larger than 1048576 bytes"
{ head -1 "$tmp/pop.jsonl"; cat "$tmp/huge.json"; } > "$tmp/huge.jsonl"
check "oversized request line fails in batch (exit 3)" 3 "$H" batch "$tmp/huge.jsonl" --summary-only
check "batch answers the oversized line HUKOU_E_LIMIT" 0 bash -c "'$H' batch '$tmp/huge.jsonl' --no-summary --allow-errors | sed -n 2p | grep -q '^{\"line\":2,\"status\":\"HUKOU_E_LIMIT\",\"field\":\"\",\"error\":\"[^\"]*request larger than 1048576 bytes'"
check "batch still answers the line before it" 0 bash -c "'$H' batch '$tmp/huge.jsonl' --no-summary --allow-errors | sed -n 1p | grep -q '\"eligibility\":{\"kind\":\"eligibility\"'"

# --detail outcome: verdicts, score and missing facts, no explanation (docs/requests.md).
"$H" batch "$tmp/pop.jsonl" --no-summary > "$tmp/answers-all.jsonl"
check "batch --detail outcome" 0 bash -c "'$H' batch '$tmp/pop.jsonl' --detail outcome --no-summary > '$tmp/outcome.jsonl'"
check "outcome answers: verdicts kept, reasons and trees left out" 0 python3 -c "
import json, sys
full = [json.loads(l) for l in open(sys.argv[1])]
out = [json.loads(l) for l in open(sys.argv[2])]
assert len(full) == len(out) == 200
for f, o in zip(full, out):
    fe, oe = f['eligibility'], o['eligibility']
    assert [p['result'] for p in fe['pathways']] == [p['result'] for p in oe['pathways']]
    assert fe['eligible_pathways'] == oe['eligible_pathways']
    assert [p.get('missing_facts') for p in fe['pathways']] == [p.get('missing_facts') for p in oe['pathways']]
    for p in oe['pathways']:
        assert not {'reason', 'conditions', 'applicability', 'shortfalls', 'documents_to_bring'} & set(p), p.keys()
    fp, op = f['points'], o['points']
    assert fp.get('total') == op.get('total') and fp.get('may_apply') == op.get('may_apply')
    assert not {'breakdown', 'what_if', 'projection'} & set(op)
" "$tmp/answers-all.jsonl" "$tmp/outcome.jsonl"
check "--detail must be full or outcome" 2 "$H" batch "$tmp/pop.jsonl" --detail short

# Scale-out contract (docs/scale-out.md; the Spark job in examples/spark/ is tested by
# scripts/test-spark.sh): numbered splits summarized apart and merged equal one run.
"$H" generate --count 500 --jurisdiction tianjin --seed 11 > "$tmp/tj.jsonl"
echo '{"jurisdiction":"tianjin"}' >> "$tmp/tj.jsonl"
awk '{print NR "\t" $0}' "$tmp/tj.jsonl" > "$tmp/tj-numbered.jsonl"
split -n l/4 -d "$tmp/tj-numbered.jsonl" "$tmp/part-"
for part in "$tmp"/part-0?; do "$H" batch - --numbered --summary-only --summary-format json --threads 1 --allow-errors < "$part" >> "$tmp/parts.jsonl"; done
check "merged per-split summaries equal one batch run" 0 bash -c "cmp <('$H' summarize '$tmp/parts.jsonl' --format json --allow-errors) <('$H' batch '$tmp/tj.jsonl' --summary-only --summary-format json --allow-errors)"
check "summarize of answer lines equals the batch summary" 0 bash -c "cmp <('$H' batch '$tmp/tj.jsonl' --no-summary --allow-errors | '$H' summarize - --format json --allow-errors) <('$H' batch '$tmp/tj.jsonl' --summary-only --summary-format json --allow-errors)"
check "summarize exits 3 on failed lines" 3 "$H" summarize "$tmp/parts.jsonl"

# The answer vocabulary grows (docs/answers.md): verdicts are counted as they come, and
# answers from expired texts are said first, with the answers' own sentence.
cat > "$tmp/vocab.jsonl" <<'JL'
{"line":1,"eligibility":{"jurisdiction":{"id":"x","name":"X市"},"locale":"zh-CN","validity":{"status":"expired","ended_on":"2020-12-31","text":"注意：规定已于 2020-12-31 到期"},"pathways":[{"id":"p","name":"途径甲","result":"depends_on_local_rules"},{"id":"q","name":"途径乙","result":"a_future_verdict"}]}}
{"line":2,"eligibility":{"jurisdiction":{"id":"x","name":"X市"},"locale":"zh-CN","validity":{"status":"in_force"},"pathways":[{"id":"p","name":"途径甲","result":"eligible"},{"id":"q","name":"途径乙","result":"a_future_verdict"}]}}
JL
check "summarize a growing vocabulary" 0 "$H" summarize "$tmp/vocab.jsonl"
contains "with the answer's own sentence" "注意：规定已于 2020-12-31 到期 [1]"
contains "depends on local rules counted (途径甲: 1 eligible, 1 depends)" "1  50.0%          0   0.0%          0   0.0%          1  50.0%"
contains "a verdict value not known to the summary gets its own column" "2 100.0%  途径乙 [q]"
check "expired texts are said first" 0 bash -c "'$H' summarize '$tmp/vocab.jsonl' | sed -n 2p | grep -q '^⚠ 有效期：所依据的规定已到期 1 (50.0%)'"

# Points: the threshold is marked and the share reaching it given (answer lines with a
# threshold, as a pack that states a guidance score answers; 3 of 4 reach 110).
for t in 95 110 120 180; do
  echo "{\"line\":1,\"points\":{\"locale\":\"zh-CN\",\"total\":$t,\"threshold\":110,\"reaches_threshold\":$([ $t -ge 110 ] && echo true || echo false),\"score_complete\":true}}"
done > "$tmp/points.jsonl"
check "points summary" 0 "$H" summarize "$tmp/points.jsonl" --report "$tmp/report.html"
contains "points histogram marks the threshold" "◀ 分数线 110"
contains "points summary gives the share reaching it" "分数线 110，达到者 3 (75.0%)"
check "report is one self-contained page with the charts" 0 bash -c "grep -q 'id=\"threshold-line\"' '$tmp/report.html' && grep -q 'id=\"points-chart\"' '$tmp/report.html' && ! grep -qiE '<script|src=|href=\"http' '$tmp/report.html'"
check "batch report has the pathway chart" 0 bash -c "'$H' batch '$tmp/tj.jsonl' --summary-only --allow-errors --report '$tmp/report2.html' >/dev/null && grep -q 'id=\"pathways-chart\"' '$tmp/report2.html'"

# Progress: a bar with percentage, rate and ETA on a terminal; nothing when piped.
check "progress on a terminal" 0 bash -c "script -qec \"'$H' batch '$tmp/pop.jsonl' --summary-only --chunk 20 > /dev/null\" /dev/null > '$tmp/tty.txt'"
check "progress shows percentage, rate and ETA" 0 bash -c "grep -q '%.*applicants.*/s.*ETA' '$tmp/tty.txt'"
check "no progress when piped" 0 bash -c "'$H' batch '$tmp/pop.jsonl' --summary-only --chunk 20 2>&1 >/dev/null | wc -c | grep -qx 0"

# The generator sets every fact some pack reads (docs/generate.md).
for j in anyang tianjin wenzhou national; do "$H" generate --count 300 --jurisdiction $j --seed 5; done > "$tmp/all.jsonl"
check "generated applicants give every fact the packs read" 0 python3 scripts/check-generated-facts.py "$tmp/all.jsonl"

# Signed packs (docs/signing.md)
check "keygen" 0 bash -c "'$H' keygen --out '$tmp/center.key' > '$tmp/center.pub'"
check "keygen refuses to overwrite a key" 5 "$H" keygen --out "$tmp/center.key"
check "private key is private (0600)" 0 bash -c "[ \"\$(stat -c %a '$tmp/center.key')\" = 600 ]"
check "sign" 0 bash -c "'$H' sign Policies/anyang.json --key '$tmp/center.key' --serial 5 > '$tmp/signed.json'"
check "verify a signed pack" 0 "$H" verify "$tmp/signed.json" --public-key "$(cat "$tmp/center.pub")"
sed 's/"value":3}/"value":2}/' "$tmp/signed.json" > "$tmp/tampered.json"
check "verify a tampered pack (rent withdrawal months 3 → 2)" 1 "$H" verify "$tmp/tampered.json" --public-key "$(cat "$tmp/center.pub")"
contains "tampering is a signature error" "HUKOU_E_SIGNATURE"
check "verify an unsigned pack" 1 "$H" verify Policies/anyang.json --public-key "$(cat "$tmp/center.pub")"
"$H" keygen --out "$tmp/other.key" > "$tmp/other.pub"
check "verify with an untrusted key" 1 "$H" verify "$tmp/signed.json" --public-key "$(cat "$tmp/other.pub")"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
