// Logging: one spdlog logger for the whole process with two sinks.
//   - the terminal (stderr): short readable lines, coloured when stderr is a terminal;
//   - a JSON-lines file under paths.state: one valid JSON object a line, each carrying the
//     run id, so a night's log can be filtered and read by machines.
// spdlog has no structured logging and a JSON pattern would not escape the message, so the
// file sink has a formatter of its own that escapes every field.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace tv {

// A run id: UTC time plus a random suffix, e.g. "20261122T223512Z-3f9a".
std::string new_run_id();

// Sets up the default logger: terminal only (before the config is read).
void init_terminal_logging(const std::string& level = "info");

// Adds the JSON-lines file sink (creating its folder) and tags every line with `run_id`.
// Throws std::runtime_error naming the file when it cannot be opened.
void add_json_log_file(const std::filesystem::path& file, const std::string& run_id,
                       const std::string& level);

}  // namespace tv
