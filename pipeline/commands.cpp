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
#include "pipeline/bounces_step.hpp"
#include "pipeline/digest_step.hpp"
#include "stages/digest/calendar.hpp"
#include "pipeline/logging.hpp"
#include "pipeline/nightly.hpp"
#include "pipeline/panel_step.hpp"
#include "pipeline/record_json.hpp"
#include "pipeline/output_error.hpp"
#include "pipeline/preflight.hpp"
#include "pipeline/run_lock.hpp"
#include "pipeline/site_data.hpp"
#include "pipeline/site_step.hpp"
#include "pipeline/store.hpp"
#include "stages/common/utc.hpp"
#include "stages/extract/profiles.hpp"
#include "stages/ingest/inbox.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tv {

fs::path state_db(const Config& cfg) { return cfg.paths.state / "pipeline.db"; }

namespace {
constexpr int kStatusNotes = 50;  // row problems of taken files that `status` lists, newest first

// On digest.weekday: last week's digest file (not sent: that is `digest --send`). A line for
// the run's summary, or "" on other days.
std::string nightly_digest(const Config& cfg, const Store& store, const site::Templates& templates,
                           const std::string& today) {
  if (digest::iso_weekday(today) != cfg.digest.weekday_number) return "";
  auto span = digest::last_complete_week(today);
  auto built = week_digest(store, span);
  if (built.week.empty()) return "Digest " + span.id + ": nothing new that week; no digest file.";
  auto letter = digest::render_letter(templates, built.week, digest_settings(cfg));
  auto files = write_digest_files(cfg, letter, span.id, mail_date(std::chrono::system_clock::now()));
  spdlog::info("digest {}: {} item(s) written to {}", span.id, built.week.items(), files.eml.string());
  return "Digest " + span.id + ": " + files.eml.string() + " (" + letter.subject + "; send it with `pipeline digest --send`)";
}

// digest.bounce_maildir: what came back since the last night (pipeline/bounces_step.hpp); ""
// when no Maildir is set.
std::string nightly_bounces(const Config& cfg, Store& store) {
  if (cfg.digest.bounce_maildir.empty()) return "";
  auto r = read_bounces(store, cfg, cfg.digest.bounce_maildir, bounce_secret(cfg));
  return bounce_summary(r, cfg.digest.bounce_maildir);
}
}  // namespace

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
  std::optional<site::Templates> templates, digest_templates;
  try {
    templates = load_templates(cfg);
    digest_templates = load_digest_templates(cfg);
  } catch (const site::TemplateError& e) {
    spdlog::error("{}", e.what());
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

  if (auto problems = check_outputs(cfg, state_db(cfg)); !problems.empty()) {
    for (const auto& p : problems)
      spdlog::error("{} {}; {}", p.folder.string(), p.what, output_remedy(p.err));
    spdlog::error("the run stopped before taking anything: nothing was stored, moved or published");
    return code(Exit::output_failed);
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
    std::string today = run_day(cfg);
    auto cat = update_catalogue(cfg, *store, run_id, today);
    auto panel = attach_panel(cfg, *store);
    std::size_t reviews = 0, reviewed = 0, votes = 0, voted = 0, waiting_votes = 0;
    for (const auto& [id, p] : panel.by_tool) {
      reviews += std::size_t(p.panel_total);
      reviewed += p.panel_total > 0;
      votes += std::size_t(p.community_total);
      voted += p.community_total > 0;
    }
    for (const auto& w : panel.waiting_votes) waiting_votes += std::size_t(w.votes);
    spdlog::info("panel: {} counting review(s) on {} tool(s), {} waiting; community: {} vote(s) on {} tool(s), "
                 "{} waiting", reviews, reviewed, panel.waiting.size(), votes, voted, waiting_votes);
    const auto doc = build_site_data(cfg, *store, panel, today);
    auto states = record_tool_history(*store, doc, today);
    spdlog::debug("tool history: {} state(s) recorded for {}", states, today);
    auto site = publish_site(cfg, *templates, doc);
    std::string digest_line = nightly_digest(cfg, *store, *digest_templates, today);
    std::string bounce_line = nightly_bounces(cfg, *store);
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
    std::printf("Panel: %zu review(s) counting on %zu tool(s); community: %zu vote(s) on %zu tool(s)\n", reviews,
                reviewed, votes, voted);
    if (!panel.waiting.empty() || waiting_votes > 0)
      std::printf("Waiting for their tool: %zu review(s), %zu vote(s) (`pipeline status`)\n", panel.waiting.size(),
                  waiting_votes);
    if (counts.rejected > 0)
      std::printf("Moved aside: %d file(s) in %s, each beside a .reason.txt (`pipeline status`)\n",
                  counts.rejected, cfg.paths.rejected.c_str());
    std::printf("Site: %s (%zu files: %zu written, %zu unchanged, %zu removed%s)\n",
                (cfg.paths.outbox / "site").c_str(), site.files, site.written, site.unchanged, site.removed,
                site.changed ? "" : "; nothing changed");
    std::printf("Editor's report: %s\n", (cfg.paths.outbox / "site" / "report" / "index.html").c_str());
    if (!digest_line.empty()) std::printf("%s\n", digest_line.c_str());
    if (!bounce_line.empty()) std::printf("%s\n", bounce_line.c_str());
  } catch (const std::exception& e) {
    row.outcome = std::string("failed: ") + e.what();
    if (int err = output_errno(e)) {
      spdlog::error("run {} stopped: {}; {}", run_id, e.what(), output_remedy(err));
      spdlog::error("nothing half-written was published (the site is the last complete one); inputs not yet "
                    "filed stay in {} for the next run",
                    (cfg.paths.inbox / ".processing").string());
      exit = code(Exit::output_failed);
    } else {
      spdlog::error("run {} failed: {}", run_id, e.what());
      exit = code(Exit::run_failed);
    }
  }
  row.exit_code = exit;
  row.finished_at = utc_now();
  try {
    store->end_run(row);
  } catch (const std::exception& e) {
    spdlog::error("cannot record the end of run {}: {}", run_id, e.what());
    if (exit != code(Exit::output_failed)) exit = code(Exit::run_failed);
  }
  return exit;
}

