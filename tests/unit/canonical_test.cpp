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
  BOOST_TEST((t.conflicts[0].values[1].sites == std::vector<std::string>{"a scraped page", "a scraped page"}));
  BOOST_TEST(t.fields["price"].is_null());
}

BOOST_AUTO_TEST_CASE(each_source_of_a_conflict_carries_the_site_a_reader_may_see) {
  json apache = {{"spdx", "Apache-2.0"}, {"name", "Apache License 2.0"}};
  json mit = {{"spdx", "MIT"}, {"name", "MIT License"}};
  Built b;
  auto with_url = [](json r, const char* url) {
    r["source_url"] = url;
    return r;
  };
  add(b, "1", with_url(record("Alpha", "hf-alpha.html", "title", {{"license", apache}}),
                       "https://www.huggingface.co/acme/alpha"));
  add(b, "2", record("Alpha", "alpha-fix.xml", "title", {{"license", mit}}));
  add(b, "3", record("Alpha", "saved-page.html", "title", {{"license", mit}}));
  add(b, "4", with_url(record("Alpha", "hf-alpha-2.html", "title", {{"license", apache}}),
                       "https://huggingface.co/acme/alpha-instruct"));
  FileSet editors{"alpha-fix.xml"};
  Group g{{0, 1, 2, 3}, {}};
  auto t = canonical_tool(g, b.inputs, b.records, "", nullptr, &editors);
  BOOST_REQUIRE_EQUAL(t.conflicts.size(), 1u);
  const auto& v = t.conflicts[0].values;
  BOOST_REQUIRE_EQUAL(v.size(), 2u);
  BOOST_TEST((v[0].sources == std::vector<std::string>{"hf-alpha.html", "hf-alpha-2.html"}));
  BOOST_TEST((v[0].sites == std::vector<std::string>{"huggingface.co", "huggingface.co"}));
  BOOST_TEST((v[1].sources == std::vector<std::string>{"alpha-fix.xml", "saved-page.html"}));
  BOOST_TEST((v[1].sites == std::vector<std::string>{"an editor's file", "a scraped page"}));
}

BOOST_AUTO_TEST_CASE(a_record_s_site_is_its_host_an_editor_s_file_or_a_scraped_page) {
  FileSet editors{"d.xml"};
  BOOST_TEST(source_site({{"source_file", "a.html"}, {"source_url", "https://WWW.Launchboard.example/p?x=1"}}, &editors) ==
             "launchboard.example");
  BOOST_TEST(source_site({{"source_file", "d.xml"}, {"source_url", "https://hf.co/x"}}, &editors) == "an editor's file");
  BOOST_TEST(source_site({{"source_file", "d.xml"}}) == "a scraped page");  // no list of editors' files
  BOOST_TEST(source_site({{"source_file", "a.html"}, {"source_url", nullptr}}, &editors) == "a scraped page");
  BOOST_TEST(source_site({{"source_file", "a.html"}, {"source_url", "javascript:alert(1)"}}, &editors) == "a scraped page");
}

