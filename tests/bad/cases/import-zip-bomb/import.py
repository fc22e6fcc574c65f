# A sheet that inflates to 50 MB of blanks from 50 kB (a thousandfold): refused at the ratio limit, however
# small the compressed file is; the inflated bytes are counted as they come, whatever the zip headers claim.
from import_tools import *
entries = parts(workbook())
entries["xl/worksheets/sheet2.xml"] = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                                       + b" " * 50_000_000 + b"</sheetData></worksheet>")
write_zip(entries, "bomb.xlsx")
