#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""hukou through ctypes on the release C ABI vs a compiled JSONLogic engine (issue 15).

The same two rules, on the same request bytes, in one Python process, both warm:

- Anyang 县城、建制镇 pathway `towns_open` with its followers (安政办〔2018〕19号 二（三）):
  lives in a county-seat town, an established town or a county-level city area, and has a
  legal stable residence (owned, rental, employer dormitory); each family member may follow
  when spouse, child or parent living together. Three-valued like hukou: a missing fact
  gives "unknown" unless another condition is already unmet.
- The Tianjin 2014 points table (津政发〔2013〕31号 附件): the total, compiled into JSONLogic
  from the indicators and parameters of Policies/tianjin.json (as-of 2015-06-01, the table's
  period), so that its numbers are the pack's.

datalogic-py (PyPI, Rust core) evaluates the JSON text of each request (`evaluate_str`: it
parses the request as hukou does). hukou is called through ctypes with `"detail":"outcome"`
and with the full explained answer. Before timing, both are checked to give the same
outcome on every generated applicant (`hukou generate`). Interpreter start-up, generation
and the check are outside the timing; library and engine samples alternate in rounds so
that both see the same machine load. Not part of `make test` (docs/benchmarks.md).

    python3 bench/jsonlogic_bench.py [--lib build/lib/libhukou.so] [--hukou build/bin/hukou]
                                     [--count 3000] [--rounds 5]
