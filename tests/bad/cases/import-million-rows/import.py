# A sheet of a million rows: refused at the row limit, in bounded memory.
from import_tools import *
entries = parts(workbook())
rows = "".join(f'<row r="{r}"><c r="A{r}" t="n"><v>{r}</v></c></row>' for r in range(1, 1000001))
entries["xl/worksheets/sheet2.xml"] = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows + "</sheetData></worksheet>").encode()
write_zip(entries, "million.xlsx")
