#!/bin/sh
# gen-pc.sh TEMPLATE PREFIX VERSION "SWIFT_RUNTIME_LIBS": hukou.pc on stdout.
set -e
template=$1 prefix=$2 version=$3 libs=$4
[ -n "$version" ] || { echo "gen-pc.sh: no version" >&2; exit 1; }
sed -e "s|@PREFIX@|$prefix|g" \
    -e "s|@VERSION@|$version|g" \
    -e "s|@SWIFT_RUNTIME_LIBS@|$libs|g" \
    "$template"
