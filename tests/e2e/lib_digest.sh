# Helpers for the end-to-end scripts that mail the digest: a real SMTP server on loopback
# (tests/digest/smtp_server.py, Debian's python3-aiosmtpd) per case, `pipeline digest` of
# week 2026-W47 against it, the ledger as status reports it, and the received mail checked by
# tests/digest/check_mail.py. Sourced after lib.sh; exits 77 (skipped) without aiosmtpd.
# The caller writes $WORK/subscribers.csv.
"$PY" -c 'import aiosmtpd' 2>/dev/null || { echo "SKIP: python3-aiosmtpd is not installed (make test installs it)"; exit 77; }
ARTIFACTS=${TV_ARTIFACTS:-${BUILD:-$SRC/build}/tests/artifacts}
mkdir -p "$ARTIFACTS"
SERVER=$SRC/tests/digest/smtp_server.py
CHECK=$SRC/tests/digest/check_mail.py
BASE=https://www.tool-verdicts.example
FROM=digest@tool-verdicts.example
LIST=weekly.tool-verdicts.example
export TV_DIGEST_SECRET=e2e-secret-0123456789abcdef
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; [ -n "${TV_E2E_KEEP:-}" ] || rm -rf "$WORK"' EXIT

start_server() {  # start_server NAME ARGS...: a server for case NAME; sets PORT
  local name=$1; shift
  mkdir -p "$WORK/$name/srv"
  rm -f "$WORK/$name/srv/port"
  "$PY" "$SERVER" --maildir "$WORK/$name/srv/mail" --port-file "$WORK/$name/srv/port" "$@" \
    2>>"$WORK/$name/srv/log" &
  PIDS+=($!)
  echo $! > "$WORK/$name/srv/pid"
  wait_for_file "$WORK/$name/srv/port" "$!"
  PORT=$(cat "$WORK/$name/srv/port" 2>/dev/null)
  [ -n "$PORT" ] || { fail "$name: the SMTP server did not start"; cat "$WORK/$name/srv/log" >&2; }
}
stop_server() { kill "$(cat "$WORK/$1/srv/pid")" 2>/dev/null; wait "$(cat "$WORK/$1/srv/pid")" 2>/dev/null; }
received() { ls "$WORK/$1/srv/mail" 2>/dev/null | grep -c '\.eml$'; }
# digest NAME [--section.key=value ...] [--send|--dry-run|--resend=EMAIL]: `pipeline digest` of 2026-W47 for
# case NAME against its server, with quick retries; settings go before the command.
digest() {
  local name=$1; shift
  local settings=() args=()
  for a in "$@"; do case $a in --send|--dry-run|--resend=*) args+=("$a") ;; *) settings+=("$a") ;; esac; done
  # The first value given for a key wins: the case's own settings come first.
  tv "$name" "${settings[@]}" --run.date=2026-11-23 --digest.subscribers="$WORK/subscribers.csv" \
    --smtp.url="smtp://127.0.0.1:${PORT:-9}" --smtp.tls=none --smtp.rate_per_second=0 \
    --smtp.retry_delay_ms=20 --smtp.retries=2 --smtp.max_connection_failures=3 \
    --smtp.connect_timeout_seconds=2 --smtp.response_timeout_seconds=5 digest --week 2026-W47 "${args[@]}"
}
ledger() {  # ledger NAME: "sent=N failed=N uncertain=N queued=N skipped=N" for 2026-W47
  tv "$1" status --json | "$PY" -c '
import json, sys
d = json.load(sys.stdin)
w = [x for x in d.get("digests", []) if x["week"] == "2026-W47"]
r = w[0]["readers"] if w else {}
print(" ".join(f"{k}={r.get(k, 0)}" for k in ("sent", "failed", "uncertain", "queued", "skipped", "sending")))'
}
check_mail() {  # check_mail NAME ARGS...
  local name=$1; shift
  "$PY" "$CHECK" --maildir "$WORK/$name/srv/mail" --base-url "$BASE" --from "$FROM" --list-id "$LIST" "$@" \
    > "$WORK/$name/check.json" 2> "$WORK/$name/check.err" || { cat "$WORK/$name/check.err" >&2; return 1; }
}
copy_state() { mkdir -p "$WORK/$2" && cp -r "$WORK/$1/state" "$WORK/$2/state"; }
