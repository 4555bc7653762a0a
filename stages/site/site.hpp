// Site: the whole generated site, in memory, from the site data (docs/site-data.md).
//
//   site data (JSON) + templates -> every file of outbox/site: a page per comparison, per
//   tool and per category page, the home page, the editor's report, redirects for merged
//   tools' old URLs, the Atom feed, sitemap.xml, robots.txt and the stylesheet.
//
// Pure: reads nothing but its arguments, writes nothing (publishing is stages/site/publish),
// and the same data gives the same bytes: no clock, no thread-timing in the output. Pages are
// rendered on `jobs` threads.
//
// Incremental: every page gets a fingerprint, a SHA-256 of everything it is made from (the
// templates, the site settings, its tools' data, its comparisons). Given last night's
// fingerprints, a page whose fingerprint is unchanged is not rendered again: it comes back
// as a File with `reuse` set and no bytes, and the publisher keeps the published file. The
// home page, the report, the feed and the sitemap are always rendered (four pages). Throws TemplateError (a template lacks data, or a render fails)
// and std::invalid_argument (the data lacks its shape); either stops the run before anything
// is published.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stages/site/file.hpp"
#include "stages/site/templates.hpp"

namespace tv::site {

// The templates the site needs; Templates::load checks they exist.
const std::vector<std::string>& required_templates();

using Fingerprints = std::map<std::string, std::string>;  // site path -> fingerprint

struct RenderOptions {
  unsigned jobs = 0;                       // threads; 0 = one per core
  bool comparisons_only = false;           // the benchmark's site: comparison pages (and the stylesheet) only
  const Fingerprints* previous = nullptr;  // the published site's fingerprints; null: render every page
};

struct Rendered {
  std::vector<File> files;   // in a fixed order; `reuse` ones have no bytes
  Fingerprints fingerprints;  // of every page that has one
  std::size_t reused = 0;
};

Rendered render_site(const nlohmann::json& doc, const Templates& templates, const RenderOptions& options);

}  // namespace tv::site