"""
import argparse
import ctypes
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

try:
    import datalogic_py
except ImportError:
    sys.exit("jsonlogic_bench: needs datalogic-py (python3 -m pip install datalogic-py)")


# ------------------------------------------------------------------ JSONLogic rules

def v(path):
    return {"var": path}


def known(path):
    return {"!==": [v(path), None]}


def leaf_in(path, values):
    """(met, unmet) JSONLogic of a leaf `path in values`; neither: unknown."""
    met = {"in": [v(path), values]}
    return met, {"and": [known(path), {"!": met}]}


def anyang_rule():
    """towns_open and its followers, three-valued, read from the request as given."""
    area_met, area_unmet = leaf_in("applicant.residence.area_type",
                                   ["county_seat_town", "established_town", "county_city_area"])
    home_met, home_unmet = leaf_in("applicant.housing.type", ["owned", "rental", "employer_dormitory"])
    result = {"if": [{"or": [area_unmet, home_unmet]}, "not_eligible",
                     {"and": [area_met, home_met]}, "eligible", "unknown"]}
    # Per member (inside map, var is the member): the follower rules relation == X and
    # lives_with_applicant is true; met by one: may_follow; else unknown if one is unknown.
    relation_met = {"in": [v("relation"), ["spouse", "child", "parent"]]}
    lives = v("lives_with_applicant")
    member = {"if": [{"and": [relation_met, {"===": [lives, True]}]}, "may_follow",
                     {"and": [{"!==": [v("relation"), None]}, {"!": relation_met}]}, "may_not_follow",
                     {"===": [lives, False]}, "may_not_follow",
                     "unknown"]}
    return [result, {"map": [{"var": "family"}, member]}]


def ranked_facts():
    """The ordered enumerations declared in Policies/facts.json: fact -> (values, ranks)."""
    with open(os.path.join(ROOT, "Policies", "facts.json"), encoding="utf-8") as f:
        facts = json.load(f)["facts"]
    return {fact["name"]: (fact["values"], fact.get("ranks", list(range(len(fact["values"])))))
            for fact in facts if fact.get("type") == "enumeration" and fact.get("ordered")}


RANKED = ranked_facts()


def param_value(pack, ref, on):
    """A points reference of the pack: a number or {"param": id} valued on `on`."""
    if isinstance(ref, int):
        return ref
    param = next(p for p in pack["parameters"] if p["id"] == ref["param"])
    if "value" in param:
        return param["value"]
    values = [x for x in param["values"] if x["from"] <= on]
    return values[-1]["value"]


def num(expr):
    return {"+": [expr]}


def age_expr(as_of):
    """Whole years from applicant.birth_date to the as-of date."""
    b = v("applicant.birth_date")
    year, md = int(as_of[:4]), int(as_of[5:7]) * 100 + int(as_of[8:10])
    born_md = {"+": [{"*": [num({"substr": [b, 5, 2]}), 100]}, num({"substr": [b, 8, 2]})]}
    return {"-": [year, num({"substr": [b, 0, 4]}), {"if": [{"<": [md, born_md]}, 1, 0]}]}


def fact_expr(fact, as_of):
    return age_expr(as_of) if fact == "age" else v("applicant." + fact)


def indicator_expr(pack, ind, as_of):
    kind = ind["kind"]
    if kind == "categorical":
        x = fact_expr(ind["fact"], as_of)
        branches = []
        ranked = RANKED.get(ind["fact"])
        if ranked:
            # An ordered vocabulary: the best entry not above the person's level, expanded
            # at compile time into one lookup per level (as hukou's PointsScorer decides).
            values, ranks = ranked
            rank = dict(zip(values, ranks))
            for value in values:
                points = [param_value(pack, ref, as_of) for key, ref in ind["points"].items() if rank[key] <= rank[value]]
                if points:
                    branches += [{"==": [x, value]}, max(points)]
        else:
            for value, ref in ind["points"].items():
                branches += [{"==": [x, value]}, param_value(pack, ref, as_of)]
        return {"if": branches + [0]}
    if kind == "bands":
        x = fact_expr(ind["fact"], as_of)
        branches = []
        for band in ind["bands"]:
            tests = [known("applicant." + ind["fact"]) if ind["fact"] != "age" else known("applicant.birth_date")]
            if "min" in band:
                tests.append({">=": [x, band["min"]]})
            if "max" in band:
                tests.append({"<=": [x, band["max"]]})
            branches += [{"and": tests}, param_value(pack, band["points"], as_of)]
        return {"if": branches + [0]}
    if kind == "accrual":
        assert "cap" not in ind, "accrual caps are not encoded"
        x = {"if": [known("applicant." + ind["fact"]), fact_expr(ind["fact"], as_of), 0]}
        stages = ind["stages"]
        parts = []
        for i, stage in enumerate(stages):
            lo = stage["from"]
            units = {"max": [0, {"-": [x, lo]}]} if i + 1 == len(stages) else \
                {"max": [0, {"-": [{"min": [x, stages[i + 1]["from"]]}, lo]}]}
            rate, per = param_value(pack, stage["points"], as_of), stage["per"]
            scaled = {"*": [units, rate]}
            parts.append({"/": [{"-": [scaled, {"%": [scaled, per]}]}, per]})  # integer division
        return {"+": parts}
    if kind == "bonus":
        cond = ind["condition"]
        assert cond.get("op") == "is", "only `is` bonus conditions are encoded"
        return {"if": [{"===": [v("applicant." + cond["fact"]), cond["value"]]}, param_value(pack, ind["points"], as_of), 0]}
    if kind == "best_of":
        return {"max": [indicator_expr(pack, child, as_of) for child in ind["indicators"]]}
    if kind == "deduction":
        x = v("applicant." + ind["fact"])
        return {"if": [known("applicant." + ind["fact"]), {"*": [x, param_value(pack, ind["each"], as_of)]}, 0]}
    raise SystemExit(f"jsonlogic_bench: indicator kind {kind} is not encoded")


def tianjin_rule(as_of):
    with open(os.path.join(ROOT, "Policies", "tianjin.json"), encoding="utf-8") as f:
        pack = json.load(f)
    return {"+": [indicator_expr(pack, ind, as_of) for ind in pack["points"]["indicators"]]}


# ------------------------------------------------------------------ hukou through ctypes

def header_status(name):
    """A status code as Include/hukou.h defines it (not restated here)."""
    with open(os.path.join(ROOT, "Include", "hukou.h"), encoding="utf-8") as f:
        found = re.search(r"#define " + name + r"\s+(\d+)", f.read())
    if not found:
        raise SystemExit(f"jsonlogic_bench: {name} not in Include/hukou.h")
    return int(found.group(1))


HUKOU_E_UNKNOWN_JURISDICTION = header_status("HUKOU_E_UNKNOWN_JURISDICTION")

class Hukou:
    def __init__(self, path):
        self.lib = ctypes.CDLL(path)
        lib = self.lib
        lib.hukou_engine_new.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
        for name in ("hukou_check_eligibility", "hukou_score_points"):
            fn = getattr(lib, name)
            fn.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p)]
            fn.restype = ctypes.c_int
        lib.hukou_string_free.argtypes = [ctypes.c_void_p]
        lib.hukou_last_error.restype = ctypes.c_char_p
        lib.hukou_version.restype = ctypes.c_char_p
        self.engine = ctypes.c_void_p()
        if lib.hukou_engine_new(ctypes.byref(self.engine)) != 0:
            raise SystemExit("hukou_engine_new failed")
        self.out = ctypes.c_void_p()

    def call(self, fn, request):
        rc = fn(self.engine, request, len(request), ctypes.byref(self.out))
        if rc != 0:
            raise SystemExit("hukou: " + self.lib.hukou_last_error().decode())
        text = ctypes.string_at(self.out.value)
        self.lib.hukou_string_free(self.out)
        return json.loads(text)

    def trivial_timer(self, count):
        """The fixed cost of a ctypes call into the library: `hukou_version()` (no arguments,
        returns a static string), `count` times."""
        version = self.lib.hukou_version

        def run():
            for _ in range(count):
                version()
        return run

    def refused_timer(self, fn, requests):
        """The same four arguments marshalled as a decision call, refused at once (length 0:
        HUKOU_E_INVALID before the request is looked at), plus the free of a null answer."""
        engine, out, free = self.engine, self.out, self.lib.hukou_string_free
        ref = ctypes.byref(out)

        def run():
            for request in requests:
                fn(engine, request, 0, ref)
                free(out)
        return run

    def timer(self, fn, requests, expect=0):
        """A loop of calls with the answer freed, as a kiosk does (the answer is not decoded).
        The first request's status is checked (`expect`) before timing."""
        engine, out, free = self.engine, self.out, self.lib.hukou_string_free
        ref = ctypes.byref(out)
        if requests:
            rc = fn(engine, requests[0], len(requests[0]), ref)
            free(out)
            if rc != expect:
                raise SystemExit(f"hukou: status {rc}, expected {expect}: {self.lib.hukou_last_error().decode()}")

        def run():
            for request in requests:
                fn(engine, request, len(request), ref)
                free(out)
        return run


