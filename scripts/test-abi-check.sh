#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test-abi-check.sh: scripts/abi-check.sh on edited copies of Include/hukou.h against the
# committed baseline, so that the check is known to catch what it must (and to let pass
# what it must). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0 failed=0
work=$(mktemp -d /tmp/hukou-abi-test.XXXXXX)
trap 'rm -rf "$work"' EXIT

case_() { # name, want (pass|fail), python expression editing the header text s
    local name=$1 want=$2 edit=$3 got
    python3 -c "
import sys
s = open('Include/hukou.h', encoding='utf-8').read()
t = $edit
if t == s: sys.exit('edit changed nothing: $name')
open('$work/hukou.h', 'w', encoding='utf-8').write(t)" || { failed=$((failed + 1)); echo "FAIL $name: the edit did not apply"; return; }
    if HEADER="$work/hukou.h" scripts/abi-check.sh >"$work/out" 2>&1; then got=passes; else got=fails; fi
    if [[ "$got" == "${want}es" || "$got" == "${want}s" ]]; then
        passed=$((passed + 1)); echo "ok   $name: abi-check $got"
    else
        failed=$((failed + 1)); echo "FAIL $name: abi-check ${got}ed, want ${want}"; sed 's/^/     /' "$work/out" | head -20
    fi
}

if scripts/abi-check.sh >"$work/out" 2>&1; then passed=$((passed + 1)); echo "ok   the header as it is passes"; else failed=$((failed + 1)); echo "FAIL the header as it is:"; cat "$work/out"; fi
add='HUKOU_API int hukou_abi_test_added(const hukou_engine *e, const char *id, long long *out_serial);\n'
case_ "a function added" pass "s.replace('#ifdef __cplusplus\n}', '$add#ifdef __cplusplus\n}')"
case_ "a status code added" pass "s.replace('#define HUKOU_E_ROLLBACK ', '#define HUKOU_E_ABI_TEST_NEW 99\n#define HUKOU_E_ROLLBACK ')"
case_ "a parameter type changed (size_t len -> int len)" fail "s.replace('hukou_engine_load_pack(hukou_engine *e, const char *json, size_t len)', 'hukou_engine_load_pack(hukou_engine *e, const char *json, int len)')"
case_ "a parameter added" fail "s.replace('HUKOU_API void hukou_string_free(char *s);', 'HUKOU_API void hukou_string_free(char *s, int flags);')"
case_ "a return type changed (int -> long)" fail "s.replace('HUKOU_API int hukou_abi_version(void);', 'HUKOU_API long hukou_abi_version(void);')"
case_ "a function removed" fail "s.replace('HUKOU_API void hukou_string_free(char *s);', '')"
case_ "the value of a status code changed (HUKOU_E_PARSE 1 -> 11)" fail "s.replace('#define HUKOU_E_PARSE                 1 ', '#define HUKOU_E_PARSE                11 ')"
case_ "an incompatible change with HUKOU_ABI_VERSION moved" pass "s.replace('HUKOU_API void hukou_string_free(char *s);', 'HUKOU_API void hukou_string_free(char *s, int flags);').replace('#define HUKOU_ABI_VERSION 1', '#define HUKOU_ABI_VERSION 2')"

echo "test-abi-check: $passed passed, $failed failed"
((failed == 0))
