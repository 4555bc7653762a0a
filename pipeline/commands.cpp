#include "pipeline/commands.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "pipeline/exit_codes.hpp"
#include "stages/dedupe/evaluate.hpp"
#include "pipeline/catalogue_step.hpp"
#include "pipeline/logging.hpp"
#include "pipeline/nightly.hpp"
#include "pipeline/record_json.hpp"
#include "pipeline/run_lock.hpp"
#include "pipeline/store.hpp"
#include "stages/common/utc.hpp"
#include "stages/extract/profiles.hpp"
#include "stages/ingest/inbox.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tv {

fs::path state_db(const Config& cfg) { return cfg.paths.state / "pipeline.db"; }

int command_run(const Config& cfg) {
  const auto t0 = std::chrono::steady_clock::now();
  // Start-up checks come before the lock and before any input is touched.
  extract::ProfileSet profiles;
  try {
    profiles = extract::ProfileSet::load(cfg.paths.profiles);
  } catch (const extract::ProfileError& e) {
    spdlog::error("profile error: {}", e.what());
    return code(Exit::config);
  }

  std::string holder;
  std::optional<RunLock> lock;
  try {
    lock = RunLock::try_acquire(cfg.paths.state, "run", &holder);
  } catch (const std::exception& e) {
    spdlog::error("cannot take the run lock: {}", e.what());
    return code(Exit::run_failed);
  }
  if (!lock) {
    spdlog::error("another run holds the lock ({}); this one exits without doing anything", holder);
    return code(Exit::locked);
  }

  std::string run_id = new_run_id();
  std::optional<Store> store;
  try {
    add_json_log_file(cfg.paths.state / cfg.log.file, run_id, cfg.log.level);
    store = Store::open(state_db(cfg));
    store->begin_run(run_id, "run", utc_now());
  } catch (const std::exception& e) {
    spdlog::error("cannot start the run: {}", e.what());
    return code(Exit::run_failed);
  }
  spdlog::info("run {} started (config: {})", run_id,
               cfg.config_file.empty() ? "embedded defaults" : cfg.config_file.string());

  RunRow row;
  row.id = run_id;
  int exit = code(Exit::ok);
  try {
    Progress progress;
    auto counts = run_nightly(cfg, *store, profiles, run_id, progress);
    std::string today = cfg.run.date.empty() ? format_utc(std::chrono::system_clock::now(), "%Y-%m-%d") : cfg.run.date;
    auto cat = update_catalogue(cfg, *store, run_id, today);
    exit = counts.rejected > 0 ? code(Exit::ok_with_rejects) : code(Exit::ok);
    row.outcome = counts.rejected > 0 ? "ok, some inputs moved aside" : "ok";
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    spdlog::info("run {} finished in {:.2f} s: {} taken, {} duplicate(s), {} moved aside, {} record(s)", run_id,
                 secs, counts.taken, counts.duplicates, counts.rejected, counts.records);
    if (counts.taken + counts.duplicates + counts.rejected == 0) std::printf("Nothing new in the inbox.\n");
    std::printf("Records: %s (`pipeline export records --json`)\n", state_db(cfg).c_str());
    std::printf("Tools: %zu (%zu new; `pipeline export tools --json`)\n", cat.tools, cat.new_tools);
    std::printf("Comparisons: %zu new tonight, %zu withdrawn, %zu waiting for the budget "
                "(`pipeline export comparisons --json`)\n",
                cat.new_comparisons, cat.withdrawn, cat.held_by_budget);
    if (cat.directives_pending > 0)
      std::printf("Directives waiting for their tool: %zu (`pipeline status`)\n", cat.directives_pending);
    if (counts.rejected > 0)
      std::printf("Moved aside: %d file(s) in %s, each beside a .reason.txt (`pipeline status`)\n",
                  counts.rejected, cfg.paths.rejected.c_str());
    std::printf("Output folder: %s\n", cfg.paths.outbox.c_str());
  } catch (const std::exception& e) {
    spdlog::error("run {} failed: {}", run_id, e.what());
    row.outcome = std::string("failed: ") + e.what();
    exit = code(Exit::run_failed);
  }
  row.exit_code = exit;
  row.finished_at = utc_now();
  try {
    store->end_run(row);
  } catch (const std::exception& e) {
    spdlog::error("cannot record the end of run {}: {}", run_id, e.what());
    exit = code(Exit::run_failed);
  }
  return exit;
}

