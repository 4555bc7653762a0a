// matcher: the cases issue 3 names, evidence beyond the name (vendor, kind, description sketch,
// source page), title similarity for product-like titles, and the contract clustering relies on
// (symmetric; "same" only inside a shared block key; few keys a record) over every labelled pair
// we have.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "stages/dedupe/evaluate.hpp"
#include "stages/dedupe/matcher.hpp"
#include "stages/dedupe/reuploaders.hpp"

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
    {{"Qwen2.5-Coder-14B-Instruct-4bit", "Alibaba"}, {"Qwen2.5-Coder-14B-Instruct", "Alibaba"}, true},
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
    // cheap wins of the first gold-set run
    {{"Mixtral 8x7B", "Mistral AI"}, {"open-mixtral-8x7b", ""}, true},
    {{"Mistral-Small-24B-Instruct-2501-FP8-Dynamic", "Mistral AI"}, {"Mistral-Small-24B-Instruct-2501", "Mistral AI"}, true},
    {{"amazon/nova-pro-v1", ""}, {"Nova Pro 1.0", "Amazon"}, true},
    // pre-1.0 revisions: each joins the family, two revisions stay apart
    {{"Mistral 7B Instruct v0.2", "Mistral AI"}, {"Mistral 7B Instruct v0.3", "Mistral AI"}, false},
    {{"Mistral 7B Instruct", "Mistral AI"}, {"Mistral 7B Instruct v0.3", "Mistral AI"}, true},
    // a trailing "AI" joins only with a vendor named like the product
    {{"Perplexity AI", "Perplexity"}, {"Perplexity", ""}, true},
    {{"fireflies.ai", "Fireflies.ai"}, {"Fireflies", ""}, true},
    {{"Gamma", ""}, {"Gamma.ai", ""}, false},
    // model-like short names never go through title similarity
    {{"Gemini 2.5 Flash", "Google"}, {"Gemini 2.5 Flash Lite", "Google"}, false},
    {{"GPT-4o mini", "OpenAI"}, {"GPT-4o-mini Search Preview", "OpenAI"}, false},
    {{"Claude Opus 4", "Anthropic"}, {"Claude Opus 4.1", "Anthropic"}, false},
    // issue 15: a mode in brackets is the same tool; outside brackets it is a checkpoint
    {{"Claude 3.7 Sonnet (thinking)", "Anthropic"}, {"Claude 3.7 Sonnet", "Anthropic"}, true},
    {{"anthropic/claude-3.7-sonnet:thinking", ""}, {"Claude 3.7 Sonnet", "Anthropic"}, true},
    {{"Claude 3.7 Sonnet (thinking)", "Anthropic"}, {"Claude 3.7 Sonnet (extended)", "Anthropic"}, true},
    {{"Qwen3 Coder 480B A35B (exacto)", "Alibaba"}, {"Qwen3 Coder 480B A35B", "Alibaba"}, true},
    {{"Claude 3.7 Sonnet (thinking)", "Anthropic"}, {"Claude 3.5 Sonnet", "Anthropic"}, false},
    {{"OpenAI: GPT-4o (extended)", "OpenAI"}, {"GPT-4o mini", "OpenAI"}, false},
    {{"Qwen3 VL 8B Thinking", "Alibaba"}, {"Qwen3 VL 8B Instruct", "Alibaba"}, false},
    // an acronym in brackets is another name of the tool; other bracket groups are not
    {{"Stable Diffusion XL (SDXL)", "Stability AI"}, {"SDXL", "Stability AI"}, true},
    {{"Stable Diffusion XL (SDXL)", "Stability AI"}, {"Stable Diffusion XL", ""}, true},
    {{"Stable Video 3D (SV3D)", "Stability AI"}, {"Stable Video 4D (SV4D)", "Stability AI"}, false},
    {{"Stable Diffusion XL (SDXL)", "Stability AI"}, {"stabilityai/sdxl-turbo", "Stability AI"}, false},
    {{"Magician (Figma)", ""}, {"Figma", ""}, false},
    {{"Dropout (ImageNet)", ""}, {"Dropout (TIMIT)", ""}, false},
    // a domain-style suffix: like a trailing "AI", it needs a vendor named like the product
    {{"Rasa.io", ""}, {"Rasa", "Rasa"}, true},
    {{"Vidyo.ai", "Vidyo"}, {"Vidyo", "Vidyo.ai"}, true},  // vendors written both ways
    {{"Wonderchat.io", ""}, {"Wonderchat", ""}, false},
    // a quantised re-upload by a known re-uploader is the original, whatever the vendors
    {{"Mistral-7B-Instruct-v0.2-GGUF", "TheBloke"}, {"Mistral-7B-Instruct-v0.2", "Mistral AI"}, true},
    {{"mlx-community/Llama-3.2-1B-Instruct-4bit", "MLX Community"}, {"Llama 3.2 1B", "Meta"}, true},
    {{"unsloth/Qwen2.5-7B-Instruct-bnb-4bit", "unsloth"}, {"Qwen/Qwen2.5-7B-Instruct", "Alibaba"}, true},
    {{"Mistral-7B-Instruct-v0.1-GGUF", "TheBloke"}, {"Mistral-7B-Instruct-v0.2", "Mistral AI"}, false},
    {{"bartowski/gemma-2-2b-it-GGUF", "bartowski"}, {"Gemma 2 9B", "Google"}, false},
    {{"mlx-community/Llama-3.2-1B-Instruct-4bit", "mlx-community"}, {"Llama-3.1-8B-Instruct", "Meta"}, false},
    {{"MaziyarPanahi/Llama-3-8B-Instruct-32k-v0.1-GGUF", "MaziyarPanahi"},
     {"meta-llama/Meta-Llama-3-8B-Instruct", "Meta"}, false},  // a fine-tune's copy
    {{"unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit", "Unsloth AI"}, {"meta-llama/Llama-3.1-8B-Instruct", "Meta"}, true},
    // the other record's vendor in front of a name is set aside too
    {{"Meta-Llama-3.1-8B", ""}, {"Llama-3.1-8B", "Meta"}, true},
    // a year written alone is an edition; a month-year is a snapshot of one model
    {{"hallmark card studio 2006", ""}, {"hallmark card studio 2004", ""}, false},
    {{"GPT-4o (May 2024)", "OpenAI"}, {"GPT-4o (2024-08-06)", "OpenAI"}, true},
    // a mode does not make a short name long: "Kimi K2 Thinking" extends "Kimi K2"
    {{"MoonshotAI: Kimi K2 0905 (exacto)", "Moonshot AI"}, {"MoonshotAI: Kimi K2 Thinking", "Moonshot AI"}, false},
};

