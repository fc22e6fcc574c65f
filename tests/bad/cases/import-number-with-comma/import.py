# "1,234" typed as text: refused, never read as one thousand or as 1.234.
from import_tools import *
fill({("i:p1/o1", "actual"): "1,234"})
