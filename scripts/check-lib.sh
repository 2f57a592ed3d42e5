# SPDX-License-Identifier: Apache-2.0
# Shared by the command-line test scripts (source it): a scratch folder, pass/fail counts,
# check (exit code of a command) and contains (text in the last command's output).
pass=0; fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() { # name, expected exit code, command...
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?
  if [ "$got" = "$want" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $name: exit $got, want $want"; head -5 "$tmp/out" "$tmp/err"; fi
}
contains() { # name, text expected in the last output
  if grep -qF -- "$2" "$tmp/out" "$tmp/err"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $1: output lacks \"$2\""; head -5 "$tmp/out"; fi
}
