#!/usr/bin/env bash
# The digest's DKIM signature (smtp.dkim_key_file, libopendkim) checked by a verifier written
# apart from the signer: dkimpy (Debian's python3-dkim, tests/digest/dkim_verify.py), the
# public key from a file instead of DNS. Two nights of the sample inbox make week 2026-W47;
# then, each case on its own copy of the state, against a real SMTP server on loopback
# (aiosmtpd, as in tests/e2e/digest.sh):
#   K  a fresh RSA 2048 key: every received message verifies, the signature names our domain
#      and selector and covers List-Unsubscribe and List-Unsubscribe-Post (RFC 8058);
#      List-Unsubscribe altered in a copy fails; the right record under another key fails
#   G  a key file that is garbage, or missing: the send exits 78 naming smtp.dkim_key_file and
#      mails nobody
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib_digest.sh"
"$PY" -c 'import dkim' 2>/dev/null || { echo "SKIP: python3-dkim is not installed (make test installs it)"; exit 77; }
VERIFY=$SRC/tests/digest/dkim_verify.py
DOMAIN=tool-verdicts.example
SELECTOR=e2e
DKIM=(--smtp.dkim_selector=$SELECTOR --smtp.dkim_domain=$DOMAIN)

cat > "$WORK/subscribers.csv" <<'CSV'
email,name,status
ann@example.com,Ann Ünïcode,subscribed
bob@example.org,Bob,subscribed
carol@example.net,Carol,subscribed
CSV
seed_inbox "$SRC/inbox" "$WORK/n/inbox"
tv n --run.date=2026-11-18 run > "$WORK/n1.out" 2>&1
tv n --run.date=2026-11-23 run > "$WORK/n2.out" 2>&1
check "the two nights make the digest of 2026-W47" grep -q "^Digest 2026-W47: " "$WORK/n2.out"

# The key, and its record as it would be published: p= is the DER public key in base64.
openssl genrsa -out "$WORK/dkim.pem" 2048 2>/dev/null && chmod 600 "$WORK/dkim.pem"
check "openssl made the key" [ -s "$WORK/dkim.pem" ]
record() {  # record KEY.pem: the TXT line for our selector
  echo "$SELECTOR._domainkey.$DOMAIN v=DKIM1; k=rsa; p=$(openssl rsa -in "$1" -pubout -outform DER 2>/dev/null | base64 -w0)"
}
record "$WORK/dkim.pem" > "$WORK/dns.txt"

# K: signed with the key; every message verifies.
copy_state n K
start_server K
digest K --smtp.dkim_key_file="$WORK/dkim.pem" "${DKIM[@]}" --send > "$WORK/K.out" 2>&1
check "K: the signed send exits 0" [ $? -eq 0 ] || cat "$WORK/K.out" >&2
check "K: all three received" [ "$(received K)" -eq 3 ]
MESSAGES=("$WORK"/K/srv/mail/*.eml)
"$PY" "$VERIFY" --dns-file "$WORK/dns.txt" --require-header List-Unsubscribe --require-header List-Unsubscribe-Post \
  "${MESSAGES[@]}" > "$WORK/K.verify" 2>&1
check "K: dkimpy verifies every message, List-Unsubscribe(-Post) signed" [ $? -eq 0 ] || cat "$WORK/K.verify" >&2
check "K: one ok line per message" [ "$(grep -c '^ok ' "$WORK/K.verify")" -eq 3 ]
check "K: the signature is the first header, d=$DOMAIN, s=$SELECTOR, rsa-sha256" "$PY" - "${MESSAGES[@]}" <<'PY'
import sys
import dkim, dkim.util
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    assert raw.lower().startswith(b"dkim-signature:"), path
    headers, _ = dkim.rfc822_parse(raw)
    sigs = [v for n, v in headers if n.lower() == b"dkim-signature"]
    assert len(sigs) == 1, (path, len(sigs))
    tags = dkim.util.parse_tag_value(sigs[0])
    assert tags[b"d"] == b"tool-verdicts.example" and tags[b"s"] == b"e2e" and tags[b"a"] == b"rsa-sha256", tags
    h = [x.strip().lower() for x in tags[b"h"].split(b":")]
    for name in (b"from", b"to", b"subject", b"date", b"message-id", b"list-unsubscribe", b"list-unsubscribe-post"):
        assert name in h, (path, name, h)
PY
check "K: the signed messages pass the mail checks" "$PY" "$CHECK" --maildir "$WORK/K/srv/mail" \
  --base-url "$BASE" --from "$FROM" --list-id "$LIST" --expect ann@example.com --expect bob@example.org \
  --expect carol@example.net --expect-count 3 > "$WORK/K/check.json"

# List-Unsubscribe altered in a copy (a link of somebody else's put first): it fails.
mkdir -p "$WORK/K/tampered"
cp "${MESSAGES[0]}" "$WORK/K/tampered/lu.eml"
sed -i '0,/^List-Unsubscribe:/s/^List-Unsubscribe:/List-Unsubscribe: <https:\/\/evil.example\/u>,/' \
  "$WORK/K/tampered/lu.eml"
check "K: the copy differs only in List-Unsubscribe" sh -c "diff '${MESSAGES[0]}' '$WORK/K/tampered/lu.eml' | grep '^[<>]' | grep -vc '^[<>] List-Unsubscribe:' | grep -qx 0"
"$PY" "$VERIFY" --dns-file "$WORK/dns.txt" "$WORK/K/tampered/lu.eml" > "$WORK/K.tampered" 2>&1
check "K: an altered List-Unsubscribe fails (exit 1)" [ $? -eq 1 ]
check "K: and says FAIL" grep -q "^FAIL $WORK/K/tampered/lu.eml: " "$WORK/K.tampered"
# The record of another key under our selector: no message verifies.
openssl genrsa -out "$WORK/other.pem" 2048 2>/dev/null
record "$WORK/other.pem" > "$WORK/dns-other.txt"
"$PY" "$VERIFY" --dns-file "$WORK/dns-other.txt" "${MESSAGES[@]}" > "$WORK/K.other" 2>&1
check "K: under another key's record every message fails" [ $? -eq 1 -a "$(grep -c '^FAIL ' "$WORK/K.other")" -eq 3 ]
stop_server K

# G: a key file that is garbage, then one that is not there: exit 78, named, nobody mailed.
copy_state n G
start_server G
head -c 600 /dev/urandom | base64 > "$WORK/garbage.pem"
printf -- '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n' > "$WORK/fake.pem"
for bad in garbage.pem fake.pem missing.pem; do
  digest G --smtp.dkim_key_file="$WORK/$bad" "${DKIM[@]}" --send > "$WORK/G.$bad.out" 2>&1
  check "G: $bad: the send exits 78" [ $? -eq 78 ] || cat "$WORK/G.$bad.out" >&2
  check "G: $bad: the error names smtp.dkim_key_file" grep -q "smtp.dkim_key_file" "$WORK/G.$bad.out"
done
check "G: nobody was mailed" [ "$(received G)" -eq 0 ]
check "G: nobody is in the ledger" [ "$(ledger G)" = "sent=0 failed=0 uncertain=0 queued=0 skipped=0 sending=0" ]
digest G --smtp.dkim_key_file="$WORK/dkim.pem" --send > "$WORK/G.nosel.out" 2>&1
check "G: a key without a selector exits 78" [ $? -eq 78 ]
check "G: and says so" grep -q "smtp.dkim_selector is empty" "$WORK/G.nosel.out"
check "G: still nobody mailed" [ "$(received G)" -eq 0 ]
stop_server G

finish