namespace {

json sizes(std::initializer_list<std::pair<const char*, double>> list) {
  json a = json::array();
  for (auto& [label, total] : list) a.push_back({{"label", label}, {"total", total}, {"active", nullptr}, {"experts", 0}});
  return a;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sizes_the_same_within_rounding_are_one_value_the_precise_one_kept) {
  Built b;
  // The less precise value is the more trusted: it is still the precise one that is shown.
  add(b, "1", record("SmolLM3", "card.html", "profile tool-verdicts.example: parameter_sizes",
                     {{"parameter_sizes", sizes({{"3B", 3e9}})}}));
  add(b, "2", record("SmolLM3", "hf.html", "json-ld SoftwareApplication.parameterSize",
                     {{"parameter_sizes", sizes({{"3.08B", 3.08e9}})}}));
  add(b, "3", record("SmolLM3", "blog.html", "meta description -> sizes in prose",
                     {{"parameter_sizes", sizes({{"3B", 3e9}})}}));
  auto t = build(b);
  BOOST_TEST(t.conflicts.empty());
  BOOST_TEST(t.fields["parameter_sizes"] == sizes({{"3.08B", 3.08e9}}));
  BOOST_TEST(t.provenance["parameter_sizes"]["file"] == "hf.html");
  BOOST_TEST(t.provenance["parameter_sizes"]["rule"] == "json-ld SoftwareApplication.parameterSize");
}

BOOST_AUTO_TEST_CASE(sizes_beyond_rounding_still_conflict) {
  Built b;
  add(b, "1", record("Llama", "a.html", "title", {{"parameter_sizes", sizes({{"3B", 3e9}})}}));
  add(b, "2", record("Llama", "b.html", "title", {{"parameter_sizes", sizes({{"7B", 7e9}})}}));
  add(b, "3", record("Llama", "c.html", "title", {{"parameter_sizes", sizes({{"7.24B", 7.24e9}})}}));
  auto t = build(b);
  BOOST_REQUIRE_EQUAL(t.conflicts.size(), 1u);
  const auto& v = t.conflicts[0].values;
  BOOST_REQUIRE_EQUAL(v.size(), 2u);  // 7B and 7.24B are one value; 3B is another
  BOOST_TEST(v[0].value == sizes({{"7.24B", 7.24e9}}));
  BOOST_TEST((v[0].sources == std::vector<std::string>{"c.html", "b.html"}));
  BOOST_TEST(v[1].value == sizes({{"3B", 3e9}}));
  BOOST_TEST((v[1].sources == std::vector<std::string>{"a.html"}));
}

BOOST_AUTO_TEST_CASE(a_rough_size_never_joins_two_precise_ones_that_differ) {
  Built b;
  add(b, "1", record("Qwen", "a.html", "title", {{"parameter_sizes", sizes({{"3B", 3e9}})}}));
  add(b, "2", record("Qwen", "b.html", "title", {{"parameter_sizes", sizes({{"3.08B", 3.08e9}})}}));
  add(b, "3", record("Qwen", "c.html", "title", {{"parameter_sizes", sizes({{"2.96B", 2.96e9}})}}));
  auto t = build(b);
  BOOST_REQUIRE_EQUAL(t.conflicts.size(), 1u);
  const auto& v = t.conflicts[0].values;
  BOOST_REQUIRE_EQUAL(v.size(), 2u);
  BOOST_TEST(v[0].value == sizes({{"3.08B", 3.08e9}}));  // 3B joined the first precise value
  BOOST_TEST((v[0].sources == std::vector<std::string>{"b.html", "a.html"}));
  BOOST_TEST(v[1].value == sizes({{"2.96B", 2.96e9}}));
}

BOOST_AUTO_TEST_CASE(size_lists_are_the_same_when_every_size_is) {
  Built b;
  add(b, "1", record("Code Llama 4", "a.html", "title", {{"parameter_sizes", sizes({{"70B", 7e10}, {"400B", 4e11}})}}));
  add(b, "2", record("Code Llama 4", "b.html", "title", {{"parameter_sizes", sizes({{"402B", 4.02e11}, {"70.6B", 7.06e10}})}}));
  add(b, "3", record("Code Llama 4", "c.html", "title", {{"parameter_sizes", sizes({{"7B", 7e9}, {"34B", 3.4e10}, {"200B", 2e11}})}}));
  auto t = build(b);
  BOOST_REQUIRE_EQUAL(t.conflicts.size(), 1u);
  BOOST_REQUIRE_EQUAL(t.conflicts[0].values.size(), 2u);
  BOOST_TEST(t.conflicts[0].values[0].value == sizes({{"402B", 4.02e11}, {"70.6B", 7.06e10}}));
  BOOST_TEST(t.conflicts[0].values[1].value == sizes({{"7B", 7e9}, {"34B", 3.4e10}, {"200B", 2e11}}));
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
