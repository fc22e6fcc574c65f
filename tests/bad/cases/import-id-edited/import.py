# A row id in column A edited (o1 → o9): the row cannot be matched, and the exported row is missing.
from import_tools import *
import openpyxl
book = openpyxl.load_workbook(workbook())
sheet, address = cell_of(book, "i:p1/o1", "actual")
row = int(address[1:])
book[sheet][f"A{row}"] = "i:p1/o9"
book.save(FILES / "filled.xlsx")
