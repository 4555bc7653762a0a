// The editor's report: what the machine decided and what waits for a person. Merges and
// why, conflicting facts, files moved aside, problems in files that were taken, reviews,
// votes and directives waiting for their tool, and the pairs chosen with their reasons.
#include "stages/site/pages.hpp"

namespace tv::site {
namespace {

constexpr std::size_t kPairsShown = 200;

// A list of objects from report.<key>, each with the given string fields.
Data rows(const Index& ix, const char* key, std::initializer_list<const char*> fields) {
  Data list(Data::type::list);
  if (!ix.report) return list;
  auto it = ix.report->find(key);
  if (it == ix.report->end() || !it->is_array()) return list;
  for (auto& r : *it) {
    Data row;
    for (auto* f : fields) {
      auto v = r.contains(f) ? r[f] : json();
      row.set(f, v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump());
    }
    list.push_back(row);
  }
  return list;
}

void set_list(Data& d, const char* key, Data list) {
  d.set(std::string("has_") + key, !list.is_empty_list());
  d.set(key, list);
}

}  // namespace

Data report_page(const Index& ix) {
  Data d;
  d.set("page", page_meta(ix, "Editor's report", "What the pipeline decided and what waits for an editor.",
                          "/report/", true, ""));
  Data merges(Data::type::list), conflicts(Data::type::list);
  for (auto* t : ix.tools) {
    auto m = t->find("merged_from");
    if (m != t->end() && m->is_array() && m->size() > 1) {
      Data tool;
      tool.set("name", str(*t, "name"));
      tool.set("url", tool_url(str(*t, "slug")));
      tool.set("parts", merged_from_rows(*t, SourcesFor::editors));
      merges.push_back(tool);
    }
    if (auto c = t->find("conflicts"); c != t->end() && c->is_array())
      for (auto& x : *c) {
        Data row;
        row.set("tool", str(*t, "name"));
        row.set("url", tool_url(str(*t, "slug")));
        row.set("field", str(x, "field"));
        row.set("values", conflict_values(x, SourcesFor::editors));
        conflicts.push_back(row);
      }
  }
  set_list(d, "merges", merges);
  set_list(d, "conflicts", conflicts);
  set_list(d, "rejected", rows(ix, "rejected", {"name", "reason", "day"}));
  set_list(d, "notes", rows(ix, "notes", {"file", "message"}));
  set_list(d, "waiting_reviews", rows(ix, "waiting_reviews", {"file", "line", "tool", "reviewer", "why"}));
  set_list(d, "waiting_votes", rows(ix, "waiting_votes", {"tool", "votes"}));
  set_list(d, "waiting_directives", rows(ix, "waiting_directives", {"file", "line", "action", "a", "b", "detail"}));
  set_list(d, "withdrawn", rows(ix, "withdrawn", {"slug", "withdrawn_on", "reason"}));
  set_list(d, "digests", rows(ix, "digests", {"week", "sent", "failed", "uncertain", "queued", "skipped"}));
  Data pairs(Data::type::list);
  for (std::size_t i = 0; i < std::min(kPairsShown, ix.comparisons.size()); ++i) {
    const json& c = *ix.comparisons[i];
    Data row;
    row.set("title", str(*ix.tool_by_slug.at(str(c, "a")), "name") + " vs " + str(*ix.tool_by_slug.at(str(c, "b")), "name"));
    row.set("url", compare_url(str(c, "slug")));
    row.set("date", str(c, "published_on"));
    row.set("reason", str(c, "reason"));
    pairs.push_back(row);
  }
  set_list(d, "pairs", pairs);
  d.set("pairs_more", ix.comparisons.size() > kPairsShown);
  d.set("pairs_more_text", "and " + std::to_string(ix.comparisons.size() > kPairsShown ? ix.comparisons.size() - kPairsShown : 0) +
                               " older pairs (pipeline export comparisons --json)");
  return d;
}

}  // namespace tv::site
