// Generic extraction: the facts any page states in standard places, then the site profile.
//
// Sources, believed in this order for each field:
//   1. the site's profile (chosen by the host of the canonical URL, else og:url);
//   2. JSON-LD (schema.org SoftwareApplication / Product and friends; see jsonld.hpp);
//   3. OpenGraph (og:*), Twitter cards (twitter:*), Dublin Core (DC.* / dcterms.*);
//   4. <title>, then <h1> (site suffixes and org prefixes stripped), <meta name=description>.
// All XPath is compiled once per process. Never throws.
#pragma once
#include <pugixml.hpp>

#include "stages/extract/page_facts.hpp"
#include "stages/extract/profiles.hpp"

namespace tv::extract {

PageFacts extract_facts(const pugi::xml_document& doc, const ProfileSet& profiles);

}  // namespace tv::extract
