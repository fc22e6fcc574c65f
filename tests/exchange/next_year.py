#!/usr/bin/env python3
"""The next year as a routine (issue 14), on a copy of the Setagaya plan.

FY2025 is exported (the period runs to FY2031), filled with openpyxl, imported
and built. The FY2025 figures are SYNTHETIC, made up here for the test (the
published sheet covers FY2024 only): targets copied from FY2024, actuals
derived from FY2024's. They never touch content/.

Checks: the FY2025 workbook shows FY2024's actuals for context; `hyoka status`
says the year is open before the import and complete after it; the site of
FY2025 draws two-point trend charts, shows the change since last year in words
on policy pages and dashboards, keeps the FY2024 edition under setagaya/2024/
with the same text as the FY2024 site, each edition saying its year and linking
to the latest; two builds are byte-identical.

  next_year.py --hyoka BUILD/hyoka --content content --templates templates --assets assets
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from roundtrip import dumps_exact, differences  # noqa: E402

failures = []


def check(condition: bool, what: str) -> None:
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def run(command, want=0):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if want is not None and result.returncode != want:
        print(result.stdout)
        raise SystemExit(f"FAIL: {' '.join(map(str, command))} exited {result.returncode}, expected {want}")
    return result


def add_synthetic_targets(plan: Path) -> None:
    """SYNTHETIC FY2025 targets: each FY2024 target again."""
    for file in sorted((plan / "policies").glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"), parse_float=Decimal)
        for indicator in data.get("indicators", []):
            years = indicator.get("years", {})
            if "2024" in years and "target" in years["2024"]:
                years["2025"] = {"target": years["2024"]["target"]}
        file.write_text(dumps_exact(data), encoding="utf-8")


def synthetic_actual(row_id: str, actual_2024, target):
    """SYNTHETIC FY2025 actual: FY2024's moved up, down or kept, by the row id (so a row
    shared by several divisions gets the same value in each of their workbooks)."""
    base = actual_2024 if isinstance(actual_2024, (int, float)) else target if isinstance(target, (int, float)) else None
    if base is None:
        return "実施"
    step = (1, -1, 0)[sum(map(ord, row_id)) % 3]
    return base + step


def fill_2025(folder: Path) -> int:
    import openpyxl
    filled = 0
    for file in sorted(folder.glob("*.xlsx")):
        book = openpyxl.load_workbook(file)
        columns = {k[len("column."):]: v for k, v in book["hyoka"].iter_rows(min_col=1, max_col=2, values_only=True)
                   if isinstance(k, str) and k.startswith("column.")}
        for sheet in book.worksheets:
            if sheet.title in ("hyoka", "入力の手引き"):
                continue
            header = {cell.value: cell.column_letter for cell in sheet[4] if cell.value}
            prior = header.get("令和6年度実績\nFY2024 actual")
            target = header["目標（計画）\nTarget (plan)"]
            for (cell,) in sheet.iter_rows(min_col=1, max_col=1):
                if not (isinstance(cell.value, str) and cell.value.startswith("i:")):
                    continue
                before = sheet[f"{prior}{cell.row}"].value if prior else None
                sheet[f"{columns['actual']}{cell.row}"] = synthetic_actual(cell.value, before, sheet[f"{target}{cell.row}"].value)
                sheet[f"{columns['reason.ja']}{cell.row}"] = "合成データ（テスト用）"
                filled += 1
        book.save(file)
    return filled


class MainText(HTMLParser):
    """The text inside <main>, without the earlier-edition notice."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.depth = 1
        elif self.depth:
            self.depth += tag not in ("br", "img", "input", "meta", "link", "hr")
            if self.skip or "edition-banner" in (attrs.get("class") or ""):
                self.skip += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if self.skip:
                self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)

    @staticmethod
    def of(path: Path) -> str:
        parser = MainText()
        parser.feed(path.read_text(encoding="utf-8"))
        return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def actual_points(svg_page: Path) -> int:
    group = re.search(r'<g class="chart-actual">(.*?)</g>', svg_page.read_text(encoding="utf-8"), re.S)
    return group.group(1).count("<circle") if group else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hyoka", required=True)
    parser.add_argument("--content", required=True, type=Path)
    parser.add_argument("--templates", required=True)
    parser.add_argument("--assets", required=True)
    args = parser.parse_args()
    hyoka = args.hyoka
    with tempfile.TemporaryDirectory(prefix="hyoka-next-year-") as tmp:
        tmp = Path(tmp)
        content = tmp / "content"
        plan = content / "setagaya"
        shutil.copytree(args.content / "setagaya", plan)
        add_synthetic_targets(plan)
        run([hyoka, "check", str(plan)])

        run([hyoka, "export", str(plan), "--year", "2025", "--out", str(tmp / "export")])
        import openpyxl
        book = openpyxl.load_workbook(tmp / "export" / "setagaya_2025_hoken-fukushi-seisaku.xlsx")
        sheet = book["施策1-1-1"]
        header = [c.value for c in sheet[4]]
        check("令和6年度実績\nFY2024 actual" in header, "the FY2025 workbook has a column of FY2024 actuals")
        o3 = next(r for r in sheet.iter_rows() if r[0].value == "i:1-1-1/o3")
        check(o3[header.index("令和6年度実績\nFY2024 actual")].value == 89.9, "it shows 1-1-1 o3's FY2024 actual 89.9")
        check(book["hyoka"]["B3"].value == 2025, "the workbook's metadata says FY2025")

        status = run([hyoka, "status", str(plan), "--year", "2025"], want=1).stdout
        check("complete: no" in status, "status before the import: FY2025 open (exit 1)")

        filled = fill_2025(tmp / "export")
        check(filled > 100, f"filled {filled} synthetic FY2025 actuals")
        files = [str(f) for f in sorted((tmp / "export").glob("*.xlsx"))]
        imported = run([hyoka, "import", str(plan), "--year", "2025"] + files).stdout
        check("value(s) changed" in imported, "import of FY2025 wrote the values")
        run([hyoka, "check", str(plan)])
        status = run([hyoka, "status", str(plan), "--year", "2025"], want=0).stdout
        check("complete: yes" in status, "status after the import: FY2025 complete (exit 0)")

        site, again, site_2024 = tmp / "site", tmp / "again", tmp / "site-2024"
        for out in (site, again):
            run([hyoka, "build", str(content), "--year", "2025", "--no-pdf", "--quiet", "--out", str(out),
                 "--templates", args.templates, "--assets", args.assets])
        check(not differences(site, again), "two builds of the two-year site are byte-identical")
        only_2024 = tmp / "content-2024"
        shutil.copytree(args.content / "setagaya", only_2024 / "setagaya")
        run([hyoka, "build", str(only_2024), "--no-pdf", "--quiet", "--out", str(site_2024),
             "--templates", args.templates, "--assets", args.assets])

        for lang, improved, header_word in (("ja", "改善", "前年度比"), ("en", "Improved", "Since last year")):
            policy = (site / lang / "setagaya/policies/1-1-1.html").read_text(encoding="utf-8")
            check(header_word in policy and f'change-improved">{improved}' in policy,
                  f"{lang}: the FY2025 policy page has the change-since-last-year column in words")
            dashboard = (site / lang / "setagaya/index.html").read_text(encoding="utf-8")
            check(header_word in dashboard and re.search(r"改善\d+・悪化\d+・横ばい\d+|\d+ improved, \d+ worse, \d+ no change", dashboard),
                  f"{lang}: the dashboard has the change column")
            check('href="../setagaya/2024/index.html"' in dashboard, f"{lang}: the dashboard links the FY2024 edition")
            check(actual_points(site / lang / "setagaya/indicators/1-1-1/o3.html") == 2,
                  f"{lang}: 1-1-1 o3's trend chart has two actual points")
            earlier = site / lang / "setagaya/2024"
            check((earlier / "index.html").exists(), f"{lang}: the FY2024 edition is published under setagaya/2024/")
            old_policy = (earlier / "policies/1-1-1.html").read_text(encoding="utf-8")
            check('class="edition-banner"' in old_policy and 'href="../../../setagaya/index.html"' in old_policy,
                  f"{lang}: the FY2024 edition says it is an earlier edition and links to the latest")
            check(actual_points(earlier / "indicators/1-1-1/o3.html")
                  == actual_points(site_2024 / lang / "setagaya/indicators/1-1-1/o3.html") < 2,
                  f"{lang}: the FY2024 edition's chart has no FY2025 point (as on the one-year site)")
            for page in ("policies/1-1-1.html", "policies/1-10-1.html", "indicators/1-1-1/o3.html", "areas/1.html"):
                check(MainText.of(earlier / page) == MainText.of(site_2024 / lang / "setagaya" / page),
                      f"{lang}: the FY2024 edition's {page} reads as the FY2024 site did")
            home = (site / lang / "index.html").read_text(encoding="utf-8")
            check("setagaya/2024" not in home, f"{lang}: the site home lists the plan once (the latest edition)")
        check("2025" in (site / "ja/setagaya/index.html").read_text(encoding="utf-8").split("<main", 1)[1][:2000],
              "the latest edition says FY2025")
        check("sitemap-setagaya-2024.xml" in (site / "sitemap.xml").read_text(), "the sitemap lists the FY2024 edition")
        check(not (site_2024 / "ja/setagaya/2024").exists(), "a one-year site has no earlier edition")
    if failures:
        print(f"FAIL: {len(failures)} check(s) failed")
        return 1
    print("next year: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
