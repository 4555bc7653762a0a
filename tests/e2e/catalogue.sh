#!/usr/bin/env bash
# The catalogue through the real executable and a real SQLite file, over several nights:
# stable URLs, directives that wait for their tool, file order, the nightly budget.
source "$(dirname "$0")/lib.sh"

slugs() { tv "$1" export tools --json | "$PY" -c 'import json,sys; print("\n".join(sorted(t["slug"]+" "+t["name"] for t in json.load(sys.stdin))))'; }
page() {  # page FILE NAME: a minimal scraped page naming one tool
  printf '<!doctype html><html><head><meta property="og:title" content="%s"><meta name="description" content="%s is a tool."></head><body><h1>%s</h1></body></html>' "$2" "$2" "$2" > "$1"
  touch -d '1 hour ago' "$1"
}

# Night 1: the sample inbox, plus a directive about a tool nobody has scraped yet.
seed_inbox "$SRC/inbox" "$WORK/n/inbox"
cat > "$WORK/n/inbox/later.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<directives date="2026-11-22" editor="sam">
  <rename tool="Gemma-3-27B-it" name="Gemma 3 27B"/>
</directives>
XML
touch -d '1 hour ago' "$WORK/n/inbox/later.xml"
tv n --run.date=2026-11-21 run > "$WORK/n1.out" 2>&1
slugs n > "$WORK/slugs1"
check "night 1 makes the five seed tools" [ "$(wc -l < "$WORK/slugs1")" -eq 5 ]
tv n status > "$WORK/status1"
check "status shows the directive waiting for its tool" grep -q 'later.xml line 3: rename "Gemma-3-27B-it".*pending.*waits for a tool named' "$WORK/status1"
tv n status --json | "$PY" -c 'import json,sys; s=json.load(sys.stdin); assert s["directives_waiting"][0]["status"]=="pending"' 
check "status --json lists the waiting directive" [ $? -eq 0 ]

# Night 2: the tool arrives, and so do later duplicates of seed tools under other names.
page "$WORK/n/inbox/gemma.html" "Gemma-3-27B-it"
page "$WORK/n/inbox/smolvlm2-again.html" "SmolVLM2-2.2B-Instruct-GGUF"
page "$WORK/n/inbox/codellama-again.html" "CodeLlama-4-70B"
tv n --run.date=2026-11-22 run > "$WORK/n2.out" 2>&1
slugs n > "$WORK/slugs2"
check "the waiting rename applied when the tool arrived" grep -q " Gemma 3 27B$" "$WORK/slugs2"
check "later duplicates join their tools: one new tool only" [ "$(wc -l < "$WORK/slugs2")" -eq 6 ]
check "no existing tool changed its URL or name" diff "$WORK/slugs1" <(grep -v " Gemma 3 27B$" "$WORK/slugs2")
tv n status > "$WORK/status2"
check "nothing is waiting any more" bash -c "! grep -q 'Directives not applied' '$WORK/status2'"

# Same bytes under other file names, taken in the reverse order: the same tools and slugs.
mkdir -p "$WORK/r/inbox"
for f in "$SRC"/inbox/*; do cp -p "$f" "$WORK/r/inbox/zz-$(printf '%03d' $((RANDOM % 1000)))-$(basename "$f")"; done
touch -d '1 hour ago' "$WORK/r/inbox"/*
tv r --run.date=2026-11-21 run > /dev/null 2>&1
check "another file order gives the same tools and slugs" diff "$WORK/slugs1" <(slugs r)
check "and the same comparisons" diff <(tv n export comparisons --json | "$PY" -c 'import json,sys; print(sorted(c["slug"] for c in json.load(sys.stdin) if c["published_on"]=="2026-11-21"))') \
  <(tv r export comparisons --json | "$PY" -c 'import json,sys; print(sorted(c["slug"] for c in json.load(sys.stdin)))')

# The nightly budget: one new comparison per run, then the next best on the next night.
seed_inbox "$SRC/inbox" "$WORK/b/inbox"
tv b --run.date=2026-11-21 --pair.max_new_per_run=1 run > "$WORK/b1.out" 2>&1
count() { tv b export comparisons --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
# The sample directives pin one pair, which the budget does not hold back.
check "one budgeted comparison plus the editor's pin (got $(count))" [ "$(count)" -eq 2 ]
check "the run says how many wait for the budget" grep -q "waiting for the budget" "$WORK/b1.out"
tv b --run.date=2026-11-22 --pair.max_new_per_run=1 run > /dev/null 2>&1
check "the next night publishes the next one" [ "$(count)" -eq 3 ]
tv b --run.date=2026-11-22 --pair.max_new_per_run=0 run > /dev/null 2>&1
check "a budget of zero publishes nothing" [ "$(count)" -eq 3 ]
"$PY" "$SRC/tests/e2e/check_catalogue.py" <(tv b export tools --json) <(tv b export comparisons --json)
check "the catalogue holds its promises" [ $? -eq 0 ]
finish
