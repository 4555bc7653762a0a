// Commands: what each `pipeline` subcommand does once the command line is understood.
// Each returns the process exit status (exit_codes.hpp) and prints for people on stdout,
// problems on stderr (through the logger).
#pragma once
#include <string>
#include <vector>

#include "pipeline/config.hpp"

namespace tv {

int command_run(const Config& cfg);
int command_status(const Config& cfg, bool json);
int command_export_records(const Config& cfg);
int command_export_tools(const Config& cfg);
int command_export_comparisons(const Config& cfg);
int command_export_reviews(const Config& cfg);
int command_export_site(const Config& cfg);
// Builds, writes and (with send) mails a week's digest; `week` "" = the last complete week.
// `resend`: addresses whose uncertain message the editor wants sent again (with send only).
int command_digest(const Config& cfg, const std::string& week, bool dry_run, bool send,
                   const std::vector<std::string>& resend = {});
// `pipeline subscribers ...` (docs/subscribers.md).
int command_subscribers_import(const Config& cfg, const std::filesystem::path& file);
int command_subscribers_list(const Config& cfg, bool json);
int command_subscribers_export(const Config& cfg);
int command_subscribers_unsubscribe(const Config& cfg, const std::string& email);
// `pipeline bounces --maildir DIR`: DSNs, complaints and mailed unsubscribes (docs/bounces.md).
int command_bounces(const Config& cfg, const std::filesystem::path& maildir);
// `pipeline serve`: sign-up, confirm and unsubscribe over HTTP until SIGTERM (docs/serve.md).
int command_serve(const Config& cfg);
int command_eval_dedupe(const std::string& file, bool list_mistakes);
int command_eval_extract(const Config& cfg, const std::filesystem::path& dir, bool list_mistakes);

// Where the state database lives.
std::filesystem::path state_db(const Config& cfg);

}  // namespace tv
