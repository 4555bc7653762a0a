#include "pipeline/bounces_step.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "pipeline/digest_step.hpp"
#include "stages/bounces/report.hpp"
#include "stages/common/utc.hpp"
#include "stages/digest/calendar.hpp"
#include "stages/digest/readers.hpp"
#include "stages/digest/subscribers.hpp"
#include "stages/digest/token.hpp"

namespace fs = std::filesystem;

namespace tv {
namespace {

using bounces::Kind;
using digest::How;
using digest::ReaderStatus;

constexpr std::uintmax_t kMaxMessageBytes = 8u << 20;
constexpr int kForgetAfterDays = 7;

// The reader a finding is about, by the strongest evidence it carries.
std::string reader_of(const Store& store, const bounces::Finding& f, const std::string& secret,
                      const std::string& list_id) {
  if (!f.token.empty() && !secret.empty())
    if (auto id = digest::bounce_token_reader(secret, list_id, f.token))
      if (auto r = store.reader_by_id(*id)) return r->key;
  if (!f.message_id.empty())
    if (auto key = store.reader_key_by_message_id(f.message_id); !key.empty()) return key;
  if (!f.recipient.empty() && store.reader(digest::reader_key(f.recipient))) return digest::reader_key(f.recipient);
  return "";
}

digest::ReaderChange change_to(const std::string& key, ReaderStatus to, How how, std::string detail,
                               std::vector<ReaderStatus> from) {
  digest::ReaderChange c;
  c.key = key;
  c.to = to;
  c.how = how;
  c.detail = std::move(detail);
  c.from = std::move(from);
  return c;
}

// Moves new/NAME to cur/NAME:2,S (the seen flag; a name that has flags keeps them).
void move_to_cur(const fs::path& maildir, const std::string& file) {
  std::string target = file.find(":2,") == std::string::npos ? file + ":2,S" : file;
  fs::rename(maildir / "new" / file, maildir / "cur" / target);
}

}  // namespace

BounceReport read_bounces(Store& store, const Config& cfg, const fs::path& maildir, const std::string& secret) {
  std::error_code ec;
  if (!fs::is_directory(maildir / "new", ec))
    throw std::runtime_error("the bounce Maildir " + maildir.string() + " has no new/ folder (is it a Maildir?)");
  fs::create_directories(maildir / "cur", ec);
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(maildir / "new"))
    if (e.is_regular_file(ec) && e.path().filename().string().front() != '.') files.push_back(e.path().filename());
  std::sort(files.begin(), files.end());

