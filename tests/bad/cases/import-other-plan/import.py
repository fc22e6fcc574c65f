# A file exported from another plan.
from import_tools import *
rows = csv_rows()
rows[0] = [c.replace("plan=mini", "plan=other") for c in rows[0]]
write_csv(rows, "filled.csv")
