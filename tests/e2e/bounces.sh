#!/usr/bin/env bash
# What comes back to the digest, end to end (docs/bounces.md): a private Postfix instance on
# loopback (Debian's postfix, its own config, queue and data directories under $WORK, its own
# port, no network beyond 127.0.0.1) takes the digest, delivers one reader's copy and bounces
# the other's with a DSN it writes itself, into a Maildir that `pipeline bounces` reads.
#   P  two nights of the sample inbox; alive@bounces.test is delivered (virtual Maildir),
#      nobody-here@localhost.localdomain is accepted at RCPT and then refused by local
#      delivery ("unknown user", 5.1.1): Postfix's own DSN comes back to bounces+TOKEN@; read,
#      the reader is bounced; the delivered copy suppresses nobody; every message read is in
#      cur/ (":2,S"), none deleted; a second read changes nothing; next week's dry run leaves
#      the bounced reader out.
#   M  a second Maildir, filled by hand: a real DSN from the open mail corpus
#      (tests/unit/fixtures/bounces/report_530.eml), an ARF complaint, a mailed unsubscribe
#      with the reader's real token, a complaint with a forged token, three soft bounces for
#      one reader on one day, and a message that is none of these (left in new/, named by
#      `pipeline status`).
# Needs root (Postfix's master starts as root) and postfix; without them it fails, or skips
# (77) when TV_ALLOW_SKIP=1. Waits are bounded polls on events (the port's banner, files in
# the Maildir), never fixed sleeps.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib_digest.sh"

skip_or_fail() {
  if [ "${TV_ALLOW_SKIP:-}" = 1 ]; then echo "SKIP: $* (TV_ALLOW_SKIP=1)"; exit 77; fi
  echo "FAIL: $* (set TV_ALLOW_SKIP=1 to skip)" >&2
  exit 1
}
[ "$(id -u)" -eq 0 ] || skip_or_fail "a private Postfix must be started as root"
POSTFIX=$(command -v postfix || echo /usr/sbin/postfix)  # root's PATH has /usr/sbin
if [ ! -x "$POSTFIX" ] || [ ! -x /usr/lib/postfix/sbin/master ]; then
  skip_or_fail "postfix is not installed (apt-get install postfix)"
fi

# The instance: everything under $WORK/pf. The virtual delivery agent writes the Maildir as
# `nobody`, so $WORK must be traversable by it.
PF=$WORK/pf
PFC=$PF/etc
MD=$PF/vmail/mail           # the one Maildir of every address @bounces.test
VUID=$(id -u nobody) VGID=$(id -g nobody)
chmod 711 "$WORK"
mkdir -p "$PFC" "$PF/queue" "$PF/data" "$PF/vmail"
chown postfix "$PF/data"
chown "$VUID:$VGID" "$PF/vmail"

pf_stop() {  # stops our instance (by its master's pid), bounded; never another Postfix
  local pid
  pid=$(tr -dc 0-9 < "$PF/queue/pid/master.pid" 2>/dev/null)
  [ -n "$pid" ] || return 0
  "$POSTFIX" -c "$PFC" stop >/dev/null 2>&1
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null
}
trap 'pf_stop; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; [ -n "${TV_E2E_KEEP:-}" ] || rm -rf "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PFPORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cat > "$PFC/main.cf" <<CF
# Written by tests/e2e/bounces.sh: a throw-away Postfix on 127.0.0.1:$PFPORT.
compatibility_level = 3.6
queue_directory = $PF/queue
data_directory = $PF/data
meta_directory = /etc/postfix
daemon_directory = /usr/lib/postfix/sbin
command_directory = /usr/sbin
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
syslog_name = postfix-tv-e2e
maillog_file_prefixes = $PF
maillog_file = $PF/maillog
myhostname = mx.bounces.test
mydomain = bounces.test
myorigin = \$myhostname
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
# Local delivery: any recipient is accepted at RCPT (no local_recipient_maps), so one that
# does not exist fails after acceptance and Postfix writes the DSN itself.
mydestination = localhost, localhost.localdomain
local_recipient_maps =
alias_maps =
alias_database =
# Every address of bounces.test goes to one Maildir (the trailing slash means Maildir).
virtual_mailbox_domains = bounces.test
virtual_mailbox_base = $PF/vmail
virtual_mailbox_maps = static:mail/
virtual_uid_maps = static:$VUID
virtual_gid_maps = static:$VGID
recipient_delimiter = +
# Nothing leaves the machine.
relayhost =
relay_domains =
default_transport = error
relay_transport = error
smtputf8_enable = no
biff = no
CF
cat > "$PFC/master.cf" <<CF
127.0.0.1:$PFPORT inet n - n - - smtpd
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
local     unix  - n n - - local
virtual   unix  - n n - - virtual
anvil     unix  - - n - 1 anvil
postlog   unix-dgram n - n - 1 postlogd
CF
# `start` runs `postfix check` first, which creates the queue's folders with their owners.
"$POSTFIX" -c "$PFC" start > "$PF/start.log" 2>&1 ||
  { cat "$PF/start.log" "$PF/maillog" >&2 2>/dev/null; echo "FAIL: the private Postfix did not start" >&2; exit 1; }
