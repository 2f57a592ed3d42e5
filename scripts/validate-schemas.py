#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Validates every pack under Policies/ against docs/schema/pack.schema.json, every example
request against docs/schema/request.schema.json, every case file (Policies/**/*.cases.yaml)
against docs/schema/cases.schema.json, and answers against docs/schema/answer.schema.json:
the golden answers in examples/answers/ and the answers the CLI gives for every example
request, each kind in both locales (the CLI is $HUKOU_CLI, else .build/debug/hukou-cli;
without it those are skipped with a note). Needs python3-jsonschema, and python3-yaml for
the case files; skips with a note when one is missing."""
import json, os, pathlib, re, subprocess, sys
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


failures = 0
checked = 0


def validate(schema_name, documents):
    """documents: (label, value) pairs."""
    global failures, checked
    schema = read_json(root / "docs" / "schema" / schema_name) if isinstance(schema_name, str) else schema_name
    validator = jsonschema.Draft202012Validator(schema)
    for label, value in documents:
        checked += 1
        errors = list(validator.iter_errors(value))
        for e in errors[:3]:
            print(f"{label}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        failures += bool(errors)


def files(paths, read=read_json):
    return [(str(f.relative_to(root)), read(f)) for f in paths]


validate("pack.schema.json", files(sorted(p for p in (root / "Policies").rglob("*.json") if p.name != "facts.json")
                                   + sorted((root / "examples" / "packs").glob("*.json"))))
# Policies/facts.json: the common fact declarations, in the form of a pack's "facts"
# (pack.schema.json's, value_labels included).
pack_schema = read_json(root / "docs" / "schema" / "pack.schema.json")
facts_schema = {"$schema": pack_schema["$schema"], "$defs": pack_schema["$defs"], "type": "object",
                "additionalProperties": False, "required": ["format", "facts"],
                "properties": {"format": {"const": "hukou-facts/1"}, "comment": {"type": "string"},
                               "$schema": {"type": "string"}, "facts": pack_schema["properties"]["facts"]}}
validate(facts_schema, files([root / "Policies" / "facts.json"]))
requests = sorted((root / "examples" / "requests").glob("*.json"))
validate("request.schema.json", files(requests))
if yaml is None:
    print("python3-yaml not installed: case files not checked")
else:
    loader = yaml_loader()
    validate("cases.schema.json", files(sorted((root / "Policies").rglob("*.cases.yaml")),
                                        lambda f: yaml.load(f.read_text(encoding="utf-8"), Loader=loader)))
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
