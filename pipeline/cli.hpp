// Cli: `pipeline [--config FILE] [--SECTION.KEY=VALUE ...] COMMAND [ARGS]`.
// Splits the global options from the command and its own arguments, reads the
// configuration, and dispatches. Usage errors exit 64, configuration errors 78, each with
// one clear line on stderr; --help works everywhere and exits 0.
#pragma once

namespace tv {

int run_cli(int argc, char** argv);

}  // namespace tv
