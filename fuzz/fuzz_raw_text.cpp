// libFuzzer target, differential: html::parse_html with RawText::drop (what the nightly run
// uses) must give exactly the whole parse with HTML <script>/<style> emptied
// (tests/support/raw_text.hpp, the same oracle as the tests). A difference traps, and the
// input is the regression test to add to tests/unit/dom_test.cpp's kRawCases.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/support/raw_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  tv::html::ParseStats stats;
  if (tv::test::dump_drop(html, stats) != tv::test::dump_keep_emptied(html)) __builtin_trap();
  return 0;
}
