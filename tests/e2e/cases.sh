#!/usr/bin/env bash
# End-to-end cases as data: tests/e2e/cases/<case>/{inbox/,expected/}. For each case: run
# the real pipeline on a copy of the inbox (the sample-inbox case uses the repo's inbox/),
# then check the exported records, the files moved aside and their reasons, and that every
# input is accounted for with its bytes unchanged.
source "$(dirname "$0")/lib.sh"

for dir in "$SRC"/tests/e2e/cases/*/; do
  case=$(basename "$dir")
  inbox="$dir/inbox"
  [ -d "$inbox" ] || inbox="$SRC/inbox"
  seed_inbox "$inbox" "$WORK/$case/inbox"
  (cd "$WORK/$case/inbox" && sha256sum -- * | sort -k2) > "$WORK/$case/before.sha"
  tv "$case" run > "$WORK/$case/run.out" 2>&1
  status=$?
  want=0
  [ -s "$dir/expected/rejected.tsv" ] && want=10
  check "$case: run exits $want (got $status; $(tail -n 3 "$WORK/$case/run.out" | tr '\n' ' '))" [ "$status" -eq "$want" ]

  tv "$case" export records --json > "$WORK/$case/records.json"
  if [ -f "$dir/expected/records.json" ]; then
    check "$case: records match expected/records.json" \
      "$PY" "$SRC/tests/e2e/compare_records.py" "$WORK/$case/records.json" "$dir/expected/records.json"
  fi

  tv "$case" export tools --json > "$WORK/$case/tools.json"
  tv "$case" export comparisons --json > "$WORK/$case/comparisons.json"
  expected_tools=()
  [ -f "$dir/expected/tools.tsv" ] && expected_tools=("$dir/expected/tools.tsv")
  check "$case: tools and comparisons hold their promises${expected_tools:+ and match expected/tools.tsv}" \
    "$PY" "$SRC/tests/e2e/check_catalogue.py" "$WORK/$case/tools.json" "$WORK/$case/comparisons.json" "${expected_tools[@]}"

  # Panel reviews and community votes, as worked out by hand in expected/panel.tsv.
  if [ -f "$dir/expected/panel.tsv" ]; then
    tv "$case" status --json > "$WORK/$case/status.json"
    check "$case: panel reviews and votes match expected/panel.tsv" \
      "$PY" "$SRC/tests/e2e/check_panel.py" "$WORK/$case/tools.json" "$WORK/$case/status.json" "$dir/expected/panel.tsv"
  fi

  # Every file moved aside is expected, sits beside its reason, and the reason says why.
  expected_rejects=$(cut -f1 "$dir/expected/rejected.tsv" 2>/dev/null | sort)
  actual_rejects=$(cd "$WORK/$case/rejected" 2>/dev/null && ls | grep -v '\.reason\.txt$' | sort)
  check "$case: moved aside [$actual_rejects] == expected [$expected_rejects]" [ "$expected_rejects" == "$actual_rejects" ]
  while IFS=$'\t' read -r file needle; do
    [ -n "$file" ] || continue
    reason="$WORK/$case/rejected/$file.reason.txt"
    check "$case: $file has a reason file" [ -f "$reason" ]
    check "$case: reason for $file mentions '$needle'" grep -qi -- "$needle" "$reason"
  done < <(cat "$dir/expected/rejected.tsv" 2>/dev/null)

  # Nothing lost, nothing changed: every input is in the archive or moved aside, same bytes.
  (cd "$WORK/$case" && { find state/archive -type f -exec sha256sum {} + ; find rejected -type f ! -name '*.reason.txt' -exec sha256sum {} + ; } 2>/dev/null | cut -d' ' -f1 | sort) > "$WORK/$case/after.sha"
  check "$case: every input is archived or moved aside with its bytes unchanged" \
    diff <(cut -d' ' -f1 "$WORK/$case/before.sha" | sort) "$WORK/$case/after.sha"
  check "$case: the inbox is empty" [ -z "$(ls -A "$WORK/$case/inbox" | grep -v '^\.processing$')" ]
done
finish
