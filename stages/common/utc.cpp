#include "stages/common/utc.hpp"

#include <ctime>

namespace tv {

std::string format_utc(std::chrono::system_clock::time_point when, const char* format) {
  auto t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

std::string utc_now() { return format_utc(std::chrono::system_clock::now(), "%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace tv
