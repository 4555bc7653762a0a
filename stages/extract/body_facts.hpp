// Body facts: what a page states about its tool in its own body, on sites no profile covers.
//
// Labelled facts, in document order:
//   - a definition list (`dt` Licence / `dd` Apache 2.0), a small heading and the short line
//     after it (`<h3>License</h3><p>Apache-2.0</p>`), a two-cell table row
//     (Developer | Allen Institute for AI), a "Label: value" line (a `p`, `li` or a run of text
//     between `<br>`s: "Lizenz: Apache 2.0", "<strong>Preis:</strong> kostenlos");
//   - an element named for its fact by class, id or itemprop (`span.pricing`, `span.vendor`,
//     `itemprop=applicationCategory`, `itemprop=license`; `itemprop=author` only inside a
//     software or product itemscope: an article's author is not the tool's maker);
//   - a licence tag in a link (`?license=license:apache-2.0`).
// Labels are recognised in English, German, French and Spanish (labels() in body_facts.cpp);
// template placeholders ("[More Information Needed]", "N/A") are no value.
// Then prose: "released under the Apache 2.0 licence" and the like (fields::license_in_prose),
// the first line that states sizes ("has 52B total parameters, 12B active", fields::sizes_in_prose),
// and authorship ("developed by Mistral AI", "stammt von Perplexity", "développé par Jasper",
// "desarrollada por OpenAI": a strong verb and a capitalised name of at most four words), then a
// known vendor named in prose ("de Mistral AI", fields::vendor_in_prose).
//
// Never read: scripts, styles, navigation, footers, comments, cookie banners, related or
// alternative tools and teasers (by element, role, class or id; an <aside> is read: a
// package's sidebar holds its facts), where the facts are another
// tool's or the site's own (its content licence, an alternative's price).
// Pure over the DOM; never throws.
#pragma once
#include <pugixml.hpp>

#include <string>
#include <vector>

#include "stages/extract/page_facts.hpp"

namespace tv::extract {

struct BodyFacts {
  // Labelled facts, by field, in document order; rules such as "labelled dl: Licence".
  std::vector<Fact> name, vendor, license, price, sizes, category;
  // The body's prose, one line a paragraph or run of text, labelled lines left out: read by
  // the functions below only when a field is still missing (prose is the least trusted source,
  // and reading it is most of the cost).
  std::vector<std::string> prose;
};

BodyFacts read_body_facts(const pugi::xml_node& root);

// Prose facts, rules such as "prose: developed by", "prose: licence", "prose: sizes".
std::vector<Fact> prose_vendors(const std::vector<std::string>& lines);   // authorship, then vendors named
std::vector<Fact> prose_licenses(const std::vector<std::string>& lines);
std::vector<Fact> prose_sizes(const std::vector<std::string>& lines);    // the first line that states any

}  // namespace tv::extract