int command_status(const Config& cfg, bool as_json) {
  json out = json::object();
  ingest::Inbox inbox({cfg.paths.inbox, cfg.paths.archive, cfg.paths.rejected},
                      std::chrono::seconds(cfg.inbox.min_age_seconds));
  auto w = inbox.count(fs::file_time_type::clock::now());
  out["inbox"] = {{"path", cfg.paths.inbox.string()}, {"ready", w.ready}, {"too_new", w.too_new},
                  {"claimed", w.claimed}, {"dotfiles", w.dotfiles}};
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
      auto panel = attach_panel(cfg, store);
      out["reviews_waiting"] = json::array();
      for (const auto& w : panel.waiting)
        out["reviews_waiting"].push_back({{"file", w.review.file}, {"line", w.review.line}, {"tool", w.review.tool},
                                          {"reviewer", w.review.reviewer}, {"panel_date", w.review.panel_date},
                                          {"reason", w.reason}, {"candidates", w.candidates}});
      out["votes_waiting"] = json::array();
      for (const auto& w : panel.waiting_votes)
        out["votes_waiting"].push_back({{"tool", w.tool}, {"votes", w.votes}, {"candidates", w.candidates}});
      // Per live tool (by slug): the counting verdict of each reviewer and the two tallies.
      out["panel"] = json::object();
      auto tools = store.tools();
      for (const auto& t : tools) {
        auto it = panel.by_tool.find(t.id);
        if (it == panel.by_tool.end()) continue;
        const auto& p = it->second;
        json verdicts = json::object();
        for (const auto& c : p.reviews) verdicts[c.review.reviewer] = c.review.verdict;
        out["panel"][t.slug] = {{"reviews", verdicts}, {"older", p.older},
                                {"panel", {{"ship", p.panel_ship}, {"total", p.panel_total}}},
                                {"community", {{"ship", p.community_ship}, {"total", p.community_total}}}};
      }
      out["row_problems"] = json::array();
      for (const auto& n : store.drop_notes(kStatusNotes))
        out["row_problems"].push_back({{"file", n.file}, {"line", n.line}, {"problem", n.note}, {"run_id", n.run_id},
                                       {"at", n.at}});
      out["digests"] = json::array();
      for (const auto& week : store.digest_weeks()) {
        json counts = json::object();
        for (const auto& row : store.ledger(week)) counts[std::string(digest::to_string(row.status))] = counts.value(std::string(digest::to_string(row.status)), 0) + 1;
        json entry = {{"week", week}, {"readers", counts}};
        // A send killed mid-way: its last batch is settled from this file by the next --send.
        auto journal = cfg.paths.state / "digest" / (week + ".journal");
        if (fs::exists(journal)) entry["interrupted_send"] = journal.string();
        out["digests"].push_back(entry);
      }
      out["digest_uncertain"] = json::array();
      for (const auto& row : store.ledger_rows(digest::SendStatus::uncertain))
        out["digest_uncertain"].push_back({{"week", row.week}, {"email", row.email}, {"message_id", row.message_id},
                                           {"detail", row.detail}, {"at", row.updated_at}});
      json readers = json::object();
      for (const auto& [st, n] : store.reader_counts()) readers[std::string(digest::to_string(st))] = n;
      out["readers"] = readers;
      out["confirmations_queued"] = store.queued_confirmations(1000).size();
      out["bounce_problems"] = json::array();
      for (const auto& b : store.bounce_problems())
        out["bounce_problems"].push_back({{"message", b.name}, {"problem", b.detail}, {"at", b.at}});
      auto comps = store.comparisons();
      out["comparisons"] = std::count_if(comps.begin(), comps.end(), [](const auto& c) { return c.withdrawn_on.empty(); });
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
  if (w.dotfiles)
    std::cout << ", " << w.dotfiles << " left alone because the name starts with '.' (rename to have it read)";
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
      std::cout << "  " << ingest::safe_file_name(d["file"].get<std::string>()) << " line " << d["line"] << ": " << d["action"].get<std::string>()
                << " \"" << d["a"].get<std::string>() << "\" / \"" << d["b"].get<std::string>() << "\" ("
                << d["status"].get<std::string>() << "): " << d["detail"].get<std::string>() << "\n";
  }
  if (out.contains("reviews_waiting") && !out["reviews_waiting"].empty()) {
    std::cout << "Reviews waiting for their tool: " << out["reviews_waiting"].size() << "\n";
    for (const auto& w : out["reviews_waiting"])
      std::cout << "  " << ingest::safe_file_name(w["file"].get<std::string>()) << " line " << w["line"] << ": "
                << w["reviewer"].get<std::string>() << " on \"" << w["tool"].get<std::string>()
                << "\": " << w["reason"].get<std::string>() << "\n";
  }
  if (out.contains("votes_waiting") && !out["votes_waiting"].empty()) {
    std::cout << "Votes waiting for their tool: " << out["votes_waiting"].size() << " name(s)\n";
    for (const auto& w : out["votes_waiting"]) {
      std::cout << "  \"" << w["tool"].get<std::string>() << "\": " << w["votes"] << " vote(s)";
      if (!w["candidates"].empty()) std::cout << ", the name fits " << w["candidates"].size() << " tools";
      std::cout << "\n";
    }
  }
  if (out.contains("row_problems") && !out["row_problems"].empty()) {
    std::cout << "Problems in taken files (those rows were left out): " << out["row_problems"].size() << "\n";
    for (const auto& n : out["row_problems"]) {
      std::cout << "  " << ingest::safe_file_name(n["file"].get<std::string>()) << ": ";  // a name may hold escapes
      if (n["line"].get<int>() > 0) std::cout << "line " << n["line"] << ": ";
      std::cout << n["problem"].get<std::string>() << "\n";
    }
  }
  if (out.contains("digests") && !out["digests"].empty()) {
    std::cout << "Digests sent:\n";
    for (const auto& d : out["digests"]) {
      std::cout << "  " << d["week"].get<std::string>() << ":";
      for (const auto& [status, n] : d["readers"].items()) std::cout << " " << status << " " << n.get<int>() << ";";
      std::cout << "\n";
      if (d.contains("interrupted_send"))
        std::cout << "    a send of this week was interrupted: the next `digest --week " << d["week"].get<std::string>()
                  << " --send` settles its last readers first (reserved ones are not yet known)\n";
    }
  }
  if (out.contains("digest_uncertain") && !out["digest_uncertain"].empty()) {
    std::cout << "Digest messages that may or may not have arrived (never re-sent automatically): "
              << out["digest_uncertain"].size() << "\n";
    for (const auto& u : out["digest_uncertain"])
      std::cout << "  " << u["week"].get<std::string>() << " " << u["email"].get<std::string>() << " "
                << u["message_id"].get<std::string>() << ": " << u["detail"].get<std::string>() << "\n";
  }
  if (out.contains("readers")) {
    std::cout << "Readers:";
    if (out["readers"].empty()) std::cout << " none yet (`pipeline subscribers import FILE`, or the sign-up form)";
    for (const auto& [st, n] : out["readers"].items()) std::cout << " " << st << " " << n.get<std::size_t>() << ";";
    if (out["confirmations_queued"].get<std::size_t>() > 0)
      std::cout << " confirmation mails waiting to go: " << out["confirmations_queued"].get<std::size_t>();
    std::cout << "\n";
  }
  if (out.contains("bounce_problems") && !out["bounce_problems"].empty()) {
    std::cout << "Bounce messages that could not be read (left in the Maildir's new/): "
              << out["bounce_problems"].size() << "\n";
    for (const auto& b : out["bounce_problems"])
      std::cout << "  " << ingest::safe_file_name(b["message"].get<std::string>()) << ": "
                << b["problem"].get<std::string>() << "\n";
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
  return export_array(cfg, "comparisons", [](Store& store, json& arr) { arr = live_comparisons(store); });
}

int command_export_reviews(const Config& cfg) {
  return export_array(cfg, "reviews", [&cfg](Store& store, json& arr) { arr = reviews_export(cfg, store); });
}

int command_export_site(const Config& cfg) {
  std::optional<Store> store;
  try {
    store = Store::open(state_db(cfg));
  } catch (const std::exception& e) {
    spdlog::error("cannot open the state store: {}", e.what());
    return code(Exit::run_failed);
  }
  std::string today = run_day(cfg);
  std::cout << dump_json(build_site_data(cfg, *store, attach_panel(cfg, *store), today), 2) << "\n";
  return code(Exit::ok);
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
