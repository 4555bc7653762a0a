#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

#include "pipeline/panel_step.hpp"
#include "pipeline/store.hpp"
#include "stages/panel/attach.hpp"
#include "test_util.hpp"

using namespace tv;
using namespace tv::panel;

namespace {

const std::vector<std::string> kPanel{"builder", "skeptic", "futurist", "buyer"};

// The sample's tools, with names as the catalogue gives them.
std::vector<ToolNames> sample_tools() {
  return {{"t-vlm2", "SmolVLM2", {"SmolVLM2-2.2B-Instruct", "SmolVLM2-2B", "HuggingFaceTB/SmolVLM2-2.2B-Instruct"}},
          {"t-vlm3", "SmolVLM-3B", {}},
          {"t-code", "Code Llama 4", {"Code Llama 4 (70B & 400B)", "CodeLlama-4-70B-Instruct"}}};
}

std::int64_t next_id = 1;
ReviewRow review(const std::string& tool, const std::string& reviewer, const std::string& verdict,
                 const std::string& date = "2026-11-20", std::int64_t id = 0) {
  return {id ? id : next_id++, "panel.xml", 3, date, tool, reviewer, verdict, "quote by " + reviewer, "r1", "t"};
}
VoteRow vote(const std::string& tool, const std::string& voter, const std::string& v, const std::string& at,
             std::int64_t id = 0) {
  return {id ? id : next_id++, "votes.csv", 2, tool, voter, v, at, "r1"};
}

std::vector<std::string> reviewers_of(const ToolPanel& p) {
  std::vector<std::string> out;
  for (const auto& c : p.reviews) out.push_back(c.review.reviewer);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(panel)

// ---- reviews ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_review_naming_any_alias_lands_on_the_canonical_tool) {
  auto a = attach(sample_tools(),
                  {review("SmolVLM2-2B", "builder", "ship"), review("smolvlm2 2.2b instruct", "skeptic", "skip"),
                   review("HuggingFaceTB/SmolVLM2-2.2B-Instruct", "futurist", "ship"),
                   review("code llama 4 (70B & 400B)", "buyer", "ship"),
                   review("someorg/Code Llama 4 (70B & 400B)", "builder", "ship")},
                  {}, kPanel);
  BOOST_TEST(a.waiting.empty());
  const auto& vlm = a.by_tool.at("t-vlm2");
  BOOST_TEST((reviewers_of(vlm) == std::vector<std::string>{"builder", "skeptic", "futurist"}));
  BOOST_TEST(vlm.panel_ship == 2);
  BOOST_TEST(vlm.panel_total == 3);
  BOOST_TEST((reviewers_of(a.by_tool.at("t-code")) == std::vector<std::string>{"builder", "buyer"}));
  BOOST_TEST(a.by_tool.at("t-vlm3").panel_total == 0);  // every live tool has an entry
}

BOOST_AUTO_TEST_CASE(reviews_are_shown_in_panel_order_whatever_the_file_order) {
  auto a = attach(sample_tools(),
                  {review("SmolVLM-3B", "buyer", "skip"), review("SmolVLM-3B", "futurist", "ship"),
                   review("SmolVLM-3B", "builder", "ship"), review("SmolVLM-3B", "skeptic", "ship")},
                  {}, kPanel);
  const auto& p = a.by_tool.at("t-vlm3");
  BOOST_TEST(reviewers_of(p) == kPanel);
  BOOST_TEST(p.panel_ship == 3);  // "3 of 4"
  BOOST_TEST(p.panel_total == 4);
}

BOOST_AUTO_TEST_CASE(the_newest_review_per_tool_and_reviewer_counts_and_older_ones_are_kept) {
  auto a = attach(sample_tools(),
                  {review("SmolVLM-3B", "buyer", "skip", "2026-11-20", 10),
                   review("SmolVLM-3B", "buyer", "ship", "2026-11-27", 5),  // arrived first, but newer panel
                   review("smolvlm-3b", "buyer", "skip", "2026-11-13", 11),
                   review("SmolVLM-3B", "skeptic", "ship", "2026-11-20", 12)},
                  {}, kPanel);
  const auto& p = a.by_tool.at("t-vlm3");
  BOOST_REQUIRE_EQUAL(p.reviews.size(), 2u);
  const auto& buyer = p.reviews[1];
  BOOST_TEST(buyer.review.reviewer == "buyer");
  BOOST_TEST(buyer.review.panel_date == "2026-11-27");
  BOOST_TEST(buyer.review.verdict == "ship");
  BOOST_REQUIRE_EQUAL(buyer.older.size(), 2u);
  BOOST_TEST(buyer.older[0].panel_date == "2026-11-20");  // newest first
  BOOST_TEST(buyer.older[1].panel_date == "2026-11-13");
  BOOST_TEST(p.older == 2);
  BOOST_TEST(p.panel_ship == 2);
  BOOST_TEST(p.panel_total == 2);
}

BOOST_AUTO_TEST_CASE(on_the_same_panel_date_the_later_arrival_wins) {
  auto a = attach(sample_tools(),
                  {review("SmolVLM2", "buyer", "ship", "2026-11-20", 8), review("SmolVLM2-2B", "buyer", "skip", "2026-11-20", 9)},
                  {}, kPanel);
  const auto& p = a.by_tool.at("t-vlm2");
  BOOST_REQUIRE_EQUAL(p.reviews.size(), 1u);
  BOOST_TEST(p.reviews[0].review.verdict == "skip");
  BOOST_TEST(p.reviews[0].older.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_review_of_an_unknown_tool_waits_and_attaches_once_the_tool_arrives) {
  std::vector<ReviewRow> rows{review("Gemma 3 27B", "skeptic", "skip"), review("SmolVLM-3B", "skeptic", "ship")};
  auto night1 = attach(sample_tools(), rows, {}, kPanel);
  BOOST_REQUIRE_EQUAL(night1.waiting.size(), 1u);
  BOOST_TEST(night1.waiting[0].review.tool == "Gemma 3 27B");
  BOOST_TEST(night1.waiting[0].reason ==
             "no tool is known as \"Gemma 3 27B\" yet; the review counts the night one arrives");
  BOOST_TEST(night1.waiting[0].candidates.empty());

  auto tools = sample_tools();
  tools.push_back({"t-gemma", "Gemma 3", {"Gemma-3-27B-it", "gemma-3-27b"}});
  auto night2 = attach(tools, rows, {}, kPanel);
  BOOST_TEST(night2.waiting.empty());
  BOOST_TEST(night2.by_tool.at("t-gemma").panel_total == 1);
  BOOST_TEST(night2.by_tool.at("t-gemma").panel_ship == 0);
}

BOOST_AUTO_TEST_CASE(a_name_fitting_two_tools_waits_listing_them) {
  std::vector<ToolNames> tools{{"t1", "Llama 3.2 1B", {"Llama 3.2"}}, {"t2", "Llama 3.2 3B", {"Llama 3.2", "llama-3.2"}}};
  auto a = attach(tools, {review("Llama 3.2", "builder", "ship"), review("Llama-3.2-1B", "skeptic", "ship")}, {}, kPanel);
  BOOST_REQUIRE_EQUAL(a.waiting.size(), 1u);
  BOOST_TEST((a.waiting[0].candidates == std::vector<std::string>{"Llama 3.2 1B", "Llama 3.2 3B"}));
  BOOST_TEST(a.waiting[0].reason ==
             "\"Llama 3.2\" fits 2 tools (Llama 3.2 1B, Llama 3.2 3B); name the tool by its display name or a "
             "name only it has");
  BOOST_TEST(a.by_tool.at("t1").panel_total == 1);
}

BOOST_AUTO_TEST_CASE(a_display_name_wins_over_another_tools_alias) {
  // After a split, "SmolVLM2" is one tool's name and a record name kept by the other.
  std::vector<ToolNames> tools{{"t1", "SmolVLM2", {}}, {"t2", "SmolVLM-3B", {"SmolVLM2"}}};
  auto a = attach(tools, {review("smolvlm2", "builder", "ship")}, {}, kPanel);
  BOOST_TEST(a.waiting.empty());
  BOOST_TEST(a.by_tool.at("t1").panel_total == 1);
}

BOOST_AUTO_TEST_CASE(a_review_by_a_reviewer_no_longer_on_the_panel_waits) {
  auto a = attach(sample_tools(), {review("SmolVLM-3B", "lawyer", "ship")}, {}, kPanel);
  BOOST_REQUIRE_EQUAL(a.waiting.size(), 1u);
  BOOST_TEST(a.waiting[0].reason ==
             "the reviewer \"lawyer\" is not on the panel (panel.reviewers: builder, skeptic, futurist, buyer)");
  BOOST_TEST(a.by_tool.at("t-vlm3").panel_total == 0);
}

// ---- votes --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(one_vote_per_voter_per_tool_counts_across_the_tools_names) {
  auto a = attach(sample_tools(), {},
                  {vote("SmolVLM2", "v-1", "ship", "2026-11-20T08:00:00Z"),
                   vote("SmolVLM2-2B", "v-1", "skip", "2026-11-20T09:00:00Z"),  // same voter, same tool: latest
                   vote("SmolVLM2", "v-2", "ship", "2026-11-20T10:00:00Z"),
                   vote("SmolVLM2", "V-2", "ship", "2026-11-20T10:00:00Z"),  // voters compare exactly
                   vote("Code Llama 4", "v-1", "ship", "2026-11-20T07:00:00Z")},
                  kPanel);
  const auto& vlm = a.by_tool.at("t-vlm2");
  BOOST_TEST(vlm.community_total == 3);
  BOOST_TEST(vlm.community_ship == 2);
  BOOST_TEST(a.by_tool.at("t-code").community_total == 1);
  BOOST_TEST(a.by_tool.at("t-vlm3").community_total == 0);  // shown as "—"
  BOOST_TEST(a.waiting_votes.empty());
}

BOOST_AUTO_TEST_CASE(the_latest_cast_at_wins_and_equal_instants_go_to_the_later_arrival) {
  auto a = attach(sample_tools(), {},
                  {vote("SmolVLM-3B", "v-1", "skip", "2026-11-21T08:00:00Z", 1),  // latest, though it came first
                   vote("SmolVLM-3B", "v-1", "ship", "2026-11-20T08:00:00Z", 2),
                   vote("SmolVLM-3B", "v-2", "skip", "2026-11-20T08:00:00Z", 3),
                   vote("SmolVLM-3B", "v-2", "ship", "2026-11-20T08:00:00Z", 4)},
                  kPanel);
  const auto& p = a.by_tool.at("t-vlm3");
  BOOST_TEST(p.community_total == 2);
  BOOST_TEST(p.community_ship == 1);  // v-1 skip (latest), v-2 ship (later arrival)
}

BOOST_AUTO_TEST_CASE(votes_for_unknown_names_wait_counted_per_name) {
  std::vector<ToolNames> tools{{"t1", "Llama 3.2 1B", {"Llama 3.2"}}, {"t2", "Llama 3.2 3B", {"Llama 3.2"}}};
  auto a = attach(tools, {},
                  {vote("Gemma 3", "v-1", "ship", "2026-11-20T08:00:00Z"),
                   vote("gemma-3 ", "v-1", "skip", "2026-11-20T09:00:00Z"),  // the same name, the same voter
                   vote("Gemma 3", "v-2", "ship", "2026-11-20T08:00:00Z"),
                   vote("Llama 3.2", "v-3", "ship", "2026-11-20T08:00:00Z")},
                  kPanel);
  BOOST_REQUIRE_EQUAL(a.waiting_votes.size(), 2u);
  BOOST_TEST(a.waiting_votes[0].tool == "Gemma 3");  // by folded name: gemma3, llama32
  BOOST_TEST(a.waiting_votes[0].votes == 2);
  BOOST_TEST(a.waiting_votes[0].candidates.empty());
  BOOST_TEST(a.waiting_votes[1].tool == "Llama 3.2");
  BOOST_TEST((a.waiting_votes[1].candidates == std::vector<std::string>{"Llama 3.2 1B", "Llama 3.2 3B"}));
}

BOOST_AUTO_TEST_CASE(the_result_does_not_depend_on_input_order) {
  std::vector<ReviewRow> rows;
  std::vector<VoteRow> votes;
  for (int i = 0; i < 40; ++i) {
    rows.push_back(review(i % 3 ? "SmolVLM2" : "SmolVLM2-2B", kPanel[std::size_t(i) % 4], i % 2 ? "ship" : "skip",
                          "2026-11-" + std::to_string(10 + i % 7), 100 + i));
    votes.push_back(vote(i % 2 ? "SmolVLM2" : "SmolVLM2-2B", "v-" + std::to_string(i % 5), i % 3 ? "ship" : "skip",
                         "2026-11-20T08:00:0" + std::to_string(i % 4) + "Z", 100 + i));
  }
  auto want = attach(sample_tools(), rows, votes, kPanel);
  std::mt19937 rng(7);
  std::shuffle(rows.begin(), rows.end(), rng);
  std::shuffle(votes.begin(), votes.end(), rng);
  auto got = attach(sample_tools(), rows, votes, kPanel);
  const auto &w = want.by_tool.at("t-vlm2"), &g = got.by_tool.at("t-vlm2");
  BOOST_TEST(g.panel_ship == w.panel_ship);
  BOOST_TEST(g.older == w.older);
  BOOST_TEST(g.community_ship == w.community_ship);
  BOOST_TEST(g.community_total == w.community_total);
  for (std::size_t i = 0; i < w.reviews.size(); ++i) BOOST_TEST(g.reviews[i].review.id == w.reviews[i].review.id);
}

// ---- from the store -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(tool_names_come_from_the_stored_tool_json) {
  std::vector<catalogue::ToolRow> rows{
      {"t1", "smolvlm2", "SmolVLM2", 1, "2026-11-21", "",
       R"({"name":"SmolVLM2","aliases":["SmolVLM2-2B"],"variants":["SmolVLM2-2.2B-Instruct"],)"
       R"("merged_from":[{"name":"HuggingFaceTB/SmolVLM2-2.2B-Instruct"},{"name":"SmolVLM2"}]})"},
      {"t2", "old", "Old", 2, "2026-11-21", "t1", ""},  // absorbed: no names of its own
      {"t3", "broken", "Broken", 3, "2026-11-21", "", "{not json"}};
  auto names = tool_names(rows);
  BOOST_REQUIRE_EQUAL(names.size(), 2u);
  BOOST_TEST(names[0].id == "t1");
  BOOST_TEST((names[0].names == std::vector<std::string>{"HuggingFaceTB/SmolVLM2-2.2B-Instruct", "SmolVLM2",
                                                          "SmolVLM2-2.2B-Instruct", "SmolVLM2-2B"}));
  BOOST_TEST(names[1].name == "Broken");  // still found by its display name
  BOOST_TEST(names[1].names.empty());
}