MatchInput rec(std::string name, std::string vendor = "", std::string kind = "", std::string description = "",
               std::string source_url = "", std::string price = "") {
  MatchInput m;
  m.name = std::move(name);
  m.vendor = std::move(vendor);
  m.kind = std::move(kind);
  m.description = std::move(description);
  m.source_url = std::move(source_url);
  m.price = std::move(price);
  return m;
}

const char* kMeetingNotes =
    "Record meetings on Zoom, Google Meet and Teams, then get searchable transcripts, summaries "
    "and action items in seconds.";
const char* kSlides =
    "Turn a prompt into a polished slide deck with layouts, images and charts chosen for you.";

bool shares_key(const Analysed& a, const Analysed& b) {
  for (const auto& k : block_keys(a))
    for (const auto& l : block_keys(b))
      if (k == l) return true;
  return false;
}

// Checks the contract over every pair of a labelled file; IDF from the file, as eval-dedupe.
void check_contract(const std::filesystem::path& file) {
  std::ifstream in(file);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " << file);
  auto data = read_magellan(in, file.string());
  BOOST_REQUIRE(data.errors.empty());
  auto attr = [](const std::map<std::string, std::string>& r, const char* k) {
    auto it = r.find(k);
    return it == r.end() ? std::string() : it->second;
  };
  TokenStats stats;
  std::set<std::string> seen;
  for (const auto& p : data.pairs)
    for (const auto* r : {&p.left, &p.right})
      if (auto t = attr(*r, "title"); seen.insert(t).second) stats.add(t);
  int same = 0, broken = 0;
  for (const auto& p : data.pairs) {
    const Analysed a = analyse(rec(attr(p.left, "title"), attr(p.left, "manufacturer"), "", "", "", attr(p.left, "price")), &stats);
    const Analysed b = analyse(rec(attr(p.right, "title"), attr(p.right, "manufacturer"), "", "", "", attr(p.right, "price")), &stats);
    const Decision ab = compare(a, b), ba = compare(b, a);
    const bool ok = ab.same == ba.same && ab.hard == ba.hard && ab.reason == ba.reason &&
                    (!ab.same || shares_key(a, b)) && block_keys(a).size() <= kMaxBlockKeys &&
                    block_keys(b).size() <= kMaxBlockKeys && !(ab.same && ab.hard);
    if (!ok && ++broken <= 5) BOOST_ERROR(file.filename().string() << ":" << p.line << ": contract broken: " << ab.reason);
    same += ab.same;
  }
  BOOST_TEST(broken == 0);
  BOOST_TEST_MESSAGE(file.filename().string() << ": " << data.pairs.size() << " pairs, " << same << " same, contract holds");
}

