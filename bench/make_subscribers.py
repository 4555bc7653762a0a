#!/usr/bin/python3
"""Writes a subscribers file for the digest benchmark: N subscribed readers.

    bench/make_subscribers.py N OUT.csv

The format is the one `pipeline digest` reads (digest.subscribers, docs/digest.md):
a header `email,name,status`, then rows like `r00001@example.com,Reader 00001,subscribed`.
Deterministic (reader i is r<i>@example.com, zero-padded to at least 5 digits), so the same N
gives the same bytes. Refuses to write inside the repository. Prints one line saying what it
wrote.
"""
import argparse
import os
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of readers (>= 1)")
    ap.add_argument("out", help="the CSV file to write")
    args = ap.parse_args()
    if args.n < 1:
        sys.exit("make_subscribers.py: N must be at least 1")
    root = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    out = os.path.realpath(args.out)
    if out == root or out.startswith(root + os.sep):
        sys.exit(f"make_subscribers.py: refusing to write inside the repository ({out})")
    width = max(5, len(str(args.n)))
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("email,name,status\n")
        for i in range(1, args.n + 1):
            f.write(f"r{i:0{width}d}@example.com,Reader {i:0{width}d},subscribed\n")
    print(f"make_subscribers.py: {args.n} subscribed readers in {out} ({os.path.getsize(out)} bytes)")


if __name__ == "__main__":
    main()
