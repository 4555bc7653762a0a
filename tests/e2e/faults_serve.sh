#!/usr/bin/env bash
# The serve kill test, short form (tests/faults/serve_kill.py): `pipeline serve` SIGKILLed at 10
# random moments under a load of concurrent RFC 8058 one-click unsubscribes (and 10% sign-ups),
# restarted after each; every reader whose unsubscribe was answered 200 must be unsubscribed in
# the store (every 303'd sign-up pending, its confirmation mail queued), which must pass PRAGMA
# integrity_check, after every kill and at the end. 20-30 s on 2 cores.
# The seed is printed; TV_SERVE_KILL_SEED=S reruns the same delays. The long form:
#   tests/faults/serve_kill.py --pipeline build/pipeline --kills 300
source "$(dirname "$0")/lib.sh"
"$PY" "$SRC/tests/faults/serve_kill.py" --pipeline "$PIPELINE" --source "$SRC" --work "$WORK/serve-kill" \
  --kills 10 ${TV_SERVE_KILL_SEED:+--seed "$TV_SERVE_KILL_SEED"}
rc=$?
[ "$rc" -eq 1 ] && [ -z "${TV_E2E_KEEP:-}" ] && echo "(set TV_E2E_KEEP=1 to keep the failed run's folder)"
exit "$rc"
