#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# gen-pc.sh TEMPLATE PREFIX LIBDIR INCLUDEDIR VERSION "STATIC_SYSLIBS": hukou.pc on stdout.
#
# LIBS is "-lhukou" when LIBDIR is one of the folders the linker searches by default
# (cc -print-search-dirs and ld's SEARCH_DIR), else "-L${libdir} -lhukou": without a -L
# of libdir ahead of it, the -L to ${staticdir} in Libs.private makes
# `pkg-config --static --libs hukou` link libhukou.a (see hukou.pc.in).
set -e
template=$1 prefix=$2 libdir=$3 includedir=$4 version=$5 libs=$6
[ -n "$version" ] || { echo "gen-pc.sh: no version" >&2; exit 1; }
CC=${CC:-cc}
LD=${LD:-ld}

want=$(realpath -m "$libdir")
default_dirs() {
    "$CC" -print-search-dirs 2>/dev/null | sed -n 's/^libraries: =//p' | tr ':' '\n'
    "$LD" --verbose 2>/dev/null | tr -s ' ;' '\n\n' | sed -n 's/^SEARCH_DIR("=\{0,1\}\(.*\)")$/\1/p'
}
link='-L${libdir} -lhukou'
for dir in $(default_dirs); do
    if [ "$(realpath -m "$dir")" = "$want" ]; then link='-lhukou'; break; fi
done

sed -e "s|@PREFIX@|$prefix|g" \
    -e "s|@LIBDIR@|$libdir|g" \
    -e "s|@INCLUDEDIR@|$includedir|g" \
    -e "s|@VERSION@|$version|g" \
    -e "s|@LIBS@|$link|g" \
    -e "s|@STATIC_SYSLIBS@|$libs|g" \
    "$template"
