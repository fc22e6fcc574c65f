# Excel turned "5/1" into a date in the actual cell.
import datetime
from import_tools import *
fill({("i:p1/o1", "actual"): datetime.datetime(2024, 5, 1)})
