# A file of division d2 holding a row of division d1 (copied over from d1's file).
from import_tools import *
rows = csv_rows()
rows[0] = [c.replace("owner=d1", "owner=d2") for c in rows[0]]
set_csv(rows, "i:p1/o1", "実績 / Actual", "58")
write_csv(rows, "filled.csv")
