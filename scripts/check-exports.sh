#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# check-exports.sh LIB HEADER SONAME: the shared library as kiosk firmware links it.
#  1. the hukou_* symbols it exports (nm -D --defined-only) are exactly the functions
#     the header declares;
#  2. it exports nothing else (no Swift runtime or Swift-mangled symbols to clash with);
#  3. its NEEDED list has no Swift runtime: only libc, libm, libstdc++, libgcc_s,
#     ld-linux (and libjson-c, should the library ever use it);
#  4. its SONAME is SONAME.
set -euo pipefail
lib=${1:?library} header=${2:?header} soname=${3:?soname}
failed=0 passed=0
ok()   { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Functions the header declares: lines "HUKOU_API <type> [*]name(...".
grep -E '^[[:space:]]*HUKOU_API[[:space:]]' "$header" \
    | sed -E 's/\(.*//; s/.*[^A-Za-z0-9_]([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*$/\1/' \
    | sort -u >"$tmp/declared"
# Global symbols only: upper-case types (the linker may keep local ones, lower-case,
# in .dynsym, where nothing can bind to them).
nm -D --defined-only "$lib" | awk '$(NF-1) ~ /^[A-Z]$/ {print $NF}' | sort -u >"$tmp/exported"
grep '^hukou_' "$tmp/exported" >"$tmp/exported_hukou" || true

if [[ ! -s "$tmp/declared" ]]; then
    fail "no HUKOU_API functions found in $header"
elif diff -u "$tmp/declared" "$tmp/exported_hukou" >"$tmp/diff"; then
    ok "exported hukou_* = declared in $(basename "$header") ($(wc -l <"$tmp/declared") functions)"
else
    fail "exported hukou_* differ from $(basename "$header") (- declared only, + exported only):"
    sed -n '3,$p' "$tmp/diff" | grep '^[-+]' | sed 's/^/       /'
fi

# Anything else in the dynamic symbol table besides the linker's own markers.
grep -v -x -E 'hukou_.*|_init|_fini|_edata|_end|__bss_start' "$tmp/exported" >"$tmp/other" || true
if [[ -s "$tmp/other" ]]; then
    fail "$(wc -l <"$tmp/other") other exported symbols, e.g.: $(head -3 "$tmp/other" | tr '\n' ' ')"
else
    ok "no other symbols exported"
fi

needed=$(readelf -d "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
bad=$(echo "$needed" | grep -v -E '^(libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|ld-linux[-a-z0-9_.]*\.so\.[0-9]+|libjson-c\.so\.[0-9]+)$' || true)
if [[ -n "$bad" ]]; then
    fail "NEEDED has more than libc/libm/libstdc++/libgcc_s/ld-linux: $(echo $bad)"
else
    ok "NEEDED: $(echo $needed)"
fi
if echo "$needed" | grep -q -i -E 'swift|dispatch|Foundation|icu'; then
    fail "NEEDED names a Swift runtime library"
else
    ok "no Swift runtime needed at run time"
fi

got=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
if [[ "$got" == "$soname" ]]; then ok "SONAME $got"; else fail "SONAME is '$got', want '$soname'"; fi

echo "check-exports: $passed passed, $failed failed"
((failed == 0))
