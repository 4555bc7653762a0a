// pipeline: the tool-verdicts nightly job. Everything lives in tv_core; main only hands
// the command line over and returns the exit status (see exit_codes.hpp).
#include <csignal>

#include "pipeline/cli.hpp"

int main(int argc, char** argv) {
  // Past a file size limit (`ulimit -f`) the kernel would kill the process with SIGXFSZ, in the
  // middle of a write and without a word. Ignored, the write fails with EFBIG instead, and the
  // run stops with a message like any full disk (exit 74).
  std::signal(SIGXFSZ, SIG_IGN);
  return tv::run_cli(argc, argv);
}
