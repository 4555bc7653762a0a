// Name by agreement: the tool's name is what most of a page's own titles agree on.
//
// Every source that may name the tool (the profile, JSON-LD, og:title, twitter:title,
// DC.title, <title>, each <h1>; a JSON-LD name stays whole) is cut into segments at title separators (" | ", " - ", " — ",
// ": " ...). A segment is cleaned (announcement and review prefixes such as "Introducing",
// "Review:", "Hands-on with"; a verdict after it, "im Test", "review"; " by <a known maker>";
// an "Org/" repository prefix; a trailing "documentation"/"docs"
// and a release version; a heading's permalink mark) and dropped when it is site furniture
// (a section word such as "Overview" or "Einführung", a "Chapter 4", the site's own name on
// another site's page) or looks like markup ("<b>", "{{name}}", "&lt;"). The segments that
// remain vote: each source counts once for each name it contains, a JSON-LD name and a name in
// the page's own URL path count one more, the site's own name (og:site_name) counts only when
// an h1 or JSON-LD says it too (the tool's own site), and the name with most voices wins; ties go to the more believed source (JSON-LD > og > twitter >
// DC > title > h1: a first heading is often a section or a greeting), then to the earlier
// segment. A profile's name always wins. Spellings that differ only in spaces, hyphens and case
// ("Mistral 7B" / "Mistral-7B") are one name: the h1's spelling is kept (then JSON-LD, og,
// twitter, DC, title) and the others become aliases. Pure; never throws.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tv::extract {

enum class NameSource { profile, jsonld, h1, og, twitter, dc, title };

struct NameCandidate {
  std::string text;  // as found (DOM-decoded)
  std::string rule;  // e.g. "meta og:title"
  NameSource source;
};

struct NameContext {
  std::string site_name;  // og:site_name, may be empty
  std::string url;        // the page's own URL (canonical, else og:url), may be empty
};

struct NameVote {
  std::string name;  // "" when no candidate survives
  std::string rule;  // the winning source's rule, with " (n sources agree)" when n > 1
  std::vector<std::string> aliases;      // other spellings of the name on the page
  std::vector<std::string> runners_up;   // the other surviving names, best first
};

NameVote vote_name(const std::vector<NameCandidate>& candidates, const NameContext& ctx);

// The segments a title yields once cleaned, in order, furniture dropped (for tests and the
// tagline: the segment after the name).
std::vector<std::string> name_segments(std::string_view text);

}  // namespace tv::extract
