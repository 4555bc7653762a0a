// `pipeline digest [--week YYYY-Www] [--dry-run] [--send]` (docs/digest.md).
#include <spdlog/spdlog.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <optional>

#include "pipeline/commands.hpp"
#include "pipeline/digest_step.hpp"
#include "pipeline/exit_codes.hpp"
#include "pipeline/logging.hpp"
#include "pipeline/output_error.hpp"
#include "pipeline/readers_step.hpp"
#include "pipeline/run_lock.hpp"
#include "pipeline/store.hpp"
#include "stages/common/utc.hpp"
#include "stages/digest/calendar.hpp"
#include "stages/digest/token.hpp"

namespace fs = std::filesystem;

namespace tv {
namespace {

// The readers to mail: the store's subscribed readers, after the subscribers file named by
// `digest.subscribers` is taken in when there is one (docs/subscribers.md, "Installs with a
// subscribers file"): imported for a send, previewed for a dry run, which changes nothing.
// nullopt when that file exists but cannot be used (reported).
std::optional<std::vector<digest::Recipient>> read_recipients(const Config& cfg, Store& store, bool dry_run) {
  std::error_code ec;
  const fs::path file = !cfg.digest.subscribers.empty() && fs::exists(cfg.digest.subscribers, ec)
                            ? cfg.digest.subscribers : fs::path();
  if (dry_run) return subscribed_after_import(store, file);
  if (!file.empty()) {
    auto imported = import_subscribers(store, file);
    if (!imported) return std::nullopt;
    spdlog::info("subscribers file {}: {}", file.string(), imported->sentence());
  }
  return subscribed_after_import(store, "");
}

// --resend: each address must name an uncertain message of the week; those go back to the
// queue (the editor has checked they did not arrive). False, having said why, otherwise.
bool requeue_uncertain(Store& store, const std::string& week, const std::vector<std::string>& addresses) {
  std::vector<digest::SendUpdate> updates;
  for (const auto& address : addresses) {
    const digest::SendRow* found = nullptr;
    const auto rows = store.ledger(week);
    for (const auto& row : rows)
      if (row.key == digest::reader_key(address)) found = &row;
    if (!found || found->status != digest::SendStatus::uncertain) {
      spdlog::error("digest: --resend {}: {} week {}; only an uncertain message is sent again (`pipeline status` "
                    "lists them)",
                    address, found ? "the message is " + std::string(digest::to_string(found->status)) + " for"
                                   : "no reader with that address in",
                    week);
      return false;
    }
    updates.emplace_back(found->key, digest::SendStatus::queued, "sent again at the editor's request (--resend)");
  }
  store.update_ledger(week, updates, utc_now());
  return true;
}

void print_report(const SendReport& r) {
  std::printf("Sent: %zu; failed: %zu; uncertain: %zu; skipped: %zu; still queued: %zu", r.sent, r.failed, r.uncertain,
              r.skipped, r.still_queued);
  if (r.settled_before) std::printf("; settled by an earlier send: %zu", r.settled_before);
  std::printf(" (of %zu readers)\n", r.recipients);
  if (r.interrupted)
    std::printf("An earlier send stopped mid-message for %zu reader(s): marked uncertain, not sent again.\n",
                r.interrupted);
  for (const auto& p : r.problems) std::printf("  %s\n", p.c_str());
  if (r.uncertain || r.interrupted)
    std::printf("Uncertain messages may have arrived; they are never re-sent automatically (`pipeline status`).\n");
}

}  // namespace

int command_digest(const Config& cfg, const std::string& week_arg, bool dry_run, bool send,
                   const std::vector<std::string>& resend) {
  std::optional<site::Templates> templates;
  try {
    templates = load_digest_templates(cfg);
  } catch (const site::TemplateError& e) {
    spdlog::error("{}", e.what());
    return code(Exit::config);
  }
  digest::WeekSpan span = week_arg.empty() ? digest::last_complete_week(run_day(cfg)) : digest::week_span(week_arg);
  if (span.id.empty()) {
    spdlog::error("digest: --week {} is not an ISO week; write it like 2026-W47", week_arg);
    return code(Exit::usage);
  }
  std::optional<Secrets> secrets;
  std::optional<digest::DkimSigner> dkim;
  if (send) {
    try {
      secrets = load_secrets(cfg);
      dkim = load_dkim(cfg);
    } catch (const ConfigError& e) {
      spdlog::error("configuration error: {}", e.what());
      return code(Exit::config);
    }
  }

  std::string holder;
  std::optional<RunLock> lock;
  try {
    lock = RunLock::try_acquire(cfg.paths.state, send ? "digest --send" : "digest", &holder);
  } catch (const std::exception& e) {
    spdlog::error("cannot take the run lock: {}", e.what());
    return code(Exit::run_failed);
  }
  if (!lock) {
    spdlog::error("another run holds the lock ({}); the digest waits for it: try again later", holder);
    return code(Exit::locked);
  }

  try {
    if (send) add_json_log_file(cfg.paths.state / cfg.log.file, new_run_id(), cfg.log.level);
    auto store = Store::open(state_db(cfg));
    auto built = week_digest(store, span);
    const auto settings = digest_settings(cfg);
    std::printf("Week %s (%s to %s)%s\n", span.id.c_str(), span.monday.c_str(), span.sunday.c_str(),
                built.frozen ? ", as frozen when its sending began" : "");
    if (built.week.empty()) {
      std::printf("Nothing new this week: no digest is written or sent.\n");
      return code(Exit::ok);
    }
    auto letter = digest::render_letter(*templates, built.week, settings);
    auto files = write_digest_files(cfg, letter, span.id, mail_date(std::chrono::system_clock::now()));
    std::printf("Subject: %s\n", letter.subject.c_str());
    for (const auto& line : digest::summary(built.week)) std::printf("  %s\n", line.c_str());
    std::printf("Digest: %s\nPreview: %s\n", files.eml.c_str(), files.html.c_str());
    if (!dry_run && !send) {
      std::printf("Not sent: `pipeline digest --week %s --dry-run` lists the readers, `--send` mails them.\n",
                  span.id.c_str());
      return code(Exit::ok);
    }
    auto readers = read_recipients(cfg, store, dry_run);
    if (!readers) return code(Exit::config);
    if (dry_run) {
      std::map<std::string, digest::SendStatus> done;
      for (const auto& row : store.ledger(span.id))
        if (row.status != digest::SendStatus::queued) done[row.key] = row.status;
      std::size_t would = 0;
      for (const auto& r : *readers) would += !done.count(r.key);
      std::printf("Dry run: nothing is sent. %zu reader(s) would be mailed:\n", would);
      for (const auto& r : *readers) {
        auto it = done.find(r.key);
        if (it == done.end())
          std::printf("  %s%s%s\n", r.name.c_str(), r.name.empty() ? "" : " ", ("<" + r.email + ">").c_str());
      }
      if (!done.empty())
        std::printf("%zu reader(s) already settled for this week (sent, failed, uncertain or skipped) are left out.\n",
                    done.size());
      return code(Exit::ok);
    }
    if (!resend.empty() && !requeue_uncertain(store, span.id, resend)) return code(Exit::usage);
    digest::Session session(smtp_options(cfg, *secrets));
    spdlog::info("digest {}: sending to {} reader(s) through {}", span.id, readers->size(), cfg.smtp.url);
    auto options = send_options(cfg, span.id);
    options.still_subscribed = [&store](const std::string& key) {
      return store.reader_status_now(key) == digest::ReaderStatus::subscribed;
    };
    std::map<std::string, std::int64_t> ids;
    for (const auto& r : *readers) ids[r.key] = r.id;
    options.reader_token = [&ids, &cfg, &secrets](const std::string& key) {
      auto it = ids.find(key);
      return it == ids.end() || it->second == 0 ? std::string()
                                                : digest::bounce_token(secrets->digest_secret, cfg.digest.list_id, it->second);
    };
    options.bounce_address = cfg.smtp.bounce_address;
    options.dkim = dkim ? &*dkim : nullptr;
    auto report = send_digest(store, settings, built.week, letter, *readers, secrets->digest_secret, session,
                              options);
    print_report(report);
    spdlog::info("digest {}: {} sent, {} failed, {} uncertain, {} skipped, {} still queued", span.id, report.sent,
                  report.failed, report.uncertain, report.skipped, report.still_queued);
    if (report.stopped) {
      spdlog::error("digest {}: the send stopped: {}. {} reader(s) are still queued for the next `digest --send`.",
                    span.id, report.stop_reason, report.still_queued);
      return code(Exit::run_failed);
    }
    bool all = report.failed + report.uncertain + report.still_queued + report.interrupted == 0;
    return all ? code(Exit::ok) : code(Exit::ok_with_rejects);
  } catch (const std::exception& e) {
    if (int err = output_errno(e)) {
      spdlog::error("digest {} stopped: {}; {}", span.id, e.what(), output_remedy(err));
      if (send) spdlog::error("no reader is mailed twice: the next `digest --send` settles this one first");
      return code(Exit::output_failed);
    }
    spdlog::error("digest {} failed: {}", span.id, e.what());
    return code(Exit::run_failed);
  }
}

}  // namespace tv
