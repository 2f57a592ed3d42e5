#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# ensure-deps.sh demo|test: make sure the Debian packages the C side needs are there,
# installing the missing ones with apt-get when we may (root, or sudo without a
# password); otherwise say which command to run.
#   demo: a C compiler, pkg-config, json-c (libjson-c-dev)
#   test: the same, plus valgrind, python3-jsonschema and python3-yaml (schema checks),
#         cmake (the CMake client of the installed library) and abigail-tools
#         (abidw/abidiff, the ABI check against abi/libhukou.abi)
#         chromium and fonts-noto-cjk (the kiosk pages in headless Chromium, render-test)
#   browser: headless Chromium with CJK fonts and python3-pil (pages checked by screenshot:
#            the batch report, kiosk pages)
#   spark: Java 17 and python3-pip, then PySpark from PyPI for Debian's python3 (the Spark
#          local-mode test of examples/spark/)
#   bench: the demo set, then datalogic-py from PyPI for the python3 on PATH (make bench:
#          bench/jsonlogic_bench.py, hukou vs a compiled JSONLogic engine, issue 15)
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
    # render-test: headless Chromium and a CJK font for the kiosk pages.
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    { command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list :lang=zh 2>/dev/null)" ]]; } || missing+=(fonts-noto-cjk)
    python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
    command -v cmake >/dev/null 2>&1 || missing+=(cmake)
    command -v abidiff >/dev/null 2>&1 || missing+=(abigail-tools)
fi
if [[ "$what" == browser ]]; then
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    { command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list :lang=zh 2>/dev/null)" ]]; } || missing+=(fonts-noto-cjk)
    /usr/bin/python3 -c 'import PIL' >/dev/null 2>&1 || missing+=(python3-pil)
fi
spark_python() { # a python3 that imports pyspark, if any
    local p
    for p in python3 /usr/bin/python3; do
        if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import pyspark' >/dev/null 2>&1; then echo "$p"; return 0; fi
    done
    return 1
}
if [[ "$what" == spark ]]; then
    command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
    if ! spark_python >/dev/null; then
        [[ -x /usr/bin/python3 ]] || missing+=(python3)
        /usr/bin/python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
    fi
fi
install_pyspark() {
    [[ "$what" == spark ]] && ! spark_python >/dev/null || return 0
    if [[ $(id -u) -ne 0 ]]; then
        echo "ensure-deps: run: /usr/bin/python3 -m pip install --break-system-packages pyspark" >&2
        return 1
    fi
    # Debian 12's python3 is "externally managed"; pip installs beside it in /usr/local.
    /usr/bin/python3 -m pip install -q --break-system-packages --root-user-action=ignore pyspark >&2
    echo "ensure-deps: installed pyspark for /usr/bin/python3" >&2
}
if [[ "$what" == bench ]]; then
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    { python3 -c 'import datalogic_py' >/dev/null 2>&1 || python3 -m pip --version >/dev/null 2>&1; } || missing+=(python3-pip)
fi
install_datalogic() {
    [[ "$what" == bench ]] || return 0
    python3 -c 'import datalogic_py' >/dev/null 2>&1 && return 0
    if [[ $(id -u) -ne 0 ]] && [[ "$(command -v python3)" == /usr/bin/python3 ]]; then
        echo "ensure-deps: run: python3 -m pip install --user datalogic-py" >&2
        return 1
    fi
    # Debian 12's python3 is "externally managed"; pip installs beside it.
    python3 -m pip install -q --break-system-packages --root-user-action=ignore datalogic-py >&2 \
        || python3 -m pip install -q datalogic-py >&2
    echo "ensure-deps: installed datalogic-py for $(command -v python3)" >&2
}
if ! ((${#missing[@]})); then install_pyspark; install_datalogic; exit; fi

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
install_pyspark
install_datalogic
