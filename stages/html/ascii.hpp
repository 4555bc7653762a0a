// Ascii: the byte tests the HTML tokenizer's rules are written in, shared by the encoding
// prescan, the depth estimate and the name escaping. Internal to stages/html. ASCII only, byte at a time: bytes
// >= 0x80 are never whitespace, letters or case-folded. Never throws.
#pragma once
#include <cstddef>
#include <string_view>

namespace tv::html::detail {

// The HTML standard's ASCII whitespace: space, tab, LF, FF, CR.
inline bool is_html_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
inline bool is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 0x20 : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// Whether s has `lower_word` (given in lower case) at `pos`, ignoring ASCII case.
inline bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view lower_word) {
  return pos + lower_word.size() <= s.size() && iequals(s.substr(pos, lower_word.size()), lower_word);
}

}  // namespace tv::html::detail
