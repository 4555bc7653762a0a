// magellan: the reader for labelled pairs in the Magellan/ditto format, and the committed
// AI-tool gold set (tests/dedupe/gold.txt) read through it.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "stages/dedupe/magellan.hpp"

using tv::dedupe::read_magellan;

namespace {

tv::dedupe::MagellanFile read_text(const std::string& text) {
  std::istringstream in(text);
  return read_magellan(in, "t.txt");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(magellan)

BOOST_AUTO_TEST_CASE(reads_good_lines) {
  auto f = read_text(
      "COL title VAL SmolVLM2 COL manufacturer VAL Hugging Face COL price VAL Free \t"
      "COL title VAL SmolVLM2-2B COL manufacturer VAL Hugging Face COL price VAL 0 \t1\n"
      "COL title VAL tl;dv COL price VAL $20/month\tCOL title VAL Otter AI COL price VAL 8.33\t0\n");
  BOOST_TEST(f.errors.empty());
  BOOST_REQUIRE_EQUAL(f.pairs.size(), 2u);
  const auto& a = f.pairs[0];
  BOOST_TEST(a.label == 1);
  BOOST_TEST(a.line == 1);
  BOOST_TEST(a.left.at("title") == "SmolVLM2");
  BOOST_TEST(a.left.at("manufacturer") == "Hugging Face");
  BOOST_TEST(a.left.at("price") == "Free");
  BOOST_TEST(a.right.at("title") == "SmolVLM2-2B");
  BOOST_TEST(a.right.at("price") == "0");
  const auto& b = f.pairs[1];
  BOOST_TEST(b.label == 0);
  BOOST_TEST(b.line == 2);
  BOOST_TEST(b.left.at("title") == "tl;dv");
  BOOST_TEST(b.left.at("price") == "$20/month");
  BOOST_TEST(b.left.size() == 2u);
  BOOST_TEST(b.right.at("price") == "8.33");
}

BOOST_AUTO_TEST_CASE(empty_values_and_extra_spaces) {
  // As in the Amazon-Google files: "VAL  COL" (empty), a trailing space before the TAB.
  auto f = read_text(
      "COL title VAL adobe cs3 design standard upgrade COL manufacturer VAL  COL price VAL 413.99 \t"
      "COL title VAL  adobe  cs3   COL manufacturer VAL COL price VAL \t0\r\n");
  BOOST_TEST(f.errors.empty());
  BOOST_REQUIRE_EQUAL(f.pairs.size(), 1u);
  const auto& p = f.pairs[0];
  BOOST_TEST(p.left.at("title") == "adobe cs3 design standard upgrade");
  BOOST_TEST(p.left.at("manufacturer") == "");
  BOOST_TEST(p.left.at("price") == "413.99");
  BOOST_TEST(p.right.at("title") == "adobe  cs3");
  BOOST_TEST(p.right.at("manufacturer") == "");
  BOOST_TEST(p.right.at("price") == "");
  BOOST_TEST(p.label == 0);
}

BOOST_AUTO_TEST_CASE(malformed_lines_are_errors_and_the_rest_still_count) {
  const std::string rec = "COL title VAL a COL price VAL ";
  auto f = read_text(rec + "\t" + rec + "\t1\n" +                // 1: good
                     rec + "\t" + rec + "\t\n" +                 // 2: missing label
                     rec + "\t" + rec + "\t2\n" +                // 3: label of 2
                     rec + "\t" + rec + "\n" +                   // 4: one TAB
                     "\n" +                                      // 5: blank, skipped
                     "title a\t" + rec + "\t0\n" +              // 6: no COL
                     rec + "\tCOL title a\t0\n" +                // 7: no VAL
                     rec + "\t" + rec + "\t0");                  // 8: good, no final newline
  BOOST_REQUIRE_EQUAL(f.pairs.size(), 2u);
  BOOST_TEST(f.pairs[0].line == 1);
  BOOST_TEST(f.pairs[1].line == 8);
  BOOST_REQUIRE_EQUAL(f.errors.size(), 5u);
  BOOST_TEST(f.errors[0] == "t.txt:2: missing label");
  BOOST_TEST(f.errors[1] == "t.txt:3: label must be 0 or 1, found '2'");
  BOOST_TEST(f.errors[2] == "t.txt:4: expected 3 tab-separated fields, found 2");
  BOOST_TEST(f.errors[3] == "t.txt:6: left record: record does not start with COL");
  BOOST_TEST(f.errors[4] == "t.txt:7: right record: attribute 'title' has no VAL");
}

BOOST_AUTO_TEST_CASE(empty_input) {
  auto f = read_text("");
  BOOST_TEST(f.pairs.empty());
  BOOST_TEST(f.errors.empty());
}

BOOST_AUTO_TEST_CASE(gold_set) {
  const std::string path = std::string(TV_SOURCE_DIR) + "/tests/dedupe/gold.txt";
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " + path);
  auto f = read_magellan(in, "gold.txt");
  for (const auto& e : f.errors) BOOST_TEST_MESSAGE(e);
  BOOST_TEST(f.errors.empty());
  BOOST_TEST(f.pairs.size() >= 150u);

  int positives = 0;
  std::set<std::pair<std::map<std::string, std::string>, std::map<std::string, std::string>>> seen;
  std::set<std::string> titles;
  for (const auto& p : f.pairs) {
    positives += p.label;
    BOOST_TEST(p.left.count("title") == 1u);
    BOOST_TEST(p.right.count("title") == 1u);
    auto key = p.left < p.right ? std::make_pair(p.left, p.right) : std::make_pair(p.right, p.left);
    BOOST_TEST(seen.insert(key).second, "duplicate pair on line " << p.line);
    titles.insert(p.left.at("title"));
    titles.insert(p.right.at("title"));
  }
  BOOST_TEST(positives > 0);
  BOOST_TEST(positives < static_cast<int>(f.pairs.size()));

  // The tools of the seed pages (../shared/seeds/*.txt), listed here so the test stands alone.
  for (const char* seed : {"SmolVLM2-2B", "Code Llama 4 (70B & 400B)", "SmolVLM-3B", "Code Llama 4", "SmolVLM2",
                           "Llama 4 Compact (12B)", "SmolLM3"}) {
    BOOST_TEST(titles.count(seed) == 1u, "seed tool missing from gold set: " << seed);
  }
}

BOOST_AUTO_TEST_SUITE_END()
