# Billion laughs in the shared strings: a DTD, refused before any entity is expanded.
from import_tools import *
entries = parts(workbook())
laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' if i > 1 else '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' for i in range(1, 10)
) + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
entries["xl/sharedStrings.xml"] = laughs.encode()
write_zip(entries, "laughs.xlsx")
