#!/usr/bin/env bash
# The weekly digest end to end: the real executable, a real SQLite file and a real SMTP server
# on loopback (tests/digest/smtp_server.py, Debian's python3-aiosmtpd), every received message
# parsed by Python's email package (tests/digest/check_mail.py). Two nights of the sample
# inbox make week 2026-W47; then, each case on its own copy of the state:
#   A  all delivered over STARTTLS with AUTH (self-signed certificate made here); rerun mails nobody
#   S  smtps:// (TLS from the first byte), and one with a certificate we do not trust: stops
#   T  STARTTLS required but not offered: stops, nobody marked sent
#   B  one reader refused with 550, the others delivered; rerun mails nobody
#   C  server down: a clear error, nobody marked sent; once it is up, everyone once
#   D  connection dropped after the final dot: uncertain, shown by status and the report, never
#      re-sent, until the editor asks for it with --resend
#   E  451 once: retried, delivered once
#   F  SIGKILL in the middle of a send to 60 readers, then a rerun: nobody mailed twice
# The HTML part of a received message is screenshot with headless Chromium into the artifacts.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib_digest.sh"

# Readers: four to mail. A duplicate (domain case differs), an unsubscribe that wins over a
# later subscribe, a bad address and a bad status are not mailed; the bad rows are reported.
# Dave's name is hostile but legal: quotes, angle brackets, a comma and an encoded-word look.
cat > "$WORK/subscribers.csv" <<'CSV'
email,name,status
ann@example.com,Ann Ünïcode,subscribed
bob@example.org,Bob,subscribed
carol@example.net,Carol,subscribed
dave@example.com,"Mallory ""Dave"" <evil@x.example>, =?UTF-8?B?QmNjOiBldmlsQHguZXhhbXBsZQ==?=",subscribed
ann@EXAMPLE.com,Ann Again,subscribed
eve@example.com,Eve,unsubscribed
eve@example.com,Eve,subscribed
not-an-address,Nobody,subscribed
frank@example.com,Frank,maybe
CSV
READERS=(--expect ann@example.com --expect bob@example.org --expect carol@example.net --expect dave@example.com)

# Two nights: Wednesday of W47, then Monday of W48 (digest.weekday), which writes W47's file.
seed_inbox "$SRC/inbox" "$WORK/n/inbox"
tv n --run.date=2026-11-18 run > "$WORK/n1.out" 2>&1
tv n --run.date=2026-11-23 run > "$WORK/n2.out" 2>&1
check "Monday's run writes last week's digest" grep -q "^Digest 2026-W47: .*2026-W47.eml" "$WORK/n2.out"
check "the digest file is there" [ -s "$WORK/n/outbox/digest/2026-W47.eml" ]
check "its HTML preview is beside it" [ -s "$WORK/n/outbox/digest/2026-W47.html" ]
check "the archive copy parses as MIME without defects" "$PY" - "$WORK/n/outbox/digest/2026-W47.eml" <<'PY'
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
parts = [p.get_content_type() for p in m.iter_parts()]
assert m.get_content_type() == "multipart/alternative" and parts == ["text/plain", "text/html"], parts
assert not m.defects and all(not p.defects for p in m.iter_parts())
assert "Llama 4 Compact vs SmolLM3" in m["Subject"], m["Subject"]
assert "NEW COMPARISONS" in m.get_body(("plain",)).get_content()
PY
check "a week with nothing new says so" sh -c "'$PIPELINE' --paths.state='$WORK/n/state' --paths.outbox='$WORK/n/outbox' \
  --paths.templates='$SRC/templates' digest --week 2026-W40 | grep -q 'Nothing new this week'"
check "and writes no file for it" [ ! -e "$WORK/n/outbox/digest/2026-W40.eml" ]
check "a bad week is a usage error" sh -c "'$PIPELINE' --paths.state='$WORK/n/state' --paths.templates='$SRC/templates' \
  digest --week 2026-W60 2>/dev/null; [ \$? -eq 64 ]"

