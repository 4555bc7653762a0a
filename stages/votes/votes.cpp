// Votes: whole-file checks, then one forward pass that cuts the bytes into CSV records, then a
// check of each record on its own. A record's problems never reach past the record, so the
// good rows around a bad one still count.
#include "stages/votes/votes.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "stages/common/csv.hpp"
#include "stages/common/inbox_text.hpp"
#include "stages/normalise/fields/text.hpp"

namespace tv::votes {
namespace {

using inbox_text::folded;
using inbox_text::is_control;
using inbox_text::next_code_point;
using inbox_text::shown;
using csv::Reader;
using csv::Record;
using csv::trim;

constexpr const char* kColumns[4] = {"tool", "voter", "vote", "cast_at"};

// ---- bytes ----------------------------------------------------------------------------------

// Empty when `s` is valid UTF-8 without control characters; else the rest of a sentence
// about the column ("... is not valid UTF-8 (byte 0xE9); ...").
std::string byte_problem(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const long cp = next_code_point(s, i);
    if (cp < 0) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "is not valid UTF-8 (byte 0x%02X); save the file as UTF-8.",
                    static_cast<unsigned>(static_cast<unsigned char>(s[start])));
      return buf;
    }
    if (is_control(cp)) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "holds an invisible control character (U+%04lX%s); retype it.", cp,
                    cp == '\n' ? ", a line break inside quotes" : "");
      return buf;
    }
  }
  return {};
}

// ---- header ---------------------------------------------------------------------------------

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Empty when the header is exactly tool,voter,vote,cast_at (trimmed, any case).
std::string header_problem(const Record& r) {
  std::vector<std::string> names;
  for (const auto& f : r.fields) names.push_back(fields::ascii_lower(trim(f.text)));
  const std::string expected = "a votes file starts with the header line tool,voter,vote,cast_at";
  bool first_four = names.size() >= 4;
  for (std::size_t k = 0; k < 4 && first_four; ++k) first_four = names[k] == kColumns[k];
  if (first_four && names.size() == 4) return {};
  if (first_four) {
    std::vector<std::string> extra;
    for (std::size_t k = 4; k < names.size(); ++k) {
      std::string name = "\"";
      name += shown(trim(r.fields[k].text));
      name += '"';
      extra.push_back(std::move(name));
    }
    return "the header (line " + std::to_string(r.line) + ") has extra columns " + join(extra) + "; " + expected +
           " and nothing more: delete those columns.";
  }
  std::string found;
  for (std::size_t k = 0; k < r.fields.size() && found.size() < 200; ++k) {
    if (k > 0) found += ',';
    found += shown(trim(r.fields[k].text));
  }
  std::vector<std::string> missing;
  for (const char* c : kColumns)
    if (std::find(names.begin(), names.end(), c) == names.end()) missing.push_back(c);
  std::string out = "the header (line " + std::to_string(r.line) + ") reads \"" + shown(found) + "\"; " + expected;
  if (!missing.empty() && missing.size() < 4) out += " (missing: " + join(missing) + ")";
  else if (missing.empty()) out += ", in that order";
  return out + ".";
}

// ---- cast_at --------------------------------------------------------------------------------

bool digits(std::string_view s, std::size_t at, std::size_t n, int& v) {
  if (at + n > s.size()) return false;
  v = 0;
  for (std::size_t k = at; k < at + n; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
    v = v * 10 + (s[k] - '0');
  }
  return true;
}

