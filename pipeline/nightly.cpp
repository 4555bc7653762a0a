#include "pipeline/nightly.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "pipeline/record_json.hpp"
#include "stages/common/utc.hpp"
#include "stages/directives/directives.hpp"
#include "stages/ingest/content_hash.hpp"
#include "stages/ingest/inbox.hpp"
#include "stages/ingest/reasons.hpp"
#include "stages/ingest/sniff.hpp"
#include "stages/normalise/normalise.hpp"
#include "stages/reviews/reviews.hpp"
#include "stages/votes/votes.hpp"

namespace fs = std::filesystem;

namespace tv {
namespace {

using ingest::Claimed;

// What examining one claimed file decided. Built on a worker thread; filed on the main one.
struct Outcome {
  Claimed file;
  std::string sha256;
  std::uint64_t size = 0;
  std::string kind;
  std::optional<ingest::Reason> reject;  // set: move aside
  std::optional<ToolRecord> record;      // set: taken with this record; neither: duplicate bytes
  std::optional<directives::Parsed> directives;  // set: a directives file, taken
  std::optional<reviews::Parsed> panel;          // set: a panel reviews file, taken
  std::optional<votes::Parsed> votes;            // set: a votes file, taken (bad rows noted)
  bool has_content() const { return record || directives || panel || votes; }
};

// The most bad rows of one votes file written to the log; the rest are counted in one line
// (every one is kept as a note on the file, up to votes::kMaxErrors).
constexpr std::size_t kMaxRowWarnings = 10;

std::string not_a_file_what(const fs::path& p) {
  auto st = fs::symlink_status(p);
  if (fs::is_symlink(st)) return "a symbolic link";
  if (fs::is_directory(st)) return "a folder";
  return "a special file (pipe, socket or device)";
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw fs::filesystem_error("cannot read claimed file", p, std::make_error_code(std::errc::io_error));
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

// Reads, hashes, sniffs and (for pages) normalises one file. Touches no shared state but
// the read-only `taken` set and profiles, so it runs on any thread.
Outcome examine(const Claimed& file, const Config& cfg, const extract::ProfileSet& profiles,
                const std::unordered_set<std::string>& taken) {
  Outcome o;
  o.file = file;
  if (!file.regular) {
    o.kind = "not-a-file";
    o.reject = ingest::reason_not_a_file(not_a_file_what(file.path));
    return o;
  }
  o.size = fs::file_size(file.path);
  if (o.size > cfg.inbox.max_file_bytes) {
    o.kind = "too-large";
    o.reject = ingest::reason_too_large(o.size, cfg.inbox.max_file_bytes);
    return o;
  }
  std::string bytes = read_all(file.path);
  o.sha256 = ingest::sha256_hex(bytes);
  if (taken.count(o.sha256)) return o;  // no reject, no record: the filer sees a duplicate
  auto sniffed = ingest::sniff(bytes);
  o.kind = std::string(ingest::to_string(sniffed.kind));
  if (sniffed.kind == ingest::Kind::directives) {
    auto parsed = directives::parse(bytes);
    if (!parsed.ok()) {
      std::vector<std::string> errors;
      for (const auto& e : parsed.errors) errors.push_back(directives::to_string(e));
      o.reject = ingest::reason_directives(errors, parsed.errors_truncated);
    } else {
      o.directives = std::move(parsed);
    }
    return o;
  }
  if (sniffed.kind == ingest::Kind::panel_reviews) {
    auto parsed = reviews::parse(bytes, cfg.reviewer_ids());
    if (!parsed.ok()) {
      std::vector<std::string> errors;
      for (const auto& e : parsed.errors) errors.push_back(reviews::to_string(e));
      o.reject = ingest::reason_panel(errors, parsed.errors_truncated);
    } else {
      o.panel = std::move(parsed);
    }
    return o;
  }
  if (sniffed.kind == ingest::Kind::votes_csv) {
    auto parsed = votes::parse(bytes);
    if (!parsed.usable()) o.reject = ingest::reason_votes_file(parsed.file_error);
    else o.votes = std::move(parsed);
    return o;
  }
  if (sniffed.kind != ingest::Kind::html) {
    o.reject = ingest::reason_for_kind(sniffed, bytes);
    return o;
  }
  html::ParseLimits limits{cfg.limits.max_page_bytes, cfg.limits.max_depth};
  auto page = normalise_page(bytes, file.name, profiles, limits);
  if (!page.record) {
    o.reject = ingest::reason_page(page.reason);
    return o;
  }
  page.record->source_sha256 = o.sha256;
  o.record = std::move(page.record);
  return o;
}

// Runs examine() over all files on `jobs` threads and hands results to `sink` in claim
// order, so what is stored never depends on thread timing.
template <class Sink>
void examine_all(const std::vector<Claimed>& files, const Config& cfg, const extract::ProfileSet& profiles,
                 const std::unordered_set<std::string>& taken, Sink&& sink) {
  const std::size_t n = files.size();
  unsigned jobs = cfg.run.jobs > 0 ? unsigned(cfg.run.jobs) : std::max(1u, std::thread::hardware_concurrency());
  jobs = unsigned(std::min<std::size_t>(jobs, std::max<std::size_t>(n, 1)));
  // Only results in flight are held (at most `window`), so memory does not grow with the
  // number of files.
  struct Done {
    std::optional<Outcome> outcome;
    std::exception_ptr error;
  };
  std::unordered_map<std::size_t, Done> done;
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::condition_variable ready;
  // Workers stay at most `window` files ahead of the main thread, so memory stays flat.
  const std::size_t window = 64 * jobs;
  std::size_t filed = 0;
  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mu);
        ready.wait(lock, [&] { return next.load() >= n || next.load() < filed + window; });
        i = next++;
      }
      if (i >= n) return;
      std::optional<Outcome> out;
      std::exception_ptr err;
      try {
        out = examine(files[i], cfg, profiles, taken);
      } catch (...) {
        err = std::current_exception();
      }
      std::lock_guard lock(mu);
      done.emplace(i, Done{std::move(out), err});
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(work);
  std::exception_ptr failure;
  for (std::size_t i = 0; i < n && !failure; ++i) {
    std::optional<Outcome> o;
    {
      std::unique_lock lock(mu);
      ready.wait(lock, [&] { return done.count(i) > 0; });
      auto node = done.extract(i);
      if (node.mapped().error) failure = node.mapped().error;
      o = std::move(node.mapped().outcome);
      filed = i + 1;
      ready.notify_all();
    }
    if (o) sink(std::move(*o));
  }
  {
    std::lock_guard lock(mu);
    next = n;  // stop handing out work after a failure
    ready.notify_all();
  }
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

// Files outcomes in batches of up to 256: one transaction records the whole batch, each file
// with the path it had while claimed and the path it goes to (archive, or the rejected
// folder), then the files move there (a rejected file after its reason file). A kill after
// the commit and before a move leaves a claimed file whose claim path is recorded: the next
// run only finishes its move, without a second row. A kill before the commit leaves nothing
// recorded and nothing moved: the next run decides again.
class Filer {
 public:
  Filer(Store& store, ingest::Inbox& inbox, const std::string& run_id, std::string day, NightlyCounts& counts)
      : store_(store), inbox_(inbox), run_id_(run_id), day_(std::move(day)), counts_(counts) {}

