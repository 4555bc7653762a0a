#!/usr/bin/env bash
# Takes a screenshot of one page of a generated site, the way a reader's browser shows it.
#
#   tests/site/screenshot.sh SITE_DIR PAGE_PATH OUT.png [WIDTH] [--height H] [--full]
#                            [--dom FILE] [--js]
#
#   PAGE_PATH    the page's path on the site: /, /compare/a-vs-b/, /about.html
#   WIDTH        window width in CSS px (default 1280)
#   --height H   window height (default 900): the screenshot is WIDTH x H
#   --full       the whole page instead of the window: fullpage.py asks Chromium for the
#                page's height over the DevTools pipe and captures that (up to 16384 px)
#   --dom FILE   also write the DOM the browser built (chromium --dump-dom) to FILE, so a
#                test can check what a reader's browser saw
#   --js         leave JavaScript on (default off: the site must work without it)
#
# SITE_DIR is served over HTTP on loopback (serve.py: 127.0.0.1, a free port the kernel
# picks), so root-relative links such as /style.css resolve as in production; the server is
# stopped on exit, whatever happens. Debian's chromium runs headless with a fresh profile in
# a temporary folder, under `timeout 60`. JavaScript is turned off in that profile's
# preferences, not with --blink-settings=scriptEnabled=false: with that flag Chromium 156's
# --screenshot and --dump-dom silently write nothing.
#
# Checks: the page's file exists; the PNG exists, is over 5 KB, has a PNG signature and an
# IHDR whose width is WIDTH (and height H unless --full). Requests the server answered
# with 404 (a missing style sheet, say; /favicon.ico aside) are listed as warnings.
# Exit status: 0 written; 1 a check failed; 2 bad usage, or chromium missing (a failure,
# CI installs it); 77 chromium missing and TV_ALLOW_SKIP=1.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
usage() { sed -n '4,5p' "$0" | sed 's/^# *//' >&2; exit 2; }

pos=()
height=900
full=0
dom=""
js=0
while [ $# -gt 0 ]; do
  case $1 in
    --height) height=${2:?}; shift 2 ;;
    --full) full=1; shift ;;
    --dom) dom=${2:?}; shift 2 ;;
    --js) js=1; shift ;;
    -h|--help) usage ;;
    -*) echo "screenshot: unknown option $1" >&2; usage ;;
    *) pos+=("$1"); shift ;;
  esac
done
[ ${#pos[@]} -ge 3 ] && [ ${#pos[@]} -le 4 ] || usage
site=${pos[0]} page=${pos[1]} out=${pos[2]} width=${pos[3]:-1280}
[[ $width =~ ^[0-9]+$ && $height =~ ^[0-9]+$ ]] || { echo "screenshot: WIDTH and H are pixels" >&2; exit 2; }
[ -d "$site" ] || { echo "screenshot: $site is not a folder" >&2; exit 2; }

if ! command -v chromium >/dev/null; then
  if [ "${TV_ALLOW_SKIP:-}" = 1 ]; then
    echo "screenshot: SKIPPED: chromium is not installed (TV_ALLOW_SKIP=1)" >&2
    exit 77
  fi
  echo "screenshot: chromium is not installed: run scripts/install-deps.sh" >&2
  exit 2
fi

# The page must exist before a browser is asked for it: a 404 page makes a fine PNG too.
page=/${page#/}
file=$site${page%%[?#]*}
case $file in */) file=${file}index.html ;; esac
[ -d "$file" ] && file=$file/index.html
[ -f "$file" ] || { echo "screenshot: no page $page in $site (looked for $file)" >&2; exit 1; }

[ -d "$(dirname "$out")" ] || { echo "screenshot: the folder of $out does not exist" >&2; exit 2; }
out_abs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
tmp=$(mktemp -d /tmp/tv-screenshot.XXXXXX)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

"$PY" "$here/serve.py" "$site" --log "$tmp/requests.log" --max-seconds 300 \
  >"$tmp/port" 2>"$tmp/serve.err" &
server=$!
for _ in $(seq 100); do
  [ -s "$tmp/port" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
port=$(head -n 1 "$tmp/port")
[[ $port =~ ^[0-9]+$ ]] || { echo "screenshot: the server did not start:" >&2; cat "$tmp/serve.err" >&2; exit 1; }
url=http://127.0.0.1:$port$page

# A fresh profile; JavaScript off through its preferences (see the header).
mkdir -p "$tmp/profile/Default"
if [ "$js" -eq 0 ]; then
  echo '{"profile":{"default_content_setting_values":{"javascript":2}}}' \
    >"$tmp/profile/Default/Preferences"
fi
chromium_flags=(--headless=new --no-sandbox --disable-gpu --hide-scrollbars
  --user-data-dir="$tmp/profile" --no-first-run --disable-sync --disable-component-update
  --force-device-scale-factor=1)

rm -f "$out_abs"
if [ "$full" -eq 1 ]; then
  timeout -k 5 60 "$PY" "$here/fullpage.py" "$url" "$out_abs" "$width" "$tmp/profile" \
    >"$tmp/chromium.out" 2>"$tmp/chromium.err"
else
  timeout -k 5 60 chromium "${chromium_flags[@]}" --window-size="$width,$height" \
    --screenshot="$out_abs" "$url" >"$tmp/chromium.out" 2>"$tmp/chromium.err"
fi
rc=$?
if [ $rc -ne 0 ] || [ ! -f "$out_abs" ]; then
  echo "screenshot: chromium wrote no screenshot (exit $rc; 124 is the 60 s timeout):" >&2
  grep -v -e dbus -e 'unexpected operator' "$tmp/chromium.err" | tail -n 20 >&2
  exit 1
fi

if [ -n "$dom" ]; then
  timeout -k 5 60 chromium "${chromium_flags[@]}" --window-size="$width,$height" \
    --dump-dom "$url" >"$dom" 2>"$tmp/dom.err"
  rc=$?
  if [ $rc -ne 0 ] || [ ! -s "$dom" ]; then
    echo "screenshot: chromium --dump-dom wrote nothing (exit $rc)" >&2
    exit 1
  fi
fi

fails=0
bytes=$(stat -c %s "$out_abs")
if [ "$bytes" -le 5120 ]; then
  echo "screenshot: $out is only $bytes bytes: a blank page?" >&2
  fails=1
fi
if ! dims=$("$PY" "$here/png_info.py" "$out_abs"); then
  fails=1
else
  got_w=${dims%x*} got_h=${dims#*x}
  if [ "$got_w" -ne "$width" ]; then
    echo "screenshot: $out is $dims, not $width px wide" >&2
    fails=1
  fi
  if [ "$full" -eq 0 ] && [ "$got_h" -ne "$height" ]; then
    echo "screenshot: $out is $dims, not $height px high" >&2
    fails=1
  fi
fi
sort -u "$tmp/requests.log" 2>/dev/null | awk '$1 == 404 && $2 != "/favicon.ico" {print}' |
  while read -r _ path; do echo "screenshot: warning: the server had no $path (404)" >&2; done

[ $fails -eq 0 ] || exit 1
echo "screenshot: $out ${dims} ($((bytes / 1024)) KB) of $page${dom:+, DOM in $dom}"