std::filesystem::path corpus_dir() {
  if (const char* env = std::getenv("TV_CORPUS"); env && *env) return env;
  return std::filesystem::path(TV_SOURCE_DIR) / ".." / "shared" / "corpus";
}
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
  BOOST_TEST(match({"Gamma", ""}, {"Gamma.ai", ""}).reason == "names differ by 'AI'");
}

// Hard "apart" decisions are the ones clustering must hold through a third record.
BOOST_AUTO_TEST_CASE(hard_apart_for_siblings_vendors_revisions_and_versions) {
  BOOST_TEST(match({"Llama 3.2 1B", "Meta"}, {"Llama 3.2 3B", "Meta"}).hard);
  BOOST_TEST(match({"Gemini", "Google"}, {"Gemini", "Gemini Labs Ltd"}).hard);
  BOOST_TEST(match({"Mistral 7B Instruct v0.2", ""}, {"Mistral 7B Instruct v0.3", ""}).hard);
  const Decision v = match(rec("adobe acrobat 8 professional"), rec("adobe acrobat 7.0 professional"));
  BOOST_TEST(!v.same);
  BOOST_TEST(v.hard);
  BOOST_TEST(v.reason == "version numbers differ");
  BOOST_TEST(!match({"SmolLM3", ""}, {"SmolVLM2", ""}).hard);  // merely different names
}

// A re-upload joins across vendors only when it is quantised and its vendor a re-uploader: the
// same org's plain copy, or a quantised copy by an org not in the table, keeps its vendor.
BOOST_AUTO_TEST_CASE(re_uploads_join_across_vendors_only_when_quantised_by_a_re_uploader) {
  const Decision d = match({"TheBloke/Mistral-7B-Instruct-v0.2-GGUF", "TheBloke"}, {"Mistral-7B-Instruct-v0.2", "Mistral AI"});
  BOOST_TEST(d.same);
  BOOST_TEST(d.reason == "re-upload of the same model");
  const Decision plain = match({"unsloth/Llama-3.2-1B-Instruct", "unsloth"}, {"meta-llama/Llama-3.2-1B-Instruct", "Meta"});
  BOOST_TEST(!plain.same);
  BOOST_TEST(plain.hard);
  BOOST_TEST(!match({"Mistral-7B-Instruct-v0.2-GGUF", "Some Lab"}, {"Mistral-7B-Instruct-v0.2", "Mistral AI"}).same);
  // Case and punctuation of the org do not matter.
  BOOST_TEST(is_reuploader("LM Studio Community"));
  BOOST_TEST(is_reuploader("lmstudio-community"));
  BOOST_TEST(is_reuploader("QUANTFACTORY"));
  BOOST_TEST(!is_reuploader("Mistral AI"));
  BOOST_TEST(!is_reuploader(""));
  // Siblings and revisions stay hard-apart through a re-upload.
  BOOST_TEST(match({"bartowski/gemma-2-2b-it-GGUF", "bartowski"}, {"Gemma 2 9B", "Google"}).hard);
  BOOST_TEST(match({"Mistral-7B-Instruct-v0.1-GGUF", "TheBloke"}, {"Mistral-7B-Instruct-v0.2", "Mistral AI"}).hard);
}

