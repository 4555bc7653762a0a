// The bounce parser (stages/bounces/report.hpp): real-looking DSNs from Postfix, Exim, Gmail
// and sendmail, RFC 5965's abuse report, requests to leave, auto-replies, plain-text bounces,
// and the hostile shapes (truncation, junk, missing boundaries, deep nesting, injection).
// Fixtures are written with LF line ends and read in both LF and CRLF form. The real bounces
// in tests/unit/fixtures/bounces/ come from the mikel/mail gem (MIT, see SOURCE.md there).
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "stages/bounces/report.hpp"

#ifndef TV_SOURCE_DIR
#define TV_SOURCE_DIR "."  // the brief's stand-alone compile runs from the source tree
#endif

namespace tv::bounces {
// For Boost.Test's messages; inline, so another suite may define the same.
inline std::ostream& operator<<(std::ostream& os, Kind k) { return os << to_string(k); }
}  // namespace tv::bounces

namespace {

using namespace tv::bounces;

const Options kOptions{"bounces@example.org", "unsubscribe@example.org"};

std::string crlf(std::string_view lf) {
  std::string out;
  for (char c : lf) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// Written apart from the parser's own checks, so the contract is tested, not restated.
bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    std::uint32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    const std::uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) return false;  // controls
    i += n;
  }
  return true;
}

bool is_status(std::string_view s) {
  // c.sss.ddd, RFC 3463
  if (s.size() < 5 || (s[0] != '2' && s[0] != '4' && s[0] != '5') || s[1] != '.') return false;
  const auto dot = s.find('.', 2);
  if (dot == std::string_view::npos || dot == 2 || dot > 5 || dot + 1 == s.size() || s.size() - dot - 1 > 3)
    return false;
  for (std::size_t i = 2; i < s.size(); ++i)
    if (i != dot && (s[i] < '0' || s[i] > '9')) return false;
  return true;
}

// What every Reading promises, whatever the input.
void check_contract(const Reading& r) {
  BOOST_TEST(!(r.findings.size() > 0 && !r.problem.empty()));
  BOOST_TEST(r.findings.size() <= kMaxFindings);
  BOOST_TEST(valid_utf8(r.problem));
  for (const auto& f : r.findings) {
    BOOST_TEST(f.detail.size() <= kMaxDetailBytes);
    BOOST_TEST(valid_utf8(f.detail));
    BOOST_TEST(valid_utf8(f.recipient));
    BOOST_TEST((f.recipient.empty() || std::count(f.recipient.begin(), f.recipient.end(), '@') == 1));
    BOOST_TEST(f.recipient.find(' ') == std::string::npos);
    BOOST_TEST((f.token.size() <= 64 && std::all_of(f.token.begin(), f.token.end(), [](char c) {
                  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                         c == '-' || c == '.' || c == '=';
                })));
    BOOST_TEST((f.message_id.empty() || (f.message_id.front() == '<' && f.message_id.back() == '>' &&
                                         f.message_id.find(' ') == std::string::npos && valid_utf8(f.message_id))));
    BOOST_TEST((f.status.empty() || is_status(f.status)));
    if (f.kind == Kind::hard_bounce) BOOST_TEST((f.status.empty() || f.status[0] == '5' || f.status[0] == '2'));
    if (f.kind == Kind::complaint || f.kind == Kind::unsubscribe || f.kind == Kind::other) BOOST_TEST(f.status.empty());
  }
}

Reading read(std::string_view message, const Options& options = kOptions) {
  Reading r = read_message(message, options);
  check_contract(r);
  return r;
}

struct Expected {
  Kind kind;
  std::string recipient, token, message_id, status, detail;
};

void expect(const Finding& f, const Expected& e) {
  BOOST_TEST(f.kind == e.kind);
  BOOST_TEST(f.recipient == e.recipient);
  BOOST_TEST(f.token == e.token);
  BOOST_TEST(f.message_id == e.message_id);
  BOOST_TEST(f.status == e.status);
  BOOST_TEST(f.detail == e.detail);
}

// One finding, as expected, from both the LF and the CRLF form of the message.
void expect_one(std::string_view lf_message, const Expected& e, const Options& options = kOptions) {
  for (const std::string& m : {std::string(lf_message), crlf(lf_message)}) {
    BOOST_TEST_CONTEXT((m.find('\r') == std::string::npos ? "LF" : "CRLF")) {
      const Reading r = read(m, options);
      BOOST_TEST(r.problem == "");
      BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
      expect(r.findings[0], e);
    }
  }
}

void expect_problem(std::string_view lf_message, std::string_view problem, const Options& options = kOptions) {
  for (const std::string& m : {std::string(lf_message), crlf(lf_message)}) {
    BOOST_TEST_CONTEXT((m.find('\r') == std::string::npos ? "LF" : "CRLF")) {
      const Reading r = read(m, options);
      BOOST_TEST(r.findings.empty());
      BOOST_TEST(r.problem == problem);
    }
  }
}

std::string base64(std::string_view bytes, std::size_t line = 76) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t column = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[v & 63] : '=';
    if ((column += 4) >= line) {
      out += '\n';
      column = 0;
    }
  }
  return out;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::filesystem::path corpus_dir() {
  if (const char* env = std::getenv("TV_CORPUS"); env && *env) return env;
  return std::filesystem::path(TV_SOURCE_DIR) / ".." / "shared" / "corpus";
}

// ---- Fixtures

constexpr std::string_view kPostfixToken = "h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm";
constexpr std::string_view kPostfixId = "<2026-W47.3f9c1a2b4d5e6f708192a3b4@example.org>";

// Postfix 3.7 returning a digest to a local user who does not exist, as it lays a bounce
// out (bounce(8) templates, "Undelivered Mail Returned to Sender"), delivered by Postfix
// local(8) to the VERP address.
constexpr std::string_view kPostfix = R"eml(Return-Path: <>
X-Original-To: bounces+h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm@example.org
Delivered-To: bounces+h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm@example.org
Received: by mail.example.org (Postfix)
	id 4C2F11A0B3; Mon, 23 Nov 2026 06:02:11 +0000 (UTC)
Date: Mon, 23 Nov 2026 06:02:11 +0000 (UTC)
From: MAILER-DAEMON@mail.example.org (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: bounces+h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm@example.org
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4C2F11A0B3.1795413731/mail.example.org"
Content-Transfer-Encoding: 8bit
Message-Id: <20261123060211.4C2F11A0B3@mail.example.org>

This is a MIME-encapsulated message.

--4C2F11A0B3.1795413731/mail.example.org
Content-Description: Notification
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

This is the mail system at host mail.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<nobody@localhost>: unknown user: "nobody"

--4C2F11A0B3.1795413731/mail.example.org
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.org
X-Postfix-Queue-ID: 2A7C83C09F
X-Postfix-Sender: rfc822; bounces+h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm@example.org
Arrival-Date: Mon, 23 Nov 2026 06:02:10 +0000 (UTC)

Final-Recipient: rfc822; nobody@localhost
Original-Recipient: rfc822;nobody@localhost
Action: failed
Status: 5.1.1
Diagnostic-Code: X-Postfix; unknown user: "nobody"

--4C2F11A0B3.1795413731/mail.example.org
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers
Content-Transfer-Encoding: 8bit

Return-Path: <bounces+h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm@example.org>
Received: by mail.example.org (Postfix, from userid 998)
	id 2A7C83C09F; Mon, 23 Nov 2026 06:02:10 +0000 (UTC)
Date: Mon, 23 Nov 2026 06:02:10 +0000
Message-ID: <2026-W47.3f9c1a2b4d5e6f708192a3b4@example.org>
From: Weekly AI Tool Verdicts <digest@example.org>
To: nobody@localhost
Subject: Weekly AI Tool Verdicts, 2026-W47: Llama 4 Compact vs SmolLM3 and 5 more
List-Id: Weekly AI Tool Verdicts <weekly.example.org>
List-Unsubscribe: <https://example.org/unsubscribe?email=nobody%40localhost&token=h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm>,
 <mailto:unsubscribe@example.org?subject=unsubscribe%20h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm>
List-Unsubscribe-Post: List-Unsubscribe=One-Click
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="=_tv_3f9c1a2b"

--4C2F11A0B3.1795413731/mail.example.org--
)eml";

const Expected kPostfixFinding{
    Kind::hard_bounce, "nobody@localhost",        std::string(kPostfixToken), std::string(kPostfixId),
    "5.1.1",           "unknown user: \"nobody\""};

// Exim 4.96 after a remote RCPT TO refusal: Status 5.0.0 while the diagnostic says 5.1.1
// (Exim's way), the lower-case "Content-type", the whole message returned, and an envelope
// that names the bounce address without a token: the token is only in the returned copy.
constexpr std::string_view kExim = R"eml(Return-path: <>
Envelope-to: bounces@example.org
Delivery-date: Mon, 23 Nov 2026 06:05:02 +0000
Received: from Debian-exim by mx.example.net with local (Exim 4.96)
	id 1tEy3K-000Abc-2Q
	for bounces@example.org;
	Mon, 23 Nov 2026 06:05:02 +0000
X-Failed-Recipients: gone@example.net
Auto-Submitted: auto-replied
From: Mail Delivery System <Mailer-Daemon@mx.example.net>
To: bounces@example.org
References: <2026-W47.77aa88bb99cc00dd11ee22ff@example.org>
Content-Type: multipart/report; report-type=delivery-status; boundary=1795413902-eximdsn-1804289383
MIME-Version: 1.0
Subject: Mail delivery failed: returning message to sender
Message-Id: <E1tEy3K-000Abc-2Q@mx.example.net>
Date: Mon, 23 Nov 2026 06:05:02 +0000

--1795413902-eximdsn-1804289383
Content-type: text/plain; charset=us-ascii

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  gone@example.net
    host mx1.example.net [192.0.2.25]
    SMTP error from remote mail server after RCPT TO:<gone@example.net>:
    550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown in virtual mailbox table

--1795413902-eximdsn-1804289383
Content-type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Action: failed
Final-Recipient: rfc822;gone@example.net
Status: 5.0.0
Remote-MTA: dns; mx1.example.net
Diagnostic-Code: smtp; 550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown in virtual mailbox table

--1795413902-eximdsn-1804289383
Content-type: message/rfc822

