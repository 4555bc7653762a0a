#!/usr/bin/env bash
# The hostile inbox collection, end to end (tests/faults/hostile.md says what each file is).
# tests/faults/make_hostile.py writes it at test time (binary, empty, huge, ill-formed UTF-8,
# undeclared Latin-1, 200,000 nested elements, file names with ../, control characters and
# invalid UTF-8, script meant for the pages, CR/LF headers meant for the digest, XXE and
# billion laughs, formula injection, path traversal in directives); one night takes it, a
# second night writes that week's digest. Then:
#   1. the run ends with a documented exit status in bounded time;
#   2. every file is, exactly once, taken (archive) or moved aside beside a reason that says
#      why (or, a dotfile, left in the inbox), its bytes unchanged; nothing else appears;
#   3. no script, handler, script URL or raw markup from a file reaches a published page, and
#      every page passes the Nu Html Checker;
#   4. the digest's headers are exactly the documented set, no CR/LF or control character in
#      any value, a scraped encoded word stays text (archive copy, dry run, and messages sent
#      to a real SMTP server on loopback when python3-aiosmtpd is there);
#   5. no raw control character from a file name reaches the terminal log, the JSON log, a
#      reason file or `pipeline status`.
source "$(dirname "$0")/lib.sh"
export TV_DIGEST_SECRET=hostile-e2e-secret-0123456789
MAKE=$SRC/tests/faults/make_hostile.py
H=$WORK/h
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; [ -n "${TV_E2E_KEEP:-}" ] || rm -rf "$WORK"' EXIT
SECONDS=0

# The collection, copied as it is (links stay links, the pipe stays a pipe) and made old.
"$PY" "$MAKE" "$WORK/gen" --manifest "$WORK/manifest.json" > "$WORK/make.out" 2>&1
check "make_hostile.py writes the collection" [ -s "$WORK/manifest.json" ] || { cat "$WORK/make.out" >&2; finish; exit 1; }
mkdir -p "$H"
cp -a "$WORK/gen" "$H/inbox"
find "$H/inbox" -mindepth 1 -maxdepth 1 ! -type l -exec touch -d '1 hour ago' {} +

# Night 1 (Wednesday of 2026-W47): everything is claimed.
timeout 120 "$PIPELINE" --paths.inbox="$H/inbox" --paths.state="$H/state" --paths.rejected="$H/rejected" \
  --paths.outbox="$H/outbox" --paths.profiles="$SRC/profiles" --paths.templates="$SRC/templates" \
  --inbox.min_age_seconds=0 --run.date=2026-11-18 run > "$WORK/n1.out" 2> "$WORK/n1.err"
status=$?
check "night 1 exits 10, some inputs moved aside (got $status: $(tail -n 2 "$WORK/n1.err" | tr '\n' ' '))" [ "$status" -eq 10 ]
echo "night 1 took $(tail -n 1 "$WORK/n1.err" | grep -o 'finished in [0-9.]* s')"

