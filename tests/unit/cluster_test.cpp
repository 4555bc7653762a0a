// Clustering: the cases of issue 3 as groups, order independence, editor links.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>

#include "stages/dedupe/cluster.hpp"

using namespace tv::dedupe;

namespace {

ClusterInput rec(std::string id, std::string name, std::string vendor = "") {
  ClusterInput c;
  c.id = std::move(id);
  c.match.name = std::move(name);
  c.match.vendor = std::move(vendor);
  return c;
}

// Groups as sets of names, independent of indices and order.
std::set<std::set<std::string>> named(const std::vector<Group>& groups, const std::vector<ClusterInput>& in) {
  std::set<std::set<std::string>> out;
  for (const auto& g : groups) {
    std::set<std::string> s;
    for (auto i : g.members) s.insert(in[i].match.name);
    out.insert(s);
  }
  return out;
}

bool together(const std::set<std::set<std::string>>& groups, const std::string& a, const std::string& b) {
  for (const auto& g : groups)
    if (g.count(a)) return g.count(b) > 0;
  return false;
}

const std::vector<ClusterInput> kSample{
    rec("a1", "SmolVLM2", "Hugging Face"),
    rec("a2", "SmolVLM2-2B", "HuggingFaceTB"),
    rec("a3", "HuggingFaceTB/SmolVLM2-2.2B-Instruct", "Hugging Face"),
    rec("a4", "SmolVLM-3B", "Hugging Face"),
    rec("a5", "SmolLM3", "Hugging Face"),
    rec("a6", "SmolLM3-3B", "Hugging Face"),
    rec("b1", "Code Llama 4", "Meta"),
    rec("b2", "Code Llama 4 (70B & 400B)", "Meta"),
    rec("b3", "CodeLlama-4-70B-Instruct", "Meta"),
    rec("b4", "Llama 4 Compact (12B)", "Meta"),
    rec("b5", "Llama-4-Compact-12B", "Meta"),
    rec("c1", "Llama 3.2 1B", "Meta"),
    rec("c2", "Llama 3.2 3B", "Meta"),
    rec("c3", "Llama 3.2", "Meta"),
    rec("d1", "Mixtral 8x7B"),
    rec("d2", "Mixtral 8x22B"),
    rec("e1", "GPT-4o (May 2024)", "OpenAI"),
    rec("e2", "GPT-4o", "OpenAI"),
    rec("e3", "ChatGPT", "OpenAI"),
    rec("e4", "ChatGPT Writer"),
    rec("f1", "tl;dv"),
    rec("f2", "tldv"),
    rec("g1", "Mistral-7B-Instruct-v0.2-GGUF"),
    rec("g2", "Mistral-7B-Instruct-v0.2", "Mistral AI"),
    rec("h1", "Synthesys Studio", "Synthesys"),
    rec("h2", "Synthesys X", "Synthesys"),
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cluster)

BOOST_AUTO_TEST_CASE(issue_cases_as_groups) {
  auto g = named(tv::dedupe::cluster(kSample), kSample);
  BOOST_TEST(together(g, "SmolVLM2", "SmolVLM2-2B"));
  BOOST_TEST(together(g, "SmolVLM2", "HuggingFaceTB/SmolVLM2-2.2B-Instruct"));
  BOOST_TEST(together(g, "Code Llama 4", "Code Llama 4 (70B & 400B)"));
  BOOST_TEST(together(g, "Code Llama 4", "CodeLlama-4-70B-Instruct"));
  BOOST_TEST(together(g, "GPT-4o", "GPT-4o (May 2024)"));
  BOOST_TEST(together(g, "tl;dv", "tldv"));
  BOOST_TEST(together(g, "Mistral-7B-Instruct-v0.2-GGUF", "Mistral-7B-Instruct-v0.2"));
  BOOST_TEST(together(g, "Llama 4 Compact (12B)", "Llama-4-Compact-12B"));
  BOOST_TEST(together(g, "SmolLM3", "SmolLM3-3B"));
  BOOST_TEST(!together(g, "SmolVLM-3B", "SmolVLM2"));
  BOOST_TEST(!together(g, "SmolLM3", "SmolVLM2"));
  BOOST_TEST(!together(g, "Llama 4 Compact (12B)", "Code Llama 4"));
  BOOST_TEST(!together(g, "Mixtral 8x7B", "Mixtral 8x22B"));
  BOOST_TEST(!together(g, "Synthesys Studio", "Synthesys X"));
  BOOST_TEST(!together(g, "ChatGPT", "ChatGPT Writer"));
  BOOST_TEST(!together(g, "ChatGPT", "GPT-4o"));
}

// "Llama 3.2" matches both sized siblings; it may not bridge them, nor pick one at random.
BOOST_AUTO_TEST_CASE(family_name_never_bridges_size_siblings) {
  auto g = named(tv::dedupe::cluster(kSample), kSample);
  BOOST_TEST(!together(g, "Llama 3.2 1B", "Llama 3.2 3B"));
  BOOST_TEST(!together(g, "Llama 3.2", "Llama 3.2 1B"));
  BOOST_TEST(!together(g, "Llama 3.2", "Llama 3.2 3B"));
}

// A block of more distinct spellings than the compare window: the 1B and 3B records are too
// far apart in id order to be compared, yet the family name between them must not bridge them.
// Issue 15: re-uploads by re-uploader orgs, bracket modes and acronyms join their tool;
// re-uploads of two sizes stay two tools, and so do two revisions.
BOOST_AUTO_TEST_CASE(re_uploads_modes_and_acronyms_join_their_tool) {
  const std::vector<ClusterInput> in{
      rec("m1", "mistralai/Mistral-7B-Instruct-v0.2", "Mistral AI"),
      rec("m2", "TheBloke/Mistral-7B-Instruct-v0.2-GGUF", "TheBloke"),
      rec("m3", "TheBloke/Mistral-7B-Instruct-v0.2-AWQ", "TheBloke"),
      rec("m4", "Mistral-7B-Instruct-v0.3", "Mistral AI"),
      rec("m5", "bartowski/Mistral-7B-Instruct-v0.3-GGUF", "bartowski"),
      rec("l1", "mlx-community/Llama-3.2-1B-Instruct-4bit", "mlx-community"),
      rec("l2", "mlx-community/Llama-3.2-3B-Instruct-4bit", "mlx-community"),
      rec("l3", "Llama 3.2 1B", "Meta"),
      rec("l4", "Llama 3.2 3B", "Meta"),
      rec("s1", "Claude 3.7 Sonnet (thinking)", "Anthropic"),
      rec("s2", "Claude 3.7 Sonnet", "Anthropic"),
      rec("s3", "Claude 3.5 Sonnet", "Anthropic"),
      rec("x1", "Stable Diffusion XL (SDXL)", "Stability AI"),
      rec("x2", "SDXL", "Stability AI"),
      rec("x3", "stabilityai/sdxl-turbo", "Stability AI"),
  };
  auto g = named(tv::dedupe::cluster(in), in);
  BOOST_TEST(together(g, "mistralai/Mistral-7B-Instruct-v0.2", "TheBloke/Mistral-7B-Instruct-v0.2-GGUF"));
  BOOST_TEST(together(g, "mistralai/Mistral-7B-Instruct-v0.2", "TheBloke/Mistral-7B-Instruct-v0.2-AWQ"));
  BOOST_TEST(together(g, "Mistral-7B-Instruct-v0.3", "bartowski/Mistral-7B-Instruct-v0.3-GGUF"));
  BOOST_TEST(!together(g, "mistralai/Mistral-7B-Instruct-v0.2", "Mistral-7B-Instruct-v0.3"));
  BOOST_TEST(together(g, "mlx-community/Llama-3.2-1B-Instruct-4bit", "Llama 3.2 1B"));
  BOOST_TEST(together(g, "mlx-community/Llama-3.2-3B-Instruct-4bit", "Llama 3.2 3B"));
  BOOST_TEST(!together(g, "Llama 3.2 1B", "Llama 3.2 3B"));
  BOOST_TEST(together(g, "Claude 3.7 Sonnet (thinking)", "Claude 3.7 Sonnet"));
  BOOST_TEST(!together(g, "Claude 3.7 Sonnet", "Claude 3.5 Sonnet"));
  BOOST_TEST(together(g, "Stable Diffusion XL (SDXL)", "SDXL"));
  BOOST_TEST(!together(g, "SDXL", "stabilityai/sdxl-turbo"));
}

BOOST_AUTO_TEST_CASE(family_name_never_bridges_siblings_past_the_window) {
  std::vector<ClusterInput> in;
  char id[16];
  for (int i = 0; i < 10; ++i) {
    std::snprintf(id, sizeof id, "a%03d", i);
    in.push_back(rec(id, "org" + std::to_string(i) + "/Llama-3.2-1B", "Meta"));
  }
  for (int i = 0; i < 290; ++i) {
    std::snprintf(id, sizeof id, "m%03d", i);
    in.push_back(rec(id, "fan" + std::to_string(i) + "/Llama-3.2", "Meta"));
  }
  in.push_back(rec("z", "Llama 3.2 3B", "Meta"));
  auto g = named(tv::dedupe::cluster(in), in);
  BOOST_TEST(!together(g, "org0/Llama-3.2-1B", "Llama 3.2 3B"));
  BOOST_TEST(together(g, "org0/Llama-3.2-1B", "org9/Llama-3.2-1B"));
  BOOST_TEST(together(g, "fan0/Llama-3.2", "fan289/Llama-3.2"));
}

BOOST_AUTO_TEST_CASE(result_does_not_depend_on_input_order) {
  auto expected = named(tv::dedupe::cluster(kSample), kSample);
  auto shuffled = kSample;
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    auto groups = tv::dedupe::cluster(shuffled);
    BOOST_TEST((named(groups, shuffled) == expected));
    // Joins name their reasons in the same order too: first members and join reasons.
    for (const auto& grp : groups) BOOST_TEST(grp.joins.size() + 1 == grp.members.size());
  }
}

