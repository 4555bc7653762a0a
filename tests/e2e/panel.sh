#!/usr/bin/env bash
# Panel reviews and community votes through the real executable and a real SQLite file, over
# two nights: a bad panel file moved aside naming its line, bad vote rows reported by line
# while the file's good rows count, a review and votes that wait for their tool and attach the
# night it arrives, an older panel arriving late, the same votes file dropped twice.
# The expected figures are worked out by hand from the files (see the comments).
source "$(dirname "$0")/lib.sh"

drop() {  # drop NAME: stdin becomes an inbox file old enough to take
  cat > "$WORK/n/inbox/$1"
  touch -d '1 hour ago' "$WORK/n/inbox/$1"
}
panel_check() {  # panel_check WHAT EXPECTED.tsv
  tv n export tools --json > "$WORK/tools.json"
  tv n status --json > "$WORK/status.json"
  check "$1" "$PY" "$SRC/tests/e2e/check_panel.py" "$WORK/tools.json" "$WORK/status.json" "$2"
}

# Night 1: the sample inbox.
seed_inbox "$SRC/inbox" "$WORK/n/inbox"
tv n --run.date=2026-11-21 run > "$WORK/n1.out" 2>&1
check "night 1 exits 10 (some files moved aside)" [ $? -eq 10 ]
check "the bad panel file is moved aside" [ -f "$WORK/n/rejected/panel-draft.xml" ]
check "its reason names the line and the near miss" \
  grep -q 'line 5: <review> reviewer="skeptik" is not a panel reviewer (did you mean "skeptic"?)' \
  "$WORK/n/rejected/panel-draft.xml.reason.txt"
check "the good panel files are taken" [ ! -e "$WORK/n/rejected/panel-2026-11-20.xml" -a ! -e "$WORK/n/rejected/panel-2026-11-27.xml" ]
check "the votes file is taken despite its bad rows" [ ! -e "$WORK/n/rejected/votes-2026-11-20.csv" ]
check "the run log names each bad row by line" \
  grep -q 'votes-2026-11-20.csv: line 10: the vote is "maybe"' "$WORK/n1.out"
check "the run log names the second bad row" grep -q 'votes-2026-11-20.csv: line 16: the cast_at "2026-11-20"' "$WORK/n1.out"
check "the run says what waits" grep -q 'Waiting for their tool: 1 review(s), 2 vote(s)' "$WORK/n1.out"
tv n status > "$WORK/status1"
check "status shows the review waiting for its tool" \
  grep -q 'panel-2026-11-20.xml line 33: skeptic on "Gemma 3 27B": no tool is known as "Gemma 3 27B" yet' "$WORK/status1"
check "status counts the votes waiting for their tool" grep -q '"Gemma 3 27B": 2 vote(s)' "$WORK/status1"
check "status lists the bad rows of the taken votes file" grep -q 'votes-2026-11-20.csv: line 10: the vote is "maybe"' "$WORK/status1"
panel_check "night 1 panel and community figures" "$SRC/tests/e2e/cases/sample-inbox/expected/panel.tsv"

# Night 2: Gemma 3 27B arrives; more votes; a panel dated before the others arrives late; the
# first votes file is dropped again under another name.
printf '<!doctype html><html><head><meta property="og:title" content="Gemma 3 27B"><meta name="description" content="Gemma 3 27B is an open model."></head><body><h1>Gemma 3 27B</h1></body></html>' | drop gemma.html
drop votes-2026-11-22.csv <<'CSV'
tool,voter,vote,cast_at
gemma 3 27b,v-7777,ship,2026-11-22T09:00:00Z
SmolVLM2,v-5150,ship,2026-11-22T09:05:00+00:00
CSV
drop panel-2026-11-13.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<panel date="2026-11-13">
  <review tool="SmolVLM-3B" reviewer="buyer" verdict="ship">An early read, before the pricing question came up.</review>