# 2. Accounting: the store's drops table (docs/state.md) against the folders and the bytes.
check "every file is taken, moved aside or (a dotfile) left, exactly once, bytes unchanged" "$PY" - "$WORK/manifest.json" "$WORK/gen" "$H" <<'PY'
import hashlib, json, os, re, sqlite3, stat, sys
manifest, gen, h = json.load(open(sys.argv[1])), os.fsencode(sys.argv[2]), os.fsencode(sys.argv[3])
j = lambda *p: os.path.join(h, *[os.fsencode(x) for x in p])
archive, rejected, inbox = os.path.realpath(j("state", "archive")), os.path.realpath(j("rejected")), j("inbox")
db = sqlite3.connect("file:%s?mode=ro" % os.fsdecode(j("state", "pipeline.db")), uri=True)
db.text_factory = bytes
drops = db.execute("SELECT name, outcome, moved_to, sha256 FROM drops").fetchall()
sha = lambda p: hashlib.sha256(open(p, "rb").read()).hexdigest()
bad = []
seen_paths = set()
for m in manifest:
    name, label = bytes.fromhex(m["name_hex"]), m["label"]
    rows = [d for d in drops if d[0] == name]
    src = os.path.join(gen, name)
    if m["expect"] == "left":
        if rows: bad.append("%s: a dotfile was claimed: %r" % (label, rows))
        elif not os.path.isfile(os.path.join(inbox, name)) or sha(os.path.join(inbox, name)) != sha(src):
            bad.append("%s: a dotfile is no longer in the inbox as it was" % label)
        continue
    if len(rows) != 1:
        bad.append("%s: %d drop rows, expected 1" % (label, len(rows))); continue
    _, outcome, moved_to, _ = rows[0]
    outcome = outcome.decode()
    if outcome != m["expect"]:
        bad.append("%s: %s, expected %s" % (label, outcome, m["expect"]))
    home = archive if m["expect"] == "taken" else rejected
    if os.path.realpath(os.path.dirname(moved_to)).rstrip(b"/").find(home) != 0:
        bad.append("%s: filed at %r, outside %r" % (label, moved_to, home))
    base = os.path.basename(moved_to)
    if any(c < 0x20 or c == 0x7f for c in base) or b"\\" in base or base.startswith(b"."):
        bad.append("%s: filed under an unsafe name %r" % (label, base))
    try:
        if re.search("[\x80-\x9f]", base.decode("utf-8")): bad.append("%s: a C1 control in the name filed: %r" % (label, base))
    except UnicodeDecodeError:
        bad.append("%s: filed under a name that is not UTF-8: %r" % (label, base))
    seen_paths.add(os.path.realpath(moved_to))
    st = os.lstat(moved_to) if os.path.lexists(moved_to) else None
    if st is None:
        bad.append("%s: not found where the store says: %r" % (label, moved_to)); continue
    if m["type"] == "symlink":
        if not stat.S_ISLNK(st.st_mode) or os.readlink(moved_to) != os.readlink(src):
            bad.append("%s: the link was not kept as a link" % label)
    elif m["type"] == "fifo":
        if not stat.S_ISFIFO(st.st_mode): bad.append("%s: the pipe was not kept as a pipe" % label)
    elif not stat.S_ISREG(st.st_mode) or sha(moved_to) != sha(src):
        bad.append("%s: the bytes changed (%r)" % (label, moved_to))
    if os.path.lexists(os.path.join(inbox, name)):
        bad.append("%s: also still in the inbox" % label)
# Nothing else: the archive holds the taken files only, rejected/ the files and their reasons.
for root, dirs, files in os.walk(archive):
    for f in files:
        if os.path.realpath(os.path.join(root, f)) not in seen_paths:
            bad.append("archive: unexpected %r" % f)
for f in os.listdir(rejected) if os.path.isdir(rejected) else []:
    p = os.path.realpath(os.path.join(rejected, f))
    if p not in seen_paths and not (f.endswith(b".reason.txt") and os.path.realpath(p[:-11]) in seen_paths):
        bad.append("rejected: unexpected %r" % f)
left = [f for f in os.listdir(os.path.join(inbox, b".processing"))] if os.path.isdir(os.path.join(inbox, b".processing")) else []
if left: bad.append("still claimed in .processing: %r" % left)
n = {k: sum(1 for m in manifest if m["expect"] == k) for k in ("taken", "rejected", "left")}
print("  %d files: %d taken, %d moved aside, %d left (dotfiles)" % (len(manifest), n["taken"], n["rejected"], n["left"]))
for b in bad: print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

check "each file moved aside sits beside a reason that says why, shown without control characters" "$PY" - "$WORK/manifest.json" "$H" <<'PY'
import json, os, re, sqlite3, sys
manifest, h = json.load(open(sys.argv[1])), sys.argv[2]
db = sqlite3.connect("file:%s/state/pipeline.db?mode=ro" % h, uri=True)
db.text_factory = bytes
where = dict(db.execute("SELECT name, moved_to FROM drops WHERE outcome = 'rejected'").fetchall())
bad = []
for m in manifest:
    if m["expect"] != "rejected": continue
    moved = where.get(bytes.fromhex(m["name_hex"]))
    if moved is None: continue  # the accounting check says so
    try:
        text = open(moved + b".reason.txt", "rb").read().decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        bad.append("%s: no readable UTF-8 reason file: %s" % (m["label"], e)); continue
    if re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text):
        bad.append("%s: the reason file holds a control character: %r" % (m["label"], text[:300]))
    if not any(r.lower() in text.lower() for r in m["reason"]):
        what = text.split("What is wrong:")[-1].split("What to do:")[0].strip()
        bad.append("%s: the reason says %r; expected one of %r" % (m["label"], what[:300], m["reason"]))
    if "What to do:" not in text:
        bad.append("%s: the reason does not say what to do" % m["label"])
for b in bad: print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

