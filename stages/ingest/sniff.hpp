// Sniff: what kind of input a file is, from its content (never from its name alone: a page
// saved as .txt is still a page). Looks at the first few kilobytes only. Never throws.
#pragma once
#include <string>
#include <string_view>

namespace tv::ingest {

enum class Kind {
  html,           // a scraped web page
  panel_reviews,  // XML <panel> with <review> elements
  directives,     // XML <directives>
  votes_csv,      // CSV whose header is tool,voter,vote,cast_at
  other_xml,      // well-formed-looking XML of another root
  empty,          // zero bytes, or only whitespace
  binary,         // NUL bytes or a known binary signature
  text,           // readable text that is none of the above
};

struct Sniffed {
  Kind kind = Kind::text;
  std::string detail;  // e.g. "PNG image", "root element <catalog>": used in reasons
};

Sniffed sniff(std::string_view bytes);

// Stable lower-case name, as stored and logged: "html", "panel-reviews", "votes-csv", ...
std::string_view to_string(Kind);

}  // namespace tv::ingest