# Dry run: the subject, a summary and the readers; nothing sent, nothing in the ledger.
start_server n
digest n --dry-run > "$WORK/dry.out" 2> "$WORK/dry.err"
check "dry run exits 0" [ $? -eq 0 ]
check "dry run prints the subject" grep -q '^Subject: Weekly AI Tool Verdicts, 2026-W47: ' "$WORK/dry.out"
check "dry run counts the readers" grep -q '4 reader(s) would be mailed' "$WORK/dry.out"
check "dry run lists a reader" grep -q '<carol@example.net>' "$WORK/dry.out"
check "the unsubscribed reader is not listed" sh -c "! grep -q eve@ '$WORK/dry.out'"
check "a bad address is reported with its line" grep -q 'line 9: .*not-an-address' "$WORK/dry.err"
check "a bad status is reported with its line" grep -q 'line 10: .*maybe' "$WORK/dry.err"
check "dry run sends nothing" [ "$(received n)" -eq 0 ]
check "dry run leaves no ledger" [ "$(ledger n)" = "sent=0 failed=0 uncertain=0 queued=0 skipped=0 sending=0" ]
stop_server n
check "--send without a secret is a configuration error" sh -c "TV_DIGEST_SECRET= '$PIPELINE' --paths.state='$WORK/n/state' \
  --paths.templates='$SRC/templates' --digest.subscribers='$WORK/subscribers.csv' digest --week 2026-W47 --send 2>&1 >/dev/null \
  | grep -q 'no digest secret'"

# A: all delivered over STARTTLS with AUTH; the certificate is verified against our CA file.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
printf 'digest\ns3cret\n' > "$WORK/creds" && chmod 600 "$WORK/creds"
copy_state n A
start_server A --starttls-cert "$WORK/cert.pem" --starttls-key "$WORK/key.pem" --auth digest:s3cret
tls_digest() {
  digest A --smtp.url="smtp://localhost:$PORT" --smtp.tls=starttls --smtp.ca_file="$WORK/cert.pem" \
    --smtp.credentials_file="$WORK/creds" --send
}
tls_digest > "$WORK/A1.out" 2>&1
check "A: all delivered exits 0" [ $? -eq 0 ] || cat "$WORK/A1.out" >&2
check "A: every message parses and passes the checks" check_mail A "${READERS[@]}" --expect-count 4 \
  --subject-contains "Llama 4 Compact vs SmolLM3" --html-out "$WORK/A/digest.html"
