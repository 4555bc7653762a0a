#include "pipeline/readers_step.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "stages/common/utc.hpp"
#include "stages/digest/readers.hpp"
#include "stages/digest/subscribers.hpp"

namespace fs = std::filesystem;

namespace tv {

using digest::Applied;
using digest::ReaderStatus;

namespace {

// The file's changes, reported; nullopt when it cannot be used at all. Its verdict per reader:
// an unsubscribe anywhere in it wins; the first row gives the spelling and the name.
std::optional<std::vector<digest::ReaderChange>> file_changes(const fs::path& file, std::size_t* problems) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    spdlog::error("cannot read the subscribers file {}: no such file or not readable", file.string());
    return std::nullopt;
  }
  const std::string bytes(std::istreambuf_iterator<char>(in), {});
  auto parsed = digest::parse_subscribers(bytes);
  for (const auto& line : digest::report(parsed)) {
    spdlog::warn("{}: {}", file.string(), line);
    ++*problems;
  }
  if (!parsed.usable()) return std::nullopt;
  std::set<std::string> unsubscribed;
  for (const auto& row : parsed.rows)
    if (row.status == digest::Status::unsubscribed) unsubscribed.insert(row.key);
  std::vector<digest::ReaderChange> changes;
  std::set<std::string> seen;
  const std::string name = file.filename().string();
  for (const auto& row : parsed.rows)
    if (seen.insert(row.key).second)
      changes.push_back(digest::import_change(row.key, row.email, row.name, !unsubscribed.count(row.key), name));
  return changes;
}

}  // namespace

std::optional<ImportReport> import_subscribers(Store& store, const fs::path& file) {
  ImportReport r;
  auto changes = file_changes(file, &r.problems);
  if (!changes) return std::nullopt;
  const auto applied = store.change_readers(*changes, utc_now());
  for (std::size_t i = 0; i < changes->size(); ++i) {
    switch (applied[i]) {
      case Applied::created: ++r.added; break;
      case Applied::changed: ++((*changes)[i].to == ReaderStatus::subscribed ? r.confirmed : r.unsubscribed); break;
      case Applied::unchanged: ++r.unchanged; break;
      case Applied::refused: ++r.kept; break;
    }
  }
  return r;
}

std::optional<std::vector<digest::Recipient>> subscribed_after_import(const Store& store, const fs::path& file) {
  std::vector<digest::Reader> readers = store.readers();
  if (!file.empty()) {
    std::size_t problems = 0;
    auto changes = file_changes(file, &problems);
    if (!changes) return std::nullopt;
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < readers.size(); ++i) at[readers[i].key] = i;
    for (const auto& c : *changes) {
      auto it = at.find(c.key);
      const auto now = it == at.end() ? std::nullopt : std::optional<ReaderStatus>(readers[it->second].status);
      const Applied a = digest::decide(now, c);
      if (a == Applied::created) {
        at[c.key] = readers.size();
        readers.push_back({0, c.key, c.email, c.name, c.to, "", "", 0, ""});
      } else if (a == Applied::changed) {
        readers[it->second].status = c.to;
      }
    }
  }
  std::vector<digest::Recipient> out;
  for (const auto& r : readers)
    if (r.status == ReaderStatus::subscribed) out.push_back({r.email, r.key, r.name, 0, r.id});
  return out;
}

std::string ImportReport::sentence() const {
  return std::to_string(added) + " new, " + std::to_string(confirmed) + " pending now subscribed, " +
         std::to_string(unsubscribed) + " unsubscribed, " + std::to_string(unchanged) + " unchanged, " +
         std::to_string(kept) + " left unsubscribed or suppressed (an import never re-subscribes)" +
         (problems ? ", " + std::to_string(problems) + " bad row(s) skipped" : "");
}

}  // namespace tv
