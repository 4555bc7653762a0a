// Reasons: the words an editor reads when a file is moved aside. Each says what is wrong,
// where, and what to do about it. Kept in one place so they stay consistent and testable.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stages/ingest/sniff.hpp"

namespace tv::ingest {

struct Reason {
  std::string problem;  // what is wrong, and where
  std::string action;   // what the editor can do
};

// For a kind the inbox does not take (empty, binary, other XML, plain text). The kinds that
// have their own reader (pages, panel reviews, directives, votes) get their reasons below.
Reason reason_for_kind(const Sniffed& s, std::string_view bytes);
Reason reason_not_a_file(std::string_view what);  // "a folder", "a symbolic link", ...
Reason reason_too_large(std::uint64_t size, std::uint64_t limit);
Reason reason_page(const std::string& problem);   // a page that yielded no record
// A directives file with errors, each "line N: ..." (nothing in such a file is applied).
Reason reason_directives(const std::vector<std::string>& errors, bool more);
// A panel reviews file with errors, each "line N: ..." (no review of such a file counts).
Reason reason_panel(const std::vector<std::string>& errors, bool more);
// A votes file refused as a whole (too big, binary, UTF-16, no or wrong header): the problem.
// (A bad row does not refuse the file: it is a note on the taken file.)
Reason reason_votes_file(const std::string& problem);

struct ReasonFile {
  std::string name, sha256, run_id, at, kind;
  std::uint64_t size = 0;
  Reason reason;
};
// The text of NAME.reason.txt.
std::string format_reason_file(const ReasonFile& r);

}  // namespace tv::ingest
