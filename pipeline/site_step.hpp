// SiteStep: the run's render-and-publish stage. Renders the whole site from the site data,
// checks every internal link, and only then publishes it atomically to <paths.outbox>/site.
// A broken link, a template that lacks data or a data document without its shape throws
// SiteError before anything is published: the readers keep last night's site.
#pragma once
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "pipeline/config.hpp"
#include "stages/site/templates.hpp"

namespace tv {

struct SiteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SiteStats {
  std::size_t files = 0, written = 0, unchanged = 0, removed = 0;
  std::size_t reused = 0;  // pages not rendered again: nothing they are made from changed
  bool changed = false;
  double render_s = 0, check_s = 0, publish_s = 0;
};

// Loads the templates from paths.templates; TemplateError names the file and line.
site::Templates load_templates(const Config& cfg);

// What to render: the whole site, or (for bench/site_bench) only the comparison pages, whose
// links to tool and category pages then lead nowhere, so links are not checked.
enum class SiteScope { whole, comparisons_only };

SiteStats publish_site(const Config& cfg, const site::Templates& templates, const nlohmann::json& doc,
                       SiteScope scope = SiteScope::whole);

}  // namespace tv
