#!/usr/bin/python3
"""Verifies the DKIM signature of saved messages with dkimpy (Debian's python3-dkim), the
public keys coming from a file instead of DNS.

usage: dkim_verify.py --dns-file FILE [--require-header NAME]... MESSAGE...

Contract:
- FILE holds one TXT record a line, "NAME RECORD", e.g.
  "digest2026._domainkey.tool-verdicts.example v=DKIM1; k=rsa; p=MIIBIjAN...": the name,
  whitespace, then the record as it would be published (the same format libopendkim's
  DKIM_QUERY_FILE reads). Names match case-insensitively, with or without a final dot; empty
  lines and lines starting with "#" are skipped. A name that is not in the file has no record.
- Each MESSAGE file is read as bytes and checked with dkim.verify(), which verifies the
  first (topmost) DKIM-Signature; a message with no DKIM-Signature fails. Bare LF line ends
  are read as CRLF (dkimpy does so itself), so a message saved with LF line ends still
  verifies if it was signed with CRLF.
- --require-header NAME (repeatable): the signature's h= must also list NAME
  (case-insensitive), e.g. List-Unsubscribe and List-Unsubscribe-Post for RFC 8058.
- Prints one line per message, in the order given: "ok FILE" or "FAIL FILE: reason" (the
  reason as dkimpy logged it, or why the file could not be checked), on stdout.
- Exits 0 when every message passed, 1 when any failed, 2 on a usage error or an unreadable
  --dns-file. Never looks anything up in DNS.
"""
import argparse
import logging
import re
import sys

import dkim
import dkim.util


class Collect(logging.Handler):
    """Keeps the messages dkimpy logs about one verification."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.errors = []
        self.debug = []

    def emit(self, record):
        (self.errors if record.levelno >= logging.WARNING else self.debug).append(record.getMessage())


def load_records(path):
    """{name (lower case, no final dot): record bytes} from the --dns-file."""
    records = {}
    with open(path, "rb") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith(b"#"):
                continue
            parts = line.split(None, 1)
            if len(parts) != 2:
                raise ValueError(f"{path}:{number}: expected \"NAME RECORD\"")
            records[parts[0].decode("ascii").lower().rstrip(".")] = parts[1]
    return records


def make_dnsfunc(records):
    def lookup(name, timeout=5):  # dkimpy's dnsfunc signature; name is bytes ("s._domainkey.d.")
        if isinstance(name, bytes):
            name = name.decode("ascii", "replace")
        return records.get(name.lower().rstrip("."))

    return lookup


def signed_headers(message):
    """The lower-case names in the first DKIM-Signature's h=, or None without a signature."""
    headers, _ = dkim.rfc822_parse(message)
    for name, value in headers:
        if name.lower() == b"dkim-signature":
            tags = dkim.util.parse_tag_value(value)
            return [h.strip().lower().decode("ascii", "replace") for h in re.split(rb":", tags.get(b"h", b""))]
    return None


def check(path, dnsfunc, required):
    """None when the message at `path` passes, else the reason it does not."""
    try:
        with open(path, "rb") as f:
            message = f.read()
    except OSError as e:
        return f"cannot read: {e.strerror}"
    if not message.strip():
        return "empty file"
    try:
        names = signed_headers(message)
    except Exception as e:  # a header dkimpy cannot parse, a malformed tag list
        return f"cannot parse the message: {e}"
    if names is None:
        return "no DKIM-Signature header"

    logger = logging.getLogger(f"dkim_verify.{id(path)}")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    collect = Collect()
    logger.addHandler(collect)
    try:
        ok = dkim.verify(message, logger=logger, dnsfunc=dnsfunc)
    except Exception as e:  # dkim.verify catches DKIMException; anything else is a bug or bad input
        return f"{type(e).__name__}: {e}"
    finally:
        logger.removeHandler(collect)
    if not ok:
        if collect.errors:
            return "; ".join(collect.errors)
        return "signature does not match the signed header fields (or the key)"
    missing = [h for h in required if h.lower() not in names]
    if missing:
        return "signature does not cover " + ", ".join(missing) + " (h=" + ":".join(names) + ")"
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description="Verify DKIM signatures with keys from a file.")
    parser.add_argument("--dns-file", required=True, help='lines "NAME RECORD" answering TXT queries')
    parser.add_argument("--require-header", action="append", default=[], metavar="NAME",
                        help="a header field name the signature's h= must list (repeatable)")
    parser.add_argument("messages", nargs="+", metavar="MESSAGE")
    args = parser.parse_args(argv)
    try:
        records = load_records(args.dns_file)
    except (OSError, ValueError, UnicodeDecodeError) as e:
        print(f"dkim_verify.py: --dns-file {args.dns_file}: {e}", file=sys.stderr)
        return 2
    dnsfunc = make_dnsfunc(records)
    failed = 0
    for path in args.messages:
        reason = check(path, dnsfunc, args.require_header)
        if reason is None:
            print(f"ok {path}")
        else:
            failed += 1
            print(f"FAIL {path}: {reason}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
