#!/usr/bin/env bash
# The crash test, short form (tests/faults/README.md): the nightly run SIGKILLed at 30 random
# moments and the digest send to 30 readers at 22, each rerun to completion and checked:
# every inbox file accounted for with its bytes, the site equal to a clean run's, nobody mailed
# twice (uncertain readers counted), the store passing PRAGMA integrity_check. About 2 minutes.
# The seed is printed; TV_CRASH_SEED=S reruns the same delays. bench/crash.sh is the long form.
# Skipped (77) when python3-aiosmtpd is missing, as tests/e2e/digest.sh is.
source "$(dirname "$0")/lib.sh"
"$PY" -c 'import aiosmtpd' 2>/dev/null || { echo "SKIP: python3-aiosmtpd is not installed (make test installs it)"; exit 77; }
"$PY" "$SRC/tests/faults/crash.py" --pipeline "$PIPELINE" --source "$SRC" --work "$WORK/crash" \
  --nightly-kills 30 --digest-kills 22 --readers 30 ${TV_CRASH_SEED:+--seed "$TV_CRASH_SEED"}
rc=$?
[ "$rc" -eq 1 ] && [ -z "${TV_E2E_KEEP:-}" ] && echo "(set TV_E2E_KEEP=1 to keep the failed iterations' folders)"
exit "$rc"
