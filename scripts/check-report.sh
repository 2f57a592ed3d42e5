#!/usr/bin/env bash
# The batch report (`hukou batch --report`) as a person sees it: headless Chromium renders
# the page of a generated Tianjin population under a rule change; the DOM must name every
# pathway with its counts, and the screenshot must not be blank and must show each verdict's colour.
# Usage: scripts/check-report.sh [path-to-hukou-cli] [screenshot.png]
set -u
cd "$(dirname "$0")/.."
H=$(realpath "${1:-.build/debug/hukou-cli}")
shot=${2:-}
pass=0; fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] || ! /usr/bin/python3 -c 'import PIL' 2>/dev/null; then
    echo "check-report: needs chromium and python3-pil (scripts/ensure-deps.sh browser installs them as root)"
    echo "0 passed, 1 failed"; exit 1
fi
"$H" generate --count 1500 --jurisdiction tianjin --seed 3 > "$tmp/pop.jsonl"
/usr/bin/python3 - "$tmp/new.json" <<'PY'
import json, sys
pack = json.load(open("Policies/tianjin.json", encoding="utf-8"))
for parameter in pack["parameters"]:
    if parameter["id"] == "points_apply_insurance_months":
        parameter["values"][-1]["value"] = 24
json.dump(pack, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$H" batch "$tmp/pop.jsonl" --summary-only --summary-format json --compare Policies/tianjin.json "$tmp/new.json" \
    --report "$tmp/report.html" > "$tmp/summary.json"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$tmp/profile")
"$browser" "${flags[@]}" --dump-dom "file://$tmp/report.html" > "$tmp/dom.html" 2>/dev/null
"$browser" "${flags[@]}" --window-size=1280,2200 --screenshot="$tmp/report.png" "file://$tmp/report.html" >/dev/null 2>&1
/usr/bin/python3 - "$tmp/summary.json" "$tmp/dom.html" "$tmp/report.png" <<'PY'
import json, re, sys
from PIL import Image
summary = json.load(open(sys.argv[1], encoding="utf-8"))
dom = open(sys.argv[2], encoding="utf-8").read()
passed = failed = 0
def check(name, ok):
    global passed, failed
    if ok: passed += 1
    else: failed += 1; print("FAIL", name)
def grouped(n):
    return f"{n:,}".replace(",", " ")
check("DOM was rendered", "<svg" in dom)
check("DOM gives the applicants", grouped(summary["applicants"]) in dom)
for p in summary["pathways"]:
    row = re.search(r'<tr><td class="name">' + re.escape(p["name"]) + r' .*?</tr>', dom)
    check("DOM names pathway " + p["id"], row is not None)
    if row:
        for verdict, count in p["verdicts"].items():
            check(f"DOM gives {p['id']} {verdict} {count}", f"<td>{grouped(count)} " in row.group(0))
    before, after = p["verdicts"].get("eligible", 0), p["after"].get("eligible", 0)
    check("compare chart gives " + p["id"], f"{grouped(before)} → {grouped(after)}" in dom)
if summary["points"].get("thresholds"):
    check("threshold line drawn", 'id="threshold-line"' in dom)
image = Image.open(sys.argv[3]).convert("RGB")
pixels = image.getdata()
colours = {}
for pixel in pixels:
    colours[pixel] = colours.get(pixel, 0) + 1
non_white = sum(c for rgb, c in colours.items() if rgb != (255, 255, 255))
check("screenshot is not blank", non_white > len(pixels) // 50)
# every verdict that holds a tenth of some pathway's applicants shows in its colour
colour = {"eligible": (0x2E, 0x7D, 0x32), "not_eligible": (0xC6, 0x28, 0x28), "unknown": (0xF9, 0xA8, 0x25),
          "depends_on_local_rules": (0x15, 0x65, 0xC0), "not_applicable": (0x9E, 0x9E, 0x9E)}
shown = {v for p in summary["pathways"] for v, n in p["verdicts"].items() if v in colour and n * 10 >= summary["applicants"]}
check("some verdict colours to look for", len(shown) >= 2)
for verdict in sorted(shown):
    check(f"screenshot shows {verdict} in its colour", colours.get(colour[verdict], 0) > 2000)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
rc=$?
[ -n "$shot" ] && cp "$tmp/report.png" "$shot"
exit $rc
