// The nightly catalogue step over several nights: history kept, directives applied when their
// tool arrives, merged tools' comparisons withdrawn, file order irrelevant.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "stages/catalogue/catalogue.hpp"

using namespace tv::catalogue;
using nlohmann::json;

namespace {

RecordIn rec(const std::string& id, const std::string& name, const std::string& vendor, const std::string& kind,
             const std::string& category = "Developer Tools") {
  json j = {{"name", name}, {"vendor", vendor}, {"kind", kind}, {"category", category},
            {"source_file", id + ".html"}, {"provenance", json::object()}};
  return {id, j.dump()};
}

// Feeds a night's output back as the next night's history, as the store does.
struct History {
  std::map<std::string, ToolRow> tools;
  std::vector<std::pair<std::string, std::string>> members;
  std::map<std::string, ComparisonRow> comparisons;
  std::vector<DirectiveRow> directives;

  Output night(const std::vector<RecordIn>& records, const std::string& today, std::size_t budget = 20) {
    Input in;
    in.records = records;
    for (const auto& [id, t] : tools) in.tools.push_back(t);
    in.members = members;
    for (const auto& [slug, c] : comparisons) in.comparisons.push_back(c);
    in.directives = directives;
    in.budget.max_new_per_run = budget;
    in.today = today;
    in.run_id = "run-" + today;
    auto out = build(in);
    for (const auto& t : out.tools) {
      auto& row = tools[t.id];
      bool fresh = row.id.empty();
      std::string slug = row.slug, created = row.created_at;
      auto seq = row.seq;
      row = t;
      if (!fresh) row.slug = slug, row.created_at = created, row.seq = seq;  // as the store upserts
    }
    members = out.members;
    for (const auto& c : out.comparisons) {
      auto it = comparisons.find(c.slug);
      if (it == comparisons.end()) comparisons[c.slug] = c;
      else it->second.withdrawn_on = c.withdrawn_on, it->second.withdrawn_reason = c.withdrawn_reason;
    }
    directives = out.directives;
    return out;
  }
  const ToolRow* live_named(const std::string& name) const {
    for (const auto& [id, t] : tools)
      if (t.absorbed_into.empty() && t.name == name) return &t;
    return nullptr;
  }
  std::size_t live_tools() const {
    return std::count_if(tools.begin(), tools.end(), [](const auto& t) { return t.second.absorbed_into.empty(); });
  }
};

DirectiveRow directive(std::int64_t id, const std::string& action, const std::string& a, const std::string& b,
                       const std::string& date = "2026-11-21") {
  return {id, "d.xml", int(id) + 2, date, "maria", action, a, b, "", "pending", ""};
}

const std::vector<RecordIn> kNight1{
    rec("r1", "SmolVLM2-2B", "Hugging Face", "vision-language"),
    rec("r2", "SmolVLM2", "Hugging Face", "vision-language"),
    rec("r3", "SmolVLM-3B", "Hugging Face", "vision-language"),
    rec("r4", "Code Llama 4", "Meta", "code"),
    rec("r5", "SmolLM3", "Hugging Face", "text"),
};

}  // namespace

BOOST_AUTO_TEST_SUITE(catalogue)

BOOST_AUTO_TEST_CASE(one_tool_per_name_family_and_never_a_tool_against_itself) {
  History h;
  auto out = h.night(kNight1, "2026-11-21");
  BOOST_TEST(out.stats.tools == 4u);
  BOOST_REQUIRE(h.live_named("SmolVLM2"));
  BOOST_TEST(json::parse(h.live_named("SmolVLM2")->json)["aliases"] == json::array({"SmolVLM2-2B"}));
  for (const auto& [slug, c] : h.comparisons) BOOST_TEST(c.a != c.b);
  BOOST_TEST(out.stats.new_comparisons > 0u);
}

BOOST_AUTO_TEST_CASE(file_order_never_changes_the_result) {
  History first;
  first.night(kNight1, "2026-11-21");
  auto shuffled = kNight1;
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    History again;
    again.night(shuffled, "2026-11-21");
    BOOST_TEST(again.tools.size() == first.tools.size());
    for (const auto& [id, t] : first.tools) {
      BOOST_REQUIRE(again.tools.count(id));
      BOOST_TEST(again.tools[id].slug == t.slug);
      BOOST_TEST(again.tools[id].json == t.json);
    }
    BOOST_TEST(again.comparisons.size() == first.comparisons.size());
    for (const auto& [slug, c] : first.comparisons) BOOST_TEST(again.comparisons.count(slug) == 1u);
  }
}

