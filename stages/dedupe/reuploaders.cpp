// The re-uploader table (see reuploaders.hpp and docs/catalogue.md#re-uploads).
#include "stages/dedupe/reuploaders.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace tv::dedupe {
namespace {

// Folded: lower-case ASCII letters and digits only. Organisations seen re-uploading other
// organisations' models in the Hub metadata we read (hf-models-metadata's base_model column),
// plus the best-known quantisers. An organisation that quantises its own models (Qwen,
// OpenGVLab) is not listed: its vendor is the original's.
constexpr std::array<std::string_view, 22> kReuploaders = {
    "thebloke",      "bartowski",        "unsloth",      "mlxcommunity", "lmstudiocommunity",
    "quantfactory",  "maziyarpanahi",    "mradermacher", "city96",       "secondstate",
    "tensorblock",   "neuralmagic",      "redhatai",     "huggingquants", "ggmlorg",
    "gaianet",       "lonestriker",      "turboderp",    "richarderkhov", "nikolaykozloff",
    "legraphista",   "devquasar"};

}  // namespace

bool is_reuploader(std::string_view vendor) {
  std::string folded;
  folded.reserve(vendor.size());
  for (char c : vendor) {
    if (c >= 'A' && c <= 'Z') folded.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) folded.push_back(c);
  }
  return !folded.empty() && std::find(kReuploaders.begin(), kReuploaders.end(), folded) != kReuploaders.end();
}

}  // namespace tv::dedupe