Return-path: <bounces+Zx81-Lq2_mN4pR6sT8uV0wX2yZ4aB6cD@example.org>
Received: from [192.0.2.10] (helo=mail.example.org)
	by mx.example.net with esmtp (Exim 4.96)
	(envelope-from <bounces+Zx81-Lq2_mN4pR6sT8uV0wX2yZ4aB6cD@example.org>)
	id 1tEy3J-000Abb-1P
	for gone@example.net;
	Mon, 23 Nov 2026 06:05:01 +0000
Message-ID: <2026-W47.77aa88bb99cc00dd11ee22ff@example.org>
From: Weekly AI Tool Verdicts <digest@example.org>
To: gone@example.net
Subject: Weekly AI Tool Verdicts, 2026-W47: Llama 4 Compact vs SmolLM3 and 5 more
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="=_tv_77aa88bb"

--=_tv_77aa88bb
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

A digest line that reads like a bounce: 554 5.7.1 and (#5.1.1) are just text =
here.
--=_tv_77aa88bb--

--1795413902-eximdsn-1804289383--
)eml";

// Gmail relaying for the list and bouncing from googlemail.com: the notification is
// multipart/related > multipart/alternative (quoted-printable text, HTML, an icon), the
// Diagnostic-Code is folded over five lines, and the per-message block carries
// X-Original-Message-ID.
constexpr std::string_view kGmail = R"eml(Return-Path: <>
Delivered-To: bounces+Gm4iL_b0unce-7xYz9QwErTyUiOpAsD@example.org
Received: by mail-sor-f69.google.com with SMTP id a640c23a62f3a-a9a1
        for <bounces+Gm4iL_b0unce-7xYz9QwErTyUiOpAsD@example.org>; Mon, 23 Nov 2026 06:02:12 -0800 (PST)
X-Failed-Recipients: no.such.reader@gmail.com
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: bounces+Gm4iL_b0unce-7xYz9QwErTyUiOpAsD@example.org
Auto-Submitted: auto-replied
Subject: Delivery Status Notification (Failure)
References: <2026-W47.a1b2c3d4e5f6a7b8c9d0e1f2@example.org>
In-Reply-To: <2026-W47.a1b2c3d4e5f6a7b8c9d0e1f2@example.org>
Message-ID: <6561f0a4.050a0220.3b2c1.9f3eGMR@mx.google.com>
Date: Mon, 23 Nov 2026 06:02:12 -0800 (PST)
MIME-Version: 1.0
Content-Type: multipart/report; boundary="000000000000c0ffee0607a1b2c3"; report-type=delivery-status

--000000000000c0ffee0607a1b2c3
Content-Type: multipart/related; boundary="000000000000c0ffee0607a1b2d4"

--000000000000c0ffee0607a1b2d4
Content-Type: multipart/alternative; boundary="000000000000c0ffee0607a1b2e5"

--000000000000c0ffee0607a1b2e5
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable


** Address not found **

Your message wasn't delivered to no.such.reader@gmail.com because the addre=
ss couldn't be found, or is unable to receive mail.

Learn more here: https://support.google.com/mail/?p=3DNoSuchUser

--000000000000c0ffee0607a1b2e5
Content-Type: text/html; charset="UTF-8"

<html><body><p>Your message wasn't delivered to <a>no.such.reader@gmail.com</a>.</p></body></html>

--000000000000c0ffee0607a1b2e5--

--000000000000c0ffee0607a1b2d4
Content-Type: image/png; name="icon.png"
Content-Disposition: attachment; filename="icon.png"
Content-Transfer-Encoding: base64
Content-ID: <icon.png>

iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
--000000000000c0ffee0607a1b2d4--

--000000000000c0ffee0607a1b2c3
Content-Type: message/delivery-status

Reporting-MTA: dns; googlemail.com
Received-From-MTA: dns; digest@example.org
Arrival-Date: Mon, 23 Nov 2026 06:02:10 -0800 (PST)
X-Original-Message-ID: <2026-W47.a1b2c3d4e5f6a7b8c9d0e1f2@example.org>

Final-Recipient: rfc822; no.such.reader@gmail.com
Action: failed
Status: 5.1.1
Remote-MTA: dns; gmail-smtp-in.l.google.com. (2a00:1450:400c:c0b::1a, the
 server for the domain gmail.com.)
Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does
 not exist. Please try
 550-5.1.1 double-checking the recipient's email address for typos or
 550-5.1.1 unnecessary spaces. Learn more at
 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser 4si1234567wrk.12 - gsmtp
Last-Attempt-Date: Mon, 23 Nov 2026 06:02:12 -0800 (PST)

--000000000000c0ffee0607a1b2c3
Content-Type: message/rfc822

Return-Path: <bounces+Gm4iL_b0unce-7xYz9QwErTyUiOpAsD@example.org>
Message-ID: <2026-W47.a1b2c3d4e5f6a7b8c9d0e1f2@example.org>
From: Weekly AI Tool Verdicts <digest@example.org>
To: no.such.reader@gmail.com
Subject: Weekly AI Tool Verdicts, 2026-W47

A short copy.

--000000000000c0ffee0607a1b2c3--
)eml";

// Postfix's "Delayed Mail (still being retried)" warning.
constexpr std::string_view kDelayed = R"eml(Return-Path: <>
Delivered-To: bounces+Dly_4h-Q9wE8rT7yU6iO5pA4sD3fG2hJ1kL@example.org
Date: Mon, 23 Nov 2026 06:02:10 +0000 (UTC)
From: MAILER-DAEMON@mail.example.org (Mail Delivery System)
Subject: Delayed Mail (still being retried)
To: bounces+Dly_4h-Q9wE8rT7yU6iO5pA4sD3fG2hJ1kL@example.org
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="8E1D03C0F2.1795500131/mail.example.org"
Message-Id: <20261123060210.9A0B13C0F5@mail.example.org>

This is a MIME-encapsulated message.

--8E1D03C0F2.1795500131/mail.example.org
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.example.org.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

                   The mail system

<slow@example.net>: connect to mx.example.net[192.0.2.7]:25: Connection timed
    out

--8E1D03C0F2.1795500131/mail.example.org
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.org
X-Postfix-Queue-ID: 8E1D03C0F2
X-Postfix-Sender: rfc822; bounces+Dly_4h-Q9wE8rT7yU6iO5pA4sD3fG2hJ1kL@example.org
Arrival-Date: Mon, 23 Nov 2026 02:02:10 +0000 (UTC)

Final-Recipient: rfc822; slow@example.net
Original-Recipient: rfc822;slow@example.net
Action: delayed
Status: 4.4.1
Diagnostic-Code: X-Postfix; connect to mx.example.net[192.0.2.7]:25: Connection
    timed out
Will-Retry-Until: Sat, 28 Nov 2026 02:02:10 +0000 (UTC)

--8E1D03C0F2.1795500131/mail.example.org
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

Return-Path: <bounces+Dly_4h-Q9wE8rT7yU6iO5pA4sD3fG2hJ1kL@example.org>
Message-ID: <2026-W47.5e5e5e5e5e5e5e5e5e5e5e5e@example.org>
From: Weekly AI Tool Verdicts <digest@example.org>
To: slow@example.net

--8E1D03C0F2.1795500131/mail.example.org--
)eml";

// sendmail with NOTIFY=SUCCESS,FAILURE for two recipients: one delivered, one refused. Its
// first part has no headers at all, as sendmail writes it.
constexpr std::string_view kTwoRecipients = R"eml(Return-Path: <>
Delivered-To: bounces+TwoRcpt_token-0001@example.org
Date: Mon, 23 Nov 2026 06:06:40 GMT
From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>
To: <bounces+TwoRcpt_token-0001@example.org>
Subject: Returned mail: see transcript for details
Auto-Submitted: auto-generated (failure)
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="5ANMa2Qx012345.1795414000/mx.example.net"

This is a MIME-encapsulated message

--5ANMa2Qx012345.1795414000/mx.example.net

The original message was received at Mon, 23 Nov 2026 06:06:39 GMT
from mail.example.org [192.0.2.10]

   ----- The following addresses had permanent fatal errors -----
<gone@example.net>
    (reason: 550 5.1.1 <gone@example.net>... User unknown)

--5ANMa2Qx012345.1795414000/mx.example.net
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
Received-From-MTA: DNS; mail.example.org
Arrival-Date: Mon, 23 Nov 2026 06:06:39 GMT

Final-Recipient: RFC822; here@example.net
Action: delivered
Status: 2.0.0
Remote-MTA: DNS; mbox.example.net

Final-Recipient: RFC822; gone@example.net
Action: failed
Status: 5.1.1
Remote-MTA: DNS; mbox.example.net
Diagnostic-Code: SMTP; 550 5.1.1 <gone@example.net>... User unknown
Last-Attempt-Date: Mon, 23 Nov 2026 06:06:40 GMT

--5ANMa2Qx012345.1795414000/mx.example.net
Content-Type: text/rfc822-headers

Return-Path: <bounces+TwoRcpt_token-0001@example.org>
Message-ID: <2026-W47.0011223344556677aabbccdd@example.org>
From: Weekly AI Tool Verdicts <digest@example.org>
To: here@example.net, gone@example.net
Subject: Weekly AI Tool Verdicts, 2026-W47

--5ANMa2Qx012345.1795414000/mx.example.net--
)eml";

// RFC 5965 Appendix B.1, the minimal abuse report, as the RFC gives it.
constexpr std::string_view kArfMinimal = R"eml(From: <abusedesk@example.com>
Date: Thu, 8 Mar 2005 17:40:36 EDT
Subject: FW: Earn money
To: <abuse@example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report;
     boundary="part1_13d.2e68ed54_boundary"

--part1_13d.2e68ed54_boundary
Content-Type: text/plain; charset="US-ASCII"
Content-Transfer-Encoding: 7bit

This is an email abuse report for an email message received from IP
192.0.2.1 on Thu, 8 Mar 2005 14:00:00 EDT.  For more information
about this format please see http://www.mipassoc.org/arf/.

--part1_13d.2e68ed54_boundary
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: SomeGenerator/1.0
Version: 1

--part1_13d.2e68ed54_boundary
Content-Type: message/rfc822
Content-Disposition: inline

Received: from mailserver.example.net
        (mailserver.example.net [192.0.2.1])
        by example.com with ESMTP id M63d4137594e46;
        Thu, 08 Mar 2005 14:00:00 -0400