int command_status(const Config& cfg, bool as_json) {
  json out = json::object();
  ingest::Inbox inbox({cfg.paths.inbox, cfg.paths.archive, cfg.paths.rejected},
                      std::chrono::seconds(cfg.inbox.min_age_seconds));
  auto w = inbox.count(fs::file_time_type::clock::now());
  out["inbox"] = {{"path", cfg.paths.inbox.string()}, {"ready", w.ready}, {"too_new", w.too_new},
                  {"claimed", w.claimed}};
  out["last_run"] = nullptr;
  out["moved_aside"] = json::array();
  if (fs::exists(state_db(cfg))) {
    try {
      auto store = Store::open(state_db(cfg));
      if (auto r = store.last_run())
        out["last_run"] = {{"id", r->id}, {"started_at", r->started_at}, {"finished_at", r->finished_at},
                           {"outcome", r->outcome}, {"exit_code", r->exit_code}, {"taken", r->taken},
                           {"duplicates", r->duplicates}, {"moved_aside", r->rejected}, {"records", r->records}};
      out["directives_waiting"] = json::array();
      for (const auto& d : store.directives())
        if (d.status == "pending" || d.status == "void")
          out["directives_waiting"].push_back({{"file", d.file}, {"line", d.line}, {"action", d.action}, {"a", d.a},
                                               {"b", d.b}, {"status", d.status}, {"detail", d.detail}});
      auto comps = store.comparisons();
      out["comparisons"] = std::count_if(comps.begin(), comps.end(), [](const auto& c) { return c.withdrawn_on.empty(); });
      auto tools = store.tools();
      out["tools"] = std::count_if(tools.begin(), tools.end(), [](const auto& t) { return t.absorbed_into.empty(); });
      for (const auto& d : store.rejected_drops()) {
        if (!fs::exists(fs::symlink_status(d.moved_to))) continue;  // the editor dealt with it
        out["moved_aside"].push_back({{"file", d.name}, {"path", d.moved_to}, {"reason", d.reason},
                                      {"kind", d.kind}, {"at", d.at}, {"run_id", d.run_id}});
      }
    } catch (const StoreError& e) {
      spdlog::error("{}", e.what());
      return code(Exit::run_failed);
    }
  }
  if (as_json) {
    std::cout << dump_json(out, 2) << "\n";
    return code(Exit::ok);
  }
  std::cout << "Inbox " << cfg.paths.inbox.string() << ": " << w.ready << " waiting";
  if (w.too_new) std::cout << ", " << w.too_new << " too new (next run)";
  if (w.claimed) std::cout << ", " << w.claimed << " claimed by a running or interrupted run";
  std::cout << "\n";
  if (out["last_run"].is_null()) {
    std::cout << "Last run: none yet\n";
  } else {
    const auto& r = out["last_run"];
    std::cout << "Last run: " << r["id"].get<std::string>() << ", started " << r["started_at"].get<std::string>()
              << ", " << (r["finished_at"].get<std::string>().empty() ? std::string("not finished")
                                                                      : "finished " + r["finished_at"].get<std::string>())
              << ": " << r["outcome"].get<std::string>() << " (" << r["taken"] << " taken, " << r["duplicates"]
              << " duplicate, " << r["moved_aside"] << " moved aside)\n";
  }
  if (out.contains("tools"))
    std::cout << "Catalogue: " << out["tools"] << " tools, " << out["comparisons"] << " comparisons published\n";
  if (out.contains("directives_waiting") && !out["directives_waiting"].empty()) {
    std::cout << "Directives not applied: " << out["directives_waiting"].size() << "\n";
    for (const auto& d : out["directives_waiting"])
      std::cout << "  " << d["file"].get<std::string>() << " line " << d["line"] << ": " << d["action"].get<std::string>()
                << " \"" << d["a"].get<std::string>() << "\" / \"" << d["b"].get<std::string>() << "\" ("
                << d["status"].get<std::string>() << "): " << d["detail"].get<std::string>() << "\n";
  }
  std::cout << "Moved aside: " << out["moved_aside"].size() << "\n";
  for (const auto& m : out["moved_aside"])
    std::cout << "  " << m["path"].get<std::string>() << "\n      " << m["reason"].get<std::string>() << "\n";
  return code(Exit::ok);
}


