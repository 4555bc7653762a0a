// pipeline: the tool-verdicts nightly job. Everything lives in tv_core; main only hands
// the command line over and returns the exit status (see exit_codes.hpp).
#include "pipeline/cli.hpp"

int main(int argc, char** argv) { return tv::run_cli(argc, argv); }
