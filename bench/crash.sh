#!/usr/bin/env bash
# bench/crash.sh: the crash test, long form (tests/faults/README.md).
#
#   bench/crash.sh [BUILD] [--kills N] [--seed S] [--readers M] [--extra-pages K] [--keep]
#
# Runs tests/faults/crash.py against BUILD/pipeline (default: build; build it first with
# `cmake --build BUILD --target pipeline`): N SIGKILLs in all (default 300; 60% on the nightly
# run, 40% on the digest send), on an inbox of the samples plus K generated variants of the
# sample pages (default 300, so the run files two batches of 256), the digest to M readers
# (default 60). Prints a line per iteration, where each kill landed (from the killed process's
# log), the uncertain readers, and a summary line with the time taken. The work folder is a new
# one under $TMPDIR (kept with --keep, or when a check failed).
# Exit status: 0 every check passed; 1 a check failed (the message names the iteration, seed
# and delays); 2 the clean runs failed or disagree; 64 bad usage; 77 python3-aiosmtpd missing.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=build
kills=300
args=()
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then build=$1; shift; fi
while [ $# -gt 0 ]; do
  case $1 in
    --kills) kills=${2:?--kills N}; shift 2 ;;
    --seed|--readers|--extra-pages) args+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    --keep) args+=(--keep); shift ;;
    *) echo "usage: bench/crash.sh [BUILD] [--kills N] [--seed S] [--readers M] [--extra-pages K] [--keep]" >&2; exit 64 ;;
  esac
done
case $build in /*) ;; *) build=$root/$build ;; esac
[ -x "$build/pipeline" ] || { echo "no $build/pipeline: cmake --build $build --target pipeline" >&2; exit 64; }
nightly=$((kills * 6 / 10))
exec /usr/bin/python3 "$root/tests/faults/crash.py" --pipeline "$build/pipeline" --source "$root" \
  --nightly-kills "$nightly" --digest-kills "$((kills - nightly))" --readers 60 --extra-pages 300 "${args[@]}"
