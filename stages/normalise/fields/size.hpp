// Parameter sizes: "2B", "2.25B params", "70B & 400B", "7B, 34B, and 200B parameter variants",
// "8x22B", "1.6T total, 49B active", "2-billion-parameter", "135M". Never throws.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tv::fields {

struct ParamSize {
  double total = 0;                 // total parameters, e.g. 2.25e9; for 8x22B: 8*22e9
  std::optional<double> active;     // active parameters for mixture-of-experts, e.g. 49e9
  int experts = 0;                  // 8 for "8x22B", else 0
  std::string label;                // canonical short form: "2.25B", "8x22B", "1.6T", "135M"
  bool operator==(const ParamSize&) const = default;
};

// Parses a text that is *about* sizes (a size field, a name's size token, "70B & 400B").
// Returns sizes in the order written, without duplicates; empty when none is found. Counts of
// other things ("2T tokens", "128K context") are not sizes; a raw count alone ("7241732096")
// is. At most 32 sizes.
std::vector<ParamSize> parse_sizes(std::string_view text);

// Finds sizes stated as this model's own in running prose: "a 2-billion parameter model",
// "in 7B, 34B, and 200B parameter variants", "3B parameter open model". Ignores comparisons
// such as "outperforms 7B models" or "three times its size": a size must sit next to the word
// "parameter(s)"/"params" or be the subject of "variants"/"sizes". Empty when unsure.
std::vector<ParamSize> sizes_in_prose(std::string_view text);

// Splits a trailing or bracketed size token out of a tool name:
//   "SmolVLM2-2B" -> {"SmolVLM2", [2B]}; "Llama 4 Compact (12B)" -> {"Llama 4 Compact", [12B]};
//   "Code Llama 4 (70B & 400B)" -> {"Code Llama 4", [70B, 400B]}; "Mixtral 8x22B" -> {"Mixtral", [8x22B]};
//   "SmolVLM2-2.2B-Instruct" -> {"SmolVLM2-Instruct", [2.2B]}; "GPT-4o" -> {"GPT-4o", []}.
// Version numbers ("Llama 3.2", "SmolVLM2", "GPT-4") are never sizes: a size needs a unit
// letter (K, M, B, T) directly after the number.
struct NameSizes {
  std::string base;
  std::vector<ParamSize> sizes;
};
NameSizes split_name_sizes(std::string_view name);

// Formats a count of parameters as a label: 2.25e9 -> "2.25B", 1.6e12 -> "1.6T", 1.35e8 -> "135M".
// Three significant digits, trailing zeros dropped (7615616512 -> "7.62B", 5e8 -> "500M").
std::string size_label(double params);

}  // namespace tv::fields

namespace tv::fields {

// Two sizes are one value when they are the same within rounding: the more precise label,
// rounded to the significant digits of the less precise one, equals it ("3B" and "3.08B",
// "8B" and "8.03B"; not "1.5B" and "1.55B", nor "7B" and "8B"). Experts and active shares
// must agree the same way; "8x7B" is never the same as "56B".
bool same_size(const ParamSize& a, const ParamSize& b);

// The significant digits a size's label states, the measure same_size rounds by: "3B" 1,
// "3.08B" 3, "500M" 1, "135M" 3, "8x7B" 1. Of two sizes that are the same, the one with more
// digits is the more precise.
int size_digits(const ParamSize& s);

}  // namespace tv::fields
