#!/usr/bin/env python3
"""Validates every pack under Policies/ against docs/schema/pack.schema.json and every
example request against docs/schema/request.schema.json (needs python3-jsonschema;
skips with a note when it is missing)."""
import json, pathlib, sys
try:
    import jsonschema
except ImportError:
    print("jsonschema not installed: schema check skipped")
    sys.exit(0)
root = pathlib.Path(__file__).resolve().parent.parent
failures = 0
checks = [("pack.schema.json", sorted(p for p in (root / "Policies").rglob("*.json") if p.name != "facts.json")),
          ("request.schema.json", sorted((root / "examples" / "requests").glob("*.json")))]
for schema_name, files in checks:
    schema = json.loads((root / "docs" / "schema" / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for f in files:
        errors = list(validator.iter_errors(json.loads(f.read_text(encoding="utf-8"))))
        for e in errors[:3]:
            print(f"{f.relative_to(root)}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        failures += bool(errors)
        passed = len(files)
print(f"{sum(len(f) for _, f in checks) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