tv h export records --json > "$WORK/records.json" 2> "$WORK/export.err"
check "the taken pages' records hold the text, decoded right, and no control character" "$PY" - "$WORK/manifest.json" "$WORK/gen" "$WORK/records.json" <<'PY'
import hashlib, json, os, re, sys
manifest, gen, records = json.load(open(sys.argv[1])), os.fsencode(sys.argv[2]), json.load(open(sys.argv[3]))
by_sha = {r["source_sha256"]: r for r in records}
ctl = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
bad = []
for m in manifest:
    want = m.get("record")
    if m["expect"] != "taken" or not want: continue
    sha = hashlib.sha256(open(os.path.join(gen, bytes.fromhex(m["name_hex"])), "rb").read()).hexdigest()
    r = by_sha.get(sha)
    if r is None:
        bad.append("%s: no record" % m["label"]); continue
    if "name" in want and r["name"] != want["name"]:
        bad.append("%s: name %r, expected %r" % (m["label"], r["name"], want["name"]))
    if "name_contains" in want and want["name_contains"] not in (r["name"] or ""):
        bad.append("%s: name %r lacks %r" % (m["label"], r["name"], want["name_contains"]))
    if "description_contains" in want and want["description_contains"] not in (r.get("description") or ""):
        bad.append("%s: description %r lacks %r" % (m["label"], r.get("description"), want["description_contains"]))
    for f in want.get("field_absent", []):
        if r.get(f): bad.append("%s: %s should be empty, is %r" % (m["label"], f, r[f]))
    for f in ("name", "tagline", "description", "vendor", "category", "source_url", "homepage"):
        if isinstance(r.get(f), str) and ctl.search(r[f]):
            bad.append("%s: %s holds a control character: %r" % (m["label"], f, r[f]))
    for f in ("source_url", "homepage"):
        if r.get(f) and not r[f].startswith(("https://", "http://")):
            bad.append("%s: %s is not a web URL: %r" % (m["label"], f, r[f]))
for b in bad: print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

tv h status --json > "$WORK/status.json" 2> "$WORK/status.err"
check "a taken votes file's bad rows are reported by line" "$PY" - "$WORK/manifest.json" "$WORK/status.json" <<'PY'
import json, sys
manifest, status = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
bad = []
for m in manifest:
    if not m.get("notes"): continue
    name = bytes.fromhex(m["name_hex"]).decode("utf-8", "replace")
    problems = [p["problem"] for p in status["row_problems"] if p["file"] == name]
    if not any(m["notes"].lower() in p.lower() for p in problems):
        bad.append("%s: no row problem mentions %r: %r" % (m["label"], m["notes"], problems))
for b in bad: print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

check "status counts the dotfiles it leaves alone" "$PY" - "$WORK/manifest.json" "$WORK/status.json" <<'PY'
import json, sys
manifest, status = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
left = sum(1 for m in manifest if m["expect"] == "left")
print("  %d dotfiles, status says %r" % (left, status["inbox"].get("dotfiles")))
sys.exit(0 if left > 0 and status["inbox"].get("dotfiles") == left else 1)
PY

check "nothing the pipeline wrote holds /etc/passwd (XXE, the link)" "$PY" - "$H" <<'PY'
import os, sys
try:
    needle = open("/etc/passwd", "rb").readline().strip()
except OSError:
    sys.exit(0)
bad = []
for root, dirs, files in os.walk(sys.argv[1]):  # links are not followed
    for f in files:
        p = os.path.join(root, f)
        if os.path.islink(p) or not os.path.isfile(p) or "/inbox/" in p: continue
        with open(p, "rb") as fh:
            if needle and needle in fh.read(): bad.append(p)
