// libFuzzer target: an inbox file through the whole reading path as the nightly run reads it:
// sniff (what kind of file) -> decode -> gumbo -> pugixml -> extraction with the shipped site
// profiles -> field parsers. Any crash, sanitizer report or hang is a bug; a refusal (a
// reason) is fine.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "stages/extract/profiles.hpp"
#include "stages/ingest/sniff.hpp"
#include "stages/normalise/normalise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto profiles = tv::extract::ProfileSet::load(TV_SOURCE_DIR "/profiles");
  static const tv::html::ParseLimits limits;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto sniffed = tv::ingest::sniff(bytes);
  if (tv::ingest::to_string(sniffed.kind).empty()) __builtin_trap();
  auto r = tv::normalise_page(bytes, "fuzz.html", profiles, limits);
  if (!r.record && r.reason.empty()) __builtin_trap();  // the contract: a record or a reason
  return 0;
}
