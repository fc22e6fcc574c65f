#!/usr/bin/env python3
"""Validate every JSON file of the sample plans against content/schema/.

Run by ctest (tests/CMakeLists.txt) so the schema and the C++ loader never
drift apart: the loader's own checks run on the same files in hyoka check.
Usage: validate_schema.py CONTENT_DIR
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


def main() -> int:
    content = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "content")
    schema_dir = content / "schema"
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schema_dir.glob("*.schema.json")}
    store = {s["$id"]: s for s in schemas.values()}
    failures = checked = 0
    for plan in sorted(p.parent for p in content.glob("*/plan.json")):
        for path in sorted(plan.rglob("*.json")):
            name = schema_name(path.relative_to(plan))
            if not name:
                print(f"{path}: no schema for this file", file=sys.stderr)
                failures += 1
                continue
            schema = schemas[name]
            resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=store)
            validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
            document = json.loads(path.read_text(encoding="utf-8"))
            expected = f"../schema/{name}" if path.parent == plan else f"../../schema/{name}"
            if document.get("$schema") != expected:
                print(f"{path}: $schema should be \"{expected}\"", file=sys.stderr)
                failures += 1
            for error in validator.iter_errors(document):
                pointer = "/" + "/".join(str(p) for p in error.absolute_path)
                print(f"{path}: {pointer}: {error.message}", file=sys.stderr)
                failures += 1
            checked += 1
    print(f"{checked} files checked, {failures} errors")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
