#!/usr/bin/env bash
# check-install.sh: install into a temporary prefix and build a C program that knows
# nothing but hukou.h, through pkg-config, both ways:
#   shared:  cc prog.c $(pkg-config --cflags --libs hukou)
#   static:  cc prog.c $(pkg-config --static --cflags --libs hukou)
# then run them; the static one with the shared library moved away, and with no file
# from the Swift toolchain in its link. Also: the header alone compiles as C89 and C++.
set -euo pipefail
cd "$(dirname "$0")/.."
CC=${CC:-cc}
CXX=${CXX:-c++}
MAKE=${MAKE:-make}
failed=0 passed=0
ok()   { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

prefix=$(mktemp -d /tmp/hukou-install.XXXXXX)
work=$(mktemp -d /tmp/hukou-prog.XXXXXX)
trap 'rm -rf "$prefix" "$work"' EXIT

$MAKE --no-print-directory install PREFIX="$prefix" >"$work/install.log" 2>&1 \
    || { cat "$work/install.log"; fail "make install PREFIX=$prefix"; echo "check-install: $passed passed, $failed failed"; exit 1; }
for f in lib/libhukou.so.1 lib/libhukou.so lib/libhukou.a include/hukou.h lib/pkgconfig/hukou.pc \
         lib/hukou-swift-runtime/swiftrt.o lib/hukou-swift-runtime/libswiftCore.a share/hukou/valgrind/hukou.supp; do
    if [[ -e "$prefix/$f" ]]; then ok "installed $f"; else fail "missing $f"; fi
done
if [[ -L "$prefix/lib/libhukou.so" && "$(readlink "$prefix/lib/libhukou.so")" == libhukou.so.1 ]]; then
    ok "libhukou.so -> libhukou.so.1"
else
    fail "libhukou.so is not a symlink to libhukou.so.1"
fi
if grep -q "$PWD" "$prefix/lib/pkgconfig/hukou.pc"; then
    fail "hukou.pc mentions the build tree"
else
    ok "hukou.pc names only the prefix"
fi

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
pc() { pkg-config "$@" hukou; }
want_version=$(sed -n 's/^#define HUKOU_VERSION "\(.*\)".*/\1/p' include/hukou.h 2>/dev/null || sed -n 's/^#define HUKOU_VERSION "\(.*\)".*/\1/p' Include/hukou.h)
if [[ "$(pc --modversion)" == "$want_version" ]]; then ok "pkg-config --modversion $want_version"; else fail "modversion $(pc --modversion), want $want_version"; fi

cat >"$work/prog.c" <<'C'
#include <hukou.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    static const char req[] =
        "{\"jurisdiction\":\"anyang\",\"as_of\":\"2026-11-25\",\"locale\":\"en\","
        "\"applicant\":{\"birth_date\":\"1996-04-12\",\"social_insurance\":{\"months\":8}}}";
    hukou_engine *e = NULL;
    char *answer = NULL;
    int rc;
    if (hukou_abi_version() != HUKOU_ABI_VERSION) return 10;
    rc = hukou_engine_new(&e);
    if (rc != HUKOU_OK) { printf("%s: %s\n", hukou_status_name(rc), hukou_last_error()); return 11; }
    rc = hukou_check_eligibility(e, req, strlen(req), &answer);
    if (rc != HUKOU_OK) { printf("%s: %s\n", hukou_status_name(rc), hukou_last_error()); hukou_engine_free(e); return 12; }
    printf("hukou %s: %zu bytes of answer\n", hukou_version(), strlen(answer));
    hukou_string_free(answer);
    hukou_engine_free(e);
    return 0;
}
C

# The header alone: C89, C11 and C++, pedantic, no warnings.
cat >"$work/header.c" <<'C'
#include <hukou.h>
int main(void) { return hukou_abi_version() == HUKOU_ABI_VERSION ? 0 : 1; }
C
for std in c89 c11; do
    if $CC -std=$std -pedantic -Wall -Wextra -Werror -fsyntax-only $(pc --cflags) "$work/header.c" 2>"$work/err"; then
        ok "hukou.h compiles as $std -pedantic -Werror"
    else
        fail "hukou.h as $std: $(head -3 "$work/err")"
    fi