From: <somespammer@example.net>
To: <Undisclosed Recipients>
Subject: Earn money
MIME-Version: 1.0
Content-type: text/plain
Message-ID: 8787KJKJ3K4J3K4J3K4J3.mail@example.net
Date: Thu, 02 Sep 2004 12:31:03 -0500

Spam Spam Spam
Spam Spam Spam
Spam Spam Spam
Spam Spam Spam
--part1_13d.2e68ed54_boundary--
)eml";

// RFC 5965 Appendix B.2's extended report, made about our digest: a feedback loop at the
// reader's ISP sends it to the bounce address, with our VERP sender as Original-Mail-From.
constexpr std::string_view kArfOurs = R"eml(From: <fbl@isp.example.net>
Date: Tue, 24 Nov 2026 09:12:00 +0000
Subject: FW: Weekly AI Tool Verdicts, 2026-W47
To: <bounces@example.org>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report;
     boundary="part1_13d.2e68ed54_boundary"

--part1_13d.2e68ed54_boundary
Content-Type: text/plain; charset="US-ASCII"
Content-Transfer-Encoding: 7bit

This is an email abuse report for an email message received from IP
192.0.2.10 on Mon, 23 Nov 2026 06:02:10 +0000.

--part1_13d.2e68ed54_boundary
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: SomeGenerator/1.0
Version: 1
Original-Mail-From: <bounces+Arf-7Tq2Wm9Xk4Lp1Zs8Dv5Nb3Gh6Jc0Rf@example.org>
Original-Rcpt-To: <reader@isp.example.net>
Arrival-Date: Mon, 23 Nov 2026 06:02:10 +0000
Reporting-MTA: dns; mail.isp.example.net
Source-IP: 192.0.2.10
Authentication-Results: mail.isp.example.net;
               spf=pass smtp.mail=bounces+Arf-7Tq2Wm9Xk4Lp1Zs8Dv5Nb3Gh6Jc0Rf@example.org
Reported-Domain: example.org
Removal-Recipient: reader@isp.example.net

--part1_13d.2e68ed54_boundary
Content-Type: text/rfc822-headers

Return-Path: <bounces+Arf-7Tq2Wm9Xk4Lp1Zs8Dv5Nb3Gh6Jc0Rf@example.org>
From: Weekly AI Tool Verdicts <digest@example.org>
To: reader@isp.example.net
Subject: Weekly AI Tool Verdicts, 2026-W47
Message-ID: <2026-W47.feedfacecafebeef00112233@example.org>
Date: Mon, 23 Nov 2026 06:02:10 +0000
--part1_13d.2e68ed54_boundary--
)eml";

// A reader's client following the list's mailto link (Gmail words its body this way).
constexpr std::string_view kUnsubscribe = R"eml(Return-Path: <Ada.Reader@Example.com>
Delivered-To: unsubscribe@example.org
Received: from mail-wr1-f44.google.com (mail-wr1-f44.google.com [209.85.221.44])
	by mail.example.org (Postfix) with ESMTPS id 6B2D03C0A9
	for <unsubscribe@example.org>; Tue, 24 Nov 2026 08:00:01 +0000 (UTC)
From: Ada Reader <Ada.Reader@Example.com>
Date: Tue, 24 Nov 2026 09:00:00 +0100
Message-ID: <CAF=abc123.unsub@mail.gmail.com>
Subject: unsubscribe h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm
To: unsubscribe@example.org
Content-Type: text/plain; charset="UTF-8"

This message was automatically generated by Gmail.
)eml";

// Exchange's out-of-office answer: null sender, "Automatic reply:" and In-Reply-To.
constexpr std::string_view kAutoReply = R"eml(Return-Path: <>
Delivered-To: bounces+Ooo-Rd8Tf7Yg6Uh5Ij4Ok3Pl2Am1Sn0Bq@example.org
From: Grace Reader <grace@corp.example.com>
To: <bounces+Ooo-Rd8Tf7Yg6Uh5Ij4Ok3Pl2Am1Sn0Bq@example.org>
Subject: Automatic reply: Weekly AI Tool Verdicts, 2026-W47
Thread-Topic: Weekly AI Tool Verdicts, 2026-W47
Date: Mon, 23 Nov 2026 06:03:00 +0000
Message-ID: <8f7e6d5c4b3a@AM0PR01MB1234.eurprd01.prod.exchangelabs.com>
In-Reply-To: <2026-W47.0a0b0c0d0e0f101112131415@example.org>
Auto-Submitted: auto-generated
X-Auto-Response-Suppress: All
X-MS-Exchange-Inbox-Rules-Loop: grace@corp.example.com
Content-Type: text/plain; charset="us-ascii"
MIME-Version: 1.0

I am out of the office until Monday 30 November, with no access to mail.
)eml";

// qmail's plain-text bounce, with the returned message inline.
constexpr std::string_view kQmail = R"eml(Return-Path: <>
Delivered-To: bounces+Qm_Old-Sch00l.token=1@example.org
Received: (qmail 12345 invoked for bounce); 23 Nov 2026 06:10:00 -0000
Date: 23 Nov 2026 06:10:00 -0000
From: MAILER-DAEMON@mx.example.net
To: bounces+Qm_Old-Sch00l.token=1@example.org
Subject: failure notice

Hi. This is the qmail-send program at mx.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<gone@example.net>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <bounces+Qm_Old-Sch00l.token=1@example.org>
Message-ID: <2026-W47.9999aaaabbbbccccddddeeee@example.org>
From: Weekly AI Tool Verdicts <digest@example.org>
To: gone@example.net

A digest line.
)eml";

// Exim's plain-text bounce as it was before it sent multipart/report.
constexpr std::string_view kEximPlain = R"eml(Return-path: <>
Envelope-to: bounces+ExOld-4f4f4f4f@example.org
From: Mail Delivery System <Mailer-Daemon@mx.example.net>
To: bounces+ExOld-4f4f4f4f@example.org
Subject: Mail delivery failed: returning message to sender
X-Failed-Recipients: gone@example.net
Auto-Submitted: auto-replied
Date: Mon, 23 Nov 2026 06:11:00 +0000

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  gone@example.net
    SMTP error from remote mail server after RCPT TO:<gone@example.net>:
    host mx1.example.net [192.0.2.25]: 550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown

------ This is a copy of the message, including all the headers. ------

Return-path: <bounces+ExOld-4f4f4f4f@example.org>
Message-ID: <2026-W47.4f4f4f4f4f4f4f4f4f4f4f4f@example.org>
Subject: Weekly AI Tool Verdicts, 2026-W47
)eml";

// A DSN made of the given pieces, for the rules.
struct Dsn {
  std::string outer = "Delivered-To: bounces+Rule_Token-1@example.org\n";
  std::string per_message = "Reporting-MTA: dns; mx.example.net\n";
  std::string recipients = "Final-Recipient: rfc822; r@example.net\nAction: failed\nStatus: 5.1.1\n";
  std::string original = "Message-ID: <2026-W47.rule@example.org>\n";
  std::string type = "message/delivery-status";

  std::string text() const {
    std::string m = "Return-Path: <>\n" + outer +
                    "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\n"
                    "Subject: Undelivered Mail Returned to Sender\n"
                    "MIME-Version: 1.0\n"
                    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n"
                    "\n"
                    "--b1\n"
                    "Content-Type: text/plain\n"
                    "\n"
                    "The mail system\n"
                    "\n"
                    "--b1\n"
                    "Content-Type: " +
                    type + "\n\n" + per_message + "\n" + recipients + "\n";
    if (!original.empty()) m += "--b1\nContent-Type: text/rfc822-headers\n\n" + original + "\n";
    return m + "--b1--\n";
  }
};

// The Postfix report wrapped in `levels` multipart/mixed containers: the report sits at
// depth `levels`, its parts one deeper.
std::string nested(std::size_t levels) {
  std::string head =
      "Return-Path: <>\nDelivered-To: bounces+h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm@example.org\n"
      "From: MAILER-DAEMON@mail.example.org\nSubject: Undelivered Mail Returned to Sender\n";
  std::string tail;
  for (std::size_t i = 0; i < levels; ++i) {
    const std::string b = "level" + std::to_string(i);
    head += "Content-Type: multipart/mixed; boundary=\"" + b + "\"\n\n--" + b + "\n";
    tail = "--" + b + "--\n" + tail;
  }
  return head + std::string(kPostfix.substr(kPostfix.find("Content-Type: multipart/report"))) + tail;
}

