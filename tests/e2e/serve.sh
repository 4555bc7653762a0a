#!/usr/bin/env bash
# `pipeline serve` end to end (docs/serve.md): the real server on loopback, curl as the client,
# a real SMTP server (aiosmtpd) for the confirmation mails, a real SQLite store.
#   S1  sign-up: 303 to the check-inbox page, the same answer for a new, a pending, a subscribed
#       and a suppressed address (no enumeration); the honeypot stores nothing; the mail arrives
#   S2  confirm: the link from the mail subscribes (200), again (idempotent); altered and
#       expired tokens get 403 and change nothing
#   S3  unsubscribe: GET shows one button and changes nothing; the RFC 8058 one-click POST and
#       the button unsubscribe at once (200); a forged token is 403; an old-style link works
#   S4  hostile input: each gets its exact status and the server keeps serving
#   S5  the pages pass the Nu Html Checker
#   S6  a send mails exactly the confirmed readers, once
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib_digest.sh"
command -v curl >/dev/null || { echo "SKIP: curl is not installed (make test installs it)"; exit 77; }

# The site (for the check-inbox page and the digest) and a mail server for the confirmations.
seed_inbox "$SRC/inbox" "$WORK/s/inbox"
tv s --run.date=2026-11-18 run >/dev/null 2>&1
tv s --run.date=2026-11-23 run >/dev/null 2>&1
check "the site has the check-inbox page" [ -s "$WORK/s/outbox/site/subscribe/check-inbox/index.html" ]
start_server s

