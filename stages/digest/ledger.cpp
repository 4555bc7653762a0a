#include "stages/digest/ledger.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace tv::digest {
namespace {
constexpr std::array<std::string_view, 7> kNames{"queued", "reserved", "sending", "sent", "failed", "uncertain", "skipped"};
}

std::string_view to_string(SendStatus s) { return kNames[static_cast<std::size_t>(s)]; }

SendStatus send_status(std::string_view word) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == word) return static_cast<SendStatus>(i);
  throw std::invalid_argument("unknown send status '" + std::string(word) + "'");
}

}  // namespace tv::digest
