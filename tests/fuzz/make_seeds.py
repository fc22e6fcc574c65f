#!/usr/bin/python3
"""Writes seed inputs for the fuzz targets from the project's real inputs.

    make_seeds.py OUT_DIR --hyoka BUILD/hyoka

OUT_DIR/fuzz_plan_loader: one bundle (see plan_bundle.hpp) per policy of every
plan under content/: plan.json, divisions.json, glossary.json, the policy and
its commentary, and one bundle per plan without policies.
OUT_DIR/fuzz_template: templates/**/*.html, the template cases in
tests/template/cases/ and the fuzz target's own templates.
OUT_DIR/fuzz_markdown: every commentary file content/**/*.md.
OUT_DIR/fuzz_xlsx_reader, fuzz_csv_reader: the workbooks and CSV files
`hyoka export` writes for the minimal plan of tests/bad and for a Setagaya
division (FY2024 and FY2025), each workbook also as a bundle of its parts.

scripts/fuzz runs this for every run (the seeds are not committed); the small
committed corpus in tests/fuzz/corpus/ is these seeds plus what fuzzing found,
minimised with `scripts/fuzz --minimize`.
"""
import argparse
import hashlib
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]


def write(out: pathlib.Path, name: str, data: bytes) -> None:
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:12]
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    (out / f"{safe}-{digest}").write_bytes(data)


def bundle(files: list[tuple[str, bytes]]) -> bytes:
    parts = []
    for i, (name, data) in enumerate(files):
        if i == 0 and name == "plan.json":
            parts.append(data)
        else:
            parts.append(b"\n==> " + name.encode() + b" <==\n" + data)
    return b"".join(parts)


def small_policy(data: bytes) -> bytes:
    """The policy with at most 3 projects and 3 indicators (of those projects),
    so that inputs stay small and fuzzing fast; the references stay valid."""
    try:
        policy = json.loads(data)
    except ValueError:
        return data
    if not isinstance(policy, dict):
        return data
    projects = policy.get("projects", [])[:3]
    kept = {p.get("id") for p in projects}
    indicators = [i for i in policy.get("indicators", []) if i.get("project") in kept or "project" not in i][:3]
    if "projects" in policy:
        policy["projects"] = projects
    if "indicators" in policy:
        policy["indicators"] = indicators
    return json.dumps(policy, ensure_ascii=False, indent=1).encode() + b"\n"


def plan_seeds(out: pathlib.Path) -> None:
    for plan_json in sorted((ROOT / "content").glob("*/plan.json")):
        plan = plan_json.parent
        common = [("plan.json", plan_json.read_bytes())]
        for name in ("divisions.json", "glossary.json"):
            if (plan / name).exists():
                common.append((name, (plan / name).read_bytes()))
        write(out, plan.name, bundle(common))
        for policy in sorted((plan / "policies").glob("*.json")):
            files = list(common) + [(f"policies/{policy.name}", small_policy(policy.read_bytes()))]
            for lang in ("ja", "en"):
                md = policy.with_name(f"{policy.stem}.{lang}.md")
                if md.exists():
                    files.append((f"policies/{md.name}", md.read_bytes()))
            try:
                projects = [p.get("id", "") for p in json.loads(policy.read_bytes()).get("projects", [])]
            except (ValueError, AttributeError):
                projects = []
            for project in projects:
                for lang in ("ja", "en"):
                    md = plan / "projects" / f"{project}.{lang}.md"
                    if md.exists():
                        files.append((f"projects/{md.name}", md.read_bytes()))
            write(out, f"{plan.name}-{policy.stem}", bundle(files))


def template_seeds(out: pathlib.Path) -> None:
    for path in sorted((ROOT / "templates").rglob("*.html")):
        write(out, path.relative_to(ROOT / "templates").as_posix(), path.read_bytes())
    for path in sorted((ROOT / "tests/template/cases").glob("*/*")):
        if path.is_file() and path.suffix in (".txt", ".html") and not path.name.startswith("expected"):
            write(out, f"{path.parent.name}-{path.name}", path.read_bytes())
    for path in sorted((ROOT / "tests/fuzz/templates").rglob("*")):
        if path.is_file():
            write(out, f"fuzz-{path.name}", path.read_bytes())


def markdown_seeds(out: pathlib.Path) -> None:
    for path in sorted((ROOT / "content").rglob("*.md")):
        write(out, path.relative_to(ROOT / "content").as_posix(), path.read_bytes())


def exchange_seeds(out: pathlib.Path, hyoka: str) -> None:
    plans = [(ROOT / "tests/bad/cases/valid-minimal/plan", [], ""),
             (ROOT / "content/setagaya", ["--year", "2024"], "setagaya_2024_kyoiku-sodan"),
             (ROOT / "content/setagaya", ["--year", "2025"], "setagaya_2025_kyoiku-sodan")]
    with tempfile.TemporaryDirectory() as tmp:
        for i, (plan, year, stem) in enumerate(plans):
            for form in ("xlsx", "csv"):
                folder = pathlib.Path(tmp) / f"{i}-{form}"
                subprocess.run([hyoka, "export", str(plan), "--out", str(folder), "--format", form] + year,
                               check=True, stdout=subprocess.DEVNULL)
                for path in sorted(folder.glob(f"{stem}*.{form}")):
                    if form == "csv":
                        write(out / "fuzz_csv_reader", path.name, path.read_bytes())
                        continue
                    write(out / "fuzz_xlsx_reader", path.name, path.read_bytes())
                    with zipfile.ZipFile(path) as z:
                        parts = b"".join(b"==> " + n.encode() + b" <==\n" + z.read(n) + b"\n" for n in z.namelist())
                    write(out / "fuzz_xlsx_reader", path.name + ".parts", parts)


def main() -> None:
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("out")
    parser.add_argument("--hyoka", required=True, help="the hyoka binary, to export the exchange seeds")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    plan_seeds(out / "fuzz_plan_loader")
    template_seeds(out / "fuzz_template")
    markdown_seeds(out / "fuzz_markdown")
    exchange_seeds(out, args.hyoka)
    for target in sorted(out.iterdir()):
        files = list(target.iterdir())
        print(f"{target.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")


if __name__ == "__main__":
    main()