# serve_start NAME [SETTINGS...]: `pipeline serve` for case NAME on a free port; sets URL.
serve_start() {
  local name=$1; shift
  (TV_EXEC=1; tv "$name" --serve.listen=127.0.0.1:0 --smtp.url="smtp://127.0.0.1:$PORT" --smtp.tls=none "$@" serve \
    >"$WORK/$name.serve.out" 2>"$WORK/$name.serve.err") &
  SERVE_PID=$!
  PIDS+=($SERVE_PID)
  local port=""
  for _ in $(seq 200); do
    port=$(sed -n 's/^Serving on port \([0-9]*\).*/\1/p' "$WORK/$name.serve.out")
    [ -n "$port" ] && break
    kill -0 $SERVE_PID 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$port" ] || { fail "$name: serve did not start"; cat "$WORK/$name.serve.err" >&2; }
  URL=http://127.0.0.1:$port
}
serve_stop() { kill -TERM "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID"; }
status_of() {  # status_of URL [CURL ARGS...]: the HTTP status alone
  local url=$1; shift
  curl -s -o /dev/null -w '%{http_code}' "$@" "$url"
}
reader() {  # reader EMAIL: its status in the store ("none" when absent)
  tv s subscribers list --json | "$PY" -c '
import json, sys
rs = [r for r in json.load(sys.stdin) if r["key"] == sys.argv[1].lower()]
print(rs[0]["status"] if rs else "none")' "$1"
}
hows() {  # hows EMAIL: the history's "how" words, in order
  tv s subscribers list --json | "$PY" -c '
import json, sys
rs = [r for r in json.load(sys.stdin) if r["key"] == sys.argv[1].lower()]
print(" ".join(e["how"] for e in rs[0]["history"]) if rs else "")' "$1"
}
# The tokens as docs/digest.md and docs/serve.md define them (an implementation apart from ours).
token() {  # token unsubscribe EMAIL_KEY | token confirm KEY ISSUED
  "$PY" - "$@" <<'PY'
import base64, hashlib, hmac, sys
secret, list_id = b"e2e-secret-0123456789abcdef", "weekly.tool-verdicts.example"
def mac(msg):
    return base64.urlsafe_b64encode(hmac.new(secret, msg.encode(), hashlib.sha256).digest()).decode().rstrip("=")[:32]
if sys.argv[1] == "unsubscribe":
    print(mac(f"unsubscribe\n{list_id}\n{sys.argv[2]}"))
else:
    print(f"{sys.argv[3]}." + mac(f"confirm\n{list_id}\n{sys.argv[2]}\n{sys.argv[3]}"))
PY
}
mails_to() { grep -l "^To: .*$1" "$WORK/s/srv/mail"/*.eml 2>/dev/null | wc -l; }
wait_mail() {  # wait_mail ADDRESS N: until N messages to ADDRESS arrived (bounded)
  for _ in $(seq 200); do [ "$(mails_to "$1")" -ge "$2" ] && return 0; sleep 0.05; done
  return 1
}

serve_start s
mkdir -p "$WORK/pages"

# ---- S1: sign-up ------------------------------------------------------------------------------------
curl -s -D "$WORK/h1" -o "$WORK/b1" -X POST --data-urlencode "email=Ada@Example.org" --data "website=" "$URL/subscribe"
check "S1: a sign-up is answered 303" grep -q "^HTTP/1.1 303" "$WORK/h1"
check "S1: to the check-inbox page" grep -qi "^Location: /subscribe/check-inbox/" "$WORK/h1"
check "S1: the reader is pending" [ "$(reader ada@example.org)" = pending ]
check "S1: the confirmation mail arrives" wait_mail "Ada@Example.org" 1
# The same answer for a pending, a subscribed and a suppressed address.
tv s subscribers import /dev/stdin >/dev/null <<'CSV'
email,name,status
grace@example.org,Grace,subscribed
CSV
"$PY" - "$WORK/s/state/pipeline.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO readers(key, email, name, status, since, created_at) VALUES('gone@example.org', 'gone@example.org', '', 'bounced', 't', 't')")
db.commit()
PY
for who in ada@example.org grace@example.org gone@example.org; do
  curl -s -D "$WORK/h-$who" -o /dev/null -X POST --data-urlencode "email=$who" "$URL/subscribe"
  check "S1: $who gets the same answer" diff <(grep -v '^Date:' "$WORK/h1") <(grep -v '^Date:' "$WORK/h-$who")
done
check "S1: a subscribed reader stays subscribed" [ "$(reader grace@example.org)" = subscribed ]
check "S1: a bounced address stays bounced" [ "$(reader gone@example.org)" = bounced ]
check "S1: a second sign-up mails a second link" wait_mail "ada@example.org" 1
check "S1: no mail to the subscribed or the bounced address" [ "$(mails_to grace@example.org)$(mails_to gone@example.org)" = 00 ]
check "S1: the honeypot is answered 303 too" [ "$(status_of "$URL/subscribe" -X POST --data 'email=bot@example.org&website=http://spam.example')" = 303 ]
check "S1: and nothing is stored" [ "$(reader bot@example.org)" = none ]

# ---- S2: confirm --------------------------------------------------------------------------------------
link=$("$PY" - "$WORK/s/srv/mail" <<'PY'
import email, email.policy, glob, re, sys
for f in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    m = email.message_from_bytes(open(f, "rb").read(), policy=email.policy.default)
    if "Confirm" in m["Subject"] and "Ada@Example.org" in m["To"]:
        links = re.findall(r"https?://\S+/confirm\?\S+", m.get_content())
        assert len(links) == 1, links
        print(links[0]); break
PY
)
check "S2: the mail holds one confirmation link" [ -n "$link" ]
local_link=$URL/confirm?${link#*\?}
curl -s -o "$WORK/pages/confirmed.html" -w '%{http_code}' "$local_link" >"$WORK/c1"
check "S2: the link subscribes (200)" [ "$(cat "$WORK/c1")" = 200 ]
check "S2: and says so" grep -q "You are subscribed" "$WORK/pages/confirmed.html"
check "S2: the reader is subscribed" [ "$(reader ada@example.org)" = subscribed ]
check "S2: the link again is 200 (idempotent)" [ "$(status_of "$local_link")" = 200 ]
check "S2: the history says form, then confirm" [ "$(hows ada@example.org)" = "form confirm" ]
curl -s -X POST --data "email=carol@example.net" "$URL/subscribe" >/dev/null
altered="${local_link%?}x"
check "S2: an altered token is 403" [ "$(status_of "$altered")" = 403 ]
old=$(( $(date +%s) - 8 * 86400 ))
check "S2: an expired token is 403" [ "$(status_of "$URL/confirm?email=carol%40example.net&token=$(token confirm carol@example.net $old)")" = 403 ]
curl -s -o "$WORK/pages/expired.html" "$URL/confirm?email=carol%40example.net&token=$(token confirm carol@example.net $old)"
check "S2: the expired page says what to do" grep -q "Sign up again" "$WORK/pages/expired.html"
check "S2: carol is still pending" [ "$(reader carol@example.net)" = pending ]
fresh=$(token confirm carol@example.net "$(date +%s)")
check "S2: a token for another address is 403" [ "$(status_of "$URL/confirm?email=dave%40example.com&token=$fresh")" = 403 ]

# ---- S3: unsubscribe ----------------------------------------------------------------------------------
ut=$(token unsubscribe grace@example.org)
curl -s -o "$WORK/pages/unsubscribe.html" -w '%{http_code}' "$URL/unsubscribe?email=grace%40example.org&token=$ut" >"$WORK/u1"
check "S3: GET shows the page (200)" [ "$(cat "$WORK/u1")" = 200 ]
check "S3: with one button" [ "$(grep -c '<form class="notice-form" method="post" action="/unsubscribe">' "$WORK/pages/unsubscribe.html")" = 1 ]
check "S3: and changes nothing" [ "$(reader grace@example.org)" = subscribed ]
check "S3: a forged token is 403" [ "$(status_of "$URL/unsubscribe?email=grace%40example.org&token=AAAA$ut" -X POST --data 'List-Unsubscribe=One-Click')" = 403 ]
check "S3: and changes nothing" [ "$(reader grace@example.org)" = subscribed ]
# Exactly as Gmail sends it: POST to the List-Unsubscribe URL, this body, no cookies.
check "S3: the one-click POST is 200" [ "$(status_of "$URL/unsubscribe?email=grace%40example.org&token=$ut" -X POST -H 'Content-Type: application/x-www-form-urlencoded' --data 'List-Unsubscribe=One-Click')" = 200 ]
check "S3: grace is unsubscribed" [ "$(reader grace@example.org)" = unsubscribed ]
check "S3: by one-click" [ "$(hows grace@example.org)" = "import one-click" ]
# RFC 8058 asks for multipart/form-data (curl -F sends exactly that).
mt=$(token unsubscribe multi@example.org)
check "S3: a one-click POST as multipart/form-data is 200" [ "$(status_of "$URL/unsubscribe?email=multi%40example.org&token=$mt" -X POST -F 'List-Unsubscribe=One-Click')" = 200 ]
check "S3: and is recorded as one-click" [ "$(hows multi@example.org)" = "one-click" ]
at=$(token unsubscribe ada@example.org)
curl -s -o "$WORK/pages/unsubscribed.html" -w '%{http_code}' -X POST --data-urlencode "email=ada@example.org" --data "token=$at" "$URL/unsubscribe" >"$WORK/u2"
check "S3: the page's button is 200" [ "$(cat "$WORK/u2")" = 200 ]
check "S3: ada is unsubscribed, by the page" [ "$(hows ada@example.org)" = "form confirm page" ]
# A link in a digest sent before readers were keyed by the folded address: the local part kept its case.
lt=$(token unsubscribe Old@example.org)
check "S3: an old-style link still works" [ "$(status_of "$URL/unsubscribe?email=Old%40Example.org&token=$lt" -X POST --data 'List-Unsubscribe=One-Click')" = 200 ]
check "S3: and records the unsubscribe" [ "$(reader old@example.org)" = unsubscribed ]

# ---- S4: hostile input ---------------------------------------------------------------------------------
check "S4: unknown path 404" [ "$(status_of "$URL/admin")" = 404 ]
check "S4: unknown method 405" [ "$(status_of "$URL/subscribe" -X DELETE)" = 405 ]
check "S4: GET /subscribe 405" [ "$(status_of "$URL/subscribe")" = 405 ]
check "S4: a body over the limit 413" [ "$(status_of "$URL/subscribe" -X POST --data "email=$(head -c 5000 /dev/zero | tr '\0' a)@example.org")" = 413 ]
check "S4: malformed percent-encoding 400" [ "$(status_of "$URL/subscribe" -X POST --data 'email=a%zz@example.org')" = 400 ]
check "S4: CR LF in a field 400" [ "$(status_of "$URL/subscribe" -X POST --data 'email=a@example.org%0d%0aBcc:%20x@evil.example')" = 400 ]
check "S4: NUL in a field 400" [ "$(status_of "$URL/subscribe" -X POST --data 'email=a%00@example.org')" = 400 ]
check "S4: NUL in a query 400" [ "$(status_of "$URL/confirm?email=a%00@example.org&token=x")" = 400 ]
check "S4: not a form 415" [ "$(status_of "$URL/subscribe" -X POST -H 'Content-Type: application/json' --data '{"email":"a@example.org"}')" = 415 ]
check "S4: not an address 400" [ "$(status_of "$URL/subscribe" -X POST --data-urlencode 'email=<script>alert(1)</script>')" = 400 ]
curl -s -o "$WORK/pages/bad-address.html" -X POST --data-urlencode 'email=<script>alert(1)</script>' "$URL/subscribe"
check "S4: the address is shown escaped, never as markup" sh -c "! grep -q '<script>alert' '$WORK/pages/bad-address.html' && grep -q '&lt;script&gt;' '$WORK/pages/bad-address.html'"
curl -s -o "$WORK/pages/not-found.html" "$URL/admin"
# A slow client: half a request, then nothing; the server answers 408 once serve.read_timeout_ms
# (300 ms in the slow server below) has passed and closes, and keeps serving the others.
serve_stop
serve_start s --serve.read_timeout_ms=300 --serve.max_connections=3 --serve.signups_per_client_per_hour=2
slow=$("$PY" - "${URL#http://}" <<'PY'
import socket, sys
host, port = sys.argv[1].split(":")
s = socket.create_connection((host, int(port)), timeout=10)
s.sendall(b"POST /subscribe HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          b"Content-Length: 40\r\n\r\nemail=")
data = b""
while True:
    chunk = s.recv(4096)
    if not chunk: break
    data += chunk
print(data.split(b"\r\n", 1)[0].decode())
PY
)
check "S4: a slow client gets 408 ($slow)" [ "$slow" = "HTTP/1.1 408 Request Timeout" ]
# More connections than serve.max_connections: the extra one gets 503 at once.
cap=$("$PY" - "${URL#http://}" <<'PY'
import socket, sys
host, port = sys.argv[1].split(":")
held = [socket.create_connection((host, int(port)), timeout=10) for _ in range(3)]
s = socket.create_connection((host, int(port)), timeout=10)
s.sendall(b"GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n")
print(s.recv(4096).split(b"\r\n", 1)[0].decode())
PY
)
check "S4: one connection over the cap gets 503 ($cap)" [ "$cap" = "HTTP/1.1 503 Service Unavailable" ]
check "S4: two sign-ups from one client pass" [ "$(status_of "$URL/subscribe" -X POST --data 'email=f1@example.org')$(status_of "$URL/subscribe" -X POST --data 'email=f2@example.org')" = 303303 ]
check "S4: the third in the hour is 429" [ "$(status_of "$URL/subscribe" -X POST --data 'email=f3@example.org')" = 429 ]
check "S4: and is not stored" [ "$(reader f3@example.org)" = none ]
check "S4: after all that the server still serves" [ "$(status_of "$URL/unsubscribe?email=x%40example.org&token=bad")" = 403 ]
check "S4: no raw control character reached the log" sh -c "! grep -qP '[\x00-\x08\x0b-\x1f]' '$WORK/s/state/logs/pipeline.jsonl'"
check "S4: nothing submitted with a line break was stored" sh -c "! sqlite3 '$WORK/s/state/pipeline.db' \"SELECT key FROM readers\" | grep -q evil"
serve_stop
check "S4: SIGTERM stops serve with exit 0 (got $?)" [ $? -eq 0 ]

# ---- S5: the pages are valid HTML ------------------------------------------------------------------------
cp "$WORK/s/outbox/site/subscribe/check-inbox/index.html" "$WORK/pages/check-inbox.html"
check "S5: every page passes the Nu Html Checker" "$SRC/tests/site/validate.sh" "$WORK/pages"

# ---- S6: a send mails exactly the subscribed readers ---------------------------------------------------------
# carol confirms; f1 and f2 stay pending; ada, grace and old left; so carol alone is mailed.
serve_start s
curl -s -o /dev/null "$URL/confirm?email=carol%40example.net&token=$(token confirm carol@example.net "$(date +%s)")"
check "S6: carol is subscribed" [ "$(reader carol@example.net)" = subscribed ]
serve_stop
before=$(received s)
tv s --run.date=2026-11-23 --smtp.url="smtp://127.0.0.1:$PORT" --smtp.tls=none --smtp.rate_per_second=0 \
  digest --week 2026-W47 --send >"$WORK/send1.out" 2>&1
check "S6: the send mails one reader" [ "$(( $(received s) - before ))" -eq 1 ]
check "S6: carol" [ "$(mails_to carol@example.net)" -ge 1 ]
before=$(received s)
tv s --run.date=2026-11-23 --smtp.url="smtp://127.0.0.1:$PORT" --smtp.tls=none --smtp.rate_per_second=0 \
  digest --week 2026-W47 --send >"$WORK/send2.out" 2>&1
check "S6: a second send mails nobody" [ "$(received s)" -eq "$before" ]
stop_server s

finish