BOOST_AUTO_TEST_CASE(a_rerun_with_nothing_new_changes_nothing_but_the_budgeted_queue) {
  History h;
  h.night(kNight1, "2026-11-21", 100);
  auto again = h.night(kNight1, "2026-11-21", 100);
  BOOST_TEST(again.tools.empty());  // no tool row rewritten
  BOOST_TEST(again.comparisons.empty());
}

BOOST_AUTO_TEST_CASE(urls_stay_when_a_better_name_arrives) {
  History h;
  h.night({rec("r1", "SmolVLM2-2B", "Hugging Face", "vision-language")}, "2026-11-20");
  std::string slug = h.tools.begin()->second.slug;
  BOOST_TEST(slug == "smolvlm2-2b");
  h.night(kNight1, "2026-11-21");
  BOOST_REQUIRE(h.live_named("SmolVLM2"));
  BOOST_TEST(h.live_named("SmolVLM2")->slug == slug);  // the name changed, the URL did not
}

BOOST_AUTO_TEST_CASE(a_directive_waits_for_its_tool_then_applies) {
  History h;
  h.directives = {directive(1, "merge", "Photo AI", "PhotoAI Studio")};
  h.night({rec("p1", "Photo AI", "", "image-generation", "Image")}, "2026-11-21");
  BOOST_TEST(h.directives[0].status == "pending");
  BOOST_TEST(h.directives[0].detail.find("PhotoAI Studio") != std::string::npos);
  h.night({rec("p1", "Photo AI", "", "image-generation", "Image"), rec("p2", "PhotoAI Studio", "", "image-generation", "Image")},
          "2026-11-22");
  BOOST_TEST(h.directives[0].status == "applied");
  BOOST_TEST(h.live_tools() == 1u);
  auto tool = json::parse(h.tools.begin()->second.json);
  BOOST_TEST(tool["merged_from"][1]["reason"].get<std::string>().find("editor merge (d.xml line 3)") == 0u);
}

BOOST_AUTO_TEST_CASE(a_later_merge_absorbs_a_tool_and_withdraws_their_comparison) {
  History h;
  std::vector<RecordIn> recs{rec("a", "Photo AI", "", "image-generation", "Image"),
                             rec("b", "PhotoAI Studio", "", "image-generation", "Image")};
  h.night(recs, "2026-11-21");
  BOOST_REQUIRE_EQUAL(h.comparisons.size(), 1u);
  auto slugs_before = std::set<std::string>{h.live_named("Photo AI")->slug, h.live_named("PhotoAI Studio")->slug};
  h.directives = {directive(1, "merge", "Photo AI", "PhotoAI Studio", "2026-11-22")};
  auto out = h.night(recs, "2026-11-22");
  BOOST_TEST(out.stats.absorbed == 1u);
  BOOST_TEST(out.stats.withdrawn == 1u);
  BOOST_TEST(h.comparisons.begin()->second.withdrawn_reason.find("turned out to be one") != std::string::npos);
  BOOST_TEST(h.comparisons.begin()->second.published_on == "2026-11-21");
  BOOST_REQUIRE_EQUAL(h.live_tools(), 1u);
  const ToolRow* live = nullptr;
  for (const auto& [id, t] : h.tools)
    if (t.absorbed_into.empty()) live = &t;
  BOOST_TEST(slugs_before.count(live->slug) == 1u);  // the survivor keeps its URL
  auto redirects = json::parse(live->json)["redirects_from"];
  BOOST_REQUIRE_EQUAL(redirects.size(), 1u);  // and the other URL leads to it
  BOOST_TEST(slugs_before.count(redirects[0].get<std::string>()) == 1u);
  // A later split (newest wins) brings the absorbed tool back under its old URL.
  h.directives.push_back(directive(2, "split", "PhotoAI Studio", "Photo AI", "2026-11-23"));
  h.night(recs, "2026-11-23");
  BOOST_TEST(h.directives[0].status == "replaced");
  BOOST_TEST(h.live_tools() == 2u);
  std::set<std::string> slugs_after;
  for (const auto& [id, t] : h.tools) slugs_after.insert(t.slug);
  BOOST_TEST((slugs_after == slugs_before));
}

