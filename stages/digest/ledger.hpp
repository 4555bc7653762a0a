// Ledger: the rows the state store keeps per (digest, recipient), so no reader is mailed a
// week's digest twice. Plain types; the store (pipeline/store_digest.cpp) reads and writes
// them, pipeline/digest_step moves them along:
//
//   queued ──> sending ──> sent        the server answered 250 to the final dot
//      │          ├──────> failed      a 5xx reply to the message: final for this reader
//      │          └──────> uncertain   the message was handed over and no answer came (the
//      │                               connection died after the final dot, or the run did);
//      │                               never re-sent automatically, shown to the editor
//      ├─────────────────> failed      a 5xx reply to MAIL or RCPT
//      └─────────────────> skipped     unsubscribed (or gone from the list) before mailing
//
// "sending" is written durably just before the first byte of the message goes out (after the
// server's 354), so a crash at any moment leaves every reader either never handed the message
// (queued: mailed by the next --send), or handed it (sending or later: never mailed again). A
// 4xx or a dropped connection before the message went out leaves the row queued.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace tv::digest {

enum class SendStatus { queued, sending, sent, failed, uncertain, skipped };

std::string_view to_string(SendStatus);
// Throws std::invalid_argument on a word it does not know.
SendStatus send_status(std::string_view);

struct SendRow {
  std::string week;        // "2026-W47"
  std::string key;         // the subscriber's dedupe key (digest/subscribers)
  std::string email, name;
  std::string message_id;  // fixed when queued
  SendStatus status = SendStatus::queued;
  int attempts = 0;        // times the message was handed to a server
  std::string detail;      // the server's last reply, or what happened, for the editor
  std::string updated_at;  // UTC ISO-8601
};

// One change to one row: its new status and detail; `handed_over` adds one to attempts.
struct SendUpdate {
  std::string key;
  SendStatus status = SendStatus::queued;
  std::string detail;
  bool handed_over = false;
};

}  // namespace tv::digest
