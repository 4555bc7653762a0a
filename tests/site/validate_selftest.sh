#!/usr/bin/env bash
# Self-test of tests/site/validate.sh on the fixtures beside it: the valid site passes, the
# invalid one fails naming each error as FILE:LINE:COL: MESSAGE (HTML, CSS and the feed),
# warnings do not fail, and a missing tool fails unless TV_ALLOW_SKIP=1 turns it into a skip.
#
#   tests/site/validate_selftest.sh [VNU_JAR]
#
# Exit status: 0 all checks passed; 1 a check failed; 77 java or vnu.jar is missing and
# TV_ALLOW_SKIP=1 (validate.sh's own skip, passed on).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fx=$here/fixtures
jar=${1:-${VNU_JAR:-}}
tmp=$(mktemp -d /tmp/tv-validate-selftest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
FAILS=0
CHECKS=0
check() {  # check "what" command...
  local what=$1; shift
  if "$@"; then CHECKS=$((CHECKS + 1)); else echo "FAIL: $what" >&2; FAILS=$((FAILS + 1)); fi
}
has() { grep -qF -- "$1" "$tmp/out"; }
run() { (cd "$fx" && "$here/validate.sh" "$@") >"$tmp/out" 2>&1; rc=$?; }

# The valid site: HTML page, style sheet, Atom feed, sitemap.
run valid ${jar:+"$jar"}
[ "$rc" -eq 77 ] && { cat "$tmp/out"; exit 77; }
check "valid site exits 0 (got $rc)" [ "$rc" -eq 0 ]
check "valid site says ok" has "validate: 1 HTML, 1 CSS, 2 XML files under valid: vnu errors=0 warnings=0, ok"
[ "$rc" -eq 0 ] || cat "$tmp/out" >&2

# The invalid site: one error of each kind, at the line and column where it is.
run invalid/ ${jar:+"$jar"}
check "invalid site exits 1 (got $rc)" [ "$rc" -eq 1 ]
check "img without alt, at its line" has "invalid/index.html:12:1: An 'img' element must have an 'alt' attribute"
check "duplicate id in a nested page" has "invalid/compare/a-vs-b/index.html:9:1: Duplicate ID 'score'."
check "the warning is printed as a warning" has "invalid/compare/a-vs-b/index.html:8:1: warning: The first occurrence of ID 'score' was here."
check "CSS error" has "invalid/style.css:1:14: CSS: 'colr': Property 'colr' doesn't exist."
check "malformed feed" has "invalid/feed.xml:3:17: not well-formed XML:"
check "summary counts errors, not warnings" has "vnu errors=3 warnings=1, FAILED"
[ "$rc" -eq 1 ] || cat "$tmp/out" >&2

# A warning alone does not fail: the first occurrence's page is valid on its own.
mkdir -p "$tmp/warn"
cat >"$tmp/warn/index.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>w</title></head>
<body><section><p>A section with no heading draws a warning.</p></section></body></html>
EOF
(cd "$tmp" && "$here/validate.sh" warn ${jar:+"$jar"}) >"$tmp/out" 2>&1; rc=$?
check "warnings alone exit 0 (got $rc)" [ "$rc" -eq 0 ]
check "the warning is shown" has "warn/index.html:3:7: warning:"

# Missing tools: a failure with a clear message, a skip only when asked for.
(cd "$fx" && TV_ALLOW_SKIP= "$here/validate.sh" valid "$tmp/no-such.jar") >"$tmp/out" 2>&1; rc=$?
check "missing vnu.jar fails with 2 (got $rc)" [ "$rc" -eq 2 ]
check "missing vnu.jar is named" has "vnu.jar not found at $tmp/no-such.jar"
(cd "$fx" && TV_ALLOW_SKIP=1 "$here/validate.sh" valid "$tmp/no-such.jar") >"$tmp/out" 2>&1; rc=$?
check "missing vnu.jar with TV_ALLOW_SKIP=1 skips with 77 (got $rc)" [ "$rc" -eq 77 ]

# A folder with no page is not a pass.
mkdir -p "$tmp/empty"
(cd "$tmp" && "$here/validate.sh" empty ${jar:+"$jar"}) >"$tmp/out" 2>&1; rc=$?
check "empty site fails with 2 (got $rc)" [ "$rc" -eq 2 ]

echo "$CHECKS passed, $FAILS failed"
[ "$FAILS" -eq 0 ]
