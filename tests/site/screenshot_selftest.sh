#!/usr/bin/env bash
# Self-test of tests/site/screenshot.sh on the fixtures: a window screenshot and a full-page
# one of the valid page, the DOM the browser built, JavaScript off by default and on with
# --js, a missing resource reported, a missing page refused, and the server gone afterwards.
#
#   tests/site/screenshot_selftest.sh
#
# Exit status: 0 all checks passed; 1 a check failed; 77 chromium is missing and
# TV_ALLOW_SKIP=1 (screenshot.sh's own skip, passed on).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fx=$here/fixtures
shot=$here/screenshot.sh
tmp=$(mktemp -d /tmp/tv-screenshot-selftest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
FAILS=0
CHECKS=0
check() {  # check "what" command...
  local what=$1; shift
  if "$@"; then CHECKS=$((CHECKS + 1)); else echo "FAIL: $what" >&2; FAILS=$((FAILS + 1)); fi
}
has() { grep -qF -- "$2" "$1"; }

"$shot" "$fx/valid" / "$tmp/a.png" 1024 --dom "$tmp/a.dom" >"$tmp/out" 2>&1; rc=$?
[ "$rc" -eq 77 ] && { cat "$tmp/out"; exit 77; }
check "window screenshot exits 0 (got $rc)" [ "$rc" -eq 0 ]
check "window screenshot is 1024x900" has "$tmp/out" "a.png 1024x900"
check "the DOM holds the page's h1" has "$tmp/a.dom" "<h1>Alpha Notes vs Beta Draft</h1>"
[ "$rc" -eq 0 ] || cat "$tmp/out" >&2

"$shot" "$fx/valid" / "$tmp/full.png" 390 --full >"$tmp/out" 2>&1; rc=$?
check "full-page screenshot exits 0 (got $rc)" [ "$rc" -eq 0 ]
h=$(sed -n 's/.*full.png 390x\([0-9]*\).*/\1/p' "$tmp/out")
check "full page is taller than the window (got '${h}')" [ "${h:-0}" -gt 900 ]
[ "$rc" -eq 0 ] || cat "$tmp/out" >&2

"$shot" "$fx/js" / "$tmp/js.png" 800 --height 600 --dom "$tmp/js.dom" >"$tmp/out" 2>&1; rc=$?
check "the script did not run" has "$tmp/js.dom" '<h1 id="state">static</h1>'
check "a missing style sheet is reported" has "$tmp/out" "screenshot: warning: the server had no /missing.css (404)"
"$shot" "$fx/js" / "$tmp/js.png" 800 --height 600 --dom "$tmp/js.dom" --js >"$tmp/out" 2>&1
check "with --js the script ran" has "$tmp/js.dom" '<h1 id="state">script ran</h1>'

"$shot" "$fx/valid" /no/such/page/ "$tmp/none.png" >"$tmp/out" 2>&1; rc=$?
check "a missing page exits 1 (got $rc)" [ "$rc" -eq 1 ]
check "a missing page is named" has "$tmp/out" "no page /no/such/page/"

left=$(pgrep -f "serve.py $fx" | wc -l)
check "no server left running ($left)" [ "$left" -eq 0 ]

echo "$CHECKS passed, $FAILS failed"
[ "$FAILS" -eq 0 ]
