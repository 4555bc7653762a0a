// Pairing: who is weighed against whom, budgets, editors' rules, determinism.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

#include "stages/pair/pair.hpp"

using namespace tv::pair;

namespace {

PairTool tool(std::string id, std::string category, std::string kind, double size, std::string vendor = "") {
  PairTool t;
  t.id = id;
  t.slug = id;
  t.name = id;
  t.category = std::move(category);
  t.kind = std::move(kind);
  t.size = size;
  t.vendor = std::move(vendor);
  return t;
}

bool chosen(const PairResult& r, const std::string& a, const std::string& b) {
  return std::any_of(r.chosen.begin(), r.chosen.end(), [&](const Chosen& c) {
    return (c.a == a && c.b == b) || (c.a == b && c.b == a);
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pair)

BOOST_AUTO_TEST_CASE(same_kind_and_size_first_never_across_categories) {
  std::vector<PairTool> tools{tool("llm-7b", "Chat", "text", 7e9, "A"), tool("llm-8b", "Chat", "text", 8e9, "B"),
                              tool("img", "Chat", "image", 7e9, "C"), tool("other", "Video", "text", 7e9)};
  Budget b;
  b.max_new_per_run = 1;
  auto r = choose_pairs(tools, {}, {}, b, "2026-11-23");
  BOOST_REQUIRE_EQUAL(r.chosen.size(), 1u);
  BOOST_TEST(chosen(r, "llm-7b", "llm-8b"));
  BOOST_TEST(r.chosen[0].reason.find("both text models") != std::string::npos);
  b.max_new_per_run = 100;
  r = choose_pairs(tools, {}, {}, b, "2026-11-23");
  for (const auto& c : r.chosen) BOOST_TEST((c.a != "other" && c.b != "other"));
}

BOOST_AUTO_TEST_CASE(published_pairs_are_never_chosen_again) {
  std::vector<PairTool> tools{tool("a", "C", "text", 1), tool("b", "C", "text", 1)};
  auto r = choose_pairs(tools, {{"b", "a", "2026-01-01"}}, {}, Budget{}, "2026-11-23");
  BOOST_TEST(r.chosen.empty());
}

BOOST_AUTO_TEST_CASE(a_new_category_of_100_tools_respects_both_budgets) {
  std::vector<PairTool> tools;
  for (int i = 0; i < 100; ++i) tools.push_back(tool("t" + std::to_string(1000 + i), "New", "text", 1e9 * (1 + i)));
  Budget b;
  b.max_new_per_run = 20;
  b.max_per_tool_per_week = 2;
  auto r = choose_pairs(tools, {}, {}, b, "2026-11-23");
  BOOST_TEST(r.chosen.size() == 20u);
  BOOST_TEST(r.held_by_budget > 0u);
  std::map<std::string, int> per_tool;
  for (const auto& c : r.chosen) {
    BOOST_TEST(c.a != c.b);
    ++per_tool[c.a];
    ++per_tool[c.b];
  }
  for (const auto& [t, n] : per_tool) BOOST_TEST(n <= 2);
}

BOOST_AUTO_TEST_CASE(this_weeks_comparisons_count_against_the_tool_budget) {
  std::vector<PairTool> tools{tool("a", "C", "text", 1), tool("b", "C", "text", 1), tool("c", "C", "text", 1)};
  Budget b;
  b.max_per_tool_per_week = 1;
  // 2026-11-23 is a Monday: a comparison of Sunday 22nd was last week, Monday 23rd this week.
  auto r = choose_pairs(tools, {{"a", "x", "2026-11-22"}}, {}, b, "2026-11-23");
  BOOST_TEST(chosen(r, "a", "b"));
  r = choose_pairs(tools, {{"a", "x", "2026-11-23"}}, {}, b, "2026-11-24");
  BOOST_TEST(!chosen(r, "a", "b"));
  BOOST_TEST(!chosen(r, "a", "c"));
  BOOST_TEST(chosen(r, "b", "c"));
}

BOOST_AUTO_TEST_CASE(editor_pins_pass_the_budget_and_never_pairs_hold) {
  std::vector<PairTool> tools{tool("a", "C", "text", 1), tool("b", "C", "text", 1), tool("z", "D", "image", 0)};
  Budget b;
  b.max_new_per_run = 0;
  auto r = choose_pairs(tools, {}, {{"a", "z", true, "editor pair"}, {"a", "b", false, "editor never-pair"}}, b,
                        "2026-11-23");
  BOOST_REQUIRE_EQUAL(r.chosen.size(), 1u);
  BOOST_TEST(chosen(r, "a", "z"));
  BOOST_TEST(r.chosen[0].pinned);
  BOOST_TEST(r.chosen[0].reason == "editor pair");
  b.max_new_per_run = 10;
  r = choose_pairs(tools, {}, {{"a", "b", false, "editor never-pair"}}, b, "2026-11-23");
  BOOST_TEST(!chosen(r, "a", "b"));
}

BOOST_AUTO_TEST_CASE(deterministic_in_any_input_order) {
  std::vector<PairTool> tools;
  for (int i = 0; i < 30; ++i) tools.push_back(tool("t" + std::to_string(i), i % 2 ? "A" : "B", i % 3 ? "text" : "code", 1e9 * (i % 5 + 1)));
  Budget b;
  b.max_new_per_run = 15;
  auto first = choose_pairs(tools, {}, {}, b, "2026-11-23");
  std::reverse(tools.begin(), tools.end());
  auto second = choose_pairs(tools, {}, {}, b, "2026-11-23");
  BOOST_REQUIRE_EQUAL(first.chosen.size(), second.chosen.size());
  for (std::size_t i = 0; i < first.chosen.size(); ++i) {
    BOOST_TEST(first.chosen[i].a == second.chosen[i].a);
    BOOST_TEST(first.chosen[i].b == second.chosen[i].b);
  }
}

BOOST_AUTO_TEST_CASE(iso_weeks) {
  BOOST_TEST(iso_week("2026-11-23") == "2026-W48");
  BOOST_TEST(iso_week("2026-11-22") == "2026-W47");
  BOOST_TEST(iso_week("2027-01-01") == "2026-W53");  // a Friday: still 2026's last week
  BOOST_TEST(iso_week("2024-12-30") == "2025-W01");
  BOOST_TEST(iso_week("2026-02-30") == "");
  BOOST_TEST(iso_week("yesterday") == "");
  BOOST_TEST(comparison_slug("smolvlm2", "code-llama-4") == "code-llama-4-vs-smolvlm2");
}

BOOST_AUTO_TEST_SUITE_END()
