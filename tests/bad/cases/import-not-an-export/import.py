# A CSV that hyoka did not export: no metadata line.
from import_tools import *
(FILES / "mine.csv").write_text("行ID,実績\ni:p1/o1,58\n", encoding="utf-8")
