#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# check-install.sh: install into a temporary prefix and build a C program that knows
# nothing but hukou.h, through pkg-config, both ways:
#   shared:  cc prog.c $(pkg-config --cflags --libs hukou)
#   static:  cc -c prog.c $(pkg-config --static --cflags hukou) -Werror   (compile step)
#            cc prog.o $(pkg-config --static --libs hukou)                 (link step)
# then run them; the static one with the shared library moved away, and with no file
# from the Swift toolchain in its link. Also: the header alone compiles as C89 and C++,
# the installed tool runs without the Swift toolchain, the man page, and the CMake
# package (scripts/check-cmake.sh).
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
for f in lib/libhukou.so.1 lib/libhukou.so lib/libhukou.a lib/hukou-static/libhukou.a include/hukou.h \
         lib/pkgconfig/hukou.pc lib/cmake/hukou/hukouConfig.cmake lib/cmake/hukou/hukouConfigVersion.cmake \
         bin/hukou share/man/man1/hukou.1 share/hukou/valgrind/hukou.supp; do
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

# Static. The compile step asks --cflags alone and gets no linker flag (clang -Werror
# would fail on "argument unused during compilation"); the link step asks --libs alone.
# `pkg-config --static --libs` picks libhukou.a when libdir is a default folder of the
# linker (the Debian packages, /usr, /usr/local: Libs has no -L there, see hukou.pc.in);
# this temporary prefix is made one with LIBRARY_PATH and the .pc such an install has.
# scripts/test-deb.sh checks the real thing in /usr/lib/<triplet>.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)")")")
static_checks() { # name, binary, link trace
    local name=$1 bin=$2 trace=$3 out
    if readelf -d "$bin" | grep -q 'NEEDED.*libhukou'; then fail "$name NEEDs libhukou"; else ok "$name needs no libhukou.so"; fi
    if readelf -d "$bin" | grep -q -i 'NEEDED.*swift'; then fail "$name NEEDs a Swift library"; else ok "$name needs no Swift library"; fi
    # -Wl,--trace lists every file the link read: none may come from the toolchain.
    if grep -F -q "$toolchain/" "$trace"; then
        fail "$name: the link read files of the Swift toolchain ($toolchain): $(grep -F "$toolchain/" "$trace" | head -3 | tr '\n' ' ')"
    else
        ok "$name: the link read nothing from the Swift toolchain"
    fi
    mkdir -p "$prefix/hidden"
    mv "$prefix"/lib/libhukou.so* "$prefix/hidden/"
    if out=$("$bin" 2>&1); then ok "$name runs without libhukou.so: $out"; else fail "$name: $out"; fi
    mv "$prefix"/hidden/libhukou.so* "$prefix/lib/"
}
compilers=("$CC")
command -v clang >/dev/null 2>&1 && [[ "$CC" != clang ]] && compilers+=(clang)
if grep -q '^Libs: -L${libdir} -lhukou$' "$prefix/lib/pkgconfig/hukou.pc"; then
    ok "a private prefix's hukou.pc: Libs: -L\${libdir} -lhukou"
else
    fail "hukou.pc of $prefix lacks 'Libs: -L\${libdir} -lhukou'"
fi
mkdir -p "$work/syspc"
sed 's/^Libs: -L${libdir} -lhukou$/Libs: -lhukou/' "$prefix/lib/pkgconfig/hukou.pc" >"$work/syspc/hukou.pc"
for cc in "${compilers[@]}"; do
    cflags=$(PKG_CONFIG_PATH="$work/syspc" pkg-config --static --cflags hukou)
    libs=$(PKG_CONFIG_PATH="$work/syspc" pkg-config --static --libs hukou)
    echo "     $cc -c prog.c $cflags -Wall -Werror;  $cc prog.o $libs"
    if $cc -c "$work/prog.c" $cflags -Wall -Wextra -Werror -o "$work/prog_static.o" 2>"$work/err" \
       && LIBRARY_PATH="$prefix/lib" $cc "$work/prog_static.o" $libs -o "$work/prog_static" -Wl,--trace >"$work/trace" 2>>"$work/err"; then
        ok "$cc: static link with split --static --cflags / --static --libs, -Werror"
        static_checks "prog_static ($cc)" "$work/prog_static" "$work/trace"
    else
        fail "$cc: static link, split steps: $(head -5 "$work/err")"
    fi
done
if [[ "$(pc --static --cflags)" == *-L* ]]; then fail "pkg-config --static --cflags has a -L: $(pc --static --cflags)"; else ok "pkg-config --static --cflags has no -L"; fi

# Static, from any prefix, with static_libs.
if $CC -c "$work/prog.c" $(pc --cflags) -Werror -o "$work/prog.o" 2>"$work/err" \
   && $CC "$work/prog.o" $(pc --variable=static_libs) -o "$work/prog_static2" -Wl,--trace >"$work/trace2" 2>>"$work/err"; then
    ok "static link via --variable=static_libs"
    static_checks "prog_static2 (static_libs)" "$work/prog_static2" "$work/trace2"
else
    fail "static link via static_libs: $(head -5 "$work/err")"
fi

# The command line as one file, and its man page.
if ldd "$prefix/bin/hukou" | grep -q -i -E 'swift|Foundation|icu|dispatch|not found'; then
    fail "bin/hukou needs: $(ldd "$prefix/bin/hukou" | grep -i -E 'swift|Foundation|icu|dispatch|not found' | head -3 | tr '\n' ' ')"
else
    ok "ldd bin/hukou: no Swift library ($(ldd "$prefix/bin/hukou" | awk '{print $1}' | tr '\n' ' '))"
fi
if [[ "$(env -i PATH=/usr/bin:/bin "$prefix/bin/hukou" --version 2>&1)" == "$want_version" ]]; then
    ok "bin/hukou --version: $want_version, with PATH=/usr/bin:/bin"
else
    fail "bin/hukou --version: $("$prefix/bin/hukou" --version 2>&1)"
fi
if command -v man >/dev/null 2>&1; then
    if MANPATH="$prefix/share/man" man -w hukou 2>/dev/null | grep -q "^$prefix/share/man/man1/hukou.1"; then
        ok "man -w hukou finds share/man/man1/hukou.1"
    else
        fail "man -w hukou with MANPATH=$prefix/share/man: $(MANPATH="$prefix/share/man" man -w hukou 2>&1)"
    fi
fi
if grep -q '^\.Dt HUKOU 1' "$prefix/share/man/man1/hukou.1" && grep -q -- 'version' "$prefix/share/man/man1/hukou.1" \
   && grep -q 'eligibility' "$prefix/share/man/man1/hukou.1"; then
    ok "hukou.1 is hukou(1), with --version and the subcommands"
else
    fail "hukou.1 is not the hukou(1) page with --version and the subcommands"
fi

# CMake.
if command -v cmake >/dev/null 2>&1; then
    if scripts/check-cmake.sh "$prefix" >"$work/cmake.log" 2>&1; then sed 's/^/     /' "$work/cmake.log"; ok "CMake client: $(tail -1 "$work/cmake.log")"
    else sed 's/^/     /' "$work/cmake.log"; fail "CMake client"; fi
else
    echo "skip CMake client: no cmake (scripts/ensure-deps.sh test installs it)"
fi

echo "check-install: $passed passed, $failed failed"
((failed == 0))
