# 12.5% typed into Excel is stored as 0.125 with a percent format: read as "12.5%", refused.
from import_tools import *
fill({("i:p1/o1", "actual"): (0.125, "0.0%")})
