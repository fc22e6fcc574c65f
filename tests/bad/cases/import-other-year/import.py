# A workbook exported for FY2025 imported into FY2024 (the plan's evaluation year).
from import_tools import *
set_metadata("year", 2025, "filled.xlsx")