done
if command -v "$CXX" >/dev/null 2>&1; then
    if $CXX -x c++ -std=c++11 -pedantic -Wall -Wextra -Werror -fsyntax-only $(pc --cflags) "$work/header.c" 2>"$work/err"; then
        ok "hukou.h compiles as C++11"
    else
        fail "hukou.h as C++: $(head -3 "$work/err")"
    fi
fi

# Shared.
shared_cmd="$CC $work/prog.c $(pc --cflags --libs) -o $work/prog_shared"
echo "     $shared_cmd"
if $shared_cmd 2>"$work/err"; then
    ok "shared link"
    if readelf -d "$work/prog_shared" | grep -q 'NEEDED.*\[libhukou\.so\.1\]'; then ok "prog_shared NEEDs libhukou.so.1"; else fail "prog_shared does not NEED libhukou.so.1"; fi
    if out=$(LD_LIBRARY_PATH="$prefix/lib" "$work/prog_shared" 2>&1); then ok "prog_shared runs: $out"; else fail "prog_shared: $out"; fi
else
    fail "shared link: $(head -5 "$work/err")"
fi

# Static, exactly as the issue writes it.
static_cmd="$CC $work/prog.c $(pc --static --cflags --libs) -o $work/prog_static"
echo "     $static_cmd"
if $static_cmd -Wl,--trace >"$work/trace" 2>"$work/err"; then
    ok "static link (pkg-config --static)"
    if readelf -d "$work/prog_static" | grep -q 'NEEDED.*libhukou'; then fail "prog_static NEEDs libhukou"; else ok "prog_static needs no libhukou.so"; fi
    if readelf -d "$work/prog_static" | grep -q -i 'NEEDED.*swift'; then fail "prog_static NEEDs a Swift library"; else ok "prog_static needs no Swift library"; fi
    # -Wl,--trace lists every file the link read: none may come from the toolchain.
    toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)")")")
    if grep -F -q "$toolchain/" "$work/trace"; then
        fail "the static link read files of the Swift toolchain ($toolchain): $(grep -F "$toolchain/" "$work/trace" | head -3 | tr '\n' ' ')"
    else
        ok "the static link read nothing from the Swift toolchain ($toolchain)"
    fi
    mkdir "$prefix/hidden"
    mv "$prefix"/lib/libhukou.so* "$prefix/hidden/"
    if out=$(LD_LIBRARY_PATH="$prefix/lib" "$work/prog_static" 2>&1); then ok "prog_static runs without libhukou.so: $out"; else fail "prog_static: $out"; fi
    if LD_LIBRARY_PATH="$prefix/lib" ldd "$work/prog_static" | grep -q libhukou; then fail "ldd prog_static shows libhukou"; else ok "ldd prog_static: no libhukou"; fi
    mv "$prefix"/hidden/libhukou.so* "$prefix/lib/"
else
    fail "static link: $(head -5 "$work/err")"
fi

# Static, for build systems that compile and link in separate steps.
if $CC -c "$work/prog.c" $(pc --cflags) -o "$work/prog.o" 2>"$work/err" \
   && $CC "$work/prog.o" $(pc --variable=static_libs) -o "$work/prog_static2" 2>>"$work/err"; then
    if ! readelf -d "$work/prog_static2" | grep -q 'NEEDED.*libhukou' && out=$("$work/prog_static2" 2>&1); then
        ok "static link via --variable=static_libs runs: $out"
    else
        fail "static link via static_libs: needs libhukou.so or fails: ${out:-}"
    fi
else
    fail "static link via static_libs: $(head -5 "$work/err")"
fi

echo "check-install: $passed passed, $failed failed"
((failed == 0))
