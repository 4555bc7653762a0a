// size: parameter counts in size fields, in tool names and in running prose.
// Cases marked "Epoch AI" are short strings from Epoch AI's notable-models data
// (https://epoch.ai/data, CC BY 4.0; data: Epoch AI (epoch.ai)).
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "stages/normalise/fields/size.hpp"

namespace bdata = boost::unit_test::data;
using namespace tv::fields;

namespace {

// Sizes as one string: "70B 400B", "1.6T(a49B)", "8x22B" ("" for none).
std::string render(const std::vector<ParamSize>& sizes) {
  std::string out;
  for (const auto& s : sizes) {
    if (!out.empty()) out.push_back(' ');
    out += s.label;
    if (s.active) out += "(a" + size_label(*s.active) + ")";
  }
  return out;
}

struct Case {
  std::string in;
  std::string expected;  // render() of the result
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << "[" << c.in << "]"; }

struct NameCase {
  std::string name;
  std::string base;
  std::string sizes;
};
std::ostream& operator<<(std::ostream& os, const NameCase& c) { return os << "[" << c.name << "]"; }

struct Exact {
  std::string in;
  double total;
  double active;  // 0 = none
  int experts;
  std::string label;
};
std::ostream& operator<<(std::ostream& os, const Exact& c) { return os << "[" << c.in << "]"; }

struct LabelCase {
  double params;
  std::string label;
};
std::ostream& operator<<(std::ostream& os, const LabelCase& c) { return os << c.params; }

const Case kParse[] = {
    {"2B", "2B"},
    {"2.25B params", "2.25B"},
    {"2.25B", "2.25B"},
    {"2.25B\u00a0params", "2.25B"},
    {"70B & 400B", "70B 400B"},
    {"70B and 400B", "70B 400B"},
    {"7B, 34B, and 200B parameter variants", "7B 34B 200B"},
    {"7B, 34B, 200B", "7B 34B 200B"},
    {"7B / 13B / 70B", "7B 13B 70B"},
    {"8x22B", "8x22B"},
    {"8 x 7B", "8x7B"},
    {"8\u00d77B", "8x7B"},
    {"1.6T total, 49B active", "1.6T(a49B)"},
    {"49B active, 1.6T total", "1.6T(a49B)"},
    {"2-billion parameter", "2B"},
    {"3-billion-parameter", "3B"},
    {"12 billion parameters", "12B"},
    {"1 trillion", "1T"},
    {"500 million", "500M"},
    {"135M", "135M"},
    {"1.5 B", "1.5B"},
    {"7b", "7B"},
    {"7bn", "7B"},
    {"400K", "400K"},
    {"0.5B", "500M"},
    {"30B-A3B", "30B(a3B)"},
    {"~175M parameters", "175M"},
    {"7B, 7B", "7B"},                        // no duplicates
    {"7241732096", "7.24B"},                 // a raw parameter count
    {"7241732096.0", "7.24B"},
    {"1.75e+11", "175B"},
    {"1.3e9", "1.3B"},
    // Epoch AI parameter notes
    {"102B, of which 12B active", "102B(a12B)"},
    {"mixture of experts (MoE) with 358B total, 32B active", "358B(a32B)"},
    {"Total parameters: 100B (Sparse), Active parameters: 10B per token", "100B(a10B)"},
    {"MoE Architecture, Total parameters 519B, Active parameters 33B", "519B(a33B)"},
    {"30.5 billion total parameters,\nwith only 3.3 billion activated per token", "30.5B(a3.3B)"},
    {"1 trillion total parameters with 50 billion activated parameters", "1T(a50B)"},
    {"671B total\n37B activated", "671B(a37B)"},
    {"MoE with 1T total parameters and 32B parameters active per forward pass", "1T(a32B)"},
    {"Model has 230B parameters total, with 23B active parameters (sparse MoE setting).", "230B(a23B)"},
    {"\"Llama 4 Maverick models have 17B active parameters and 400B total parameters.\"", "400B(a17B)"},
    {"a 480B-parameter Mixture-of-Experts model with 35B active parameters which supports the "
     "context length of 256K tokens natively",
     "480B(a35B)"},
    // nothing that is a size
    {"", ""},
    {"Llama 3.2", ""},
    {"GPT-4", ""},
    {"v2.5", ""},
    {"7", ""},
    {"2T tokens", ""},
    {"128K context", ""},
    {"0B", ""},
    {"99999T", ""},
    {"MoE architecture", ""},
};

const Exact kExact[] = {
    {"8x22B", 176e9, 0, 8, "8x22B"},
    {"Mixtral 8x7B", 56e9, 0, 8, "8x7B"},
    {"1.6T total, 49B active", 1.6e12, 49e9, 0, "1.6T"},
    {"2.25B params", 2.25e9, 0, 0, "2.25B"},
    {"135M", 135e6, 0, 0, "135M"},
    {"400K", 400e3, 0, 0, "400K"},
    {"Qwen3-30B-A3B", 30e9, 3e9, 0, "30B"},
    {"12 billion parameters", 12e9, 0, 0, "12B"},
};

const NameCase kNames[] = {
    {"SmolVLM2-2B", "SmolVLM2", "2B"},
    {"SmolVLM2-2.2B-Instruct", "SmolVLM2-Instruct", "2.2B"},
    {"Llama 4 Compact (12B)", "Llama 4 Compact", "12B"},
    {"Code Llama 4 (70B & 400B)", "Code Llama 4", "70B 400B"},
    {"Mixtral 8x22B", "Mixtral", "8x22B"},
    {"Mixtral-8x7B-Instruct-v0.1", "Mixtral-Instruct-v0.1", "8x7B"},
    {"Llama-3.2-1B", "Llama-3.2", "1B"},
    {"Llama 3.2 1B", "Llama 3.2", "1B"},
    {"Qwen2.5-Coder-32B-Instruct-GGUF", "Qwen2.5-Coder-Instruct-GGUF", "32B"},
    {"Qwen3-30B-A3B", "Qwen3", "30B(a3B)"},
    {"qwen3-30b-a3b-instruct", "qwen3-instruct", "30B(a3B)"},
    {"DeepSeek-V3 (671B total, 37B active)", "DeepSeek-V3", "671B(a37B)"},
    {"gemma-2-9b-it", "gemma-2-it", "9B"},
    {"Gemma 3 12B", "Gemma 3", "12B"},
    {"SmolLM2-360M-Instruct", "SmolLM2-Instruct", "360M"},
    {"TinyThing-1_5B-Instruct", "TinyThing-Instruct", "1.5B"},
    {"xlator100_350M", "xlator100", "350M"},
    {"gpt-x-6b", "gpt-x", "6B"},
    {"Llama-3.1-70B-FP8", "Llama-3.1-FP8", "70B"},
    // never sizes: versions, context lengths, token counts, quantisation, dataset sizes
    {"GPT-4o", "GPT-4o", ""},
    {"Llama 3.2", "Llama 3.2", ""},
    {"SmolLM3", "SmolLM3", ""},
    {"SmolVLM2", "SmolVLM2", ""},
    {"Phi-3.5-mini", "Phi-3.5-mini", ""},
    {"gpt-3.5-turbo", "gpt-3.5-turbo", ""},
    {"GPT-4", "GPT-4", ""},
    {"Tiny-3-mini-64k-instruct", "Tiny-3-mini-64k-instruct", ""},
    {"Llama-3-8B-Instruct-16k", "Llama-3-Instruct-16k", "8B"},
    {"Mini-7B-2.0-500B-tokens-GGUF", "Mini-2.0-500B-tokens-GGUF", "7B"},
    {"Distill-14B-MLX-4Bit", "Distill-MLX-4Bit", "14B"},
    {"CLIP-ViT-L-14-webdata2B-s12B-b64K", "CLIP-ViT-L-14-webdata2B-s12B-b64K", ""},
    {"9M-12_B", "9M-12_B", ""},
    {"7B", "7B", ""},  // a size alone is not a name with a size
    {"", "", ""},
    {"  SmolVLM2-2B  ", "SmolVLM2", "2B"},
};

const Case kProse[] = {
    // the model's own size
    {"SmolVLM2 is an open-source 2-billion-parameter vision-language model from Hugging Face", "2B"},
    {"SmolVLM2-2B is an open-source, 2-billion parameter vision-language model", "2B"},
    {"Meta has released Code Llama 4 as a fully open-weight model family in 7B, 34B, and 200B "
     "parameter variants, downloadable for free",
     "7B 34B 200B"},
    {"Meta has open-sourced Code Llama 4 in 70B and 400B parameter variants under a license",
     "70B 400B"},
    {"a family of open-weight code models in 7B,\u00a034B and 200B parameter sizes", "7B 34B 200B"},
    {"3B parameter open model that actually runs on your device", "3B"},
    {"Llama 4 Compact is a 12-billion-parameter language model from Meta", "12B"},
    {"SmolLM3 from Hugging Face is a 3B parameter model", "3B"},
    {"It ships with 2.25B params.", "2.25B"},
    {"This is a 2B model for phones.", "2B"},
    {"Meta's 12B edge-optimized open model for on-device inference", "12B"},
    {"an 8x22B mixture-of-experts model", "8x22B"},
    {"available in 1B and 3B sizes", "1B 3B"},
    {"with 1.6T total, 49B active", "1.6T(a49B)"},
    // Epoch AI abstracts and notes
    {"Falcon 180B is a super-powerful language model with 180 billion parameters", "180B"},
    {"Kimi K2 is our latest Mixture-of-Experts model with 32 billion activated parameters and 1 "
     "trillion total parameters.",
     "1T(a32B)"},
    {"K-EXAONE is built on a Mixture-of-Experts architecture with 236B total parameters, "
     "activating 23B parameters during inference.",
     "236B(a23B)"},
    {"We present GLM-4.5, an open-source Mixture-of-Experts (MoE) large language model with 355B "
     "total parameters and 32B activated parameters",
     "355B(a32B)"},
    // someone else's size, or not a size at all
    {"outperforms 7B models", ""},
    {"It outperforms a 7B model on MMLU.", ""},
    {"benchmark performance that reportedly rivals models three times its size", ""},
    {"outperforms models up to 3x its size on standard benchmarks", ""},
    {"rivals 7B", ""},
    {"beats Gemma 3 12B on reasoning", ""},
    {"better than 70B parameter models", ""},
    {"distilled from a 70B parameter teacher", ""},
    {"compared with the 13B parameter variant", ""},
    {"trained on 2T tokens with a 128K context", ""},
    {"Open-source 2B vision-language model that punches above its weight class", ""},
    {"Meta's open-source code models: 70B and 400B, self-hostable and free", ""},
    {"Version 2.5 adds 3 new modes", ""},
    {"", ""},
};

const LabelCase kLabels[] = {
    {2.25e9, "2.25B"}, {1.6e12, "1.6T"}, {1.35e8, "135M"}, {2e9, "2B"},      {4e5, "400K"},
    {7615616512.0, "7.62B"}, {999.6e6, "1B"}, {46702792704.0, "46.7B"}, {500, "500"},
    {0, "0"},          {-5, "0"},     {1e15, "1000T"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(size)

BOOST_DATA_TEST_CASE(parse_sizes_reads_size_fields, bdata::make(kParse), c) {
  BOOST_TEST(render(parse_sizes(c.in)) == c.expected);
}

BOOST_DATA_TEST_CASE(parse_sizes_gives_exact_counts, bdata::make(kExact), c) {
  auto sizes = parse_sizes(c.in);
  BOOST_REQUIRE_EQUAL(sizes.size(), 1u);
  BOOST_TEST(sizes[0].total == c.total);
  BOOST_TEST(sizes[0].active.value_or(0) == c.active);
  BOOST_TEST(sizes[0].experts == c.experts);
  BOOST_TEST(sizes[0].label == c.label);
}

BOOST_DATA_TEST_CASE(split_name_sizes_takes_size_tokens_out_of_names, bdata::make(kNames), c) {
  const NameSizes n = split_name_sizes(c.name);
  BOOST_TEST(n.base == c.base);
  BOOST_TEST(render(n.sizes) == c.sizes);
}

BOOST_DATA_TEST_CASE(sizes_in_prose_takes_only_the_models_own_size, bdata::make(kProse), c) {
  BOOST_TEST(render(sizes_in_prose(c.in)) == c.expected);
}

BOOST_DATA_TEST_CASE(size_label_formats_counts, bdata::make(kLabels), c) {
  BOOST_TEST(size_label(c.params) == c.label);
}

BOOST_AUTO_TEST_CASE(german_french_and_spanish_number_words_and_separators) {
  BOOST_TEST(render(parse_sizes("9 Milliarden Parameter")) == "9B");
  BOOST_TEST(render(parse_sizes("7,3 milliards de param\u00e8tres")) == "7.3B");  // decimal comma
  BOOST_TEST(render(parse_sizes("3.800 millones de par\u00e1metros")) == "3.8B");  // thousands point
  BOOST_TEST(render(parse_sizes("3,8 mil millones")) == "3.8B");
  BOOST_TEST(render(parse_sizes("1.500 Millionen Parameter")) == "1.5B");
  BOOST_TEST(render(parse_sizes("3.8 billion parameters")) == "3.8B");  // English keeps its point
  BOOST_TEST(render(parse_sizes("7B, 13B")) == "7B 13B");              // a list is not a decimal comma
}

BOOST_AUTO_TEST_CASE(sizes_within_rounding_are_the_same_and_the_longer_label_is_more_precise) {
  auto one = [](const char* text) { return parse_sizes(text).at(0); };
  BOOST_TEST(same_size(one("3B"), one("3.08B")));
  BOOST_TEST(same_size(one("8.03B"), one("8B")));
  BOOST_TEST(!same_size(one("3B"), one("7B")));
  BOOST_TEST(!same_size(one("1.5B"), one("1.55B")));
  BOOST_TEST(!same_size(one("8x7B"), one("56B")));
  BOOST_TEST(size_digits(one("3B")) == 1);
  BOOST_TEST(size_digits(one("3.08B")) == 3);
  BOOST_TEST(size_digits(one("500M")) == 1);
  BOOST_TEST(size_digits(one("135M")) == 3);
  BOOST_TEST(size_digits(one("8x7B")) == 1);
}

BOOST_AUTO_TEST_CASE(hostile_input_stays_linear) {
  const auto t0 = std::chrono::steady_clock::now();
  std::string s;
  for (int i = 0; i < 50000; ++i) s += "1B total 2B active, 3x4B-A1B parameters 9999999999999999999999 ";
  BOOST_TEST(parse_sizes(s).size() <= 32u);
  BOOST_TEST(sizes_in_prose(s).size() <= 32u);
  BOOST_TEST(split_name_sizes(s).sizes.size() <= 32u);
  std::string digits(200000, '7');
  BOOST_TEST(parse_sizes(digits).empty());
  BOOST_TEST(split_name_sizes("x-" + digits + "B").sizes.empty());
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(secs < 20.0, "took " << secs << " s");  // quadratic behaviour would take minutes
}

BOOST_AUTO_TEST_SUITE_END()
