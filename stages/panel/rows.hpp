// Rows: what the state store keeps of panel review files and community vote files, as plain
// structs (schema in docs/state.md). The nightly run writes them when it takes a file; the
// attach step (attach.hpp) reads every one of them back each night. Nothing here is ever
// updated or deleted: a newer review or vote is a new row, and "which one counts" is decided
// when reading (docs/reviews.md, docs/votes.md).
#pragma once
#include <cstdint>
#include <string>

namespace tv::panel {

// One <review> of a taken panel file.
struct ReviewRow {
  std::int64_t id = 0;     // store row id: the order reviews arrived in (0 until stored)
  std::string file;        // the inbox file's name
  int line = 0;            // 1-based line of the <review> start tag
  std::string panel_date;  // YYYY-MM-DD, the <panel date="...">
  std::string tool;        // the tool's name as written (any of its names)
  std::string reviewer;    // a reviewer id (panel.reviewers when the file was taken)
  std::string verdict;     // "ship" or "skip"
  std::string quote;
  std::string run_id;      // the run that took the file
  std::string taken_at;    // UTC ISO-8601, when it was taken
};

// One good row of a taken votes file.
struct VoteRow {
  std::int64_t id = 0;  // store row id: arrival order (a file's rows in line order)
  std::string file;     // the inbox file's name
  int line = 0;         // 1-based first line of the CSV record
  std::string tool;     // the tool's name as written
  std::string voter;    // as the voting site gives it, compared exactly
  std::string vote;     // "ship" or "skip"
  std::string cast_at;  // UTC, "2026-11-20T08:14:03Z"
  std::string run_id;
};

// A problem inside a file that was taken anyway (a bad row of a votes file).
struct DropNote {
  std::string file;    // the inbox file's name
  std::string run_id;  // the run that took it
  std::string at;      // when it was taken, UTC ISO-8601
  int line = 0;        // 1-based; 0 for a note on the whole file ("and 12 more problems.")
  std::string note;    // the sentence, without the "line N: " prefix
};

}  // namespace tv::panel
