#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# swift-runtime.sh: collect the Swift static runtime that a plain C program needs to
# link libhukou.a, and print the linker flags for it.
#
#   scripts/swift-runtime.sh LIBHUKOU_A TOOLCHAIN_USR OUTDIR
#
# LIBHUKOU_A     the static library (SwiftPM's libhukou_static.a)
# TOOLCHAIN_USR  the toolchain's usr/ folder (/opt/swift/usr)
# OUTDIR         receives swiftrt.o and the runtime archives (libswift*.a, ...)
#
# The archives are those the library's objects ask for in their autolink entries
# (the .swift1_autolink_entries section the Swift driver reads), closed over the
# runtime archives' own entries, plus libdispatch and BlocksRuntime when Swift
# Concurrency or Dispatch is among them. Prints one line on stdout: the -l flags in
# link order (dependents first), the Swift archives then the system libraries, e.g.
#   -lswift_StringProcessing -lswift_RegexParser -lswiftCore -ldl -lpthread -lstdc++ -lm
# Archives the program does not reference contribute nothing to a link (the linker
# takes archive members only to resolve undefined symbols), so listing the whole
# closure costs disk space in the install, never size in the kiosk binary.
set -euo pipefail

lib=${1:?libhukou.a}
usr=${2:?toolchain usr folder}
out=${3:?output folder}

static_dir="$usr/lib/swift_static/linux"
arch=$(uname -m)
extract="$usr/bin/swift-autolink-extract"
swiftrt="$static_dir/$arch/swiftrt.o"

[[ -f "$lib" ]] || { echo "swift-runtime.sh: no $lib" >&2; exit 1; }
[[ -x "$extract" ]] || { echo "swift-runtime.sh: no $extract" >&2; exit 1; }
[[ -f "$swiftrt" ]] || { echo "swift-runtime.sh: no $swiftrt" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# autolink entries of one archive: the library names after -l, one a line
entries() { "$extract" "$1" -o - | sed -n 's/^-l//p' | sort -u; }

# Closure over the Swift archives; edges "A B" (A needs B) for the link order.
: >"$tmp/edges"
: >"$tmp/system"
declare -A seen=()
queue=(hukou)
entries "$lib" >"$tmp/deps.hukou"
while ((${#queue[@]})); do
    name=${queue[0]}
    queue=("${queue[@]:1}")
    while read -r dep; do
        [[ -n "$dep" ]] || continue
        if [[ -f "$static_dir/lib$dep.a" ]]; then
            echo "$name $dep" >>"$tmp/edges"
            if [[ -z "${seen[$dep]:-}" ]]; then
                seen[$dep]=1
                entries "$static_dir/lib$dep.a" >"$tmp/deps.$dep"
                queue+=("$dep")
            fi
        else
            echo "$dep" >>"$tmp/system"
        fi
    done <"$tmp/deps.$name"
done

# Swift Concurrency and Dispatch sit on libdispatch, which sits on BlocksRuntime;
# their archives do not say so in autolink entries.
for user in swift_Concurrency swiftDispatch; do
    if [[ -n "${seen[$user]:-}" ]]; then
        for dep in dispatch BlocksRuntime; do
            [[ -f "$static_dir/lib$dep.a" ]] || continue
            seen[$dep]=1
        done
        echo "$user dispatch" >>"$tmp/edges"
        echo "dispatch BlocksRuntime" >>"$tmp/edges"
    fi
done
# The C++ runtime underneath the Swift runtime, and what libdispatch uses.
printf '%s\n' dl pthread stdc++ m >>"$tmp/system"

# Every archive node once (isolated ones as self-edges, which tsort accepts).
for name in "${!seen[@]}"; do echo "$name $name"; done >>"$tmp/edges"

order=$(tsort "$tmp/edges" | grep -vx hukou)

mkdir -p "$out"
rm -f "$out"/libswift*.a "$out"/libdispatch.a "$out"/libBlocksRuntime.a "$out"/swiftrt.o
cp "$swiftrt" "$out/swiftrt.o"
flags=()
for name in $order; do
    cp "$static_dir/lib$name.a" "$out/lib$name.a"
    flags+=("-l$name")
done
# System libraries: each once, in first-seen order.
while read -r dep; do
    [[ " ${flags[*]} " == *" -l$dep "* ]] || flags+=("-l$dep")
done <"$tmp/system"

echo "${flags[*]}"
