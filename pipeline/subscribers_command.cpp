// `pipeline subscribers import FILE | list [--json] | export --csv | unsubscribe EMAIL`
// (docs/subscribers.md): the editor's hand on the readers the store keeps.
#include <spdlog/spdlog.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "pipeline/commands.hpp"
#include "pipeline/exit_codes.hpp"
#include "pipeline/output_error.hpp"
#include "pipeline/bounces_step.hpp"
#include "pipeline/readers_step.hpp"
#include "pipeline/store.hpp"
#include "stages/common/utc.hpp"
#include "stages/digest/readers.hpp"
#include "stages/digest/subscribers.hpp"

namespace fs = std::filesystem;

namespace tv {
namespace {

using digest::Applied;
using digest::ReaderStatus;

// A CSV field, quoted when it must be (RFC 4180).
std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

template <class F>
int with_store(const Config& cfg, const char* what, F&& body) {
  try {
    auto store = Store::open(state_db(cfg));
    return body(store);
  } catch (const std::exception& e) {
    if (int err = output_errno(e)) {
      spdlog::error("subscribers {}: {}; {}", what, e.what(), output_remedy(err));
      return code(Exit::output_failed);
    }
    spdlog::error("subscribers {} failed: {}", what, e.what());
    return code(Exit::run_failed);
  }
}

}  // namespace

int command_subscribers_import(const Config& cfg, const fs::path& file) {
  return with_store(cfg, "import", [&](Store& store) {
    auto r = import_subscribers(store, file);
    if (!r) return code(Exit::config);
    std::printf("Imported %s: %s.\n", file.c_str(), r->sentence().c_str());
    return code(r->problems ? Exit::ok_with_rejects : Exit::ok);
  });
}

int command_subscribers_list(const Config& cfg, bool json) {
  return with_store(cfg, "list", [&](Store& store) {
    const auto readers = store.readers();
    if (json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& r : readers) {
        nlohmann::json history = nlohmann::json::array();
        for (const auto& e : store.reader_history(r.key))
          history.push_back({{"at", e.at}, {"from", e.previous}, {"to", digest::to_string(e.status)},
                             {"how", digest::to_string(e.how)}, {"detail", e.detail}});
        out.push_back({{"email", r.email}, {"key", r.key}, {"name", r.name}, {"status", digest::to_string(r.status)},
                       {"since", r.since}, {"joined", r.created_at}, {"bounce_score", r.bounce_score},
                       {"history", history}});
      }
      std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      return code(Exit::ok);
    }
    for (const auto& r : readers)
      std::printf("%-13s %s%s%s  since %s\n", std::string(digest::to_string(r.status)).c_str(), r.email.c_str(),
                  r.name.empty() ? "" : "  ", r.name.c_str(), r.since.c_str());
    const auto counts = store.reader_counts();
    auto n = [&](ReaderStatus s) { return counts.count(s) ? counts.at(s) : std::size_t(0); };
    std::printf("%zu reader(s): %zu subscribed, %zu pending, %zu unsubscribed, %zu bounced, %zu complained\n",
                readers.size(), n(ReaderStatus::subscribed), n(ReaderStatus::pending), n(ReaderStatus::unsubscribed),
                n(ReaderStatus::bounced), n(ReaderStatus::complained));
    return code(Exit::ok);
  });
}

int command_subscribers_export(const Config& cfg) {
  return with_store(cfg, "export", [&](Store& store) {
    // The import format (docs/subscribers.md): what `import` reads back to the same readers.
    // Pending readers have not confirmed and suppressed ones must never be mailed: both are
    // written as unsubscribed, which an import never turns back.
    std::printf("email,name,status\n");
    for (const auto& r : store.readers())
      std::printf("%s,%s,%s\n", csv_field(r.email).c_str(), csv_field(r.name).c_str(),
                  r.status == ReaderStatus::subscribed ? "subscribed" : "unsubscribed");
    return code(Exit::ok);
  });
}

int command_subscribers_unsubscribe(const Config& cfg, const std::string& email) {
  return with_store(cfg, "unsubscribe", [&](Store& store) {
    const std::string key = digest::reader_key(email);
    digest::ReaderChange c;
    c.key = key;
    c.to = ReaderStatus::unsubscribed;
    c.how = digest::How::editor;
    c.detail = "pipeline subscribers unsubscribe";
    c.from = {ReaderStatus::pending, ReaderStatus::subscribed};
    switch (store.change_readers({c}, utc_now()).front()) {
      case Applied::changed:
        std::printf("Unsubscribed %s: no digest goes to them from now on, not even one being sent.\n", email.c_str());
        return code(Exit::ok);
      case Applied::unchanged:
        std::printf("%s was already unsubscribed.\n", email.c_str());
        return code(Exit::ok);
      default: {
        auto r = store.reader(key);
        if (!r) {
          spdlog::error("subscribers unsubscribe: no reader {} (`pipeline subscribers list` lists them)", email);
          return code(Exit::usage);
        }
        std::printf("%s is %s: nothing is mailed to them already.\n", email.c_str(),
                    std::string(digest::to_string(r->status)).c_str());
        return code(Exit::ok);
      }
    }
  });
}

int command_bounces(const Config& cfg, const fs::path& maildir) {
  const std::string secret = bounce_secret(cfg);
  return with_store(cfg, "bounces", [&](Store& store) {
    BounceReport r;
    try {
      r = read_bounces(store, cfg, maildir, secret);
    } catch (const StoreError&) {
      throw;
    } catch (const std::exception& e) {
      spdlog::error("bounces: {}", e.what());
      return code(Exit::config);
    }
    for (const auto& line : r.lines) std::printf("  %s\n", line.c_str());
    std::printf("%s\n", bounce_summary(r, maildir).c_str());
    return code(r.problems ? Exit::ok_with_rejects : Exit::ok);
  });
}

}  // namespace tv
