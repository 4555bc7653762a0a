// The page of one tool: its facts and where each came from, its names, the panel's reviews,
// the community vote, every comparison it is in, and how its records were merged.
#include "stages/site/escape.hpp"
#include "stages/site/pages.hpp"

namespace tv::site {
namespace {

Data string_list(const json& tool, const char* key) {
  Data list(Data::type::list);
  if (auto it = tool.find(key); it != tool.end() && it->is_array())
    for (auto& v : *it)
      if (v.is_string() && !v.get<std::string>().empty()) list.push_back(Data(v.get<std::string>()));
  return list;
}

std::string field_label(const std::string& field) {
  static const std::map<std::string, std::string> labels{
      {"vendor", "Vendor"}, {"category", "Category"}, {"kind", "Kind"}, {"license", "Licence"},
      {"price", "Entry price"}, {"parameter_sizes", "Sizes"}, {"tagline", "Tagline"},
      {"description", "Description"}, {"homepage", "Homepage"}, {"source_url", "Source page"}};
  auto it = labels.find(field);
  return it == labels.end() ? field : it->second;
}

Data fact(const json& tool, const FactRow& row) {
  const std::string field = row.field;
  Data d;
  d.set("label", row.label);
  d.set("value", row.text(tool));
  // A reader sees the site a fact came from, never our inbox's file name (issue 15).
  std::string file, site, rule;
  if (auto p = tool.find("provenance"); p != tool.end() && p->is_object() && p->contains(field)) {
    file = str((*p)[field], "file");
    site = str((*p)[field], "site");
    rule = str((*p)[field], "rule");
  }
  d.set("has_source", !file.empty());
  d.set("source", site.empty() ? std::string("a scraped page") : site);
  d.set("rule", rule);
  return d;
}

}  // namespace

Data tool_page(const Index& ix, const json& tool) {
  const std::string name = str(tool, "name"), slug = str(tool, "slug");
  Data d;
  std::string description = str(tool, "tagline");
  if (description.empty()) description = name + ": facts, the panel's verdicts and every comparison.";
  d.set("page", page_meta(ix, name, description, tool_url(slug), false, tool_jsonld(ix, tool, true)));

  Data facts(Data::type::list);
  for (auto& row : fact_rows())
    if (*row.field) facts.push_back(fact(tool, row));  // benchmarks: a row of its own, from the description
  d.set("facts", facts);
  d.set("benchmarks", benchmarks_text(tool));
  auto home = safe_external_url(str(tool, "homepage"));
  d.set("has_homepage", !home.empty());
  d.set("homepage", home);

  Data aliases = string_list(tool, "aliases");
  d.set("has_aliases", !aliases.is_empty_list());
  d.set("aliases", aliases);
  Data variants = string_list(tool, "variants");
  d.set("has_variants", !variants.is_empty_list());
  d.set("variants", variants);

  Data reviews(Data::type::list);
  int counted = 0;
  for (auto& rv : ix.reviewers) {
    if (auto it = tool.find("reviews"); it != tool.end() && it->is_array())
      for (auto& r : *it) {
        if (str(r, "reviewer") != rv.id) continue;
        Data row;
        row.set("name", rv.name);
        row.set("role", rv.role);
        row.set("quote", str(r, "quote"));
        row.set("verdict", str(r, "verdict") == "ship" ? "Ship" : "Skip");
        row.set("verdict_class", str(r, "verdict") == "ship" ? "ship" : "skip");
        row.set("date", str(r, "date"));
        reviews.push_back(row);
        ++counted;
      }
  }
  d.set("has_reviews", counted > 0);
  d.set("reviews", reviews);
  int older = tool.value("older_reviews", 0);
  d.set("has_older", older > 0);
  d.set("older", older == 1 ? "1 earlier review is kept but no longer counts." :
                              std::to_string(older) + " earlier reviews are kept but no longer count.");

  Data comparisons(Data::type::list);
  if (auto it = ix.comparisons_of.find(slug); it != ix.comparisons_of.end())
    for (auto* c : it->second) {
      const json& other = *ix.tool_by_slug.at(str(*c, "a") == slug ? str(*c, "b") : str(*c, "a"));
      Data row;
      row.set("title", name + " vs " + str(other, "name"));
      row.set("url", compare_url(str(*c, "slug")));
      row.set("date", str(*c, "published_on"));
      comparisons.push_back(row);
    }
  d.set("has_comparisons", !comparisons.is_empty_list());
  d.set("comparisons", comparisons);

  Data sources(Data::type::list);
  if (auto it = tool.find("source_urls"); it != tool.end() && it->is_array())
    for (auto& u : *it)
      if (u.is_string()) {
        Data row;
        // Our own site's old pages are sources too; they are not linked (this page replaces them).
        auto safe = safe_external_url(u.get<std::string>());
        if (safe.rfind(ix.base_url, 0) == 0) safe.clear();
        row.set("url", u.get<std::string>());
        row.set("linkable", !safe.empty());
        row.set("href", safe);
        sources.push_back(row);
      }
  d.set("source_urls", sources);
  d.set("source_files", string_list(tool, "sources"));

  d.set("merged_from", merged_from_rows(tool, SourcesFor::readers));

  Data conflicts(Data::type::list);
  if (auto it = tool.find("conflicts"); it != tool.end() && it->is_array())
    for (auto& c : *it) {
      Data row;
      row.set("label", field_label(str(c, "field")));
      Data values = conflict_values(c, SourcesFor::readers);
      row.set("values", values);
      conflicts.push_back(row);
    }
  d.set("has_conflicts", !conflicts.is_empty_list());
  d.set("conflicts", conflicts);
  return d;
}

}  // namespace tv::site
