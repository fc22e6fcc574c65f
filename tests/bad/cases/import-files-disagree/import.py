# Two files set the same actual to different values.
from import_tools import *
rows = csv_rows()
set_csv(rows, "i:p1/o1", "実績 / Actual", "58")
write_csv(rows, "a.csv")
set_csv(rows, "i:p1/o1", "実績 / Actual", "59")
write_csv(rows, "b.csv")
