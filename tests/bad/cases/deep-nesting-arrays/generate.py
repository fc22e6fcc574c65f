# Writes 100,000 nested arrays as a figure: must be refused, not overflow the stack.
from pathlib import Path
p = Path("policies/p1.json")
p.write_text(p.read_text(encoding="utf-8").replace('"actual": 57.0', '"actual": ' + "[" * 100000 + "]" * 100000), encoding="utf-8")
