// Preflight: before a run takes anything, checks that it will be able to write. For every
// folder the run writes (inbox, for claiming; state; archive; rejected; outbox) it makes the
// folder if missing (not the inbox: a missing inbox is the run's own error), writes a byte to
// an unnamed file there (O_TMPFILE; where the file system has none, to a probe file
// `.tv-preflight-<pid>`, a dot file the inbox never takes, removed again), removes probe
// files a killed run left (`.tv-preflight-<digits>` of at most one byte), and, unless
// `limits.min_free_mb` is 0, requires that many MiB free on the folder's file system. It also
// requires the process's file size limit (`ulimit -f`) to leave the state store room to grow
// by as much.
//
// A read-only outbox, a full disk or a tight `ulimit -f` thus stops the run before any input is
// claimed, any row stored or any page published. What fails later (a disk filling up during
// the run) is each step's own business: see output_error.hpp and docs/faults.md.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/config.hpp"

namespace tv {

struct OutputProblem {
  std::filesystem::path folder;  // the folder (or, for the size limit, the store file)
  std::string what;              // "is on a read-only file system", "has 3 MiB free; ..."
  int err = 0;                   // the errno that stands for it (EROFS, ENOSPC, EFBIG, ...)
};

// Empty when the run may go ahead. Call it holding the run lock (run_lock.hpp).
std::vector<OutputProblem> check_outputs(const Config& cfg, const std::filesystem::path& store_file);

}  // namespace tv
