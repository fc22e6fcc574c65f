#!/usr/bin/env python3
"""The yearly cycle end to end, as its users run it (issue 14).

A copy of a sample plan has its FY actuals and reasons removed; `hyoka export`
writes the divisions' files; they are filled from the published values the way
a division would (openpyxl typing into the workbook cells, or a CSV saved by
Excel on Japanese Windows in Shift_JIS); `hyoka import` takes them back. The
plan files must then equal the published ones byte for byte, and importing
the same files again must change nothing.

  roundtrip.py --hyoka BUILD/hyoka --content content --mode xlsx|libreoffice|csv-sjis [--plan setagaya]

`libreoffice` fills with openpyxl, then has LibreOffice (headless) open and
save every workbook before the import, so the import reads LibreOffice's
writing, not openpyxl's.
"""
import argparse
import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

YEAR = "2024"


def strip_year(plan: Path) -> int:
    """Removes the year's actuals and reasons, writing the files the way the samples are written."""
    removed = 0
    for file in sorted((plan / "policies").glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"), parse_float=Decimal)
        for indicator in data.get("indicators", []):
            values = indicator.get("years", {}).get(YEAR)
            for key in ("actual", "reason"):
                if values is not None and key in values:
                    del values[key]
                    removed += 1
        file.write_text(dumps_exact(data), encoding="utf-8")
    return removed


def dumps_exact(data) -> str:
    """json.dumps(indent=2, ensure_ascii=False) with decimals written as their digits (93.0 stays 93.0)."""
    def convert(value):
        if isinstance(value, Decimal):
            return "\0" + str(value)
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value
    text = json.dumps(convert(data), ensure_ascii=False, indent=2)
    return re.sub(r'"\\u0000([-0-9.eE+]+)"', r"\1", text) + "\n"


def published_values(plan: Path) -> dict:
    """row id → {"actual": …, "reason.ja": …, "reason.en": …} from the published files."""
    values = {}
    for file in sorted((plan / "policies").glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"), parse_float=Decimal)
        for indicator in data.get("indicators", []):
            year = indicator.get("years", {}).get(YEAR, {})
            row = {}
            actual = year.get("actual")
            if isinstance(actual, dict) and actual.get("pending"):
                row["actual"] = "集計中"
            elif isinstance(actual, dict) and "text" in actual:
                row["actual"] = actual["text"]["ja"]
                if "en" in actual["text"]:
                    row["actual.en"] = actual["text"]["en"]
            elif actual is not None:
                row["actual"] = actual
            for lang in ("ja", "en"):
                if lang in year.get("reason", {}):
                    row["reason." + lang] = year["reason"][lang]
            values[f"i:{data['id']}/{indicator['id']}"] = row
    return values


def typed(value):
    """What a cell holds once a person types the printed figure: Excel keeps 93.0 as 93."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int):
        return value
    return value


def fill_workbooks(folder: Path, values: dict) -> int:
    import openpyxl
    filled = 0
    for file in sorted(folder.glob("*.xlsx")):
        book = openpyxl.load_workbook(file)
        guide = [c for row in book["入力の手引き"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
        # The guide names the division in both languages (not its id).
        ja = next(c for c in guide if c.startswith("担当："))
        en = next(c for c in guide if c.startswith("For: "))
        assert "Division" in en or "Office" in en or "Section" in en, f"{file.name}: the guide names the division {en!r} ({ja})"
        meta = book["hyoka"]
        columns = {}
        for row in meta.iter_rows(min_col=1, max_col=2, values_only=True):
            if row[0] and str(row[0]).startswith("column."):
                columns[row[0][len("column."):]] = row[1]
        for sheet in book.worksheets:
            if sheet.title in ("hyoka", "入力の手引き"):
                continue
            for cells in sheet.iter_rows(min_col=1, max_col=1):
                cell = cells[0]
                row = values.get(cell.value) if isinstance(cell.value, str) else None
                if row is None:
                    continue
                for field, value in row.items():
                    sheet[f"{columns[field]}{cell.row}"] = typed(value)
                    filled += 1
        book.save(file)
    return filled


def fill_csv(folder: Path, values: dict) -> int:
    """Fills each CSV file and saves it as Excel on Japanese Windows saves "CSV (コンマ区切り)": CP932, CRLF, no BOM."""
    filled = 0
    for file in sorted(folder.glob("*.csv")):
        rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8-sig"), newline="")))
        header = rows[1]
        index = {name: i for i, name in enumerate(header)}
        column_of = {"actual": index["実績 / Actual"], "reason.ja": index["達成状況評価の理由 / Reason for the grade (Japanese)"],
                     "reason.en": index["理由（英語） / Reason for the grade (English)"],
                     "actual.en": index["実績（英語） / Actual in English (for a text such as 一部運用)"]}
        for row in rows[2:]:
            for field, value in values.get(row[0], {}).items():
                row[column_of[field]] = str(value)
                filled += 1
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        file.write_bytes(out.getvalue().encode("cp932"))
    return filled


def resave_with_libreoffice(folder: Path, work: Path) -> None:
    out = work / "libreoffice"
    out.mkdir()
    profile = work / "lo-profile"
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
               "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out)] + [str(f) for f in sorted(folder.glob("*.xlsx"))]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    for file in sorted(folder.glob("*.xlsx")):
        resaved = out / file.name
        if not resaved.exists():
            raise SystemExit(f"LibreOffice did not write {resaved}")
        shutil.copy(resaved, file)


def differences(a: Path, b: Path) -> list:
    files = sorted({p.relative_to(a) for p in a.rglob("*") if p.is_file()} | {p.relative_to(b) for p in b.rglob("*") if p.is_file()})
    return [str(f) for f in files if not (a / f).exists() or not (b / f).exists() or (a / f).read_bytes() != (b / f).read_bytes()]


def run(command):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return result.returncode, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hyoka", required=True)
    parser.add_argument("--content", required=True, type=Path)
    parser.add_argument("--plan", default="setagaya")
    parser.add_argument("--mode", choices=["xlsx", "libreoffice", "csv-sjis"], required=True)
    args = parser.parse_args()
    original = args.content / args.plan
    with tempfile.TemporaryDirectory(prefix="hyoka-roundtrip-") as tmp:
        work = Path(tmp)
        plan = work / args.plan
        shutil.copytree(original, plan)
        removed = strip_year(plan)
        if removed == 0:
            print("FAIL: the plan has no FY actuals or reasons to remove")
            return 1
        if not differences(original, plan):
            print("FAIL: removing the actuals changed no file")
            return 1
        fmt = "csv" if args.mode == "csv-sjis" else "xlsx"
        status, output = run([args.hyoka, "export", str(plan), "--year", YEAR, "--out", str(work / "out"), "--format", fmt])
        print(output)
        if status != 0:
            print(f"FAIL: export exited {status}")
            return 1
        values = published_values(original)
        filled = fill_csv(work / "out", values) if fmt == "csv" else fill_workbooks(work / "out", values)
        print(f"removed {removed} values, filled {filled} cells")
        if args.mode == "libreoffice":
            resave_with_libreoffice(work / "out", work)
        files = sorted(str(f) for f in (work / "out").glob("*." + fmt))
        status, output = run([args.hyoka, "import", str(plan), "--year", YEAR] + files)
        print(output)
        if status != 0:
            print(f"FAIL: import exited {status}")
            return 1
        left = differences(original, plan)
        if left:
            for name in left:
                subprocess.run(["diff", "-u", str(original / name), str(plan / name)])
            print(f"FAIL: {len(left)} file(s) differ from the published ones: {left}")
            return 1
        status, output = run([args.hyoka, "import", str(plan), "--year", YEAR] + files)
        if status != 0 or "no changes" not in output:
            print(output)
            print("FAIL: importing the same files again was not a no-op")
            return 1
        if "Shift_JIS (CP932)" not in output and args.mode == "csv-sjis":
            print(output)
            print("FAIL: the import did not name the file's encoding as Shift_JIS (CP932)")
            return 1
    print(f"roundtrip {args.mode}: ok (plan files byte-identical, re-import no-op)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
