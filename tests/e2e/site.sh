#!/usr/bin/env bash
# The site a real run publishes, checked the way readers and crawlers meet it: every page
# through the Nu Html Checker, a comparison page and a tool page in headless Chromium
# (screenshots kept in $TV_ARTIFACTS, default build/tests/artifacts), what the pages say
# against the sample inbox, a rerun that rewrites nothing, a night that merges two tools
# (their old pages go, the absorbed URL redirects), hostile scraped text, a template with a
# syntax error and a broken link (both stop the run before anything is published).
source "$(dirname "$0")/lib.sh"
ARTIFACTS=${TV_ARTIFACTS:-$PWD/artifacts}
mkdir -p "$ARTIFACTS"
site() { echo "$WORK/$1/outbox/site"; }
snapshot() {  # snapshot DIR: every file with its inode, mtime and hash, sorted
  (cd "$1" && find . -type f -printf '%p %i %T@ ' -exec sha256sum {} \; | awk '{print $1, $2, $3, $4}' | sort)
}

# Night 1: the sample inbox.
seed_inbox "$SRC/inbox" "$WORK/n/inbox"
tv n --run.date=2026-11-21 run > "$WORK/n1.out" 2>&1
check "night 1 publishes a site (exit $?)" [ -L "$WORK/n/outbox/site" -a -f "$(site n)/index.html" ]
S=$(site n)
for p in index.html report/index.html feed.xml sitemap.xml robots.txt style.css \
         tools/smolvlm2/index.html tools/code-llama-4/index.html category/developer-tools/index.html; do
  check "the site has $p" [ -s "$S/$p" ]
done
check "one page per published comparison" [ "$(ls "$S/compare" | wc -l)" -eq "$(tv n export comparisons --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" ]

# What the pages say, worked out by hand from the sample files (expected/panel.tsv):
# SmolVLM2 4 of 4 panel ship, community 2 of 4 (50%); Code Llama 4's licence conflict.
check "the SmolVLM2 page shows 4 of 4 and 50% of 4 votes" "$PY" - "$S/tools/smolvlm2/index.html" <<'PY'
import sys, re
page = open(sys.argv[1], encoding="utf-8").read()
text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
assert "Panel ship 100% 4 of 4" in text, text[:3000]
assert "Community 50% 4 votes" in text, text[:3000]
PY
check "Code Llama 4's conflicting licences are shown with their sources' sites" \
  grep -q 'Research license (permissive) <span class="source">(launchboard.example, tool-verdicts.example)' "$S/tools/code-llama-4/index.html"
check "no conflict on a reader's page names an inbox file; the editor's report does" "$PY" - "$S" <<'PY'
import sys, os, re
root = sys.argv[1]
for sub in ("tools", "compare"):
    for name in os.listdir(os.path.join(root, sub)):
        page = open(os.path.join(root, sub, name, "index.html"), encoding="utf-8").read()
        for block in re.findall(r'Where the sources disagree</h3>.*?</ul>\s*</section>|<ul class="conflict-values">.*?</ul>', page, re.S):
            assert not re.search(r'\.(html|txt|xml)\b', block), (sub, name, block)
report = open(os.path.join(root, "report", "index.html"), encoding="utf-8").read()
conflicts = report[report.index('id="conflicts"'):report.index('id="pairs"')]
assert 'Research license (permissive) <span class="source">(launchboard-code-llama-4.html' in conflicts, conflicts
PY
# (Scraped pages only: an editor's merge still names its directives file in the merge reason.)
check "no reader's page names a scraped page's file anywhere (facts, merges, conflicts)" "$PY" - "$S" "$SRC/inbox" <<'PY'
import sys, os
root, inbox = sys.argv[1], sys.argv[2]
names = [n for n in os.listdir(inbox) if n.endswith(".html")]
assert names
for sub in ("tools", "compare"):
    for name in os.listdir(os.path.join(root, sub)):
        page = open(os.path.join(root, sub, name, "index.html"), encoding="utf-8").read()
        for n in names:
            assert n not in page, (sub, name, n)
report = open(os.path.join(root, "report", "index.html"), encoding="utf-8").read()
assert sum(n in report for n in names) >= 3  # the editor's report keeps them
PY
check "the report lists the file moved aside and the review waiting" "$PY" - "$S/report/index.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
assert "panel-draft.xml" in page and "skeptik" in page
assert "Gemma 3 27B" in page
assert 'line 10: the vote is &quot;maybe&quot;' in page, "row problem of the taken votes file"
assert '<meta name="robots" content="noindex">' in page
PY
check "robots.txt keeps the report out and names the sitemap" \
  grep -qx 'Sitemap: https://www.tool-verdicts.example/sitemap.xml' "$S/robots.txt"
