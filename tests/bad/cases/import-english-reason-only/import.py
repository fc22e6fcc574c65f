# A reason in English with no Japanese one.
from import_tools import *
fill({("i:p1/o1", "reason.en"): "Because of the weather"})