BOOST_AUTO_TEST_CASE(a_stored_review_waits_then_attaches_the_night_its_tool_is_stored) {
  test::TempDir d;
  auto store = Store::open(d / "p.db");
  store.begin_run("r1", "run", "2026-11-20T02:00:00Z");
  Drop drop{"r1", "panel.xml", "sha-p", 10, DropOutcome::taken, "panel-reviews", "/a/panel.xml", "",
            "2026-11-20T02:00:01Z"};
  Store::DropRecords batch{drop, {}, {}, {review("Gemma-3-27B-it", "futurist", "ship")}, {}, {}};
  store.record({batch});
  Config cfg;
  auto night1 = attach_panel(cfg, store);
  BOOST_REQUIRE_EQUAL(night1.waiting.size(), 1u);
  BOOST_TEST(night1.waiting[0].review.file == "panel.xml");

  store.save_catalogue({{"t9", "gemma-3-27b", "Gemma 3 27B", 1, "2026-11-21", "",
                         R"({"name":"Gemma 3 27B","aliases":["Gemma-3-27B-it"]})"}},
                       {}, {}, {});
  auto night2 = attach_panel(cfg, store);
  BOOST_TEST(night2.waiting.empty());
  BOOST_REQUIRE_EQUAL(night2.by_tool.at("t9").reviews.size(), 1u);
  BOOST_TEST(night2.by_tool.at("t9").reviews[0].review.run_id == "r1");

  auto exported = reviews_export(cfg, store);
  BOOST_REQUIRE_EQUAL(exported.size(), 1u);
  BOOST_TEST(exported[0]["tool_slug"] == "gemma-3-27b");
  BOOST_TEST(exported[0]["counts"] == true);
  BOOST_TEST(exported[0]["waiting"].is_null());
}

BOOST_AUTO_TEST_SUITE_END()
