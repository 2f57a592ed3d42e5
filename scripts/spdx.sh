#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# spdx.sh: SPDX license headers ("SPDX-License-Identifier: Apache-2.0") on the source
# files of the tree (those git tracks: .swift .c .h .sh .py .cmake .in .map .modulemap,
# Makefiles, CMakeLists.txt, scripts without an extension that start with #!).
#
#   scripts/spdx.sh --list          the files without one; always exit 0 (make test)
#   scripts/spdx.sh --check         the same; exit 1 when there is any
#   scripts/spdx.sh --add [FILE...] add the header to FILEs (default: every file without one)
#
# The header goes on the first line, or after a first line that must stay first
# (#!..., // swift-tools-version). Comment style: /* */ in C (hukou.h is C89), // in
# Swift and module maps, # elsewhere. JSON (packs, schemas) and docs carry no header:
# LICENSE covers them.
set -euo pipefail
cd "$(dirname "$0")/.."
tag="SPDX-License-Identifier: Apache-2.0"
mode=${1:---list}
shift || true

style() { # file -> c | slash | hash | none
    local f=$1 base
    base=$(basename "$f")
    case "$base" in
        copyright*) echo none ;;
        *.c|*.h|*.map) echo c ;;
        *.swift|*.modulemap) echo slash ;;
        *.sh|*.py|*.cmake|*.in|*.mk|Makefile|CMakeLists.txt|*.supp|*.txt) [[ "$base" == *.txt && "$base" != CMakeLists.txt ]] && echo none || echo hash ;;
        *.*) echo none ;;
        *) if head -c 2 "$f" 2>/dev/null | grep -q '^#!'; then echo hash; else echo none; fi ;;
    esac
}
has_tag() { head -n 5 "$1" | grep -q 'SPDX-License-Identifier:'; }
candidates() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files
    else
        find . -type f -not -path './.*' -not -path './build/*' | sed 's|^\./||'
    fi
}
missing() {
    candidates | while read -r f; do
        [[ -f "$f" ]] || continue
        [[ "$(style "$f")" == none ]] && continue
        has_tag "$f" || echo "$f"
    done
}

add() { # file
    local f=$1 s line tmp
    s=$(style "$f")
    case "$s" in
        c) line="/* $tag */" ;;
        slash) line="// $tag" ;;
        hash) line="# $tag" ;;
        *) echo "spdx.sh: no comment style for $f" >&2; return 1 ;;
    esac
    has_tag "$f" && return 0
    tmp=$(mktemp)
    if head -n 1 "$f" | grep -q -E '^(#!|// swift-tools-version)'; then
        { head -n 1 "$f"; echo "$line"; tail -n +2 "$f"; } >"$tmp"
    else
        { echo "$line"; cat "$f"; } >"$tmp"
    fi
    cat "$tmp" >"$f"   # keeps the file's mode
    rm -f "$tmp"
    echo "spdx: added to $f"
}

case "$mode" in
    --list|--check)
        list=$(missing)
        if [[ -z "$list" ]]; then
            echo "spdx: every source file has an SPDX header"
        else
            echo "spdx: $(echo "$list" | wc -l) source files without an SPDX header ($tag):"
            echo "$list" | sed 's/^/  /'
            if [[ "$mode" == --check ]]; then echo "spdx: run scripts/spdx.sh --add" >&2; exit 1; fi
            echo "spdx: listing only, not a failure for now (scripts/spdx.sh --add adds them)"
        fi
        ;;
    --add)
        if (($#)); then files=("$@"); else mapfile -t files < <(missing); fi
        for f in "${files[@]}"; do add "$f"; done
        ;;
    *) echo "usage: scripts/spdx.sh --list | --check | --add [FILE...]" >&2; exit 2 ;;
esac
