// Csv: cuts RFC 4180 bytes into records, one forward pass (linear time, no recursion), for
// the CSV inbox kinds (community votes, subscribers). read_file() does the file-level checks
// and the header-then-rows walk they share; each kind checks its header and fields itself.
//
// Fields in double quotes may hold commas, line breaks and "" for a quote; CRLF or LF; the
// last line break is optional. Quoting mistakes do not stop the reader: a field with a quote
// in its middle, or text after its closing quote, carries a `problem` (the rest of a sentence
// naming the fix), and a quote left open at the end of the file marks its record
// `unterminated`. Line numbers are 1-based; a record spanning lines reports its first.
// Never throws (but std::bad_alloc).
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tv::csv {

// Spaces and tabs only: a line break inside a quoted field is part of the value.
std::string_view trim(std::string_view s);

struct Field {
  std::string text;
  std::string problem;  // a quoting problem, the rest of a sentence; empty if none
};

struct Record {
  int line = 1;        // first line
  int last_line = 1;   // line the record ends on
  std::vector<Field> fields;
  bool unterminated = false;  // a quote still open at the end of the file
  bool blank() const { return fields.size() == 1 && trim(fields[0].text).empty() && fields[0].problem.empty(); }
  bool bad_quote() const;     // some field has a quoting problem
};

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  // The next record, or false at the end of the bytes.
  bool next(Record& r);

 private:
  bool at_end_of_line() const;
  bool field(Field& f, Record& r);
  void quoted(Field& f, Record& r);

  std::string_view s_;
  std::size_t i_ = 0;
  int line_ = 1;
};

// What a CSV reader of one inbox kind found wrong: bad rows by line (reported and skipped)
// and any whole-file problem. The kinds' own results (votes::Parsed, digest::Parsed) extend it.
struct RowError {
  int line = 0;         // 1-based first line of the record
  std::string message;  // one sentence naming the column, without the "line N: " prefix
};

// "line 7: the vote is \"yes\"; ..."
std::string to_string(const RowError&);

struct Problems {
  std::vector<RowError> errors;     // the bad rows, in line order, at most the kind's limit
  std::size_t errors_left_out = 0;  // bad rows found past the limit
  std::string file_error;           // whole-file problem; empty when the file is usable
  bool usable() const { return file_error.empty(); }
};

// The editor-facing problem list: file_error, or one "line N: ..." per error, then
// "and N more problems." when some were left out. Empty when there is nothing to report.
std::vector<std::string> report(const Problems&);

// How one CSV inbox kind names itself in the file-level messages read_file() writes.
struct Kind {
  std::string_view file;             // "a votes file"
  std::string_view csv;              // "votes CSV"
  std::string_view header_line;      // "tool,voter,vote,cast_at"
  std::size_t max_bytes;
  std::string_view too_big_advice;   // after "... may be at most N bytes", e.g. ": split it into several files"
  std::string_view utf16_detail;     // after "saved as UTF-16", e.g. " (it starts with a UTF-16 byte-order mark)"
  std::string_view binary_advice;    // after "not a votes CSV; ", e.g. "check that the right file was dropped"
};

// The reading every CSV kind shares: refuses a file that is too big, UTF-16 or binary (setting
// out.file_error), drops a UTF-8 byte-order mark, skips blank records, hands the first record
// to `header_problem` ("" when it is the right header, else the file_error) and every later
// one to `row`. A header whose quote never closes, or no header at all, is a file_error too.
void read_file(std::string_view bytes, const Kind& kind, Problems& out,
               const std::function<std::string(const Record&)>& header_problem,
               const std::function<void(const Record&)>& row);

}  // namespace tv::csv