  bounces::Options options{cfg.smtp.bounce_address.empty() ? cfg.smtp.from : cfg.smtp.bounce_address,
                           cfg.digest.unsubscribe_mailto};
  const std::string today = utc_now().substr(0, 10);
  BounceReport r;
  for (const auto& file : files) {
    const std::string name = file.substr(0, file.find(':'));  // the Maildir unique name
    if (auto seen = store.bounce_message(name); seen && seen->outcome == "read") {
      move_to_cur(maildir, file);  // read before; the move was all that was left
      continue;
    }
    ++r.messages;
    Store::BounceMessage m{name, utc_now(), "read", ""};
    std::string bytes;
    if (fs::file_size(maildir / "new" / file, ec) > kMaxMessageBytes) {
      m.outcome = "problem";
      m.detail = "larger than 8 MiB: not a bounce we can read";
    } else {
      std::ifstream in(maildir / "new" / file, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    const auto reading = m.outcome == "problem" ? bounces::Reading{} : bounces::read_message(bytes, options);
    if (!reading.problem.empty()) {
      m.outcome = "problem";
      m.detail = reading.problem;
    }
    std::vector<digest::ReaderChange> changes;
    std::vector<Store::BounceScore> scores;
    std::vector<std::string> about;
    for (const auto& f : reading.findings) {
      const std::string key = reader_of(store, f, secret, cfg.digest.list_id);
      switch (f.kind) {
        case Kind::hard_bounce: ++r.hard; break;
        case Kind::soft_bounce: ++r.soft; break;
        case Kind::complaint: ++r.complaints; break;
        case Kind::unsubscribe: ++r.unsubscribes; break;
        case Kind::other: ++r.other; break;
      }
      if (f.kind == Kind::other) continue;
      if (key.empty()) {
        ++r.unmatched;
        about.push_back(std::string(bounces::to_string(f.kind)) + " naming no reader we know");
        continue;
      }
      about.push_back(std::string(bounces::to_string(f.kind)) + " for " + key);
      const std::string why = std::string(bounces::to_string(f.kind)) + (f.status.empty() ? "" : " " + f.status) +
                              (f.detail.empty() ? "" : ": " + f.detail);
      const std::vector<ReaderStatus> live{ReaderStatus::pending, ReaderStatus::subscribed};
      if (f.kind == Kind::hard_bounce) {
        changes.push_back(change_to(key, ReaderStatus::bounced, How::bounce, why, live));
      } else if (f.kind == Kind::complaint) {
        changes.push_back(change_to(key, ReaderStatus::complained, How::complaint, why,
                                    {ReaderStatus::pending, ReaderStatus::subscribed, ReaderStatus::unsubscribed,
                                     ReaderStatus::bounced}));
      } else if (f.kind == Kind::unsubscribe) {
        changes.push_back(change_to(key, ReaderStatus::unsubscribed, How::mailto, why, live));
      } else if (f.kind == Kind::soft_bounce) {
        auto reader = store.reader(key);
        double score = reader ? reader->bounce_score : 0;
        const std::string last = reader ? reader->last_bounce : "";
        if (digest::days_between(last, today).value_or(kForgetAfterDays + 1) > kForgetAfterDays) score = 0;
        if (last != today) score += 1;  // one a day at most
        scores.push_back({key, score, today});
        if (score >= cfg.digest.soft_bounce_limit)
          changes.push_back(change_to(key, ReaderStatus::bounced, How::bounce,
                                      why + " (soft bounce " + std::to_string(int(score)) + " of " +
                                          std::to_string(cfg.digest.soft_bounce_limit) + ")",
                                      live));
      }
    }
    if (m.outcome == "read") m.detail = about.empty() ? "nothing to do" : about.front();
    const auto applied = store.record_bounce(m, changes, scores);
    for (std::size_t i = 0; i < changes.size(); ++i) {
      if (applied[i] != digest::Applied::changed) continue;
      if (changes[i].to == ReaderStatus::unsubscribed) ++r.unsubscribed;
      else ++r.suppressed;
    }
    if (m.outcome == "problem") {
      ++r.problems;
      r.lines.push_back(file + ": left in new/: " + m.detail);
      spdlog::warn("bounces: {}: left in new/: {}", file, m.detail);
      continue;
    }
    r.lines.push_back(file + ": " + m.detail);
    move_to_cur(maildir, file);
  }
  return r;
}

std::string bounce_secret(const Config& cfg) {
  try {
    return load_secrets(cfg).digest_secret;
  } catch (const ConfigError&) {
    spdlog::warn("bounces: no digest secret, so VERP tokens are not checked; readers are found by Message-ID "
                 "or address");
    return "";
  }
}

std::string bounce_summary(const BounceReport& r, const fs::path& maildir) {
  return "Bounces: " + std::to_string(r.messages) + " message(s) read from " + maildir.string() + ": " +
         std::to_string(r.hard) + " hard, " + std::to_string(r.soft) + " soft, " + std::to_string(r.complaints) +
         " complaint(s), " + std::to_string(r.unsubscribes) + " unsubscribe request(s); " +
         std::to_string(r.suppressed) + " reader(s) suppressed, " + std::to_string(r.unsubscribed) +
         " unsubscribed; " + std::to_string(r.unmatched) + " naming no reader; " + std::to_string(r.problems) +
         " left in new/ (`pipeline status`)";
}

}  // namespace tv