BOOST_AUTO_TEST_CASE(bracket_modes_and_acronyms_say_why_and_share_a_block) {
  const Decision d = match({"Claude 3.7 Sonnet (thinking)", "Anthropic"}, {"Claude 3.7 Sonnet", "Anthropic"});
  BOOST_TEST(d.reason == "same name, mode or acronym in brackets set aside");
  BOOST_TEST(shares_key(analyse({"Stable Diffusion XL (SDXL)", ""}), analyse({"SDXL", ""})));
  BOOST_TEST(shares_key(analyse({"Claude 3.7 Sonnet (thinking)", ""}), analyse({"Claude 3.7 Sonnet (extended)", ""})));
}

BOOST_AUTO_TEST_CASE(a_vendor_written_as_its_domain_is_the_same_vendor) {
  BOOST_TEST(!match({"Vidyo", "Vidyo.ai"}, {"Vidyo", "Vidyo"}).hard);
  BOOST_TEST(match({"Vidyo", "Vidyo.ai"}, {"Vidyo", "Vidyo"}).same);
  BOOST_TEST(match({"Gemini", "Google"}, {"Gemini", "Gemini.io"}).hard);  // still another company
}

BOOST_AUTO_TEST_CASE(same_homepage_host_alone_never_merges_differently_named_tools) {
  // Same host, even the same wording: a bare host is no evidence.
  BOOST_TEST(!match(rec("Synthesys Studio", "", "", kMeetingNotes, "https://synthesys.io/"),
                    rec("Synthesys X", "", "", kMeetingNotes, "https://synthesys.io"))
                  .same);
  // Same host, other pages, other descriptions.
  BOOST_TEST(!match(rec("Synthesys Studio", "", "", kMeetingNotes, "https://synthesys.io/studio"),
                    rec("Synthesys X", "", "", kSlides, "https://synthesys.io/x"))
                  .same);
  // The same page alone (a vendor page listing two models) is not enough either.
  BOOST_TEST(!match(rec("SmolLM3", "", "", kMeetingNotes, "https://huggingface.co/blog/smol"),
                    rec("SmolVLM2", "", "", kSlides, "https://huggingface.co/blog/smol"))
                  .same);
}

BOOST_AUTO_TEST_CASE(same_page_and_same_description_join_a_renamed_tool) {
  const Decision d = match(rec("Otter", "", "", kMeetingNotes, "https://otter.ai/meetings?utm_source=x"),
                           rec("OtterPilot", "", "", kMeetingNotes, "https://www.otter.ai/meetings/"));
  BOOST_TEST(d.same);
  BOOST_TEST(d.reason == "same page and description");
  // The description sketch also confirms a trailing "AI" without a vendor.
  BOOST_TEST(match(rec("Gamma", "", "", kSlides), rec("Gamma.ai", "", "", kSlides)).same);
  BOOST_TEST(!match(rec("Gamma", "", "", kSlides), rec("Gamma.ai", "", "", kMeetingNotes)).same);
}

BOOST_AUTO_TEST_CASE(different_kinds_keep_one_name_apart) {
  const Decision d = match(rec("Whisper", "", "automatic-speech-recognition"), rec("Whisper", "", "text-generation"));
  BOOST_TEST(!d.same);
  BOOST_TEST(d.reason == "kinds differ");
  // Kinds of one family, or an unknown kind, never decide.
  BOOST_TEST(match(rec("SmolVLM2", "", "image-text-to-text"), rec("SmolVLM2-2B", "", "text-generation")).same);
  BOOST_TEST(match(rec("SmolVLM2", "", "app"), rec("SmolVLM2-2B", "", "image")).same);
}

BOOST_AUTO_TEST_CASE(product_titles_match_by_words_not_by_key) {
  BOOST_TEST(match(rec("adobe photoshop cs3 upgrade [ mac ]", "adobe"), rec("adobe photoshop cs3 for mac upgrade")).same);
  BOOST_TEST(match(rec("microsoft word 2007 version upgrade", "microsoft"), rec("microsoft word 2007 upgrade ( pc )")).same);
  // other language, upgrade against full product, other platform
  BOOST_TEST(!match(rec("instant immersion french deluxe 2.0"), rec("instant immersion spanish deluxe 2.0")).same);
  BOOST_TEST(!match(rec("adobe premiere pro cs3"), rec("adobe premiere pro cs3 upgrade")).same);
  BOOST_TEST(!match(rec("quickbooks pro 2007 for mac"), rec("quickbooks pro 2007 for windows")).same);
}

