#!/usr/bin/python3
"""Checks that a file is a PNG and prints its size, read from the IHDR chunk.

    png_info.py FILE.png

Prints `WIDTHxHEIGHT` and exits 0; exits 1 with a reason when the file is not a PNG
(no signature, no IHDR first, a zero dimension). Reads 33 bytes; decodes no pixels.
"""
import struct
import sys

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        head = f.read(33)
    if len(head) < 33 or not head.startswith(SIGNATURE):
        print(f"png_info: {path}: not a PNG (no signature)", file=sys.stderr)
        return 1
    length, kind = struct.unpack(">I4s", head[8:16])
    if kind != b"IHDR" or length != 13:
        print(f"png_info: {path}: not a PNG (first chunk is not IHDR)", file=sys.stderr)
        return 1
    width, height = struct.unpack(">II", head[16:24])
    if width == 0 or height == 0:
        print(f"png_info: {path}: empty image {width}x{height}", file=sys.stderr)
        return 1
    print(f"{width}x{height}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
