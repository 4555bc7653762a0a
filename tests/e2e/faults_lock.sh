#!/usr/bin/env bash
# Two commands at once on one state folder. The run lock (pipeline/run_lock.*) lets one work;
# the other exits 75 at once, having touched nothing, and cron's next try does the work:
#   L1  two `run`s started together: one runs, one exits 75; the site equals a lone run's,
#       byte for byte, and every input is filed once
#   L2  `run` while `digest --send` holds the lock: the run exits 75 and leaves the inbox
#       alone; the send goes on and mails everyone; the run afterwards takes everything
#   L3  `digest --send` while a `run` works: the send exits 75 and mails nobody; the send
#       afterwards mails every reader exactly once
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib_digest.sh"
SNAP="$PY $SRC/tests/faults/snapshot.py"

# An inbox with work in it: the sample inbox and 15 more copies of each sample page (other
# bytes, the same facts).
mkdir -p "$WORK/inputs"
seed_inbox "$SRC/inbox" "$WORK/inputs"
for f in "$SRC"/inbox/*.html; do
  case $(basename "$f") in empty.html|deeply-nested.html|not-a-tool.html) continue;; esac
  for i in $(seq 1 15); do { cat "$f"; echo "<!-- copy $i -->"; } >"$WORK/inputs/copy$i-$(basename "$f")"; done
done
touch -d '1 hour ago' "$WORK/inputs"/*
{
  echo "email,name,status"
  for i in $(seq 1 40); do echo "reader$i@example.com,Reader $i,subscribed"; done
} >"$WORK/subscribers.csv"

# The holds are synchronised on events, never on timing: a command started with
# TV_TEST_HOLD_LOCK=FIFO (pipeline/run_lock.cpp) writes "held" into the FIFO once it owns the lock
# and then waits until the test releases it. Both waits are bounded, so a holder that died
# fails the case instead of hanging it.
HOLD=$WORK/hold.fifo
mkfifo "$HOLD"
held() { [ "$(timeout 120 cat "$HOLD")" = held ]; }   # returns once a command holds the lock
release() { timeout 120 sh -c ': >"$1"' sh "$HOLD"; }  # lets it go on
accounted() {  # every input filed exactly once (archive or rejected), bytes unchanged
  diff <($SNAP hashes "$WORK/inputs") <($SNAP hashes "$WORK/$1/state/archive" "$WORK/$1/rejected") >/dev/null &&
    [ -z "$(find "$WORK/$1/inbox" -type f)" ]
}

# The reference: one run alone.
seed_inbox "$WORK/inputs" "$WORK/ref/inbox"
tv ref --run.date=2026-11-18 run >"$WORK/ref.out" 2>&1
check "the lone run finishes (exit $?)" grep -q "^Site: " "$WORK/ref.out"

# ---- L1: two runs at once ------------------------------------------------------------------
seed_inbox "$WORK/inputs" "$WORK/L1/inbox"
TV_TEST_HOLD_LOCK=$HOLD tv L1 --run.date=2026-11-18 run >"$WORK/L1.a" 2>&1 &
a=$!
TV_TEST_HOLD_LOCK=$HOLD tv L1 --run.date=2026-11-18 run >"$WORK/L1.b" 2>&1 &
b=$!
# Whichever takes the lock holds it until the other has finished, so they overlap for sure.
if held; then
  wait -n $a $b
  release
else
  fail "L1: neither run took the lock"
fi
wait $a; rc_a=$?
wait $b; rc_b=$?
codes=$(printf '%s\n' "$rc_a" "$rc_b" | sort -n | tr '\n' ' ')
check "L1: one run finished (10: sample files moved aside) and one exited 75 (got $codes)" [ "$codes" = "10 75 " ]
loser=$WORK/L1.a; [ "$rc_b" = 75 ] && loser=$WORK/L1.b
check "L1: the loser says who holds the lock" grep -Eq "another run holds the lock \(pid [0-9]+, since .*, running \`run\`\)" "$loser"
check "L1: the loser did nothing" sh -c "! grep -qE 'claimed|Site:' '$loser'"
check "L1: every input filed once, bytes unchanged" accounted L1
check "L1: the site equals a lone run's, byte for byte" \
  diff <($SNAP tree "$WORK/L1/outbox/site") <($SNAP tree "$WORK/ref/outbox/site")
check "L1: the store passes integrity_check" [ "$($SNAP integrity "$WORK/L1/state/pipeline.db")" = ok ]

# ---- L2: a run while the digest is being sent ---------------------------------------------------
seed_inbox "$SRC/inbox" "$WORK/L2/inbox"
tv L2 --run.date=2026-11-18 run >/dev/null 2>&1
start_server L2
TV_TEST_HOLD_LOCK=$HOLD digest L2 --send >"$WORK/L2.send" 2>&1 &
send=$!
if held; then
  seed_inbox "$WORK/inputs" "$WORK/L2/inbox"
  before=$($SNAP tree "$WORK/L2/inbox")
  tv L2 --run.date=2026-11-23 run >"$WORK/L2.run" 2>&1
  rc=$?
  check "L2: the run exits 75 while the send holds the lock (got $rc)" [ "$rc" = 75 ]
  check "L2: it names the send" grep -q "running \`digest --send\`" "$WORK/L2.run"
  check "L2: the inbox is as it was, nothing claimed" [ "$before" = "$($SNAP tree "$WORK/L2/inbox")" ]
  release
else
  fail "L2: the send never held the lock"; cat "$WORK/L2.send" >&2
fi
wait $send
check "L2: the send finishes, everyone mailed (exit $?)" [ "$(ledger L2)" = "sent=40 failed=0 uncertain=0 queued=0 skipped=0 sending=0" ]
check "L2: every reader got it once" check_mail L2 --expect-count 40
tv L2 --run.date=2026-11-23 run >"$WORK/L2.run2" 2>&1
check "L2: the run afterwards takes the inbox" grep -q "^Site: " "$WORK/L2.run2"
stop_server L2

# ---- L3: the digest sent while a run works -------------------------------------------------------
seed_inbox "$SRC/inbox" "$WORK/L3/inbox"
tv L3 --run.date=2026-11-18 run >/dev/null 2>&1
seed_inbox "$WORK/inputs" "$WORK/L3/inbox"
start_server L3
TV_TEST_HOLD_LOCK=$HOLD tv L3 --run.date=2026-11-23 run >"$WORK/L3.run" 2>&1 &
run=$!
if held; then
  digest L3 --send >"$WORK/L3.send" 2>&1
  rc=$?
  check "L3: the send exits 75 while the run holds the lock (got $rc)" [ "$rc" = 75 ]
  check "L3: it says to try later" grep -q "the digest waits for it: try again later" "$WORK/L3.send"
  check "L3: nobody was mailed" [ "$(received L3)" -eq 0 ]
  release
else
  fail "L3: the run never held the lock"; cat "$WORK/L3.run" >&2
fi
wait $run
check "L3: the run finishes (exit $?)" grep -q "^Site: " "$WORK/L3.run"
digest L3 --send >"$WORK/L3.send2" 2>&1
check "L3: the send afterwards mails everyone (exit $?)" [ "$(ledger L3)" = "sent=40 failed=0 uncertain=0 queued=0 skipped=0 sending=0" ]
check "L3: every reader got it once" check_mail L3 --expect-count 40
check "L3: the store passes integrity_check" [ "$($SNAP integrity "$WORK/L3/state/pipeline.db")" = ok ]
stop_server L3

finish
