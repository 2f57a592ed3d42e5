#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `hukou test` as docs/cases.md tells a policy officer to use it: add a case, see it fail,
# correct it, see it pass; try a changed pack with --pack; a broken case file.
# Usage: scripts/test-cases-cli.sh [path-to-hukou-cli]   (default .build/debug/hukou-cli)
set -u
cd "$(dirname "$0")/.."
H=${1:-.build/debug/hukou-cli}
source scripts/check-lib.sh

mkdir -p "$tmp/Policies"
cp Policies/anyang.json Policies/anyang.cases.yaml "$tmp/Policies/"
cases=$tmp/Policies/anyang.cases.yaml
before=$("$H" test "$cases" | sed -n 's/.*(pack anyang): \([0-9]*\) cases.*/\1/p')
# docs/cases.md, step 2: the new case, with the wrong expectation first.
cat >> "$cases" <<'YAML'

  - name: a rented home in an established town is enough
    clause: 二（三）
    call: eligibility
    patch:
      applicant:
        residence: {area_type: established_town}
        housing: {type: rental}
    expect:
      pathways[towns_open].result: not_eligible
YAML
check "the new case fails (docs/cases.md step 3)" 1 "$H" test "$cases"
contains "one line: path, expected, got, clause" "a rented home in an established town is enough: pathways[towns_open].result: expected not_eligible, got eligible [安政办〔2018〕19号 二（三）]"
contains "cases counted per pack" "(pack anyang): $((before + 1)) cases, $before passed, 1 failed"
contains "summary line" "$before passed, 1 failed"
# The last line of the file is the new case's expectation.
sed -i '$ s/not_eligible$/eligible/' "$cases"
check "corrected, it passes (step 4)" 0 "$H" test "$cases"
contains "summary line" "$((before + 1)) passed, 0 failed"

# --pack: a changed pack against its cases (Anyang's 12 months raised to 24 breaks two cases
# and the lint case).
python3 - "$tmp/anyang-24.json" <<'PY'
import json, sys
pack = json.load(open("Policies/anyang.json", encoding="utf-8"))
for parameter in pack["parameters"]:
    if parameter["id"] == "urban_social_insurance_months":
        parameter["values"][0]["value"] = 24
json.dump(pack, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
check "--pack runs the changed pack's cases and they fail" 1 "$H" test --pack "$tmp/anyang-24.json"
contains "names the case file of the pack id" "Policies/anyang.cases.yaml (pack anyang)"
contains "the 12-month case fails" "12 months, a labor contract and a rented home qualify: pathways[urban_ordinary_workers].result: expected eligible, got depends_on_local_rules"
contains "lint sees the changed pack" "the pack keeps the national rules and its own 1-year cap: violations: expected 0 elements"
check "--pack with the unchanged pack passes" 0 "$H" test --pack Policies/anyang.json

# An edited pack file beside its cases is what `hukou test` tests; --embedded the built-in copy.
cp "$tmp/anyang-24.json" "$tmp/Policies/anyang.json"
check "the edited pack beside the cases is tested" 1 "$H" test "$cases"
contains "the 12-month case fails on the edited pack" "12 months, a labor contract and a rented home qualify: pathways[urban_ordinary_workers].result: expected eligible, got depends_on_local_rules"
check "--embedded tests the built-in pack" 0 "$H" test "$cases" --embedded

# A case file with a mistake names the place.
printf 'pack: anyang\ncases:\n  - {name: n, clause: c, call: vote, expect: {a: 1}}\n' > "$tmp/bad.cases.yaml"
check "a broken case file fails" 1 "$H" test "$tmp/bad.cases.yaml"
contains "names the key and what was expected" "cases[0].call: expected one of eligibility, points, entitlements, lint"
check "no such file" 5 "$H" test "$tmp/nothing.cases.yaml"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