check "the feed and the sitemap parse as XML and name every comparison" "$PY" - "$S" <<'PY'
import sys, os, xml.etree.ElementTree as ET
root = sys.argv[1]
feed = ET.parse(os.path.join(root, "feed.xml")).getroot()
ns = {"a": "http://www.w3.org/2005/Atom"}
entries = [e.find("a:link", ns).get("href") for e in feed.findall("a:entry", ns)]
comps = sorted(os.listdir(os.path.join(root, "compare")))
assert sorted(u.rstrip("/").rsplit("/", 1)[1] for u in entries) == comps, (entries, comps)
sm = ET.parse(os.path.join(root, "sitemap.xml")).getroot()
locs = [u.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text for u in sm]
assert all(l.startswith("https://www.tool-verdicts.example/") for l in locs)
assert not any("/report/" in l for l in locs)
for c in comps: assert "https://www.tool-verdicts.example/compare/%s/" % c in locs
PY
check "every page carries JSON-LD that parses, with SoftwareApplication and no rating" "$PY" - "$S" <<'PY'
import sys, os, re, json
root = sys.argv[1]
for sub in ("tools", "compare"):
    for name in os.listdir(os.path.join(root, sub)):
        page = open(os.path.join(root, sub, name, "index.html"), encoding="utf-8").read()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert len(blocks) == 1, name
        data = json.loads(blocks[0])
        apps = data["about"] if sub == "compare" else [data]
        for app in apps:
            assert app["@type"] == "SoftwareApplication"
            assert "aggregateRating" not in app
            for r in app.get("review", []):
                assert r["@type"] == "Review" and r["reviewBody"] and r["author"]["name"].startswith("The ")
PY

# The Nu Html Checker: zero errors on every page.
bash "$SRC/tests/site/validate.sh" "$S" > "$WORK/vnu.out" 2>&1
check "every page passes the Nu Html Checker" [ $? -eq 0 ] || cat "$WORK/vnu.out" >&2

# A reader's browser, JavaScript off.
COMPARE=$(ls "$S/compare" | head -1)
bash "$SRC/tests/site/screenshot.sh" "$S" "compare/$COMPARE/index.html" "$ARTIFACTS/comparison.png" 1280 --full \
  --dom "$WORK/compare.dom" > "$WORK/shot1.out" 2>&1
check "Chromium renders a comparison page" [ $? -eq 0 -a -s "$ARTIFACTS/comparison.png" ]
check "what Chromium saw has the scorecard" grep -q 'Reviewer scorecard' "$WORK/compare.dom"
bash "$SRC/tests/site/screenshot.sh" "$S" tools/smolvlm2/index.html "$ARTIFACTS/tool.png" 390 --full \
  --dom "$WORK/tool.dom" > "$WORK/shot2.out" 2>&1
check "Chromium renders a tool page on a phone-sized window" [ $? -eq 0 -a -s "$ARTIFACTS/tool.png" ]
check "what Chromium saw is the SmolVLM2 page" grep -q '<h1>SmolVLM2</h1>' "$WORK/tool.dom"

# A rerun with nothing new rewrites nothing: same bytes, same inodes, same mtimes.
snapshot "$S" > "$WORK/before"
sleep 1
tv n --run.date=2026-11-21 run > "$WORK/n1b.out" 2>&1
snapshot "$(site n)" > "$WORK/after"
check "a rerun leaves every file as it was (bytes, inode, mtime)" cmp -s "$WORK/before" "$WORK/after"
check "a rerun says nothing changed" grep -q 'nothing changed' "$WORK/n1b.out"

# Night 2: an editor merges SmolVLM-3B into SmolVLM2. Comparisons of the two go, the absorbed
# tool's URL becomes a redirect, and nothing else is rewritten but what shows the change.
cat > "$WORK/n/inbox/merge.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<directives date="2026-11-22" editor="maria">
  <merge a="SmolVLM2" b="SmolVLM-3B">one family for readers</merge>
</directives>
XML
touch -d '1 hour ago' "$WORK/n/inbox/merge.xml"
ls "$(site n)/compare" > "$WORK/compare-before"
tv n --run.date=2026-11-22 run > "$WORK/n2.out" 2>&1
S=$(site n)
check "night 2 publishes (exit $?)" grep -q '^Site: ' "$WORK/n2.out"
check "the comparison of the two merged tools is gone" [ ! -e "$S/compare/smolvlm-3b-vs-smolvlm2" ]
check "the merged tool's old URL redirects to the survivor" grep -q 'http-equiv="refresh" content="0; url=/tools/smolvlm2/"' "$S/tools/smolvlm-3b/index.html"
check "every comparison page left has a live comparison" [ "$(ls "$S/compare" | wc -l)" -eq "$(tv n export comparisons --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" ]
bash "$SRC/tests/site/validate.sh" "$S" > "$WORK/vnu2.out" 2>&1
check "night 2's pages pass the Nu Html Checker" [ $? -eq 0 ] || cat "$WORK/vnu2.out" >&2

