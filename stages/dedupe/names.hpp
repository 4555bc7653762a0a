// Name analysis for dedupe: a tool's name -> the family a reader knows, a folded matching key,
// the parameter sizes written in the name, and the qualifiers stripped on the way. Takes any
// UTF-8 (cleaned with fields::clean_text first); never throws; linear in the name; no regex.
//
//   "HuggingFaceTB/SmolVLM2-2.2B-Instruct" -> family "SmolVLM2", key "smolvlm2", sizes [2.2B],
//                                             qualifiers ["instruct"]
//   "Code Llama 4 (70B & 400B)"            -> "Code Llama 4", "codellama4", [70B, 400B]
//   "gpt-4o-2024-05-13"                    -> "gpt-4o", "gpt4o", qualifiers ["2024-05-13"]
//   "Mistral-7B-Instruct-v0.2-GGUF"        -> "Mistral", "mistral", [7B],
//                                             ["instruct", "v0.2", "gguf"], quantised
//
// Rules, in order:
//  1. Org prefix: "org/name" (no space before the last '/') is dropped, and so is "Org: Name"
//     when the prefix has at most three words and the rest holds a digit or starts with the
//     prefix's first word ("OpenAI: GPT-4o", "Qwen: Qwen VL Max"; "Jasper: AI Copywriter"
//     stays whole, and so does "Arcee AI: Trinity Mini": a known gap). The org is not a
//     qualifier. Mistral's API prefix "open-" is dropped before its own family names
//     ("open-mixtral-8x7b" -> "mixtral-8x7b"; "Open-Sora" stays whole).
//  2. Sizes: fields::split_name_sizes lifts size tokens ("2.2B", "8x7B", "(70B & 400B)").
//  3. Trailing bracket groups whose every word is a qualifier are dropped: "(May 2024)",
//     "(free)", "(older v0613)", "(2024-05-13)". Any other bracket group stays in the family.
//  4. Trailing qualifier tokens are popped from the end, one after another, always leaving at
//     least one token:
//       - variants that are the same product: instruct, inst, chat, hf, preview, beta,
//         alpha, latest, exp, experimental, free, older; "it" only after a size or a token
//         with a digit ("gemma-2-9b-it", not "Pin It"); "base" only when the name also had a
//         size ("Qwen2.5-7B-Base"), since without one it is a size tier ("bert-base");
//       - dates and date codes: "2024-05-13", "20240513", "2024-05", "08-2024", "May 2024",
//         "May 13, 2024", a year 1990-2099, and 4-digit codes that read as MMDD or YYMM
//         ("-0613", "2411", "2507"), also written "v0613";
//       - context-length tags: "16k", "128K";
//       - quantisation and re-packaging (sets `quantised`): gguf, ggml, awq, gptq, exl2, exl3,
//         mlx, bnb, hqq, onnx, ct2, imatrix, i1, unsloth, quant(ised/ized), int4/int8,
//         fp4/fp8/fp16, bf16, nf4, w4a16-style, "4bit"/"4-bit", and llama.cpp types "Q4_K_M",
//         "IQ3_XS", "Q8_0"; "dynamic" after one of them ("FP8-Dynamic");
//       - pre-1.0 checkpoint revisions: "v0", "v0.1", "v0.2.1". A revision of 1 or more
//         ("DeepSeek-V3.1", "Nemotron Nano V2", "Juggernaut-XL-v9") names a generation and
//         stays, as do plain version numbers ("Llama 3.2" vs "Llama 3.1", "GPT-4o").
//     Qualifiers are only taken from the end: "ChatGPT" and "Chat Writer" keep their words.
//  5. family: what remains, in its own casing; separators normalised (a run of '-', '_' and
//     ' ' becomes one ' ' if it held a space, else one '-'; a run holding other punctuation
//     such as ':', '/', '&', '(' is kept as written, '_' shown as '-'). A name of separators
//     only ("()") has an empty family and key.
//  6. key: family folded to lower-case letters and digits; ASCII punctuation and spaces are
//     dropped ("tl;dv" -> "tldv", "Novel AI" -> "novelai", "CodeLlama-4" -> "codellama4"),
//     except '+', which reads "plus" ("Command R+" -> "commandrplus": another model).
//     Non-ASCII letters and digits are kept, lower-cased (so a CJK name never folds to "").
//     A version token is read one way however it is written: a leading "v" before a digit
//     and trailing ".0" groups are dropped ("nova-pro-v1" and "Nova Pro 1.0" -> "novapro1";
//     "DeepSeek-V3.1" -> "deepseek31"; "Gemini 2.0 Flash" -> "gemini2flash").
//  7. stem: the key without a trailing word "AI" ("Perplexity AI", "Fireflies.ai" ->
//     "perplexity", "fireflies"; a glued capital "AI" too: "PhotoAI" -> "photo"); "" when the
//     name has none or the stem would be shorter than 3. A stem is *not* the key: "Gamma" and
//     "Gamma.ai" are different products; the matcher decides when other evidence agrees.
//     A domain-style suffix written with its dot is set aside the same way: "Rasa.io",
//     "SheetAI.app", "Reemix.co" -> "rasa", "sheetai", "reemix" (kDomainSuffixes in names.cpp).
//  8. revision: the pre-1.0 revision popped in rule 4 ("v0.2"), "" when none; size-like,
//     it lets the matcher keep "v0.2" and "v0.3" apart while both join "Mistral 7B".
//  9. base_key: the key of the name with one trailing mode or alias set aside, after rules
//     2-4 ran again on what is left; "" when there is none. The family and key keep it (they
//     name what the page names); the matcher reads base_key as another key of the same tool.
//       - a mode or edition: a bracket group of mode words only ("(thinking)", "(extended)",
//         "(exacto)", "(self-moderated)", "(web app)"), or one mode word after a ':' at the
//         end ("claude-3.7-sonnet:thinking"): "Claude 3.7 Sonnet (thinking)" -> base_key
//         "claude37sonnet". The words are the table kModeWords in names.cpp. Outside brackets
//         a mode word is part of the name: "Qwen3 VL 8B Thinking" is its own checkpoint;
//       - an acronym alias: a bracket group of one word with two or more capitals that spells
//         the words before it by their leading letters ("Stable Diffusion XL (SDXL)",
//         "Semantic Kernel (SK)", "Stable Video 3D (SV3D)"). Other bracket groups are not
//         aliases: "(Figma)", "(Nvidia)", "(ImageNet)", "(Nano Banana)" say where, by whom or
//         which variant, and "Dropout (ImageNet)" / "Dropout (TIMIT)" are two models.
// 10. alias: that acronym folded ("sdxl"), when it is at least 3 long (a 2-letter acronym names
//     too many things to match on); "" otherwise.
//
// Qualifiers are lower-case, in the order they were written.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "stages/normalise/fields/size.hpp"

