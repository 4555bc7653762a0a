#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stages/digest/calendar.hpp"
#include "stages/digest/content.hpp"
#include "stages/site/pages.hpp"

using namespace tv::digest;
using nlohmann::json;
using tv::catalogue::ComparisonRow;
using tv::catalogue::ToolRow;

namespace {

// ---- Fixtures: every expectation below is worked out by hand from these values. ----------

// The week under test: 2026-W47, Monday 16 .. Sunday 22 November 2026.
WeekSpan w47() { return {"2026-W47", "2026-11-16", "2026-11-22"}; }

ToolRow row(const std::string& id, const std::string& name, const std::string& created_at,
            const std::string& absorbed_into = "") {
  static std::int64_t seq = 0;
  ToolRow r;
  r.id = id;
  r.slug = "slug-" + id;
  r.name = name;
  r.seq = ++seq;
  r.created_at = created_at;
  r.absorbed_into = absorbed_into;
  r.json = absorbed_into.empty() ? R"({"name":")" + name + R"("})" : "";
  return r;
}

ToolState state(const std::string& id, const std::string& name, int panel_ship = 0, int panel_total = 0,
                int community_ship = 0, int community_total = 0, const std::string& price = "—",
                const std::string& licence = "—") {
  ToolState s;
  s.id = id;
  s.slug = "slug-" + id;
  s.name = name;
  s.category = "Developer Tools";
  s.tagline = "The tagline of " + name;
  s.panel_ship = panel_ship;
  s.panel_total = panel_total;
  s.community_ship = community_ship;
  s.community_total = community_total;
  s.price = price;
  s.licence = licence;
  return s;
}

ToolState absorbed(ToolState s, const std::string& into, const std::string& into_name) {
  s.absorbed_into = into;
  s.absorbed_into_name = into_name;
  return s;
}

ComparisonRow comparison(const std::string& slug, const std::string& a, const std::string& b,
                         const std::string& published_on, const std::string& withdrawn_on = "") {
  ComparisonRow c;
  c.slug = slug;
  c.a = a;
  c.b = b;
  c.category = "Developer Tools";
  c.published_on = published_on;
  c.reason = "same category (" + slug + ")";
  c.run_id = "run-" + published_on;
  c.withdrawn_on = withdrawn_on;
  if (!withdrawn_on.empty()) c.withdrawn_reason = "forbidden by an editor";
  return c;
}

std::vector<std::string> slugs(const Week& w) {
  std::vector<std::string> out;
  for (const auto& c : w.comparisons) out.push_back(c.slug);
  return out;
}

std::vector<std::string> names(const std::vector<ToolState>& v) {
  std::vector<std::string> out;
  for (const auto& t : v) out.push_back(t.name);
  return out;
}

void check_equal(const Week& x, const Week& y) {
  BOOST_TEST(x.span.id == y.span.id);
  BOOST_TEST(x.span.monday == y.span.monday);
  BOOST_TEST(x.span.sunday == y.span.sunday);
  BOOST_REQUIRE_EQUAL(x.comparisons.size(), y.comparisons.size());
  for (std::size_t i = 0; i < x.comparisons.size(); ++i) {
    const auto &a = x.comparisons[i], &b = y.comparisons[i];
    BOOST_TEST(a.slug == b.slug);
    BOOST_TEST(a.category == b.category);
    BOOST_TEST(a.reason == b.reason);
    BOOST_TEST(a.published_on == b.published_on);
    BOOST_TEST((a.a == b.a));
    BOOST_TEST((a.b == b.b));
  }
  BOOST_REQUIRE_EQUAL(x.new_tools.size(), y.new_tools.size());
  for (std::size_t i = 0; i < x.new_tools.size(); ++i) BOOST_TEST((x.new_tools[i] == y.new_tools[i]));
  BOOST_REQUIRE_EQUAL(x.merges.size(), y.merges.size());
  for (std::size_t i = 0; i < x.merges.size(); ++i) {
    BOOST_TEST((x.merges[i].from == y.merges[i].from));
    BOOST_TEST(x.merges[i].into_name == y.merges[i].into_name);
    BOOST_TEST(x.merges[i].into_slug == y.merges[i].into_slug);
  }
  BOOST_REQUIRE_EQUAL(x.flips.size(), y.flips.size());
  for (std::size_t i = 0; i < x.flips.size(); ++i) {
    BOOST_TEST((x.flips[i].tool == y.flips[i].tool));
    BOOST_TEST(x.flips[i].who == y.flips[i].who);
    BOOST_TEST(x.flips[i].from == y.flips[i].from);
    BOOST_TEST(x.flips[i].to == y.flips[i].to);
  }
  BOOST_REQUIRE_EQUAL(x.changes.size(), y.changes.size());
  for (std::size_t i = 0; i < x.changes.size(); ++i) {
    BOOST_TEST((x.changes[i].tool == y.changes[i].tool));
    BOOST_TEST(x.changes[i].fact == y.changes[i].fact);
    BOOST_TEST(x.changes[i].from == y.changes[i].from);
    BOOST_TEST(x.changes[i].to == y.changes[i].to);
  }
}

// A week holding one of everything, built by hand (not by week_changes).
Week full_week() {
  Week w;
  w.span = w47();
  ToolState a = state("a", "Alpha \"quoted\" <b>", 2, 3, 9, 13, "Free", "MIT");
  ToolState b = state("b", "Ünïcode 日本語", 0, 0, 0, 0);
  w.comparisons.push_back({"slug-a-vs-slug-b", "Developer Tools", "same category", "2026-11-18", a, b});
  w.new_tools.push_back(state("n", "New one", 1, 1, 0, 0, "$20/month", "Apache-2.0"));
  w.merges.push_back({absorbed(state("m", "Merged", 1, 2), "a", "Alpha"), "Alpha", "slug-a"});
  w.flips.push_back({a, "panel", "skip", "ship"});
  w.flips.push_back({a, "community", "split", "ship"});
  w.changes.push_back({a, "price", "$10/month", "Free"});
  w.changes.push_back({a, "licence", "—", "MIT"});
  return w;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(digest_content)

// ---- calendar ---------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(week_span_of_an_ordinary_week) {
  auto s = week_span("2026-W47");
  BOOST_TEST(s.id == "2026-W47");
  BOOST_TEST(s.monday == "2026-11-16");
  BOOST_TEST(s.sunday == "2026-11-22");
  // 2024-01-01 is a Monday: week 1 of 2024 starts on it.
  auto t = week_span("2024-W01");
  BOOST_TEST(t.monday == "2024-01-01");
  BOOST_TEST(t.sunday == "2024-01-07");
  auto u = week_span("2024-W10");  // 2024-01-01 + 63 days (leap year: 31 + 29 + 3)
  BOOST_TEST(u.monday == "2024-03-04");
  BOOST_TEST(u.sunday == "2024-03-10");
}

BOOST_AUTO_TEST_CASE(week_one_may_start_in_the_previous_december) {
  // 2026-01-01 is a Thursday, so week 1 of 2026 runs Monday 29 December 2025 .. Sunday 4 January.
  auto s = week_span("2026-W01");
  BOOST_TEST(s.id == "2026-W01");
  BOOST_TEST(s.monday == "2025-12-29");
  BOOST_TEST(s.sunday == "2026-01-04");
  // 2021-01-01 is a Friday: week 1 of 2021 starts on Monday 4 January.
  auto t = week_span("2021-W01");
  BOOST_TEST(t.monday == "2021-01-04");
  BOOST_TEST(t.sunday == "2021-01-10");
}

BOOST_AUTO_TEST_CASE(week_53_only_in_years_that_have_one) {
  // 2026 starts on a Thursday: it has 53 ISO weeks; the 53rd ends on Sunday 3 January 2027.
  auto s = week_span("2026-W53");
  BOOST_TEST(s.id == "2026-W53");
  BOOST_TEST(s.monday == "2026-12-28");
  BOOST_TEST(s.sunday == "2027-01-03");
  // 2020 starts on a Wednesday and is a leap year: 53 weeks too.
  auto t = week_span("2020-W53");
  BOOST_TEST(t.monday == "2020-12-28");
  BOOST_TEST(t.sunday == "2021-01-03");
  // 2027 starts on a Friday and is not a leap year: 52 weeks.
  BOOST_TEST(week_span("2027-W53").id.empty());
  BOOST_TEST(week_span("2027-W53").monday.empty());
  BOOST_TEST(week_span("2025-W53").id.empty());  // 2025 starts on a Wednesday, not a leap year
  auto last = week_span("2027-W52");
  BOOST_TEST(last.monday == "2027-12-27");
  BOOST_TEST(last.sunday == "2028-01-02");
}

BOOST_AUTO_TEST_CASE(malformed_week_ids_give_an_empty_span) {
  for (std::string bad : {"2026-47", "2026-W5", "2026-W00", "2026-W54", "abcd-W10", "", "2026-W4x", "2026-W+7",
                          "2026-W047", " 2026-W47", "2026-W47 ", "2026W47", "2026-X47"}) {
    auto s = week_span(bad);
    BOOST_TEST(s.id.empty(), "'" << bad << "' gave " << s.id);
    BOOST_TEST(s.monday.empty(), "'" << bad << "'");
    BOOST_TEST(s.sunday.empty(), "'" << bad << "'");
  }
}

BOOST_AUTO_TEST_CASE(last_complete_week_before_a_date) {
  auto s = last_complete_week("2026-11-23");  // a Monday: the week just ended is W47
  BOOST_TEST(s.id == "2026-W47");
  BOOST_TEST(s.monday == "2026-11-16");
  BOOST_TEST(s.sunday == "2026-11-22");
  // On the Sunday that ends W47, W47 is not complete yet: the last complete one is W46.
  auto sun = last_complete_week("2026-11-22");
  BOOST_TEST(sun.id == "2026-W46");
  BOOST_TEST(sun.monday == "2026-11-09");
  BOOST_TEST(sun.sunday == "2026-11-15");
  // Mid-week.
  BOOST_TEST(last_complete_week("2026-11-19").id == "2026-W46");
  // Across the year end: Friday 1 January 2027 lies in 2026-W53, so W52 of 2026 is the last.
  auto ny = last_complete_week("2027-01-01");
  BOOST_TEST(ny.id == "2026-W52");
  BOOST_TEST(ny.monday == "2026-12-21");
  BOOST_TEST(ny.sunday == "2026-12-27");
  // Monday 4 January 2027: the week just ended is 2026-W53.
  auto w53 = last_complete_week("2027-01-04");
  BOOST_TEST(w53.id == "2026-W53");
  BOOST_TEST(w53.monday == "2026-12-28");
  BOOST_TEST(w53.sunday == "2027-01-03");
  // Monday 5 January 2026: the week just ended is 2026-W01, which began in 2025.
  auto w1 = last_complete_week("2026-01-05");
  BOOST_TEST(w1.id == "2026-W01");
  BOOST_TEST(w1.monday == "2025-12-29");
}

BOOST_AUTO_TEST_CASE(last_complete_week_of_an_unreadable_date_is_empty) {
  for (std::string bad : {"", "2026-02-30", "2026-13-01", "2026-11-23x", "23/11/2026", "2026-11-2", "today"})
    BOOST_TEST(last_complete_week(bad).id.empty(), "'" << bad << "'");
}

// "YYYY-MM-DD" and "YYYY-Www" are fixed-width digit fields: a sign or a blank in a field is
// not a date this module writes or reads.
BOOST_AUTO_TEST_CASE(signed_or_blank_padded_fields_are_not_read) {
  BOOST_TEST(last_complete_week("+026-11-23").id.empty(), last_complete_week("+026-11-23").id);
  BOOST_TEST(iso_weekday("+026-11-23") == 0);
  BOOST_TEST(day_before("+026-11-23") == "", day_before("+026-11-23"));
  BOOST_TEST(day_before("2026-11- 2") == "", day_before("2026-11- 2"));
  BOOST_TEST(day_before("-001-06-01") == "", day_before("-001-06-01"));
  BOOST_TEST(week_span("-001-W10").id.empty(), week_span("-001-W10").monday);
}

BOOST_AUTO_TEST_CASE(iso_weekday_of_dates) {
  BOOST_TEST(iso_weekday("2026-11-23") == 1);  // Monday
  BOOST_TEST(iso_weekday("2026-11-22") == 7);  // Sunday
  BOOST_TEST(iso_weekday("2026-01-01") == 4);  // Thursday
  BOOST_TEST(iso_weekday("2024-02-29") == 4);  // leap day, a Thursday
  BOOST_TEST(iso_weekday("2023-02-29") == 0);  // no such day
  BOOST_TEST(iso_weekday("") == 0);
  BOOST_TEST(iso_weekday("not a date") == 0);
}

BOOST_AUTO_TEST_CASE(parse_weekday_names_and_numbers) {
  BOOST_TEST(parse_weekday("Monday") == 1);
  BOOST_TEST(parse_weekday("monday") == 1);
  BOOST_TEST(parse_weekday("sunday") == 7);
  BOOST_TEST(parse_weekday("SUNDAY") == 7);
  BOOST_TEST(parse_weekday("Wednesday") == 3);
  BOOST_TEST(parse_weekday("3") == 3);
  BOOST_TEST(parse_weekday("1") == 1);
  BOOST_TEST(parse_weekday("7") == 7);
  BOOST_TEST(parse_weekday("0") == 0);
  BOOST_TEST(parse_weekday("8") == 0);
  BOOST_TEST(parse_weekday("") == 0);
  BOOST_TEST(parse_weekday("mon") == 0);
  BOOST_TEST(parse_weekday("mondays") == 0);
  BOOST_TEST(parse_weekday("-1") == 0);
}

BOOST_AUTO_TEST_CASE(day_before_across_months_and_years) {
  BOOST_TEST(day_before("2026-11-16") == "2026-11-15");
  BOOST_TEST(day_before("2026-03-01") == "2026-02-28");
  BOOST_TEST(day_before("2024-03-01") == "2024-02-29");
  BOOST_TEST(day_before("2026-12-01") == "2026-11-30");
  BOOST_TEST(day_before("2026-01-01") == "2025-12-31");
  BOOST_TEST(day_before("2026-02-30") == "");
  BOOST_TEST(day_before("") == "");
  BOOST_TEST(day_before("yesterday") == "");
}

// ---- verdict and state of a site tool ---------------------------------------------------------

BOOST_AUTO_TEST_CASE(verdict_is_the_majority) {
  BOOST_TEST(verdict(2, 3) == "ship");
  BOOST_TEST(verdict(1, 1) == "ship");
  BOOST_TEST(verdict(1, 3) == "skip");
  BOOST_TEST(verdict(0, 1) == "skip");
  BOOST_TEST(verdict(2, 4) == "split");
  BOOST_TEST(verdict(0, 0) == "none");
}

BOOST_AUTO_TEST_CASE(state_of_a_site_tool_counts_reviews_and_votes) {
  json tool = json::parse(R"({
    "id": "t1", "slug": "smollm3", "name": "SmolLM3", "category": "Language Models",
    "tagline": "A small model.",
    "price": {"tier": "free", "amount": null, "currency": null, "period": null, "display": "Free"},
    "license": {"spdx": "Apache-2.0", "name": "Apache License 2.0"},
    "reviews": [
      {"reviewer": "builder", "verdict": "ship", "quote": "q", "date": "2026-11-20", "file": "p.xml"},
      {"reviewer": "skeptic", "verdict": "skip", "quote": "q", "date": "2026-11-20", "file": "p.xml"},
      {"reviewer": "teacher", "verdict": "ship", "quote": "q", "date": "2026-11-21", "file": "p.xml"}
    ],
    "older_reviews": 4,
    "community": {"ship": 9, "total": 13}
  })");
  auto s = state_of_site_tool(tool);
  BOOST_TEST(s.id == "t1");
  BOOST_TEST(s.slug == "smollm3");
  BOOST_TEST(s.name == "SmolLM3");
  BOOST_TEST(s.category == "Language Models");
  BOOST_TEST(s.tagline == "A small model.");
  BOOST_TEST(s.panel_ship == 2);  // older_reviews do not count
  BOOST_TEST(s.panel_total == 3);
  BOOST_TEST(s.community_ship == 9);
  BOOST_TEST(s.community_total == 13);
  BOOST_TEST(s.price == "Free");
  // "as the pages show it": the site's own formatter is the reference.
  BOOST_TEST(s.licence == tv::site::license_text(tool["license"]));
  BOOST_TEST(s.licence.find("Apache") != std::string::npos);
  BOOST_TEST(s.live());
  BOOST_TEST(s.absorbed_into.empty());
}