// A plain message with the given headers and body.
std::string mail(std::string_view headers, std::string_view body = "Hello.\n") {
  return std::string(headers) + "\n" + std::string(body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bounces)

// ---- Delivery status notifications

BOOST_AUTO_TEST_CASE(postfix_dsn_is_a_hard_bounce_with_token_and_message_id) { expect_one(kPostfix, kPostfixFinding); }

BOOST_AUTO_TEST_CASE(exim_dsn_keeps_its_status_and_finds_the_token_in_the_returned_message) {
  // The returned digest's text holds "554 5.7.1" and "(#5.1.1)": the report's fields decide.
  expect_one(kExim,
             {Kind::hard_bounce, "gone@example.net", "Zx81-Lq2_mN4pR6sT8uV0wX2yZ4aB6cD",
              "<2026-W47.77aa88bb99cc00dd11ee22ff@example.org>", "5.0.0",
              "550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown in virtual mailbox table"});
}

BOOST_AUTO_TEST_CASE(gmail_dsn_with_nested_notification_and_folded_diagnostic) {
  expect_one(kGmail, {Kind::hard_bounce, "no.such.reader@gmail.com", "Gm4iL_b0unce-7xYz9QwErTyUiOpAsD",
                      "<2026-W47.a1b2c3d4e5f6a7b8c9d0e1f2@example.org>", "5.1.1",
                      "550-5.1.1 The email account that you tried to reach does not exist. Please try "
                      "550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 "
                      "unnecessary spaces. Learn more at 550 5.1.1 "
                      "https://support.google.com/mail/?p=NoSuchUser 4si1234567wrk.12 - gsmtp"});
}

BOOST_AUTO_TEST_CASE(delayed_dsn_is_a_soft_bounce) {
  expect_one(kDelayed, {Kind::soft_bounce, "slow@example.net", "Dly_4h-Q9wE8rT7yU6iO5pA4sD3fG2hJ1kL",
                        "<2026-W47.5e5e5e5e5e5e5e5e5e5e5e5e@example.org>", "4.4.1",
                        "connect to mx.example.net[192.0.2.7]:25: Connection timed out"});
}

BOOST_AUTO_TEST_CASE(two_recipients_one_delivered_give_one_finding) {
  expect_one(kTwoRecipients, {Kind::hard_bounce, "gone@example.net", "TwoRcpt_token-0001",
                              "<2026-W47.0011223344556677aabbccdd@example.org>", "5.1.1",
                              "550 5.1.1 <gone@example.net>... User unknown"});
}

BOOST_AUTO_TEST_CASE(every_failed_recipient_is_a_finding_in_order) {
  Dsn d;
  d.recipients =
      "Final-Recipient: rfc822; one@example.net\nAction: failed\nStatus: 5.1.1\n\n"
      "Final-Recipient: rfc822; two@example.net\nAction: delayed\nStatus: 4.2.2\n\n"
      "Final-Recipient: rfc822; three@example.net\nAction: relayed\nStatus: 2.0.0\n\n"
      "Final-Recipient: rfc822; four@example.net\nAction: failed\nStatus: 5.2.1\n";
  const Reading r = read(d.text());
  BOOST_REQUIRE_EQUAL(r.findings.size(), 3u);
  BOOST_TEST(r.findings[0].recipient == "one@example.net");
  BOOST_TEST(r.findings[1].recipient == "two@example.net");
  BOOST_TEST(r.findings[1].kind == Kind::soft_bounce);
  BOOST_TEST(r.findings[2].recipient == "four@example.net");
  BOOST_TEST(r.findings[2].status == "5.2.1");
  for (const auto& f : r.findings) {
    BOOST_TEST(f.token == "Rule_Token-1");
    BOOST_TEST(f.message_id == "<2026-W47.rule@example.org>");
  }
}

BOOST_AUTO_TEST_CASE(action_and_status_decide_the_kind) {
  struct Case {
    const char* block;
    bool finding;
    Kind kind;
    const char* status;
  };
  const Case cases[] = {
      {"Action: failed\nStatus: 5.1.1\n", true, Kind::hard_bounce, "5.1.1"},
      {"Action: failed\nStatus: 4.2.2\n", true, Kind::soft_bounce, "4.2.2"},  // some MTAs, after retrying
      {"Action: delayed\nStatus: 4.4.7\n", true, Kind::soft_bounce, "4.4.7"},
      {"Action: delivered\nStatus: 2.0.0\n", false, Kind::other, ""},
      {"Action: relayed\nStatus: 2.0.0\n", false, Kind::other, ""},
      {"Action: expanded\nStatus: 2.0.0\n", false, Kind::other, ""},
      {"Action: failed\nDiagnostic-Code: smtp; 550 5.1.1 no such user\n", true, Kind::hard_bounce, "5.1.1"},
      {"Action: failed\nDiagnostic-Code: smtp; 452 4.2.2 mailbox full\n", true, Kind::soft_bounce, "4.2.2"},
      {"Action: failed\nDiagnostic-Code: smtp; 550 User unknown\n", true, Kind::hard_bounce, ""},
      {"Action: failed\nDiagnostic-Code: smtp; 421 try again later\n", true, Kind::soft_bounce, ""},
      {"Action: failed\n", true, Kind::hard_bounce, ""},  // "failed" is final (RFC 3464 2.3.3)
      {"Action: FAILED (permanent)\nStatus: 5.1.1 (bad destination mailbox address)\n", true, Kind::hard_bounce,
       "5.1.1"},
      {"Action: failed\nStatus: 5.1.10\n", true, Kind::hard_bounce, "5.1.10"},  // Microsoft's RecipientNotFound
      {"Status: 5.7.1\n", true, Kind::hard_bounce, "5.7.1"},                    // no Action: the class decides
      {"Status: 4.7.0\n", true, Kind::soft_bounce, "4.7.0"},
      {"Status: 2.0.0\n", false, Kind::other, ""},
      {"Action: failed\nStatus: 5.1\nDiagnostic-Code: smtp; 451 4.3.0 local error\n", true, Kind::soft_bounce,
       "4.3.0"},  // a malformed Status counts as none
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.block) {
      Dsn d;
      d.recipients = std::string("Final-Recipient: rfc822; r@example.net\n") + c.block;
      const Reading r = read(d.text());
      BOOST_TEST(r.problem == "");
      BOOST_REQUIRE_EQUAL(r.findings.size(), c.finding ? 1u : 0u);
      if (!c.finding) continue;
      BOOST_TEST(r.findings[0].kind == c.kind);
      BOOST_TEST(r.findings[0].status == c.status);
    }
  }
}

BOOST_AUTO_TEST_CASE(original_recipient_is_preferred_to_final_recipient) {
  // After forwarding, Final-Recipient is where the mail went; Original-Recipient is the
  // address the digest was sent to, the one the subscriber list knows.
  Dsn d;
  d.recipients =
      "Final-Recipient: rfc822; reader@forwarded.example.net\nOriginal-Recipient: rfc822;reader@example.com\n"
      "Action: failed\nStatus: 5.1.1\n";
  BOOST_TEST(read(d.text()).findings.at(0).recipient == "reader@example.com");
  d.recipients = "Final-Recipient: RFC822; <reader@example.com>\nOriginal-Recipient: rfc822;\nAction: failed\n";
  BOOST_TEST(read(d.text()).findings.at(0).recipient == "reader@example.com");
  d.recipients = "Final-Recipient: x400; /C=US/O=Example/\nAction: failed\n";
  BOOST_TEST(read(d.text()).findings.at(0).recipient == "");
}

BOOST_AUTO_TEST_CASE(detail_falls_back_to_the_subject_without_a_diagnostic_code) {
  Dsn d;
  BOOST_TEST(read(d.text()).findings.at(0).detail == "Undelivered Mail Returned to Sender");
}

BOOST_AUTO_TEST_CASE(a_dsn_whose_recipients_were_all_delivered_asks_for_nothing) {
  Dsn d;
  d.recipients = "Final-Recipient: rfc822; r@example.net\nAction: delivered\nStatus: 2.0.0\n";
  const Reading r = read(d.text());
  BOOST_TEST(r.findings.empty());
  BOOST_TEST(r.problem == "");
}

BOOST_AUTO_TEST_CASE(dsn_failure_paths_are_problems) {
  Dsn d;
  d.recipients = "Final-Recipient: rfc822; r@example.net\nAction: fai\n";
  expect_problem(d.text(), "a delivery-status part whose recipients we cannot read");
  d.recipients = "";
  expect_problem(d.text(), "a delivery-status part without any recipient");
  d.type = "text/plain";
  d.recipients = "Final-Recipient: rfc822; r@example.net\nAction: failed\nStatus: 5.1.1\n";
  expect_problem(d.text(), "a multipart/report without a message/delivery-status part");
}

BOOST_AUTO_TEST_CASE(global_delivery_status_of_rfc_6533) {
  Dsn d;
  d.type = "message/global-delivery-status";
  d.recipients =
      "Final-Recipient: utf-8; j\xC3\xB6rg@b\xC3\xBC"
      "cher.example\nAction: failed\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 Postfach unbekannt: j\xC3\xB6rg\n";
  const Reading r = read(d.text());
  BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
  expect(r.findings[0],
         {Kind::hard_bounce,
          "j\xC3\xB6rg@b\xC3\xBC"
          "cher.example",
          "Rule_Token-1", "<2026-W47.rule@example.org>", "5.1.1", "550 5.1.1 Postfach unbekannt: j\xC3\xB6rg"});
}

BOOST_AUTO_TEST_CASE(encoded_report_parts_are_decoded) {
  // Some gateways send every part in base64 or quoted-printable, the report too.
  const std::string status =
      "Reporting-MTA: dns; gw.example.net\n\nFinal-Recipient: rfc822; enc@example.net\nAction: failed\n"
      "Status: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n";
  const std::string m =
      "Return-Path: <>\nDelivered-To: bounces+Enc_1@example.org\nFrom: postmaster@gw.example.net\n"
      "Subject: Undeliverable\nContent-Type: multipart/report; report-type=delivery-status; boundary=XyZ\n\n"
      "--XyZ\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n" +
      base64(status) +
      "\n--XyZ\nContent-Type: text/rfc822-headers\nContent-Transfer-Encoding: quoted-printable\n\n"
      "Subject: Weekly AI Tool Verdicts =E2=80=93 2026-W47\nMessage-ID: <2026-W47.quoted=\n-printable@example.org>\n"
      "\n--XyZ--\n";
  expect_one(m, {Kind::hard_bounce, "enc@example.net", "Enc_1", "<2026-W47.quoted-printable@example.org>", "5.2.2",
                 "552 5.2.2 Mailbox full"});
}

BOOST_AUTO_TEST_CASE(base64_encoded_in_pieces_decodes_whole) {
  // Some encoders write each line as its own base64 unit, padding included: "=" ends a
  // quantum, it does not end the part.
  const std::string first = "Reporting-MTA: dns; gw.example.net\n\n";         // 36 bytes: no padding
  const std::string second = "Final-Recipient: rfc822; piece@example.net\n";  // 43 bytes: "=" padded
  const std::string third = "Action: failed\nStatus: 5.1.1\n";                // 29 bytes: "==" padded
  BOOST_REQUIRE(base64(second).find('=') != std::string::npos);
  Dsn d;
  const std::string plain = d.text();
  const std::string block =
      "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; r@example.net\nAction: failed\nStatus: 5.1.1\n";
  BOOST_REQUIRE(plain.find(block) != std::string::npos);
  std::string m = replace_all(plain, "Content-Type: message/delivery-status\n\n" + block,
                              "Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n" +
                                  base64(first) + "\n" + base64(second) + "\n" + base64(third) + "\n");
  BOOST_REQUIRE(m != plain);
  const Reading r = read(m);
  BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
  BOOST_TEST(r.findings[0].recipient == "piece@example.net");
  BOOST_TEST(r.findings[0].status == "5.1.1");
}

BOOST_AUTO_TEST_CASE(message_ids_that_are_not_ids_are_dropped) {
  for (const char* value :
       {"nonsense", "<two words@example.org>", "<unterminated@example.org", "<>", "<\xC3\xA9t\xC3\xA9@example.org>"}) {
    BOOST_TEST_CONTEXT(value) {
      Dsn d;
      d.original = std::string("Message-ID: ") + value + "\n";
      BOOST_TEST(read(d.text()).findings.at(0).message_id == "");
    }
  }
  Dsn d;
  d.original = "Message-ID: (a comment) <2026-W47.ok@example.org> (and another)\n";
  BOOST_TEST(read(d.text()).findings.at(0).message_id == "<2026-W47.ok@example.org>");
}

