#!/usr/bin/env bash
# The newsletter's whole loop with a reader, end to end, as in production: a real nginx (from
# the shipped examples/nginx-site.conf) serves the generated site and proxies the newsletter's
# addresses to the real `pipeline serve`; headless Chromium with JavaScript OFF (Playwright's
# playwright-core driving Debian's /usr/bin/chromium: tests/site/signup_form.mjs) fills in
# and submits the sign-up form in a generated page's footer; the confirmation mail reaches a
# real SMTP server on loopback (tests/digest/smtp_server.py); the browser follows its link;
# `pipeline digest --send` mails the confirmed reader once; the digest's List-Unsubscribe
# link is POSTed exactly as Gmail does (RFC 8058 one-click, no cookies). Every page the
# browser saw passes the Nu Html Checker (tests/site/validate.sh). Screenshots go to the
# artifacts folder.
#
# Needs chromium, nginx, node/npm (scripts/install-deps.sh; playwright-core and vnu.jar from
# scripts/install-node-tools.sh), curl and python3-aiosmtpd. A missing one is a failure;
# with TV_ALLOW_SKIP=1 a missing chromium, nginx or node skips (77) instead.
# Synchronisation is on events only (a port file, serve's "Serving on port" line, nginx
# answering, a message's .json, the browser's navigation), each wait bounded.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib_digest.sh"