BOOST_AUTO_TEST_CASE(rename_pin_and_never_pair) {
  History h;
  h.directives = {directive(1, "rename", "tldv", "tl;dv"), directive(2, "never-pair", "SmolLM3", "Code Llama 4"),
                  directive(3, "pair", "tldv", "SmolLM3"), directive(4, "pair", "SmolVLM2-2B", "SmolVLM2")};
  auto recs = kNight1;
  recs.push_back(rec("t1", "tldv", "", "", "Meetings"));
  h.night(recs, "2026-11-21", 0);  // no budget: only the pin is published
  BOOST_TEST(h.live_named("tl;dv") != nullptr);
  BOOST_REQUIRE_EQUAL(h.comparisons.size(), 1u);
  BOOST_TEST(h.comparisons.begin()->second.reason.find("editor pair") == 0u);
  BOOST_TEST(h.directives[3].status == "void");  // one tool: never against itself
  h.night(recs, "2026-11-28", 100);
  for (const auto& [slug, c] : h.comparisons) {
    auto a = h.tools[c.a].name, b = h.tools[c.b].name;
    BOOST_TEST(!((a == "SmolLM3" && b == "Code Llama 4") || (a == "Code Llama 4" && b == "SmolLM3")));
  }
}

BOOST_AUTO_TEST_CASE(an_unreadable_record_never_stops_the_night) {
  History h;
  auto recs = kNight1;
  recs.push_back({"zz", "{\"name\": \"Broken"});  // cut off mid-string
  auto out = h.night(recs, "2026-11-21");
  BOOST_TEST(out.stats.records == recs.size());
  BOOST_TEST(out.members.size() == recs.size());  // every record lands in one tool
  BOOST_REQUIRE(h.live_named("SmolVLM2"));
}

BOOST_AUTO_TEST_CASE(a_stored_tool_of_an_older_format_is_merged_again) {
  History h;
  h.night(kNight1, "2026-11-21");
  auto& row = h.tools.begin()->second;
  auto j = json::parse(row.json);
  j["format"] = 0;
  j["tagline"] = "stale";
  row.json = j.dump();
  auto out = h.night(kNight1, "2026-11-22");
  BOOST_REQUIRE_EQUAL(out.tools.size(), 1u);  // only the stale one is written again
  BOOST_TEST(json::parse(out.tools[0].json)["tagline"].is_null());
}

BOOST_AUTO_TEST_CASE(a_conflict_names_each_source_s_site_beside_its_file) {
  History h;
  auto with = [](RecordIn r, const char* file, const char* url, const char* licence) {
    json j = json::parse(r.json);
    j["source_file"] = file;
    j["source_url"] = url ? json(url) : json(nullptr);
    j["license"] = {{"spdx", nullptr}, {"name", licence}};
    return RecordIn{r.id, j.dump()};
  };
  auto recs = kNight1;
  recs[3] = with(recs[3], "hf-code-llama-4.html", "https://huggingface.co/meta/code-llama-4", "Llama Community License");
  recs.push_back(with(rec("r6", "Code Llama 4", "Meta", "code"), "d.xml", nullptr, "Research licence"));
  recs.push_back(with(rec("r7", "Code Llama 4", "Meta", "code"), "saved.html", nullptr, "Research licence"));
  h.directives = {directive(1, "pair", "Code Llama 4", "SmolLM3")};  // d.xml is an editor's file
  h.night(recs, "2026-11-21");
  const auto* tool = h.live_named("Code Llama 4");
  BOOST_REQUIRE(tool);
  auto conflicts = json::parse(tool->json)["conflicts"];
  BOOST_REQUIRE_EQUAL(conflicts.size(), 1u);
  BOOST_TEST(conflicts[0]["field"] == "license");
  auto values = conflicts[0]["values"];
  BOOST_REQUIRE_EQUAL(values.size(), 2u);
  BOOST_TEST(values[0]["sources"] == json({"d.xml", "saved.html"}));
  BOOST_TEST(values[0]["sites"] == json({"an editor's file", "a scraped page"}));
  BOOST_TEST(values[1]["sources"] == json({"hf-code-llama-4.html"}));
  BOOST_TEST(values[1]["sites"] == json({"huggingface.co"}));
}

BOOST_AUTO_TEST_SUITE_END()
