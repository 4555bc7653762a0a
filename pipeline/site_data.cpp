#include "pipeline/site_data.hpp"

#include <map>
#include <vector>

namespace tv {

using nlohmann::json;

namespace {

json live_comparisons(const std::vector<catalogue::ToolRow>& tool_rows,
                      const std::vector<catalogue::ComparisonRow>& comparisons) {
  std::map<std::string, std::string> slug, into;  // tool id -> slug; absorbed id -> survivor
  for (const auto& t : tool_rows) {
    slug[t.id] = t.slug;
    if (!t.absorbed_into.empty()) into[t.id] = t.absorbed_into;
  }
  auto live_slug = [&](const std::string& id) { return slug[catalogue::survivor(into, id)]; };
  json arr = json::array();
  for (const auto& c : comparisons) {
    if (!c.withdrawn_on.empty()) continue;
    arr.push_back({{"slug", c.slug}, {"a", live_slug(c.a)}, {"b", live_slug(c.b)}, {"category", c.category},
                   {"published_on", c.published_on}, {"reason", c.reason}});
  }
  return arr;
}

}  // namespace

json live_comparisons(const Store& store) { return live_comparisons(store.tools(), store.comparisons()); }

json build_site_data(const Config& cfg, const Store& store, const panel::Attached& panel, const std::string& today) {
  json doc;
  doc["site"] = {{"title", cfg.site.title},
                 {"base_url", cfg.site.base_url},
                 {"today", today},
                 {"per_page", cfg.site.per_page},
                 {"subscribe_url", cfg.site.base_url + "/subscribe"}};
  json reviewers = json::array();
  for (const auto& r : cfg.reviewers) reviewers.push_back({{"id", r.id}, {"name", r.name}, {"role", r.role}});
  doc["reviewers"] = reviewers;

  // Each table is read once: the tools and comparisons serve both the pages and the report.
  const auto tool_rows = store.tools();
  const auto comparison_rows = store.comparisons();
  json tools = json::array();
  for (const auto& t : tool_rows) {
    if (!t.absorbed_into.empty() || t.json.empty()) continue;
    json tool = json::parse(t.json, nullptr, false);
    if (tool.is_discarded()) continue;
    json reviews = json::array();
    json community = {{"ship", 0}, {"total", 0}};
    int older = 0;
    if (auto it = panel.by_tool.find(t.id); it != panel.by_tool.end()) {
      for (const auto& c : it->second.reviews)
        reviews.push_back({{"reviewer", c.review.reviewer}, {"verdict", c.review.verdict}, {"quote", c.review.quote},
                           {"date", c.review.panel_date}, {"file", c.review.file}});
      older = it->second.older;
      community = {{"ship", it->second.community_ship}, {"total", it->second.community_total}};
    }
    tool["reviews"] = std::move(reviews);
    tool["older_reviews"] = older;
    tool["community"] = std::move(community);
    tools.push_back(std::move(tool));
  }
  doc["tools"] = std::move(tools);
  doc["comparisons"] = live_comparisons(tool_rows, comparison_rows);

  json report;
  json rejected = json::array();
  for (const auto& d : store.rejected_drops(500)) rejected.push_back({{"name", d.name}, {"reason", d.reason}, {"day", d.day}});
  report["rejected"] = rejected;
  json notes = json::array();
  for (const auto& n : store.drop_notes(500))
    notes.push_back({{"file", n.file}, {"message", (n.line > 0 ? "line " + std::to_string(n.line) + ": " : "") + n.note}});
  report["notes"] = notes;
  json waiting = json::array();
  for (const auto& w : panel.waiting) {
    waiting.push_back({{"file", w.review.file}, {"line", w.review.line}, {"tool", w.review.tool},
                       {"reviewer", w.review.reviewer}, {"why", w.reason}});
  }
  report["waiting_reviews"] = waiting;
  json waiting_votes = json::array();
  for (const auto& w : panel.waiting_votes) waiting_votes.push_back({{"tool", w.tool}, {"votes", w.votes}});
  report["waiting_votes"] = waiting_votes;
  json directives = json::array();
  for (const auto& d : store.directives())
    if (d.status == "pending")
      directives.push_back({{"file", d.file}, {"line", d.line}, {"action", d.action}, {"a", d.a}, {"b", d.b}, {"detail", d.detail}});
  report["waiting_directives"] = directives;
  json withdrawn = json::array();
  for (const auto& c : comparison_rows)
    if (!c.withdrawn_on.empty())
      withdrawn.push_back({{"slug", c.slug}, {"withdrawn_on", c.withdrawn_on}, {"reason", c.withdrawn_reason}});
  report["withdrawn"] = withdrawn;
  // The digest's ledger as counts only: readers' addresses never reach a page (`status` lists
  // the uncertain ones for the editor).
  json digests = json::array();
  for (const auto& week : store.digest_weeks()) {
    std::map<digest::SendStatus, int> n;
    for (const auto& row : store.ledger(week)) ++n[row.status];
    digests.push_back({{"week", week}, {"sent", n[digest::SendStatus::sent]}, {"failed", n[digest::SendStatus::failed]},
                       {"uncertain", n[digest::SendStatus::uncertain] + n[digest::SendStatus::sending]},
                       {"queued", n[digest::SendStatus::queued]}, {"skipped", n[digest::SendStatus::skipped]}});
  }
  report["digests"] = digests;
  doc["report"] = report;
  return doc;
}

}  // namespace tv
