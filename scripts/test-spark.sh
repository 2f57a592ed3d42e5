#!/usr/bin/env bash
# The Spark job of examples/spark/ in Spark local mode (local[2]) against one `hukou batch`
# run: a generated Tianjin population (with a few failed lines) and a rule change, cut into
# 4 partitions, mapped through the shipped binary with RDD.pipe() and reduced by
# `hukou summarize`; the merged summary must equal, byte for byte, the summary of a single
# `hukou batch --compare` over the same file (docs/scale-out.md).
# Usage: scripts/test-spark.sh [path-to-hukou-cli]   (default .build/debug/hukou-cli)
#        COUNT=2000 (applicants)
set -u
cd "$(dirname "$0")/.."
H=$(realpath "${1:-.build/debug/hukou-cli}")
count=${COUNT:-2000}
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL $*"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

py=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import pyspark' >/dev/null 2>&1; then py=$p; break; fi
done
if [ -z "$py" ] || ! command -v java >/dev/null 2>&1; then
    echo "test-spark: needs Java 17 and PySpark (scripts/ensure-deps.sh spark installs them as root)"
    echo "0 passed, 1 failed"; exit 1
fi
export PYSPARK_PYTHON=$py PYSPARK_DRIVER_PYTHON=$py SPARK_LOCAL_IP=127.0.0.1
echo "test-spark: PySpark $("$py" -c 'import pyspark; print(pyspark.__version__)') on $(java -version 2>&1 | head -1), $count applicants"

# The population, with three lines that fail (bad JSON, a missing as_of, an unknown
# jurisdiction) and an empty line, so that errors and line numbers are merged too.
"$H" generate --count "$count" --jurisdiction tianjin --seed 21 > "$tmp/gen.jsonl"
{ head -100 "$tmp/gen.jsonl"; echo 'not json'; echo; sed -n '101,900p' "$tmp/gen.jsonl"; echo '{"jurisdiction":"tianjin"}'
  tail -n +901 "$tmp/gen.jsonl"; echo '{"jurisdiction":"atlantis","as_of":"2026-01-01","applicant":{}}'; } > "$tmp/pop.jsonl"
# The rule change: 24 months of social insurance before applying for points instead of 12
# (津政发〔2015〕39号 第三十二条（三）: 满1年).
"$py" - "$tmp/tianjin-new.json" <<'PY'
import json, sys
pack = json.load(open("Policies/tianjin.json", encoding="utf-8"))
for parameter in pack["parameters"]:
    if parameter["id"] == "points_apply_insurance_months":
        parameter["values"][-1]["value"] = 24
json.dump(pack, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
cp Policies/tianjin.json "$tmp/tianjin.json"

start=$(date +%s)
if "$py" examples/spark/hukou_batch.py --hukou "$H" --master 'local[2]' --partitions 4 "$tmp/pop.jsonl" \
    --compare "$tmp/tianjin.json" "$tmp/tianjin-new.json" --summary-json "$tmp/spark.json" --report "$tmp/spark.html" \
    > "$tmp/spark.txt" 2> "$tmp/spark.err"; then
    bad "the Spark job exited 0 although 3 lines failed"
else
    [ $? = 3 ] && ok || { bad "the Spark job failed"; tail -20 "$tmp/spark.err"; }
fi
spark_seconds=$(( $(date +%s) - start ))
start=$(date +%s)
"$H" batch "$tmp/pop.jsonl" --summary-only --summary-format json --allow-errors \
    --compare "$tmp/tianjin.json" "$tmp/tianjin-new.json" > "$tmp/batch.json"
batch_seconds=$(( $(date +%s) - start ))

if cmp -s "$tmp/spark.json" "$tmp/batch.json"; then ok; else bad "Spark's merged summary differs from one batch run"; diff <(tr ',' '\n' < "$tmp/spark.json") <(tr ',' '\n' < "$tmp/batch.json") | head -20; fi
"$py" - "$tmp/spark.json" "$count" <<'PY' && ok || bad "merged summary content"
import json, sys
s = json.load(open(sys.argv[1]))
count = int(sys.argv[2])
assert s["applicants"] == count + 3, s["applicants"]
errors = {(e["status"], e["field"]): e["lines"] for e in s["errors"]}
# line numbers of the file (line 102 is empty and not counted as an applicant)
assert errors == {("HUKOU_E_PARSE", ""): [101], ("HUKOU_E_INVALID", "as_of"): [903],
                  ("HUKOU_E_UNKNOWN_JURISDICTION", "jurisdiction"): [count + 4]}, errors
p = {x["id"]: x for x in s["pathways"]}
t = p["points_settlement"]
# a stricter requirement moves no one into points settlement, and some out of it or from
# "depends on local rules" to "not eligible"; the differing clause is named
assert not any(k.endswith("→eligible") for k in t["moves"]), t["moves"]
assert sum(t["moves"].values()) > 0 and all(k.endswith("→not_eligible") for k in t["moves"]), t["moves"]
assert any(c["id"] == "points_apply_insurance_months" for c in t["clauses"]), t["clauses"]
assert all(not x["moves"] for x in s["pathways"] if x["id"] != "points_settlement")
assert all(sum(x["verdicts"].values()) == count for x in s["pathways"])
PY
grep -q "居住证积分落户" "$tmp/spark.txt" && ok || bad "the driver printed no summary"
grep -q 'id="compare-chart"' "$tmp/spark.html" && ok || bad "the driver wrote no report"
echo "test-spark: Spark local[2] job ${spark_seconds} s, one batch run ${batch_seconds} s"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
