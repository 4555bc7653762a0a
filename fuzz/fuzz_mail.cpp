// libFuzzer target: the digest's mail encoders and the subscribers reader, with the promises
// checked, not just "no crash": a header made from any value is one header (every line break
// it holds is CRLF followed by a space, a fold), no header line exceeds 998 octets (for
// address(), whose contract wants a valid address, only when it is one), and a
// quoted-printable body has lines of at most 76 octets with CRLF line ends.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "stages/digest/mime.hpp"
#include "stages/digest/subscribers.hpp"

namespace {

void check_one_header(const std::string& h, bool check_length = true) {
  std::size_t line = 0;
  for (std::size_t i = 0; i < h.size(); ++i) {
    const char c = h[i];
    if (c == '\n' || (c == '\r' && (i + 2 >= h.size() || h[i + 1] != '\n' || h[i + 2] != ' '))) __builtin_trap();
    if (c == '\r') {
      if (check_length && line > 998) __builtin_trap();
      line = 0;
      i += 1;  // the \n; the space starts the next line
      continue;
    }
    if (c == '\0') __builtin_trap();
    ++line;
  }
  if (check_length && line > 998) __builtin_trap();
}

void check_quoted_printable(const std::string& q) {
  std::size_t line = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    if (q[i] == '\r') {
      if (i + 1 >= q.size() || q[i + 1] != '\n') __builtin_trap();
      ++i;
      line = 0;
      continue;
    }
    if (q[i] == '\n' || ++line > 76) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = size / 2;
  check_one_header(tv::digest::header("Subject", bytes));
  check_one_header("To: " + tv::digest::address(bytes.substr(0, cut), bytes.substr(cut)),
                   tv::digest::valid_address(bytes.substr(cut)));
  check_quoted_printable(tv::digest::quoted_printable(bytes));
  auto parsed = tv::digest::parse_subscribers(bytes);
  for (const auto& r : tv::digest::recipients(parsed))
    check_one_header("To: " + tv::digest::address(r.name, r.email));
  return 0;
}