BOOST_AUTO_TEST_CASE(message_id_falls_back_to_x_original_message_id_then_in_reply_to) {
  Dsn d;
  d.original = "";
  d.per_message = "Reporting-MTA: dns; googlemail.com\nX-Original-Message-ID: <2026-W47.gmail@example.org>\n";
  BOOST_TEST(read(d.text()).findings.at(0).message_id == "<2026-W47.gmail@example.org>");
  d.per_message = "Reporting-MTA: dns; mx.example.net\n";
  d.outer += "In-Reply-To: <2026-W47.reply@example.org>\n";
  BOOST_TEST(read(d.text()).findings.at(0).message_id == "<2026-W47.reply@example.org>");
  d.outer = "Delivered-To: bounces+Rule_Token-1@example.org\n";
  BOOST_TEST(read(d.text()).findings.at(0).message_id == "");
}

BOOST_AUTO_TEST_CASE(a_report_wrapped_in_multipart_mixed_is_found) {
  const std::string m =
      "Return-Path: <>\nDelivered-To: bounces+h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm@example.org\n"
      "From: postmaster@gw.example.net\nSubject: Undelivered Mail Returned to Sender\n"
      "Content-Type: multipart/mixed; boundary=\"outer\"\n\n--outer\nContent-Type: text/plain\n\n"
      "Scanned by the gateway.\n--outer\n" +
      std::string(kPostfix.substr(kPostfix.find("Content-Type: multipart/report"))) + "--outer--\n";
  // The wrapped report's own headers start at its Content-Type; its body is the original's.
  expect_one(m, kPostfixFinding);
}

BOOST_AUTO_TEST_CASE(a_missing_closing_boundary_still_yields_the_parts_seen) {
  std::string m(kPostfix);
  m.erase(m.rfind("--4C2F11A0B3"));
  BOOST_REQUIRE(m.find("--4C2F11A0B3.1795413731/mail.example.org--") == std::string::npos);
  expect_one(m, kPostfixFinding);
}