for b in bad: print("  /etc/passwd's first line is in " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# 3. The pages.
SITE=$H/outbox/site
check "night 1 publishes a site" [ -f "$SITE/index.html" ]
check "no script, handler, script URL or raw markup from a file reaches a page" "$PY" - "$SITE" <<'PY'
import json, os, re, sys
from html.parser import HTMLParser
URL_ATTRS = ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background")
class Check(HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True); self.name, self.in_ld, self.bad = name, False, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k, v in attrs:
            v = v or ""
            if k.startswith("on"): self.bad.append("%s: <%s %s=...>" % (self.name, tag, k))
            if k in URL_ATTRS and re.sub(r"[\s\x00-\x1f]", "", v).lower().startswith(("javascript:", "data:", "vbscript:")):
                self.bad.append("%s: <%s %s=%r>" % (self.name, tag, k, v))
            if k == "style" and "expression(" in v.lower(): self.bad.append("%s: style %r" % (self.name, v))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh" and "javascript:" in (a.get("content") or "").lower():
            self.bad.append("%s: refresh to javascript:" % self.name)
        if tag in ("iframe", "frame", "object", "embed", "base", "svg", "math", "img", "style", "link") and not (
                tag == "link" and a.get("rel") in ("stylesheet", "canonical", "alternate", "icon")):
            self.bad.append("%s: a <%s> element (the templates have none): %r" % (self.name, tag, attrs))
        if tag == "script":
            if a.get("type") != "application/ld+json": self.bad.append("%s: <script %r>" % (self.name, attrs))
            self.in_ld = True
    def handle_endtag(self, tag):
        if tag == "script": self.in_ld = False
    def handle_data(self, data):
        if self.in_ld:
            try: json.loads(data)
            except ValueError as e: self.bad.append("%s: JSON-LD does not parse (%s)" % (self.name, e))
    def handle_comment(self, data): self.bad.append("%s: a comment %r" % (self.name, data[:80]))
root = os.path.realpath(sys.argv[1])
# Raw (unescaped) markup from the files; attributes are the parser's part below.
RAW = [r"<script>alert", r"</title><script", r"<img src=x", r"<svg", r"<iframe", r"</script><script",
       r"<style>body", r"(href|src)\s*=\s*[\"']?\s*(javascript|data|vbscript):"]
bad, pages = [], 0
for d, _, files in os.walk(root):
    for f in files:
        p = os.path.join(d, f)
        if os.path.islink(p) or not os.path.realpath(p).startswith(root + "/"):
            bad.append("%s: outside the site or a link" % p)
        if f.endswith((".html", ".xml")):
            text = open(p, encoding="utf-8").read()
            for r in RAW:
                for m in re.finditer(r, text):
                    bad.append("%s: raw %r: ...%s..." % (os.path.relpath(p, root), r, text[max(0, m.start() - 60):m.end() + 60]))
            if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text):
                bad.append("%s: a control character" % os.path.relpath(p, root))
            if f.endswith(".html"):
                c = Check(os.path.relpath(p, root)); c.feed(text); bad += c.bad; pages += 1
if pages < 10: bad.append("only %d pages" % pages)
# Every published path is made of slugs: no "..", no dotfile, no character a name brought in.
for d, dirs, files in os.walk(root):
    for f in dirs + files:
        rel = os.path.relpath(os.path.join(d, f), root)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*(\.[a-z]+)?(/[a-z0-9][a-z0-9-]*(\.[a-z]+)?)*", rel):
            bad.append("an unexpected published path: %r" % rel)
for b in bad[:40]: print("  " + b, file=sys.stderr)
print("  %d pages checked" % pages)
sys.exit(1 if bad else 0)
PY
check "the hostile tools reached their pages (as text)" "$PY" - "$SITE" <<'PY'
import os, sys
root = sys.argv[1]
pages = "".join(open(os.path.join(d, f), encoding="utf-8").read() for d, _, fs in os.walk(root) for f in fs if f.endswith(".html"))
# A name that looks like markup is never chosen (stages/extract/name_vote.hpp): the tool is
# "Script Kiddie" from its <title>; its hostile description still reaches the page, as text.
for text in ("Script Kiddie", "&lt;img src=x onerror=alert(2)&gt;", "Header Hijack Bcc: victim@example.com",
             "Café Übersetzer", "Mojibake Mill"):
    assert text in pages, text
assert "Script Kiddie &lt;script&gt;" not in pages
PY
# The Nu Html Checker, as tests/e2e/site.sh runs it (tests/site/validate.sh installs vnu.jar
# under $BUILD/node-tools when missing; a jar already there is used as it is).
JAR=${VNU_JAR:-}
for j in "${BUILD:-$SRC/build}/node-tools/node_modules/vnu-jar/build/dist/vnu.jar" \
         "$SRC/build/node-tools/node_modules/vnu-jar/build/dist/vnu.jar"; do
  [ -z "$JAR" ] && [ -f "$j" ] && JAR=$j
done
bash "$SRC/tests/site/validate.sh" "$SITE" $JAR > "$WORK/vnu.out" 2>&1
vnu=$?
if [ $vnu -eq 77 ]; then echo "SKIPPED: the Nu Html Checker ($(tail -n 1 "$WORK/vnu.out"))"
else check "the hostile site passes the Nu Html Checker" [ $vnu -eq 0 ] || cat "$WORK/vnu.out" >&2; fi

