// libFuzzer target: the panel reviews XML, the votes CSV and the directives XML readers, on the
// same bytes (each sniffs its own format). Bad input must end in reported problems, never a
// crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "stages/directives/directives.hpp"
#include "stages/reviews/reviews.hpp"
#include "stages/votes/votes.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)tv::reviews::parse(bytes, {"builder", "skeptic", "futurist", "buyer"});
  auto votes = tv::votes::parse(bytes);
  (void)tv::votes::report(votes);
  (void)tv::votes::latest_per_voter(votes.rows);
  (void)tv::directives::parse(bytes);
  return 0;
}
