#!/usr/bin/python3
"""Checks the digest messages that smtp_server.py saved, and prints a JSON summary.

usage: check_mail.py --maildir DIR --base-url URL --from ADDR --list-id LISTID
                     [--expect RCPT]... [--expect-count N] [--allow-redelivery]
                     [--subject-contains TEXT] [--token-param NAME] [--html-out FILE]

Reads DIR/NNNNNN.json + DIR/NNNNNN.eml pairs (and DIR/connections.json). Messages saved as
"dropped" are counted but not checked. Every other message must be:
- defect-free for Python's email parser (message, every part, every header); CRLF line ends
  only; no line over 998 octets; no header line over 78 octets unless it holds one
  unbreakable word that could not fit anyway (only the header name may share its line);
- multipart/alternative of exactly text/plain then text/html, both charset=utf-8 and
  quoted-printable; MIME-Version: 1.0;
- exactly once: Date (parsable, with a zone), Message-ID (<x@y>), From (addr-spec = --from),
  To (one address = the envelope's single recipient), Subject (non-empty, contains
  --subject-contains), List-Id (contains <LISTID>), List-Unsubscribe (exactly <https://...>
  under --base-url and <mailto:...>, no RFC 2047 encoding), List-Unsubscribe-Post
  (List-Unsubscribe=One-Click);
- the https unsubscribe URL in the decoded text part and as an href in the decoded HTML part,
  with a non-empty token query parameter (--token-param, default "token");
- no CR/LF left in an unfolded header value and no header name outside the known set (how a
  test proves a hostile subscriber name did not inject a header).
Across messages: unique Message-IDs; at most one accepted message per envelope recipient; no
recipient both dropped and accepted unless --allow-redelivery; with --expect the accepted
recipients are exactly that set; with --expect-count that many accepted messages.

Prints {"messages", "dropped", "recipients", "connections", "transactions", "message_ids",
"subjects", "unsubscribe_tokens"} on stdout; exits 0 when every check passes, else 1 with one
"FILE: what is wrong" line per failure on stderr. --html-out FILE writes the decoded HTML part
of the first accepted message (file name order), e.g. for a headless-browser screenshot.
"""
import argparse
import email
import email.policy
import email.utils
import glob
import html.parser
import json
import os
import re
import sys
import urllib.parse

TOP_HEADERS = {"date", "message-id", "from", "to", "subject", "list-id", "list-unsubscribe",
               "list-unsubscribe-post", "mime-version", "content-type",
               "content-transfer-encoding", "reply-to", "precedence", "auto-submitted",
               "x-mailer", "content-language", "dkim-signature"}
ONCE = ["Date", "Message-ID", "From", "To", "Subject", "List-Id", "List-Unsubscribe",
        "List-Unsubscribe-Post", "MIME-Version", "Content-Type"]
PART_HEADERS = {"content-type", "content-transfer-encoding", "content-language",
                "content-disposition", "mime-version"}
MSGID = re.compile(r"<[^<>@\s]+@[^<>@\s]+>")
FOLD = re.compile(r"\r?\n(?=[ \t])")


