#include "pipeline/catalogue_step.hpp"

#include <spdlog/spdlog.h>

namespace tv {

catalogue::Stats update_catalogue(const Config& cfg, Store& store, const std::string& run_id, const std::string& today) {
  catalogue::Input in;
  in.records = store.records();
  in.tools = store.tools();
  in.members = store.tool_members();
  in.comparisons = store.comparisons();
  in.directives = store.directives();
  in.budget.max_new_per_run = std::size_t(cfg.pair.max_new_per_run);
  in.budget.max_per_tool_per_week = std::size_t(cfg.pair.max_per_tool_per_week);
  in.today = today;
  in.run_id = run_id;
  in.jobs = unsigned(cfg.run.jobs);
  auto out = catalogue::build(in);
  store.save_catalogue(out.tools, out.members, out.comparisons, out.directives);
  const auto& s = out.stats;
  spdlog::debug("catalogue phases: read {:.2f} s, cluster {:.2f} s, tools {:.2f} s, pair {:.2f} s", out.stats.read_s,
                out.stats.cluster_s, out.stats.tools_s, out.stats.pair_s);
  spdlog::info("catalogue: {} record(s) -> {} tool(s) ({} new, {} merged into another); {} new comparison(s), "
               "{} withdrawn, {} left for later nights by the budget",
               s.records, s.tools, s.new_tools, s.absorbed, s.new_comparisons, s.withdrawn, s.held_by_budget);
  for (const auto& d : out.directives)
    if (d.status == "pending") spdlog::info("directive {} line {} ({} {} / {}) {}", d.file, d.line, d.action, d.a, d.b, d.detail);
    else if (d.status == "void") spdlog::warn("directive {} line {} ({} {} / {}) has no effect: {}", d.file, d.line, d.action, d.a, d.b, d.detail);
  return s;
}

}  // namespace tv
