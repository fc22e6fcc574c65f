"""Helpers for the import cases' import.py (see README.md): they run in the
case's scratch folder, which holds export/ (the plan exported as xlsx),
export-csv/ (as CSV) and files/ (what hyoka import is given)."""
import csv
import io
import os
import shutil
import zipfile
from pathlib import Path

EXPORT = Path("export")
EXPORT_CSV = Path("export-csv")
FILES = Path("files")
PLAN = Path(os.environ.get("HYOKA_PLAN", "."))


def workbook() -> Path:
    """The exported workbook (the minimal plan has one division, so one file)."""
    books = sorted(EXPORT.glob("*.xlsx"))
    assert len(books) == 1, books
    return books[0]


def csv_file() -> Path:
    files = sorted(EXPORT_CSV.glob("*.csv"))
    assert len(files) == 1, files
    return files[0]


def cell_of(book, row_id: str, field: str) -> str:
    """The address ("施策1-1", "K5") of a row's field, found as a person would: by the row id in column A."""
    column = None
    for key, value in book["hyoka"].iter_rows(min_col=1, max_col=2, values_only=True):
        if key == "column." + field:
            column = value
    for sheet in book.worksheets:
        for (cell,) in sheet.iter_rows(min_col=1, max_col=1):
            if cell.value == row_id:
                return sheet.title, f"{column}{cell.row}"
    raise KeyError(row_id)


def fill(values: dict, out: str = "filled.xlsx", source: Path = None):
    """Types values into the workbook with openpyxl: {(row id, field): value}; a (value, number_format) pair sets a format."""
    import openpyxl
    book = openpyxl.load_workbook(source or workbook())
    for (row_id, field), value in values.items():
        sheet, address = cell_of(book, row_id, field)
        cell = book[sheet][address]
        if isinstance(value, tuple):
            value, cell.number_format = value
        cell.value = value
    book.save(FILES / out)
    return FILES / out


def set_metadata(key: str, value, out: str, source: Path = None):
    import openpyxl
    book = openpyxl.load_workbook(source or workbook())
    for row in book["hyoka"].iter_rows(min_col=1, max_col=2):
        if row[0].value == key:
            row[1].value = value
    book.save(FILES / out)
    return FILES / out


def parts(path: Path) -> dict:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def write_zip(entries: dict, out: str) -> Path:
    with zipfile.ZipFile(FILES / out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return FILES / out


def csv_rows(path: Path = None) -> list:
    return list(csv.reader(io.StringIO((path or csv_file()).read_text(encoding="utf-8-sig"), newline="")))


def write_csv(rows: list, out: str, encoding: str = "utf-8-sig", errors: str = "strict") -> Path:
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    (FILES / out).write_bytes(text.getvalue().encode(encoding, errors))
    return FILES / out


def set_csv(rows: list, row_id: str, header: str, value: str) -> None:
    column = rows[1].index(header)
    for row in rows[2:]:
        if row[0] == row_id:
            row[column] = value
            return
    raise KeyError(row_id)


def edit_plan(file: str, old: str, new: str) -> None:
    path = PLAN / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
