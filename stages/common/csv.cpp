#include "stages/common/csv.hpp"

#include <algorithm>

namespace tv::csv {

std::string_view trim(std::string_view s) {
  const auto ws = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

bool Record::bad_quote() const {
  return std::any_of(fields.begin(), fields.end(), [](const Field& f) { return !f.problem.empty(); });
}

bool Reader::next(Record& r) {
  if (i_ >= s_.size()) return false;
  r.line = line_;
  r.fields.clear();
  r.unterminated = false;
  for (;;) {
    r.fields.emplace_back();
    Field& f = r.fields.back();
    const bool more = field(f, r);
    if (!more) break;
  }
  r.last_line = line_;
  if (i_ < s_.size() && s_[i_] == '\n') ++i_, ++line_;  // the record's line break
  return true;
}

bool Reader::at_end_of_line() const {
  return i_ >= s_.size() || s_[i_] == '\n' || (s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ||
         (s_[i_] == '\r' && i_ + 1 == s_.size());
}

// Reads one field at i_; true when a comma follows (another field), false at the record's end
// (i_ then at its '\n' or the end; a CR before it is consumed).
bool Reader::field(Field& f, Record& r) {
  std::size_t j = i_;
  while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
  if (j < s_.size() && s_[j] == '"') {
    i_ = j + 1;
    quoted(f, r);
    if (r.unterminated) return false;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
    if (!at_end_of_line() && s_[i_] != ',') {
      f.problem = "has text after its closing double quote; put the whole field in quotes and write \"\" for a "
                  "quote inside it.";
      while (!at_end_of_line() && s_[i_] != ',') ++i_;
    }
  } else {
    const std::size_t start = i_;
    while (!at_end_of_line() && s_[i_] != ',') ++i_;
    f.text.assign(s_.substr(start, i_ - start));
    if (f.text.find('"') != std::string::npos)
      f.problem = "holds a double quote but does not start with one; put the whole field in quotes and write "
                  "\"\" for each quote inside it.";
  }
  if (i_ < s_.size() && s_[i_] == ',') return ++i_, true;
  if (i_ < s_.size() && s_[i_] == '\r') ++i_;
  return false;
}

// i_ just past the opening quote; leaves i_ just past the closing one.
void Reader::quoted(Field& f, Record& r) {
  for (;;) {
    const std::size_t q = s_.find('"', i_);
    const std::size_t stop = q == std::string_view::npos ? s_.size() : q;
    const std::string_view chunk = s_.substr(i_, stop - i_);
    line_ += static_cast<int>(std::count(chunk.begin(), chunk.end(), '\n'));
    f.text.append(chunk);
    if (q == std::string_view::npos) {
      i_ = s_.size();
      r.unterminated = true;
      return;
    }
    if (q + 1 < s_.size() && s_[q + 1] == '"') {
      f.text += '"';
      i_ = q + 2;
      continue;
    }
    i_ = q + 1;
    return;
  }
}

std::string to_string(const RowError& e) { return "line " + std::to_string(e.line) + ": " + e.message; }

std::vector<std::string> report(const Problems& p) {
  std::vector<std::string> out;
  if (!p.file_error.empty()) out.push_back(p.file_error);
  for (const auto& e : p.errors) out.push_back(to_string(e));
  if (p.errors_left_out > 0)
    out.push_back("and " + std::to_string(p.errors_left_out) + (p.errors_left_out == 1 ? " more problem." : " more problems."));
  return out;
}

void read_file(std::string_view bytes, const Kind& kind, Problems& out,
               const std::function<std::string(const Record&)>& header_problem,
               const std::function<void(const Record&)>& row) {
  const std::string header_sentence =
      std::string(kind.file) + " starts with the header line " + std::string(kind.header_line) + ".";
  if (bytes.size() > kind.max_bytes) {
    out.file_error = "the file is " + std::to_string(bytes.size()) + " bytes; " + std::string(kind.file) +
                     " may be at most " + std::to_string(kind.max_bytes) + " bytes" + std::string(kind.too_big_advice) +
                     ".";
    return;
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    out.file_error = "the file is saved as UTF-16" + std::string(kind.utf16_detail) + "; " + std::string(kind.file) +
                     " must be UTF-8: save it again as CSV UTF-8.";
    return;
  }
  if (bytes.find('\0') != std::string_view::npos) {
    out.file_error = "the file holds NUL bytes, so it is binary data, not a " + std::string(kind.csv) + "; " +
                     std::string(kind.binary_advice) + ".";
    return;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

  Reader reader(bytes);
  Record r;
  bool header = false;
  while (reader.next(r)) {
    if (!header && r.unterminated) {
      out.file_error = "the header (line " + std::to_string(r.line) + ") opens a double quote that is never closed; " +
                       header_sentence;
      return;
    }
    if (r.blank()) continue;
    if (!header) {
      if (auto why = header_problem(r); !why.empty()) {
        out.file_error = why;
        return;
      }
      header = true;
      continue;
    }
    row(r);
  }
  if (!header) out.file_error = "the file holds no header and no rows; " + header_sentence;
}

}  // namespace tv::csv
