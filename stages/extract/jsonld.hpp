// JSON-LD: the schema.org facts a page states about the software it describes.
// Reads every <script type="application/ld+json"> block, including @graph arrays and
// nested mainEntity/about/itemReviewed, and picks the first SoftwareApplication (or
// WebApplication, MobileApplication, SoftwareSourceCode), else the first Product. The
// publisher of a BlogPosting or TechArticle (a company blog's post) goes to `publisher`: it
// names the tool's maker only on the maker's own site, which the caller decides.
// Broken JSON or absurd nesting is skipped, never fatal. Never throws.
#pragma once
#include <string_view>
#include <vector>

#include "stages/extract/page_facts.hpp"

namespace tv::extract {

// Appends what the JSON-LD `blocks` (raw script texts) say to `facts`.
void read_jsonld(const std::vector<std::string_view>& blocks, PageFacts& facts);

}  // namespace tv::extract
