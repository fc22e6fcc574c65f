# A full-width figure typed into the actual cell (xlsx) and into the CSV: refused as hyoka check refuses it.
from import_tools import *
fill({("i:p1/o1", "actual"): "１２３"})
rows = csv_rows()
set_csv(rows, "i:p1/o1", "実績 / Actual", "１２３")
write_csv(rows, "filled.csv")
