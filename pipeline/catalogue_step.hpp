// CatalogueStep: the run's dedupe-and-pair stage around the pure catalogue::build: reads
// every record, tool, comparison and directive from the store, builds tonight's catalogue,
// and writes it back in one transaction (so a crash leaves last night's catalogue whole).
// Throws StoreError on store failures.
#pragma once
#include <string>

#include "pipeline/config.hpp"
#include "pipeline/store.hpp"
#include "stages/catalogue/catalogue.hpp"

namespace tv {

// `today` is YYYY-MM-DD.
catalogue::Stats update_catalogue(const Config& cfg, Store& store, const std::string& run_id, const std::string& today);

}  // namespace tv
