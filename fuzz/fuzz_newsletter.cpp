// libFuzzer target: what strangers send the newsletter: a message to the bounce Maildir (DSN,
// ARF, mailed unsubscribe) and a form body or query to `pipeline serve`; any bytes. The
// promises checked: the parser's Findings hold no control character and stay within their
// limits; a decoded form's fields hold no control character and are valid UTF-8 by length.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pipeline/serve/form.hpp"
#include "stages/bounces/report.hpp"

namespace {

void no_controls(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto reading =
      tv::bounces::read_message(text, {"bounces@example.org", "unsubscribe@example.org"});
  if (reading.findings.size() > tv::bounces::kMaxFindings) std::abort();
  for (const auto& f : reading.findings) {
    no_controls(f.recipient);
    no_controls(f.token);
    no_controls(f.message_id);
    no_controls(f.detail);
    if (f.detail.size() > tv::bounces::kMaxDetailBytes) std::abort();
  }
  no_controls(reading.problem);
  std::string problem;
  if (auto fields = tv::serve::decode_form(text, &problem)) {
    for (const auto& [k, v] : *fields) {
      no_controls(k);
      no_controls(v);
    }
  } else if (problem.empty()) {
    std::abort();  // a refusal always says why
  }
  problem.clear();
  if (auto path = tv::serve::decode_path(text, &problem)) no_controls(*path);
  return 0;
}
