#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "stages/dedupe/evaluate.hpp"
#include "stages/dedupe/matcher.hpp"

namespace bdata = boost::unit_test::data;
using namespace tv::dedupe;

namespace {
struct Case {
  MatchInput a, b;
  bool same;
};
std::ostream& operator<<(std::ostream& o, const Case& c) { return o << c.a.name << " / " << c.b.name; }

// The cases issue 3 names, each way round.
const std::vector<Case> kCases{
    {{"SmolVLM2", "Hugging Face"}, {"SmolVLM2-2B", "HuggingFaceTB"}, true},
    {{"SmolVLM2-2B", ""}, {"SmolVLM2-2.2B-Instruct", ""}, true},
    {{"SmolVLM2", ""}, {"HuggingFaceTB/SmolVLM2-2.2B-Instruct", ""}, true},
    {{"Code Llama 4", "Meta"}, {"Code Llama 4 (70B & 400B)", "Meta"}, true},
    {{"GPT-4o (May 2024)", "OpenAI"}, {"GPT-4o", "OpenAI"}, true},
    {{"tl;dv", ""}, {"tldv", ""}, true},
    {{"Mistral-7B-Instruct-v0.2-GGUF", ""}, {"Mistral-7B-Instruct-v0.2", "Mistral AI"}, true},
    {{"SmolVLM-3B", "Hugging Face"}, {"SmolVLM2", "Hugging Face"}, false},
    {{"SmolLM3", "Hugging Face"}, {"SmolVLM2", "Hugging Face"}, false},
    {{"Llama 4 Compact (12B)", "Meta"}, {"Code Llama 4", "Meta"}, false},
    {{"Llama 3.2 1B", "Meta"}, {"Llama 3.2 3B", "Meta"}, false},
    {{"Mixtral 8x7B", ""}, {"Mixtral 8x22B", ""}, false},
    {{"Synthesys Studio", "Synthesys"}, {"Synthesys X", "Synthesys"}, false},
    {{"ChatGPT", "OpenAI"}, {"ChatGPT Writer", ""}, false},
    {{"Gemini", "Google"}, {"Gemini", "Gemini Labs Ltd"}, false},  // vendors differ
    {{"Meta-Llama-3.1-8B-Instruct-bnb-4bit", "Meta"}, {"Llama-3.1-8B-Instruct", "Meta"}, true},
    {{"Meta-Llama-3.1-8B", "Meta"}, {"Llama-3.1-70B", "Meta"}, false},
    {{"Command R (08-2024)", "Cohere"}, {"Command R+ (08-2024)", "Cohere"}, false},
};
}  // namespace

BOOST_AUTO_TEST_SUITE(matcher)

BOOST_DATA_TEST_CASE(the_cases_the_issue_names_hold_both_ways, bdata::make(kCases), c) {
  BOOST_TEST(match(c.a, c.b).same == c.same);
  BOOST_TEST(match(c.b, c.a).same == c.same);
}

BOOST_AUTO_TEST_CASE(decisions_say_why) {
  BOOST_TEST(match({"Llama 3.2 1B", ""}, {"Llama 3.2 3B", ""}).reason == "size siblings");
  BOOST_TEST(match({"SmolLM3", ""}, {"SmolVLM2", ""}).reason == "names differ");
  BOOST_TEST(match({"SmolVLM2", ""}, {"SmolVLM2-2B", ""}).reason == "same family");
}

// The gold set's F1 may only go up. Measured 2026-11-23 with this first, name-only matcher:
// precision 0.941, recall 0.926, F1 0.933; with a leading vendor set aside and "+" kept,
// precision 0.950, recall 0.934, F1 0.942 (`pipeline eval-dedupe tests/dedupe/gold.txt`).
// The issue's target is 0.95.
BOOST_AUTO_TEST_CASE(gold_set_f1_does_not_regress) {
  std::ifstream in(std::string(TV_SOURCE_DIR) + "/tests/dedupe/gold.txt");
  auto data = read_magellan(in, "gold.txt");
  BOOST_REQUIRE(data.errors.empty());
  auto c = evaluate(data.pairs);
  BOOST_TEST_MESSAGE("gold F1 " << c.f1() << " precision " << c.precision() << " recall " << c.recall());
  BOOST_TEST(c.f1() >= 0.94);
}

BOOST_AUTO_TEST_SUITE_END()
