#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# release-check.sh: what must hold before tagging vX.Y.Z (make release-check; the steps
# are in docs/versioning.md, "Releasing"). Read-only: it tags nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0 failed=0
ok()   { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

version=$(sed -n 's/^#define HUKOU_VERSION "\(.*\)".*/\1/p' Include/hukou.h)
abi=$(sed -n 's/^#define HUKOU_ABI_VERSION \([0-9][0-9]*\).*/\1/p' Include/hukou.h)
major=$(sed -n 's/^#define HUKOU_VERSION_MAJOR \([0-9]*\).*/\1/p' Include/hukou.h)
minor=$(sed -n 's/^#define HUKOU_VERSION_MINOR \([0-9]*\).*/\1/p' Include/hukou.h)
patch=$(sed -n 's/^#define HUKOU_VERSION_PATCH \([0-9]*\).*/\1/p' Include/hukou.h)
echo "release-check: hukou $version, ABI $abi (libhukou.so.$abi)"

# One version everywhere.
[[ "$version" == "$major.$minor.$patch" ]] && ok "HUKOU_VERSION = MAJOR.MINOR.PATCH" || fail "HUKOU_VERSION $version vs $major.$minor.$patch"
# The library and the CLI read HUKOU_VERSION and HUKOU_ABI_VERSION from the header (CHukou):
# no other copy to compare; the built binaries are checked below.
[[ "$(build/bin/hukou --version 2>&1)" == "$version" ]] && ok "build/bin/hukou --version: $version" || fail "build/bin/hukou --version: $(build/bin/hukou --version 2>&1)"
[[ "$(PKG_CONFIG_PATH=build/lib/pkgconfig pkg-config --modversion hukou)" == "$version" ]] && ok "hukou.pc: $version" || fail "build/lib/pkgconfig/hukou.pc is not $version"
soname=$(readelf -d build/lib/libhukou.so.$abi 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[[ "$soname" == "libhukou.so.$abi" ]] && ok "SONAME $soname" || fail "SONAME '$soname', want libhukou.so.$abi"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if cc packaging/test/client.c $(PKG_CONFIG_PATH=build/lib/pkgconfig pkg-config --cflags --libs hukou) -Wl,-rpath,"$PWD/build/lib" -o "$work/client" 2>"$work/err" \
   && out=$("$work/client"); then ok "the built library: ${out##*$'\n'}"; else fail "client against build/: $(head -3 "$work/err") ${out:-}"; fi

# The changelog has the release, with a date; the packaging knows every function.
if grep -q -E "^## \[$version\] - [0-9]{4}-[0-9]{2}-[0-9]{2}" CHANGELOG.md; then
    ok "CHANGELOG.md: ## [$version] - <date>"
else
    fail "CHANGELOG.md has no '## [$version] - YYYY-MM-DD' section (rename [Unreleased] and date it)"
fi
grep -q "^## \[Unreleased\]" CHANGELOG.md && ok "CHANGELOG.md keeps an [Unreleased] section" || fail "CHANGELOG.md lacks '## [Unreleased]' above the release"
missing=$(nm -D --defined-only build/lib/libhukou.so.$abi | awk '$(NF-1) ~ /^[A-Z]$/ && $NF ~ /^hukou_/ {print $NF}' \
    | while read -r s; do grep -q "^ $s@Base " packaging/debian/libhukou$abi.symbols 2>/dev/null || echo "$s"; done)
[[ -z "$missing" ]] && ok "packaging/debian/libhukou$abi.symbols lists every exported function" \
    || fail "add to packaging/debian/libhukou$abi.symbols (with version $version): $(echo $missing)"
grep -q "^ABI_SINCE := " Makefile && ok "Makefile ABI_SINCE $(sed -n 's/^ABI_SINCE := //p' Makefile)" || fail "no ABI_SINCE in Makefile"

# ABI, exports, licenses.
scripts/abi-check.sh >"$work/abi" 2>&1 && ok "$(tail -1 "$work/abi")" || { sed 's/^/     /' "$work/abi"; fail "abi-check"; }
base_soname=$(sed -n "s/.*soname='\([^']*\)'.*/\1/p" abi/libhukou.abi | head -1)
[[ "$base_soname" == "libhukou.so.$abi" ]] && ok "abi/libhukou.abi is for libhukou.so.$abi" || fail "abi/libhukou.abi is for $base_soname: make abi-baseline"
scripts/check-exports.sh build/lib/libhukou.so.$abi Include/hukou.h libhukou.so.$abi >"$work/exp" 2>&1 && ok "$(tail -1 "$work/exp")" || { cat "$work/exp"; fail "check-exports"; }
[[ -f LICENSE ]] && grep -q "Apache License" LICENSE && grep -q "Version 2.0, January 2004" LICENSE && ok "LICENSE: Apache-2.0" || fail "no Apache-2.0 LICENSE"
scripts/spdx.sh --check >"$work/spdx" 2>&1 && ok "$(tail -1 "$work/spdx")" || fail "$(head -1 "$work/spdx") (scripts/spdx.sh --add)"

# git: committed, and the tag is new.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    [[ -z "$(git status --porcelain --untracked-files=no)" ]] && ok "work tree committed" || fail "uncommitted changes"
    git rev-parse -q --verify "refs/tags/v$version" >/dev/null && fail "tag v$version exists already" || ok "tag v$version is free"
fi

echo "release-check: $passed passed, $failed failed"
if ((failed == 0)); then
    echo "release-check: ready: git tag -a v$version -m \"hukou $version\" && make deb"
fi
((failed == 0))
