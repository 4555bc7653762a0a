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

// Finds the vendor named in running prose, in English, German, French or Spanish: "from Hugging
// Face", "Meta's open-source...", "by Mistral AI", "developed by Google DeepMind", "ein Modell
// von Mistral AI", "stammt von", "développé par", "de la société X", "desarrollado por", "de la
// empresa X". Only vendors of the alias table count, so "from scratch" or "from $9" name nobody;
// "powered by OpenAI", "fine-tuned from Meta's Llama", "outperforms OpenAI's", "propulsé par",
// "impulsado por" and "basiert auf Llama von Meta" are not authorship, and a label ("Hersteller:
// X") is not prose. nullopt when none is found.
std::optional<std::string> vendor_in_prose(std::string_view text);

// True when `org` is a Hub organisation that republishes other makers' models (quantised or
// converted: "TheBloke", "bartowski", "unsloth", "mlx-community"), compared like aliases
// ("mlx_community" is "mlx-community"). A model id "TheBloke/phi-2-GGUF" counts as its org.
bool is_reuploader(std::string_view org);

// The canonical maker of the model a re-uploader republished, read from the model name's family:
// ("TheBloke", "Mistral-7B-Instruct-v0.2-GGUF") -> "Mistral AI", ("bartowski",
// "google_gemma-3-27b-it-GGUF") -> "Google" (an org prefix before "_" that is a known vendor
// wins). The family must start the name ("Mixtral-8x7B", "Meta-Llama-3", "HunyuanVideo"), so a
// fine-tune named after its base gives the base's maker and "TinyLlama-1.1B" names nobody.
// `model_name` may be a whole model id; its last path segment is read. nullopt when `org` is not
// a re-uploader or no family of the table starts the name. The families and the re-uploaders are
// in data/vendors.tsv.
std::optional<std::string> maker_of_reupload(std::string_view org, std::string_view model_name);

}  // namespace tv::fields
