# Shared helpers for the end-to-end scripts. Each script gets the pipeline binary as $1,
# works in a fresh temporary folder, and exits non-zero on the first failed check.
set -uo pipefail
PIPELINE=${1:?usage: $0 PATH/TO/pipeline}
SRC=${TV_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
WORK=$(mktemp -d /tmp/tv-e2e.XXXXXX)
trap '[ -n "${TV_E2E_KEEP:-}" ] || rm -rf "$WORK"' EXIT
FAILS=0
CHECKS=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
ok() { CHECKS=$((CHECKS + 1)); }
check() {  # check "what" command...
  local what=$1; shift
  if "$@"; then ok; else fail "$what"; fi
}
# wait_for_file FILE [PID]: waits until FILE exists (the other side's event), or PID has
# exited, or 300 s have passed (a hung run must not hang the suite); returns 0 if it exists.
wait_for_file() {
  local file=$1 pid=${2:-} i
  for ((i = 0; i < 6000; i++)); do
    [ -e "$file" ] && return 0
    [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && break
    sleep 0.05
  done
  [ -e "$file" ]
}
# Runs the pipeline with an isolated inbox/state/rejected under $WORK/$name. With TV_EXEC set
# (in a subshell: `(TV_EXEC=1; tv ...) &`), the pipeline replaces the shell, so $! is its pid.
tv() {
  local name=$1; shift
  ${TV_EXEC:+exec} "$PIPELINE" --paths.inbox="$WORK/$name/inbox" --paths.state="$WORK/$name/state" \
    --paths.rejected="$WORK/$name/rejected" --paths.outbox="$WORK/$name/outbox" \
    --paths.profiles="$SRC/profiles" --paths.templates="$SRC/templates" --inbox.min_age_seconds=0 "$@"
}
# Copies an inbox folder, keeping the bytes and making the files old enough to take.
seed_inbox() {
  local from=$1 to=$2
  mkdir -p "$to"
  find "$from" -maxdepth 1 -type f ! -name '.*' -exec cp -p {} "$to/" \;
  find "$to" -maxdepth 1 -type f -exec touch -d '1 hour ago' {} +
}
finish() {
  echo "$CHECKS passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