class Hrefs(html.parser.HTMLParser):
    """Collects href attribute values (HTMLParser already resolves &amp; and friends)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k == "href" and v is not None]


def hrefs_of(text):
    p = Hrefs()
    p.feed(text)
    p.close()
    return p.hrefs


class Checker:
    def __init__(self):
        self.failures = []

    def fail(self, where, what):
        self.failures.append(f"{where}: {what}")


def header_block(raw):
    end = raw.find(b"\r\n\r\n")
    if end < 0:
        end = raw.find(b"\n\n")
    return raw if end < 0 else raw[:end]


def line_no(raw, offset):
    return raw.count(b"\n", 0, offset) + 1


def check_raw(c, where, raw):
    """Line ends, line lengths, header line folding."""
    bare_lf = re.search(rb"(?<!\r)\n", raw)
    bare_cr = re.search(rb"\r(?!\n)", raw)
    if bare_lf:
        c.fail(where, f"bare LF (not CRLF) on line {line_no(raw, bare_lf.start())}")
    if bare_cr:
        c.fail(where, f"bare CR on line {line_no(raw, bare_cr.start())}")
    for n, line in enumerate(re.split(rb"\r?\n", raw), 1):
        if len(line) > 998:
            c.fail(where, f"line {n} is {len(line)} octets (over 998)")
    for n, line in enumerate(re.split(rb"\r?\n", header_block(raw)), 1):
        if len(line) <= 78:
            continue
        text = line.decode("latin-1")
        if not text[:1].isspace():
            text = text.partition(":")[2]  # the header name may stay on the word's line
        words = text.split()
        if not (len(words) == 1 and len(words[0]) > 77):
            c.fail(where, f"header line {n} is {len(line)} octets (over 78) and could be "
                          f"folded: {line[:60]!r}...")


def raw_headers(c, where, msg, allowed, what):
    """Unfolded raw header values by lower-case name; checks CR/LF and the allowed names."""
    found = {}
    for name, value in msg.raw_items():
        value = str(value)
        unfolded = FOLD.sub("", value).strip()
        if "\r" in unfolded or "\n" in unfolded:
            c.fail(where, f"{what}header {name} has a CR or LF inside its value: {value!r}")
        if name.lower() not in allowed:
            c.fail(where, f"unexpected {what}header {name!r}: {unfolded[:80]!r}")
        found.setdefault(name.lower(), []).append(unfolded)
    return found


def check_message(c, where, meta, raw, args):
    """Checks one accepted message; returns (message_id, subject, token, html) as found."""
    check_raw(c, where, raw)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for part in msg.walk():
        if part.defects:
            label = "message" if part is msg else part.get_content_type() + " part"
            c.fail(where, f"{label} defects: {[type(d).__name__ for d in part.defects]}")

    hdr = raw_headers(c, where, msg, TOP_HEADERS, "")
    for name in ONCE:
        n = len(hdr.get(name.lower(), []))
        if n != 1:
            c.fail(where, f"header {name} appears {n} times (want exactly 1)")
    for name in set(hdr):
        if len(hdr[name]) > 1 and name not in {n.lower() for n in ONCE}:
            c.fail(where, f"header {name} appears {len(hdr[name])} times")

    def one(name):
        vals = hdr.get(name.lower(), [])
        return vals[0] if vals else None

    def parsed(name):
        """The policy.default header object (decoded), with its defects reported."""
        try:
            h = msg[name]
        except Exception as e:  # a malformed header can make the header parser raise
            c.fail(where, f"header {name} does not parse: {e}")
            return None
        if h is not None and getattr(h, "defects", None):
            c.fail(where, f"header {name} defects: {[type(d).__name__ for d in h.defects]}")
        return h

    # Date, Message-ID, MIME-Version.
    date = one("Date")
    if date is not None:
        try:
            if email.utils.parsedate_to_datetime(date).tzinfo is None:
                c.fail(where, f"Date has no zone: {date!r}")
        except (TypeError, ValueError, IndexError):
            c.fail(where, f"Date does not parse: {date!r}")
    msgid = one("Message-ID")
    if msgid is not None and not MSGID.fullmatch(msgid):
        c.fail(where, f"Message-ID is not <local@domain>: {msgid!r}")
    if one("MIME-Version") is not None and one("MIME-Version") != "1.0":
        c.fail(where, f"MIME-Version is {one('MIME-Version')!r}, not 1.0")

    # From, To against the options and the envelope.
    h = parsed("From")
    if h is not None:
        addrs = [a.addr_spec for a in getattr(h, "addresses", ())]
        if len(addrs) != 1 or addrs[0].lower() != args.sender.lower():
            c.fail(where, f"From addresses {addrs} are not exactly [{args.sender}]")
    rcpts = meta.get("rcpt_tos") or []
    if len(rcpts) != 1:
        c.fail(where, f"envelope has {len(rcpts)} recipients {rcpts} (want one per message)")
    h = parsed("To")
    if h is not None:
        addrs = [a.addr_spec for a in getattr(h, "addresses", ())]
        if len(addrs) != 1:
            c.fail(where, f"To has {len(addrs)} addresses {addrs} (want exactly 1)")
        elif len(rcpts) == 1 and addrs[0].lower() != rcpts[0].lower():
            c.fail(where, f"To {addrs[0]} is not the envelope recipient {rcpts[0]}")

    subject = None
    h = parsed("Subject")
    if h is not None:
        subject = str(h)
        if not subject.strip():
            c.fail(where, "Subject is empty")
        elif args.subject_contains and args.subject_contains not in subject:
            c.fail(where, f"Subject {subject!r} lacks {args.subject_contains!r}")

    # List headers: checked raw, as list software and mail clients read them.
    list_id = one("List-Id")
    if list_id is not None and f"<{args.list_id}>" not in list_id:
        c.fail(where, f"List-Id {list_id!r} lacks <{args.list_id}>")
    post = one("List-Unsubscribe-Post")
    if post is not None and post != "List-Unsubscribe=One-Click":
        c.fail(where, f"List-Unsubscribe-Post is {post!r}, not List-Unsubscribe=One-Click")
    https_url, token = None, None
    unsub = one("List-Unsubscribe")
    if unsub is not None:
        uris = re.findall(r"<([^<>]*)>", unsub)
        rest = re.sub(r"<[^<>]*>", "", unsub)
        if "=?" in unsub:
            c.fail(where, f"List-Unsubscribe is RFC 2047 encoded: {unsub[:80]!r}")
        elif len(uris) != 2 or rest.strip(" \t,") or rest.count(",") != 1:
            c.fail(where, f"List-Unsubscribe is not '<https:...>, <mailto:...>': {unsub!r}")
        https = [u for u in uris if u.startswith("https://")]
        mailto = [u for u in uris if u.lower().startswith("mailto:")]
        if len(https) != 1 or len(mailto) != 1:
            c.fail(where, f"List-Unsubscribe wants one https and one mailto URI: {uris}")
        if https:
            https_url = https[0]
            if not https_url.startswith(args.base_url):
                c.fail(where, f"unsubscribe URL {https_url} is not under {args.base_url}")
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(https_url).query)
            token = (query.get(args.token_param) or [""])[0]
            if not token:
                c.fail(where, f"unsubscribe URL {https_url} has no {args.token_param}=")

    # MIME structure and the two bodies.
    html_text = None
    if msg.get_content_type() != "multipart/alternative":
        c.fail(where, f"top is {msg.get_content_type()}, not multipart/alternative")
    else:
        parts = msg.get_payload()
        types = [p.get_content_type() for p in parts]
        if types != ["text/plain", "text/html"]:
            c.fail(where, f"parts are {types}, want ['text/plain', 'text/html']")
        bodies = {}
        for p in parts:
            what = p.get_content_type()
            raw_headers(c, where, p, PART_HEADERS, f"{what} part ")
            if p.get_content_charset() != "utf-8":
                c.fail(where, f"{what} charset is {p.get_content_charset()!r}, not utf-8")
            cte = str(p.get("Content-Transfer-Encoding", "")).strip().lower()
            if cte != "quoted-printable":
                c.fail(where, f"{what} Content-Transfer-Encoding is {cte!r}, "
                              f"not quoted-printable")
            try:
                bodies.setdefault(what, p.get_content())
            except Exception as e:
                c.fail(where, f"{what} part does not decode: {e}")
        html_text = bodies.get("text/html")
        if https_url:
            if "text/plain" in bodies and https_url not in bodies["text/plain"]:
                c.fail(where, f"text part lacks the unsubscribe URL {https_url}")
            if html_text is not None and https_url not in hrefs_of(html_text):
                c.fail(where, f"HTML part has no href to the unsubscribe URL {https_url}")
    return msgid, subject, token, html_text


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--maildir", required=True)
    p.add_argument("--base-url", required=True)
    p.add_argument("--from", dest="sender", required=True)
    p.add_argument("--list-id", required=True)
    p.add_argument("--expect", action="append", metavar="RCPT")
    p.add_argument("--expect-count", type=int)
    p.add_argument("--allow-redelivery", action="store_true")
    p.add_argument("--subject-contains")
    p.add_argument("--token-param", default="token")
    p.add_argument("--html-out")
    args = p.parse_args()

    c = Checker()
    d = args.maildir
    if not os.path.isdir(d):
        print(f"{d}: no such folder", file=sys.stderr)
        return 1
    counts = {}
    try:
        with open(os.path.join(d, "connections.json"), encoding="utf-8") as f:
            counts = json.load(f)
    except (OSError, ValueError) as e:
        c.fail(os.path.join(d, "connections.json"), f"unreadable: {e}")

    accepted, dropped = [], []  # (eml path, metadata)
    for meta_path in sorted(glob.glob(os.path.join(d, "[0-9]*.json"))):
        eml = meta_path[:-len(".json")] + ".eml"
        try:
            with open(meta_path, encoding="utf-8") as f:
                meta = json.load(f)
        except (OSError, ValueError) as e:
            c.fail(meta_path, f"unreadable: {e}")
            continue
        (dropped if meta.get("dropped") else accepted).append((eml, meta))

    summary = {"messages": len(accepted), "dropped": len(dropped), "recipients": [],
               "connections": counts.get("connections"),
               "transactions": counts.get("transactions"), "message_ids": [],
               "subjects": [], "unsubscribe_tokens": {}}
    first_of = {}  # lower-case recipient -> eml of its first accepted message
    ids = {}
    first_html = None
    for eml, meta in accepted:
        try:
            with open(eml, "rb") as f:
                raw = f.read()
        except OSError as e:
            c.fail(eml, f"unreadable: {e}")
            continue
        try:
            msgid, subject, token, html_text = check_message(c, eml, meta, raw, args)
        except Exception as e:  # a checker bug or a message too broken to walk
            c.fail(eml, f"could not be checked: {type(e).__name__}: {e}")
            continue
        if first_html is None and html_text is not None:
            first_html = html_text
        if msgid:
            summary["message_ids"].append(msgid)
            if msgid in ids:
                c.fail(eml, f"Message-ID {msgid} already used by {ids[msgid]}")
            ids.setdefault(msgid, eml)
        if subject is not None and subject not in summary["subjects"]:
            summary["subjects"].append(subject)
        for r in meta.get("rcpt_tos") or []:
            if r.lower() in first_of:
                c.fail(eml, f"{r} already received {first_of[r.lower()]}")
                continue
            first_of[r.lower()] = eml
            summary["recipients"].append(r)
            if token:
                summary["unsubscribe_tokens"][r] = token
    summary["recipients"].sort()

    if not args.allow_redelivery:
        for eml, meta in dropped:
            for r in meta.get("rcpt_tos") or []:
                if r.lower() in first_of:
                    c.fail(first_of[r.lower()], f"{r} also got the dropped {eml} "
                                                f"(use --allow-redelivery if intended)")
    if args.expect is not None:
        want = {r.lower() for r in args.expect}
        got = set(first_of)
        if want - got:
            c.fail(d, f"expected recipients without a message: {sorted(want - got)}")
        if got - want:
            c.fail(d, f"unexpected recipients: {sorted(got - want)}")
    if args.expect_count is not None and len(accepted) != args.expect_count:
        c.fail(d, f"{len(accepted)} accepted messages, expected {args.expect_count}")
    if args.html_out:
        if first_html is None:
            c.fail(d, "no HTML part to write to --html-out")
        else:
            with open(args.html_out, "w", encoding="utf-8") as f:
                f.write(first_html)

    print(json.dumps(summary, indent=1, ensure_ascii=False))
    for line in c.failures:
        print(line, file=sys.stderr)
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
