#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test-render.sh RENDER_TEST KIOSK_DEMO: the renderings as a kiosk shows them (docs/rendering.md).
#  1. render_test (C ABI, release library): every golden answer in every format, receipts
#     fit 32/48 columns, no ASCII in Chinese renderings, decision receipts; writes the
#     HTML pages;
#  2. the C demo prints with the library's renderer (words, not tokens);
#  3. headless Chromium opens every page at 1080x1920: a screenshot that is not blank, a
#     DOM that holds each verdict line and citation of the answer, and a scroll width
#     that does not exceed the screen (measured on a test-only copy of the page with one
#     inline script; the shipped page has none). A page made to overflow must be caught.
# Prints "N passed, N failed".
set -uo pipefail
render_test=${1:?render_test} demo=${2:?kiosk_demo}
root=$(cd "$(dirname "$0")/.." && pwd)
answers=$root/examples/answers
passed=0 failed=0
ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/html" "$tmp/shots" "$tmp/dom"

# 1. the C test
if "$render_test" "$answers" "$root/examples/requests" "$tmp/html" >"$tmp/render_test.out"; then ok; else fail "render_test"; fi
tail -n 20 "$tmp/render_test.out" | grep -v '^$' | sed 's/^/  /'

# 2. the C demo
if "$demo" >"$tmp/demo.out" 2>&1; then ok; else fail "kiosk_demo exit status"; fi
for expected in "✔ 配偶（共同居住生活的配偶） — 可随迁" "请补充：" "==> ✔ 可以落户：" "核验码："; do
    if grep -qF -- "$expected" "$tmp/demo.out"; then ok; else fail "kiosk_demo prints \"$expected\""; fi
done
if grep -qE '家属 spouse|child，|请补充：[a-z_.]+' "$tmp/demo.out"; then fail "kiosk_demo prints tokens"; else ok; fi

# 3. Chromium
chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chromium" ]]; then
    echo "FAIL no chromium (Debian package chromium; scripts/ensure-deps.sh test installs it)"
    echo "$passed passed, $((failed + 1)) failed"
    exit 1
fi
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1
       --window-size=1080,1920 --disable-extensions --no-first-run)
measure='<script>var d=document.createElement("div");d.id="hukou-measure";d.dataset.scrollWidth=document.documentElement.scrollWidth;document.body.appendChild(d)</script></body>'

# A control page wider than the screen: the measurement must see it.
printf '<!DOCTYPE html><html><body><div style="width:2000px">x</div></body></html>' >"$tmp/overflow.html"

shopt -s nullglob
pages=("$tmp"/html/*.html)
(( ${#pages[@]} >= 30 )) && ok || fail "expected at least 30 pages, got ${#pages[@]}"

run_page() { # page -> screenshot and dump of the measuring copy
    local page=$1 base
    base=$(basename "$page" .html)
    sed "s#</body>#${measure}#" "$page" >"$tmp/dom/$base.measure.html"
    # One profile per page: two browsers at a time must not share one.
    timeout 60 "$chromium" "${flags[@]}" --user-data-dir="$tmp/profile-$base" \
        --screenshot="$tmp/shots/$base.png" "file://$page" >/dev/null 2>&1
    timeout 60 "$chromium" "${flags[@]}" --user-data-dir="$tmp/profile-$base" \
        --dump-dom "file://$tmp/dom/$base.measure.html" >"$tmp/dom/$base.dom" 2>/dev/null
    rm -rf "$tmp/profile-$base"
}
export -f run_page
export tmp chromium measure
export flags_string="${flags[*]}"
# Two pages at a time (two cores).
for page in "$tmp/overflow.html" "${pages[@]}"; do printf '%s\0' "$page"; done |
    xargs -0 -P 2 -I{} bash -c 'flags=($flags_string); run_page "$1"' _ {}

python3 - "$tmp" "$answers" <<'EOF'
import html.parser, json, os, re, struct, sys, zlib
tmp, answers = sys.argv[1], sys.argv[2]
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print("FAIL " + what)

def scroll_width(dom):
    m = re.search(r'data-scroll-width="(\d+)"', dom)
    return int(m.group(1)) if m else None

class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.parts = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"): self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("style", "script"): self.skip -= 1
    def handle_data(self, data):
        if not self.skip: self.parts.append(data)

def png_is_not_blank(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n": return False, "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    idat, pos = b"", 8
    while pos < len(data):
        length, = struct.unpack(">I", data[pos:pos + 4]); kind = data[pos + 4:pos + 8]
        if kind == b"IDAT": idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    # Unfiltered scanlines are not needed to tell a blank page: a single colour
    # compresses to a handful of distinct byte values; text, marks and boxes give many.
    distinct = len(set(raw[::7]))
    return (width, height) == (1080, 1920) and distinct > 16, f"{width}x{height}, {distinct} distinct byte values"

control = open(os.path.join(tmp, "dom", "overflow.dom")).read() if os.path.exists(os.path.join(tmp, "dom", "overflow.dom")) else ""
check((scroll_width(control) or 0) > 1080, f"the overflow control page is caught (scroll width {scroll_width(control)})")

for name in sorted(os.listdir(os.path.join(tmp, "html"))):
    base = name[:-5]
    folder, _, call = base.partition("-")
    # <request>-<call>.<locale>: the request names may contain '-' themselves.
    for request in sorted(os.listdir(answers), key=len, reverse=True):
        if base.startswith(request + "-"):
            folder, call = request, base[len(request) + 1:]
            break
    answer = json.load(open(os.path.join(answers, folder, call + ".json")))
    shot = os.path.join(tmp, "shots", base + ".png")
    ok, detail = png_is_not_blank(shot) if os.path.exists(shot) else (False, "no screenshot")
    check(ok, f"{base}: screenshot 1080x1920 and not blank ({detail})")
    dom_path = os.path.join(tmp, "dom", base + ".dom")
    dom = open(dom_path).read() if os.path.exists(dom_path) else ""
    width = scroll_width(dom)
    check(width is not None and width <= 1080, f"{base}: scroll width {width} within 1080")
    parser = Text(); parser.feed(dom)
    text = " ".join("".join(parser.parts).split())
    expected = []
    for p in answer.get("pathways", []): expected += [p.get("name"), p.get("citation")]
    for person in answer.get("people", []):
        for item in person.get("items", []): expected += [item.get("name"), item.get("citation")]
    for r in answer.get("requirements", []) + answer.get("vetoes", []): expected += [r.get("label"), r.get("citation")]
    for b in answer.get("breakdown", []): expected += [b.get("label"), b.get("citation")]
    if answer.get("points_allowed") is False: expected += [answer.get("reason"), answer.get("citation")]
    # Citations of second-hand sources read "二手资料：…" / "second-hand source: …" on screen.
    parts = [part for e in expected if e for part in e.replace("secondary: ", "").split("; ")]
    missing = [e for e in parts if " ".join(e.split()) not in text]
    check(not missing, f"{base}: DOM lacks {missing[:3]}")
with open(os.path.join(tmp, "py.count"), "w") as count:
    count.write(f"{passed} passed, {failed} failed\n")
sys.exit(0)
EOF
read -r py_passed _ py_failed _ <"$tmp/py.count"
passed=$((passed + py_passed)) failed=$((failed + py_failed))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