// The maker's name written into one title only is no unmatched word.
BOOST_AUTO_TEST_CASE(vendor_words_are_set_aside_in_title_similarity) {
  const TitleProfile shop = profile_title("cyberlink power director 3", "", nullptr, 0);
  const TitleProfile with = profile_title("power director 3 ultra", "", nullptr, 0, "cyberlink");
  const TitleProfile without = profile_title("power director 3 ultra", "", nullptr, 0);
  BOOST_TEST(title_features(shop, with).substitution == 0.0);
  BOOST_TEST(title_features(shop, without).substitution > 0.0);
  BOOST_TEST(title_features(shop, with).substitution == title_features(with, shop).substitution);
}

BOOST_AUTO_TEST_CASE(block_keys_stay_few_and_skip_common_words) {
  const Analysed a = analyse(rec("the print shop 22 deluxe software for windows and mac complete package user edition"));
  const auto keys = block_keys(a);
  BOOST_TEST(keys.size() <= kMaxBlockKeys);
  for (const auto& k : keys) {
    BOOST_TEST(k != "t:software");
    BOOST_TEST(k != "t:windows");
  }
  BOOST_TEST(block_keys(analyse(rec(""))).empty());
}

BOOST_AUTO_TEST_CASE(contract_holds_over_the_gold_set) {
  check_contract(std::filesystem::path(TV_SOURCE_DIR) / "tests" / "dedupe" / "gold.txt");
}

BOOST_AUTO_TEST_CASE(contract_holds_over_amazon_google) {
  const auto dir = corpus_dir() / "entity-matching-er-magellan" / "Amazon-Google";
  if (!std::filesystem::is_directory(dir)) {
    BOOST_TEST_MESSAGE("skipped: corpus folder " << dir.string() << " is absent");
    return;
  }
  for (const char* split : {"train.txt", "valid.txt"})
    if (std::filesystem::exists(dir / split)) check_contract(dir / split);
}

// The gold set's F1 may only go up. Measured with `pipeline eval-dedupe tests/dedupe/gold.txt`:
// first name-only matcher 0.933; vendor prefix set aside and "+" kept 0.942; with "open-",
// "FP8-Dynamic", "v1" = "1.0", revisions kept apart and the trailing-"AI" rule: precision
// 0.960, recall 0.992, F1 0.976 (the five remaining errors are listed in tests/dedupe/README.md).
// Issue 15 (46 pairs added, 313 in all): F1 0.977, the first 267 pairs unchanged at 0.976.
BOOST_AUTO_TEST_CASE(gold_set_f1_does_not_regress) {
  std::ifstream in(std::string(TV_SOURCE_DIR) + "/tests/dedupe/gold.txt");
  auto data = read_magellan(in, "gold.txt");
  BOOST_REQUIRE(data.errors.empty());
  auto c = evaluate(data.pairs);
  BOOST_TEST_MESSAGE("gold F1 " << c.f1() << " precision " << c.precision() << " recall " << c.recall());
  BOOST_TEST(c.f1() >= 0.97);
}

// Amazon-Google valid: a floor, not a target (tuned on train only; docs/catalogue.md).
BOOST_AUTO_TEST_CASE(amazon_google_valid_f1_does_not_regress) {
  const auto file = corpus_dir() / "entity-matching-er-magellan" / "Amazon-Google" / "valid.txt";
  if (!std::filesystem::exists(file)) {
    BOOST_TEST_MESSAGE("skipped: " << file.string() << " is absent");
    return;
  }
  std::ifstream in(file);
  auto data = read_magellan(in, file.string());
  auto c = evaluate(data.pairs);
  BOOST_TEST_MESSAGE("Amazon-Google valid F1 " << c.f1());
  BOOST_TEST(c.f1() >= 0.60);
}

BOOST_AUTO_TEST_SUITE_END()
