#!/usr/bin/env python3
"""Runs one bad-input case through the real hyoka binary (see README.md here).

A case folder holds `plan/` (a small plan with one thing broken), an optional
`generate.py` (run inside the copied plan, for inputs too big or too odd to
commit: 100,000 brackets, symbolic links) and either `expected.txt` (the plan
must be rejected) or `accepted.txt` (it must load). Each non-comment line of
that file is a substring the output must contain; a line starting with
"check: " or "build: " applies to that command only.

Rejected: `hyoka check` and `hyoka build --no-pdf` exit 1, print every
expected line, never crash (no signal, no sanitizer report), and the build
leaves a previous output folder byte for byte as it was, with no temporary
folder left behind. Accepted: both exit 0 and the build writes the plan's pages.

Import cases (a folder with `import.py`, issue 14): the plan is valid; it is
exported (`export/` as xlsx, `export-csv/` as CSV), `import.py` writes the
filled files to refuse into `files/` (it may edit the plan too, for a
conflict), and `hyoka import` and `hyoka import --dry-run` on them must exit 1,
print every expected line ("import: " / "dry-run: " limit a line to one
run), never crash, and leave every plan file byte for byte as it was.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(command, timeout):
    try:
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s: {' '.join(map(str, command))}"
    return result.returncode, result.stdout.decode("utf-8", "replace")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hyoka", required=True)
    parser.add_argument("--case", required=True, type=Path)
    parser.add_argument("--templates", required=True)
    parser.add_argument("--assets", required=True)
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args()

    case = args.case
    accepted = (case / "accepted.txt").exists()
    spec = case / ("accepted.txt" if accepted else "expected.txt")
    expected = [line.rstrip("\n") for line in spec.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    failures = []
    if (case / "import.py").exists():
        return report(case, run_import_case(args, case, expected))

    with tempfile.TemporaryDirectory(prefix="hyoka-bad-") as tmp:
        tmp = Path(tmp)
        content = tmp / "content"
        plan = content / case.name
        shutil.copytree(case / "plan", plan, symlinks=True)
        if (case / "generate.py").exists():
            subprocess.run([sys.executable, str((case / "generate.py").resolve())], cwd=plan, check=True)

        # A previous build that a failed build must leave alone.
        out = tmp / "out"
        (out / "ja").mkdir(parents=True)
        (out / ".hyoka-site").write_text("hyoka build output: this folder is replaced by every build\n")
        (out / "index.html").write_text("<!doctype html><title>previous</title>\n")
        (out / "ja" / "index.html").write_text("<!doctype html><title>previous ja</title>\n")
        before = snapshot(out)

        runs = {
            "check": [args.hyoka, "check", str(plan)],
            "build": [args.hyoka, "build", str(content), "--no-pdf", "--quiet", "--jobs", "2", "--out", str(out),
                      "--templates", args.templates, "--assets", args.assets],
        }
        for name, command in runs.items():
            status, output = run(command, args.timeout)
            print(f"$ hyoka {name} … → exit {status}\n{output}")
            failures += check_output(name, status, output, expected, 0 if accepted else 1, runs.keys(), highest=1)

        if accepted:
            if not (out / "ja" / "mini" / "index.html").exists() and not any((out / "ja").glob("*/index.html")):
                failures.append("build: no plan pages were written")
        else:
            if snapshot(out) != before:
                failures.append("build: the previous output was changed")
            leftovers = [p.name for p in tmp.iterdir() if p.name not in ("content", "out")]
            if leftovers:
                failures.append(f"build: left behind {leftovers}")

    return report(case, failures)


def report(case: Path, failures: list) -> int:
    for failure in failures:
        print("FAIL:", failure)
    print(f"{case.name}: {'ok' if not failures else f'{len(failures)} failure(s)'}")
    return 1 if failures else 0


def check_output(name: str, status, output: str, expected: list, want_status: int, scopes, highest: int) -> list:
    """What is wrong with one run: no exit (`output` says why), a crash (an exit
    above `highest`, hyoka's last defined status), sanitizer reports, another exit
    than `want_status`, an expected line missing. A line of `expected` that starts
    with one of `scopes` and ": " is expected of that run only."""
    failures = []
    if status is None:
        return [f"{name}: {output}"]
    if status < 0 or status > highest:
        failures.append(f"{name}: crashed or aborted (exit {status})")
    for marker in ("AddressSanitizer", "LeakSanitizer", "runtime error:", "terminate called", "Segmentation fault"):
        if marker in output:
            failures.append(f"{name}: output contains {marker!r}")
    if status != want_status:
        failures.append(f"{name}: exit {status}, expected {want_status}")
    for line in expected:
        scope, _, text = line.partition(": ") if line.startswith(tuple(f"{s}: " for s in scopes)) else ("", "", line)
        if scope and scope != name:
            continue
        if text not in output:
            failures.append(f"{name}: missing {text!r}")
    return failures


def run_import_case(args, case: Path, expected: list) -> list:
    with tempfile.TemporaryDirectory(prefix="hyoka-bad-import-") as tmp:
        tmp = Path(tmp)
        plan = tmp / "content" / case.name
        shutil.copytree(case / "plan", plan)
        for folder, form in (("export", "xlsx"), ("export-csv", "csv")):
            status, output = run([args.hyoka, "export", str(plan), "--out", str(tmp / folder), "--format", form], args.timeout)
            if status != 0:
                return [f"export ({form}) failed: exit {status}\n{output}"]
        (tmp / "files").mkdir()
        environment = dict(os.environ, PYTHONPATH=str(Path(__file__).parent), HYOKA_PLAN=str(plan))
        subprocess.run([sys.executable, str((case / "import.py").resolve())], cwd=tmp, check=True, env=environment)
        before = snapshot(plan)
        files = [str(f) for f in sorted((tmp / "files").iterdir())]
        failures = []
        runs = {"import": [], "dry-run": ["--dry-run"]}
        for name, extra in runs.items():
            status, output = run([args.hyoka, "import", str(plan)] + extra + files, args.timeout)
            print(f"$ hyoka import {' '.join(extra)} … → exit {status}\n{output}")
            failures += check_output(name, status, output, expected, 1, runs.keys(), highest=2)
        if snapshot(plan) != before:
            failures.append("import: a plan file was changed")
        return failures


if __name__ == "__main__":
    sys.exit(main())