BOOST_AUTO_TEST_CASE(copies_collapse_and_say_why) {
  std::vector<ClusterInput> in{rec("z9", "ChatGPT", "OpenAI"), rec("z1", "ChatGPT", "OpenAI"),
                               rec("z5", "ChatGPT", "OpenAI")};
  auto groups = tv::dedupe::cluster(in);
  BOOST_REQUIRE_EQUAL(groups.size(), 1u);
  BOOST_TEST(in[groups[0].members.front()].id == "z1");  // the first in id order leads
  BOOST_REQUIRE_EQUAL(groups[0].joins.size(), 2u);
  BOOST_TEST(groups[0].joins[0].why == "same name");
}

BOOST_AUTO_TEST_CASE(editor_merge_wins_over_matcher) {
  std::vector<ClusterInput> in{rec("1", "Photo AI"), rec("2", "PhotoAI Studio"), rec("3", "Other")};
  BOOST_TEST(tv::dedupe::cluster(in).size() == 3u);
  auto groups = tv::dedupe::cluster(in, {{{0}, {1}, true, "editor merge (d.xml line 3)"}});
  BOOST_REQUIRE_EQUAL(groups.size(), 2u);
  BOOST_TEST(groups[0].members.size() == 2u);
  BOOST_TEST(groups[0].joins[0].why == "editor merge (d.xml line 3)");
}

