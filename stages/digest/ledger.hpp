// Ledger: the rows the state store keeps per (digest, recipient), so no reader is mailed a
// week's digest twice. Plain types; the store (pipeline/store_digest.cpp) reads and writes
// them, pipeline/digest_step moves them along:
//
//   queued ──> reserved ──> sending ──> sent        the server answered 250 to the final dot
//      │          │            ├──────> failed      a 5xx reply to the message
//      │          │            ├──────> queued      a 4xx reply to the message: retry later
//      │          │            └──────> uncertain   handed over and no answer came (the
//      │          │                                 connection or the run died); never
//      │          │                                 re-sent automatically, shown to the editor
//      │          ├───────────────────> failed      a 5xx reply to RCPT
//      │          └───────────────────> queued      not tried, or a 4xx / dropped connection
//      │                                            before the message went out
//      └──────────────────────────────> skipped     unsubscribed before their turn
//
// Durability, so a crash at any moment never mails anyone twice, at one fsync per 32 readers
// rather than per message: a batch of readers turns `reserved` in an fsync'ed store commit
// that names this boot of the machine (its kernel boot id). Each reader turns `sending` just
// before the first byte of its message leaves (after the server's 354), and every outcome
// after, in the send's journal (pipeline/send_journal.hpp): one write(2), not fsync'ed. A
// killed process cannot lose a write (the kernel has it), only a machine that stops can, and
// that changes the boot id. The next send replays the journal into the store first; then
// `sending` becomes uncertain; `reserved` of the same boot was certainly never handed over
// and is mailed; `reserved` of an earlier boot may have been, and becomes uncertain.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace tv::digest {

enum class SendStatus { queued, reserved, sending, sent, failed, uncertain, skipped };

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
  std::string boot;        // reserved: the kernel boot id of the send that reserved it
  std::string updated_at;  // UTC ISO-8601
};

// One change to one row: its new status and detail; `handed_over` adds one to attempts.
struct SendUpdate {
  SendUpdate(std::string key, SendStatus status, std::string detail = "", bool handed_over = false,
             std::string boot = "")
      : key(std::move(key)), status(status), detail(std::move(detail)), handed_over(handed_over),
        boot(std::move(boot)) {}
  std::string key;
  SendStatus status;
  std::string detail;
  bool handed_over;
  std::string boot;  // for reserved: the kernel boot id of this send
};

}  // namespace tv::digest
