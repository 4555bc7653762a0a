// Csv: cuts RFC 4180 bytes into records, one forward pass (linear time, no recursion), for
// the CSV inbox kinds (community votes, subscribers). Each kind checks the fields itself.
//
// Fields in double quotes may hold commas, line breaks and "" for a quote; CRLF or LF; the
// last line break is optional. Quoting mistakes do not stop the reader: a field with a quote
// in its middle, or text after its closing quote, carries a `problem` (the rest of a sentence
// naming the fix), and a quote left open at the end of the file marks its record
// `unterminated`. Line numbers are 1-based; a record spanning lines reports its first.
// Never throws (but std::bad_alloc).
#pragma once
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

}  // namespace tv::csv
