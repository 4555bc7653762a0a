// SiteStep: the run's render-and-publish stage. Renders the whole site from the site data,
// checks every internal link, and only then publishes it atomically to <paths.outbox>/site.
// A broken link, a template that lacks data or a data document without its shape throws
// SiteError before anything is published: the readers keep last night's site.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

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

// A fingerprint of everything the site is made from: the templates, the scope and the site
// data (as JSON text). Equal to the published site's: there is nothing to do.
std::string input_fingerprint(const site::Templates& templates, SiteScope scope, std::string_view data_json);

// True when the published site was made from exactly this input (its manifest says so).
bool is_published(const Config& cfg, const std::string& input_fingerprint);

// `input`: input_fingerprint of `doc` when the caller has it (the benchmark hashes the file it
// read), or "" to compute it here.
SiteStats publish_site(const Config& cfg, const site::Templates& templates, const nlohmann::json& doc,
                       SiteScope scope = SiteScope::whole, std::string input = "");

}  // namespace tv