# Ready when its smtpd answers 220 on our port.
pf_ready() {
  "$PY" - "$PFPORT" <<'PY'
import socket, sys
try:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
    ok = s.recv(512).startswith(b"220")
    s.sendall(b"QUIT\r\n")
    s.close()
except OSError:
    ok = False
sys.exit(0 if ok else 1)
PY
}
for _ in $(seq 100); do pf_ready && break; sleep 0.1; done
pf_ready || { cat "$PF/maillog" >&2; echo "FAIL: the private Postfix does not answer on 127.0.0.1:$PFPORT" >&2; exit 1; }
check "P: Postfix runs from our config" grep -q "daemon started -- version .*, configuration $PFC" "$PF/maillog"

# The digest's addresses, given to every command that sends or reads what comes back.
MAILSET=(--smtp.from=digest@bounces.test --smtp.bounce_address=bounces@bounces.test
  --digest.unsubscribe_mailto=unsubscribe@bounces.test)
LIST_ID=weekly.tool-verdicts.example
# token STATE EMAIL: the reader's VERP token as stages/digest/token.cpp makes it, from the id
# the store gave the reader.
token() {
  "$PY" - "$WORK/$1/state/pipeline.db" "$TV_DIGEST_SECRET" "$LIST_ID" "$2" <<'PY'
import hashlib, hmac, sqlite3, sys
db, secret, list_id, key = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].lower()
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
(rid,) = con.execute("SELECT id FROM readers WHERE key = ?", (key,)).fetchone()
print(f"{rid}-" + hmac.new(secret.encode(), f"bounce\n{list_id}\n{rid}".encode(), hashlib.sha256).hexdigest()[:10])
PY
}
# reader STATE EMAIL STATUS [HOW [DETAIL]]: the reader's status, and its last change's how and
# a piece of its detail, as `subscribers list --json` gives them.
reader() {
  tv "$1" subscribers list --json | "$PY" -c '
import json, sys
email, status = sys.argv[1].lower(), sys.argv[2]
how = sys.argv[3] if len(sys.argv) > 3 else ""
detail = sys.argv[4] if len(sys.argv) > 4 else ""
r = {x["key"]: x for x in json.load(sys.stdin)}.get(email)
assert r, f"no reader {email}"
last = r["history"][-1]
assert r["status"] == status, (r["status"], r["history"])
assert not how or last["how"] == how, last
assert detail in last["detail"], last' "$2" "$3" "${4:-}" "${5:-}"
}
score() {  # score STATE EMAIL: the reader's bounce score
  tv "$1" subscribers list --json | "$PY" -c '
import json, sys; print(int({x["key"]: x for x in json.load(sys.stdin)}[sys.argv[1]]["bounce_score"]))' "$2"
}
maildir_files() { (cd "$1" && find new cur -type f | sort); }

# ---------------------------------------------------------------------------------------------
# P: the digest through Postfix, Postfix's own DSN back.
seed_inbox "$SRC/inbox" "$WORK/b/inbox"
tv b --run.date=2026-11-18 run > "$WORK/n1.out" 2>&1
tv b --run.date=2026-11-23 run > "$WORK/n2.out" 2>&1
check "P: Monday's run writes the digest of 2026-W47" grep -q "^Digest 2026-W47: " "$WORK/n2.out"
copy_state b m  # case M starts from the same two nights, without these readers

