// SiteData: gathers from the state store everything the site shows, as one JSON document
// (the format is docs/site-data.md): the live tools with their counting panel reviews and
// community tally, the live comparisons, and the editor's report (files moved aside, problems
// in taken files, reviews, votes and directives waiting for their tool, withdrawn pairs).
// The document is all the renderer sees, so `pipeline export site --json` shows exactly
// what a page was made from. Throws StoreError.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/config.hpp"
#include "pipeline/store.hpp"
#include "stages/panel/attach.hpp"

namespace tv {

// Live comparisons in the export format: slug, a, b (tool slugs, following merges),
// category, published_on, reason.
nlohmann::json live_comparisons(const Store& store);

// `panel` is tonight's attach_panel (pipeline/panel_step.hpp); `today` is YYYY-MM-DD.
nlohmann::json build_site_data(const Config& cfg, const Store& store, const panel::Attached& panel,
                               const std::string& today);

}  // namespace tv
