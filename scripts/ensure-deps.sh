#!/usr/bin/env bash
# ensure-deps.sh demo|test: make sure the Debian packages the C side needs are there,
# installing the missing ones with apt-get when we may (root, or sudo without a
# password); otherwise say which command to run.
#   demo: a C compiler, pkg-config, json-c (libjson-c-dev)
#   test: the same, plus valgrind, python3-jsonschema and python3-yaml (schema checks)
set -euo pipefail
what=${1:-demo}

missing=()
command -v cc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists json-c; }; then
    missing+=(libjson-c-dev)
fi
command -v readelf >/dev/null 2>&1 || missing+=(binutils)
if [[ "$what" == test ]]; then
    command -v valgrind >/dev/null 2>&1 || missing+=(valgrind)
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    python3 -c 'import jsonschema' >/dev/null 2>&1 || missing+=(python3-jsonschema)
    python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
fi
((${#missing[@]})) || exit 0

echo "ensure-deps: missing Debian packages: ${missing[*]}" >&2
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-deps: no apt-get here; install the equivalents of: ${missing[*]}" >&2
    exit 1
fi
if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "ensure-deps: run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "ensure-deps: installed ${missing[*]}" >&2
