// Nightly: the `run` command's work, one stage after another:
//   claim inbox -> read, hash, sniff -> normalise pages (in parallel) -> commit -> file away.
// Later stages (dedupe, pair, review, render, digest) join this list as they are built.
//
// Crash safety: a file is claimed (renamed into inbox/.processing) before it is read; its
// rows, with its claim path and destination, are committed to the store before it is moved to
// the archive or the rejected folder; a file found in .processing at start-up is taken up
// again, and one whose claim path the store has recorded is only moved where the row says.
// So a kill at any moment loses no file, records none twice and moves none aside unrecorded
// (tests/faults/crash.py kills runs at random to prove it).
//
// Errors: bad inputs are ordinary outcomes (moved aside, counted); a failing store or file
// system throws, and the driver reports it as a failed run.
#pragma once
#include <string>

#include "pipeline/config.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/store.hpp"
#include "stages/extract/profiles.hpp"

namespace tv {

struct NightlyCounts {
  int taken = 0;       // files whose content was used
  int duplicates = 0;  // files whose bytes had been taken before
  int rejected = 0;    // files moved aside with a reason
  int records = 0;     // tool records stored
  int deferred = 0;    // files left for the next run (too new)
};

NightlyCounts run_nightly(const Config& cfg, Store& store, const extract::ProfileSet& profiles,
                          const std::string& run_id, Progress& progress);

}  // namespace tv
