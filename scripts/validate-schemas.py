#!/usr/bin/env python3
"""Validates every pack under Policies/ against docs/schema/pack.schema.json, every
example request against docs/schema/request.schema.json, and every case file
(Policies/**/*.cases.yaml) against docs/schema/cases.schema.json (needs python3-jsonschema,
and python3-yaml for the case files; skips with a note when one is missing)."""
import json, pathlib, re, sys
try:
    import jsonschema
except ImportError:
    print("jsonschema not installed: schema check skipped")
    sys.exit(0)
try:
    import yaml
except ImportError:
    yaml = None
root = pathlib.Path(__file__).resolve().parent.parent


def yaml_loader():
    """YAML read as `hukou test` reads it (Sources/HukouYAML): YAML 1.2 booleans only
    (yes/no/on/off stay text) and no timestamps (dates stay text)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    return Loader


def read_json(f):
    return json.loads(f.read_text(encoding="utf-8"))


checks = [("pack.schema.json", sorted(p for p in (root / "Policies").rglob("*.json") if p.name != "facts.json"), read_json),
          ("request.schema.json", sorted((root / "examples" / "requests").glob("*.json")), read_json)]
if yaml is None:
    print("python3-yaml not installed: case files not checked")
else:
    loader = yaml_loader()
    checks.append(("cases.schema.json", sorted((root / "Policies").rglob("*.cases.yaml")),
                   lambda f: yaml.load(f.read_text(encoding="utf-8"), Loader=loader)))
failures = 0
for schema_name, files, read in checks:
    schema = read_json(root / "docs" / "schema" / schema_name)
    validator = jsonschema.Draft202012Validator(schema)
    for f in files:
        errors = list(validator.iter_errors(read(f)))
        for e in errors[:3]:
            print(f"{f.relative_to(root)}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        failures += bool(errors)
print(f"{sum(len(f) for _, f, _ in checks) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
