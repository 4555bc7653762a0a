#include "pipeline/serve/form.hpp"

namespace tv::serve {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

enum class Plus { space, plus };

// Appends the decoded `in` to `out`; false on a '%' without two hex digits after it.
bool percent_decode(std::string_view in, Plus plus, std::string& out) {
  out.reserve(out.size() + in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (in.size() - i < 3) return false;
      int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus == Plus::space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return true;
}

bool has_control(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return true;
  }
  return false;
}

// Well-formed UTF-8 as in Unicode's table 3-7: the second byte's range depends on the first,
// which rules out overlong forms, surrogates and code points past U+10FFFF.
bool valid_utf8(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c == 0xe0) len = 3, lo = 0xa0;
    else if (c >= 0xe1 && c <= 0xec) len = 3;
    else if (c == 0xed) len = 3, hi = 0x9f;
    else if (c >= 0xee && c <= 0xef) len = 3;
    else if (c == 0xf0) len = 4, lo = 0x90;
    else if (c >= 0xf1 && c <= 0xf3) len = 4;
    else if (c == 0xf4) len = 4, hi = 0x8f;
    else return false;
    if (n - i < len) return false;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (std::size_t k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    i += len;
  }
  return true;
}

template <class T>
std::optional<T> refuse(std::string* problem, std::string sentence) {
  if (problem) *problem = std::move(sentence);
  return std::nullopt;
}

constexpr const char* kBadPercent = "a percent sign is not followed by two hex digits";

}  // namespace

std::optional<Fields> decode_form(std::string_view text, std::string* problem,
                                  const FormRules& rules) {
  Fields fields;
  std::size_t count = 0;
  std::string name, value;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t amp = text.find('&', pos);
    if (amp == std::string_view::npos) amp = text.size();
    std::string_view piece = text.substr(pos, amp - pos);
    pos = amp + 1;
    if (piece.empty()) continue;
    if (++count > rules.max_fields)
      return refuse<Fields>(problem,
                            "there are more than " + std::to_string(rules.max_fields) + " fields");
    std::size_t eq = piece.find('=');
    std::string_view raw_name = piece.substr(0, eq);
    std::string_view raw_value = eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1);
    name.clear();
    value.clear();
    if (!percent_decode(raw_name, Plus::space, name) || !percent_decode(raw_value, Plus::space, value))
      return refuse<Fields>(problem, kBadPercent);
    if (name.size() > rules.max_field_bytes || value.size() > rules.max_field_bytes)
      return refuse<Fields>(problem, "a field is longer than " +
                                         std::to_string(rules.max_field_bytes) + " bytes");
    if (has_control(name) || has_control(value))
      return refuse<Fields>(problem, "a field holds a line break or a control character");
    if (!valid_utf8(name) || !valid_utf8(value))
      return refuse<Fields>(problem, "a field is not valid UTF-8");
    if (name.empty()) return refuse<Fields>(problem, "a field has no name");
    if (!fields.emplace(std::move(name), std::move(value)).second)
      return refuse<Fields>(problem, "a field name appears more than once");
  }
  return fields;
}

std::optional<std::string> decode_path(std::string_view path, std::string* problem) {
  if (path.empty() || path.front() != '/')
    return refuse<std::string>(problem, "the path does not start with a slash");
  std::string out;
  if (!percent_decode(path, Plus::plus, out)) return refuse<std::string>(problem, kBadPercent);
  if (has_control(out))
    return refuse<std::string>(problem, "the path holds a NUL, a line break or a control character");
  if (!valid_utf8(out)) return refuse<std::string>(problem, "the path is not valid UTF-8");
  for (std::size_t pos = 1; pos <= out.size();) {
    std::size_t slash = out.find('/', pos);
    if (slash == std::string::npos) slash = out.size();
    if (std::string_view(out).substr(pos, slash - pos) == "..")
      return refuse<std::string>(problem, "the path has a .. segment");
    pos = slash + 1;
  }
  return out;
}

}  // namespace tv::serve