BOOST_AUTO_TEST_CASE(state_of_a_bare_site_tool) {
  json tool = json::parse(R"({"id": "t2", "slug": "bare", "name": "Bare", "price": null, "license": null})");
  auto s = state_of_site_tool(tool);
  BOOST_TEST(s.name == "Bare");
  BOOST_TEST(s.panel_ship == 0);
  BOOST_TEST(s.panel_total == 0);
  BOOST_TEST(s.community_ship == 0);
  BOOST_TEST(s.community_total == 0);
  BOOST_TEST(s.price == "—");
  BOOST_TEST(s.licence == "—");
  auto none = state_of_site_tool(json::parse(R"({"id": "t3", "name": "No keys"})"));
  BOOST_TEST(none.price == "—");
  BOOST_TEST(none.licence == "—");
}

BOOST_AUTO_TEST_CASE(tool_state_json_round_trip) {
  auto s = absorbed(state("x", "Ünïcode \"name\"", 3, 5, 7, 11, "$20/month", "MIT"), "y", "Why");
  BOOST_TEST((state_from_json(to_json(s)) == s));
  BOOST_TEST((state_from_json(json::parse(to_json(s).dump())) == s));
}

// ---- week_changes ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(comparisons_of_the_week_only_by_date_then_slug) {
  std::vector<ToolRow> tools{row("a", "Alpha", "2026-01-01"), row("b", "Beta", "2026-01-01"),
                             row("c", "Gamma", "2026-01-01"), row("d", "Delta", "2026-01-01")};
  States after{{"a", state("a", "Alpha", 2, 3)}, {"b", state("b", "Beta", 1, 3)},
               {"c", state("c", "Gamma", 0, 0, 4, 5)}, {"d", state("d", "Delta", 1, 2)}};
  States before = after;
  before["a"].panel_ship = 3;  // a state of a different night: the week must report `after`
  std::vector<ComparisonRow> comps{
      comparison("c-vs-d", "c", "d", "2026-11-18"),
      comparison("a-vs-b", "a", "b", "2026-11-18"),
      comparison("b-vs-c", "b", "c", "2026-11-22"),          // Sunday: in
      comparison("a-vs-d", "a", "d", "2026-11-16"),          // Monday: in
      comparison("a-vs-c", "a", "c", "2026-11-15"),          // the week before
      comparison("b-vs-d", "b", "d", "2026-11-23"),          // the week after
      comparison("c-vs-a", "c", "a", "2026-11-19", "2026-11-20"),  // withdrawn since
  };
  auto w = week_changes(w47(), tools, comps, before, after);
  BOOST_TEST(w.span.id == "2026-W47");
  BOOST_TEST(slugs(w) == (std::vector<std::string>{"a-vs-d", "a-vs-b", "c-vs-d", "b-vs-c"}), boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(w.comparisons.size(), 4u);
  const auto& ab = w.comparisons[1];
  BOOST_TEST((ab.a == after.at("a")));
  BOOST_TEST((ab.b == after.at("b")));
  BOOST_TEST(ab.published_on == "2026-11-18");
  BOOST_TEST(ab.category == "Developer Tools");
  BOOST_TEST(ab.reason == "same category (a-vs-b)");
  BOOST_TEST((w.comparisons[2].a == after.at("c")));
  BOOST_TEST((w.comparisons[2].b == after.at("d")));
  // Nothing else changed: only the comparisons count.
  BOOST_TEST(w.new_tools.empty());
  BOOST_TEST(w.merges.empty());
  BOOST_TEST(w.changes.empty());
  BOOST_TEST(w.flips.empty());
  BOOST_TEST(w.items() == 4u);
}

