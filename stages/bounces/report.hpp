// Bounce report: what one message that came back to the digest's bounce or unsubscribe mailbox
// says about a reader, read from the message's bytes alone.
//
// Takes: the raw bytes of one message as the MTA stored it in the Maildir (any bytes, any
// size: the caller caps it at a few MiB; CRLF or LF line ends, 8-bit junk, truncation and
// broken MIME are all expected), and the two addresses the digest uses (Options).
//
// Returns: a Reading. Exactly one of these holds:
//   - findings is non-empty: what the message says, one Finding per failed or delayed
//     recipient of a delivery status notification (RFC 3464 / RFC 6533), one for an abuse
//     report (RFC 5965 ARF), one for a request to leave, one for an auto-reply, read receipt
//     or not-spam report (Kind::other: read, nothing to do);
//   - problem is non-empty: the message cannot be read as any of those, in a short phrase
//     for the editor ("no headers", "a bounce we cannot read: no delivery-status part", ...);
//   - both are empty: a report that was read and asks for nothing (a DSN whose recipients
//     were all delivered, relayed or expanded).
//
// Bad input: never a crash, never an exception (but std::bad_alloc), never a read past the
// end. Work is linear in the input (times the nesting limit); MIME nesting is walked with an
// explicit queue, at most kMaxDepth levels below the message and kMaxParts parts in all;
// what lies beyond is not read, and the problem says so when it mattered. A multipart that
// is cut short yields the parts seen; a last line without a line end is taken as cut and
// not read, so a cut address or token is never reported as a whole one. Every string in a
// Finding is valid UTF-8 without control characters, so it can go into a log line or a
// store row as it is.
//
// Trust: everything here is a claim by whoever sent the message. The token in particular
// is only what the message carries; the caller checks its HMAC (stages/digest/token.hpp)
// before it acts on a reader. The parser's job is to find it, not to believe it.
//
// Pure: no I/O, no clock, no global state. docs/bounces.md describes the formats read.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tv::bounces {

// Parts nested deeper than this below the message are not read (a DSN is 1 level deep; a
// Gmail DSN's notification text 3; a report wrapped in multipart/mixed 2).
inline constexpr std::size_t kMaxDepth = 8;
// MIME parts read in all, the message itself included.
inline constexpr std::size_t kMaxParts = 256;
// Findings from one DSN; recipients past this are not read (one digest goes to one reader).
inline constexpr std::size_t kMaxFindings = 256;
// The longest Finding::detail, in bytes.
inline constexpr std::size_t kMaxDetailBytes = 300;

struct Options {
  // "bounces@example.org": the digest's envelope sender is bounces+TOKEN@example.org (VERP).
  // Local part and domain are compared case-insensitively; the token keeps its case.
  std::string bounce_address;
  // "unsubscribe@example.org": mail to it, or to unsubscribe+TOKEN@example.org, is a request
  // to leave. Empty: no message is read as one.
  std::string unsubscribe_address;
};

enum class Kind {
  hard_bounce,  // the recipient's server refused for good (DSN failed with 5.x.x)
  soft_bounce,  // delayed, or failed with a temporary 4.x.x status
  complaint,    // the reader reported the digest as spam (ARF, any type but not-spam)
  unsubscribe,  // the reader mailed the unsubscribe address
  other,        // read and understood, nothing to do: auto-reply, read receipt, not-spam
};

// Stable lower-case names for logs and the store: "hard-bounce", "soft-bounce", "complaint",
// "unsubscribe", "other".
std::string_view to_string(Kind kind);

struct Finding {
  Kind kind = Kind::other;
  // The reader's address as the report gives it: the DSN's Original-Recipient, else its
  // Final-Recipient (address type such as "rfc822;" and angle brackets removed); the ARF's
  // Original-Rcpt-To, else Removal-Recipient, else the reported message's To; a plain-text
  // bounce's X-Failed-Recipients; for an unsubscribe or an auto-reply, the From address.
  // "" when the message gives none that looks like an address.
  std::string recipient;
  // The VERP or unsubscribe token from the addresses the message was delivered to, or from
  // the returned original (see docs/bounces.md for the order), or for an unsubscribe from a
  // Subject "unsubscribe TOKEN". Only [A-Za-z0-9_.=-]; "" when none.
  std::string token;
  // The original message's Message-ID in "<...>" form: from the returned message/rfc822 or
  // text/rfc822-headers part, the ARF's third part, Gmail's X-Original-Message-ID, or the
  // message's own In-Reply-To (auto-replies carry ours there); "" when none.
  std::string message_id;
  // The DSN status ("5.1.1", "4.2.2"), or the enhanced code a plain-text bounce gave; "" for
  // complaints, unsubscribes, other, and a DSN that gave none.
  std::string status;
  // One line for the editor: the Diagnostic-Code text, "complaint: abuse", the Subject.
  // Control characters become spaces, runs of spaces one, ill-formed UTF-8 U+FFFD; at most
  // kMaxDetailBytes bytes (cut on a character, ending in "…" when cut).
  std::string detail;
};

struct Reading {
  std::vector<Finding> findings;
  std::string problem;
};

Reading read_message(std::string_view bytes, const Options& options);

}  // namespace tv::bounces
