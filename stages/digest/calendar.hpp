// Calendar: the ISO weeks the digest is made of, as text in, text out. Pure; never throws.
// A week is written "2026-W47" (ISO 8601: weeks start on Monday; week 1 holds the year's first
// Thursday). Dates are "YYYY-MM-DD", UTC.
#pragma once
#include <optional>
#include <string>

namespace tv::digest {

struct WeekSpan {
  std::string id;      // "2026-W47"
  std::string monday;  // "2026-11-16"
  std::string sunday;  // "2026-11-22"
};

// The week `id` names; nullopt-like: an empty id when `id` is not a real ISO week (W53 only in
// years that have one).
WeekSpan week_span(const std::string& id);

// The last complete ISO week before the one `date` falls in ("2026-11-23" -> 2026-W47); an
// empty id when the date cannot be read.
WeekSpan last_complete_week(const std::string& date);

// ISO weekday of a date, Monday 1 .. Sunday 7; 0 when the date cannot be read.
int iso_weekday(const std::string& date);

// "monday".."sunday" (any case) or "1".."7" -> 1..7; 0 otherwise.
int parse_weekday(const std::string& text);

// The day before `date` ("2026-11-16" -> "2026-11-15"); "" when the date cannot be read.
std::string day_before(const std::string& date);

// Days from `from` to `to` (both YYYY-MM-DD); nullopt when either cannot be read.
std::optional<int> days_between(const std::string& from, const std::string& to);

}  // namespace tv::digest
