#include "pipeline/logging.hpp"

#include <spdlog/sinks/ansicolor_sink.h>
#include <spdlog/sinks/basic_file_sink.h>

#include <nlohmann/json.hpp>

#include "stages/common/utc.hpp"

#include <chrono>
#include <ctime>
#include <random>

namespace tv {
namespace {

// Formats a log_msg as one JSON object: {"ts","level","run_id","msg"}.
class JsonFormatter final : public spdlog::formatter {
 public:
  explicit JsonFormatter(std::string run_id) : run_id_(std::move(run_id)) {}

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    using namespace std::chrono;
    auto ms = duration_cast<milliseconds>(msg.time.time_since_epoch()).count() % 1000;
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%03dZ", int(ms));
    std::string ts = format_utc(msg.time, "%Y-%m-%dT%H:%M:%S") + frac;
    nlohmann::json line = {
        {"ts", ts},
        {"level", std::string(spdlog::level::to_string_view(msg.level).data(),
                              spdlog::level::to_string_view(msg.level).size())},
        {"run_id", run_id_},
        {"msg", std::string(msg.payload.data(), msg.payload.size())},
    };
    // Replace invalid UTF-8 (a hostile file name) instead of throwing.
    auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    dest.append(text.data(), text.data() + text.size());
    dest.push_back('\n');
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>(run_id_);
  }

 private:
  std::string run_id_;
};

}  // namespace

std::string new_run_id() {
  std::random_device rd;
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%04x", unsigned(rd() & 0xffff));
  return format_utc(std::chrono::system_clock::now(), "%Y%m%dT%H%M%SZ") + "-" + suffix;
}

void init_terminal_logging(const std::string& level) {
  auto sink = std::make_shared<spdlog::sinks::ansicolor_stderr_sink_mt>();
  sink->set_pattern("%H:%M:%S %^%-5l%$ %v");
  auto logger = std::make_shared<spdlog::logger>("tv", sink);
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
}

void add_json_log_file(const std::filesystem::path& file, const std::string& run_id,
                       const std::string& level) {
  std::filesystem::create_directories(file.parent_path());
  auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(file.string(), false);
  sink->set_formatter(std::make_unique<JsonFormatter>(run_id));
  auto logger = spdlog::default_logger();
  logger->sinks().push_back(sink);
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::info);
}

}  // namespace tv
