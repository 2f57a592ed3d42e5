#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# merge-static.sh: one self-contained static library, libhukou.a, out of SwiftPM's
# libhukou_static.a and the Swift static runtime it needs, so that a C program links it
# with nothing from the Swift toolchain:
#
#   scripts/merge-static.sh LIBHUKOU_STATIC_A TOOLCHAIN_USR OUT_A
#
# Prints on stdout the system libraries a static link needs after libhukou.a, e.g.
#   -ldl -lm -lpthread -lutil -lstdc++
#
# How:
#  1. The library's objects and the runtime's start-up object swiftrt.o are partially
#     linked (ld -r) into one object, hukou.o. swiftrt.o must come along: it registers the
#     image's Swift metadata sections with the runtime, and nothing refers to it by name,
#     so as a separate archive member it would never be pulled into a program.
#  2. hukou.o keeps only the C API (hukou_*) global; its Swift symbols become local, so
#     they cannot clash with another Swift library linked into the same program.
#  3. An ar MRI script puts hukou.o and every member of the runtime archives that
#     scripts/swift-runtime.sh finds (libswiftCore.a, ...) into OUT_A. The linker takes
#     members only to resolve undefined symbols, so a program carries only the runtime it
#     uses, never the whole archive.
set -euo pipefail
in=${1:?libhukou_static.a} usr=${2:?toolchain usr folder} out=${3:?output archive}
here=$(cd "$(dirname "$0")" && pwd)
LD=${LD:-ld} OBJCOPY=${OBJCOPY:-objcopy} AR=${AR:-ar}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The runtime archives (copied to $tmp/rt) and their link flags, dependents first.
flags=$("$here/swift-runtime.sh" "$in" "$usr" "$tmp/rt")

"$LD" -r -o "$tmp/hukou.o" "$tmp/rt/swiftrt.o" --whole-archive "$in" --no-whole-archive
"$OBJCOPY" --wildcard --keep-global-symbol='hukou_*' "$tmp/hukou.o"

{
    echo "CREATE $tmp/out.a"
    echo "ADDMOD $tmp/hukou.o"
    for f in $flags; do
        name=${f#-l}
        [[ -f "$tmp/rt/lib$name.a" ]] && echo "ADDLIB $tmp/rt/lib$name.a"
    done
    echo "SAVE"
    echo "END"
} >"$tmp/merge.mri"
"$AR" -M <"$tmp/merge.mri"
"${RANLIB:-ranlib}" "$tmp/out.a"
mkdir -p "$(dirname "$out")"
mv "$tmp/out.a" "$out.tmp" && mv "$out.tmp" "$out"

# What is left for the program's link line: the system libraries.
system=()
for f in $flags; do
    [[ -f "$tmp/rt/lib${f#-l}.a" ]] || system+=("$f")
done
echo "${system[*]}"
