// names: a tool name -> family, matching key, sizes, qualifiers, quantised (dedupe input).
// Cases marked "Epoch AI" are model names from Epoch AI's notable-models data
// (https://epoch.ai/data, CC BY 4.0; data: Epoch AI (epoch.ai)). Other catalogue-style cases
// paraphrase naming patterns (org prefixes, "Vendor: Model", quant suffixes, date codes) with
// a handful of real names.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <chrono>
#include <ctime>
#include <ostream>
#include <string>
#include <vector>

#include "stages/dedupe/names.hpp"

namespace bdata = boost::unit_test::data;
using tv::dedupe::analyse_name;
using tv::dedupe::NameKey;

namespace {

std::string render_sizes(const NameKey& k) {
  std::string out;
  for (const auto& s : k.sizes) {
    if (!out.empty()) out.push_back(' ');
    out += s.label;
  }
  return out;
}
std::string render_qualifiers(const NameKey& k) {
  std::string out;
  for (const auto& q : k.qualifiers) {
    if (!out.empty()) out.push_back('|');
    out += q;
  }
  return out;
}

struct Case {
  std::string name;
  std::string family;
  std::string key;
  std::string sizes;       // labels, space-separated
  std::string qualifiers;  // '|'-separated
  bool quantised;
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << "[" << c.name << "]"; }

struct Pair {
  std::string a;
  std::string b;
};
std::ostream& operator<<(std::ostream& os, const Pair& p) {
  return os << "[" << p.a << "] / [" << p.b << "]";
}

const Case kCases[] = {
    // the seeds
    {"SmolVLM2", "SmolVLM2", "smolvlm2", "", "", false},
    {"SmolVLM2-2B", "SmolVLM2", "smolvlm2", "2B", "", false},
    {"SmolVLM2-2.2B-Instruct", "SmolVLM2", "smolvlm2", "2.2B", "instruct", false},
    {"HuggingFaceTB/SmolVLM2-2.2B-Instruct", "SmolVLM2", "smolvlm2", "2.2B", "instruct", false},
    {"Code Llama 4", "Code Llama 4", "codellama4", "", "", false},
    {"Code Llama 4 (70B & 400B)", "Code Llama 4", "codellama4", "70B 400B", "", false},
    {"CodeLlama-4-70B-Instruct", "CodeLlama-4", "codellama4", "70B", "instruct", false},
    {"GPT-4o (May 2024)", "GPT-4o", "gpt4o", "", "may 2024", false},
    {"GPT-4o", "GPT-4o", "gpt4o", "", "", false},
    {"gpt-4o-2024-05-13", "gpt-4o", "gpt4o", "", "2024-05-13", false},
    {"tl;dv", "tl;dv", "tldv", "", "", false},
    {"tldv", "tldv", "tldv", "", "", false},
    {"Novel AI", "Novel AI", "novelai", "", "", false},
    {"NovelAI", "NovelAI", "novelai", "", "", false},
    {"Llama 4 Compact (12B)", "Llama 4 Compact", "llama4compact", "12B", "", false},
    {"SmolVLM-3B", "SmolVLM", "smolvlm", "3B", "", false},
    {"SmolLM3", "SmolLM3", "smollm3", "", "", false},
    {"Synthesys Studio", "Synthesys Studio", "synthesysstudio", "", "", false},
    {"Synthesys X", "Synthesys X", "synthesysx", "", "", false},
    {"ChatGPT", "ChatGPT", "chatgpt", "", "", false},
    {"ChatGPT Writer", "ChatGPT Writer", "chatgptwriter", "", "", false},
    // quantised re-uploads and checkpoint revisions: "v0.x" is a revision of the same
    // product (stripped, kept as a qualifier); "V1" and up names a generation and stays
    {"Mistral-7B-Instruct-v0.2-GGUF", "Mistral", "mistral", "7B", "instruct|v0.2|gguf", true},
    {"Mistral-7B-Instruct-v0.2", "Mistral", "mistral", "7B", "instruct|v0.2", false},
    {"mistralai/Mistral-7B-v0.1", "Mistral", "mistral", "7B", "v0.1", false},
    {"Mistral-7B-Instruct-v0.2.Q4_K_M.gguf", "Mistral", "mistral", "7B",
     "instruct|v0.2|q4_k_m|gguf", true},
    {"Llama-3.2-1B-Instruct-4bit", "Llama-3.2", "llama32", "1B", "instruct|4bit", true},
    {"Meta-Llama-3.1-8B-Instruct-bnb-4bit", "Meta-Llama-3.1", "metallama31", "8B",
     "instruct|bnb|4bit", true},
    {"unsloth/Llama-3.2-3B-Instruct-unsloth-bnb-4bit", "Llama-3.2", "llama32", "3B",
     "instruct|unsloth|bnb|4bit", true},
    {"Llama-3.1-70B-FP8", "Llama-3.1", "llama31", "70B", "fp8", true},
    {"Qwen2.5-Coder-32B-Instruct-AWQ", "Qwen2.5-Coder", "qwen25coder", "32B", "instruct|awq", true},
    {"Qwen2.5-7B-Instruct-GPTQ-Int4", "Qwen2.5", "qwen25", "7B", "instruct|gptq|int4", true},
    {"bartowski/gemma-2-2b-it-GGUF", "gemma-2", "gemma2", "2B", "it|gguf", true},
    {"Distill-14B-MLX-4Bit", "Distill", "distill", "14B", "mlx|4bit", true},
    {"Phi-3-mini-4k-instruct-8-bit", "Phi-3-mini", "phi3mini", "", "4k|instruct|8bit", true},
    {"TinyModel-1B-IQ3_XXS", "TinyModel", "tinymodel", "1B", "iq3_xxs", true},
    {"Tiny-Vicuna-1B-GGUF", "Tiny-Vicuna", "tinyvicuna", "1B", "gguf", true},
    {"FLUX.1-dev-gguf", "FLUX.1-dev", "flux1dev", "", "gguf", true},
    {"Model-8B-W4A16", "Model", "model", "8B", "w4a16", true},
    {"Model-8B-EXL2", "Model", "model", "8B", "exl2", true},
    // date codes and snapshots
    {"gpt-3.5-turbo-0613", "gpt-3.5-turbo", "gpt35turbo", "", "0613", false},
    {"gpt-3.5-turbo-16k", "gpt-3.5-turbo", "gpt35turbo", "", "16k", false},
    {"OpenAI: GPT-3.5 Turbo (older v0613)", "GPT-3.5 Turbo", "gpt35turbo", "", "older|v0613",
     false},
    {"OpenAI: GPT-4o (2024-08-06)", "GPT-4o", "gpt4o", "", "2024-08-06", false},
    {"claude-3-opus-20240229", "claude-3-opus", "claude3opus", "", "20240229", false},
    {"Mistral Large 2411", "Mistral Large", "mistrallarge", "", "2411", false},
    {"MaziyarPanahi/Mistral-Large-Instruct-2411-GGUF", "Mistral-Large", "mistrallarge", "",
     "instruct|2411|gguf", true},
    {"DeepSeek-R1-0528", "DeepSeek-R1", "deepseekr1", "", "0528", false},
    {"Qwen: Qwen3 30B A3B Thinking 2507", "Qwen3 Thinking", "qwen3thinking", "30B", "2507", false},
    {"Meta: Llama 3.2 3B Instruct (free)", "Llama 3.2", "llama32", "3B", "instruct|free", false},
    {"Google: Gemma 3 4B (free)", "Gemma 3", "gemma3", "4B", "free", false},
    {"meta-llama/llama-3.2-3b-instruct:free", "llama-3.2", "llama32", "3B", "instruct|free", false},
    {"chatgpt-4o-latest", "chatgpt-4o", "chatgpt4o", "", "latest", false},
    {"gemini-2.0-flash-exp", "gemini-2.0-flash", "gemini2flash", "", "exp", false},
    {"GPT-4o (May 13, 2024)", "GPT-4o", "gpt4o", "", "may 13 2024", false},
    {"Tool 2024-05", "Tool", "tool", "", "2024-05", false},
    // Epoch AI
    {"GPT-4 Turbo (Apr 2024)", "GPT-4 Turbo", "gpt4turbo", "", "apr 2024", false},
    {"DeepSeek-R1 (May 2025)", "DeepSeek-R1", "deepseekr1", "", "may 2025", false},
    {"Qwen3-235B-A22B-Instruct (Jul 2025)", "Qwen3", "qwen3", "235B", "instruct|jul 2025", false},
    {"Qwen2.5 Instruct (72B)", "Qwen2.5", "qwen25", "72B", "instruct", false},
    {"Llama 4 Behemoth (preview)", "Llama 4 Behemoth", "llama4behemoth", "", "preview", false},
    {"DeepSeek-Coder-V2 236B", "DeepSeek-Coder-V2", "deepseekcoder2", "236B", "", false},
    {"Llama 3.1-405B", "Llama 3.1", "llama31", "405B", "", false},
    {"Claude 3.7 Sonnet", "Claude 3.7 Sonnet", "claude37sonnet", "", "", false},
    // unknown bracket groups stay in the family (Epoch AI)
    {"Gemini 2.5 Flash Image (Nano Banana)", "Gemini 2.5 Flash Image (Nano Banana)",
     "gemini25flashimagenanobanana", "", "", false},
    {"Transformer (Adaptive Input Embeddings) WT103",
     "Transformer (Adaptive Input Embeddings) WT103",
     "transformeradaptiveinputembeddingswt103", "", "", false},
    {"Google: Nano Banana Pro (Gemini 3 Pro Image Preview)", "Nano Banana Pro (Gemini 3 Pro Image)",
     "nanobananaprogemini3proimage", "", "preview", false},
    {"Foo (Bar) Instruct", "Foo (Bar)", "foobar", "", "instruct", false},
    {"Qwen Plus 0728 (thinking)", "Qwen Plus 0728 (thinking)", "qwenplus0728thinking", "", "",
     false},
    // qualifier words stay when they are not at the end, or when they are the whole name
    {"Instruct", "Instruct", "instruct", "", "", false},
    {"GGUF", "GGUF", "gguf", "", "", false},
    {"Chat Writer", "Chat Writer", "chatwriter", "", "", false},
    {"InstructGPT 6B", "InstructGPT", "instructgpt", "6B", "", false},
    {"MLX LM", "MLX LM", "mlxlm", "", "", false},
    // "base" is a size tier without a size ("bert-base"), a checkpoint with one
    {"google-bert/bert-base-uncased", "bert-base-uncased", "bertbaseuncased", "", "", false},
    {"google/byt5-base", "byt5-base", "byt5base", "", "", false},
    {"Qwen/Qwen2.5-7B-Base", "Qwen2.5", "qwen25", "7B", "base", false},
    // "it" only after a size or a number
    {"Pin It", "Pin It", "pinit", "", "", false},
    {"gemma-3-it", "gemma-3", "gemma3", "", "it", false},
    // generations stay
    {"DeepSeek-V3.1", "DeepSeek-V3.1", "deepseek31", "", "", false},
    {"NVIDIA: Nemotron Nano 9B V2", "Nemotron Nano V2", "nemotronnano2", "9B", "", false},
    {"RunDiffusion/Juggernaut-XL-v9", "Juggernaut-XL-v9", "juggernautxl9", "", "", false},
    // prefixes: "Vendor: Model" only with a digit or a repeated vendor; spaced slashes stay
    {"Qwen: Qwen VL Max", "Qwen VL Max", "qwenvlmax", "", "", false},
    {"Jasper: AI Copywriter", "Jasper: AI Copywriter", "jasperaicopywriter", "", "", false},
    {"Z.ai: GLM 4.7 Flash", "GLM 4.7 Flash", "glm47flash", "", "", false},
    {"Input / Output", "Input / Output", "inputoutput", "", "", false},
    // separators and odd input
    {"all_miniLM_L6_v2", "all-miniLM-L6-v2", "allminilml62", "", "", false},
    {"  SmolVLM2 - 2B  ", "SmolVLM2", "smolvlm2", "2B", "", false},
    {"Z.ai", "Z.ai", "zai", "", "", false},
    {"通义千问 2.5", "通义千问 2.5", "通义千问25", "", "", false},
    {"Ünïcode Tool", "Ünïcode Tool", "ünïcodetool", "", "", false},
    {"", "", "", "", "", false},
    {"7B", "7B", "7b", "", "", false},
    {"()", "", "", "", "", false},
    // a version read one way however it is written
    {"amazon/nova-pro-v1", "nova-pro-v1", "novapro1", "", "", false},
    {"Nova Pro 1.0", "Nova Pro 1.0", "novapro1", "", "", false},
    // Mistral's "open-" API prefix; a quantisation's "Dynamic" variant; month-year dates
    {"open-mixtral-8x22b", "mixtral", "mixtral", "8x22B", "", false},
    {"Open-Sora", "Open-Sora", "opensora", "", "", false},
    {"Mistral-Small-24B-Instruct-2501-FP8-Dynamic", "Mistral-Small", "mistralsmall", "24B",
     "instruct|2501|fp8-dynamic", true},
    {"Command R (08-2024)", "Command R", "commandr", "", "08-2024", false},
};

const Pair kSame[] = {
    {"SmolVLM2", "SmolVLM2-2B"},
    {"SmolVLM2", "SmolVLM2-2.2B-Instruct"},
    {"SmolVLM2", "HuggingFaceTB/SmolVLM2-2.2B-Instruct"},
    {"Code Llama 4", "Code Llama 4 (70B & 400B)"},
    {"Code Llama 4", "CodeLlama-4-70B-Instruct"},
    {"GPT-4o (May 2024)", "GPT-4o"},
    {"GPT-4o", "gpt-4o-2024-05-13"},
    {"GPT-4o (Nov 2024)", "OpenAI: GPT-4o (2024-11-20)"},  // Epoch AI / catalogue style
    {"tl;dv", "tldv"},
    {"tl;dv", "TL;DV"},
    {"Novel AI", "NovelAI"},
    {"Mistral-7B-Instruct-v0.2-GGUF", "Mistral-7B-Instruct-v0.2"},
    {"Mistral-7B-Instruct-v0.2", "Mistral-7B-Instruct-v0.3"},
    {"Mistral-7B-Instruct-v0.2", "Mistral 7B"},
    {"Llama-3.2-1B-Instruct-4bit", "Llama 3.2"},
    {"Llama 3.2 1B", "Llama 3.2 3B"},  // size siblings: same family, sizes differ
    {"Mixtral 8x7B", "Mixtral 8x22B"},
    {"Mixtral-8x7B-Instruct-v0.1", "Mixtral 8x7B"},
    {"Meta: Llama 3.1 8B Instruct", "meta-llama/Llama-3.1-8B-Instruct"},
    {"Llama 2-70B", "Llama-2-7b-chat-hf"},  // Epoch AI
    {"Qwen2.5-72B", "Qwen2.5 Instruct (72B)"},  // Epoch AI
    {"GPT-4 Turbo (Nov 2023)", "gpt-4-turbo-2024-04-09"},
    {"GPT-3.5 Turbo", "gpt-3.5-turbo-1106"},
    {"Falcon-180B", "Falcon 40B"},  // Epoch AI
    {"Gemma 2 9B", "gemma-2-9b-it-GGUF"},
    {"Kimi K2 0905", "Kimi K2"},
    {"Mixtral 8x7B", "open-mixtral-8x7b"},
    {"amazon/nova-pro-v1", "Nova Pro 1.0"},
    {"Gemini 2.0 Flash", "gemini-2.0-flash-exp"},
    {"Easy-Peasy.AI", "Easy Peasy AI"},
};

const Pair kApart[] = {
    {"SmolVLM-3B", "SmolVLM2"},
    {"Command R+", "Command R"},  // "+" folds to "plus", not to nothing
    {"SmolLM3", "SmolVLM2"},
    {"Llama 4 Compact (12B)", "Code Llama 4"},
    {"Llama 4 Compact", "Llama 4"},
    {"Synthesys Studio", "Synthesys X"},
    {"ChatGPT", "ChatGPT Writer"},
    {"Llama 3.2", "Llama 3.1"},
    {"Llama-3.2-1B-Instruct-4bit", "Llama-3.1-8B-Instruct-4bit"},
    {"DeepSeek-V3.1", "DeepSeek-V3"},
    {"DeepSeek-V3", "DeepSeek-V2.5"},  // Epoch AI
    {"GPT-4o", "GPT-4o mini"},  // Epoch AI
    {"GPT-4o", "GPT-4"},
    {"GPT-4", "GPT-4 Turbo (Apr 2024)"},  // Epoch AI
    {"Claude 2", "Claude 2.1"},  // Epoch AI
    {"Claude 3 Opus", "Claude Opus 4"},  // Epoch AI
    {"Grok 4", "Grok 4 Heavy"},  // Epoch AI
    {"Qwen3-235B-A22B-Thinking (Jul 2025)", "Qwen3-235B-A22B-Instruct (Jul 2025)"},  // Epoch AI
    {"Qwen2.5-Coder-32B-Instruct", "Qwen2.5-32B-Instruct"},
    {"Gemma 2", "Gemma 3"},
    {"Phi-3-mini-4k-instruct", "Phi-3-medium-4k-instruct"},
    {"byt5-base", "byt5-large"},
    {"Juggernaut-XL-v9", "Juggernaut-XL-v8"},
    {"Mistral Large 2", "Mistral Large"},  // Epoch AI
    {"Llama 3.3 70B", "Llama 3.2 11B"},  // Epoch AI
    {"Stable Diffusion 3.5", "Stable Diffusion XL"},
    {"Code Llama 4", "CodeGemma"},
    {"Perplexity AI", "Perplexity"},  // the stem joins them only with other evidence (matcher)
    {"Gamma", "Gamma.ai"},
    {"Open-Sora", "Sora"},
};

// Rules 9-10: a trailing mode or acronym in brackets is set aside for base_key; the acronym is
// the alias. Names from OpenRouter's catalogue (modes), Epoch AI (acronyms) and the AI-tool
// directory (bracketed vendors and platforms, which are neither).
struct Bracket {
  std::string name;
  std::string base_key;
  std::string alias;
};
std::ostream& operator<<(std::ostream& os, const Bracket& b) { return os << "[" << b.name << "]"; }

const Bracket kBrackets[] = {
    // modes and editions of one tool
    {"Claude 3.7 Sonnet (thinking)", "claude37sonnet", ""},
    {"anthropic/claude-3.7-sonnet:thinking", "claude37sonnet", ""},
    {"Qwen Plus 0728 (thinking)", "qwenplus", ""},  // the rest is analysed again: "0728" goes
    {"OpenAI: GPT-4o (extended)", "gpt4o", ""},
    {"Z.ai: GLM 4.6 (exacto)", "glm46", ""},
    {"Claude 3 Opus (self-moderated)", "claude3opus", ""},
    {"Qwen3 Coder 480B A35B (exacto)", "qwen3coder", ""},
    // acronyms that spell the words before them (Epoch AI)
    {"Stable Diffusion XL (SDXL)", "stablediffusionxl", "sdxl"},
    {"Stable Video 3D (SV3D)", "stablevideo3d", "sv3d"},
    {"Intelligent Go-Explore (IGE)", "intelligentgoexplore", "ige"},
    {"Multitask Unified Model (MUM)", "multitaskunifiedmodel", "mum"},
    {"Semantic Kernel (SK)", "semantickernel", ""},  // two letters: set aside, no alias
    // neither: a mode word outside brackets names a checkpoint; other bracket groups say by
    // whom, where or which variant
    {"Qwen3 VL 8B Thinking", "", ""},
    {"Kimi K2 Thinking", "", ""},
    {"Magician (Figma)", "", ""},
    {"GET3D (Nvidia)", "", ""},
    {"Creative Reality Studio (D-ID)", "", ""},
    {"Gemini 2.5 Flash Image (Nano Banana)", "", ""},
    {"Dropout (ImageNet)", "", ""},
    {"Code Llama 4 (70B & 400B)", "", ""},
    {"meta-llama/llama-3.2-3b-instruct:free", "", ""},
    {"Jasper: AI Copywriter", "", ""},
    {"(SDXL)", "", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(names)

BOOST_DATA_TEST_CASE(a_trailing_mode_or_acronym_is_set_aside, bdata::make(kBrackets), c) {
  const NameKey k = analyse_name(c.name);
  BOOST_TEST(k.base_key == c.base_key);
  BOOST_TEST(k.alias == c.alias);
}

BOOST_AUTO_TEST_CASE(a_bracket_mode_keeps_family_and_key) {
  // The page's name stays what the page says; only base_key reads it without the mode.
  const NameKey k = analyse_name("Claude 3.7 Sonnet (thinking)");
  BOOST_TEST(k.family == "Claude 3.7 Sonnet (thinking)");
  BOOST_TEST(k.key == "claude37sonnetthinking");
  BOOST_TEST(k.qualifiers.empty());
  BOOST_TEST(analyse_name("Stable Diffusion XL (SDXL)").key == "stablediffusionxlsdxl");
}

BOOST_AUTO_TEST_CASE(stem_sets_a_dotted_domain_suffix_aside) {
  BOOST_TEST(analyse_name("Rasa.io").stem == "rasa");
  BOOST_TEST(analyse_name("SheetAI.app").stem == "sheetai");
  BOOST_TEST(analyse_name("Reemix.co").stem == "reemix");
  BOOST_TEST(analyse_name("Vidyo.ai").stem == "vidyo");
  BOOST_TEST(analyse_name("Rasa.io").key == "rasaio");  // a stem is not the key
  BOOST_TEST(analyse_name("Rasa io").stem == "");       // only written as a domain
  BOOST_TEST(analyse_name("FLUX.1-dev").stem == "");
  BOOST_TEST(analyse_name("M1-Project.com").stem == "m1project");
}

BOOST_AUTO_TEST_CASE(suffix_stem_reads_vendors_too) {
  BOOST_TEST(tv::dedupe::suffix_stem("Vidyo.ai") == "vidyo");
  BOOST_TEST(tv::dedupe::suffix_stem("Mistral AI") == "mistral");
  BOOST_TEST(tv::dedupe::suffix_stem("Wonderchat.io") == "wonderchat");
  BOOST_TEST(tv::dedupe::suffix_stem("Meta") == "");
  BOOST_TEST(tv::dedupe::suffix_stem("Z.ai") == "");  // too short a stem
}

BOOST_DATA_TEST_CASE(analyse_name_splits_family_sizes_and_qualifiers, bdata::make(kCases), c) {
  const NameKey k = analyse_name(c.name);
  BOOST_TEST(k.family == c.family);
  BOOST_TEST(k.key == c.key);
  BOOST_TEST(render_sizes(k) == c.sizes);
  BOOST_TEST(render_qualifiers(k) == c.qualifiers);
  BOOST_TEST(k.quantised == c.quantised);
}

BOOST_DATA_TEST_CASE(names_of_one_tool_share_a_key, bdata::make(kSame), p) {
  BOOST_TEST(analyse_name(p.a).key == analyse_name(p.b).key);
}

BOOST_DATA_TEST_CASE(names_of_other_tools_keep_apart, bdata::make(kApart), p) {
  BOOST_TEST(analyse_name(p.a).key != analyse_name(p.b).key);
}

BOOST_AUTO_TEST_CASE(size_siblings_share_a_key_but_not_sizes) {
  const NameKey a = analyse_name("Llama 3.2 1B");
  const NameKey b = analyse_name("Llama 3.2 3B");
  BOOST_TEST(a.key == b.key);
  BOOST_TEST(render_sizes(a) == "1B");
  BOOST_TEST(render_sizes(b) == "3B");
  const NameKey m7 = analyse_name("Mixtral 8x7B");
  const NameKey m22 = analyse_name("Mixtral 8x22B");
  BOOST_TEST(m7.key == m22.key);
  BOOST_TEST(render_sizes(m7) == "8x7B");
  BOOST_TEST(render_sizes(m22) == "8x22B");
}

BOOST_AUTO_TEST_CASE(stem_sets_a_trailing_ai_aside) {
  BOOST_TEST(analyse_name("Perplexity AI").stem == "perplexity");
  BOOST_TEST(analyse_name("fireflies.ai").stem == "fireflies");
  BOOST_TEST(analyse_name("PhotoAI").stem == "photo");
  BOOST_TEST(analyse_name("Photo AI").stem == "photo");
  BOOST_TEST(analyse_name("Perplexity").stem == "");
  BOOST_TEST(analyse_name("Bonsai").stem == "");    // a word ending in "ai" is no suffix
  BOOST_TEST(analyse_name("Voice.ai").stem == "voice");
  BOOST_TEST(analyse_name("xAI").stem == "");       // too short a stem
}

BOOST_AUTO_TEST_CASE(revision_is_kept_aside_from_the_key) {
  const NameKey a = analyse_name("Mistral-7B-Instruct-v0.2-GGUF");
  const NameKey b = analyse_name("Mistral 7B Instruct v0.3");
  BOOST_TEST(a.key == b.key);
  BOOST_TEST(a.revision == "v0.2");
  BOOST_TEST(b.revision == "v0.3");
  BOOST_TEST(analyse_name("Mistral 7B").revision == "");
}

BOOST_AUTO_TEST_CASE(display_is_the_cleaned_name) {
  BOOST_TEST(analyse_name("  HuggingFaceTB/SmolVLM2-2.2B-Instruct ").display ==
             "HuggingFaceTB/SmolVLM2-2.2B-Instruct");
  BOOST_TEST(analyse_name("tl&#59;dv").display == "tl;dv");
  BOOST_TEST(analyse_name("tl&#59;dv").key == "tldv");
}

namespace {

// This thread's CPU seconds: a neighbour's load or a preemption does not count.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// Fastest of five runs of `times` calls of analyse_name(make(n)), in CPU seconds.
template <class Make>
double fastest(Make make, int n, int times) {
  const std::string s = make(n);
  double best = 1e9;
  for (int r = 0; r < 5; ++r) {
    const double t0 = thread_cpu_seconds();
    for (int k = 0; k < times; ++k) {
      volatile std::size_t sink = analyse_name(s).key.size();
      (void)sink;
    }
    best = std::min(best, thread_cpu_seconds() - t0);
  }
  return best;
}

}  // namespace

// Hostile names cost time in proportion to their length: one name 8 times as long costs about
// what 8 short ones cost, never the 8 times more a quadratic step would. A ratio of CPU times
// over the same amount of text (one long name against the short one 8 times), not a wall-clock
// limit, so it holds on a slow or loaded machine and under sanitizers.
BOOST_AUTO_TEST_CASE(hostile_input_stays_linear) {
  auto qualifiers = [](int n) {
    std::string s = "Model";
    for (int i = 0; i < n; ++i) s += "-Instruct-v0.2-Q4_K_M-2024-05-13-4-bit-(free)";
    return s;
  };
  auto brackets = [](int n) {
    std::string s = "Model";
    for (int i = 0; i < n; ++i) s += " (May 2024)";
    return s;
  };
  auto separators = [](int n) { return std::string(std::size_t(n) * 10, '-') + "x" + std::string(std::size_t(n) * 10, '-'); };
  BOOST_TEST(analyse_name(brackets(2000)).key == "model");
  BOOST_TEST(analyse_name(separators(2000)).key == "x");
  BOOST_TEST(!analyse_name(qualifiers(2000)).key.empty());
  for (auto* make : {+qualifiers, +brackets, +separators}) {
    const double small = fastest(make, 2500, 8), large = fastest(make, 20000, 1);
    BOOST_TEST_INFO("8 x 2,500 units: " << small << " s; 20,000 units: " << large << " s");
    BOOST_TEST(large < 3 * std::max(small, 1e-4));
  }
}

BOOST_AUTO_TEST_SUITE_END()