namespace tv::dedupe {

struct NameKey {
  std::string display;                   // the name cleaned for display (clean_text)
  std::string family;                    // "SmolVLM2", "Code Llama 4", "GPT-4o", "tl;dv"
  std::string key;                       // "smolvlm2", "codellama4", "gpt4o", "tldv"
  std::vector<fields::ParamSize> sizes;  // size tokens lifted out of the name
  std::vector<std::string> qualifiers;   // "instruct", "gguf", "4bit", "may 2024", ...
  bool quantised = false;                // a quantised / re-packaged upload
  std::string stem;                      // key without a trailing "AI" (rule 7), or ""
  std::string revision;                  // "v0.2" (rule 8), or ""
  std::string base_key;                  // key without a trailing mode or alias (rule 9), or ""
  std::string alias;                     // acronym given in brackets, folded (rule 10), or ""
  bool mode = false;                     // base_key sets a mode aside, not an acronym (rule 9)
};

NameKey analyse_name(std::string_view name);

// The key alone for any text: rule 6 above. Exposed for matchers that fold other strings.
std::string fold_key(std::string_view text);

// A name or vendor without a trailing "AI" word or domain-style suffix, folded: "Vidyo.ai",
// "Rasa.io", "Mistral AI" -> "vidyo", "rasa", "mistral"; "" when it has none or the rest would
// be shorter than 3 ("Z.ai", "xAI"). Rule 7 without the rest of the analysis.
std::string suffix_stem(std::string_view name);

// The keys an editor-written name (a directive, a review, a vote) is looked up by: fold_key of
// the whole name and, for "org/name", of the part after the last '/'; empty keys left out.
std::vector<std::string> lookup_keys(const std::string& name);

}  // namespace tv::dedupe
