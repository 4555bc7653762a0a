#include "stages/digest/calendar.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <optional>

#include "stages/pair/pair.hpp"

namespace tv::digest {
namespace {

using namespace std::chrono;

bool digits(const std::string& s, std::size_t from, std::size_t n) {
  for (std::size_t i = from; i < from + n; ++i)
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

std::optional<sys_days> read_date(const std::string& date) {
  // Exactly YYYY-MM-DD: sscanf alone would take "+026" or " 2".
  if (date.size() != 10 || !digits(date, 0, 4) || date[4] != '-' || !digits(date, 5, 2) || date[7] != '-' ||
      !digits(date, 8, 2))
    return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::string write_date(sys_days d) {
  year_month_day ymd{d};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return out;
}

WeekSpan span_of_monday(sys_days monday) {
  std::string m = write_date(monday);
  return {pair::iso_week(m), m, write_date(monday + days{6})};
}

}  // namespace

WeekSpan week_span(const std::string& id) {
  int y = 0, w = 0;
  char tail = 0;
  if (id.size() != 8 || std::sscanf(id.c_str(), "%4d-W%2d%c", &y, &w, &tail) != 2 || w < 1 || w > 53) return {};
  if (!digits(id, 0, 4) || !digits(id, 6, 2)) return {};
  // Week 1 holds January 4th; its Monday starts the ISO year.
  sys_days jan4{year{y} / January / 4};
  sys_days week1 = jan4 - days{weekday{jan4}.iso_encoding() - 1};
  WeekSpan s = span_of_monday(week1 + days{7 * (w - 1)});
  return s.id == id ? s : WeekSpan{};  // W53 of a year without one lands in the next year
}

WeekSpan last_complete_week(const std::string& date) {
  auto d = read_date(date);
  if (!d) return {};
  sys_days monday = *d - days{weekday{*d}.iso_encoding() - 1};
  return span_of_monday(monday - days{7});
}

int iso_weekday(const std::string& date) {
  auto d = read_date(date);
  return d ? int(weekday{*d}.iso_encoding()) : 0;
}

int parse_weekday(const std::string& text) {
  static const std::array<const char*, 7> names{"monday", "tuesday", "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
  std::string t;
  for (char ch : text) t.push_back(char(std::tolower(static_cast<unsigned char>(ch))));
  if (t.size() == 1 && t[0] >= '1' && t[0] <= '7') return t[0] - '0';
  for (std::size_t i = 0; i < names.size(); ++i)
    if (t == names[i]) return int(i) + 1;
  return 0;
}

std::string day_before(const std::string& date) {
  auto d = read_date(date);
  return d ? write_date(*d - days{1}) : "";
}

std::optional<int> days_between(const std::string& from, const std::string& to) {
  auto a = read_date(from), b = read_date(to);
  if (!a || !b) return std::nullopt;
  return int((*b - *a).count());
}

}  // namespace tv::digest