missing=()
[ -x "${TV_CHROMIUM:-/usr/bin/chromium}" ] || missing+=("chromium (${TV_CHROMIUM:-/usr/bin/chromium})")
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
for t in node npm; do command -v "$t" >/dev/null || missing+=("$t"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${TV_ALLOW_SKIP:-}" = 1 ]; then
    echo "SKIP: not installed: ${missing[*]} (scripts/install-deps.sh installs them; TV_ALLOW_SKIP=1)"
    exit 77
  fi
  echo "FAIL: not installed: ${missing[*]}: run scripts/install-deps.sh (or set TV_ALLOW_SKIP=1 to skip)" >&2
  exit 1
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v curl >/dev/null || { echo "FAIL: curl is not installed: run scripts/install-deps.sh" >&2; exit 1; }
# playwright-core (and vnu.jar, for validate.sh) in the build tree, pinned by tools/package-lock.json.
JAR=$(BUILD=${BUILD:-$SRC/build} "$SRC/scripts/install-node-tools.sh") ||
  { echo "FAIL: scripts/install-node-tools.sh failed" >&2; exit 1; }
export VNU_JAR=$JAR
export NODE_PATH=${JAR%/vnu-jar/build/dist/vnu.jar}
[ -f "$NODE_PATH/playwright-core/package.json" ] ||
  { echo "FAIL: playwright-core is not in $NODE_PATH: run scripts/install-node-tools.sh" >&2; exit 1; }

# nginx's workers run as nobody when we are root: the site must be readable by another user,
# as on a real server (mktemp -d made $WORK 0700).
umask 022
chmod 755 "$WORK"
CURL=(curl --noproxy '*' -s --max-time 10)
# A free port for nginx, above 10080: Chromium refuses every port on its "unsafe" list (all
# below that), should the ephemeral range be set low.
free_port() {
  "$PY" -c '
import socket
for _ in range(200):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    if port > 10080: break
print(port)'
}
# wait_for SECONDS COMMAND...: runs COMMAND every 0.1 s until it succeeds, for at most SECONDS
# (COMMAND is a function when what it tests must be computed afresh each time).
wait_for() {
  local n=$(($1 * 10)); shift
  for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  "$@"
}
alive() { kill -0 "$1" 2>/dev/null; }
# verify: check that also returns non-zero on failure, so `verify ... || show more` works.
verify() { local what=$1; shift; if "$@"; then ok; return 0; fi; fail "$what"; return 1; }
messages() {  # messages NAME: the .eml files whose .json (written last) is there, in order
  local j
  for j in "$WORK/$1"/srv/mail/[0-9]*.json; do [ -f "$j" ] && echo "${j%.json}.eml"; done
}
count_messages() { messages "$1" | wc -l; }
subject_count() {  # subject_count NAME PREFIX: messages whose Subject starts with PREFIX
  messages "$1" | "$PY" -c '
import email, email.policy, sys
prefix = sys.argv[1]
n = 0
for f in sys.stdin.read().split():
    m = email.message_from_bytes(open(f, "rb").read(), policy=email.policy.default)
    n += str(m["Subject"] or "").startswith(prefix)
print(n)' "$2"
}
show_logs() {
  for f in "$WORK/b/serve.err" "$WORK/nginx/error.log" "$WORK/b/srv/log"; do
    [ -s "$f" ] && { echo "--- $f (last lines)" >&2; tail -n 20 "$f" >&2; }
  done
}
reader_state() {  # reader_state EMAIL: "STATUS how,how,..." from `subscribers list --json`
  tv b subscribers list --json | "$PY" -c '
import json, sys
r = [x for x in json.load(sys.stdin) if x["email"].lower() == sys.argv[1].lower()]
print(r[0]["status"] + " " + ",".join(h["how"] for h in r[0]["history"]) if r else "absent")' "$1"
}

NGINXPORT=$(free_port)
SITE_URL=http://127.0.0.1:$NGINXPORT
# A '+' in the address: it must survive the form's encoding, the mail's link and the digest's.
READER=reader+e2e@example.com
SHOTS=$ARTIFACTS/serve_browser
PAGES=$WORK/pages
mkdir -p "$SHOTS" "$PAGES"
rm -f "$SHOTS"/*.png  # an earlier run's screenshot must not pass for this one's

# 1. A site: the sample inbox on Wednesday of W47. The form's action is site.base_url +
#    /subscribe, so the site is built with nginx's address as its base URL.
seed_inbox "$SRC/inbox" "$WORK/b/inbox"
tv b --run.date=2026-11-18 --site.base_url="$SITE_URL" run > "$WORK/b/run1.out" 2>&1
rc=$?
verify "the first night publishes the site (exit 10: the sample's bad files)" [ $rc -eq 10 ] || cat "$WORK/b/run1.out" >&2
check "the home page is there" [ -s "$WORK/b/outbox/site/index.html" ]
check "the check-inbox page is there" [ -s "$WORK/b/outbox/site/subscribe/check-inbox/index.html" ]

# 2. The SMTP server, then `pipeline serve` against it (a simple command in the background, so
#    $! is the pipeline itself).
start_server b
"$PIPELINE" --paths.inbox="$WORK/b/inbox" --paths.state="$WORK/b/state" --paths.rejected="$WORK/b/rejected" \
  --paths.outbox="$WORK/b/outbox" --paths.profiles="$SRC/profiles" --paths.templates="$SRC/templates" \
  --site.base_url="$SITE_URL" --serve.listen=127.0.0.1:0 --smtp.url="smtp://127.0.0.1:${PORT:-9}" --smtp.tls=none \
  serve > "$WORK/b/serve.out" 2> "$WORK/b/serve.err" &
SERVE_PID=$!
PIDS+=("$SERVE_PID")
serving() { grep -q '^Serving on port [0-9]' "$WORK/b/serve.out" || ! alive "$SERVE_PID"; }
wait_for 15 serving
SERVE_PORT=$(sed -n 's/^Serving on port \([0-9]*\) .*/\1/p' "$WORK/b/serve.out")
if [ -z "$SERVE_PORT" ]; then
  fail "pipeline serve did not start"; show_logs; finish; exit 1
fi
ok

# 3. nginx from the shipped example: no TLS, no port-80 server, our port, site and upstream.
mkdir -p "$WORK/nginx/tmp"
"$PY" - "$SRC/examples/nginx-site.conf" "$NGINXPORT" "$WORK/b/outbox/site" "$SERVE_PORT" "$WORK/nginx" \
  > "$WORK/nginx/nginx.conf" 2> "$WORK/nginx/conf.err" <<'PY'
import re, sys
example, port, root, upstream, d = sys.argv[1:]
text = open(example).read()

def sub(pattern, repl, s):  # exactly one match, or the example changed under us
    out, n = re.subn(pattern, repl, s, flags=re.M)
    if n != 1:
        sys.exit(f"{example}: {n} matches for {pattern!r}, not 1")
    return out

text = sub(r"^(\s*)listen 443 [^;]*;", rf"\g<1>listen 127.0.0.1:{port};", text)
text = sub(r"^(\s*)root [^;]*;", rf"\g<1>root {root};", text)
text = sub(r"^(\s*)server 127\.0\.0\.1:8025;", rf"\g<1>server 127.0.0.1:{upstream};", text)
# The port-80 server block: the top-level `server {` ... `}` that listens on 80.
lines, blocks, cur, depth = text.split("\n"), [], [], 0
for line in lines:
    code = line.split("#", 1)[0]
    if depth == 0 and cur == [] and not code.strip().startswith("server"):
        blocks.append([line]); continue
    cur.append(line)
    depth += code.count("{") - code.count("}")
    if depth == 0 and "{" in "".join(cur):
        blocks.append(cur); cur = []
if cur:
    sys.exit(f"{example}: unbalanced braces")
port80 = [b for b in blocks if re.search(r"^\s*listen 80;", "\n".join(b), re.M)]
if len(port80) != 1:
    sys.exit(f"{example}: {len(port80)} port-80 server blocks, not 1")
kept = [l for b in blocks if b is not port80[0] for l in b if "ssl" not in l]
body = "\n".join("    " + l if l else l for l in kept)
print(f"""# Generated by tests/e2e/serve_browser.sh from {example}.
daemon off;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log info;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {d}/access.log;
    client_body_temp_path {d}/tmp/body;
    proxy_temp_path {d}/tmp/proxy;
    fastcgi_temp_path {d}/tmp/fastcgi;
    uwsgi_temp_path {d}/tmp/uwsgi;
    scgi_temp_path {d}/tmp/scgi;
{body}
}}""")
PY
verify "nginx.conf is made from the example" [ $? -eq 0 -a -s "$WORK/nginx/nginx.conf" ] || cat "$WORK/nginx/conf.err" >&2
NGX=("$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf")
"${NGX[@]}" -t > "$WORK/nginx/t.out" 2>&1
verify "nginx -t accepts it" [ $? -eq 0 ] || cat "$WORK/nginx/t.out" "$WORK/nginx/nginx.conf" >&2
"${NGX[@]}" 2>> "$WORK/nginx/error.log" &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
answering() { [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$SITE_URL/")" = 200 ] || ! alive "$NGINX_PID"; }
wait_for 15 answering
if ! alive "$NGINX_PID" || [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$SITE_URL/")" != 200 ]; then
  fail "nginx did not serve the site on $SITE_URL"; show_logs; finish; exit 1
fi
ok
if [ "$(id -u)" -eq 0 ]; then
  workers=$(ps -o user= --ppid "$NGINX_PID" | sort -u | tr '\n' ' ')
  check "nginx's workers run as an unprivileged user, not root (got: $workers)" \
    [ -n "$workers" -a "${workers/root/}" = "$workers" ]
fi
"${CURL[@]}" -D "$WORK/nginx/page.headers" -o /dev/null "$SITE_URL/subscribe/check-inbox/"
check "nginx sends a generated page as HTML" grep -qi '^content-type: text/html' "$WORK/nginx/page.headers"
check "a GET of /subscribe reaches serve through nginx (405 from serve)" \
  [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$SITE_URL/subscribe")" = 405 ]

# 4. The browser, JavaScript off, signs up with the footer's form.
node "$SRC/tests/site/signup_form.mjs" signup "$SITE_URL/" "$READER" "$SHOTS/signup.png" "$PAGES" \
  > "$WORK/signup.json" 2> "$WORK/signup.err"
verify "Chromium (no JS) submits the form and lands on check-inbox" [ $? -eq 0 ] ||
  { cat "$WORK/signup.json" "$WORK/signup.err" >&2; show_logs; }
echo "browser (sign-up): $(cat "$WORK/signup.json")"
check "the screenshot of check-inbox is kept" [ -s "$SHOTS/signup.png" ]
state=$(reader_state "$READER")
check "the reader is pending, by the form (got: $state)" [ "$state" = "pending form" ]

# 5. The confirmation mail: one message, to the address typed, with one link, through nginx.
mailed() { [ "$(count_messages b)" -ge 1 ]; }
wait_for 15 mailed
verify "the confirmation mail arrives" [ "$(count_messages b)" -eq 1 ] || show_logs
CONFIRM=$(messages b | head -n 1)
LINK=$("$PY" - "$CONFIRM" "$READER" "$SITE_URL" 2> "$WORK/confirm.err" <<'PY'
import email, email.policy, re, sys, urllib.parse
f, reader, site = sys.argv[1:]
m = email.message_from_bytes(open(f, "rb").read(), policy=email.policy.default)
assert not m.defects, m.defects
assert "confirm" in str(m["Subject"]).lower(), m["Subject"]
to = m["To"].addresses
assert len(to) == 1 and to[0].addr_spec == reader, m["To"]
body = m.get_body(("plain",)).get_content()
links = re.findall(r"https?://[^\s<>\"]+", body)
assert len(links) == 1, links
link = links[0]
u = urllib.parse.urlsplit(link)
assert f"{u.scheme}://{u.netloc}" == site and u.path == "/confirm", link
q = urllib.parse.parse_qs(u.query, keep_blank_values=True)
assert sorted(q) == ["email", "token"] and q["email"] == [reader] and q["token"][0], q
print(link)
PY
)
verify "it is a confirmation for $READER with exactly one link to $SITE_URL/confirm" [ -n "$LINK" ] ||
  cat "$WORK/confirm.err" >&2
node "$SRC/tests/site/signup_form.mjs" confirm "${LINK:-$SITE_URL/confirm}" "$READER" "$SHOTS/confirmed.png" "$PAGES" \
  > "$WORK/confirmed.json" 2> "$WORK/confirmed.err"
verify "Chromium (no JS) follows the link: You are subscribed" [ $? -eq 0 ] ||
  { cat "$WORK/confirmed.json" "$WORK/confirmed.err" >&2; show_logs; }
echo "browser (confirm): $(cat "$WORK/confirmed.json")"
state=$(reader_state "$READER")
check "the store says subscribed, by the form then the link (got: $state)" [ "$state" = "subscribed form,confirm" ]

# 6. Monday night writes W47's digest; --send mails the confirmed reader, once.
tv b --run.date=2026-11-23 --site.base_url="$SITE_URL" run > "$WORK/b/run2.out" 2>&1
verify "Monday's run writes last week's digest" grep -q "^Digest 2026-W47: " "$WORK/b/run2.out" ||
  cat "$WORK/b/run2.out" >&2
send() {
  tv b --run.date=2026-11-23 --site.base_url="$SITE_URL" --smtp.url="smtp://127.0.0.1:${PORT:-9}" --smtp.tls=none \
    --smtp.rate_per_second=0 digest --week 2026-W47 --send
}
send > "$WORK/b/send1.out" 2>&1
verify "digest --send exits 0" [ $? -eq 0 ] || cat "$WORK/b/send1.out" >&2
check "exactly one digest arrives" [ "$(subject_count b 'Weekly AI Tool Verdicts')" -eq 1 ]
DIGEST=$(messages b | tail -n 1)
UNSUB=$("$PY" - "$DIGEST" "$READER" "$SITE_URL" 2> "$WORK/digest.err" <<'PY'
import email, email.policy, re, sys, urllib.parse
f, reader, site = sys.argv[1:]
m = email.message_from_bytes(open(f, "rb").read(), policy=email.policy.default)
assert str(m["Subject"]).startswith("Weekly AI Tool Verdicts"), m["Subject"]
to = m["To"].addresses
assert len(to) == 1 and to[0].addr_spec == reader, m["To"]
assert str(m["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click", m["List-Unsubscribe-Post"]
links = re.findall(r"<(https?://[^>]+)>", str(m["List-Unsubscribe"]))
assert len(links) == 1, m["List-Unsubscribe"]
u = urllib.parse.urlsplit(links[0])
assert f"{u.scheme}://{u.netloc}" == site and u.path == "/unsubscribe", links[0]
q = urllib.parse.parse_qs(u.query, keep_blank_values=True)
assert q.get("email") == [reader] and q.get("token", [""])[0], q
print(links[0])
PY
)
verify "the digest is for $READER, with a one-click List-Unsubscribe link to $SITE_URL" [ -n "$UNSUB" ] ||
  cat "$WORK/digest.err" >&2
send > "$WORK/b/send2.out" 2>&1
verify "a second --send exits 0" [ $? -eq 0 ] || cat "$WORK/b/send2.out" >&2
check "and mails nobody new" [ "$(count_messages b)" -eq 2 ]

# 7. One-click unsubscribe as Gmail makes it: a POST of List-Unsubscribe=One-Click to the
#    header's link, no cookies, no redirects followed.
code=$("${CURL[@]}" -o "$PAGES/unsubscribed.html" -D "$WORK/unsub.headers" -w '%{http_code}' -X POST \
  -H 'Content-Type: application/x-www-form-urlencoded' --data 'List-Unsubscribe=One-Click' "${UNSUB:-$SITE_URL/unsubscribe}")
verify "the one-click POST through nginx answers 200 (got $code)" [ "$code" = 200 ] || show_logs
check "and sets no cookie" sh -c "! grep -qi '^set-cookie:' '$WORK/unsub.headers'"
check "its page says so" grep -q 'You have left the list' "$PAGES/unsubscribed.html"
state=$(reader_state "$READER")
check "the store says unsubscribed, one-click (got: $state)" [ "$state" = "unsubscribed form,confirm,one-click" ]

# 8. Every page the browser saw (and the one-click answer) passes the Nu Html Checker.
check "the home page, check-inbox and confirmed pages were kept" \
  [ -s "$PAGES/home.html" -a -s "$PAGES/check-inbox.html" -a -s "$PAGES/confirmed.html" ]
bash "$SRC/tests/site/validate.sh" "$PAGES" > "$WORK/validate.out" 2>&1
verify "they pass the Nu Html Checker" [ $? -eq 0 ] || cat "$WORK/validate.out" >&2

# serve stops cleanly on SIGTERM; nginx goes with the trap.
kill -TERM "$SERVE_PID"
stopped() { ! alive "$SERVE_PID"; }
wait_for 10 stopped
if alive "$SERVE_PID"; then
  fail "pipeline serve did not stop within 10 s of SIGTERM"
else
  wait "$SERVE_PID"
  check "pipeline serve exits 0 on SIGTERM" [ $? -eq 0 ]
fi
finish
