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
// unless the input is.
std::string canonical_vendor(std::string_view raw);

// Finds the vendor named in running prose: "from Hugging Face", "Meta's open-source...",
// "by Mistral AI", "developed by Google DeepMind". nullopt when none is found.
std::optional<std::string> vendor_in_prose(std::string_view text);

}  // namespace tv::fields
