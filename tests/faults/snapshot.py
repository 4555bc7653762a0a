#!/usr/bin/env python3
"""snapshot.py: what a fault must not change, as text that two runs can diff.

  snapshot.py tree DIR        every file under DIR (symlinks followed): relative path, sha256
  snapshot.py link PATH       where the symlink PATH points ("-" when it is not one)
  snapshot.py db FILE         the SQLite file's content, table by table, as SQL (iterdump),
                              read through a read-only connection (the WAL is read, not merged)
  snapshot.py integrity FILE  prints PRAGMA integrity_check's answer ("ok" when sound)
  snapshot.py hashes DIR...   the sha256 of every file under the DIRs, one per line, sorted,
                              without paths: the same bytes, wherever a file was filed

Exit 0, or 2 on a usage error. Standard library only.
"""
import hashlib
import os
import sqlite3
import sys


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def files(root):
    for folder, _, names in os.walk(root, followlinks=True):
        for n in names:
            yield os.path.join(folder, n)


def tree(root):
    root = os.path.realpath(root)
    for p in sorted(files(root)):
        print(os.fsencode(os.path.relpath(p, root)).decode("utf-8", "backslashreplace"), sha256(p))


def connect(path):
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    what, args = argv[1], argv[2:]
    if what == "tree":
        tree(args[0])
    elif what == "link":
        print(os.readlink(args[0]) if os.path.islink(args[0]) else "-")
    elif what == "db":
        with connect(args[0]) as db:
            for line in db.iterdump():
                print(line)
    elif what == "integrity":
        with connect(args[0]) as db:
            print(", ".join(r[0] for r in db.execute("PRAGMA integrity_check")))
    elif what == "hashes":
        for h in sorted(sha256(p) for d in args for p in files(d) if not p.endswith(".reason.txt")):
            print(h)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
