#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test-deb.sh: the Debian packages of build/deb/ (make deb) as a vendor's machine gets
# them: installed with `apt-get install ./…deb`, used with nothing else (a C client
# through pkg-config, shared and static with split --cflags/--libs steps, the CMake
# client, hukou on PATH, its man page), then purged, leaving nothing behind.
# Needs root (CI runs as root); otherwise it says so and skips.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0 failed=0
ok()   { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
finish() { echo "test-deb: $passed passed, $failed failed"; ((failed == 0)); exit $?; }

if [[ $(id -u) -ne 0 ]]; then
    echo "test-deb: skipped: installing packages needs root (CI runs as root)"
    exit 0
fi
command -v apt-get >/dev/null 2>&1 || { echo "test-deb: skipped: no apt-get (not Debian)"; exit 0; }
version=$(sed -n 's/^#define HUKOU_VERSION "\(.*\)".*/\1/p' Include/hukou.h)
abi=$(sed -n 's/^#define HUKOU_ABI_VERSION \([0-9][0-9]*\).*/\1/p' Include/hukou.h)
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
packages=(libhukou$abi libhukou-dev hukou-tools)
debs=()
for p in "${packages[@]}"; do
    f=$(ls build/deb/${p}_${version}-*_*.deb 2>/dev/null | head -1)
    [[ -n "$f" ]] || { fail "no build/deb/${p}_${version}-*.deb (make deb)"; finish; }
    debs+=("./$f")
done
export DEBIAN_FRONTEND=noninteractive
purge() { apt-get purge -y -qq -o DPkg::Lock::Timeout=600 "${packages[@]}" >/dev/null 2>&1 || dpkg --purge "${packages[@]}" >/dev/null 2>&1 || true; }
work=$(mktemp -d /tmp/hukou-deb.XXXXXX)
trap 'purge; rm -rf "$work"' EXIT
# A left-over install of an earlier run would hide what these packages do.
if dpkg-query -W "${packages[@]}" >/dev/null 2>&1; then purge; fi

if apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${debs[@]}" >"$work/apt.log" 2>&1; then
    ok "apt-get install ${debs[*]}"
else
    fail "apt-get install: $(tail -5 "$work/apt.log")"; finish
fi
for p in "${packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status} ${Version}' "$p" 2>/dev/null)" == "install ok installed $version-"* ]]; then ok "$p $version installed"; else fail "$p not installed"; fi
done

# The tool: on PATH, one file, no toolchain (PATH without /opt/swift), its man page.
clean_env=(env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8)
if [[ "$("${clean_env[@]}" sh -c 'command -v hukou')" == /usr/bin/hukou ]]; then ok "hukou on PATH: /usr/bin/hukou"; else fail "hukou is not /usr/bin/hukou on PATH"; fi
if [[ "$("${clean_env[@]}" hukou --version 2>&1)" == "$version" ]]; then ok "hukou --version: $version"; else fail "hukou --version: $("${clean_env[@]}" hukou --version 2>&1)"; fi
if ldd /usr/bin/hukou | grep -q -i -E 'swift|Foundation|icu|dispatch|not found'; then
    fail "ldd /usr/bin/hukou: $(ldd /usr/bin/hukou | grep -i -E 'swift|Foundation|icu|dispatch|not found' | head -3 | tr '\n' ' ')"
else
    ok "ldd /usr/bin/hukou: no Swift library ($(ldd /usr/bin/hukou | awk '{print $1}' | tr '\n' ' '))"
fi
if "${clean_env[@]}" hukou eligibility examples/requests/anyang.json --locale en >"$work/answer.json" 2>"$work/err" \
   && grep -q '"kind":"eligibility"' "$work/answer.json"; then
    ok "hukou eligibility examples/requests/anyang.json answers"
else
    fail "hukou eligibility: $(head -3 "$work/err")"
fi
"${clean_env[@]}" hukou eligibility examples/requests/anyang.json --locale fr >/dev/null 2>&1
rc=$?
if [[ $rc == 2 ]]; then ok "hukou --locale fr: usage error, exit 2"; else fail "hukou --locale fr: exit $rc, want 2"; fi
if [[ -f /usr/share/man/man1/hukou.1.gz ]] && zcat /usr/share/man/man1/hukou.1.gz | grep -q '^\.Dt HUKOU 1'; then
    ok "/usr/share/man/man1/hukou.1.gz is hukou(1)"
else
    fail "no hukou(1) in /usr/share/man/man1/hukou.1.gz"
