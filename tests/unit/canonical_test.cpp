// Canonical tools: names a reader knows, aliases, fields by trust, conflicts with sources.
#include <boost/test/unit_test.hpp>

#include "stages/dedupe/canonical.hpp"

using namespace tv::dedupe;
using nlohmann::json;

namespace {

struct Built {
  std::vector<ClusterInput> inputs;
  std::vector<json> records;
};

// A record as the store keeps it, with every field from one rule.
json record(const std::string& name, const std::string& file, const std::string& rule, json fields = json::object()) {
  json r = {{"name", name}, {"source_file", file}, {"provenance", json::object()}};
  r["provenance"]["name"] = {{"file", file}, {"rule", rule}};
  for (auto& [k, v] : fields.items()) {
    r[k] = v;
    r["provenance"][k] = {{"file", file}, {"rule", rule}};
  }
  return r;
}

CanonicalTool build(Built& b) {
  Group g;
  for (std::size_t i = 0; i < b.inputs.size(); ++i) {
    g.members.push_back(i);
    if (i) g.joins.push_back({i, 0, "same family"});
  }
  return canonical_tool(g, b.inputs, b.records);
}

void add(Built& b, const std::string& id, json r) {
  ClusterInput c;
  c.id = id;
  c.match.name = r["name"].get<std::string>();
  b.inputs.push_back(c);
  b.records.push_back(std::move(r));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(canonical)

BOOST_AUTO_TEST_CASE(family_name_wins_and_others_become_aliases) {
  Built b;
  add(b, "1", record("SmolVLM2-2B", "lb.html", "meta og:title"));
  add(b, "2", record("HuggingFaceTB/SmolVLM2-2.2B-Instruct", "hf.html", "profile huggingface.co: name"));
  add(b, "3", record("SmolVLM2", "blog.html", "json-ld SoftwareApplication.name"));
  auto t = build(b);
  BOOST_TEST(t.name == "SmolVLM2");
  BOOST_TEST((t.aliases == std::vector<std::string>{"HuggingFaceTB/SmolVLM2-2.2B-Instruct", "SmolVLM2-2B"}));
  BOOST_TEST(t.variants.size() == 2u);
  BOOST_TEST(t.merged_from.size() == 3u);
  BOOST_TEST(t.merged_from[1].reason == "same family");
  BOOST_TEST(t.merged_from[1].joined_with == "SmolVLM2-2B");
}

BOOST_AUTO_TEST_CASE(a_tool_always_named_with_its_size_keeps_it) {
  Built b;
  add(b, "1", record("SmolVLM-3B", "a.html", "title"));
  add(b, "2", record("HuggingFaceTB/SmolVLM-3B", "b.html", "title"));
  BOOST_TEST(build(b).name == "SmolVLM-3B");
}

BOOST_AUTO_TEST_CASE(punctuated_form_wins_a_tie) {
  Built b;
  add(b, "1", record("tldv", "a.html", "title"));
  add(b, "2", record("tl;dv", "b.html", "title"));
  auto t = build(b);
  BOOST_TEST(t.name == "tl;dv");
  BOOST_TEST((t.aliases == std::vector<std::string>{"tldv"}));
}

// A mode in brackets never names the tool, even when most members carry it; an acronym in
// brackets is the fuller name and wins a tie by length.
BOOST_AUTO_TEST_CASE(a_mode_never_names_the_tool) {
  Built b;
  add(b, "1", record("Claude 3.7 Sonnet (thinking)", "a.html", "meta og:title"));
  add(b, "2", record("anthropic/claude-3.7-sonnet:thinking", "b.html", "meta og:title"));
  add(b, "3", record("Claude 3.7 Sonnet (thinking)", "c.html", "meta og:title"));
  add(b, "4", record("Claude 3.7 Sonnet", "d.html", "meta og:title"));
  auto t = build(b);
  BOOST_TEST(t.name == "Claude 3.7 Sonnet");
  BOOST_TEST((t.variants == std::vector<std::string>{"Claude 3.7 Sonnet (thinking)", "anthropic/claude-3.7-sonnet:thinking"}));
  Built x;
  add(x, "1", record("SDXL", "a.html", "meta og:title"));
  add(x, "2", record("Stable Diffusion XL (SDXL)", "b.html", "meta og:title"));
  BOOST_TEST(build(x).name == "Stable Diffusion XL (SDXL)");
}

BOOST_AUTO_TEST_CASE(editor_rename_wins) {
  Built b;
  add(b, "1", record("tldv", "a.html", "title"));
  Group g{{0}, {}};
  BOOST_TEST(canonical_tool(g, b.inputs, b.records, "tl;dv").name == "tl;dv");
}

BOOST_AUTO_TEST_CASE(trusted_rule_wins_and_conflicts_keep_their_sources) {
  json apache = {{"spdx", "Apache-2.0"}, {"name", "Apache License 2.0"}};
  json llama = {{"spdx", nullptr}, {"name", "Llama Community License"}};
  Built b;
  add(b, "1", record("Code Llama 4 (70B & 400B)", "lb.html", "meta description -> licence in prose",
                     {{"license", apache}, {"vendor", "Meta"}}));
  add(b, "2", record("Code Llama 4", "card.html", "profile tool-verdicts.example: license",
                     {{"license", llama}, {"vendor", "Meta"}}));
  add(b, "3", record("CodeLlama-4-70B", "hf.html", "meta description -> licence in prose", {{"license", apache}}));
  auto t = build(b);
  BOOST_TEST(t.fields["license"] == llama);  // the profile beats two prose guesses
  BOOST_TEST(t.provenance["license"]["file"] == "card.html");
  BOOST_REQUIRE_EQUAL(t.conflicts.size(), 1u);  // vendor agrees: no conflict
  BOOST_TEST(t.conflicts[0].field == "license");
  BOOST_REQUIRE_EQUAL(t.conflicts[0].values.size(), 2u);
  BOOST_TEST(t.conflicts[0].values[0].value == llama);
  BOOST_TEST((t.conflicts[0].values[1].sources == std::vector<std::string>{"lb.html", "hf.html"}));
  BOOST_TEST(t.fields["price"].is_null());
}

BOOST_AUTO_TEST_CASE(texts_differ_without_conflict) {
  Built b;
  add(b, "1", record("GPT-4o", "a.html", "title", {{"description", "One text."}}));
  add(b, "2", record("GPT-4o (May 2024)", "b.html", "title", {{"description", "Another text."}}));
  auto t = build(b);
  BOOST_TEST(t.name == "GPT-4o");
  BOOST_TEST(t.conflicts.empty());
}

BOOST_AUTO_TEST_CASE(slugs) {
  BOOST_TEST(slugify("Code Llama 4 (70B & 400B)") == "code-llama-4-70b-400b");
  BOOST_TEST(slugify("Command R+") == "command-r-plus");
  BOOST_TEST(slugify("tl;dv") == "tl-dv");
  BOOST_TEST(slugify("  --GPT-4o--  ") == "gpt-4o");
  BOOST_TEST(slugify("通义千问") == "");
  BOOST_TEST(slugify(std::string(300, 'a')).size() <= 80u);
  BOOST_TEST(slugify("<script>alert(1)</script>") == "script-alert-1-script");
}

BOOST_AUTO_TEST_SUITE_END()
