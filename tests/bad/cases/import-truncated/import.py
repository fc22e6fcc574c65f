# A workbook cut off half-way (an interrupted copy or download).
from import_tools import *
data = workbook().read_bytes()
(FILES / "cut.xlsx").write_bytes(data[: len(data) // 2])
