#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# check-cmake.sh [PREFIX]: the installed hukouConfig.cmake from a tiny CMake project
# (packaging/test/cmake): find_package(hukou 0.2), hukou::hukou (shared) and
# hukou::hukou_static, built, run, and checked for what they NEED; find_package of a
# version this install does not satisfy fails. PREFIX: where hukou is installed (for
# CMAKE_PREFIX_PATH); none: the system folders (the Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-}
passed=0 failed=0
ok()   { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
command -v cmake >/dev/null 2>&1 || { echo "check-cmake: no cmake (apt-get install cmake)"; echo "check-cmake: 0 passed, 1 failed"; exit 1; }

work=$(mktemp -d /tmp/hukou-cmake.XXXXXX)
trap 'rm -rf "$work"' EXIT
args=(-S packaging/test/cmake -B "$work/build" -DCMAKE_BUILD_TYPE=Release)
[[ -n "$prefix" ]] && args+=("-DCMAKE_PREFIX_PATH=$prefix")

if cmake "${args[@]}" >"$work/configure.log" 2>&1; then
    ok "find_package(hukou 0.2) $(sed -n 's/.*hukou_DIR:PATH=//p' "$work/build/CMakeCache.txt")"
else
    fail "cmake configure: $(tail -5 "$work/configure.log")"
    echo "check-cmake: $passed passed, $failed failed"; exit 1
fi
if cmake --build "$work/build" >"$work/build.log" 2>&1; then
    ok "built client_shared (hukou::hukou) and client_static (hukou::hukou_static) with -Werror"
else
    fail "cmake --build: $(grep -m5 -i 'error' "$work/build.log")"
    echo "check-cmake: $passed passed, $failed failed"; exit 1
fi
libdir_env=()
[[ -n "$prefix" ]] && libdir_env=(env "LD_LIBRARY_PATH=$prefix/lib")
for kind in shared static; do
    bin="$work/build/client_$kind"
    if out=$("${libdir_env[@]}" "$bin" 2>&1); then ok "client_$kind runs: ${out##*$'\n'}"; else fail "client_$kind: $out"; fi
done
if readelf -d "$work/build/client_shared" | grep -q 'NEEDED.*\[libhukou\.so\.[0-9]*\]'; then ok "client_shared NEEDs libhukou.so"; else fail "client_shared does not NEED libhukou.so"; fi
if readelf -d "$work/build/client_static" | grep -q -i 'NEEDED.*\(hukou\|swift\)'; then
    fail "client_static NEEDs $(readelf -d "$work/build/client_static" | grep -i -o 'lib\(hukou\|swift\)[^]]*' | head -1)"
else
    ok "client_static needs neither libhukou.so nor a Swift library"
fi

# hukou_USE_STATIC_LIBS makes hukou::hukou the static library.
cat >"$work/CMakeLists.txt" <<CM
cmake_minimum_required(VERSION 3.13)
project(hukou_static_switch C)
set(hukou_USE_STATIC_LIBS ON)
find_package(hukou REQUIRED)
add_executable(client $PWD/packaging/test/client.c)
target_link_libraries(client PRIVATE hukou::hukou)
CM
if cmake -S "$work" -B "$work/b2" ${prefix:+"-DCMAKE_PREFIX_PATH=$prefix"} >"$work/b2.log" 2>&1 && cmake --build "$work/b2" >>"$work/b2.log" 2>&1 \
   && ! readelf -d "$work/b2/client" | grep -q 'NEEDED.*libhukou' && "$work/b2/client" >/dev/null; then
    ok "hukou_USE_STATIC_LIBS=ON: hukou::hukou links libhukou.a"
else
    fail "hukou_USE_STATIC_LIBS: $(grep -m3 -i 'error' "$work/b2.log" || true)"
fi

# Versions: 99.0 is refused, 0.1 (same ABI) accepted.
for want in "99.0 refused" "0.1 accepted"; do
    v=${want%% *}
    printf 'cmake_minimum_required(VERSION 3.13)\nproject(v C)\nfind_package(hukou %s REQUIRED)\n' "$v" >"$work/CMakeLists.txt"
    rm -rf "$work/b3"
    if cmake -S "$work" -B "$work/b3" ${prefix:+"-DCMAKE_PREFIX_PATH=$prefix"} >"$work/b3.log" 2>&1; then got=accepted
    elif grep -q 'version: *[0-9]' "$work/b3.log" || grep -q 'not compatible\|unsuitable' "$work/b3.log"; then got=refused
    else got="not found ($(grep -m1 -i 'could not\|error' "$work/b3.log"))"; fi
    if [[ "$want" == *"$got" ]]; then ok "find_package(hukou $v) $got"; else fail "find_package(hukou $v) $got"; fi
done

echo "check-cmake: $passed passed, $failed failed"
((failed == 0))
