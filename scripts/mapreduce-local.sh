#!/usr/bin/env bash
# A local run of the Hadoop Streaming contract (docs/scale-out.md): the input is cut into
# splits at line boundaries, each split is piped through the mapper in its own process
# (a map task), the map outputs are concatenated (one reducer) and piped through the
# reducer. Same commands as on a cluster; only the scheduler is this script.
# Usage: scripts/mapreduce-local.sh HUKOU_CLI INPUT.jsonl SPLITS
set -euo pipefail
hukou=$1 input=$2 splits=${3:-4}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
split -n "l/$splits" -d "$input" "$work/split-"
for part in "$work"/split-*; do
    "$hukou" batch - --no-summary --threads 1 < "$part" > "$part.out" &   # mapper
done
wait
cat "$work"/split-*.out | "$hukou" summarize -                            # reducer
