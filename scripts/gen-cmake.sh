#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# gen-cmake.sh OUTDIR LIBDIR INCLUDEDIR VERSION ABI ABI_SINCE "STATIC_SYSLIBS":
# hukouConfig.cmake and hukouConfigVersion.cmake (cmake/*.in) into OUTDIR, with the
# install's absolute folders. STATIC_SYSLIBS are -l flags ("-ldl -lm"), turned into a
# CMake list of library names.
set -e
out=$1 libdir=$2 includedir=$3 version=$4 abi=$5 since=$6 libs=$7
here=$(cd "$(dirname "$0")/.." && pwd)
[ -n "$version" ] && [ -n "$abi" ] && [ -n "$since" ] || { echo "gen-cmake.sh: version, ABI and ABI_SINCE needed" >&2; exit 1; }
cmake_libs=$(printf '%s\n' $libs | sed -n 's/^-l//p' | paste -sd';' -)
sizeof_void_p=$(getconf LONG_BIT 2>/dev/null || echo 64)
sizeof_void_p=$((sizeof_void_p / 8))
mkdir -p "$out"
for f in hukouConfig.cmake hukouConfigVersion.cmake; do
    sed -e "s|@LIBDIR@|$libdir|g" \
        -e "s|@INCLUDEDIR@|$includedir|g" \
        -e "s|@VERSION@|$version|g" \
        -e "s|@ABI@|$abi|g" \
        -e "s|@ABI_SINCE@|$since|g" \
        -e "s|@SONAME@|libhukou.so.$abi|g" \
        -e "s|@SIZEOF_VOID_P@|$sizeof_void_p|g" \
        -e "s|@STATIC_SYSLIBS_CMAKE@|$cmake_libs|g" \
        "$here/cmake/$f.in" >"$out/$f"
done
