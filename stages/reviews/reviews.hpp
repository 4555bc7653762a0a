// Reviews: reads a panel reviews file (XML, root <panel>; format in docs/reviews.md) into
// plain values. Pure: no I/O, no store, no clock; never throws.
//
// Takes the file's bytes as they are (any size, any content) and the reviewer ids configured
// (pipeline.ini; today builder, skeptic, futurist, buyer). Returns the panel's date, the
// reviews in file order, and the problems found. A file with any problem is refused as a
// whole: `errors` is then non-empty and `reviews` is empty. Problems are reported in line
// order, at most kMaxErrors of them (`errors_truncated` says more were found); each names a
// 1-based line and says, in a sentence for the editor, what is wrong and how to put it right.
//
// What is checked: the bytes are UTF-8 without control characters (one problem per line);
// the XML is well-formed (pugixml stops at its first error; problems on earlier lines are
// still reported); no <!DOCTYPE>; a declared encoding is UTF-8; the root is <panel> with a
// real date="YYYY-MM-DD" and nothing else; its children are only <review> elements, each
// with exactly tool, reviewer and verdict, and no child elements; no text outside them. The
// tool is non-empty after trimming, at most kMaxToolBytes, free of control characters; the
// reviewer is one of the configured ids (exactly; a near miss is suggested); the verdict is
// "ship" or "skip" (lower-case; a near miss is suggested); the quote is the element's text,
// whitespace runs folded to one space and trimmed (fields::clean_decoded_text), non-empty and
// at most kMaxQuoteBytes. One reviewer reviews one tool once per file: the same tool (ignoring
// case, after NFC) and reviewer twice is a problem on the second, naming the first's line.
//
// Hostile input: a file over kMaxBytes is refused before parsing; pugixml parses without
// recursion and never expands entities; only the root and its children are walked, so deep
// nesting costs one problem, not stack; more than kMaxReviews reviews is a problem.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tv::reviews {

inline constexpr std::size_t kMaxBytes = 8u << 20;  // 8 MiB
inline constexpr std::size_t kMaxReviews = 10'000;
inline constexpr std::size_t kMaxToolBytes = 200;
inline constexpr std::size_t kMaxQuoteBytes = 4000;
inline constexpr std::size_t kMaxErrors = 20;

enum class Verdict { ship, skip };

// "ship", "skip": as written in verdict="…".
std::string_view to_string(Verdict);

struct Review {
  std::string tool;      // as written (trimmed); resolving it to a tool is the caller's business
  std::string reviewer;  // one of the known ids
  Verdict verdict = Verdict::ship;
  std::string quote;     // the element's text, cleaned; never empty
  int line = 0;          // 1-based line of the element's start tag
};

struct FileError {
  int line = 1;         // 1-based; problems of the whole file (size, empty) say line 1
  std::string message;  // one sentence, without the "line N: " prefix
};

// "line 7: <review> reviewer=\"skeptik\" is not ..."
std::string to_string(const FileError&);

struct Parsed {
  std::string date;  // from the root, as written (trimmed); may be empty on error
  std::vector<Review> reviews;
  std::vector<FileError> errors;
  bool errors_truncated = false;  // more than kMaxErrors problems were found
  bool ok() const { return errors.empty(); }
};

// known_reviewers: the reviewer ids configured, e.g. {"builder", "skeptic", "futurist", "buyer"}.
Parsed parse(std::string_view bytes, const std::vector<std::string>& known_reviewers);

}  // namespace tv::reviews
