#!/usr/bin/env python3
"""Export and import of a synthetic plan of about 10,000 indicators (issue 14).

  /usr/bin/python3 bench/exchange/run.py --hyoka build/generator/cli/hyoka [--policies 1250] [--keep DIR]

One plan from bench/site/synth.py (seed 1; 8 indicators a policy on average,
so 1,250 policies make about 10,000 indicators, 12 divisions). Its FY2024
actuals and reasons are removed; then, timed one run each with /usr/bin/time
(wall and CPU seconds, peak RSS):

  export xlsx   hyoka export PLAN --out X              (one workbook per division)
  read          hyoka import PLAN X/*.xlsx on the files as exported (the XML as Excel
                                                        keeps it; nothing to change)
  import xlsx   hyoka import PLAN X/*.xlsx             (after openpyxl filled them from the
                                                        original values: untimed; openpyxl
                                                        rewrites each workbook whole, every
                                                        kanji as an XML entity)
  re-import     the same files again (nothing to change)
  export csv / import csv / re-import: the same with --format csv

and checks that after each import the plan files equal the generated ones
byte for byte. Figures are synthetic (bench only). Prints a Markdown table.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tests" / "exchange"))
from roundtrip import differences, fill_csv, fill_workbooks, published_values, strip_year  # noqa: E402


def timed(command):
    """Wall seconds, CPU seconds (user + system), peak RSS in MiB, stdout."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        print(result.stdout, result.stderr)
        raise SystemExit(f"failed: {' '.join(command)}")
    wall, user, system, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(kilobytes) // 1024, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hyoka", required=True)
    parser.add_argument("--policies", type=int, default=1250)
    parser.add_argument("--keep", type=Path, help="keep the plan and files here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="hyoka-bench-exchange-"))
    content = work / "content"
    subprocess.run([sys.executable, str(HERE.parent / "site" / "synth.py"), str(content), "--plans", "1",
                    "--policies", str(args.policies)], check=True, stdout=subprocess.DEVNULL)
    original = next(p for p in content.iterdir() if (p / "plan.json").exists())
    indicators = sum(len(json.loads(f.read_text(encoding="utf-8")).get("indicators", []))
                     for f in (original / "policies").glob("*.json"))
    values = published_values(original)
    rows = []
    for form in ("xlsx", "csv"):
        plan = work / f"plan-{form}"
        shutil.rmtree(plan, ignore_errors=True)
        shutil.copytree(original, plan)
        removed = strip_year(plan)
        out = work / f"out-{form}"
        shutil.rmtree(out, ignore_errors=True)
        wall, cpu, mib, stdout = timed([args.hyoka, "export", str(plan), "--out", str(out), "--format", form])
        files = sorted(out.glob("*." + form))
        size = sum(f.stat().st_size for f in files)
        exported_rows = sum(int(n) for n in re.findall(r"  (\d+) rows", stdout))
        rows.append((f"export {form}", wall, cpu, mib, f"{len(files)} files, {size / 1e6:.1f} MB, {exported_rows:,} rows"))
        if form == "xlsx":
            wall, cpu, mib, stdout = timed([args.hyoka, "import", str(plan)] + [str(f) for f in files])
            rows.append(("read the files as written (Excel-like XML, no change)", wall, cpu, mib, "no changes"))
        filled = fill_csv(out, values) if form == "csv" else fill_workbooks(out, values)
        wall, cpu, mib, stdout = timed([args.hyoka, "import", str(plan)] + [str(f) for f in files])
        changed = re.search(r"(\d+) value\(s\) changed in (\d+) file", stdout)
        rows.append((f"import {form}" + (" (filled by openpyxl)" if form == "xlsx" else ""), wall, cpu, mib,
                     f"{changed.group(1)} values written into {changed.group(2)} files ({removed} removed, {filled} cells filled)"))
        left = differences(original, plan)
        if left:
            raise SystemExit(f"the {form} import left {len(left)} files different from the generated ones: {left[:5]}")
        wall, cpu, mib, stdout = timed([args.hyoka, "import", str(plan)] + [str(f) for f in files])
        if "no changes" not in stdout:
            raise SystemExit(f"re-import of {form} was not a no-op")
        rows.append((f"re-import {form}", wall, cpu, mib, "no changes"))
    print(f"\nsynthetic plan: {indicators:,} indicators, {args.policies:,} policies; files in {work}\n")
    load = open("/proc/loadavg").read().split()[:3]
    print(f"load average at the end: {' '.join(load)} (cores: {__import__('os').cpu_count()})\n")
    print("| step | wall s | CPU s | peak RSS MiB | what |\n|---|---:|---:|---:|---|")
    for step, wall, cpu, mib, what in rows:
        print(f"| {step} | {wall:.2f} | {cpu:.2f} | {mib} | {what} |")
    print("\nplan files byte-identical to the generated ones after each import: yes")
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