BOOST_AUTO_TEST_CASE(editor_split_holds_through_third_records) {
  // SmolVLM2 joins both; a split of the two sized names keeps them apart and the family
  // name, which could join either, joins neither.
  std::vector<ClusterInput> in{rec("1", "SmolVLM2"), rec("2", "SmolVLM2-2B"), rec("3", "SmolVLM2-2.2B-Instruct")};
  BOOST_TEST(tv::dedupe::cluster(in).size() == 1u);
  auto groups = tv::dedupe::cluster(in, {{{1}, {2}, false, "editor split"}});
  auto g = named(groups, in);
  BOOST_TEST(!together(g, "SmolVLM2-2B", "SmolVLM2-2.2B-Instruct"));
  BOOST_TEST(groups.size() == 3u);
}

BOOST_AUTO_TEST_CASE(empty_and_nameless_inputs) {
  BOOST_TEST(tv::dedupe::cluster({}).empty());
  std::vector<ClusterInput> in{rec("1", ""), rec("2", "()"), rec("3", "")};
  auto groups = tv::dedupe::cluster(in);
  std::size_t total = 0;
  for (const auto& g : groups) total += g.members.size();
  BOOST_TEST(total == 3u);  // every record lands in exactly one group
}

BOOST_AUTO_TEST_SUITE_END()
