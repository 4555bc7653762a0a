// libFuzzer target: the field parsers a scraped value goes through (sizes, prices, licences),
// on text that is any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "stages/normalise/fields/license.hpp"
#include "stages/normalise/fields/price.hpp"
#include "stages/normalise/fields/size.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)tv::fields::parse_sizes(text);
  (void)tv::fields::sizes_in_prose(text);
  (void)tv::fields::split_name_sizes(text);
  (void)tv::fields::parse_price(text);
  (void)tv::fields::parse_license(text);
  (void)tv::fields::license_in_prose(text);
  return 0;
}
