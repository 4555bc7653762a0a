// DigestStep: the weekly digest between the state store, the outbox, the subscribers file and
// the mail server (docs/digest.md). The pure parts live in stages/digest; this is where they
// meet the store, the files and the clock.
//
//   nightly run:  record_tool_history() every night; on digest.weekday also week_digest() +
//                 write_digest_files() for the last complete week.
//   digest:       week_digest() -> render_letter() -> write_digest_files(); with --send,
//                 send_digest() through a digest::Transport (the libcurl Session).
//
// Errors: StoreError from the store, std::runtime_error naming the file from file writes,
// ConfigError for missing or unreadable secrets. send_digest() never throws for anything a
// server does: every outcome lands in the ledger and the report.
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/config.hpp"
#include "pipeline/store.hpp"
#include "stages/digest/content.hpp"
#include "stages/digest/dkim.hpp"
#include "stages/digest/letter.hpp"
#include "stages/digest/smtp.hpp"
#include "stages/digest/subscribers.hpp"

namespace tv {

digest::Settings digest_settings(const Config& cfg);

// The digest's templates, <paths.templates>/digest. Throws site::TemplateError.
site::Templates load_digest_templates(const Config& cfg);

// Records `date`'s state of every tool whose state differs from its last recorded one: the live
// tools from the site data (docs/site-data.md), and those merged away (absorbed) since. Returns
// how many states were recorded.
std::size_t record_tool_history(Store& store, const nlohmann::json& site_doc, const std::string& date);

struct WeekDigest {
  digest::Week week;
  bool frozen = false;  // its sending has begun: the content is the one frozen then
};
WeekDigest week_digest(const Store& store, const digest::WeekSpan& span);

struct DigestFiles {
  std::filesystem::path eml, html;
};
// <paths.outbox>/digest/<week>.eml, the list's archive copy (To: the list itself, the site's
// general unsubscribe page instead of a reader's link), and <week>.html, its HTML part, for
// a preview in a browser. Each written atomically. `date` is the RFC 5322 Date.
DigestFiles write_digest_files(const Config& cfg, const digest::Letter& letter, const std::string& week,
                               const std::string& date);

struct Secrets {
  std::string digest_secret;                // signs unsubscribe links and Message-IDs
  std::string smtp_username, smtp_password;  // empty: no AUTH
};
// TV_DIGEST_SECRET, else digest.secret_file; smtp.credentials_file, else TV_SMTP_USERNAME and
// TV_SMTP_PASSWORD. Throws ConfigError when the secret is missing or under 16 bytes, or a
// named file cannot be read.
Secrets load_secrets(const Config& cfg);

digest::SmtpOptions smtp_options(const Config& cfg, const Secrets& secrets);

// The DKIM signer of smtp.dkim_key_file, or nullopt when none is named. Throws ConfigError
// naming the file when it cannot be read or the key cannot be used.
std::optional<digest::DkimSigner> load_dkim(const Config& cfg);

struct SendOptions {
  double rate_per_second = 0;      // 0 = no limit
  int retries = 3;
  int retry_delay_ms = 2000;
  int max_connection_failures = 5;
  std::function<void(std::chrono::milliseconds)> sleep;  // the real one unless a test's
  std::filesystem::path journal;  // the send's journal (pipeline/send_journal.hpp), per week
  // Asked just before each reader's message: false skips the reader (they left since the send
  // began). Unset: everyone handed in is mailed.
  std::function<bool(const std::string& key)> still_subscribed;
  // The reader's bounce token (token.hpp: names the reader in bounces+TOKEN@ and in the mailto:
  // unsubscribe's subject); unset or "": none.
  std::function<std::string(const std::string& key)> reader_token;
  std::string bounce_address;  // smtp.bounce_address: envelope bounces+TOKEN@domain; "" = from
  const digest::DkimSigner* dkim = nullptr;  // signs every message when set
};

// The envelope sender for a reader: `bounce_address` with "+TOKEN" before its '@' (VERP), or
// `from` when there is no bounce address or no token.
std::string envelope_sender(const std::string& from, const std::string& bounce_address, const std::string& token);
// `week`: the journal is <paths.state>/digest/<week>.journal.
SendOptions send_options(const Config& cfg, const std::string& week);

struct SendReport {
  std::size_t recipients = 0;  // in the ledger for this week
  std::size_t sent = 0, failed = 0, uncertain = 0, skipped = 0;  // settled by this send
  std::size_t deferred = 0;    // still queued after their tries: the next --send tries again
  std::size_t settled_before = 0;  // sent, failed, uncertain or skipped by an earlier send
  std::size_t interrupted = 0;     // found "sending" (an earlier send died mid-message): now uncertain
  std::size_t still_queued = 0;    // not mailed yet (deferred, or after a stop): the next --send
  bool stopped = false;            // the send gave up early (connection failures, TLS, login)
  std::string stop_reason;
  std::vector<std::string> problems;  // "ann@example.com: 550 5.1.1 ..." per reader not mailed
};

// Mails the week's digest to every reader in `recipients` not yet mailed it, through
// `transport`, one message each, keeping the ledger (digest/ledger.hpp) so no reader is ever
// mailed twice: freezes the week's content and queues the readers first; readers queued
// earlier who are no longer in `recipients` (unsubscribed since) are skipped.
SendReport send_digest(Store& store, const digest::Settings& settings, const digest::Week& week,
                       const digest::Letter& letter, const std::vector<digest::Recipient>& recipients,
                       const std::string& secret, digest::Transport& transport, const SendOptions& options);

// RFC 5322 date of `when`: "Mon, 23 Nov 2026 06:00:00 +0000".
std::string mail_date(std::chrono::system_clock::time_point when);

}  // namespace tv
