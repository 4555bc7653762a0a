// Votes: reads a community votes file (CSV, header tool,voter,vote,cast_at; format in
// docs/votes.md) into plain values. Pure: no I/O, no store, no clock; never throws.
//
// Takes the file's bytes as they are (any size, any content). Unlike a directives file, a votes
// file is not refused for a bad row: each bad row is reported with its 1-based line (the first
// line of its record, when a quoted field spans lines) and a sentence naming the column, and
// the good rows of the file still count. Only a problem of the whole file (too big, binary or
// UTF-16, no header or the wrong one) sets `file_error`; the file then yields no rows at all.
//
// CSV is RFC 4180: fields in double quotes may hold commas, line breaks and "" for a quote;
// CRLF or LF; an optional UTF-8 byte-order mark; the last line break is optional; blank lines
// are skipped. The reader is one forward pass (linear time, no recursion); a quote left open
// at the end of the file is one error on the line it opened, and the rows before it count.
//
// Per row: exactly 4 fields; tool and voter trimmed, non-empty, at most kMaxNameBytes, valid
// UTF-8 without control characters; vote ship or skip (trimmed, any case); cast_at an ISO-8601
// date-time ('T' or a space; seconds optional, fractions dropped) with a zone (Z or ±HH:MM),
// kept as UTC "YYYY-MM-DDTHH:MM:SSZ" (a bare date, or a time without a zone, is refused:
// "latest" needs an instant).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "stages/common/csv.hpp"

namespace tv::votes {

inline constexpr std::size_t kMaxBytes = 64u << 20;  // 64 MiB
inline constexpr std::size_t kMaxNameBytes = 200;    // tool and voter
inline constexpr std::size_t kMaxErrors = 100;       // reported; the rest are counted

enum class Vote { ship, skip };

// "ship", "skip".
std::string_view to_string(Vote);

struct Row {
  std::string tool, voter;  // trimmed, as written
  Vote vote = Vote::ship;
  std::string cast_at;      // UTC, "2026-11-20T08:14:03Z"
  int line = 0;             // 1-based first line of the record
};

using csv::RowError;
using csv::to_string;
using csv::report;  // report(parsed): the editor-facing problem list (stages/common/csv.hpp)

struct Parsed : csv::Problems {
  std::vector<Row> rows;            // the good rows, in file order
};

Parsed parse(std::string_view bytes);

// One vote per (tool, voter): tools compare ignoring case (Unicode case folding after NFC, and
// surrounding spaces), voters exactly. The latest cast_at wins; on equal cast_at, the later line.
// Returns the winning rows in their original order (by line).
std::vector<Row> latest_per_voter(std::vector<Row> rows);

}  // namespace tv::votes
