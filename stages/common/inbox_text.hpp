// InboxText: the small text helpers that the editor-written inbox kinds (directives, panel
// reviews, vote exports) share: line numbers from byte offsets, UTF-8 decoding, values shown safely inside
// messages, trimming, Unicode folding, edit distance, real dates. Pure; never throws (but
// std::bad_alloc).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tv::inbox_text {

// 1-based line numbers of byte offsets in one text.
class Lines {
 public:
  explicit Lines(std::string_view bytes);
  // The line of the byte at `offset` (an offset past the end is on the last line).
  int line_of(std::size_t offset) const;

 private:
  std::vector<std::size_t> newlines_;
};

// The code point at s[i], advancing i; -1 (and i past one byte) when ill-formed: truncated,
// overlong, a surrogate, or above U+10FFFF.
long next_code_point(std::string_view s, std::size_t& i);

bool is_control(long cp);              // C0, DEL and C1 controls
std::string code_point_name(long cp);  // "U+0007"

// A value as shown inside a message: at most ~60 bytes, cut on a character boundary, with
// ill-formed bytes and control characters shown as U+FFFD.
std::string shown(std::string_view s);

std::string_view trim(std::string_view s);  // ASCII spaces, tabs, CR, LF at both ends

// NFC + Unicode case folding, for "is this the same name"; ASCII lower-case if utf8proc refuses.
std::string folded(std::string_view s);

// Edit distance of two short words (longer than 24 bytes: 99, never "close").
std::size_t edit_distance(std::string_view x, std::string_view y);

// A YYYY-MM-DD date that exists on the calendar.
bool real_date(std::string_view s);

}  // namespace tv::inbox_text