# 4. The digest. Night 2 (Monday of 2026-W48) writes 2026-W47's file.
timeout 60 "$PIPELINE" --paths.inbox="$H/inbox" --paths.state="$H/state" --paths.rejected="$H/rejected" \
  --paths.outbox="$H/outbox" --paths.profiles="$SRC/profiles" --paths.templates="$SRC/templates" \
  --inbox.min_age_seconds=0 --run.date=2026-11-23 run > "$WORK/n2.out" 2> "$WORK/n2.err"
check "night 2 exits 0 (got $?)" [ $? -eq 0 ]
EML=$H/outbox/digest/2026-W47.eml
check "night 2 writes the week's digest" [ -s "$EML" ]
cat > "$WORK/check_eml.py" <<'PY'
"""check_eml.py FILE...: the hostile digest's headers hold nothing a scraped value injected."""
import email, email.policy, re, sys
from html.parser import HTMLParser
ONCE = ["Date", "Message-ID", "From", "To", "Subject", "List-Id", "List-Unsubscribe",
        "List-Unsubscribe-Post", "MIME-Version", "Content-Type"]
CTL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
class Html(HTMLParser):
    def __init__(self): super().__init__(); self.bad = []
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "img", "svg", "style", "form", "object", "embed", "base"): self.bad.append(tag)
        for k, v in attrs:
            if k.startswith("on") or (k in ("href", "src") and (v or "").strip().lower().startswith(("javascript:", "data:", "vbscript:"))):
                self.bad.append("%s %s=%r" % (tag, k, v))
bad = []
for f in sys.argv[1:]:
    raw = open(f, "rb").read()
    head = raw.split(b"\r\n\r\n", 1)[0]
    if re.search(rb"\r(?!\n)|(?<!\r)\n", raw): bad.append("%s: a bare CR or LF" % f)
    if re.search(rb"[^\x09\x0a\x0d\x20-\x7e]", head): bad.append("%s: a raw non-ASCII or control byte in the headers" % f)
    for line in head.split(b"\r\n"):
        if len(line) > 998: bad.append("%s: a header line of %d octets" % (f, len(line)))
        if line[:1] not in (b" ", b"\t") and b":" not in line: bad.append("%s: a header line without a name: %r" % (f, line[:80]))
    if re.search(rb"(?m)^\.\r?$", raw): bad.append("%s: a line that is a lone '.'" % f)
    m = email.message_from_bytes(raw, policy=email.policy.default)
    names = [k.lower() for k in m.keys()]
    if sorted(names) != sorted(h.lower() for h in ONCE):
        bad.append("%s: headers %r, expected exactly %r" % (f, m.keys(), ONCE))
    if m.defects or any(p.defects for p in m.walk()): bad.append("%s: defects %r" % (f, m.defects))
    for k, v in m.items():
        if CTL.search(str(v)): bad.append("%s: %s holds a control character: %r" % (f, k, str(v)))
        if getattr(v, "defects", None): bad.append("%s: %s defects %r" % (f, k, v.defects))
    subject = str(m["Subject"])
    if "Header Hijack" not in subject: bad.append("%s: the hostile tool is not in the Subject: %r" % (f, subject))
    if "=?UTF-8?B?QmNj" not in subject: bad.append("%s: a scraped encoded word was decoded: %r" % (f, subject))
    if len(m["To"].addresses) != 1: bad.append("%s: To is %r" % (f, str(m["To"])))
    for h in ("Bcc", "Cc", "Reply-To"):
        if m[h] is not None: bad.append("%s: a %s header" % (f, h))
    text, html = m.get_body(("plain",)).get_content(), m.get_body(("html",)).get_content()
    if "Header Hijack" not in text: bad.append("%s: the text part lacks the hostile tool" % f)
    p = Html(); p.feed(html)
    if p.bad: bad.append("%s: the HTML part has %r" % (f, p.bad))
    if re.search(r"(?m)^(Bcc|Subject|Reply-To|MAIL FROM):", text): bad.append("%s: a header-like line in the text part" % f)
for b in bad: print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
check "the digest's archive copy: the documented headers only, no injected header or control character" \
  "$PY" "$WORK/check_eml.py" "$EML"