</panel>
XML
cp -p "$SRC/inbox/votes-2026-11-20.csv" "$WORK/n/inbox/votes-again.csv"
touch -d '1 hour ago' "$WORK/n/inbox/votes-again.csv"
tv n --run.date=2026-11-22 run > "$WORK/n2.out" 2>&1
check "night 2 exits 0 (nothing moved aside)" [ $? -eq 0 ]
check "the same votes file again is a duplicate" grep -q 'votes-again.csv: same bytes as votes-2026-11-20.csv' "$WORK/n2.out"
tv n status > "$WORK/status2"
check "nothing waits any more" bash -c "! grep -q 'waiting for their tool' '$WORK/status2'"
# By hand:
#   Gemma 3 27B: the skeptic's skip from 20 Nov attaches; votes v-1043 ship (20 Nov) and v-7777
#     skip (20 Nov) then ship (22 Nov)                                          -> 2 of 2
#   SmolVLM2: v-5150 skip (20 Nov) then ship (22 Nov); v-1043 skip, v-2211 and v-0871 ship -> 3 of 4
#   SmolVLM-3B: the buyer's 13 Nov ship arrived last but is older than the 20 Nov skip, which
#     still counts; 1 older review kept
#   the rest as after night 1; the duplicate file counts nothing twice.
cat > "$WORK/night2.tsv" <<'TSV'
tool	SmolVLM2	builder=ship;skeptic=ship;futurist=ship;buyer=ship	0	3/4
tool	SmolVLM-3B	builder=ship;skeptic=ship;futurist=ship;buyer=skip	1	4/5
tool	Code Llama 4	builder=ship;skeptic=skip;futurist=ship;buyer=ship	1	3/5
tool	Llama 4 Compact	builder=ship;futurist=ship;buyer=ship	0	3/4
tool	SmolLM3	builder=ship;skeptic=ship;futurist=ship	0	3/4
tool	Gemma 3 27B	skeptic=skip	0	2/2
row-problem	votes-2026-11-20.csv	10
row-problem	votes-2026-11-20.csv	16
TSV
panel_check "night 2: the waiting review and votes attach, newest panel date wins" "$WORK/night2.tsv"

# The panel is configured: a listed reviewer without a name stops before any work.
tv n --panel.reviewers=builder,lawyer status > "$WORK/cfg.out" 2>&1
check "a reviewer without a name is a configuration error (78)" [ $? -eq 78 ]
check "the message names the key" grep -q 'reviewer.lawyer.name is missing' "$WORK/cfg.out"
drop panel-lawyer.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<panel date="2026-11-23">
  <review tool="SmolLM3" reviewer="lawyer" verdict="ship">Apache 2.0, nothing for legal to chase.</review>
</panel>
XML
tv n --run.date=2026-11-23 --panel.reviewers=builder,skeptic,futurist,buyer,lawyer \
  --reviewer.lawyer.name="The Lawyer" run > "$WORK/n3.out" 2>&1
check "a reviewer added on the command line is accepted" [ $? -eq 0 ]
tv n --panel.reviewers=builder,skeptic,futurist,buyer,lawyer --reviewer.lawyer.name="The Lawyer" \
  status --json > "$WORK/status3.json"
check "and counts" "$PY" -c 'import json,sys; p=json.load(open(sys.argv[1]))["panel"]["smollm3"]; assert p["reviews"]["lawyer"]=="ship" and p["panel"]=={"ship":4,"total":4}, p' "$WORK/status3.json"
tv n status > "$WORK/status4"
check "without it, the lawyer's review waits, saying why" grep -q 'lawyer on "SmolLM3": the reviewer "lawyer" is not on the panel' "$WORK/status4"

# A votes file that cannot be read as a whole (saved as UTF-16) is moved aside; none of it counts.
mkdir -p "$WORK/u/inbox"
"$PY" -c 'import sys; open(sys.argv[1], "wb").write(b"\xff\xfe" + "tool,voter,vote,cast_at\nSmolLM3,v-1,ship,2026-11-20T08:00:00Z\n".encode("utf-16-le"))' "$WORK/u/inbox/votes-utf16.csv"
touch -d '1 hour ago' "$WORK/u/inbox/votes-utf16.csv"
tv u run > "$WORK/u.out" 2>&1
check "a UTF-16 votes file exits 10" [ $? -eq 10 ]
check "and is moved aside saying why" grep -q "none of its votes was counted: the file is saved as UTF-16" \
  "$WORK/u/rejected/votes-utf16.csv.reason.txt"
finish