ALIVE=alive@bounces.test
GONE=nobody-here@localhost.localdomain
printf 'email,name,status\n%s,Alive Reader,subscribed\n%s,Nobody Here,subscribed\n' "$ALIVE" "$GONE" \
  > "$WORK/subscribers.csv"
tv b subscribers import "$WORK/subscribers.csv" > "$WORK/import.out" 2>&1
check "P: both readers imported" grep -q "^Imported .*: 2 new" "$WORK/import.out" || cat "$WORK/import.out" >&2

PORT=$PFPORT  # lib_digest.sh's digest() sends to it
digest b "${MAILSET[@]}" --send > "$WORK/send.out" 2>&1
check "P: Postfix takes both messages (exit 0)" [ $? -eq 0 ] || cat "$WORK/send.out" >&2
check "P: the ledger says sent to both" [ "$(ledger b)" = "sent=2 failed=0 uncertain=0 queued=0 skipped=0 sending=0" ]

# Postfix delivers alive's copy and returns a DSN for the other, both into the Maildir.
dsn_file() { grep -l -i '^Content-Type: multipart/report' "$MD"/new/* 2>/dev/null | head -n 1; }
copy_file() { grep -l -i "^Delivered-To: $ALIVE" "$MD"/new/* 2>/dev/null | head -n 1; }
for _ in $(seq 200); do [ -n "$(dsn_file)" ] && [ -n "$(copy_file)" ] && break; sleep 0.1; done
DSN=$(dsn_file)
COPY=$(copy_file)
check "P: Postfix bounced the unknown user itself (dsn=5.1.1 in its log)" \
  grep -q "to=<$GONE>, relay=local, .*dsn=5\.1\.1, status=bounced (unknown user" "$PF/maillog"
check "P: the DSN arrived in the Maildir's new/" [ -n "$DSN" ] || { tail -n 30 "$PF/maillog" >&2; }
check "P: alive's copy arrived in the Maildir's new/" [ -n "$COPY" ]
check "P: nothing else arrived" [ "$(ls "$MD/new" | wc -l)" -eq 2 ]
GONE_TOKEN=$(token b "$GONE")
ALIVE_TOKEN=$(token b "$ALIVE")
check "P: the DSN went to bounces+<nobody's token>@ (Delivered-To)" \
  grep -q -i -x "Delivered-To: bounces+$GONE_TOKEN@bounces.test" <(tr -d '\r' < "${DSN:-/dev/null}")
check "P: and X-Original-To says the same" \
  grep -q -i -x "X-Original-To: bounces+$GONE_TOKEN@bounces.test" <(tr -d '\r' < "${DSN:-/dev/null}")
check "P: the DSN is Postfix's, about nobody-here, 5.1.1" "$PY" - "${DSN:-/dev/null}" "$GONE" <<'PY'
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
assert m.get_content_type() == "multipart/report" and m.get_param("report-type") == "delivery-status", m["Content-Type"]
assert m["From"].addresses[0].username.upper() == "MAILER-DAEMON", m["From"]
ds = [p for p in m.walk() if p.get_content_type() == "message/delivery-status"]
assert ds, "no delivery-status part"
text = "\n".join(str(b) for p in ds for b in p.get_payload())
assert f"rfc822;{sys.argv[2]}" in text.replace(" ", "") and "Status: 5.1.1" in text and "Action: failed" in text, text
PY
check "P: alive's copy came with the VERP sender bounces+<alive's token>@" \
  grep -q -i -x "Return-Path: <bounces+$ALIVE_TOKEN@bounces.test>" <(tr -d '\r' < "${COPY:-/dev/null}")

BEFORE=$(maildir_files "$MD")
tv b "${MAILSET[@]}" bounces --maildir "$MD" > "$WORK/b1.out" 2> "$WORK/b1.err"
B1=$?
cat "$WORK/b1.out" "$WORK/b1.err" > "$WORK/b1.all"
AFTER=$(maildir_files "$MD")
check "P: the DSN is read as a hard bounce, for nobody-here" grep -q "1 hard, 0 soft, 0 complaint(s)" "$WORK/b1.out"
check "P: nobody-here is bounced, how=bounce, naming 5.1.1" reader b "$GONE" bounced bounce 5.1.1
check "P: the bounce detail is Postfix's diagnostic" reader b "$GONE" bounced bounce 'unknown user'
check "P: alive stays subscribed" reader b "$ALIVE" subscribed
check "P: one reader suppressed, by this DSN" grep -q "; 1 reader(s) suppressed, 0 unsubscribed; 0 naming no reader" "$WORK/b1.out"
check "P: no file deleted" [ "$(echo "$BEFORE" | wc -l)" -eq "$(echo "$AFTER" | wc -l)" ]
DSN_NAME=$(basename "${DSN:-none}")
COPY_NAME=$(basename "${COPY:-none}")
check "P: the DSN is now in cur/ with the seen flag" [ -f "$MD/cur/$DSN_NAME:2,S" ]
check "P: every file in cur/ has the seen flag" sh -c "! ls '$MD/cur' | grep -v ':2,S\$'"
# alive's delivered copy is not a bounce: read, it suppresses nobody. Either the parser reads
# it as nothing to do (moved to cur/, exit 0), or it is a problem left in new/ (exit 10) which
# `pipeline status` must then name with its reason.
if [ -f "$MD/new/$COPY_NAME" ]; then
  echo "observed: alive's delivered copy is left in new/ as a problem (exit $B1): $(grep -h "$COPY_NAME" "$WORK/b1.all" | head -n 1)"
  check "P: the copy left in new/ makes the exit 10" [ "$B1" -eq 10 ]
  tv b status --json > "$WORK/b.status.json" 2>/dev/null
  check "P: status --json names the copy and why" "$PY" -c '
import json, sys
p = {b["message"]: b["problem"] for b in json.load(open(sys.argv[1]))["bounce_problems"]}
assert sys.argv[2] in p and p[sys.argv[2]], p
print("observed: status says", repr(p[sys.argv[2]]))' "$WORK/b.status.json" "$COPY_NAME"
  tv b status > "$WORK/b.status.txt" 2>&1
  check "P: status (text) names it" grep -q "  $COPY_NAME: " "$WORK/b.status.txt"
else
  echo "observed: alive's delivered copy was read as nothing to do and moved to cur/ (exit $B1)"
  check "P: read, the exit is 0" [ "$B1" -eq 0 ]
  check "P: the copy is in cur/ with the seen flag" [ -f "$MD/cur/$COPY_NAME:2,S" ]
fi

# A second read: nothing new, nothing changes.
tv b subscribers list --json > "$WORK/readers1.json"
tv b "${MAILSET[@]}" bounces --maildir "$MD" > "$WORK/b2.out" 2>&1
B2=$?
tv b subscribers list --json > "$WORK/readers2.json"
check "P: a second read exits as the first ($B1)" [ "$B2" -eq "$B1" ]
check "P: and finds no bounce, complaint or request" \
  grep -q "0 hard, 0 soft, 0 complaint(s), 0 unsubscribe request(s); 0 reader(s) suppressed, 0 unsubscribed" "$WORK/b2.out"
check "P: the readers did not change" cmp -s "$WORK/readers1.json" "$WORK/readers2.json"
check "P: the Maildir did not change" [ "$(maildir_files "$MD")" = "$AFTER" ]
echo "observed: second read: $(grep '^Bounces:' "$WORK/b2.out")"

# Next week: the bounced reader is left out, even with the subscribers file imported again.
tv b "${MAILSET[@]}" --run.date=2026-11-30 --digest.subscribers="$WORK/subscribers.csv" \
  digest --week 2026-W48 --dry-run > "$WORK/w48.out" 2>&1
check "P: next week's dry run mails one reader" grep -q "1 reader(s) would be mailed" "$WORK/w48.out" || cat "$WORK/w48.out" >&2
check "P: alive is listed" grep -q "<$ALIVE>" "$WORK/w48.out"
check "P: nobody-here is not" sh -c "! grep -q 'nobody-here' '$WORK/w48.out'"
check "P: and stays bounced" reader b "$GONE" bounced bounce

# ---------------------------------------------------------------------------------------------
# M: a second Maildir of hand-placed messages, on its own copy of the two nights.
EDWIN=edwin@zzzzzzz.com  # the recipient of report_530.eml
COMPLAINER=complainer@bounces.test
LEAVER=leaver@bounces.test
SOFT=soft@bounces.test
BYSTANDER=bystander@bounces.test
{
  echo "email,name,status"
  for e in "$EDWIN" "$COMPLAINER" "$LEAVER" "$SOFT" "$BYSTANDER"; do echo "$e,,subscribed"; done
} > "$WORK/m.csv"
tv m subscribers import "$WORK/m.csv" > /dev/null 2>&1
check "M: five readers" [ "$(tv m subscribers list --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" -eq 5 ]
M=$WORK/m/maildir
mkdir -p "$M/new" "$M/cur" "$M/tmp"
T_COMPLAINER=$(token m "$COMPLAINER")
T_LEAVER=$(token m "$LEAVER")
T_SOFT=$(token m "$SOFT")
T_FORGED=$(token m "$BYSTANDER" | sed 's/-.*/-0123456789/')

# 1. A real DSN (sendmail, 5.3.0, no VERP token): the reader is found by the address it reports.
cp "$SRC/tests/unit/fixtures/bounces/report_530.eml" "$M/new/1796400001.M1P1.corpus-530"
# 2. An ARF abuse report (RFC 5965's layout) from a feedback loop that redacts the recipient:
#    only the token in Original-Mail-From names the reader.
cat > "$M/new/1796400002.M2P1.arf" <<EOF
Return-Path: <fbl@isp.example.net>
Delivered-To: bounces@bounces.test
From: Feedback Loop <fbl@isp.example.net>
To: bounces@bounces.test
Subject: FW: Weekly AI Tool Verdicts, 2026-W47
Date: Mon, 23 Nov 2026 12:00:00 +0000
Message-ID: <fbl-1@isp.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="arf-b"

--arf-b
Content-Type: text/plain; charset=us-ascii

This is an email abuse report for an email message received from IP 127.0.0.1.

--arf-b
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: SomeGenerator/1.0
Version: 1
Original-Mail-From: <bounces+$T_COMPLAINER@bounces.test>
Original-Rcpt-To: <redacted@isp.example.net>
Arrival-Date: Mon, 23 Nov 2026 11:00:00 +0000
Source-IP: 127.0.0.1

--arf-b
Content-Type: text/rfc822-headers

Return-Path: <bounces+$T_COMPLAINER@bounces.test>
From: Weekly AI Tool Verdicts <digest@bounces.test>
To: redacted@isp.example.net
Subject: Weekly AI Tool Verdicts, 2026-W47
Message-ID: <2026-W47.complainer@bounces.test>

--arf-b--
EOF
# 3. The List-Unsubscribe mailto, as a mail client sends it, from another address of the
#    reader's: only the Subject's token names the reader.
cat > "$M/new/1796400003.M3P1.mailto" <<EOF
Return-Path: <lee.private@elsewhere.example>
Delivered-To: unsubscribe@bounces.test
From: Lee Leaver <lee.private@elsewhere.example>
To: unsubscribe@bounces.test
Subject: unsubscribe $T_LEAVER
Date: Mon, 23 Nov 2026 13:00:00 +0000
Message-ID: <leave-1@bounces.test>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Please take me off the list.
EOF
# 4. A complaint whose token names the bystander with a forged HMAC, about an address we do
#    not know: it must suppress nobody.
sed -e "s/$T_COMPLAINER/$T_FORGED/g" -e "s/redacted@isp.example.net/stranger@elsewhere.example/g" \
  -e 's/fbl-1@/fbl-2@/' -e 's/2026-W47.complainer@/2026-W47.stranger@/' \
  "$M/new/1796400002.M2P1.arf" > "$M/new/1796400004.M4P1.forged"
# 5-7. Three soft bounces (4.x.x) for one reader, on one day.
soft_dsn() {  # soft_dsn N ACTION STATUS DIAGNOSTIC
  cat > "$M/new/179640001$1.M1$1P1.soft" <<EOF
Return-Path: <>
Delivered-To: bounces+$T_SOFT@bounces.test
From: Mail Delivery System <MAILER-DAEMON@mx.isp.example.net>
To: bounces+$T_SOFT@bounces.test
Subject: Delayed Mail (still being retried)
Auto-Submitted: auto-replied
Date: Mon, 23 Nov 2026 1$1:00:00 +0000
Message-ID: <soft-$1@mx.isp.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="soft-$1"

--soft-$1
Content-Type: text/plain; charset=us-ascii

Your message could not be delivered yet. It will be retried.

--soft-$1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.isp.example.net
X-Postfix-Sender: rfc822; bounces+$T_SOFT@bounces.test

Final-Recipient: rfc822; $SOFT
Original-Recipient: rfc822;$SOFT
Action: $2
Status: $3
Diagnostic-Code: smtp; $4

--soft-$1--
EOF
}
soft_dsn 1 delayed 4.4.1 "421 4.4.1 connection timed out"
soft_dsn 2 failed 4.2.2 "452 4.2.2 mailbox full"
soft_dsn 3 delayed 4.7.1 "450 4.7.1 greylisted, try again later"
# 8. A person writing to the bounce address: none of the above.
GARBAGE=1796400099.M99P1.garbage
cat > "$M/new/$GARBAGE" <<'EOF'
From: Someone <someone@elsewhere.example>
To: bounces@bounces.test
Subject: hello?
Date: Mon, 23 Nov 2026 14:00:00 +0000
Message-ID: <hello@elsewhere.example>

Is anybody reading this address?
EOF
M_BEFORE=$(maildir_files "$M")

tv m "${MAILSET[@]}" bounces --maildir "$M" > "$WORK/m1.out" 2> "$WORK/m1.err"
MB=$?
check "M: one message left unread makes the exit 10" [ "$MB" -eq 10 ] || cat "$WORK/m1.out" "$WORK/m1.err" >&2
check "M: the summary counts them" \
  grep -q "8 message(s) read from .*: 1 hard, 3 soft, 2 complaint(s), 1 unsubscribe request(s); 2 reader(s) suppressed, 1 unsubscribed; 1 naming no reader; 1 left in new/" \
  "$WORK/m1.out"
check "M: the corpus DSN bounces its recipient (5.3.0)" reader m "$EDWIN" bounced bounce 5.3.0
check "M: the ARF complaint suppresses (complained)" reader m "$COMPLAINER" complained complaint 'complaint: abuse'
check "M: the mailed unsubscribe unsubscribes (how=mailto)" reader m "$LEAVER" unsubscribed mailto "unsubscribe $T_LEAVER"
check "M: the forged token suppresses nobody" reader m "$BYSTANDER" subscribed import
check "M: three soft bounces on one day leave the reader subscribed" reader m "$SOFT" subscribed import
check "M: and count once (score 1)" [ "$(score m "$SOFT")" = 1 ]
check "M: the garbage stays in new/" [ -f "$M/new/$GARBAGE" ]
check "M: everything else is in cur/ with the seen flag" \
  [ "$(ls "$M/new" | wc -l)" -eq 1 -a "$(ls "$M/cur" | grep -c ':2,S$')" -eq 7 ]
check "M: no file deleted" [ "$(maildir_files "$M" | wc -l)" -eq "$(echo "$M_BEFORE" | wc -l)" ]
tv m status --json > "$WORK/m.status.json" 2> "$WORK/m.status.err"
check "M: status --json names the garbage and why" "$PY" -c '
import json, sys
p = {b["message"]: b["problem"] for b in json.load(open(sys.argv[1])).get("bounce_problems", [])}
assert sys.argv[2] in p, f"status --json has no bounce_problems entry for {sys.argv[2]}: {p}"
assert "not a bounce" in p[sys.argv[2]], p' "$WORK/m.status.json" "$GARBAGE"
tv m status > "$WORK/m.status.txt" 2>&1
check "M: status (text) names it" grep -q "  $GARBAGE: not a bounce" "$WORK/m.status.txt"
# The same soft bounces again (new names, the same day): still once.
for f in "$M"/cur/*.soft:2,S; do b=$(basename "$f" ":2,S"); cp "$f" "$M/new/${b%.soft}.again"; done
tv m "${MAILSET[@]}" bounces --maildir "$M" > "$WORK/m2.out" 2>&1
check "M: three more the same day are read as soft bounces" grep -q " 0 hard, 3 soft, " "$WORK/m2.out"
check "M: and the score stays 1" [ "$(score m "$SOFT")" = 1 ]
check "M: the reader stays subscribed" reader m "$SOFT" subscribed import

finish
