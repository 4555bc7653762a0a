// Pages: turns the site data (docs/site-data.md) into the data each template renders.
// Internal to the site module: site.cpp builds one Index, then asks these builders for each
// page's Data, on many threads at once (the Index is read-only by then).
//
// Every builder sets every key its template uses (strict templates: docs/templates.md), and
// every value is plain text: escaping is the template's {{x}}, except `page.jsonld`, which
// is already made safe by json_for_script. What many pages share ("site", "nav", a tool's
// card as "a", "b" or "tool") is not in a page's data: site.cpp hands it to the template
// beside the page's data (Templates::Shared), made once. Links are root-relative ("/tools/x/"); canonical
// and feed links are absolute under site.base_url.
#pragma once
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "stages/site/templates.hpp"

namespace tv::site {

using nlohmann::json;

struct Reviewer {
  std::string id, name, role;
};

struct Category {
  std::string name, slug;
  std::vector<const json*> comparisons;  // newest first
  std::vector<const json*> tools;        // by name
};

struct Index {
  std::string title, base_url, today, subscribe_url;
  std::size_t per_page = 20;
  std::vector<Reviewer> reviewers;
  std::vector<const json*> tools;                                      // live, by name
  std::unordered_map<std::string, const json*> tool_by_slug;
  std::vector<const json*> comparisons;                                // live, newest first
  std::unordered_map<std::string, std::vector<const json*>> comparisons_of;  // tool slug ->
  std::vector<Category> categories;                                    // by name
  std::unordered_map<std::string, std::size_t> category_of;            // name -> index
  const json* report = nullptr;
  std::unordered_map<std::string, std::string> app_jsonld;  // slug -> application_jsonld, when made
  Data site, nav;                              // shared by every page ("site", "nav")
  std::unordered_map<std::string, Data> cards;  // slug -> card_data, when made
};

// Throws std::invalid_argument naming what is wrong when the document lacks its shape.
Index build_index(const json& doc);

// Paths of the site's pages (file paths, relative to the site root) and their URLs.
std::string tool_url(const std::string& slug);
std::string compare_url(const std::string& slug);
std::string category_url(const Category& c, std::size_t page);  // page 1-based
std::string url_to_file(const std::string& url);                 // "/a/b/" -> "a/b/index.html"

// Tool facts as text ("—" when unknown).
std::string str(const json& j, const char* key);
std::string price_text(const json& tool);
std::string sizes_text(const json& sizes);
std::string license_text(const json& license);
std::string kind_text(const std::string& kind);
std::string value_text(const std::string& field, const json& value);  // a conflict's value
std::vector<std::string> benchmarks_claimed(const std::string& description);
std::string benchmarks_text(const json& tool);  // "HumanEval, SWE-bench" or "none claimed"

// The facts both the comparison and the tool page tabulate, in order. `field` is the record
// field whose conflicts and provenance belong to the row ("" for benchmarks, read from the
// description).
struct FactRow {
  const char* label;
  const char* field;
  std::string (*text)(const json& tool);
};
const std::vector<FactRow>& fact_rows();
// Who a conflict's sources are shown to. Readers see sites, never an inbox file name: each
// value's `sites` (docs/site-data.md), de-duplicated in the order first given; a value without
// them (site data written before sites were kept) shows "a scraped page" per source. The
// editor's report shows the file names.
enum class SourcesFor { readers, editors };
// A conflict's values as a list of {value, sources}: ("70B, 400B", "huggingface.co,
// launchboard.example") for readers, ("70B, 400B", "a.html, b.html") for editors.
Data conflict_values(const json& conflict, SourcesFor who);
// A tool's merge record as rows of {name, file, reason, joined_with}: `file` is the site for
// readers (or "a scraped page"), the inbox file name for editors.
Data merged_from_rows(const json& tool, SourcesFor who);

struct Tally {
  int ship = 0, total = 0;
  bool any() const { return total > 0; }
  int percent() const;  // rounded; 0 when none
};
Tally panel_tally(const json& tool);
Tally community_tally(const json& tool);
// "ship", "skip", "split" or "none": the panel's majority.
std::string panel_verdict(const Tally& t);

// The per-tool parts several pages share.
Data tally_data(const Tally& t, bool votes);  // has, percent, width, count
Data card_data(const json& tool);
std::string application_jsonld(const Index& ix, const json& tool);  // SoftwareApplication, script-safe
std::string tool_jsonld(const Index& ix, const json& tool, bool with_context);
std::string comparison_jsonld(const Index& ix, const json& comparison, const json& a, const json& b);

// One page's data, ready to render.
Data comparison_page(const Index& ix, const json& comparison);
Data tool_page(const Index& ix, const json& tool);
Data home_page(const Index& ix);
Data category_page(const Index& ix, const Category& c, std::size_t page, std::size_t pages);
Data report_page(const Index& ix);
Data redirect_page(const Index& ix, const std::string& from_slug, const json& to_tool);
Data feed_data(const Index& ix);

// A notice about a reader's subscription (templates/notice.mustache): a heading, paragraphs
// and, for the unsubscribe page, one button that posts the reader's email and token.
struct Notice {
  std::string title, heading;
  std::vector<std::string> paragraphs;
  std::string url;  // its canonical path
  std::string form_action, form_email, form_token, form_button;  // form_action "" = no form
};
inline constexpr const char* kCheckInboxUrl = "/subscribe/check-inbox/";  // where POST /subscribe sends readers
Data notice_page(const Index& ix, const Notice& n);
Notice check_inbox_notice();
// The Index a notice needs outside a site build (`pipeline serve`): the site's name and
// address, no categories.
Index notice_index(const std::string& title, const std::string& base_url);
Data sitemap_data(const Index& ix);

// A page's "page" object: title, description, canonical URL, noindex, JSON-LD.
Data page_meta(const Index& ix, const std::string& title, const std::string& description,
               const std::string& url, bool noindex, const std::string& jsonld);

}  // namespace tv::site
