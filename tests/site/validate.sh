#!/usr/bin/env bash
# Validates a generated site: every HTML page and style sheet against the Nu Html Checker
# (vnu, the W3C's checker), and every .xml file (the Atom feed, the sitemap) as well-formed XML.
#
#   tests/site/validate.sh SITE_DIR [VNU_JAR]
#
# One JVM checks every page (the folder with `--skip-non-html`: *.html, *.htm, *.xhtml; vnu
# would otherwise read feed.xml as broken HTML). The style sheets go to a second JVM, run at
# the same time, with `--css`: vnu 26.9.27 given `--also-check-css` reports every HTML error
# one line too high. Errors fail the check; warnings are printed and allowed. Each message
# is one line, `FILE:LINE:COL: MESSAGE` (warnings: `FILE:LINE:COL: warning: MESSAGE`), then
# a summary line.
#
# vnu.jar is VNU_JAR, else $VNU_JAR, else scripts/install-node-tools.sh installs it (pinned
# in tools/package-lock.json) under ${BUILD:-build}/node-tools and says where; quick when
# it is already there. Java is Debian's default-jre-headless (scripts/install-deps.sh).
#
# Exit status: 0 clean; 1 errors (listed); 2 bad usage, an empty site, or a missing tool
# (java, vnu.jar) — a failure, because CI installs them; 77 (ctest's SKIP_RETURN_CODE) for
# a missing tool only when TV_ALLOW_SKIP=1 is set.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

site=${1:?usage: $0 SITE_DIR [VNU_JAR]}
jar=${2:-${VNU_JAR:-}}

missing_tool() {  # missing_tool "what is missing and how to get it"
  if [ "${TV_ALLOW_SKIP:-}" = 1 ]; then
    echo "validate: SKIPPED: $1 (TV_ALLOW_SKIP=1)" >&2
    exit 77
  fi
  echo "validate: $1" >&2
  echo "validate: (set TV_ALLOW_SKIP=1 to skip instead of failing)" >&2
  exit 2
}

[ -d "$site" ] || { echo "validate: $site is not a folder" >&2; exit 2; }
command -v java >/dev/null ||
  missing_tool "java is not installed: run scripts/install-deps.sh (default-jre-headless)"
if [ -z "$jar" ]; then
  jar=$("$root/scripts/install-node-tools.sh") ||
    missing_tool "vnu.jar could not be installed by scripts/install-node-tools.sh (see above)"
fi
[ -f "$jar" ] || missing_tool "vnu.jar not found at $jar: run scripts/install-node-tools.sh"

site_abs=$(cd "$site" && pwd -P)
n_html=$(find "$site_abs" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.xhtml' \) | wc -l)
mapfile -d '' css_files < <(find "$site_abs" -type f -name '*.css' -print0 | sort -z)
mapfile -d '' xml_files < <(find -H "$site" -type f -name '*.xml' -print0 | sort -z)
if [ "$n_html" -eq 0 ]; then
  echo "validate: no .html file under $site: nothing to check is a failure" >&2
  exit 2
fi

tmp=$(mktemp -d /tmp/tv-validate.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# vnu exits 1 on any error; its JSON report is the truth and vnu_report.py reads it.
# --asciiquotes keeps messages greppable ("img", not “img”). TieredStopAtLevel=1 (the quick
# JIT only) saves a third to a half on 2 cores: 100 pages of 15 KB in 4.4-5.4 s instead of
# 9 s, 1,000 in 9.7 s instead of 14.9 s; the C2 compiler's threads cost more than they win
# in a run this short.
vnu() { java -Xss4m -XX:TieredStopAtLevel=1 -jar "$jar" --format json --stdout --asciiquotes --skip-info-messages "$@"; }
reports=("$tmp/html.json")
if [ ${#css_files[@]} -gt 0 ]; then
  vnu --css "${css_files[@]}" >"$tmp/css.json" 2>"$tmp/css.err" &
  reports+=("$tmp/css.json")
fi
vnu --skip-non-html "$site_abs" >"$tmp/html.json" 2>"$tmp/html.err"
wait

fails=0
"$PY" "$here/vnu_report.py" "$site_abs" "${site%/}" "${reports[@]}" >"$tmp/report.txt"
case $? in
  0) ;;
  1) fails=1 ;;
  *) echo "validate: vnu did not produce a report; its stderr:" >&2
     cat "$tmp"/*.err >&2
     exit 1 ;;
esac
summary=$(tail -n 1 "$tmp/report.txt")
head -n -1 "$tmp/report.txt"

if [ ${#xml_files[@]} -gt 0 ]; then
  "$PY" "$here/check_xml.py" "${xml_files[@]}" || fails=1
fi

echo "validate: $n_html HTML, ${#css_files[@]} CSS, ${#xml_files[@]} XML files under $site:" \
  "${summary/errors=/vnu errors=}$( [ $fails -eq 0 ] && echo ', ok' || echo ', FAILED')"
exit $fails