fi
if command -v man >/dev/null 2>&1; then
    if [[ "$(man -w hukou 2>&1)" == /usr/share/man/man1/hukou.1.gz ]]; then ok "man -w hukou: /usr/share/man/man1/hukou.1.gz"; else fail "man -w hukou: $(man -w hukou 2>&1)"; fi
fi

# The library: ldconfig ran (trigger), pkg-config, a client shared and static.
if ldconfig -p | grep -q "libhukou.so.$abi "; then ok "ldconfig knows libhukou.so.$abi"; else fail "libhukou.so.$abi not in the ld.so cache"; fi
unset PKG_CONFIG_PATH
if [[ "$(pkg-config --modversion hukou 2>&1)" == "$version" ]]; then ok "pkg-config --modversion hukou: $version"; else fail "pkg-config --modversion hukou: $(pkg-config --modversion hukou 2>&1)"; fi
cp packaging/test/client.c "$work/client.c"
if cc "$work/client.c" $(pkg-config --cflags --libs hukou) -Wall -Wextra -Werror -o "$work/client_shared" 2>"$work/err"; then
    ok "cc client.c \$(pkg-config --cflags --libs hukou): $(pkg-config --cflags --libs hukou)"
    if readelf -d "$work/client_shared" | grep -q "NEEDED.*\[libhukou\.so\.$abi\]"; then ok "client_shared NEEDs libhukou.so.$abi"; else fail "client_shared does not NEED libhukou.so.$abi"; fi
    if out=$("$work/client_shared" 2>&1); then ok "client_shared runs: ${out##*$'\n'}"; else fail "client_shared: $out"; fi
else
    fail "shared client: $(head -5 "$work/err")"
fi
compilers=(cc)
command -v clang >/dev/null 2>&1 && compilers+=(clang)
for c in "${compilers[@]}"; do
    cflags=$(pkg-config --static --cflags hukou) libs=$(pkg-config --static --libs hukou)
    if $c -c "$work/client.c" $cflags -Wall -Wextra -Werror -o "$work/client.o" 2>"$work/err" \
       && $c "$work/client.o" $libs -o "$work/client_static" 2>>"$work/err"; then
        ok "$c -c client.c $cflags -Werror; $c client.o $libs"
        if readelf -d "$work/client_static" | grep -q -i 'NEEDED.*\(hukou\|swift\)'; then
            fail "client_static ($c) NEEDs libhukou or a Swift library"
        else
            ok "client_static ($c) needs neither libhukou.so nor a Swift library"
        fi
        if out=$("$work/client_static" 2>&1); then ok "client_static ($c) runs: ${out##*$'\n'}"; else fail "client_static ($c): $out"; fi
    else
        fail "static client ($c), split steps: $(head -5 "$work/err")"
    fi
done

# CMake, from the system folders.
if command -v cmake >/dev/null 2>&1; then
    if scripts/check-cmake.sh >"$work/cmake.log" 2>&1; then sed 's/^/     /' "$work/cmake.log"; ok "CMake client: $(tail -1 "$work/cmake.log")"
    else sed 's/^/     /' "$work/cmake.log"; fail "CMake client"; fi
else
    fail "no cmake (scripts/ensure-deps.sh test installs it)"
fi

# Purge: nothing of hukou may be left.
files=$(dpkg -L "${packages[@]}" 2>/dev/null | while read -r f; do [[ -f "$f" || -L "$f" ]] && echo "$f"; done)
if apt-get purge -y -qq -o DPkg::Lock::Timeout=600 "${packages[@]}" >"$work/purge.log" 2>&1; then ok "apt-get purge ${packages[*]}"; else fail "apt-get purge: $(tail -3 "$work/purge.log")"; fi
left=$(for f in $files; do [[ -e "$f" || -L "$f" ]] && echo "$f"; done)
for d in /usr/lib/$triplet/hukou-static /usr/lib/$triplet/cmake/hukou /usr/share/doc/hukou-tools /usr/share/doc/libhukou-dev /usr/share/doc/libhukou$abi; do
    [[ -e "$d" ]] && left+=" $d"
done
if [[ -z "${left// /}" ]]; then ok "purged: none of the $(echo "$files" | wc -w) files is left"; else fail "left after purge: $left"; fi
if dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -q 'installed'; then fail "dpkg still lists a package"; else ok "dpkg lists none of ${packages[*]}"; fi
if ldconfig -p | grep -q libhukou; then fail "libhukou still in the ld.so cache"; else ok "libhukou gone from the ld.so cache"; fi
finish
