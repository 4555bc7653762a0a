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

// The rules every decoded field keeps, whichever encoding it came in; adds it to `fields`.
bool add_field(Fields& fields, std::string name, std::string value, std::size_t& count, const FormRules& rules,
               std::string* problem) {
  auto no = [&](std::string sentence) {
    if (problem) *problem = std::move(sentence);
    return false;
  };
  if (++count > rules.max_fields) return no("there are more than " + std::to_string(rules.max_fields) + " fields");
  if (name.size() > rules.max_field_bytes || value.size() > rules.max_field_bytes)
    return no("a field is longer than " + std::to_string(rules.max_field_bytes) + " bytes");
  if (has_control(name) || has_control(value)) return no("a field holds a line break or a control character");
  if (!valid_utf8(name) || !valid_utf8(value)) return no("a field is not valid UTF-8");
  if (name.empty()) return no("a field has no name");
  if (!fields.emplace(std::move(name), std::move(value)).second) return no("a field name appears more than once");
  return true;
}

// The value of parameter `key` in a header value like `form-data; name="x"` ("" if absent).
std::optional<std::string> header_param(std::string_view v, std::string_view key) {
  std::size_t pos = 0;
  while ((pos = v.find(';', pos)) != std::string_view::npos) {
    ++pos;
    while (pos < v.size() && (v[pos] == ' ' || v[pos] == '\t')) ++pos;
    std::size_t eq = v.find('=', pos);
    if (eq == std::string_view::npos) return std::nullopt;
    std::string name;
    for (char c : v.substr(pos, eq - pos)) name.push_back(char(c >= 'A' && c <= 'Z' ? c + 32 : c));
    std::size_t end = eq + 1;
    std::string value;
    if (end < v.size() && v[end] == '"') {
      std::size_t close = v.find('"', end + 1);
      if (close == std::string_view::npos) return std::nullopt;
      value = std::string(v.substr(end + 1, close - end - 1));
      end = close + 1;
    } else {
      std::size_t semi = v.find(';', end);
      value = std::string(v.substr(end, semi == std::string_view::npos ? std::string_view::npos : semi - end));
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    }
    if (name == key) return value;
    pos = end;
  }
  return std::string();
}

}  // namespace

std::optional<Fields> decode_multipart_form(std::string_view body, std::string_view boundary, std::string* problem,
                                            const FormRules& rules) {
  if (boundary.empty() || boundary.size() > 70) return refuse<Fields>(problem, "the multipart boundary is missing");
  const std::string delim = "--" + std::string(boundary);
  Fields fields;
  std::size_t count = 0;
  std::size_t pos = body.find(delim);
  if (pos == std::string_view::npos) return refuse<Fields>(problem, "the multipart body has no part");
  for (;;) {
    pos += delim.size();
    if (body.substr(pos, 2) == "--") return fields;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") return refuse<Fields>(problem, "a multipart delimiter is not followed by a line end");
    pos += 2;
    const std::size_t head_end = body.find("\r\n\r\n", pos);
    const std::size_t next = body.find("\r\n" + delim, pos);
    if (head_end == std::string_view::npos || next == std::string_view::npos || head_end > next)
      return refuse<Fields>(problem, "a multipart part is cut short");
    std::optional<std::string> name;
    std::string_view headers = body.substr(pos, head_end - pos);
    for (std::size_t line = 0; line <= headers.size();) {
      std::size_t eol = headers.find("\r\n", line);
      if (eol == std::string_view::npos) eol = headers.size();
      std::string_view h = headers.substr(line, eol - line);
      std::string lower;
      for (char c : h.substr(0, h.find(':'))) lower.push_back(char(c >= 'A' && c <= 'Z' ? c + 32 : c));
      if (lower == "content-disposition") {
        if (header_param(h, "filename").value_or("") != "")
          return refuse<Fields>(problem, "a part is a file, not a form field");
        name = header_param(h, "name");
      }
      line = eol + 2;
    }
    if (!name) return refuse<Fields>(problem, "a multipart part has no field name");
    std::string value(body.substr(head_end + 4, next - head_end - 4));
    if (!add_field(fields, std::move(*name), std::move(value), count, rules, problem)) return std::nullopt;
    pos = next + 2;
  }
}

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
    std::size_t eq = piece.find('=');
    std::string_view raw_name = piece.substr(0, eq);
    std::string_view raw_value = eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1);
    name.clear();
    value.clear();
    if (!percent_decode(raw_name, Plus::space, name) || !percent_decode(raw_value, Plus::space, value))
      return refuse<Fields>(problem, kBadPercent);
    if (!add_field(fields, std::move(name), std::move(value), count, rules, problem)) return std::nullopt;
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