BOOST_AUTO_TEST_CASE(a_longer_boundary_is_not_the_boundary) {
  // "--b1x" starts with "--b1" but is text: were it taken for a delimiter, the recipient
  // block would fall into a part of its own and be lost.
  Dsn d;
  d.per_message = "Reporting-MTA: dns; mx.example.net\n\n--b1x\n--b1-\n--b1 trailing words\n";
  const Reading r = read(d.text());
  BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
  BOOST_TEST(r.findings[0].recipient == "r@example.net");
  // Transport padding after a delimiter is allowed (RFC 2046 5.1.1).
  std::string padded = replace_all(d.text(), "--b1\n", "--b1  \t\n");
  BOOST_TEST(read(padded).findings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(findings_stop_at_the_limit) {
  Dsn d;
  d.recipients.clear();
  for (int i = 0; i < 1000; ++i)
    d.recipients += "Final-Recipient: rfc822; r" + std::to_string(i) + "@example.net\nAction: failed\n\n";
  const Reading r = read(d.text());
  BOOST_TEST(r.findings.size() == kMaxFindings);
  BOOST_TEST(r.findings.back().recipient == "r" + std::to_string(kMaxFindings - 1) + "@example.net");
}

// ---- Tokens

BOOST_AUTO_TEST_CASE(the_token_comes_from_the_first_source_that_has_one) {
  Dsn d;
  d.per_message = "Reporting-MTA: dns; mx.example.net\nX-Postfix-Sender: rfc822; bounces+PfxSender@example.org\n";
  d.original = "Return-Path: <bounces+ReturnPath@example.org>\nMessage-ID: <x@example.org>\n";
  const auto token = [&](std::string outer) {
    d.outer = std::move(outer);
    return read(d.text()).findings.at(0).token;
  };
  BOOST_TEST(token("To: bounces+ToTok@example.org\nDelivered-To: bounces+Delivered@example.org\n") == "Delivered");
  BOOST_TEST(token("To: bounces+ToTok@example.org\nX-Original-To: bounces+XOrig@example.org\n") == "XOrig");
  BOOST_TEST(token("Cc: bounces+CcTok@example.org\nEnvelope-To: bounces+Env@example.org\n") == "Env");
  BOOST_TEST(token("Cc: bounces+CcTok@example.org\nTo: bounces+ToTok@example.org\n") == "ToTok");
  BOOST_TEST(token("Cc: reader@example.com, bounces+CcTok@example.org\n") == "CcTok");
  BOOST_TEST(token("To: bounces@example.org\n") == "PfxSender");
  d.per_message = "Reporting-MTA: dns; mx.example.net\n";
  BOOST_TEST(token("To: bounces@example.org\n") == "ReturnPath");
  d.original = "Message-ID: <x@example.org>\n";
  BOOST_TEST(token("To: bounces@example.org\n") == "");
}

BOOST_AUTO_TEST_CASE(tokens_are_matched_strictly) {
  struct Case {
    const char* delivered_to;
    const char* token;
  };
  const Case cases[] = {
      {"bounces+AbC-9_x@example.org", "AbC-9_x"},
      {"<BOUNCES+AbC-9_x@EXAMPLE.Org>", "AbC-9_x"},  // local part and domain in any case, token kept
      {"bounces+a.b=c@example.org", "a.b=c"},
      {"\"Bounces\" <bounces+tok@example.org>", "tok"},
      {"rfc822;bounces+tok@example.org", "tok"},
      {"bounces+to/ken@example.org", ""},  // outside the token alphabet
      {"bounces+to+ken@example.org", ""},
      {"bounces+t%6Fken@example.org", ""},
      {"bounces+@example.org", ""},
      {"bounces@example.org", ""},
      {"xbounces+tok@example.org", ""},  // another local part that ends like ours
      {"bounces+tok@example.org.evil.example", ""},
      {"bounces+tok@notexample.org", ""},
      {"bounces+tok@mail.example.org", ""},
      {"bounces+tok@example.orgx", ""},
      {"bounces+tok@example.org.", "tok"},  // a full stop after the address is not the domain's
      {"bounces+ab/cd@example.org, bounces+second@example.org", "second"},
      {"unsubscribe+viaunsub@example.org", "viaunsub"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.delivered_to) {
      Dsn d;
      d.outer = std::string("Delivered-To: ") + c.delivered_to + "\n";
      d.original = "Message-ID: <x@example.org>\n";
      BOOST_TEST(read(d.text()).findings.at(0).token == c.token);
    }
  }
  // No local part may exceed 64 octets (RFC 5321), so neither may bounces+TOKEN.
  Dsn d;
  d.original = "";
  d.outer = "Delivered-To: bounces+" + std::string(56, 'a') + "@example.org\n";
  BOOST_TEST(read(d.text()).findings.at(0).token == std::string(56, 'a'));
  d.outer = "Delivered-To: bounces+" + std::string(57, 'a') + "@example.org\n";
  BOOST_TEST(read(d.text()).findings.at(0).token == "");
}

BOOST_AUTO_TEST_CASE(options_are_compared_case_insensitively_and_may_be_empty) {
  Dsn d;
  d.original = "";
  BOOST_TEST(read(d.text(), {"<Bounces@Example.ORG>", ""}).findings.at(0).token == "Rule_Token-1");
  BOOST_TEST(read(d.text(), {"", ""}).findings.at(0).token == "");
  BOOST_TEST(read(d.text(), {"not an address", ""}).findings.at(0).token == "");
  // Without an unsubscribe address, nothing is a request to leave.
  expect_problem(kUnsubscribe, "not a bounce, complaint, unsubscribe request or auto-reply",
                 {"bounces@example.org", ""});
}

// ---- Abuse reports

BOOST_AUTO_TEST_CASE(rfc_5965_minimal_report_is_a_complaint) {
  // The RFC's id has no angle brackets; the original's To is no address.
  expect_one(kArfMinimal,
             {Kind::complaint, "", "", "<8787KJKJ3K4J3K4J3K4J3.mail@example.net>", "", "complaint: abuse"});
}

BOOST_AUTO_TEST_CASE(feedback_loop_report_about_the_digest) {
  expect_one(kArfOurs, {Kind::complaint, "reader@isp.example.net", "Arf-7Tq2Wm9Xk4Lp1Zs8Dv5Nb3Gh6Jc0Rf",
                        "<2026-W47.feedfacecafebeef00112233@example.org>", "", "complaint: abuse"});
}

BOOST_AUTO_TEST_CASE(arf_recipient_and_token_fall_back_in_order) {
  // Redacted Original-Rcpt-To and Original-Mail-From (Microsoft's JMRP does this): the
  // removal recipient, then the reported message's own To, Return-Path and From.
  std::string m = replace_all(std::string(kArfOurs), "Original-Rcpt-To: <reader@isp.example.net>\n", "");
  m = replace_all(m, "Original-Mail-From: <bounces+Arf-7Tq2Wm9Xk4Lp1Zs8Dv5Nb3Gh6Jc0Rf@example.org>\n", "");
  Reading r = read(m);
  BOOST_TEST(r.findings.at(0).recipient == "reader@isp.example.net");
  BOOST_TEST(r.findings.at(0).token == "Arf-7Tq2Wm9Xk4Lp1Zs8Dv5Nb3Gh6Jc0Rf");
  m = replace_all(m, "Removal-Recipient: reader@isp.example.net\n", "");
  m = replace_all(m, "To: reader@isp.example.net\n", "To: Reader <other@isp.example.net>\n");
  m = replace_all(m, "Return-Path: <bounces+Arf-7Tq2Wm9Xk4Lp1Zs8Dv5Nb3Gh6Jc0Rf@example.org>\n", "");
  m = replace_all(m, "From: Weekly AI Tool Verdicts <digest@example.org>",
                  "From: Weekly AI Tool Verdicts <bounces+FromTok@example.org>");
  r = read(m);
  BOOST_TEST(r.findings.at(0).recipient == "other@isp.example.net");
  BOOST_TEST(r.findings.at(0).token == "FromTok");
}

BOOST_AUTO_TEST_CASE(feedback_types) {
  for (const char* type : {"fraud", "other", "virus", "auth-failure", "Abuse"}) {
    const std::string m =
        replace_all(std::string(kArfOurs), "Feedback-Type: abuse", std::string("Feedback-Type: ") + type);
    const Reading r = read(m);
    BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
    BOOST_TEST(r.findings[0].kind == Kind::complaint);
    std::string lower(type);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    BOOST_TEST(r.findings[0].detail == "complaint: " + lower);
  }
  const Reading not_spam = read(replace_all(std::string(kArfOurs), "Feedback-Type: abuse", "Feedback-Type: not-spam"));
  BOOST_REQUIRE_EQUAL(not_spam.findings.size(), 1u);
  BOOST_TEST(not_spam.findings[0].kind == Kind::other);
  BOOST_TEST(not_spam.findings[0].detail == "not-spam report");
  const Reading untyped = read(replace_all(std::string(kArfOurs), "Feedback-Type: abuse\n", ""));
  BOOST_TEST(untyped.findings.at(0).kind == Kind::complaint);
  BOOST_TEST(untyped.findings.at(0).detail == "complaint: unknown");
}

BOOST_AUTO_TEST_CASE(arf_without_its_feedback_part_is_a_problem) {
  expect_problem(
      replace_all(std::string(kArfMinimal), "Content-Type: message/feedback-report", "Content-Type: text/plain"),
      "a multipart/report without a message/feedback-report part");
}

// ---- Other reports

BOOST_AUTO_TEST_CASE(read_receipts_and_unknown_reports) {
  const std::string mdn =
      "From: Reader <reader@example.com>\nTo: bounces+Mdn_1@example.org\nSubject: Read: Weekly AI Tool Verdicts\n"
      "Content-Type: multipart/report; report-type=disposition-notification; boundary=mdn\n\n"
      "--mdn\nContent-Type: text/plain\n\nYour message was read.\n"
      "--mdn\nContent-Type: message/disposition-notification\n\n"
      "Final-Recipient: rfc822; reader@example.com\nDisposition: manual-action/MDN-sent-manually; displayed\n"
      "--mdn--\n";
  expect_one(mdn, {Kind::other, "reader@example.com", "Mdn_1", "", "", "read receipt: Read: Weekly AI Tool Verdicts"});
  const std::string tlsrpt =
      "From: noreply-smtp-tls-reporting@google.com\nTo: bounces@example.org\nSubject: Report Domain: example.org\n"
      "Content-Type: multipart/report; report-type=tlsrpt; boundary=t\n\n--t\nContent-Type: text/plain\n\nhi\n--t--\n";
  expect_problem(tlsrpt, "a multipart/report of type \"tlsrpt\", which we do not read");
  const std::string untyped = replace_all(tlsrpt, "report-type=tlsrpt; ", "");
  expect_problem(untyped, "a multipart/report without a report-type");
}

// ---- Requests to leave

BOOST_AUTO_TEST_CASE(unsubscribe_with_the_token_in_the_subject) {
  expect_one(kUnsubscribe, {Kind::unsubscribe, "Ada.Reader@Example.com", std::string(kPostfixToken), "", "",
                            "unsubscribe h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm"});
}

BOOST_AUTO_TEST_CASE(subject_tokens) {
  struct Case {
    const char* subject;
    const char* token;
  };
  const Case cases[] = {
      {"unsubscribe Tok_en-1", "Tok_en-1"},
      {"Re: unsubscribe Tok_en-1", "Tok_en-1"},
      {"RE: Re:  Unsubscribe   Tok_en-1  ", "Tok_en-1"},
      {"unsubscribe%20Tok_en-1", "Tok_en-1"},  // a client that left the link's encoding
      {"=?UTF-8?Q?unsubscribe_Tok=5Fen-1?=", "Tok_en-1"},
      {"=?utf-8?B?dW5zdWJzY3JpYmUgVG9rX2VuLTE=?=", "Tok_en-1"},
      {"unsubscribe", ""},
      {"unsubscribe me please", ""},
      {"unsubscribe Tok_en-1 now", ""},
      {"unsubscribeTok_en-1", ""},
      {"unsubscribe Tok/en", ""},
      {"Fwd: unsubscribe Tok_en-1", ""},
      {"please unsubscribe Tok_en-1", ""},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.subject) {
      const std::string m =
          replace_all(std::string(kUnsubscribe), "Subject: unsubscribe h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm",
                      std::string("Subject: ") + c.subject);
      const Reading r = read(m);
      BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
      BOOST_TEST(r.findings[0].kind == Kind::unsubscribe);
      BOOST_TEST(r.findings[0].token == c.token);
    }
  }
}

BOOST_AUTO_TEST_CASE(unsubscribe_token_in_the_address_wins_and_from_forms) {
  std::string m = replace_all(std::string(kUnsubscribe), "Delivered-To: unsubscribe@example.org",
                              "Delivered-To: unsubscribe+AddrTok@example.org");
  BOOST_TEST(read(m).findings.at(0).token == "AddrTok");
  const auto from = [&](const char* value) {
    return read(replace_all(std::string(kUnsubscribe), "From: Ada Reader <Ada.Reader@Example.com>",
                            std::string("From: ") + value));
  };
  BOOST_TEST(from("reader@example.com (Reader)").findings.at(0).recipient == "reader@example.com");
  BOOST_TEST(from("\"Evil <x@evil.example>, Co\" <real@example.com>").findings.at(0).recipient == "real@example.com");
  BOOST_TEST(from("=?UTF-8?Q?J=C3=B6rg?= <joerg@example.de>").findings.at(0).recipient == "joerg@example.de");
  BOOST_TEST(from("first@example.com, second@example.com").findings.at(0).recipient == "first@example.com");
  BOOST_TEST(from("Reader, Ada <ada@example.com>").findings.at(0).recipient == "ada@example.com");
  BOOST_TEST(from("<@relay.example.net:ada@example.com>").findings.at(0).recipient == "ada@example.com");
  for (const char* bad :
       {"undisclosed-recipients:;", "Reader", "<not an address>", "a@b@c", "", "Reader <reader@example.com"}) {
    BOOST_TEST_CONTEXT(bad) {
      expect_problem(replace_all(std::string(kUnsubscribe), "From: Ada Reader <Ada.Reader@Example.com>",
                                 std::string("From: ") + bad),
                     "an unsubscribe request whose From address cannot be read");
    }
  }
}

BOOST_AUTO_TEST_CASE(a_mailer_daemon_is_never_a_request_to_leave) {
  const std::string m = mail(
      "Return-Path: <>\nFrom: MAILER-DAEMON@mx.example.net\nTo: unsubscribe@example.org\nSubject: unsubscribe Tok\n",
      "Your message could not be delivered, we will retry.\n");
  expect_problem(m, "a bounce we cannot read: no delivery-status part");
}

// ---- Auto-replies and the rest

BOOST_AUTO_TEST_CASE(auto_replies_are_other) {
  expect_one(kAutoReply, {Kind::other, "grace@corp.example.com", "Ooo-Rd8Tf7Yg6Uh5Ij4Ok3Pl2Am1Sn0Bq",
                          "<2026-W47.0a0b0c0d0e0f101112131415@example.org>", "",
                          "auto-reply: Automatic reply: Weekly AI Tool Verdicts, 2026-W47"});
  // A Sieve vacation reply: RFC 3834 headers, a null sender, an "Out of Office" subject.
  const std::string vacation = mail(
      "Return-Path: <>\nDelivered-To: bounces+Vac_1@example.org\nFrom: Lin <lin@example.net>\n"
      "To: bounces+Vac_1@example.org\nSubject: Out of Office: back 1 December\nAuto-Submitted: auto-replied "
      "(vacation)\n"
      "Precedence: bulk\n",
      "I am away.\n");
  expect_one(vacation, {Kind::other, "lin@example.net", "Vac_1", "", "", "auto-reply: Out of Office: back 1 December"});
  for (const char* marker : {"X-Autoreply: yes\n", "X-Autorespond: Auto\n", "Precedence: auto_reply\n"}) {
    BOOST_TEST_CONTEXT(marker) {
      const Reading r =
          read(mail(std::string("From: lin@example.net\nTo: bounces+V@example.org\nSubject: Hi\n") + marker));
      BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
      BOOST_TEST(r.findings[0].kind == Kind::other);
      BOOST_TEST(r.findings[0].detail == "auto-reply: Hi");
    }
  }
  // Other machine mail (a list server's notice) is other too, named as such.
  const Reading notice =
      read(mail("From: lists@example.net\nTo: bounces@example.org\nSubject: Your post awaits approval\n"
                "Auto-Submitted: auto-generated\n"));
  BOOST_REQUIRE_EQUAL(notice.findings.size(), 1u);
  BOOST_TEST(notice.findings[0].detail == "automatic message: Your post awaits approval");
  // An auto-reply at the unsubscribe address asks for nothing either.
  const Reading at_unsubscribe = read(mail(
      "From: lin@example.net\nTo: unsubscribe@example.org\nSubject: Out of office\nAuto-Submitted: auto-replied\n"));
  BOOST_TEST(at_unsubscribe.findings.at(0).kind == Kind::other);
}

BOOST_AUTO_TEST_CASE(plain_text_bounces_fall_back_conservatively) {
  expect_one(kQmail, {Kind::hard_bounce, "", "Qm_Old-Sch00l.token=1", "", "5.1.1",
                      "Sorry, no mailbox here by that name. (#5.1.1)"});
  expect_one(kEximPlain, {Kind::hard_bounce, "gone@example.net", "ExOld-4f4f4f4f", "", "5.1.1",
                          "host mx1.example.net [192.0.2.25]: 550 5.1.1 <gone@example.net>: Recipient address "
                          "rejected: User unknown"});
  // The inline copy of the returned message is not the notice: a failure only there is none.
  expect_problem(replace_all(std::string(kQmail), "Sorry, no mailbox here by that name. (#5.1.1)",
                             "Sorry, I couldn't deliver it.") +
                     "Received: from relay (550 5.1.1 in a header of the copy)\n",
                 "a bounce we cannot read: no delivery-status part");
  expect_problem(replace_all(std::string(kEximPlain), "host mx1.example.net [192.0.2.25]: 550 5.1.1", "host mx1") +
                     "X-Quoted: 550 5.1.1 from the copy\n",
                 "a bounce we cannot read: no delivery-status part");
  // A gateway's bounce from the null sender under an ordinary-looking name, with auto-reply
  // markers: the SMTP failure in it makes it a bounce, not an auto-reply.
  expect_one(mail("Return-Path: <>\nDelivered-To: bounces+Gw_1@example.org\n"
                  "From: Mail Gateway <mailgw@gw.example.net>\nSubject: Undeliverable: Weekly AI Tool Verdicts\n"
                  "Auto-Submitted: auto-replied\nX-Autoreply: yes\n",
                  "Delivery failed for <gone@example.net>\nRemote server said: 550 5.1.1 mailbox unavailable\n"),
             {Kind::hard_bounce, "", "Gw_1", "", "5.1.1", "Remote server said: 550 5.1.1 mailbox unavailable"});
  // A 5xx without an enhanced code, or a temporary failure, is not enough.
  expect_problem(mail("Return-Path: <>\nFrom: MAILER-DAEMON@mx.example.net\nTo: bounces+T@example.org\n"
                      "Subject: failure notice\n",
                      "<gone@example.net>:\n550 User unknown\n"),
                 "a bounce we cannot read: no delivery-status part");
  expect_problem(mail("From: Mail Delivery System <postmaster@mx.example.net>\nTo: bounces+T@example.org\n"
                      "Subject: Warning: message delayed\n",
                      "451 4.4.1 still trying\n"),
                 "a bounce we cannot read: no delivery-status part");
  // Not from a mailer daemon: the same text is not read as a bounce.
  expect_problem(mail("From: reader@example.com\nTo: bounces+T@example.org\nSubject: why?\n",
                      "I got 550 5.1.1 when I wrote to you.\n"),
                 "not a bounce, complaint, unsubscribe request or auto-reply");
}

BOOST_AUTO_TEST_CASE(a_plain_text_bounce_reads_its_text_parts_only) {
  // A daemon's multipart/mixed notice: the text part has the failure; a returned message's
  // text would not count.
  const std::string m =
      "Return-Path: <>\nFrom: MAILER-DAEMON@mx.example.net\nTo: bounces+Mixed_1@example.org\nSubject: failure\n"
      "Content-Type: multipart/mixed; boundary=mm\n\n"
      "--mm\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n" +
      base64("Delivery to <gone@example.net> failed:\n554 5.7.1 <gone@example.net>: Relay access denied\n") +
      "\n--mm\nContent-Type: message/rfc822\n\nReturn-Path: <bounces+Inner_Tok@example.org>\n"
      "Message-ID: <2026-W47.mixed@example.org>\n\nbody\n--mm--\n";
  expect_one(m, {Kind::hard_bounce, "gone@example.net", "Mixed_1", "<2026-W47.mixed@example.org>", "5.7.1",
                 "554 5.7.1 <gone@example.net>: Relay access denied"});
  const std::string only_in_copy =
      "Return-Path: <>\nFrom: MAILER-DAEMON@mx.example.net\nTo: bounces+Mixed_1@example.org\nSubject: failure\n"
      "Content-Type: multipart/mixed; boundary=mm\n\n--mm\nContent-Type: text/plain\n\nSomething went wrong.\n"
      "--mm\nContent-Type: message/rfc822\n\nSubject: x\n\n550 5.1.1 inside the copy\n--mm--\n";
  expect_problem(only_in_copy, "a bounce we cannot read: no delivery-status part");
}

BOOST_AUTO_TEST_CASE(mail_that_is_none_of_these_is_a_problem) {
  expect_problem(mail("From: reader@example.com\nTo: bounces+T@example.org\nSubject: Thanks for the digest\n"),
                 "not a bounce, complaint, unsubscribe request or auto-reply");
}

// ---- Hostile input

BOOST_AUTO_TEST_CASE(no_headers) {
  for (const std::string& m :
       {std::string(), std::string("\n\nbody\n"), std::string("\r\n"), std::string("not a header line\nFrom: x@y\n"),
        std::string("\x00\xFF\xFE garbage\n", 12), std::string(" folded: without a field\n"),
        std::string("Subject: a line that was cut, without its line end")}) {
    BOOST_TEST_CONTEXT(m.size() << " bytes") { BOOST_TEST(read(m).problem == "no headers"); }
  }
}

BOOST_AUTO_TEST_CASE(an_mbox_from_line_is_skipped) {
  expect_one("From MAILER-DAEMON Mon Nov 23 06:02:11 2026\n" + std::string(kPostfix), kPostfixFinding);
}

BOOST_AUTO_TEST_CASE(truncated_messages_never_yield_cut_values) {
  // Every prefix of the Postfix DSN: what is found is whole or absent, never a cut address,
  // token, id or status.
  const std::string whole(kPostfix);
  std::size_t found = 0;
  for (std::size_t n = 0; n <= whole.size(); ++n) {
    const Reading r = read(std::string_view(whole).substr(0, n));
    for (const auto& f : r.findings) {
      ++found;
      if (f.kind != Kind::hard_bounce || (f.recipient != "" && f.recipient != "nobody@localhost") ||
          (f.token != "" && f.token != kPostfixToken) || (f.message_id != "" && f.message_id != kPostfixId) ||
          (f.status != "" && f.status != "5.1.1"))
        BOOST_ERROR("prefix of " << n << " bytes: " << f.kind << " '" << f.recipient << "' '" << f.token << "' '"
                                 << f.message_id << "' '" << f.status << "'");
    }
  }
  BOOST_TEST(found > 0u);
  // Cut just after the recipient block: the bounce is read, the id (in the next part) is not.
  const std::string cut = whole.substr(0, whole.find("--4C2F11A0B3", whole.find("Diagnostic-Code")));
  expect_one(cut, {Kind::hard_bounce, "nobody@localhost", std::string(kPostfixToken), "", "5.1.1",
                   "unknown user: \"nobody\""});
  // Cut inside the address: that last line is incomplete and is not read, so there is no
  // recipient at all rather than "nobody@loc".
  const std::size_t block = whole.find("Final-Recipient: rfc822; nobody@localhost");
  expect_problem(whole.substr(0, block + 35), "a delivery-status part without any recipient");
  // Cut inside "Action: failed": the addresses are whole, the action is not read.
  const std::size_t action = whole.find("Action: failed");
  expect_problem(whole.substr(0, action + 11), "a delivery-status part whose recipients we cannot read");
}

BOOST_AUTO_TEST_CASE(binary_junk_and_mutations_never_break_the_contract) {
  std::mt19937 rng(20261123);  // the engine's output is fixed by the standard
  for (int i = 0; i < 200; ++i) {
    std::string junk(rng() % 8192, '\0');
    for (char& c : junk) c = static_cast<char>(rng() & 0xFF);
    read(junk);
  }
  // Byte flips, cuts and splices of the real-looking fixtures.
  const std::string_view sources[] = {kPostfix, kExim, kGmail, kArfOurs, kUnsubscribe, kQmail};
  for (int i = 0; i < 3000; ++i) {
    std::string m(sources[rng() % std::size(sources)]);
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !m.empty(); ++e) {
      const std::size_t at = rng() % m.size();
      switch (rng() % 5) {
        case 0:
          m[at] = static_cast<char>(rng() & 0xFF);
          break;
        case 1:
          m.erase(at, rng() % 64);
          break;
        case 2:
          m.insert(at, std::string(1 + rng() % 4, "\n\r-:;\"<>=\t"[rng() % 10]));
          break;
        case 3:
          m.insert(at, m.substr(rng() % m.size(), rng() % 200));
          break;
        case 4:
          m.resize(at);
          break;
      }
    }
    read(m);
  }
}

