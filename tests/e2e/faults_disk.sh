#!/usr/bin/env bash
# Outputs that cannot be written: a read-only outbox, a file size limit (`ulimit -f`) and a full
# disk (a small tmpfs), each on the second night of a site that already exists.
#   - Caught before the run takes anything (the preflight, limits.min_free_mb): exit 74, a
#     message naming the folder and what to do, and nothing changed: the inbox, the store's
#     content, the archive, the rejected folder and the published site are as they were.
#   - Hit in the middle of the run (min_free_mb=0 lets the run start): exit 74 with the system's
#     reason, the published site is still the first night's (same generation, same bytes), the
#     store passes integrity_check, and every input is somewhere, bytes unchanged.
#   - After the fault is fixed, a rerun publishes the same site, byte for byte, as a night
#     that never met the fault.
# Mounts (read-only bind, tmpfs) need root; without it those cases fall back (chmod) or skip.
source "$(dirname "$0")/lib.sh"
SNAP="$PY $SRC/tests/faults/snapshot.py"
MOUNTS=()
cleanup() {
  local m
  for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
  [ -n "${TV_E2E_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
can_mount=0
if [ "$(id -u)" = 0 ] && mkdir -p "$WORK/probe" && mount -t tmpfs -o size=1m tmpfs "$WORK/probe" 2>/dev/null; then
  umount "$WORK/probe" && can_mount=1
fi
[ "$can_mount" = 1 ] || echo "note: cannot mount here (not root?): the tmpfs case is skipped, read-only uses chmod"

night1() { seed_inbox "$SRC/inbox" "$WORK/$1/inbox"; tv "$1" --run.date=2026-11-18 run >"$WORK/$1.n1.out" 2>&1; }
# Night 2: five new tools, and ten more copies of each sample page (other bytes, the same
# facts), so the night writes a few hundred KiB of records to the store.
night2_inbox() { seed_inbox "$WORK/night2-inputs" "$WORK/$1/inbox"; }
night2() { local n=$1; shift; tv "$n" --run.date=2026-11-23 "$@" run; }
# Everything a fault must leave alone, in one text.
state_of() {
  local d=$WORK/$1
  echo "== inbox"; $SNAP tree "$d/inbox"
  echo "== store"; $SNAP db "$d/state/pipeline.db"
  echo "== archive"; $SNAP tree "$d/state/archive"
  echo "== rejected"; $SNAP tree "$d/rejected"
  echo "== site -> $($SNAP link "$d/outbox/site")"; $SNAP tree "$d/outbox/site"
}
same_state() { diff <(state_of "$1") "$2" >"$WORK/$1.diff"; }
# Every input file is somewhere (still waiting, claimed, archived or moved aside), bytes unchanged.
accounted() {
  local d=$WORK/$1
  diff <($SNAP hashes "$WORK/all-inputs") <($SNAP hashes "$d/inbox" "$d/state/archive" "$d/rejected")
}
integrity_ok() { [ "$($SNAP integrity "$WORK/$1/state/pipeline.db")" = ok ]; }
same_site_as_ref() { diff <($SNAP tree "$WORK/$1/outbox/site") <($SNAP tree "$WORK/ref/outbox/site") >"$WORK/$1.site.diff"; }

mkdir -p "$WORK/night2-inputs"
seed_inbox "$SRC/tests/e2e/cases/encodings/inbox" "$WORK/night2-inputs"
for f in "$SRC"/inbox/hf-*.html "$SRC"/inbox/blog-*.html; do
  for i in $(seq 1 10); do
    { cat "$f"; echo "<!-- copy $i -->"; } >"$WORK/night2-inputs/copy$i-$(basename "$f")"
  done
done
touch -d '1 hour ago' "$WORK/night2-inputs"/*
mkdir -p "$WORK/all-inputs"
seed_inbox "$SRC/inbox" "$WORK/all-inputs"
seed_inbox "$WORK/night2-inputs" "$WORK/all-inputs"

# The reference: two nights that met no fault.
night1 ref
night2_inbox ref
night2 ref >"$WORK/ref.n2.out" 2>&1
check "the reference second night succeeds (exit $?)" grep -q "^Site: " "$WORK/ref.n2.out"
check "the reference publishes a second generation" [ "$($SNAP link "$WORK/ref/outbox/site")" != - ]

# ---- 1. A read-only outbox: refused before anything is taken --------------------------------
night1 ro
night2_inbox ro
state_of ro >"$WORK/ro.before"
if [ "$can_mount" = 1 ]; then
  mount --bind "$WORK/ro/outbox" "$WORK/ro/outbox" && MOUNTS+=("$WORK/ro/outbox") &&
    mount -o remount,ro,bind "$WORK/ro/outbox"
else
  chmod a-w "$WORK/ro/outbox"
fi
night2 ro >"$WORK/ro.out" 2>&1
rc=$?
check "read-only outbox: exit 74 (got $rc)" [ "$rc" = 74 ]
check "read-only outbox: the message names the outbox and why" \
  grep -Eq "$WORK/ro/outbox cannot be written \((Read-only file system|Permission denied)\); " "$WORK/ro.out"
check "read-only outbox: the message says nothing was taken" grep -q "stopped before taking anything" "$WORK/ro.out"
check "read-only outbox: inbox, store, archive, rejected and site unchanged" same_state ro "$WORK/ro.before" ||
  head -20 "$WORK/ro.diff" >&2
if [ "$can_mount" = 1 ]; then umount "$WORK/ro/outbox"; else chmod u+w "$WORK/ro/outbox"; fi
night2 ro >"$WORK/ro.rerun.out" 2>&1
check "read-only outbox: the rerun once writable succeeds (exit $?)" grep -q "^Site: " "$WORK/ro.rerun.out"
check "read-only outbox: then the site equals the reference, byte for byte" same_site_as_ref ro

# ---- 2. A file size limit below what the store needs: refused before anything is taken ---------
night1 fs
night2_inbox fs
state_of fs >"$WORK/fs.before"
(ulimit -f 64; night2 fs) >"$WORK/fs.out" 2>&1
rc=$?
check "ulimit -f: exit 74, not killed by SIGXFSZ (got $rc)" [ "$rc" = 74 ]
check "ulimit -f: the message names the limit" grep -q "file size limit (\`ulimit -f\`)" "$WORK/fs.out"
check "ulimit -f: nothing changed" same_state fs "$WORK/fs.before" || head -20 "$WORK/fs.diff" >&2

# ---- 3. The same limit hit in the middle of the run -------------------------------------------
# The limit lets the run start (the store fits, min_free_mb=0) and stops the store's WAL from
# growing past it when night 2's records are committed.
store_kib=$(( $(stat -c %s "$WORK/fs/state/pipeline.db") / 1024 ))
(ulimit -f $((store_kib + 16)); night2 fs --limits.min_free_mb=0) >"$WORK/fs.mid.out" 2>&1
rc=$?
check "ulimit -f mid-run: exit 74 (got $rc)" [ "$rc" = 74 ]
check "ulimit -f mid-run: the system's reason and the remedy are printed" \
  grep -q "(File too large); raise the file size limit" "$WORK/fs.mid.out"
check "ulimit -f mid-run: the published site is still night 1's" \
  diff <(sed -n '/^== site/,$p' "$WORK/fs.before") <(state_of fs | sed -n '/^== site/,$p')
check "ulimit -f mid-run: the store passes integrity_check" integrity_ok fs
check "ulimit -f mid-run: every input is accounted for, bytes unchanged" accounted fs
night2 fs >"$WORK/fs.rerun.out" 2>&1
check "ulimit -f: the rerun without the limit succeeds" grep -q "^Site: " "$WORK/fs.rerun.out"
check "ulimit -f: then the site equals the reference, byte for byte" same_site_as_ref fs

# ---- 4. A full disk (the outbox on a tmpfs with no room for night 2) -----------------------------
if [ "$can_mount" = 1 ]; then
  mkdir -p "$WORK/full/outbox"
  mount -t tmpfs -o size=100m tmpfs "$WORK/full/outbox" && MOUNTS+=("$WORK/full/outbox")
  night1 full
  night2_inbox full
  used_kib=$(df -k --output=used "$WORK/full/outbox" | tail -1 | tr -d ' ')
  mount -o remount,size=$((used_kib + 8))k "$WORK/full/outbox"
  state_of full >"$WORK/full.before"
  night2 full >"$WORK/full.out" 2>&1
  rc=$?
  check "full disk: refused up front, exit 74 (got $rc)" [ "$rc" = 74 ]
  check "full disk: the message says how much is free and needed" \
    grep -q "$WORK/full/outbox has 0 MiB free; a run needs 64 MiB (limits.min_free_mb)" "$WORK/full.out"
  check "full disk: nothing changed" same_state full "$WORK/full.before" || head -20 "$WORK/full.diff" >&2
  night2 full --limits.min_free_mb=0 >"$WORK/full.mid.out" 2>&1
  rc=$?
  check "full disk mid-run: exit 74 (got $rc)" [ "$rc" = 74 ]
  check "full disk mid-run: the system's reason and the remedy are printed" \
    grep -q "No space left on device.*; free some space there" "$WORK/full.mid.out"
  check "full disk mid-run: the published site is still night 1's" \
    diff <(sed -n '/^== site/,$p' "$WORK/full.before") <(state_of full | sed -n '/^== site/,$p')
  check "full disk mid-run: the store passes integrity_check" integrity_ok full
  check "full disk mid-run: every input is accounted for, bytes unchanged" accounted full
  mount -o remount,size=100m "$WORK/full/outbox"
  night2 full >"$WORK/full.rerun.out" 2>&1
  check "full disk: the rerun with room succeeds" grep -q "^Site: " "$WORK/full.rerun.out"
  check "full disk: then the site equals the reference, byte for byte" same_site_as_ref full ||
    head "$WORK/full.site.diff" >&2
fi

finish
