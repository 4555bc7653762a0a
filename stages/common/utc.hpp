// Utc: the one place time points become text. Every timestamp the pipeline writes (state
// rows, reason files, the lock file, run ids, archive folders, log lines) is UTC, so runs on
// machines in different zones agree. Never throws.
#pragma once
#include <chrono>
#include <string>

namespace tv {

// `when` in UTC through strftime(3) `format`, e.g. "%Y-%m-%dT%H:%M:%SZ".
std::string format_utc(std::chrono::system_clock::time_point when, const char* format);

// Now as ISO-8601 UTC: "2026-11-22T23:10:04Z".
std::string utc_now();

}  // namespace tv