BOOST_AUTO_TEST_CASE(multipart_without_boundary) {
  std::string m = replace_all(std::string(kPostfix), ";\n\tboundary=\"4C2F11A0B3.1795413731/mail.example.org\"", "");
  BOOST_REQUIRE(m != kPostfix);
  expect_problem(m, "a multipart/report without a boundary");
  expect_problem(mail("From: reader@example.com\nTo: bounces@example.org\nSubject: x\nContent-Type: multipart/mixed\n",
                      "--x\n\nhello\n--x--\n"),
                 "a message we cannot read: a multipart without a boundary");
  expect_problem(mail("From: reader@example.com\nTo: bounces@example.org\nSubject: x\n"
                      "Content-Type: multipart/mixed; boundary=\"\"\n",
                      "--\n\nhello\n"),
                 "a message we cannot read: a multipart without a boundary");
}

BOOST_AUTO_TEST_CASE(nesting_is_read_to_the_limit_and_no_further) {
  expect_one(nested(kMaxDepth - 1), kPostfixFinding);
  expect_problem(nested(kMaxDepth), "a multipart/report we cannot read: its parts nest deeper than 8 levels");
  expect_problem(nested(40), "a bounce we cannot read: its parts nest deeper than 8 levels");
  const Reading deep = read(nested(5000));  // far deeper than any recursion could take
  BOOST_TEST(deep.problem == "a bounce we cannot read: its parts nest deeper than 8 levels");
}

BOOST_AUTO_TEST_CASE(parts_are_read_to_the_limit_and_no_further) {
  const auto many = [](std::size_t filler) {
    std::string m =
        "Return-Path: <>\nFrom: MAILER-DAEMON@mail.example.org\nSubject: x\n"
        "Content-Type: multipart/mixed; boundary=\"many\"\n\n";
    for (std::size_t i = 0; i < filler; ++i) m += "--many\nContent-Type: image/gif\n\nGIF89a\n";
    return m + "--many\n" + std::string(kPostfix.substr(kPostfix.find("Content-Type: multipart/report"))) +
           "--many--\n";
  };
  // The message, the fillers, the report and its three parts: all read.
  expect_one(many(kMaxParts - 5), kPostfixFinding);
  // One filler more and the report's last part (the returned headers) is past the limit: the
  // parts seen are read, so the bounce is there without its Message-ID.
  Expected without_id = kPostfixFinding;
  without_id.message_id = "";
  expect_one(many(kMaxParts - 4), without_id);
  // The report itself is the last part read: none of its parts are.
  expect_problem(many(kMaxParts - 2), "a multipart/report we cannot read: it has more than 256 parts");
  expect_problem(many(100000), "a bounce we cannot read: it has more than 256 parts");
}

