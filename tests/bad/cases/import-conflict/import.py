# The actual changed in the plan after the export (57.0 → 56.0) and in the workbook (57.0 → 58): a conflict, both shown.
from import_tools import *
edit_plan("policies/p1.json", '"actual": 57.0', '"actual": 56.0')
fill({("i:p1/o1", "actual"): 58})
