#include "pipeline/logging.hpp"

#include <spdlog/sinks/ansicolor_sink.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/pattern_formatter.h>

#include <nlohmann/json.hpp>

#include "stages/common/utc.hpp"

#include <chrono>
#include <ctime>
#include <random>

namespace tv {
namespace {

// A message as it may be shown: file names and scraped text in it cannot move a terminal's
// cursor, recolour it or forge a log line. Every control character but the line feed (C0,
// DEL, C1) and every ill-formed UTF-8 byte becomes U+FFFD; a line feed not followed by a
// space is followed by two, so a line that does not start with a time is always the
// continuation of the line above.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 && c >= 0xC2 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 && c <= 0xF4 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    if (ok && len == 3) {  // no overlong forms, no surrogates
      const auto d = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0);
    }
    if (ok && len == 4) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d >= 0x90);
    }
    const bool control = ok && ((c < 0x20 && c != '\n') || c == 0x7F || (c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0));
    if (!ok || control) {
      out += "\xEF\xBF\xBD";
      i += ok ? len : 1;
      continue;
    }
    out.append(s, i, len);
    if (c == '\n' && (i + 1 >= s.size() || s[i + 1] != ' ')) out += "  ";
    i += len;
  }
  return out;
}

// The terminal's "%*": the message, printable.
class PrintableMessage final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    auto text = printable(std::string_view(msg.payload.data(), msg.payload.size()));
    dest.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<PrintableMessage>(); }
};

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
        {"msg", printable(std::string_view(msg.payload.data(), msg.payload.size()))},
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
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<PrintableMessage>('*').set_pattern("%H:%M:%S %^%-5l%$ %*");
  sink->set_formatter(std::move(formatter));
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