printf 'email,name,status\nann@example.com,Ann,subscribed\nbob@example.org,"Bob ""Bcc: victim@example.com"", <evil@example.com>",subscribed\n' \
  > "$WORK/subscribers.csv"
tv h --run.date=2026-11-23 --digest.subscribers="$WORK/subscribers.csv" digest --week 2026-W47 --dry-run \
  > "$WORK/dry.out" 2> "$WORK/dry.err"
check "the dry run exits 0 (got $?)" [ $? -eq 0 ]
check "the dry run's Subject line is one line with the hostile name as text" \
  grep -q '^Subject: Weekly AI Tool Verdicts, 2026-W47: Header Hijack Bcc: victim@example.com Subject: You won vs ' "$WORK/dry.out"

if "$PY" -c 'import aiosmtpd' 2>/dev/null; then
  mkdir -p "$WORK/srv"
  "$PY" "$SRC/tests/digest/smtp_server.py" --maildir "$WORK/srv/mail" --port-file "$WORK/srv/port" 2>> "$WORK/srv/log" &
  PIDS+=($!)
  for _ in $(seq 100); do [ -s "$WORK/srv/port" ] && break; sleep 0.1; done
  tv h --run.date=2026-11-23 --digest.subscribers="$WORK/subscribers.csv" --smtp.url="smtp://127.0.0.1:$(cat "$WORK/srv/port")" \
    --smtp.tls=none --smtp.rate_per_second=0 digest --week 2026-W47 --send > "$WORK/send.out" 2> "$WORK/send.err"
  check "the digest is sent to both readers (exit $?)" [ "$(ls "$WORK/srv/mail" 2>/dev/null | grep -c '\.eml$')" -eq 2 ]
  check "each message passes tests/digest/check_mail.py" "$PY" "$SRC/tests/digest/check_mail.py" --maildir "$WORK/srv/mail" \
    --base-url https://www.tool-verdicts.example --from digest@tool-verdicts.example --list-id weekly.tool-verdicts.example \
    --expect ann@example.com --expect bob@example.org --subject-contains "Header Hijack" > "$WORK/check_mail.json"
  check "each message sent: the documented headers only, no injected header or control character" \
    sh -c "'$PY' '$WORK/check_eml.py' '$WORK'/srv/mail/*.eml"
else
  echo "SKIPPED: sending to a real SMTP server (python3-aiosmtpd is not installed; make test installs it)"
fi

# 5. What an editor reads in a terminal: the logs, the run's summary, `pipeline status`.
tv h status > "$WORK/status.txt" 2> "$WORK/status.err"
cat > "$WORK/check_text.py" <<'PY'
"""check_text.py FILE...: no raw control character (but the line feed) and no ill-formed UTF-8;
a .err file (the terminal log) has only records and their indented continuations; a .jsonl
file's messages hold no control character but the line feed."""
import json, re, sys
bad = []
for f in sys.argv[1:]:
    raw = open(f, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        bad.append("%s: not UTF-8 (%s)" % (f, e)); continue
    for n, line in enumerate(text.split("\n"), 1):
        m = re.search(r"[\x00-\x1f\x7f-\x9f]", line)
        if m: bad.append("%s:%d: raw %r in %r" % (f, n, m.group(), line[:160]))
        if f.endswith(".err") and line and not re.match(r"(\d\d:\d\d:\d\d \w+ | )", line):
            bad.append("%s:%d: a line that is neither a log record nor its continuation: %r" % (f, n, line[:160]))
        if f.endswith(".jsonl") and line:
            msg = json.loads(line)["msg"]
            if re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", msg): bad.append("%s:%d: msg holds %r" % (f, n, msg[:160]))
for b in bad[:30]: print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
check "no raw control character or ill-formed UTF-8 in the terminal log, the run's summary or the JSON log" \
  "$PY" "$WORK/check_text.py" "$WORK/n1.err" "$WORK/n2.err" "$WORK/dry.err" "$WORK/n1.out" "$WORK/n2.out" \
  "$H/state/logs/pipeline.jsonl"
check "the terminal log shows the escape-named files, as text" grep -q 'moved aside .\[31mred.\[0m-escape.html' "$WORK/n1.err"
check "no raw control character or ill-formed UTF-8 in \`pipeline status\`" "$PY" "$WORK/check_text.py" "$WORK/status.txt"
check "\`pipeline status\` names the escape-named votes file" grep -q 'votes-escape.csv: line 3: the vote is "maybe"' "$WORK/status.txt"

echo "hostile_inbox took ${SECONDS} s"
finish