  void add(Outcome o) {
    batch_.push_back(std::move(o));
    if (batch_.size() >= 256) flush();
  }

  void flush() {
    auto when = std::chrono::system_clock::now();
    std::string at = utc_now();
    std::vector<Store::DropRecords> rows;
    std::vector<Move> moves;
    std::set<fs::path> promised;  // rejected-folder names given to this batch's files
    for (auto& o : batch_) {
      if (finish_interrupted(o)) continue;
      Drop d{run_id_, o.file.name, o.sha256, std::int64_t(o.size), DropOutcome::taken, o.kind, "", "", at, day_,
             o.file.path.string()};
      if (o.reject) {
        ingest::ReasonFile rf{o.file.name, o.sha256, run_id_, at, o.kind, o.size, *o.reject};
        d.outcome = DropOutcome::rejected;
        d.reason = o.reject->problem;
        d.moved_to = inbox_.reject_path(o.file, promised).string();
        promised.insert(d.moved_to);
        promised.insert(d.moved_to + ".reason.txt");
        rows.push_back({d, {}, {}, {}, {}, {}});
        moves.push_back({&o, d.moved_to, ingest::format_reason_file(rf)});
        ++counts_.rejected;
        spdlog::warn("moved aside {}: {}", o.file.name, o.reject->problem);
        continue;
      }
      if (!o.has_content() || !seen_.insert(o.sha256).second) {
        // Bytes taken before (or earlier in this run).
        auto first = store_.find_taken(o.sha256);
        d.outcome = DropOutcome::duplicate;
        d.kind = "duplicate";
        d.reason = first ? "same bytes as " + first->name + ", taken " + first->at
                         : "same bytes as a file taken earlier in this run";
        d.moved_to = inbox_.archive_path(o.file, o.sha256, when).string();
        rows.push_back({d, {}, {}, {}, {}, {}});
        moves.push_back({&o, d.moved_to, std::nullopt});
        ++counts_.duplicates;
        spdlog::info("{}: {}; not processed again", o.file.name, d.reason);
        continue;
      }
      d.moved_to = inbox_.archive_path(o.file, o.sha256, when).string();
      if (o.directives) {
        std::vector<catalogue::DirectiveRow> taken;
        for (const auto& x : o.directives->directives)
          taken.push_back({0, o.file.name, x.line, o.directives->date, o.directives->editor,
                           std::string(directives::to_string(x.action)), x.a, x.b, x.note, "pending", ""});
        spdlog::info("{}: {} directive(s) from {}", o.file.name, taken.size(), o.directives->editor);
        rows.push_back({d, {}, std::move(taken), {}, {}, {}});
      } else if (o.panel) {
        rows.push_back({d, {}, {}, panel_rows(*o.panel), {}, {}});
        spdlog::info("{}: {} review(s) from the panel of {}", o.file.name, o.panel->reviews.size(), o.panel->date);
      } else if (o.votes) {
        rows.push_back(vote_rows(d, *o.votes));
      } else {
        const auto& r = *o.record;
        rows.push_back({d, {{r.name.value, r.category.present ? r.category.value : "", dump_json(to_json(r))}}, {}, {}, {}, {}});
        ++counts_.records;
      }
      moves.push_back({&o, d.moved_to, std::nullopt});
      ++counts_.taken;
    }
    store_.record(rows);
    for (const auto& m : moves) {
      if (m.reason) inbox_.reject(m.outcome->file, m.to, *m.reason);
      else inbox_.file_away(m.outcome->file, m.to);
    }
    inbox_.sync();  // one fsync per destination folder, not one per file (they stall the workers)
    batch_.clear();
  }

