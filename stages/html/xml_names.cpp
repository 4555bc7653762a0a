// XmlNames: see xml_names.hpp for the escaping scheme.
#include "stages/html/xml_names.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "stages/html/ascii.hpp"

namespace tv::html::detail {
namespace {

bool is_name_start(char32_t c) {
  return c == ':' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
         (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
         (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_char(char32_t c) {
  return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

// Common names (ASCII letters, then letters, digits, '-', '.', ':') pass without a copy.
bool is_plain_name(const char* name) {
  if (!is_ascii_alpha(name[0])) return false;
  for (const char* p = name + 1; *p; ++p) {
    const unsigned char c = *p;
    if (!(is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':'))
      return false;
  }
  return true;
}

bool is_upper_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

}  // namespace

char32_t next_char(std::string_view s, std::size_t& i) {
  const unsigned char b = s[i];
  if (b < 0x80) {
    ++i;
    return b;
  }
  const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  char32_t c = len == 4 ? b & 0x07 : len == 3 ? b & 0x0F : b & 0x1F;
  bool ok = len > 1 && i + len <= s.size();
  for (std::size_t k = 1; ok && k < len; ++k) {
    const unsigned char cont = s[i + k];
    ok = (cont & 0xC0) == 0x80;
    c = (c << 6) | (cont & 0x3F);
  }
  const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
  if (!ok || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return c;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

const char* xml_name(const char* name, std::string& scratch) {
  if (is_plain_name(name)) return name;
  const std::string_view s(name);
  scratch.clear();
  if (s.empty()) return "_x0000_";  // cannot come from gumbo; kept well-formed regardless
  bool first = true;
  for (std::size_t i = 0; i < s.size(); first = false) {
    const std::size_t at = i;
    const char32_t c = next_char(s, i);
    const bool escape = (first ? !is_name_start(c) : !is_name_char(c)) ||
                        (c == '_' && at + 1 < s.size() && s[at + 1] == 'x');
    if (!escape) {
      append_utf8(scratch, c);
      continue;
    }
    char buf[16];
    const int len = std::snprintf(buf, sizeof buf, "_x%04X_", static_cast<unsigned>(c));
    scratch.append(buf, static_cast<std::size_t>(len));
  }
  return scratch.c_str();
}

std::string decode_name(std::string_view s) {
  std::string out;
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "_x") == 0) {
      std::size_t k = i + 2;
      while (k < s.size() && k - (i + 2) < 6 && is_upper_hex(s[k])) ++k;
      const std::size_t digits = k - (i + 2);
      if (digits >= 4 && k < s.size() && s[k] == '_') {
        append_utf8(out, static_cast<char32_t>(
                             std::strtoul(std::string(s.substr(i + 2, digits)).c_str(), nullptr, 16)));
        i = k + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

const char* element_name(const GumboElement& e, std::string& scratch) {
  const char* name = nullptr;
  if (e.tag != GUMBO_TAG_UNKNOWN && e.tag != GUMBO_TAG_LAST) {
    name = gumbo_normalized_tagname(e.tag);
  } else {
    std::string_view text(e.original_tag.data ? e.original_tag.data : "", e.original_tag.length);
    std::size_t i = text.size() > 0 && text[0] == '<' ? 1 : 0;
    if (i < text.size() && text[i] == '/') ++i;
    std::size_t end = i;
    while (end < text.size() && !is_html_ws(text[end]) && text[end] != '/' && text[end] != '>')
      ++end;
    const std::string_view raw = text.substr(i, end - i);
    scratch.clear();
    for (std::size_t k = 0; k < raw.size();) {
      const char32_t c = next_char(raw, k);
      append_utf8(scratch, c == 0 ? 0xFFFD : c >= 'A' && c <= 'Z' ? c + 0x20 : c);
    }
    if (scratch.empty()) scratch = "unknown";
    name = scratch.c_str();
  }
  if (e.tag_namespace == GUMBO_NAMESPACE_SVG) {
    const GumboStringPiece piece{name, std::strlen(name)};
    if (const char* adjusted = gumbo_normalize_svg_tagname(&piece)) return adjusted;
  }
  return name;
}

}  // namespace tv::html::detail