check "A: each went over TLS, authenticated" "$PY" -c '
import glob, json, sys
meta = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/*.json") if not f.endswith("connections.json")]
assert len(meta) == 4 and all(m["tls"] and m["auth_user"] == "digest" for m in meta), meta' "$WORK/A/srv/mail"
check "A: one connection for all four" "$PY" -c '
import json, sys; assert json.load(open(sys.argv[1]))["connections"] == 1' "$WORK/A/srv/mail/connections.json"
check "A: the ledger says sent to all four" [ "$(ledger A)" = "sent=4 failed=0 uncertain=0 queued=0 skipped=0 sending=0" ]
check "A: the hostile name made no header" "$PY" - "$WORK/A/srv/mail" <<'PY'
import email, email.policy, glob, sys
for f in glob.glob(sys.argv[1] + "/*.eml"):
    m = email.message_from_bytes(open(f, "rb").read(), policy=email.policy.default)
    assert m["Bcc"] is None and len(m.get_all("To")) == 1, f
    if "dave@" in str(m["To"]):
        assert m["To"].addresses[0].addr_spec == "dave@example.com", m["To"]
        assert "Mallory" in m["To"].addresses[0].display_name
PY
check "A: unsubscribe tokens differ per reader" "$PY" -c '
import json, sys; t = json.load(open(sys.argv[1]))["unsubscribe_tokens"]; assert len(set(t.values())) == 4, t' "$WORK/A/check.json"
tls_digest > "$WORK/A2.out" 2>&1
check "A: a second --send exits 0" [ $? -eq 0 ]
check "A: and mails nobody" [ "$(received A)" -eq 4 ]
check "A: it says so" grep -q 'settled by an earlier send: 4' "$WORK/A2.out"
if [ -s "$WORK/A/digest.html" ]; then
  mkdir -p "$WORK/A/html" && cp "$WORK/A/digest.html" "$WORK/A/html/index.html"
  check "A: the HTML part renders in Chromium (screenshot kept)" \
    bash "$SRC/tests/site/screenshot.sh" "$WORK/A/html" index.html "$ARTIFACTS/digest.png" 640 --full
fi
stop_server A

# S: smtps://, TLS from the first byte, verified against our CA file; then the same server
# with no CA file: the self-signed certificate is not trusted, the send stops, nobody mailed.
copy_state n S
start_server S --smtps-cert "$WORK/cert.pem" --smtps-key "$WORK/key.pem"
digest S --smtp.url="smtps://localhost:$PORT" --smtp.ca_file="$WORK/cert.pem" --send > "$WORK/S1.out" 2>&1
check "S: smtps delivers to everyone" [ $? -eq 0 ] || cat "$WORK/S1.out" >&2
check "S: the messages pass the checks" check_mail S "${READERS[@]}" --expect-count 4
check "S: over TLS" "$PY" -c '
import glob, json, sys
meta = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/0*.json")]
assert meta and all(m["tls"] for m in meta), meta' "$WORK/S/srv/mail"
copy_state n S2
digest S2 --smtp.url="smtps://localhost:$PORT" --send > "$WORK/S2.out" 2>&1
check "S: an untrusted certificate stops the send (exit 70)" [ $? -eq 70 ]
check "S: and says why" grep -qi 'certificate' "$WORK/S2.out"
check "S: nobody marked sent" [ "$(ledger S2)" = "sent=0 failed=0 uncertain=0 queued=4 skipped=0 sending=0" ]
check "S: nothing more received" [ "$(received S)" -eq 4 ]
stop_server S

# T: smtp.tls=starttls against a server that does not offer it: stop, nobody marked sent.
copy_state n T
start_server T
digest T --smtp.tls=starttls --send > "$WORK/T.out" 2>&1
check "T: STARTTLS missing stops the send (exit 70)" [ $? -eq 70 ]
check "T: the message says the send stopped" grep -q 'the send stopped' "$WORK/T.out"
check "T: nothing went over plain text" [ "$(received T)" -eq 0 ]
check "T: nobody marked sent" [ "$(ledger T)" = "sent=0 failed=0 uncertain=0 queued=4 skipped=0 sending=0" ]
stop_server T

# B: bob refused with 550, the others delivered; the ledger says so; a rerun mails nobody.
copy_state n B
start_server B --refuse bob@example.org
digest B --send > "$WORK/B1.out" 2>&1
check "B: exits 10 (some readers not mailed)" [ $? -eq 10 ]
check "B: the refusal is reported with the address" grep -q 'bob@example.org: .*550' "$WORK/B1.out"
check "B: the others got it" check_mail B --expect ann@example.com --expect carol@example.net --expect dave@example.com
check "B: the ledger is right" [ "$(ledger B)" = "sent=3 failed=1 uncertain=0 queued=0 skipped=0 sending=0" ]
digest B --send > "$WORK/B2.out" 2>&1
check "B: a rerun exits 0 and mails nobody" [ $? -eq 0 -a "$(received B)" -eq 3 ]
stop_server B

# C: the server is down: a clear error, nobody marked sent. Once it is up, everyone once.
copy_state n C
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
digest C --send > "$WORK/C1.out" 2>&1
check "C: server down exits 70" [ $? -eq 70 ]
check "C: the error says why" grep -q 'connection failures in a row' "$WORK/C1.out"
check "C: nobody marked sent" [ "$(ledger C)" = "sent=0 failed=0 uncertain=0 queued=4 skipped=0 sending=0" ]
start_server C
digest C --send > "$WORK/C2.out" 2>&1
check "C: once up, the send exits 0" [ $? -eq 0 ]
check "C: everyone got it once" check_mail C "${READERS[@]}" --expect-count 4
digest C --send > /dev/null 2>&1
check "C: a rerun mails nobody" [ "$(received C)" -eq 4 ]
stop_server C

# D: the connection dies after carol's final dot, before the reply: uncertain, never re-sent.
copy_state n D
start_server D --drop-after-data carol@example.net --drop-once
digest D --send > "$WORK/D1.out" 2>&1
check "D: exits 10" [ $? -eq 10 ]
check "D: carol is uncertain in the ledger" [ "$(ledger D)" = "sent=3 failed=0 uncertain=1 queued=0 skipped=0 sending=0" ]
check "D: the run says uncertain messages are not re-sent" grep -q 'never re-sent automatically' "$WORK/D1.out"
tv D status > "$WORK/D.status"
check "D: status lists the uncertain message" grep -q '2026-W47 carol@example.net <2026-W47\.' "$WORK/D.status"
digest D --send > "$WORK/D2.out" 2>&1
check "D: a rerun exits 0" [ $? -eq 0 ]
check "D: and does not mail carol again (the server would accept it now)" \
  check_mail D --expect ann@example.com --expect bob@example.org --expect dave@example.com
check "D: carol's one message is the dropped one" "$PY" -c '
import json, sys; d = json.load(open(sys.argv[1])); assert d["dropped"] == 1 and d["messages"] == 3, d' "$WORK/D/check.json"
mkdir -p "$WORK/D/inbox"
tv D --run.date=2026-11-24 run > /dev/null 2>&1
check "D: the editor's report counts the uncertain one" "$PY" -c '
import re, sys
page = open(sys.argv[1]).read()
assert re.search(r"<tr><td>2026-W47</td><td>3</td><td>0</td><td>1</td>", page), "no digest row"
assert "carol@" not in page, "an address reached a public page"' "$WORK/D/outbox/site/report/index.html"
# The editor checks the mail log, finds it never arrived, and asks for it again.
digest D --send --resend=bob@example.org > "$WORK/D3.out" 2>&1
check "D: --resend of a reader who was mailed is refused (exit 64)" [ $? -eq 64 ]
check "D: and says why" grep -q 'only an uncertain message is sent again' "$WORK/D3.out"
digest D --send --resend=Carol@Example.NET > "$WORK/D4.out" 2>&1
check "D: --resend of the uncertain reader mails her (exit 0)" [ $? -eq 0 ]
check "D: once more, on the editor's word" check_mail D "${READERS[@]}" --allow-redelivery --expect-count 4
check "D: the ledger now says sent to all four" [ "$(ledger D)" = "sent=4 failed=0 uncertain=0 queued=0 skipped=0 sending=0" ]
stop_server D

# E: 451 to dave once: retried after the delay, delivered once.
copy_state n E
start_server E --tempfail-once dave@example.com
digest E --send > "$WORK/E.out" 2>&1
check "E: exits 0" [ $? -eq 0 ]
check "E: everyone once, dave after a retry" check_mail E "${READERS[@]}" --expect-count 4
check "E: the server saw dave's first RCPT refused" grep -qi 'dave@example.com.*451' "$WORK/E/srv/log"

# F: SIGKILL mid-send to 60 readers, then a rerun: each reader at most once, and every reader
# either received it or is listed as uncertain.
copy_state n F
{ echo "email,name,status"; for i in $(seq -w 1 60); do echo "r$i@example.com,Reader $i,subscribed"; done; } \
  > "$WORK/F.csv"
start_server F --stall-after 20
# exec: the background job is the pipeline itself, so the SIGKILL reaches it. The server answers
# 20 messages and leaves the 21st unanswered: the kill lands mid-send on that event, not on a clock.
(exec "$PIPELINE" --paths.state="$WORK/F/state" --paths.outbox="$WORK/F/outbox" --paths.templates="$SRC/templates" \
  --run.date=2026-11-23 --digest.subscribers="$WORK/F.csv" --smtp.url="smtp://127.0.0.1:$PORT" --smtp.tls=none \
  digest --week 2026-W47 --send > "$WORK/F1.out" 2>&1) &
KPID=$!
wait_for_file "$WORK/F/srv/mail/stalled" "$KPID"
kill -KILL "$KPID" 2>/dev/null
wait "$KPID" 2>/dev/null
first=$(received F)
check "F: the kill came mid-send ($first of 60 received)" [ "$first" -eq 20 ]
check "F: status says the send was interrupted" sh -c "'$PIPELINE' --paths.state='$WORK/F/state' --paths.inbox='$WORK/F/inbox' \
  status | grep -q 'a send of this week was interrupted'"
tv F --run.date=2026-11-23 --digest.subscribers="$WORK/F.csv" --smtp.url="smtp://127.0.0.1:$PORT" --smtp.tls=none \
  --smtp.rate_per_second=0 digest --week 2026-W47 --send > "$WORK/F2.out" 2>&1
check "F: the rerun finishes (exit 0 or 10)" [ $? -eq 0 -o $? -eq 10 ]
check "F: nobody got it twice" check_mail F
check "F: every reader received it or is uncertain" "$PY" - "$WORK/F/check.json" <<PY
import json, subprocess
got = set(json.load(open("$WORK/F/check.json"))["recipients"])
status = json.loads(subprocess.run(["$PIPELINE", "--paths.state=$WORK/F/state", "--paths.inbox=$WORK/F/inbox",
                                    "status", "--json"], capture_output=True, text=True).stdout)
uncertain = {u["email"] for u in status["digest_uncertain"]}
everyone = {f"r{i:02d}@example.com" for i in range(1, 61)}
assert got | uncertain == everyone, sorted(everyone - got - uncertain)
assert not (got & uncertain) or all(u in got for u in uncertain)  # an uncertain one may have arrived
PY
stop_server F

finish