BOOST_AUTO_TEST_CASE(a_comparison_naming_a_tool_merged_away_shows_the_survivor) {
  // m was compared on Tuesday and merged into s on Thursday; the end-of-week state of m is
  // absorbed, so the digest shows s, the page the reader will find.
  std::vector<ToolRow> tools{row("s", "Survivor", "2026-01-01"), row("m", "Merged", "2026-01-01", "s"),
                             row("o", "Other", "2026-01-01")};
  States before{{"s", state("s", "Survivor", 1, 2)}, {"m", state("m", "Merged", 1, 1)}, {"o", state("o", "Other")}};
  States after{{"s", state("s", "Survivor", 2, 3, 5, 6)},
               {"m", absorbed(state("m", "Merged", 1, 1), "s", "Survivor")},
               {"o", state("o", "Other")}};
  auto w = week_changes(w47(), tools, {comparison("slug-m-vs-slug-o", "m", "o", "2026-11-17")}, before, after);
  BOOST_REQUIRE_EQUAL(w.comparisons.size(), 1u);
  BOOST_TEST((w.comparisons[0].a == after.at("s")));
  BOOST_TEST((w.comparisons[0].b == after.at("o")));
}

BOOST_AUTO_TEST_CASE(a_comparison_through_a_chain_of_merges_shows_the_last_survivor) {
  std::vector<ToolRow> tools{row("s", "Survivor", "2026-01-01"), row("m", "Middle", "2026-01-01", "s"),
                             row("x", "Old", "2026-01-01", "m"), row("o", "Other", "2026-01-01")};
  States after{{"s", state("s", "Survivor", 2, 3)},
               {"m", absorbed(state("m", "Middle"), "s", "Survivor")},
               {"x", absorbed(state("x", "Old"), "s", "Survivor")},
               {"o", state("o", "Other")}};
  auto w = week_changes(w47(), tools, {comparison("slug-x-vs-slug-o", "x", "o", "2026-11-17")}, after, after);
  BOOST_REQUIRE_EQUAL(w.comparisons.size(), 1u);
  BOOST_TEST(w.comparisons[0].a.name == "Survivor");
}

