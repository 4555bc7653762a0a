// Directives: reads an editor's directives file (XML, root <directives>; format in
// docs/directives.md) into plain values. Pure: no I/O, no store, no clock; never throws.
//
// Takes the file's bytes as they are (any size, any content). Returns the root's date and
// editor, the directives in file order, and the problems found. A file with any problem is
// refused as a whole: `errors` is then non-empty and `directives` is empty, so nothing of a
// half-right file can be applied. Problems are reported in line order, at most kMaxErrors of
// them (`errors_truncated` says more were found); each names a 1-based line and says, in a
// sentence for the editor, what is wrong and how to put it right.
//
// What is checked: the bytes are UTF-8 without control characters (one problem per line);
// the XML is well-formed (pugixml stops at its first error; problems on earlier lines are
// still reported); no <!DOCTYPE> (refused, never interpreted); a declared encoding is UTF-8;
// the root is <directives> with a real date="YYYY-MM-DD" and a non-empty editor="…" and
// nothing else; its children are only the five directive
// elements, each with exactly its two attributes and no child elements; no text outside them;
// names are non-empty after trimming, at most kMaxNameBytes, free of control characters, and
// the two names differ (ignoring case, after NFC; a rename may change case alone). Names are
// kept as written (trimmed); resolving them to tools is the caller's business. An element's
// text is its note: whitespace runs folded to one space, trimmed (fields::clean_decoded_text).
//
// Hostile input: a file over kMaxBytes is refused before parsing; pugixml parses without
// recursion and never expands entities; only the root and its children are walked, so deep
// nesting costs one problem, not stack; more than kMaxDirectives directives is a problem.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tv::directives {

inline constexpr std::size_t kMaxBytes = 8u << 20;  // 8 MiB
inline constexpr std::size_t kMaxDirectives = 10'000;
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxErrors = 20;

enum class Action { merge, split, rename, pair, never_pair };

// The element name: "merge", "split", "rename", "pair", "never-pair".
std::string_view to_string(Action);

struct Directive {
  Action action = Action::merge;
  std::string a, b;  // the two names; rename: a = a name the tool is known by, b = new display name
  std::string note;  // the element's text, cleaned; may be empty
  int line = 0;      // 1-based line of the element's start tag
};

struct FileError {
  int line = 1;         // 1-based; problems of the whole file (size, empty) say line 1
  std::string message;  // one sentence, without the "line N: " prefix
};

// "line 7: <merge> needs both ..."
std::string to_string(const FileError&);

struct Parsed {
  std::string date, editor;  // from the root, as written (trimmed); may be empty on error
  std::vector<Directive> directives;
  std::vector<FileError> errors;
  bool errors_truncated = false;  // more than kMaxErrors problems were found
  bool ok() const { return errors.empty(); }
};

Parsed parse(std::string_view bytes);

}  // namespace tv::directives
