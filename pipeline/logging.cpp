#include "pipeline/logging.hpp"

#include <spdlog/sinks/ansicolor_sink.h>
#include <spdlog/sinks/basic_file_sink.h>

#include <nlohmann/json.hpp>

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
    auto t = system_clock::to_time_t(msg.time);
    auto ms = duration_cast<milliseconds>(msg.time.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char ts[40];
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms));
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
  auto now = std::chrono::system_clock::now();
  auto t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  std::random_device rd;
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%04x", unsigned(rd() & 0xffff));
  return std::string(buf) + "-" + suffix;
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
