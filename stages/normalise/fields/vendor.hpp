// Vendors: canonical organisation names from the many ways pages spell them
// ("HuggingFaceTB", "huggingface", "Hugging Face Inc." -> "Hugging Face"; "meta-llama",
// "facebook", "Meta AI", "Meta Platforms" -> "Meta"). Never throws.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace tv::fields {

// Canonical vendor name for an organisation name or handle; unknown names are returned
// cleaned (trimmed, corporate suffixes such as "Inc.", "LLC", "Ltd" removed), never empty
// unless the input is. Labs fold into their company ("Google DeepMind", "DeepMind" -> "Google";
// "Qwen", "Alibaba Cloud" -> "Alibaba"): the table is data/vendors.tsv, compiled into the
// binary; its format and the policy are in docs/field-parsers.md#vendor.
std::string canonical_vendor(std::string_view raw);

// Finds the vendor named in running prose: "from Hugging Face", "Meta's open-source...",
// "by Mistral AI", "developed by Google DeepMind". Only vendors of the alias table count, so
// "from scratch" or "from $9" name nobody; "powered by OpenAI", "fine-tuned from Meta's Llama"
// and "outperforms OpenAI's" are not authorship. nullopt when none is found.
std::optional<std::string> vendor_in_prose(std::string_view text);

}  // namespace tv::fields
