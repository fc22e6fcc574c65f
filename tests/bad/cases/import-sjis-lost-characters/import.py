# The plan's English commentary has an en dash (no Shift_JIS form); the CSV saved as Shift_JIS lost it ('?').
from import_tools import *
rows = csv_rows()
write_csv(rows, "sjis.csv", encoding="cp932", errors="replace")
