// The vendor table: canonical vendor names with their aliases and Hub organisations, the Hub
// organisations that re-upload other makers' models, model families with their makers, and the
// aliases never taken from prose. It is data, data/vendors.tsv (format in that file's header and
// in docs/field-parsers.md#vendor), embedded into the binary at build time and parsed once, on
// first use. Never throws: a malformed line is skipped and reported, and a unit test keeps the
// shipped file free of them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tv::fields {

// Lower-cased ASCII letters and digits only, the key every alias, organisation and family name
// is compared by: "Hugging Face Inc." -> "huggingfaceinc", "meta-llama" -> "metallama".
std::string vendor_key(std::string_view s);

struct VendorTable {
  struct Family {
    std::string key;    // vendor_key of the family name: "codellama"
    std::string maker;  // a canonical vendor name: "Meta"
  };
  // Alias key -> canonical name; every canonical name is an alias of itself.
  std::unordered_map<std::string, std::string> vendor_of;
  // Keys of the Hub organisations that republish others' models (quantised, converted).
  std::unordered_set<std::string> reuploaders;
  // Longest key first, so "GPT-NeoX" is tried before "GPT-Neo".
  std::vector<Family> families;
  // Alias keys that are ordinary words or too short to trust in running prose ("writer").
  std::unordered_set<std::string> not_in_prose;
};

// Parses the text of a vendors file. A malformed line is left out and adds one message,
// "line N: ...", to *errors (in line order); every other line still counts.
VendorTable parse_vendor_table(std::string_view text, std::vector<std::string>* errors);

// The table of the shipped data/vendors.tsv, parsed on first use (thread-safe).
const VendorTable& vendor_table();

// The canonical name of a vendor of the table: "meta-llama" -> "Meta", also with " Team" after
// it ("Qwen Team" -> "Alibaba"). nullopt for a name the table does not know.
std::optional<std::string_view> known_vendor(std::string_view name);

// The text of data/vendors.tsv at build time; defined in a source generated into the build tree
// by cmake/embed_text.cmake.
extern const std::string_view kVendorsTsv;

}  // namespace tv::fields
