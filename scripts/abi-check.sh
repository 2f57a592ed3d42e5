#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# abi-check.sh [--baseline]: the C ABI of Include/hukou.h against the committed baseline
# abi/libhukou.abi (abidw/abidiff from Debian's abigail-tools).
#
#   scripts/abi-check.sh              check (make test: the abi-check stage)
#   scripts/abi-check.sh --baseline   write abi/libhukou.abi anew (make abi-baseline)
#
# The ABI is read from a probe (scripts/abi-probe.py): every function of the header,
# defined with its declared signature and compiled with -g into a shared object named
# libhukou.so.<HUKOU_ABI_VERSION>, plus the status code values. So abidiff compares
# parameter and return types and status codes, not only names. The check
#   passes  when nothing changed, or only functions were added (compatible: a program
#           built against the baseline still runs);
#   fails   on an incompatible change (a function removed, a parameter or return type
#           changed, a status code's value changed), unless HUKOU_ABI_VERSION (and with
#           it the SONAME libhukou.so.N) moved past the baseline's: then it says to
#           regenerate the baseline for the new ABI (docs/versioning.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
# HEADER and BASELINE: other files, for scripts/test-abi-check.sh.
header=${HEADER:-Include/hukou.h}
baseline=${BASELINE:-abi/libhukou.abi}
CC=${CC:-cc}
passed=0 failed=0
ok()   { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
done_() { echo "abi-check: $passed passed, $failed failed"; ((failed == 0)); exit $?; }

for tool in abidw abidiff; do
    command -v $tool >/dev/null 2>&1 || { fail "no $tool (apt-get install abigail-tools; scripts/ensure-deps.sh test)"; done_; }
done
abi=$(sed -n 's/^#define HUKOU_ABI_VERSION \([0-9][0-9]*\).*/\1/p' "$header")
[[ -n "$abi" ]] || { fail "no HUKOU_ABI_VERSION in $header"; done_; }

work=$(mktemp -d /tmp/hukou-abi.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 scripts/abi-probe.py "$header" >"$work/probe.c"
cp "$header" "$work/hukou.h"
# -fno-eliminate-unused-debug-types: the enum and the opaque struct stay in the DWARF.
if ! $CC -shared -fPIC -g -O0 -fno-eliminate-unused-debug-types -I"$work" "$work/probe.c" \
        -Wl,-soname,libhukou.so.$abi -o "$work/libhukou.so.$abi" 2>"$work/err"; then
    fail "the header's probe does not compile: $(head -5 "$work/err")"; done_
fi
# No path of this machine in the baseline: it is committed.
abidw --no-corpus-path --no-comp-dir-path --short-locs "$work/libhukou.so.$abi" >"$work/current.abi"

if [[ "$mode" == --baseline ]]; then
    mkdir -p "$(dirname "$baseline")"
    cp "$work/current.abi" "$baseline"
    echo "abi-check: wrote $baseline (libhukou.so.$abi, $(grep -c '<elf-symbol ' "$baseline") functions)"
    exit 0
fi
[[ -f "$baseline" ]] || { fail "no $baseline: run make abi-baseline and commit it"; done_; }

base_soname=$(sed -n "s/.*soname='\([^']*\)'.*/\1/p" "$baseline" | head -1)
base_abi=${base_soname##*.so.}
set +e
abidiff --no-show-locs "$baseline" "$work/current.abi" >"$work/diff" 2>&1
rc=$?
set -e
summary() { sed -n "s/^$1 changes summary: \([0-9]*\) Removed[^,]*, \([0-9]*\) Changed[^,]*, \([0-9]*\) Added.*/\1 \2 \3/p" "$work/diff" | head -1; }
read -r f_removed f_changed f_added <<<"$(summary Functions)" || true
read -r v_removed v_changed v_added <<<"$(summary Variables)" || true
f_removed=${f_removed:-0} f_changed=${f_changed:-0} f_added=${f_added:-0}
v_removed=${v_removed:-0} v_changed=${v_changed:-0}

if ((rc & 3)); then
    fail "abidiff could not compare (exit $rc): $(head -5 "$work/diff")"
elif ((rc == 0)); then
    ok "C ABI = baseline $baseline ($base_soname, $(grep -c '<elf-symbol ' "$baseline") functions with their signatures)"
elif ((f_removed == 0 && f_changed == 0 && v_removed == 0 && v_changed == 0)) && [[ "$base_soname" == "libhukou.so.$abi" ]]; then
    ok "compatible ABI change: $f_added function(s) added ($(grep '^ *\[A\]' "$work/diff" | grep -o '{hukou_[a-z_0-9]*}' | tr -d '{}' | sort -u | tr '\n' ' '))"
elif ((abi > base_abi)); then
    ok "incompatible changes with HUKOU_ABI_VERSION $base_abi -> $abi (SONAME libhukou.so.$abi): run make abi-baseline and commit abi/libhukou.abi"
    sed 's/^/     /' "$work/diff" | head -40
else
    fail "incompatible ABI change against $baseline ($f_removed removed, $f_changed changed function(s)) with HUKOU_ABI_VERSION still $abi: undo it, or move HUKOU_ABI_VERSION (and so the SONAME) per docs/versioning.md"
    sed 's/^/     /' "$work/diff" | head -60
fi
if ((abi < base_abi)); then fail "HUKOU_ABI_VERSION $abi is below the baseline's $base_abi"; fi
done_
