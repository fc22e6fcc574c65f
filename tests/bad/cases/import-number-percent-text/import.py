# "12.5%" as text in a CSV (Excel saves a percentage cell so): refused.
from import_tools import *
rows = csv_rows()
set_csv(rows, "i:p1/o1", "実績 / Actual", "12.5%")
write_csv(rows, "filled.csv")