// "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)" (T may be t or a space, Z may be z) as UTC
// "YYYY-MM-DDTHH:MM:SSZ"; the fraction is dropped. Empty `why` on success.
std::string normalise_time(std::string_view s, std::string& why) {
  const std::string example = "write it like 2026-11-20T08:14:03Z (UTC) or 2026-11-20T10:14:03+02:00.";
  int y, mo, d, h, mi, se;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' || !digits(s, 8, 2, d)) {
    why = "is not an ISO-8601 date-time; " + example;
    return {};
  }
  if (s.size() == 10) {
    why = "is a date without a time; a vote needs the time it was cast: " + example;
    return {};
  }
  if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' ||
      !digits(s, 14, 2, mi)) {
    why = "is not an ISO-8601 date-time; " + example;
    return {};
  }
  std::size_t at = 16;
  if (at < s.size() && s[at] == ':') {
    if (!digits(s, at + 1, 2, se)) {
      why = "is not an ISO-8601 date-time; " + example;
      return {};
    }
    at += 3;
  } else {
    se = 0;
  }
  if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
    std::size_t k = at + 1;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
    if (k == at + 1) {
      why = "is not an ISO-8601 date-time; " + example;
      return {};
    }
    at = k;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 59) {
    why = "is not a real date and time; " + example;
    return {};
  }
  int offset = 0;  // seconds east of UTC
  if (at == s.size()) {
    why = "has no time zone, so the moment it names is unknown; add Z for UTC or the offset: " + example;
    return {};
  }
  if (s[at] == 'Z' || s[at] == 'z') {
    ++at;
  } else if (s[at] == '+' || s[at] == '-') {
    const int sign = s[at] == '-' ? -1 : 1;
    int oh, om;
    std::size_t k = at + 1;
    if (!digits(s, k, 2, oh)) {
      why = "has a malformed time zone offset; " + example;
      return {};
    }
    k += 2;
    if (k < s.size() && s[k] == ':') ++k;
    if (!digits(s, k, 2, om) || oh > 23 || om > 59) {
      why = "has a malformed time zone offset; " + example;
      return {};
    }
    offset = sign * (oh * 3600 + om * 60);
    at = k + 2;
  }
  if (at != s.size()) {
    why = "is not an ISO-8601 date-time (it goes on after the time zone); " + example;
    return {};
  }
  using namespace std::chrono;
  const sys_seconds t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{se} - seconds{offset};
  const sys_days day = floor<days>(t);
  const year_month_day u{day};
  const hh_mm_ss<seconds> hms{t - day};
  const int uy = static_cast<int>(u.year());
  if (uy < 1000 || uy > 9999) {
    why = "is not a plausible date; " + example;
    return {};
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", uy, static_cast<unsigned>(u.month()),
                static_cast<unsigned>(u.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buf;
}

// ---- rows -----------------------------------------------------------------------------------

class Errors {
 public:
  explicit Errors(Parsed& out) : out_(out) {}
  void add(int line, std::string message) {
    if (out_.errors.size() < kMaxErrors) out_.errors.push_back({line, std::move(message)});
    else ++out_.errors_left_out;
  }

 private:
  Parsed& out_;
};

std::string column(std::size_t k) { return std::string("the ") + kColumns[k]; }

// Checks a name column (tool, voter); empty when fine.
std::string name_problem(std::size_t k, std::string_view raw) {
  const std::string_view v = trim(raw);
  if (v.empty()) return column(k) + " is empty; every row needs one.";
  if (auto why = byte_problem(v); !why.empty()) return column(k) + " \"" + shown(v) + "\" " + why;
  if (v.size() > kMaxNameBytes)
    return column(k) + " is " + std::to_string(v.size()) + " bytes long; it may be at most " +
           std::to_string(kMaxNameBytes) + " bytes.";
  return {};
}

void check(const Record& r, Parsed& out, Errors& errors) {
  if (r.unterminated) {
    std::string span = r.last_line > r.line ? " (lines " + std::to_string(r.line) + " to " +
                                                  std::to_string(r.last_line) + " were read as one field and not counted)"
                                            : "";
    errors.add(r.line, "a double quote opened in this row is never closed" + span +
                           "; close it, and write \"\" for a quote inside a field.");
    return;
  }
  if (r.fields.size() != 4) {
    std::string msg = "this row has " + std::to_string(r.fields.size()) + (r.fields.size() == 1 ? " field" : " fields") +
                      "; a row has 4: tool,voter,vote,cast_at";
    if (r.fields.size() > 4) msg += " (a tool name with a comma must be in double quotes)";
    errors.add(r.line, msg + ".");
    return;
  }
  bool bad = false;
  const auto fail = [&](std::string msg) {
    errors.add(r.line, std::move(msg));
    bad = true;
  };
  for (std::size_t k = 0; k < 4; ++k)
    if (!r.fields[k].problem.empty()) fail(column(k) + " field " + r.fields[k].problem);
  if (bad) return;

  Row row;
  row.line = r.line;
  for (std::size_t k = 0; k < 2; ++k)
    if (auto why = name_problem(k, r.fields[k].text); !why.empty()) fail(why);
  row.tool = std::string(trim(r.fields[0].text));
  row.voter = std::string(trim(r.fields[1].text));

  const std::string vote = fields::ascii_lower(trim(r.fields[2].text));
  if (vote == "ship") row.vote = Vote::ship;
  else if (vote == "skip") row.vote = Vote::skip;
  else if (vote.empty()) fail("the vote is empty; write ship or skip.");
  else fail("the vote is \"" + shown(trim(r.fields[2].text)) + "\"; write ship or skip.");

  const std::string_view when = trim(r.fields[3].text);
  if (when.empty()) {
    fail("the cast_at is empty; write when the vote was cast, like 2026-11-20T08:14:03Z.");
  } else {
    std::string why;
    row.cast_at = normalise_time(when, why);
    if (!why.empty()) fail("the cast_at \"" + shown(when) + "\" " + why);
  }
  if (!bad) out.rows.push_back(std::move(row));
}

}  // namespace

std::string_view to_string(Vote v) { return v == Vote::ship ? "ship" : "skip"; }

Parsed parse(std::string_view bytes) {
  Parsed out;
  static constexpr csv::Kind kind{"a votes file", "votes CSV", "tool,voter,vote,cast_at", kMaxBytes,
                                   ": split it into several files", " (it starts with a UTF-16 byte-order mark)",
                                   "check that the right file was dropped"};
  Errors errors(out);
  csv::read_file(bytes, kind, out, header_problem, [&](const Record& r) { check(r, out, errors); });
  return out;
}

std::vector<Row> latest_per_voter(std::vector<Row> rows) {
  std::unordered_map<std::string, std::size_t> best;  // key -> index into rows
  best.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string key = folded(trim(rows[i].tool));
    key += '\0';
    key += rows[i].voter;
    auto [it, inserted] = best.try_emplace(std::move(key), i);
    if (inserted) continue;
    const Row& old = rows[it->second];
    const Row& now = rows[i];
    if (now.cast_at > old.cast_at || (now.cast_at == old.cast_at && now.line > old.line)) it->second = i;
  }
  std::vector<std::size_t> keep;
  keep.reserve(best.size());
  for (const auto& [key, i] : best) keep.push_back(i);
  std::sort(keep.begin(), keep.end(), [&](std::size_t a, std::size_t b) {
    return rows[a].line != rows[b].line ? rows[a].line < rows[b].line : a < b;
  });
  std::vector<Row> out;
  out.reserve(keep.size());
  for (std::size_t i : keep) out.push_back(std::move(rows[i]));
  return out;
}

}  // namespace tv::votes
