#include "stages/site/escape.hpp"

#include <cctype>

#include "stages/common/inbox_text.hpp"

namespace tv::site {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool forbidden(long cp) {
  if (cp < 0) return true;
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  return (cp & 0xFFFE) == 0xFFFE;  // U+FFFE, U+FFFF and their twins in every plane
}

}  // namespace

std::string html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
          if (forbidden(c)) out += kReplacement;
          else out += char(c);
      }
      continue;
    }
    std::size_t start = i;
    long cp = inbox_text::next_code_point(text, i);
    if (forbidden(cp)) out += kReplacement;
    else out.append(text.substr(start, i - start));
  }
  return out;
}

std::string json_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string safe_external_url(std::string_view url) {
  url = inbox_text::trim(url);
  auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    return true;
  };
  std::size_t host_at;
  if (starts("https://")) host_at = 8;
  else if (starts("http://")) host_at = 7;
  else return "";
  if (url.size() <= host_at || url[host_at] == '/' || url.size() > 2000) return "";
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') return "";
  std::size_t i = 0;
  while (i < url.size()) {
    if (static_cast<unsigned char>(url[i]) < 0x80) { ++i; continue; }
    if (forbidden(inbox_text::next_code_point(url, i))) return "";
  }
  return std::string(url);
}

}  // namespace tv::site
