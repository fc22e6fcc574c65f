# Commentary that is a symbolic link to a file outside the content folder.
import os
os.remove("policies/p1.ja.md")
os.symlink("/etc/passwd", "policies/p1.ja.md")
