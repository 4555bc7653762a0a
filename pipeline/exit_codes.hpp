// Exit status of the `pipeline` executable: what cron (or a person) reads first.
// The values follow sysexits.h where one fits; README.md documents them.
#pragma once

namespace tv {

enum class Exit : int {
  ok = 0,               // everything taken, nothing moved aside
  ok_with_rejects = 10, // the run finished, but some inputs were moved aside (see `status`)
  run_failed = 70,      // the run could not finish (EX_SOFTWARE): state store, disk, a bug
  output_failed = 74,   // an output could not be written (EX_IOERR): full disk, `ulimit -f`, read-only
  locked = 75,          // another run holds the lock (EX_TEMPFAIL): try again later
  usage = 64,           // the command line is wrong (EX_USAGE)
  data = 65,            // eval-extract: a label line or a labelled page cannot be read (EX_DATAERR)
  config = 78,          // the configuration or a profile is wrong (EX_CONFIG)
};

inline int code(Exit e) { return static_cast<int>(e); }

}  // namespace tv
