#include "stages/common/inbox_text.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>

#include <utf8proc.h>

#include "stages/normalise/fields/text.hpp"

namespace tv::inbox_text {

Lines::Lines(std::string_view bytes) {
  for (std::size_t i = bytes.find('\n'); i != std::string_view::npos; i = bytes.find('\n', i + 1)) newlines_.push_back(i);
}

int Lines::line_of(std::size_t offset) const {
  return 1 + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
}

long next_code_point(std::string_view s, std::size_t& i) {
  utf8proc_int32_t cp = -1;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  i += n > 0 ? static_cast<std::size_t>(n) : 1;
  return n > 0 ? cp : -1;
}

bool is_control(long cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

std::string code_point_name(long cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04lX", cp);
  return buf;
}

std::string shown(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (out.size() >= 60) return out + "…";
    const std::size_t start = i;
    const long cp = next_code_point(s, i);
    if (cp < 0 || is_control(cp)) out += "\uFFFD";
    else out.append(s.substr(start, i - start));
  }
  return out;
}

std::string_view trim(std::string_view s) {
  const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

std::string folded(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                              &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) return fields::ascii_lower(s);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

std::size_t edit_distance(std::string_view x, std::string_view y) {
  if (x.size() > 24 || y.size() > 24) return 99;
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j)
      diag = std::exchange(row[j], std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)}));
  }
  return row[y.size()];
}

bool real_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const auto num = [&](std::size_t from, std::size_t len) {
    unsigned v = 0;
    for (std::size_t i = from; i < from + len; ++i) v = v * 10 + static_cast<unsigned>(s[i] - '0');
    return v;
  };
  return std::chrono::year_month_day{std::chrono::year{static_cast<int>(num(0, 4))}, std::chrono::month{num(5, 2)},
                                     std::chrono::day{num(8, 2)}}
      .ok();
}

}  // namespace tv::inbox_text
