// libFuzzer target: a scraped page through the whole reading path (decode -> gumbo -> pugixml
// -> extraction with the shipped site profiles -> field parsers), as the nightly run reads an
// inbox file. Any crash, sanitizer report or hang is a bug; a refusal (a reason) is fine.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "stages/extract/profiles.hpp"
#include "stages/normalise/normalise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto profiles = tv::extract::ProfileSet::load(TV_SOURCE_DIR "/profiles");
  static const tv::html::ParseLimits limits;
  auto r = tv::normalise_page(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.html", profiles,
                              limits);
  if (!r.record && r.reason.empty()) __builtin_trap();  // the contract: a record or a reason
  return 0;
}
