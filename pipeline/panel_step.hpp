// PanelStep: the panel reviews and community votes as they stand tonight, from the store:
// reads the live tools with all their names, every stored review and vote, and calls the pure
// panel::attach (stages/panel/attach.hpp) for the configured reviewers. Writes nothing: the
// result is recomputed from all stored rows whenever it is needed (the run's summary,
// `pipeline status`, `export reviews`, the site), so it can never go stale.
// Throws StoreError on store failures. Unreadable tool JSON is skipped (no names).
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/config.hpp"
#include "pipeline/store.hpp"
#include "stages/panel/attach.hpp"

namespace tv {

// Every live tool (not absorbed) with the names it is known by, from its stored export JSON:
// "name", then "aliases", "variants" and the "name" of each record in "merged_from".
std::vector<panel::ToolNames> tool_names(const std::vector<catalogue::ToolRow>& tools);

// Reads the store and attaches every review and vote for cfg.reviewers.
panel::Attached attach_panel(const Config& cfg, const Store& store);

// `export reviews --json`: every stored review, newest first per tool and reviewer, each
// with "counts" (true for the one shown), "tool_slug" (the live tool it landed on, or null
// while it waits) and "waiting" (the reason, or null). Sorted by tool slug (waiting last),
// then reviewer order, then newest first.
nlohmann::json reviews_export(const Config& cfg, const Store& store);

}  // namespace tv
