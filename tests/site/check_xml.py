#!/usr/bin/python3
"""Checks that each XML file named is well-formed (the Atom feed, the sitemap).

    check_xml.py FILE...

Prints `FILE:LINE:COL: not well-formed XML: REASON` for each bad file and exits 1 if any;
0 when all parse. Non-validating (xml.etree, no DTD, no network): it catches what breaks
feed readers and crawlers first, an unescaped `&` or `<`, a tag left open, bad UTF-8.
"""
import sys
import xml.etree.ElementTree as ET


def main():
    bad = 0
    for path in sys.argv[1:]:
        try:
            ET.parse(path)
        except ET.ParseError as e:
            line, col = e.position
            reason = str(e).split(":")[0]
            print(f"{path}:{line}:{col + 1}: not well-formed XML: {reason}")
            bad += 1
        except OSError as e:
            print(f"{path}:0:0: cannot read: {e.strerror}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