 private:
  struct Move {
    const Outcome* outcome;
    fs::path to;
    std::optional<std::string> reason;  // the reason file's text, for a file moved aside
  };

  // A claimed file that a killed run recorded but had not moved: finish the move it recorded.
  // The same name and bytes, or it is not that file (a claim path is unique to a run's start
  // microsecond and sequence number, so this is belt and braces).
  bool finish_interrupted(const Outcome& o) {
    auto done = store_.find_by_claim(o.file.path.string());
    if (!done || done->name != o.file.name || done->sha256 != o.sha256) return false;
    if (done->outcome == DropOutcome::rejected) {
      ingest::Reason why = o.reject ? *o.reject : ingest::Reason{done->reason, ""};
      ingest::ReasonFile rf{done->name, done->sha256, done->run_id, done->at, done->kind, std::uint64_t(done->size), why};
      inbox_.reject(o.file, done->moved_to, ingest::format_reason_file(rf));
    } else {
      inbox_.file_away(o.file, done->moved_to);
    }
    spdlog::info("filed away {} as an interrupted run ({}) recorded it", o.file.name, done->run_id);
    return true;
  }

  static std::vector<panel::ReviewRow> panel_rows(const reviews::Parsed& p) {
    std::vector<panel::ReviewRow> out;
    for (const auto& r : p.reviews)
      out.push_back({0, "", r.line, p.date, r.tool, r.reviewer, std::string(reviews::to_string(r.verdict)), r.quote, "", ""});
    return out;
  }