BOOST_AUTO_TEST_CASE(control_characters_never_reach_the_detail) {
  // A Diagnostic-Code that tries to start a header (bare CR), clear a terminal (ESC), hide
  // text (NUL, NEL, U+2028) and carry a byte that is not UTF-8; and one folded so that its
  // continuation looks like a header of its own.
  Dsn d;
  std::string diagnostic = "550 5.1.1 gone\rBcc: victim@example.com\x1b[2J";
  diagnostic += '\0';
  diagnostic += " \xC2\x85 \xE2\x80\xA8 \xFF end";
  d.recipients = "Final-Recipient: rfc822; r@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; " +
                 diagnostic + "\n";
  const Reading r = read(d.text());
  BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
  BOOST_TEST(r.findings[0].detail == "550 5.1.1 gone Bcc: victim@example.com [2J \xEF\xBF\xBD end");
  d.recipients =
      "Final-Recipient: rfc822; r@example.net\nAction: failed\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 gone\n\tX-Injected: yes\n";
  BOOST_TEST(read(d.text()).findings.at(0).detail == "550 5.1.1 gone X-Injected: yes");
  // A Subject with a raw CR LF inside an encoded word cannot break the line either.
  const std::string m = replace_all(std::string(kUnsubscribe), "Subject: unsubscribe h3Yq_Zp0-Lw8sT2uVx9aBcDeFgHiJkLm",
                                    "Subject: =?UTF-8?Q?unsubscribe=0D=0ABcc:_x@evil.example?=");
  BOOST_TEST(read(m).findings.at(0).detail == "unsubscribe Bcc: x@evil.example");
}

BOOST_AUTO_TEST_CASE(detail_is_cut_on_a_character_at_300_bytes) {
  Dsn d;
  std::string long_text;
  for (int i = 0; i < 400; ++i) long_text += "\xC3\xA9";  // é, two bytes
  d.recipients = "Final-Recipient: rfc822; r@example.net\nAction: failed\nDiagnostic-Code: smtp; " + long_text + "\n";
  const std::string detail = read(d.text()).findings.at(0).detail;
  std::string expected;
  for (int i = 0; i < 148; ++i) expected += "\xC3\xA9";
  BOOST_TEST(detail == expected + "\xE2\x80\xA6");
  BOOST_TEST(detail.size() <= kMaxDetailBytes);
  d.recipients = "Final-Recipient: rfc822; r@example.net\nAction: failed\nDiagnostic-Code: smtp; " +
                 std::string(5 * 1024 * 1024, ' ') + "short\n";
  BOOST_TEST(read(d.text()).findings.at(0).detail == "short");
}

BOOST_AUTO_TEST_CASE(huge_hostile_shapes_stay_cheap) {
  // A 4 MiB To: made of near-misses of our address, and 4 MiB of lines that almost are a
  // delimiter: linear work, so this runs in well under a second.
  std::string near_misses = "To: ";
  while (near_misses.size() < 4 * 1024 * 1024) near_misses += "bounces+a@example.or ";
  const Reading a = read(mail("From: reader@example.com\n" + near_misses + "\nSubject: x\n"));
  BOOST_TEST(a.problem == "not a bounce, complaint, unsubscribe request or auto-reply");
  std::string almost = "From: reader@example.com\nSubject: x\nContent-Type: multipart/mixed; boundary=\"" +
                       std::string(190, 'b') + "\"\n\n";
  while (almost.size() < 4 * 1024 * 1024) almost += "--" + std::string(190, 'b') + "x\n";
  BOOST_TEST(read(almost).problem == "not a bounce, complaint, unsubscribe request or auto-reply");
}

BOOST_AUTO_TEST_CASE(lf_and_crlf_read_alike) {
  for (const std::string_view m : {kPostfix, kExim, kGmail, kDelayed, kTwoRecipients, kArfMinimal, kArfOurs,
                                   kUnsubscribe, kAutoReply, kQmail, kEximPlain}) {
    const Reading lf = read(m), crlf_reading = read(crlf(m));
    BOOST_TEST(lf.problem == crlf_reading.problem);
    BOOST_REQUIRE_EQUAL(lf.findings.size(), crlf_reading.findings.size());
    for (std::size_t i = 0; i < lf.findings.size(); ++i)
      expect(crlf_reading.findings[i], {lf.findings[i].kind, lf.findings[i].recipient, lf.findings[i].token,
                                        lf.findings[i].message_id, lf.findings[i].status, lf.findings[i].detail});
  }
}

// ---- Real bounces (tests/unit/fixtures/bounces, from the mikel/mail gem's spec fixtures)

BOOST_AUTO_TEST_CASE(real_postfix_bounce_to_five_gmail_addresses) {
  const std::string m =
      read_file(std::filesystem::path(TV_SOURCE_DIR) / "tests/unit/fixtures/bounces/multi_address_bounce1.eml");
  BOOST_REQUIRE(m.size() == 7933u);
  const Reading r = read(m);
  BOOST_TEST(r.problem == "");
  BOOST_REQUIRE_EQUAL(r.findings.size(), 5u);
  const char* recipients[] = {"bbbbvhvbbvkjbhfbvbvjhb@gmail.com", "bscdbcjhasbcjhbdscbhbsdhcbj@gmail.com",
                              "egyfefsdvsfvvhjsd@gmail.com", "kfhejkfbsjkjsbhds@gmail.com",
                              "qfvhgsvhgsduiohncdhcvhsdfvsfygusd@gmail.com"};
  for (std::size_t i = 0; i < 5; ++i)
    expect(r.findings[i],
           {Kind::hard_bounce, recipients[i], "", "<118707422.15521266992174819.JavaMail.root@lvmail01>", "5.1.1",
            "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 "
            "double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. "
            "Learn more at 550 5.1.1 http://mail.google.com/support/bin/answer.py?answer=6596 "
            "41si5422799iwn.27"});
}

BOOST_AUTO_TEST_CASE(real_bounce_with_a_prose_delivery_status_part_and_a_verp_sender) {
  // Two message/delivery-status parts, the first of them prose; a quoted boundary with spaces
  // and parentheses, named "Boundary"; and a real VERP address (notification+promo@blah.com).
  const std::string m = read_file(std::filesystem::path(TV_SOURCE_DIR) /
                                  "tests/unit/fixtures/bounces/multipart_report_multiple_status.eml");
  BOOST_REQUIRE(m.size() == 4651u);
  const Options blah{"notification@blah.com", "unsubscribe@blah.com"};
  const Reading r = read(m, blah);
  BOOST_TEST(r.problem == "");
  BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
  expect(r.findings[0], {Kind::hard_bounce, "u@ci.com", "promo", "<4c2a146147ac8_61ff157c4ec1652df@s.h.c.mail>",
                         "5.3.0", "Mail System Error - Returned Mail"});
}

BOOST_AUTO_TEST_CASE(real_sendmail_delay_warning_and_failure) {
  const auto dir = std::filesystem::path(TV_SOURCE_DIR) / "tests/unit/fixtures/bounces";
  const std::string delayed = read_file(dir / "report_422.eml");
  BOOST_REQUIRE(delayed.size() == 4202u);
  Reading r = read(delayed);
  BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
  expect(r.findings[0], {Kind::soft_bounce, "fraser@oooooooo.com.au", "",
                         "<15655788.13.1200472642578.JavaMail.Administrator@mail.ttttt.com.au>", "4.2.2",
                         "452 4.2.2 <fraser@oooooooo.com.au>... Mailbox full"});
  const std::string failed = read_file(dir / "report_530.eml");
  BOOST_REQUIRE(failed.size() == 4232u);
  r = read(failed);
  BOOST_REQUIRE_EQUAL(r.findings.size(), 1u);
  expect(r.findings[0], {Kind::hard_bounce, "edwin@zzzzzzz.com", "", "<200712232303.lBNN3jDq002941@mail12.rrrr.com.au>",
                         "5.3.0", "553 5.3.0 <edwin@zzzzzzz.com>... Unknown E-Mail Address"});
}

// ---- The shared corpus, when present

BOOST_AUTO_TEST_CASE(every_corpus_message_is_read_and_only_bounces_are_bounces) {
  const auto dir = corpus_dir() / "email-mime-fixtures-mikel-mail" / "emails";
  if (!std::filesystem::is_directory(dir)) {
    BOOST_TEST_MESSAGE("skipped: corpus folder " << dir.string() << " is absent");
    return;
  }
  // The messages that are bounces: the gem's multipart_report_emails, and one sendmail delay
  // warning that the gem filed among its MIME examples.
  const std::set<std::string> expected_bounces = {"multipart_report_emails/multi_address_bounce1.eml",
                                                  "multipart_report_emails/multi_address_bounce2.eml",
                                                  "multipart_report_emails/multipart_report_multiple_status.eml",
                                                  "multipart_report_emails/report_422.eml",
                                                  "multipart_report_emails/report_530.eml",
                                                  "mime_emails/raw_email_with_mimepart_without_content_type.eml"};
  std::set<std::string> bounces;
  std::size_t files = 0, others = 0, problems = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".eml") continue;
    ++files;
    const std::string name = entry.path().parent_path().filename().string() + "/" + entry.path().filename().string();
    BOOST_TEST_CONTEXT(name) {
      const std::string bytes = read_file(entry.path());
      const Reading r = read(bytes);
      problems += !r.problem.empty();
      for (const auto& f : r.findings) {
        if (f.kind == Kind::hard_bounce || f.kind == Kind::soft_bounce) {
          bounces.insert(name);
          BOOST_TEST(f.recipient.find('@') != std::string::npos);
          BOOST_TEST(!f.status.empty());
        }
        others += f.kind == Kind::other;
        // None of this corpus was sent to our addresses or is an abuse report.
        BOOST_TEST((f.kind != Kind::complaint && f.kind != Kind::unsubscribe));
        BOOST_TEST(f.token == "");
      }
      // The same bytes with LF line ends read the same.
      const Reading lf = read_message(replace_all(bytes, "\r\n", "\n"), kOptions);
      BOOST_TEST(lf.findings.size() == r.findings.size());
      BOOST_TEST(lf.problem == r.problem);
    }
  }
  BOOST_TEST(files >= 100u);
  BOOST_TEST(bounces == expected_bounces, boost::test_tools::per_element());
  BOOST_TEST_MESSAGE("mikel/mail corpus: " << files << " messages, " << bounces.size() << " bounces, " << others
                                           << " other, " << problems << " read as problems");
}

BOOST_AUTO_TEST_SUITE_END()
