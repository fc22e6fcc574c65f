#!/usr/bin/env python3
"""Validate every JSON file of the sample plans against content/schema/.

Run by ctest (tests/CMakeLists.txt) so the schema and the C++ loader never
drift apart: the loader's own checks run on the same files in hyoka check.
With --site, a site's hyoka.json is checked against site.schema.json too.
Usage: validate_schema.py CONTENT_DIR [--site HYOKA_JSON]
"""
import json
import pathlib
import sys

import jsonschema

SCHEMA_FOR = {
    "plan.json": "plan.schema.json",
    "divisions.json": "divisions.schema.json",
    "glossary.json": "glossary.schema.json",
}


def schema_name(path: pathlib.Path) -> str:
    if path.parent.name == "policies":
        return "policy.schema.json"
    return SCHEMA_FOR.get(path.name, "")


def validate(path: pathlib.Path, schema: dict, store: dict) -> int:
    """Prints every error of one file; returns their count."""
    resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=store)
    validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
    failures = 0
    for error in validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))):
        pointer = "/" + "/".join(str(p) for p in error.absolute_path)
        print(f"{path}: {pointer}: {error.message}", file=sys.stderr)
        failures += 1
    return failures


def main() -> int:
    args = sys.argv[1:]
    site = None
    if "--site" in args:
        site = pathlib.Path(args.pop(args.index("--site") + 1))
        args.remove("--site")
    content = pathlib.Path(args[0] if args else "content")
    schema_dir = content / "schema"
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schema_dir.glob("*.schema.json")}
    store = {s["$id"]: s for s in schemas.values()}
    failures = checked = 0
    if site:
        failures += validate(site, schemas["site.schema.json"], store)
        checked += 1
    for plan in sorted(p.parent for p in content.glob("*/plan.json")):
        for path in sorted(plan.rglob("*.json")):
            name = schema_name(path.relative_to(plan))
            if not name:
                print(f"{path}: no schema for this file", file=sys.stderr)
                failures += 1
                continue
            document = json.loads(path.read_text(encoding="utf-8"))
            expected = f"../schema/{name}" if path.parent == plan else f"../../schema/{name}"
            if document.get("$schema") != expected:
                print(f"{path}: $schema should be \"{expected}\"", file=sys.stderr)
                failures += 1
            failures += validate(path, schemas[name], store)
            checked += 1
    print(f"{checked} files checked, {failures} errors")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
