#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# build-deb.sh: the Debian packages of hukou, with dpkg-deb only (no network, no
# debhelper), from the build tree of `make lib cli` (make deb runs this):
#
#   libhukou1     /usr/lib/<triplet>/libhukou.so.1 (+ shlibs, symbols, ldconfig trigger)
#   libhukou-dev  hukou.h, libhukou.so, the self-contained libhukou.a, hukou.pc, CMake package
#   hukou-tools   /usr/bin/hukou (one file, no Swift runtime needed) and hukou(1)
#
# Output: build/deb/<package>_<version>-<revision>_<arch>.deb. Environment:
#   DEB_REVISION (default 1), DEB_MAINTAINER, DEB_COMPRESSION (xz, gzip), MAKE.
set -euo pipefail
cd "$(dirname "$0")/.."
MAKE=${MAKE:-make}
version=$(sed -n 's/^#define HUKOU_VERSION "\(.*\)".*/\1/p' Include/hukou.h)
abi=$(sed -n 's/^#define HUKOU_ABI_VERSION \([0-9][0-9]*\).*/\1/p' Include/hukou.h)
revision=${DEB_REVISION:-1}
# xz for packages to ship; make test's throw-away packages use gzip (a fifth of the CPU).
case ${DEB_COMPRESSION:-xz} in
    xz) compress="-Zxz -z2" ;;
    gzip) compress="-Zgzip -z6" ;;
    *) echo "build-deb: DEB_COMPRESSION is xz or gzip" >&2; exit 2 ;;
esac
maintainer=${DEB_MAINTAINER:-the hukou maintainers <maintainers@hukou.invalid>}
arch=$(dpkg --print-architecture)
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
full="$version-$revision"
lib=libhukou$abi
out=build/deb
stage=build/deb/stage

rm -rf "$out"
mkdir -p "$stage/root"
# One install, split into the three packages.
$MAKE --no-print-directory install DESTDIR="$PWD/$stage/root" PREFIX=/usr LIBDIR=/usr/lib/$triplet >"$out/install.log" 2>&1 \
    || { cat "$out/install.log"; echo "build-deb: make install failed" >&2; exit 1; }
root=$stage/root
L=usr/lib/$triplet

move() { # package, path under root (file or symlink or folder)
    local pkg=$1 path=$2
    mkdir -p "$stage/$pkg/$(dirname "$path")"
    mv "$root/$path" "$stage/$pkg/$path"
}
move $lib "$L/libhukou.so.$abi"
for p in "$L/libhukou.so" "$L/libhukou.a" "$L/hukou-static" "$L/pkgconfig/hukou.pc" "$L/cmake/hukou" usr/include/hukou.h \
         usr/share/hukou/valgrind/hukou.supp; do
    move libhukou-dev "$p"
done
move hukou-tools usr/bin/hukou
move hukou-tools usr/share/man/man1/hukou.1
left=$(cd "$root" && find . -type f -o -type l)
[[ -z "$left" ]] || { echo "build-deb: installed files in no package: $left" >&2; exit 1; }

# What Debian's tools would do: strip, compress the man page, copyright, md5sums.
strip --strip-unneeded --remove-section=.comment "$stage/$lib/$L/libhukou.so.$abi"
strip --strip-debug "$stage/libhukou-dev/$L/libhukou.a"
strip --remove-section=.comment "$stage/hukou-tools/usr/bin/hukou"
gzip -9n "$stage/hukou-tools/usr/share/man/man1/hukou.1"
tools_copyright='
Files: embedded in /usr/bin/hukou
Copyright: Apple Inc. and the Swift project authors (swift-argument-parser, Foundation);
 Unicode, Inc. and others (ICU data, through Foundation)
License: Apache-2.0 with Runtime Library Exception; ICU: Unicode-3.0
 Linked in statically, so that the tool needs no Swift toolchain at run time.
'
for pkg in $lib libhukou-dev hukou-tools; do
    install -d "$stage/$pkg/usr/share/doc/$pkg"
    if [[ $pkg == hukou-tools ]]; then extra=$tools_copyright; else extra=; fi
    awk -v extra="$extra" '{ if ($0 == "@TOOLS_COPYRIGHT@") printf "%s", extra; else print }' \
        packaging/debian/copyright.in >"$stage/$pkg/usr/share/doc/$pkg/copyright"
    [[ -f CHANGELOG.md ]] && gzip -9nc CHANGELOG.md >"$stage/$pkg/usr/share/doc/$pkg/changelog.gz"
done

