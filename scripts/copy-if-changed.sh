#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# copy-if-changed.sh SRC DST: copy SRC to DST unless DST already has the same bytes,
# so that a rebuild that changed nothing leaves timestamps (and dependants) alone.
set -e
if [ -f "$2" ] && cmp -s "$1" "$2"; then exit 0; fi
cp "$1" "$2.tmp.$$"
mv -f "$2.tmp.$$" "$2"
