// Normalise: turns the bytes of one scraped page into a tool record.
//
// decode (encoding.hpp) -> parse (dom.hpp) -> extract facts (generic.hpp + profiles) ->
// pick the most believable fact per field and parse it (fields/*.hpp).
//
// It never throws and touches nothing outside its arguments, so pages can be normalised on
// many threads at once. A page that cannot yield a record (unreadable encoding, beyond the
// limits, no usable tool name) yields no record and a reason an editor can act on; a field
// that does not parse (a "-1" price) is left out of the record and noted, and the page is
// still taken.
//
// Scripts (other than JSON-LD) and styles are not parsed (html::RawText::drop): nothing here
// reads them, and they are a third to a half of a scraped page. `raw` = keep parses them, for
// the tests that prove the records come out the same either way.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "stages/extract/profiles.hpp"
#include "stages/html/dom.hpp"
#include "stages/normalise/record.hpp"

namespace tv {

struct PageResult {
  std::optional<ToolRecord> record;
  std::string reason;  // set when there is no record: what is wrong, in an editor's words
};

PageResult normalise_page(std::string_view bytes, const std::string& file_name,
                          const extract::ProfileSet& profiles, const html::ParseLimits& limits,
                          html::RawText raw = html::RawText::drop);

}  // namespace tv