# A template with a syntax error: the run stops at start-up naming file and line; the inbox
# and the published site are untouched.
cp -r "$SRC/templates" "$WORK/bad-templates"
printf '<p>\n{{#a}}\n' >> "$WORK/bad-templates/tool.mustache"
LINES=$(wc -l < "$WORK/bad-templates/tool.mustache")
echo '<html></html>' > "$WORK/n/inbox/later.html"; touch -d '1 hour ago' "$WORK/n/inbox/later.html"
snapshot "$S" > "$WORK/before"
"$PIPELINE" --paths.inbox="$WORK/n/inbox" --paths.state="$WORK/n/state" --paths.rejected="$WORK/n/rejected" \
  --paths.outbox="$WORK/n/outbox" --paths.profiles="$SRC/profiles" --paths.templates="$WORK/bad-templates" \
  --inbox.min_age_seconds=0 run > "$WORK/bad.out" 2>&1
check "a template syntax error exits 78" [ $? -eq 78 ]
check "the error names the file and line" grep -q "bad-templates/tool.mustache line $LINES: Unclosed section \"a\"" "$WORK/bad.out"
check "the inbox is untouched" [ -f "$WORK/n/inbox/later.html" ]
snapshot "$(site n)" > "$WORK/after"
check "the site is untouched" cmp -s "$WORK/before" "$WORK/after"

# A broken internal link: the run fails after rendering and before publishing.
cp -r "$SRC/templates" "$WORK/link-templates"
sed -i 's|<a href="/feed.xml">Atom feed</a>|<a href="/feed.atom">Atom feed</a>|' "$WORK/link-templates/partials/foot.mustache"
"$PIPELINE" --paths.inbox="$WORK/n/inbox" --paths.state="$WORK/n/state" --paths.rejected="$WORK/n/rejected" \
  --paths.outbox="$WORK/n/outbox" --paths.profiles="$SRC/profiles" --paths.templates="$WORK/link-templates" \
  --inbox.min_age_seconds=0 run > "$WORK/link.out" 2>&1
check "a broken link fails the run (exit 70)" [ $? -eq 70 ]
check "the failure names the page and the link" grep -q 'index.html: /feed.atom' "$WORK/link.out"
snapshot "$(site n)" > "$WORK/after"
check "nothing was published" cmp -s "$WORK/before" "$WORK/after"

# Hostile scraped pages: whatever they hold reaches the pages only as text.
seed_inbox "$SRC/tests/e2e/cases/hostile/inbox" "$WORK/h/inbox"
tv h run > "$WORK/h.out" 2>&1
check "the hostile inbox publishes a site" [ -f "$(site h)/index.html" ]
check "no script, handler or script URL from a scraped page reaches a page" "$PY" - "$(site h)" <<'PY'
import sys, os, json
from html.parser import HTMLParser
class Check(HTMLParser):
    def __init__(self, name):
        super().__init__(); self.name = name; self.in_ld = False
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            assert not k.startswith("on"), (self.name, tag, k)
            if k in ("href", "src", "action"):
                assert not (v or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), (self.name, v)
        if tag == "script":
            assert dict(attrs).get("type") == "application/ld+json", (self.name, attrs)
            self.in_ld = True
    def handle_endtag(self, tag):
        if tag == "script": self.in_ld = False
    def handle_data(self, data):
        if self.in_ld: json.loads(data)
    def handle_comment(self, data):
        raise AssertionError((self.name, "comment", data))
root = sys.argv[1]
pages = 0
for d, _, files in os.walk(root):
    for f in files:
        if f.endswith(".html"):
            Check(f).feed(open(os.path.join(d, f), encoding="utf-8").read()); pages += 1
assert pages > 3, pages
feed = open(os.path.join(root, "feed.xml"), encoding="utf-8").read()
assert "<script" not in feed.lower()
PY
bash "$SRC/tests/site/validate.sh" "$(site h)" > "$WORK/vnu3.out" 2>&1
check "the hostile site passes the Nu Html Checker" [ $? -eq 0 ] || cat "$WORK/vnu3.out" >&2

finish
