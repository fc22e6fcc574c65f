# 100,000 nested objects under an unknown key.
from pathlib import Path
p = Path("divisions.json")
p.write_text(p.read_text(encoding="utf-8").replace('{\n  "divisions"', '{\n  "x": ' + '{"a": ' * 100000 + '1' + '}' * 100000 + ',\n  "divisions"'), encoding="utf-8")