# Depends of the ELF files, from the installed system's shlibs (dpkg-shlibdeps), or
# the package names alone when dpkg-dev is missing.
shlibdeps() { # file...
    if command -v dpkg-shlibdeps >/dev/null 2>&1; then
        local d
        d=$(mktemp -d)
        mkdir -p "$d/debian"
        printf 'Source: hukou\n\nPackage: hukou\nArchitecture: any\n' >"$d/debian/control"
        local args=()
        for f in "$@"; do args+=("-e$(readlink -f "$f")"); done
        (cd "$d" && dpkg-shlibdeps -O "${args[@]}" 2>/dev/null) | sed -n 's/^shlibs:Depends=//p'
        rm -rf "$d"
    else
        echo "libc6, libgcc-s1, libstdc++6"
    fi
}
gcc_major=$(gcc -dumpversion 2>/dev/null | cut -d. -f1)

control() { # package, section, depends, description (first line), long description
    local pkg=$1 section=$2 depends=$3 short=$4 long=$5 extra=${6:-}
    install -d "$stage/$pkg/DEBIAN"
    local size
    size=$(du -sk --exclude=DEBIAN "$stage/$pkg" | cut -f1)
    {
        echo "Package: $pkg"
        echo "Source: hukou"
        echo "Version: $full"
        echo "Architecture: $arch"
        echo "Maintainer: $maintainer"
        echo "Installed-Size: $size"
        echo "Section: $section"
        echo "Priority: optional"
        [[ -n "$depends" ]] && echo "Depends: $depends"
        [[ -n "$extra" ]] && printf '%s\n' "$extra"
        echo "Description: $short"
        printf '%s\n' "$long" | sed 's/^$/./; s/^/ /'
    } >"$stage/$pkg/DEBIAN/control"
    (cd "$stage/$pkg" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort | xargs -r md5sum) \
        >"$stage/$pkg/DEBIAN/md5sums"
}

about='hukou decides settlement eligibility (落户资格), residence-permit points
(居住证积分) and public-service entitlements for Chinese public-service kiosks,
from policy packs that cite the documents they implement.'

control $lib libs "$(shlibdeps "$stage/$lib/$L/libhukou.so.$abi")" \
    "settlement eligibility and residence-permit points (C library)" \
    "$about

This package holds the shared library libhukou.so.$abi. It needs no Swift runtime:
the Swift standard library is linked in, and only the C API (hukou_*) is exported."
echo "libhukou $abi $lib (>= $version)" >"$stage/$lib/DEBIAN/shlibs"
# The committed symbols file, plus any exported function it lacks (at this version).
{
    grep -v '^#' packaging/debian/$lib.symbols
    nm -D --defined-only "$stage/$lib/$L/libhukou.so.$abi" | awk '$(NF-1) ~ /^[A-Z]$/ && $NF ~ /^hukou_/ {print $NF}' | sort \
        | while read -r sym; do
            grep -q "^ $sym@Base " packaging/debian/$lib.symbols || echo " $sym@Base $version"
        done
} >"$stage/$lib/DEBIAN/symbols"
echo "activate-noawait ldconfig" >"$stage/$lib/DEBIAN/triggers"

control libhukou-dev libdevel "$lib (= $full), libc6-dev | libc-dev, libstdc++-${gcc_major:-12}-dev | libstdc++-dev" \
    "settlement eligibility and residence-permit points (C development files)" \
    "$about

This package holds the header hukou.h, the pkg-config file hukou.pc, the CMake
package (find_package(hukou), targets hukou::hukou and hukou::hukou_static) and the
self-contained static library libhukou.a (the Swift runtime it needs merged in):
  cc prog.c \$(pkg-config --cflags --libs hukou)
  cc -c prog.c \$(pkg-config --static --cflags hukou); cc prog.o \$(pkg-config --static --libs hukou)" \
    "Suggests: pkgconf | pkg-config, cmake"

control hukou-tools utils "$(shlibdeps "$stage/hukou-tools/usr/bin/hukou")" \
    "settlement eligibility and residence-permit points (command line)" \
    "$about

This package holds the command-line tool hukou for service centers and policy
offices: decisions with citations, pack lint and diff, batch runs, pack signing.
One file: the Swift runtime and Foundation are linked in statically."

for pkg in $lib libhukou-dev hukou-tools; do
    dpkg-deb --root-owner-group $compress --build "$stage/$pkg" "$out/${pkg}_${full}_${arch}.deb" >/dev/null
done
rm -rf "$stage"
ls -l "$out"/*.deb | awk '{printf "built %s (%d kB)\n", $NF, $5 / 1024}'
