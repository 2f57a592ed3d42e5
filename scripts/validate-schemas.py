#!/usr/bin/env python3
"""Validates every pack under Policies/ against docs/schema/pack.schema.json, every example
request against docs/schema/request.schema.json, and answers against
docs/schema/answer.schema.json: the golden answers in examples/answers/ (if any) and the
answers the CLI gives for every example request, each kind in both locales (the CLI is
$HUKOU_CLI, else .build/debug/hukou-cli; without it those are skipped with a note).
Needs python3-jsonschema; skips with a note when it is missing."""
import json, os, pathlib, subprocess, sys
try:
    import jsonschema
except ImportError:
    print("jsonschema not installed: schema check skipped")
    sys.exit(0)
root = pathlib.Path(__file__).resolve().parent.parent
failures = 0
checked = 0

def validate(schema_name, documents):
    """documents: (label, value) pairs."""
    global failures, checked
    schema = json.loads((root / "docs" / "schema" / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for label, value in documents:
        checked += 1
        errors = list(validator.iter_errors(value))
        for e in errors[:3]:
            print(f"{label}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        failures += bool(errors)

def files(paths):
    return [(str(f.relative_to(root)), json.loads(f.read_text(encoding="utf-8"))) for f in paths]

validate("pack.schema.json", files(sorted((root / "Policies").rglob("*.json"))))
requests = sorted((root / "examples" / "requests").glob("*.json"))
validate("request.schema.json", files(requests))
validate("answer.schema.json", files(sorted((root / "examples" / "answers").rglob("*.json"))))

cli = os.environ.get("HUKOU_CLI") or str(root / ".build" / "debug" / "hukou-cli")
if os.access(cli, os.X_OK):
    generated = []
    for request in requests:
        for kind in ("eligibility", "points", "entitlements"):
            for locale in ("zh-CN", "en"):
                out = subprocess.run([cli, kind, str(request), "--locale", locale], capture_output=True, text=True)
                label = f"{request.relative_to(root)} → {kind} ({locale})"
                if out.returncode != 0:
                    print(f"{label}: hukou-cli exited {out.returncode}: {out.stderr.strip()[:200]}")
                    failures += 1
                    checked += 1
                    continue
                generated.append((label, json.loads(out.stdout)))
    validate("answer.schema.json", generated)
else:
    print(f"{cli} not built: answers generated from examples/requests not checked")
print(f"{checked - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