BOOST_AUTO_TEST_CASE(new_tools_are_created_in_the_week_and_live) {
  std::vector<ToolRow> tools{
      row("old", "Old", "2026-11-15"),       // the day before the week
      row("n2", "Zeta", "2026-11-16"),       // Monday
      row("n1", "Eta", "2026-11-22"),        // Sunday
      row("late", "Late", "2026-11-23"),     // the next Monday
      row("bare", "Bare row", "2026-11-18"), // no state recorded by the week's end
  };
  States before{{"old", state("old", "Old")}};
  States after{{"old", state("old", "Old")}, {"n2", state("n2", "Zeta", 1, 1)}, {"n1", state("n1", "Eta")},
               {"late", state("late", "Late")}};
  auto w = week_changes(w47(), tools, {}, before, after);
  BOOST_TEST(names(w.new_tools) == (std::vector<std::string>{"Bare row", "Eta", "Zeta"}), boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(w.new_tools.size(), 3u);
  BOOST_TEST((w.new_tools[2] == after.at("n2")));  // the state from `after`
  BOOST_TEST(w.new_tools[0].slug == "slug-bare");  // name and slug from the row
  BOOST_TEST(w.merges.empty());
  BOOST_TEST(w.flips.empty());
  BOOST_TEST(w.changes.empty());
  BOOST_TEST(w.items() == 3u);
}

BOOST_AUTO_TEST_CASE(a_tool_created_and_merged_in_the_same_week_is_a_merge) {
  std::vector<ToolRow> tools{row("s", "Survivor", "2026-01-01"), row("m", "Mirror", "2026-11-17", "s")};
  States before{{"s", state("s", "Survivor")}};
  States after{{"s", state("s", "Survivor")}, {"m", absorbed(state("m", "Mirror"), "s", "Survivor")}};
  auto w = week_changes(w47(), tools, {}, before, after);
  BOOST_TEST(w.new_tools.empty());
  BOOST_REQUIRE_EQUAL(w.merges.size(), 1u);
  BOOST_TEST(w.merges[0].from.name == "Mirror");
  BOOST_TEST(w.merges[0].into_name == "Survivor");
  BOOST_TEST(w.merges[0].into_slug == "slug-s");
}

BOOST_AUTO_TEST_CASE(merges_of_the_week_not_older_ones) {
  std::vector<ToolRow> tools{row("s", "Survivor", "2026-01-01"), row("p", "Pre", "2026-10-01", "s"),
                             row("q", "Quite old", "2026-09-01", "s"), row("r", "Also", "2026-10-02", "s")};
  States before{{"s", state("s", "Survivor")},
                {"p", state("p", "Pre", 1, 2)},                                   // live before
                {"r", state("r", "Also")},                                        // live before
                {"q", absorbed(state("q", "Quite old"), "s", "Survivor")}};       // already merged
  States after{{"s", state("s", "Survivor")},
               {"p", absorbed(state("p", "Pre", 1, 2), "s", "Survivor")},
               {"r", absorbed(state("r", "Also"), "s", "Survivor")},
               {"q", absorbed(state("q", "Quite old"), "s", "Survivor")}};
  auto w = week_changes(w47(), tools, {}, before, after);
  BOOST_REQUIRE_EQUAL(w.merges.size(), 2u);
  BOOST_TEST(w.merges[0].from.name == "Also");  // by name
  BOOST_TEST(w.merges[1].from.name == "Pre");
  BOOST_TEST(w.merges[1].into_name == "Survivor");
  BOOST_TEST(w.merges[1].into_slug == "slug-s");
  BOOST_TEST((w.merges[1].from == after.at("p")));
  // A tool merged away is no flip or change, whatever its numbers did.
  BOOST_TEST(w.flips.empty());
  BOOST_TEST(w.changes.empty());
  BOOST_TEST(w.new_tools.empty());
}

BOOST_AUTO_TEST_CASE(verdict_flips_panel_and_community) {
  std::vector<ToolRow> tools{row("f", "Flipper", "2026-01-01"), row("g", "Green", "2026-01-01"),
                             row("c", "Crowd", "2026-01-01"), row("z", "Steady", "2026-01-01")};
  States before{{"f", state("f", "Flipper", 2, 3)},            // panel ship
                {"g", state("g", "Green", 0, 0)},              // panel none
                {"c", state("c", "Crowd", 0, 0, 3, 4)},        // community ship
                {"z", state("z", "Steady", 2, 3, 5, 6)}};
  States after{{"f", state("f", "Flipper", 1, 3)},             // panel skip: a flip
               {"g", state("g", "Green", 1, 1)},               // none -> ship: a first verdict, no flip
               {"c", state("c", "Crowd", 0, 0, 2, 4)},         // community split: a flip
               {"z", state("z", "Steady", 3, 4, 6, 8)}};       // still ship, ship: nothing
  auto w = week_changes(w47(), tools, {}, before, after);
  BOOST_REQUIRE_EQUAL(w.flips.size(), 2u);
  BOOST_TEST(w.flips[0].tool.name == "Crowd");  // by name
  BOOST_TEST(w.flips[0].who == "community");
  BOOST_TEST(w.flips[0].from == "ship");
  BOOST_TEST(w.flips[0].to == "split");
  BOOST_TEST((w.flips[0].tool == after.at("c")));
  BOOST_TEST(w.flips[1].tool.name == "Flipper");
  BOOST_TEST(w.flips[1].who == "panel");
  BOOST_TEST(w.flips[1].from == "ship");
  BOOST_TEST(w.flips[1].to == "skip");
  BOOST_TEST(w.changes.empty());
  BOOST_TEST(w.items() == 2u);
}

BOOST_AUTO_TEST_CASE(both_flips_of_one_tool_panel_first) {
  std::vector<ToolRow> tools{row("t", "Twice", "2026-01-01")};
  States before{{"t", state("t", "Twice", 1, 3, 1, 4)}};  // skip, skip
  States after{{"t", state("t", "Twice", 3, 3, 4, 4)}};   // ship, ship
  auto w = week_changes(w47(), tools, {}, before, after);
  BOOST_REQUIRE_EQUAL(w.flips.size(), 2u);
  BOOST_TEST(w.flips[0].who == "panel");
  BOOST_TEST(w.flips[0].from == "skip");
  BOOST_TEST(w.flips[0].to == "ship");
  BOOST_TEST(w.flips[1].who == "community");
}

BOOST_AUTO_TEST_CASE(price_and_licence_changes_with_from_and_to) {
  std::vector<ToolRow> tools{row("p", "Priced", "2026-01-01"), row("l", "Licensed", "2026-01-01"),
                             row("b", "Both", "2026-01-01"), row("u", "Unchanged", "2026-01-01")};
  States before{{"p", state("p", "Priced", 0, 0, 0, 0, "Free", "MIT")},
                {"l", state("l", "Licensed", 0, 0, 0, 0, "Free", "—")},
                {"b", state("b", "Both", 0, 0, 0, 0, "$10/month", "MIT")},
                {"u", state("u", "Unchanged", 0, 0, 0, 0, "Free", "MIT")}};
  States after{{"p", state("p", "Priced", 0, 0, 0, 0, "$20/month", "MIT")},
               {"l", state("l", "Licensed", 0, 0, 0, 0, "Free", "Apache-2.0")},
               {"b", state("b", "Both", 0, 0, 0, 0, "$12/month", "GPL-3.0")},
               {"u", state("u", "Unchanged", 0, 0, 0, 0, "Free", "MIT")}};
  auto w = week_changes(w47(), tools, {}, before, after);
  BOOST_REQUIRE_EQUAL(w.changes.size(), 4u);
  // By tool name (Both, Licensed, Priced), price first within a tool.
  BOOST_TEST(w.changes[0].tool.name == "Both");
  BOOST_TEST(w.changes[0].fact == "price");
  BOOST_TEST(w.changes[0].from == "$10/month");
  BOOST_TEST(w.changes[0].to == "$12/month");
  BOOST_TEST(w.changes[1].tool.name == "Both");
  BOOST_TEST(w.changes[1].fact == "licence");
  BOOST_TEST(w.changes[1].from == "MIT");
  BOOST_TEST(w.changes[1].to == "GPL-3.0");
  BOOST_TEST(w.changes[2].tool.name == "Licensed");
  BOOST_TEST(w.changes[2].fact == "licence");
  BOOST_TEST(w.changes[2].from == "—");
  BOOST_TEST(w.changes[2].to == "Apache-2.0");
  BOOST_TEST(w.changes[3].tool.name == "Priced");
  BOOST_TEST(w.changes[3].fact == "price");
  BOOST_TEST(w.changes[3].from == "Free");
  BOOST_TEST(w.changes[3].to == "$20/month");
  BOOST_TEST((w.changes[3].tool == after.at("p")));
  BOOST_TEST(w.flips.empty());
}

BOOST_AUTO_TEST_CASE(a_tool_without_a_before_state_gives_no_flips_or_changes) {
  std::vector<ToolRow> tools{row("h", "History began later", "2026-01-01")};
  States after{{"h", state("h", "History began later", 0, 3, 0, 4, "$99/month", "Proprietary")}};
  auto w = week_changes(w47(), tools, {}, {}, after);
  BOOST_TEST(w.flips.empty());
  BOOST_TEST(w.changes.empty());
  BOOST_TEST(w.new_tools.empty());  // created long before the week
  BOOST_TEST(w.empty());
}

BOOST_AUTO_TEST_CASE(a_new_tool_is_no_flip_or_change) {
  // Created on Monday, first recorded with one verdict and later in the week with another:
  // readers meet it as new, not as changed.
  std::vector<ToolRow> tools{row("n", "Newcomer", "2026-11-16")};
  States before{};
  States after{{"n", state("n", "Newcomer", 0, 1, 0, 0, "$5/month")}};
  auto w = week_changes(w47(), tools, {}, before, after);
  BOOST_TEST(w.new_tools.size() == 1u);
  BOOST_TEST(w.flips.empty());
  BOOST_TEST(w.changes.empty());
}

BOOST_AUTO_TEST_CASE(an_empty_week) {
  auto w = week_changes(w47(), {}, {}, {}, {});
  BOOST_TEST(w.empty());
  BOOST_TEST(w.items() == 0u);
  BOOST_TEST(w.span.id == "2026-W47");
  // Tools and states that did not move make an empty week too.
  std::vector<ToolRow> tools{row("a", "Alpha", "2026-01-01")};
  States s{{"a", state("a", "Alpha", 2, 3, 1, 2, "Free", "MIT")}};
  auto quiet = week_changes(w47(), tools, {comparison("old-vs-older", "a", "a", "2026-10-01")}, s, s);
  BOOST_TEST(quiet.empty());
  BOOST_TEST(quiet.items() == 0u);
}

BOOST_AUTO_TEST_CASE(items_counts_every_list) {
  auto w = full_week();
  BOOST_TEST(w.items() == 1u + 1u + 1u + 2u + 2u);
  BOOST_TEST(!w.empty());
}

// ---- frozen form --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(week_json_round_trip) {
  Week w = full_week();
  Week back = week_from_json(json::parse(to_json(w).dump()));
  check_equal(w, back);
  BOOST_TEST(to_json(back) == to_json(w));
  Week empty;
  empty.span = w47();
  check_equal(empty, week_from_json(to_json(empty)));
}

