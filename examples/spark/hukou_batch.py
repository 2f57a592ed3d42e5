#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""hukou batch on Spark: a city-wide population through the `hukou` binary.

    spark-submit examples/spark/hukou_batch.py --hukou ./hukou applicants.jsonl \
        [--compare old.json new.json] [--pack extra.json ...] [--partitions N] \
        [--summary-json summary.json] [--report report.html] [--answers out/] [--allow-errors]

Map: every partition of the input is piped (RDD.pipe) through
    hukou batch - --numbered --summary-only --summary-format json --allow-errors --threads 1
which answers each request and writes one summary line for the partition. The lines are
numbered first (zipWithIndex), so failed lines are reported with their line in the file.
Reduce: the per-partition summaries are piped through `hukou summarize - --format json` in
one task, which merges them into the summary of the whole population (counts add up; the
merge does not depend on the order). The driver prints it as text and writes the JSON and
the HTML report. The binary (and the packs of --compare/--pack) are shipped to the
executors with SparkContext.addFile; `--lib-dir` ships a folder of shared libraries the
binary needs (a binary built without -static-stdlib needs the Swift runtime).

The contract between Spark and the binary is the Hadoop Streaming one (docs/scale-out.md):
lines in on standard input, lines out on standard output, nothing else on standard output.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL requests (any path Spark reads: local, hdfs://, s3a://)")
    p.add_argument("--hukou", required=True, help="the hukou binary to ship to the executors")
    p.add_argument("--lib-dir", help="a folder of shared libraries the binary needs (shipped, put on LD_LIBRARY_PATH)")
    p.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"), help="two pack files: who moves in and out of each pathway")
    p.add_argument("--pack", action="append", default=[], help="an extra pack to load (repeatable)")
    p.add_argument("--partitions", type=int, default=None, help="minimum input partitions (map tasks)")
    p.add_argument("--master", default=None, help="Spark master when not given by spark-submit, e.g. local[2]")
    p.add_argument("--summary-json", help="write the merged summary (one JSON line) here")
    p.add_argument("--report", help="write the HTML report here")
    p.add_argument("--answers", help="also save every answer line under this output folder")
    p.add_argument("--allow-errors", action="store_true", help="exit 0 even when some lines failed")
    return p.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    from pyspark import SparkConf, SparkContext, SparkFiles

    conf = SparkConf().setAppName("hukou-batch")
    if args.master:
        conf = conf.setMaster(args.master)
    conf = conf.set("spark.ui.enabled", "false")
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    try:
        summary_line = run(sc, SparkFiles, args)
    finally:
        sc.stop()

    if args.summary_json:
        with open(args.summary_json, "w", encoding="utf-8") as out:
            out.write(summary_line + "\n")
    # The driver renders text and report from the merged summary with its own copy of the binary.
    command = [args.hukou, "summarize", "-", "--allow-errors"]
    if args.report:
        command += ["--report", args.report]
    env = library_env(args.lib_dir)
    subprocess.run(command, input=(summary_line + "\n").encode("utf-8"), check=True, env=env)
    summary = json.loads(summary_line)
    failed = sum(group["count"] for group in summary.get("errors", []))
    return 3 if failed and not args.allow_errors else 0


def library_env(lib_dir):
    env = dict(os.environ)
    if lib_dir:
        env["LD_LIBRARY_PATH"] = os.path.abspath(lib_dir)
    return env


def run(sc, SparkFiles, args):
    """The merged summary (one JSON line) of the whole input."""
    local = sc.master.startswith("local")

    def ship(path):
        # On executors added files are in the task's working directory; in local mode the
        # executor is the driver, whose copy is in SparkFiles' root directory.
        sc.addFile(os.path.abspath(path), recursive=os.path.isdir(path))
        name = os.path.basename(os.path.abspath(path))
        return SparkFiles.get(name) if local else "./" + name

    hukou = ship(args.hukou)
    env = {}
    if args.lib_dir:
        env["LD_LIBRARY_PATH"] = ship(args.lib_dir)
    options = []
    for pack in args.pack:
        options += ["--pack", ship(pack)]
    if args.compare:
        options += ["--compare", ship(args.compare[0]), ship(args.compare[1])]
    mapper = [hukou, "batch", "-", "--numbered", "--allow-errors", "--threads", "1"] + options
    reducer = [hukou, "summarize", "-", "--format", "json", "--allow-errors"]

    lines = sc.textFile(args.input, minPartitions=args.partitions)
    # 1-based line numbers of the file, so that failed lines are named as in one batch run.
    numbered = lines.zipWithIndex().map(lambda pair: "%d\t%s" % (pair[1] + 1, pair[0]))
    if args.answers:
        numbered.cache()
        numbered.pipe(shlex.join(mapper + ["--no-summary"]), env=env).saveAsTextFile(args.answers)
    summaries = numbered.pipe(shlex.join(mapper + ["--summary-only", "--summary-format", "json"]), env=env, checkCode=True)
    merged = summaries.coalesce(1).pipe(shlex.join(reducer), env=env, checkCode=True).collect()
    if len(merged) != 1:
        raise SystemExit("hukou summarize returned %d lines, expected 1" % len(merged))
    return merged[0]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
