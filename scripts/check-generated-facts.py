import json, glob, re, sys
# fact -> request field to ask for, from the fact declarations (Policies/facts.json)
field = {}
for fact in json.load(open("Policies/facts.json", encoding="utf-8"))["facts"]:
    derive = fact.get("derive") or {}
    source = next((v for k, v in derive.items() if k in ("months_since", "years_since", "year_of")), None)
    if isinstance(derive.get("min"), list): source = derive["min"][0]
    ask = fact.get("ask") or fact.get("path") or (field.get(source, source) if source else None) or fact["name"]
    field[fact["name"]] = ask
read = set()
def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "fact" and isinstance(v, str): read.add(v)
            walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
for f in [g for g in glob.glob("Policies/*.json") + glob.glob("Policies/*/*.json") if not g.endswith("facts.json")]:
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