  // The good rows, and every bad one as a note on the file (logged, up to kMaxRowWarnings).
  static Store::DropRecords vote_rows(const Drop& d, const votes::Parsed& p) {
    Store::DropRecords out{d, {}, {}, {}, {}, {}};
    for (const auto& v : p.rows)
      out.votes.push_back({0, "", v.line, v.tool, v.voter, std::string(votes::to_string(v.vote)), v.cast_at, ""});
    for (const auto& e : p.errors) out.notes.push_back({"", "", "", e.line, e.message});
    if (p.errors_left_out > 0)
      out.notes.push_back({"", "", "", 0, votes::report(p).back()});  // "and N more problems."
    std::size_t bad = p.errors.size() + p.errors_left_out;
    spdlog::info("{}: {} vote(s) taken{}", d.name, p.rows.size(),
                 bad ? ", " + std::to_string(bad) + " bad row(s) left out" : std::string());
    for (std::size_t i = 0; i < p.errors.size() && i < kMaxRowWarnings; ++i)
      spdlog::warn("{}: {}", d.name, votes::to_string(p.errors[i]));
    if (bad > kMaxRowWarnings)
      spdlog::warn("{}: and {} more bad row(s), kept as notes on the file (`pipeline status`)", d.name, bad - kMaxRowWarnings);
    return out;
  }

  Store& store_;
  ingest::Inbox& inbox_;
  std::string run_id_;
  std::string day_;
  NightlyCounts& counts_;
  std::vector<Outcome> batch_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

}  // namespace tv

namespace tv {

NightlyCounts run_nightly(const Config& cfg, Store& store, const extract::ProfileSet& profiles,
                          const std::string& run_id, Progress& progress) {
  NightlyCounts counts;
  ingest::Inbox inbox({cfg.paths.inbox, cfg.paths.archive, cfg.paths.rejected},
                      std::chrono::seconds(cfg.inbox.min_age_seconds));
  if (!fs::is_directory(cfg.paths.inbox))
    throw fs::filesystem_error("the inbox folder does not exist (paths.inbox)", cfg.paths.inbox,
                               std::make_error_code(std::errc::no_such_file_or_directory));

  // Stage 1: claim. Files an interrupted run left claimed come first.
  auto files = inbox.unfinished();
  if (!files.empty()) spdlog::info("taking up {} file(s) an interrupted run had claimed", files.size());
  auto now = fs::file_time_type::clock::now();
  auto fresh = inbox.claim_ready(now);
  files.insert(files.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
  fresh = {};
  counts.deferred = inbox.count(now).too_new;
  if (counts.deferred) spdlog::info("{} file(s) changed in the last {} s are left for the next run", counts.deferred,
                                    cfg.inbox.min_age_seconds);
  spdlog::info("claimed {} file(s)", files.size());
  if (files.empty()) return counts;

  // Stage 2: read, sniff and normalise, in parallel; file away in claim order.
  std::unordered_set<std::string> taken;
  for (auto& sha : store.taken_hashes()) taken.insert(std::move(sha));
  Filer filer(store, inbox, run_id, run_day(cfg), counts);
  progress.start("ingest", files.size());
  examine_all(files, cfg, profiles, taken, [&](Outcome o) {
    filer.add(std::move(o));
    progress.tick();
  });
  filer.flush();
  progress.done();
  return counts;
}

}  // namespace tv
