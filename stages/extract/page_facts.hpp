// PageFacts: what extraction found on one page, before any field is parsed.
// For each field, the candidates in the order they should be believed (best first), each
// with the rule that found it, so every field of a record can say where it came from.
#pragma once
#include <string>
#include <vector>

namespace tv::extract {

struct Fact {
  std::string value;  // raw text as found (entities decoded by the HTML parser, not cleaned)
  std::string rule;   // e.g. "profile huggingface.co: name", "json-ld SoftwareApplication.name",
                      // "meta og:title", "<h1>", "<title>"
};

struct PageFacts {
  std::vector<Fact> name, vendor, category, tagline, description, price, license,
      parameter_sizes, kind, homepage, url;
  std::vector<Fact> alias;      // other spellings of the name the page gives
  std::vector<Fact> publisher;  // who published the page (a JSON-LD BlogPosting's publisher)
  std::vector<Fact> own_site_publisher;  // those of them on their own site: a maker, last of all
  std::vector<std::string> prose;        // the body's prose lines (body_facts.hpp), read lazily
  std::string profile;  // the profile used, "" when none matched
};

}  // namespace tv::extract