# ------------------------------------------------------------------ run

def generate(hukou_cli, jurisdiction, count, date, seed):
    args = [hukou_cli, "generate", "--count", str(count), "--jurisdiction", jurisdiction, "--seed", str(seed)]
    if date:
        args += ["--date", date]
    lines = subprocess.run(args, check=True, capture_output=True).stdout.decode().splitlines()
    return [json.loads(line) for line in lines if line]


def encode(requests, detail):
    out = []
    for r in requests:
        r = dict(r)
        if detail:
            r["detail"] = detail
        out.append(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode())
    return out


def measure(cases, rounds):
    """Alternating rounds; per case the best (least loaded) round's µs per call."""
    best = {name: float("inf") for name, _, _ in cases}
    for _ in range(rounds):
        for name, run, n in cases:
            start = time.perf_counter()
            run()
            best[name] = min(best[name], (time.perf_counter() - start) / n * 1e6)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lib", default=os.path.join(ROOT, "build", "lib", "libhukou.so"))
    ap.add_argument("--hukou", default=None, help="hukou command line for `generate` (default build/bin/hukou, else .build/debug/hukou-cli)")
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    cli = args.hukou or next((p for p in (os.path.join(ROOT, "build", "bin", "hukou"),
                                          os.path.join(ROOT, ".build", "debug", "hukou-cli")) if os.path.exists(p)), None)
    if not cli:
        sys.exit("jsonlogic_bench: no hukou command line (make cli) for `hukou generate`")
    hukou = Hukou(args.lib)
    engine = datalogic_py.Engine()
    tianjin_date = "2015-06-01"
    suites = [
        ("anyang towns_open + followers", hukou.lib.hukou_check_eligibility, engine.compile(anyang_rule()),
         generate(cli, "anyang", args.count, None, 15)),
        ("tianjin 2014 points total", hukou.lib.hukou_score_points, engine.compile(tianjin_rule(tianjin_date)),
         generate(cli, "tianjin", args.count, tianjin_date, 16)),
    ]
    print(f"hukou {hukou.lib.hukou_version().decode()}"
          f" via ctypes ({args.lib}) vs datalogic-py {datalogic_py.__version__}; {args.count} applicants per rule;"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    failures = 0
    ratios = []
    for label, fn, rule, requests in suites:
        outcome, full = encode(requests, "outcome"), encode(requests, None)
        texts = [r.decode() for r in full]
        # Same outcomes on every applicant.
        mismatches = 0
        for request, text in zip(outcome, texts):
            answer, logic = hukou.call(fn, request), json.loads(rule.evaluate_str(text))
            if fn is hukou.lib.hukou_check_eligibility:
                pathway = next(p for p in answer["pathways"] if p["id"] == "towns_open")
                ours = [pathway["result"], [m["result"] for m in pathway.get("followers", [])]]
                theirs = [logic[0], logic[1] if "followers" in pathway else []]
            else:
                ours, theirs = answer.get("total"), logic
            if ours != theirs:
                mismatches += 1
                if mismatches <= 3:
                    print(f"  MISMATCH {label}: hukou {ours} jsonlogic {theirs}\n    {text[:300]}")
        failures += mismatches
        # Timing: warm (one pass of each first), then alternating rounds.
        evaluate = rule.evaluate_str

        def jsonlogic_run(texts=texts):
            for t in texts:
                evaluate(t)

        def floor_run(texts=texts):
            for t in texts:
                json.loads(t)

        # Where an outcome call's time goes: the ctypes call itself, the request read (the
        # same bytes naming a jurisdiction no pack has: refused right after reading, as
        # `bench --profile J S N 5` does; the refusal's message is in it), then deciding and
        # writing the answer (outcome minus read).
        unknown = encode([dict(r, jurisdiction="bench-no-such-pack") for r in requests], "outcome")
        cases = [("jsonlogic", jsonlogic_run, len(texts)),
                 ("hukou outcome", hukou.timer(fn, outcome), len(outcome)),
                 ("hukou full", hukou.timer(fn, full), len(full)),
                 ("json.loads floor", floor_run, len(texts)),
                 ("ctypes trivial", hukou.trivial_timer(len(texts)), len(texts)),
                 ("ctypes refused", hukou.refused_timer(fn, outcome), len(outcome)),
                 ("hukou read only", hukou.timer(fn, unknown, expect=HUKOU_E_UNKNOWN_JURISDICTION), len(unknown))]
        measure(cases, 1)
        best = measure(cases, args.rounds)
        print(f"\n{label}: {len(requests)} applicants, {mismatches} outcome mismatches")
        print(f"  {'case':<18} {'µs/call':>9} {'÷ jsonlogic':>12}")
        for name, _, _ in cases:
            print(f"  {name:<18} {best[name]:9.2f} {best[name] / best['jsonlogic']:12.2f}")
        read = best["hukou read only"] - best["ctypes refused"]
        decide = best["hukou outcome"] - best["hukou read only"]
        print(f"  outcome call, {best['hukou outcome']:.2f} µs: ctypes and the call's checks {best['ctypes refused']:.2f},"
              f" request read (with the refusal) {read:.2f}, deciding and writing the answer {decide:.2f}"
              f" (a ctypes call alone: {best['ctypes trivial']:.2f})")
        ratio = best["hukou outcome"] / best["jsonlogic"]
        ratios.append((ratio, label, mismatches))
        print(f"  target hukou outcome <= jsonlogic: {'PASS' if ratio <= 1.0 else 'MISS'} (ratio {ratio:.2f});"
              f" outcome vs full {best['hukou full'] / best['hukou outcome']:.2f}x faster")
    # The line of `make bench`'s target table (bench/bench.c prints the others).
    worst, worst_label, _ = max(ratios)
    ok = worst <= 1.0 and not failures
    measured = f"worst {worst:.2f}x datalogic-py ({worst_label}); {failures} mismatches"
    print(f"\n{'(c) outcome-only <= datalogic-py per call':<58} {measured:<44} {'PASS' if ok else 'MISS'}"
          f"   (load average {os.getloadavg()[0]:.1f})")
    if failures:
        sys.exit(f"jsonlogic_bench: {failures} outcome mismatches")


if __name__ == "__main__":
    main()
