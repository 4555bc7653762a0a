#!/usr/bin/python3
"""Turns the Nu Html Checker's JSON report into one line a message.

    vnu_report.py SITE_DIR_ABS SITE_DIR_SHOWN REPORT.json...

Errors (type "error" and "non-document-error") print on stdout as
`FILE:LINE:COL: MESSAGE`, warnings as `FILE:LINE:COL: warning: MESSAGE`, with FILE shown
under SITE_DIR_SHOWN (the folder as the caller spelt it) rather than as a file: URL.
The last line is `errors=N warnings=M`. Exit status: 0 no error, 1 errors, 2 a report
is not the JSON vnu writes (vnu crashed: its stderr says why).
"""
import json
import os
import sys
from urllib.parse import unquote, urlparse


def shown_path(url, site_abs, site_shown):
    path = unquote(urlparse(url).path) if url.startswith("file:") else url
    if path == site_abs or path.startswith(site_abs + os.sep):
        return os.path.join(site_shown, os.path.relpath(path, site_abs))
    return path


def main():
    site_abs, site_shown = sys.argv[1:3]
    messages = []
    for report in sys.argv[3:]:
        try:
            with open(report, encoding="utf-8") as f:
                messages += json.load(f)["messages"]
        except (OSError, ValueError, KeyError) as e:
            print(f"validate: cannot read vnu's report {report}: {e}", file=sys.stderr)
            return 2
    errors = warnings = 0
    for m in messages:
        kind = m.get("type")
        where = shown_path(m.get("url", "?"), site_abs, site_shown)
        line = m.get("firstLine", m.get("lastLine", 0))
        col = m.get("firstColumn", 0)
        text = " ".join(m.get("message", "").split())
        if kind in ("error", "non-document-error"):
            errors += 1
            print(f"{where}:{line}:{col}: {text}")
        elif kind == "info" and m.get("subType") == "warning":
            warnings += 1
            print(f"{where}:{line}:{col}: warning: {text}")
    print(f"errors={errors} warnings={warnings}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
