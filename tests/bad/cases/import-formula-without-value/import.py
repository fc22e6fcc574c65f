# A formula in the actual cell, saved by a program that does not compute it (openpyxl): no value to take.
from import_tools import *
fill({("i:p1/o1", "actual"): "=50+8"})
