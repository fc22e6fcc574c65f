# A zip entry named ../../evil.sh: a path that leaves the archive (zip slip), refused.
from import_tools import *
entries = parts(workbook())
entries["../../evil.sh"] = b"#!/bin/sh\necho pwned\n"
write_zip(entries, "slip.xlsx")
