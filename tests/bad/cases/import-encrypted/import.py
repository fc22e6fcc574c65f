# A workbook saved with a password to open: Excel writes an OLE compound file with an EncryptionInfo stream.
from import_tools import *
header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
name = "EncryptionInfo".encode("utf-16-le")
(FILES / "locked.xlsx").write_bytes(header + bytes(512) + name + bytes(4096))