namespace {

// Runs `fill` on the store when there is one (an empty array otherwise) and prints the array.
template <class Fill>
int export_array(const Config& cfg, const char* what, Fill&& fill) {
  json arr = json::array();
  if (fs::exists(state_db(cfg))) {
    try {
      auto store = Store::open(state_db(cfg));
      fill(store, arr);
    } catch (const std::exception& e) {
      spdlog::error("cannot export {}: {}", what, e.what());
      return code(Exit::run_failed);
    }
  }
  std::cout << dump_json(arr, 2) << "\n";
  return code(Exit::ok);
}

}  // namespace

int command_export_records(const Config& cfg) {
  return export_array(cfg, "records", [](Store& store, json& arr) {
    for (const auto& text : store.record_jsons()) arr.push_back(json::parse(text));
  });
}

int command_export_tools(const Config& cfg) {
  return export_array(cfg, "tools", [](Store& store, json& arr) {
    for (const auto& t : store.tools())
      if (t.absorbed_into.empty()) arr.push_back(json::parse(t.json));
  });
}

int command_export_comparisons(const Config& cfg) {
  return export_array(cfg, "comparisons", [](Store& store, json& arr) {
    std::map<std::string, std::string> slug;  // tool id -> slug, following merges
    std::map<std::string, std::string> into;
    for (const auto& t : store.tools()) {
      slug[t.id] = t.slug;
      if (!t.absorbed_into.empty()) into[t.id] = t.absorbed_into;
    }
    auto live_slug = [&](const std::string& id) { return slug[catalogue::survivor(into, id)]; };
    for (const auto& c : store.comparisons()) {
      if (!c.withdrawn_on.empty()) continue;
      arr.push_back({{"slug", c.slug}, {"a", live_slug(c.a)}, {"b", live_slug(c.b)}, {"category", c.category},
                     {"published_on", c.published_on}, {"reason", c.reason}});
    }
  });
}

int command_eval_dedupe(const std::string& file, bool list_mistakes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    spdlog::error("eval-dedupe: cannot read {}", file);
    return code(Exit::usage);
  }
  auto data = dedupe::read_magellan(in, file);
  for (const auto& e : data.errors) spdlog::warn("{}", e);
  std::vector<dedupe::Mistake> mistakes;
  auto c = dedupe::evaluate(data.pairs, &mistakes);
  if (list_mistakes)
    for (const auto& m : mistakes)
      std::cout << file << ":" << m.line << ": labelled " << (m.label ? "same" : "different") << ", matcher says "
                << m.reason << ": \"" << m.left << "\" / \"" << m.right << "\"\n";
  std::cout << std::fixed << std::setprecision(3);
  std::cout << "pairs: " << data.pairs.size() << " (" << (c.tp + c.fn) << " same, " << (c.fp + c.tn)
            << " different); lines with errors: " << data.errors.size() << "\n";
  std::cout << "confusion: tp " << c.tp << " fp " << c.fp << " fn " << c.fn << " tn " << c.tn << "\n";
  std::cout << "eval-dedupe: precision " << c.precision() << " recall " << c.recall() << " F1 " << c.f1()
            << " (tp " << c.tp << " fp " << c.fp << " fn " << c.fn << " tn " << c.tn << ") on " << file << "\n";
  return code(Exit::ok);
}

}  // namespace tv