BOOST_AUTO_TEST_CASE(week_json_round_trip_of_computed_week) {
  std::vector<ToolRow> tools{row("a", "Alpha", "2026-01-01"), row("b", "Beta", "2026-11-17"),
                             row("m", "Merged", "2026-01-01", "a")};
  States before{{"a", state("a", "Alpha", 2, 3, 0, 0, "Free")}, {"m", state("m", "Merged")}};
  States after{{"a", state("a", "Alpha", 0, 3, 0, 0, "$1/month")},
               {"b", state("b", "Beta")},
               {"m", absorbed(state("m", "Merged"), "a", "Alpha")}};
  auto w = week_changes(w47(), tools, {comparison("slug-a-vs-slug-b", "a", "b", "2026-11-20")}, before, after);
  BOOST_TEST(w.items() == 5u);  // comparison, new tool, merge, flip, price change
  check_equal(w, week_from_json(json::parse(to_json(w).dump())));
}

BOOST_AUTO_TEST_CASE(week_from_json_rejects_documents_it_did_not_write) {
  BOOST_CHECK_THROW(week_from_json(json::object()), json::exception);
  BOOST_CHECK_THROW(week_from_json(json::array({1, 2})), json::exception);
  BOOST_CHECK_THROW(week_from_json(json("a string")), json::exception);
  BOOST_CHECK_THROW(week_from_json(json()), json::exception);
  json no_lists = {{"week", {{"id", "2026-W47"}, {"monday", "2026-11-16"}, {"sunday", "2026-11-22"}}}};
  BOOST_CHECK_THROW(week_from_json(no_lists), json::exception);
  json wrong_type = to_json(full_week());
  wrong_type["week"]["id"] = 47;
  BOOST_CHECK_THROW(week_from_json(wrong_type), json::exception);
}

// Element types matter too: a list of numbers is not a list of tools this module wrote.
// (Found by this test: week_from_json accepts [42] as a tool with every field empty.)
BOOST_AUTO_TEST_CASE(week_from_json_rejects_lists_of_the_wrong_elements) {
  json bad_tools = to_json(full_week());
  bad_tools["new_tools"] = json::array({42});
  BOOST_CHECK_THROW(week_from_json(bad_tools), json::exception);
  json not_a_list = to_json(full_week());
  not_a_list["new_tools"] = 42;
  BOOST_CHECK_THROW(week_from_json(not_a_list), json::exception);
}

BOOST_AUTO_TEST_SUITE_END()
