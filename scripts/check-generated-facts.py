# SPDX-License-Identifier: Apache-2.0
import json, glob, re, sys
# fact -> request field, from docs/facts.md (generated from the fact catalogue)
field = {}
for line in open("docs/facts.md", encoding="utf-8"):
    m = re.match(r"\| `([^`]+)` \|.*\| `([^`]+)` \|\s*$", line)
    if m: field[m.group(1)] = m.group(2)
read = set()
def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "fact" and isinstance(v, str): read.add(v)
            walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
for f in glob.glob("Policies/*.json") + glob.glob("Policies/*/*.json"):
    walk(json.load(open(f, encoding="utf-8")))
seen = set()
def paths(obj, prefix=""):
    for k, v in obj.items():
        p = prefix + k
        seen.add(p)
        if isinstance(v, dict): paths(v, p + ".")
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    paths(r["applicant"])
    for m in r.get("family", []): paths(m)
missing = sorted(f for f in read if field.get(f, f) not in seen)
print("facts read by packs:", len(read), "missing from generated requests:", missing)
sys.exit(1 if missing else 0)
