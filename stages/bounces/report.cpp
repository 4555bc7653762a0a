// Bounce report: see report.hpp for the contract and docs/bounces.md for the formats.
//
// The message is read in three steps. The header block is parsed into (name, unfolded value)
// fields. The MIME tree is then laid out breadth first with an explicit queue (a vector of
// entities that grows while it is walked), each part's body decoded from base64 or
// quoted-printable when it is one we read; message/rfc822 parts are not descended into, so a
// copy of our own digest inside a DSN is never mistaken for anything. Last, the entities are
// classified: a report (DSN, ARF, read receipt) first, then a plain-text bounce, an
// auto-reply, a request to leave, in that order (the order matters; see read()).
#include "stages/bounces/report.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <optional>
#include <utility>

namespace tv::bounces {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// Boundaries longer than this are refused (RFC 2046 allows 70; real mailers stay close), so
// that a hostile boundary cannot make every line comparison expensive.
constexpr std::size_t kMaxBoundary = 200;
// Only this much of a Subject is decoded for the detail and the token: a token lives near
// the start, and the detail is cut at kMaxDetailBytes anyway.
constexpr std::size_t kMaxSubjectBytes = 2048;
// RFC 5321: a local part has at most 64 octets, so a longer "bounces+TOKEN" is not one.
constexpr std::size_t kMaxLocalPart = 64;

// ---- ASCII, a byte at a time: bytes >= 0x80 are never letters, digits or spaces here.

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// RFC 5322 atext plus '.': a character that may stand next to a local part inside a longer
// one, so "xbounces+t@" is not "bounces+t@".
bool is_atext(char c) {
  if (is_alnum(c)) return true;
  for (char s : std::string_view("!#$%&'*+-/=?^_`{|}~."))
    if (c == s) return true;
  return false;
}

// The token alphabet the brief promises: [A-Za-z0-9_.=-]. The digest's own tokens are
// base64url; '.' and '=' leave room for other schemes.
bool is_token_char(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == '='; }

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// ---- UTF-8

// The length of the well-formed UTF-8 sequence at s[i] (and its code point), or 0: truncated,
// overlong, a surrogate, or above U+10FFFF.
std::size_t utf8_at(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (b(i + k) & 0x3F);
  return len;
}

// Characters that must not reach a log line or a header: C0, DEL, C1 and the Unicode line
// and paragraph separators.
bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029; }

// The text as one line of at most `max` bytes: controls as spaces, runs of spaces as one,
// trimmed, ill-formed UTF-8 as U+FFFD, cut on a character with "…" when it does not fit.
// Stops reading as soon as the line is full, so a huge value costs no more than a short one.
std::string one_line(std::string_view s, std::size_t max = kMaxDetailBytes) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  std::string out;
  bool space = false, cut = false;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    std::size_t len = utf8_at(s, i, cp);
    std::string_view ch;
    if (len == 0) {
      ch = kReplacement;
      len = 1;
    } else if (cp == ' ' || is_control(cp)) {
      space = !out.empty();
      i += len;
      continue;
    } else {
      ch = s.substr(i, len);
    }
    if (out.size() + (space ? 1 : 0) + ch.size() > max) {
      cut = true;
      break;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
    i += len;
  }
  if (cut && max >= kEllipsis.size()) {
    while (!out.empty() && out.size() + kEllipsis.size() > max) {
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
      if (!out.empty()) out.pop_back();
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += kEllipsis;
  }
  return out;
}

bool valid_utf8_without_controls(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = utf8_at(s, i, cp);
    if (len == 0 || is_control(cp)) return false;
    i += len;
  }
  return true;
}

// ---- Lines and header blocks

struct Line {
  std::string_view text;  // without its LF, and without a CR before the LF
  std::size_t next;       // where the next line starts (s.size() at the end)
};

Line line_at(std::string_view s, std::size_t pos) {
  const std::size_t nl = s.find('\n', pos);
  std::size_t end = nl == npos ? s.size() : nl;
  const std::size_t next = nl == npos ? s.size() : nl + 1;
  if (end > pos && s[end - 1] == '\r') --end;
  return {s.substr(pos, end - pos), next};
}

struct Field {
  std::string name;   // lower case
  std::string value;  // unfolded, trimmed
};

struct Headers {
  std::vector<Field> fields;

  const std::string* get(std::string_view name) const {
    for (const auto& f : fields)
      if (f.name == name) return &f.value;
    return nullptr;
  }
  bool has(std::string_view name) const { return get(name) != nullptr; }
};

struct Block {
  Headers headers;
  std::size_t end = 0;  // where the body starts: after the blank line, or at the first line that is no field
};

// A field name: printable ASCII but ':' (RFC 5322), with the obsolete space before the colon
// allowed.
bool field_name(std::string_view line, std::string_view& name, std::string_view& value) {
  const std::size_t colon = line.find(':');
  if (colon == npos) return false;
  std::string_view n = line.substr(0, colon);
  while (!n.empty() && is_blank(n.back())) n.remove_suffix(1);
  if (n.empty()) return false;
  for (char c : n)
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F) return false;
  name = n;
  value = line.substr(colon + 1);
  return true;
}

// The header block at s[pos]: fields until a blank (or all-blank) line, which is consumed, or
// until a line that is neither a field nor a continuation, where the body then starts. A
// leading mbox "From " line is skipped when allowed. Continuation lines are unfolded by
// dropping the line break only (RFC 5322 2.2.3).
Block read_header_block(std::string_view s, std::size_t pos, bool allow_mbox_from) {
  Block b;
  bool first = true;
  while (pos < s.size()) {
    const Line ln = line_at(s, pos);
    const std::string_view t = ln.text;
    if (trim(t).empty()) {
      pos = ln.next;
      break;
    }
    if (is_blank(t[0])) {
      if (b.headers.fields.empty()) break;
      b.headers.fields.back().value.append(t);
      pos = ln.next;
      continue;
    }
    std::string_view name, value;
    if (!field_name(t, name, value)) {
      if (first && allow_mbox_from && t.substr(0, 5) == "From ") {
        pos = ln.next;
        first = false;
        continue;
      }
      break;
    }
    b.headers.fields.push_back({lower(name), std::string(value)});
    pos = ln.next;
    first = false;
  }
  for (auto& f : b.headers.fields) {
    const std::string_view v = trim(f.value);
    if (v.size() != f.value.size()) f.value = std::string(v);
  }
  b.end = pos;
  return b;
}

// ---- Content-Type and transfer encodings

struct ContentType {
  std::string type;  // "multipart/report", lower case
  std::string boundary;
  std::string report_type;  // lower case
};

// RFC 2045 5.1, leniently: the type/subtype, then parameters, quoted or not, names in any
// case. A missing or unreadable type is `fallback` (RFC 2045 5.2: text/plain, or
// message/rfc822 inside multipart/digest).
ContentType parse_content_type(const std::string* value, std::string_view fallback) {
  ContentType ct;
  ct.type = fallback;
  if (!value) return ct;
  const std::string_view v = *value;
  const std::size_t n = v.size();
  std::size_t i = 0;
  while (i < n && is_space(v[i])) ++i;
  const std::size_t start = i;
  while (i < n && v[i] != ';' && !is_space(v[i])) ++i;
  const std::string type = lower(v.substr(start, i - start));
  const std::size_t slash = type.find('/');
  if (slash != npos && slash > 0 && slash + 1 < type.size() && type.find('/', slash + 1) == npos) ct.type = type;
  bool have_boundary = false, have_report_type = false;
  while (i < n) {
    if (v[i] != ';') {  // anything between parameters that is not one is skipped
      ++i;
      continue;
    }
    ++i;
    while (i < n && is_space(v[i])) ++i;
    const std::size_t name_start = i;
    while (i < n && v[i] != '=' && v[i] != ';' && !is_space(v[i])) ++i;
    const std::string name = lower(v.substr(name_start, i - name_start));
    while (i < n && is_space(v[i])) ++i;
    if (i >= n || v[i] != '=') continue;
    ++i;
    while (i < n && is_space(v[i])) ++i;
    std::string param;
    if (i < n && v[i] == '"') {
      ++i;
      while (i < n && v[i] != '"') {
        if (v[i] == '\\' && i + 1 < n) ++i;
        param += v[i++];
      }
      if (i < n) ++i;
    } else {
      while (i < n && v[i] != ';' && !is_space(v[i])) param += v[i++];
    }
    if (name == "boundary" && !have_boundary) {
      have_boundary = true;
      if (param.size() <= kMaxBoundary) ct.boundary = param;
    } else if (name == "report-type" && !have_report_type) {
      have_report_type = true;
      ct.report_type = lower(param);
    }
  }
  return ct;
}

enum class Encoding { identity, base64, quoted_printable };

Encoding parse_encoding(const std::string* value) {
  if (!value) return Encoding::identity;
  std::string_view v = trim(*value);
  std::size_t e = 0;
  while (e < v.size() && (is_alnum(v[e]) || v[e] == '-')) ++e;
  v = v.substr(0, e);
  if (iequals(v, "base64")) return Encoding::base64;
  if (iequals(v, "quoted-printable")) return Encoding::quoted_printable;
  return Encoding::identity;
}

// RFC 4648 base64, leniently: characters outside the alphabet (line breaks, junk) are
// skipped, and '=' ends a quantum, so blocks encoded separately and joined still decode.
std::string decode_base64(std::string_view s) {
  std::string out;
  out.reserve(s.size() / 4 * 3 + 3);
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : s) {
    int v = -1;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (is_digit(c))
      v = c - '0' + 52;
    else if (c == '+' || c == '-')
      v = 62;
    else if (c == '/' || c == '_')
      v = 63;
    else if (c == '=') {
      bits = 0;
      count = 0;
      continue;
    }
    if (v < 0) continue;
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

// RFC 2045 quoted-printable, leniently: "=" at a line end is a soft break, "=XX" a byte, any
// other "=" is kept as it is.
std::string decode_quoted_printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '=') {
      out += s[i];
      continue;
    }
    std::size_t j = i + 1;
    while (j < s.size() && is_blank(s[j])) ++j;  // some encoders leave spaces after a soft break's "="
    if (j < s.size() && (s[j] == '\n' || s[j] == '\r')) {
      if (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ++j;
      i = j;
      continue;
    }
    if (i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
      continue;
    }
    out += '=';
  }
  return out;
}

// RFC 2047 encoded words, for the Subject shown in a detail and searched for a token. UTF-8
// and US-ASCII are kept as bytes, ISO-8859-1 (and windows-1252, read as its Latin-1 subset)
// becomes UTF-8; other charsets keep their bytes, which one_line() then replaces where they
// are not UTF-8. Space between two encoded words is dropped, as the RFC says.
std::string decode_encoded_words(std::string_view v) {
  std::string out;
  std::size_t i = 0, word_end = 0;
  bool after_word = false;
  while (i < v.size()) {
    if (v[i] == '=' && i + 1 < v.size() && v[i + 1] == '?') {
      const std::size_t cs_end = v.find('?', i + 2);
      if (cs_end != npos && cs_end - (i + 2) <= 40 && cs_end + 2 < v.size() && v[cs_end + 2] == '?') {
        const char enc = lower(v[cs_end + 1]);
        const std::size_t text_start = cs_end + 3;
        const std::size_t text_end = v.find("?=", text_start);
        std::string_view charset = v.substr(i + 2, cs_end - (i + 2));
        if (const std::size_t star = charset.find('*'); star != npos) charset = charset.substr(0, star);
        const std::string_view text =
            text_end == npos ? std::string_view() : v.substr(text_start, text_end - text_start);
        bool plain = text_end != npos && (enc == 'b' || enc == 'q') && charset.find(' ') == npos;
        for (char c : text)
          if (is_space(c)) plain = false;
        if (plain) {
          std::string bytes;
          if (enc == 'b') {
            bytes = decode_base64(text);
          } else {
            for (std::size_t k = 0; k < text.size(); ++k) {
              if (text[k] == '_')
                bytes += ' ';
              else if (text[k] == '=' && k + 2 < text.size() && hex_value(text[k + 1]) >= 0 &&
                       hex_value(text[k + 2]) >= 0) {
                bytes += static_cast<char>(hex_value(text[k + 1]) * 16 + hex_value(text[k + 2]));
                k += 2;
              } else {
                bytes += text[k];
              }
            }
          }
          const std::string cs = lower(charset);
          const bool latin1 = cs == "iso-8859-1" || cs == "latin1" || cs == "windows-1252" || cs == "cp1252";
          if (after_word) out.resize(word_end);
          for (char c : bytes) {
            const auto u = static_cast<unsigned char>(c);
            if (latin1 && u >= 0x80) {
              out += static_cast<char>(0xC0 | (u >> 6));
              out += static_cast<char>(0x80 | (u & 0x3F));
            } else {
              out += c;
            }
          }
          word_end = out.size();
          after_word = true;
          i = text_end + 2;
          continue;
        }
      }
    }
    if (!is_space(v[i])) after_word = false;
    out += v[i++];
  }
  return out;
}

// ---- The MIME tree

struct Entity {
  Headers headers;
  std::string type;
  std::string boundary;
  std::string report_type;
  std::string_view body;  // decoded when it is a type that is read (see decodes())
  std::size_t depth = 0;
};

struct Tree {
  std::vector<Entity> entities;  // breadth first: the message, its parts, their parts, ...
  // Owns the decoded bodies that entities' views point into; a deque never moves its
  // elements, so the views stay valid while it grows.
  std::deque<std::string> decoded;
  bool no_boundary = false;
  bool too_deep = false;
  bool too_many_parts = false;
};

// The types whose bodies are read: containers, reports, returned messages and plain text (for
// a bounce without a report). Anything else (HTML, images) is never decoded.
bool decodes(std::string_view type) {
  return type.starts_with("multipart/") || type.starts_with("message/") || type == "text/plain" ||
         type == "text/rfc822-headers";
}

std::string_view decoded_body(Tree& tree, const Headers& headers, std::string_view type, std::string_view raw) {
  if (!decodes(type)) return raw;
  const Encoding e = parse_encoding(headers.get("content-transfer-encoding"));
  if (e == Encoding::identity) return raw;
  tree.decoded.push_back(e == Encoding::base64 ? decode_base64(raw) : decode_quoted_printable(raw));
  return tree.decoded.back();
}

// The parts of a multipart body between "--boundary" lines (RFC 2046 5.1.1): the line break
// before a delimiter belongs to it, text after the delimiter on its line may only be
// whitespace, "--boundary--" closes. A body cut short yields the parts seen, the last one up
// to the end. At most `room` + 1 parts are returned, so the caller can tell it ran out.
std::vector<std::string_view> split_parts(std::string_view body, std::string_view boundary, std::size_t room) {
  std::vector<std::string_view> parts;
  bool in_part = false;
  std::size_t part_start = 0;
  for (std::size_t pos = 0; pos < body.size();) {
    const Line ln = line_at(body, pos);
    const std::string_view t = ln.text;
    if (t.size() >= 2 + boundary.size() && t[0] == '-' && t[1] == '-' && t.substr(2, boundary.size()) == boundary) {
      std::string_view rest = t.substr(2 + boundary.size());
      const bool close = rest.starts_with("--");
      if (close) rest.remove_prefix(2);
      if (trim(rest).empty()) {
        if (in_part) {
          std::size_t end = pos;
          if (end > part_start && body[end - 1] == '\n') --end;
          if (end > part_start && body[end - 1] == '\r') --end;
          parts.push_back(body.substr(part_start, end - part_start));
          if (parts.size() > room) return parts;
        }
        if (close) return parts;
        in_part = true;
        part_start = ln.next;
      }
    }
    pos = ln.next;
  }
  if (in_part) parts.push_back(body.substr(part_start));
  return parts;
}

Entity make_entity(Tree& tree, Headers headers, std::string_view raw_body, std::string_view fallback_type,
                   std::size_t depth) {
  Entity e;
  const ContentType ct = parse_content_type(headers.get("content-type"), fallback_type);
  e.type = ct.type;
  e.boundary = ct.boundary;
  e.report_type = ct.report_type;
  e.body = decoded_body(tree, headers, e.type, raw_body);
  e.headers = std::move(headers);
  e.depth = depth;
  return e;
}

// Lays the message out breadth first. The loop walks a vector that it appends to: an
// explicit queue, so no input can make it recurse, and kMaxParts bounds it.
void build_tree(Tree& tree, std::string_view message, Block top) {
  tree.entities.push_back(make_entity(tree, std::move(top.headers), message.substr(top.end), "text/plain", 0));
  for (std::size_t i = 0; i < tree.entities.size(); ++i) {
    if (!tree.entities[i].type.starts_with("multipart/")) continue;
    if (tree.entities[i].boundary.empty()) {
      tree.no_boundary = true;
      continue;
    }
    const std::size_t depth = tree.entities[i].depth + 1;
    if (depth > kMaxDepth) {
      tree.too_deep = true;
      continue;
    }
    // Copies: the vector may move while the parts are added.
    const std::string boundary = tree.entities[i].boundary;
    const std::string_view body = tree.entities[i].body;
    const std::string_view fallback = tree.entities[i].type == "multipart/digest" ? "message/rfc822" : "text/plain";
    const std::size_t room = kMaxParts - tree.entities.size();
    for (const std::string_view raw : split_parts(body, boundary, room)) {
      if (tree.entities.size() >= kMaxParts) {
        tree.too_many_parts = true;
        break;
      }
      Block b = read_header_block(raw, 0, false);
      const std::string_view part_body = raw.substr(b.end);
      tree.entities.push_back(make_entity(tree, std::move(b.headers), part_body, fallback, depth));
    }
  }
}

// ---- Addresses

struct Address {
  std::string local;   // lower case
  std::string domain;  // lower case
  bool valid() const { return !local.empty() && !domain.empty(); }
};

Address config_address(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = trim(s.substr(1, s.size() - 2));
  const std::size_t at = s.rfind('@');
  if (at == npos) return {};
  return {lower(s.substr(0, at)), lower(s.substr(at + 1))};
}

struct Hit {
  bool found = false;
  std::size_t at = npos;
  std::string token;
};

// The first `local@domain` or `local+TOKEN@domain` in `text` (local part and domain in any
// case, not inside a longer address); with `need_token`, only the second form. A "+..."
// holding a character outside the token alphabet is no match.
Hit find_address(std::string_view text, const Address& a, bool need_token) {
  Hit hit;
  if (!a.valid()) return hit;
  const std::size_t n = text.size(), L = a.local.size(), D = a.domain.size();
  for (std::size_t i = 0; i + L < n; ++i) {
    if (lower(text[i]) != a.local[0] || !iequals(text.substr(i, L), a.local)) continue;
    if (i > 0 && is_atext(text[i - 1])) continue;
    std::size_t j = i + L;
    std::string_view token;
    if (text[j] == '+') {
      std::size_t k = j + 1;
      while (k < n && is_token_char(text[k])) ++k;
      if (k == j + 1 || k >= n || text[k] != '@') continue;
      token = text.substr(j + 1, k - j - 1);
      j = k;
    } else if (need_token) {
      continue;
    }
    if (text[j] != '@' || L + (token.empty() ? 0 : token.size() + 1) > kMaxLocalPart) continue;
    const std::size_t d = j + 1;
    if (d + D > n || !iequals(text.substr(d, D), a.domain)) continue;
    const std::size_t e = d + D;
    if (e < n && (is_alnum(text[e]) || text[e] == '-' || (text[e] == '.' && e + 1 < n && is_alnum(text[e + 1]))))
      continue;
    hit.found = true;
    hit.at = i;
    hit.token = std::string(token);
    return hit;
  }
  return hit;
}

// Something that can be stored as a reader's address: one '@' with text either side, no
// space, control, bracket, quote or separator, valid UTF-8, at most 254 bytes (RFC 5321).
bool plausible_address(std::string_view a) {
  if (a.empty() || a.size() > 254) return false;
  const std::size_t at = a.find('@');
  if (at == npos || at == 0 || at + 1 == a.size() || a.find('@', at + 1) != npos) return false;
  for (char c : a) {
    if (static_cast<unsigned char>(c) <= 0x20) return false;
    for (char bad : std::string_view("<>()[],;:\"\\"))
      if (c == bad) return false;
  }
  return valid_utf8_without_controls(a);
}

// The first mailbox's address in a From-like value: the angle-addr when there is one
// (outside quotes and comments), else the first word with an '@'. "" when it is not
// plausible_address().
std::string mailbox_address(const std::string* value) {
  if (!value) return "";
  const std::string_view v = *value;
  // Pass over the value once, keeping only what is outside quoted strings and comments, and
  // noting the first angle-addr.
  std::string plain;
  int comment = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (quoted) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quoted = false;
      continue;
    }
    if (comment > 0) {
      if (c == '\\')
        ++i;
      else if (c == '(')
        ++comment;
      else if (c == ')')
        --comment;
      continue;
    }
    if (c == '"')
      quoted = true;
    else if (c == '(')
      comment = 1;
    else if (c == '<') {
      const std::size_t gt = v.find('>', i + 1);
      if (gt == npos) return "";
      std::string_view addr = trim(v.substr(i + 1, gt - i - 1));
      if (!addr.empty() && addr.front() == '@') {  // an obsolete source route, "<@relay:user@host>"
        const std::size_t colon = addr.find(':');
        addr = colon == npos ? std::string_view() : addr.substr(colon + 1);
      }
      return plausible_address(addr) ? std::string(addr) : "";
    } else if (c == ',') {
      // Only the first mailbox of a list; but a comma before any address is taken for one in
      // an unquoted display name ("Reader, Ada <ada@example.com>"), as lenient readers do.
      if (plain.find('@') != std::string::npos) break;
      plain += ' ';
    } else {
      plain += is_space(c) ? ' ' : c;
    }
  }
  std::string_view rest = plain;
  while (!rest.empty()) {
    rest = trim(rest);
    const std::size_t sp = rest.find(' ');
    const std::string_view word = rest.substr(0, sp);
    if (word.find('@') != npos) return plausible_address(word) ? std::string(word) : "";
    if (sp == npos) break;
    rest = rest.substr(sp);
  }
  return "";
}

// A DSN address field, "rfc822; nobody@localhost" or "RFC822; <u@ci.com>": the address
// after the address type, "" when it does not look like one.
std::string dsn_address(const std::string* value) {
  if (!value) return "";
  std::string_view v = *value;
  if (const std::size_t semi = v.find(';'); semi != npos) v = v.substr(semi + 1);
  v = trim(v);
  if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = trim(v.substr(1, v.size() - 2));
  return plausible_address(v) ? std::string(v) : "";
}

// "<id@host>" from a Message-ID or In-Reply-To value: the first angle-bracketed id, or a
// bare id with an '@' (RFC 5965's own example has one). Printable ASCII only; "" otherwise.
std::string message_id(const std::string* value) {
  if (!value) return "";
  const std::string_view v = trim(*value);
  std::string_view id;
  if (const std::size_t lt = v.find('<'); lt != npos) {
    const std::size_t gt = v.find('>', lt + 1);
    if (gt == npos) return "";
    id = v.substr(lt + 1, gt - lt - 1);
  } else {
    std::size_t e = 0;
    while (e < v.size() && !is_space(v[e])) ++e;
    id = v.substr(0, e);
    if (id.find('@') == npos) return "";
  }
  if (id.empty() || id.size() > 250) return "";
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || c == '<' || c == '>') return "";
  }
  return "<" + std::string(id) + ">";
}

// ---- Status codes

// The length of an RFC 3463 enhanced status code "c.sss.ddd" at s[i] (class 2, 4 or 5, not
// part of a longer number), or 0.
std::size_t enhanced_code_at(std::string_view s, std::size_t i) {
  if (i >= s.size() || (s[i] != '2' && s[i] != '4' && s[i] != '5')) return 0;
  if (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.')) return 0;
  std::size_t j = i + 1;
  for (int group = 0; group < 2; ++group) {
    if (j >= s.size() || s[j] != '.') return 0;
    ++j;
    const std::size_t start = j;
    while (j < s.size() && is_digit(s[j]) && j - start < 4) ++j;
    if (j == start || j - start > 3) return 0;
  }
  if (j < s.size() && (is_digit(s[j]) || (s[j] == '.' && j + 1 < s.size() && is_digit(s[j + 1])))) return 0;
  return j - i;
}

// The Status field's code, "" when it does not start with one.
std::string status_code(const std::string* value) {
  if (!value) return "";
  const std::string_view v = trim(*value);
  const std::size_t len = enhanced_code_at(v, 0);
  return std::string(v.substr(0, len));
}

// The Diagnostic-Code's text without its type ("smtp; 550 ..." -> "550 ..."). The type is a
// short word; a ';' later in free text is not one.
std::string_view diagnostic_text(const std::string* value) {
  if (!value) return {};
  const std::string_view v = trim(*value);
  const std::size_t semi = v.find(';');
  if (semi == npos || semi == 0 || semi > 32) return v;
  for (char c : v.substr(0, semi))
    if (!is_alnum(c) && c != '-' && c != '_') return v;
  return trim(v.substr(semi + 1));
}

struct DiagnosticClass {
  char cls = 0;        // '2', '4', '5' or 0
  std::string status;  // an enhanced code of that class in the text, or ""
};

// The class of a Diagnostic-Code: its SMTP reply code (RFC 5321 4.2), or else the first
// enhanced code in it; with the enhanced code of that class when the text has one.
DiagnosticClass diagnostic_class(std::string_view text) {
  DiagnosticClass d;
  if (text.size() >= 3 && (text[0] == '2' || text[0] == '4' || text[0] == '5') && is_digit(text[1]) &&
      is_digit(text[2]) && (text.size() == 3 || !is_digit(text[3])))
    d.cls = text[0];
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t len = enhanced_code_at(text, i);
    if (len == 0 || (d.cls != 0 && text[i] != d.cls)) continue;
    d.cls = text[i];
    d.status = std::string(text.substr(i, len));
    break;
  }
  return d;
}

struct SmtpFailure {
  std::string status;
  std::string_view line;
};

// A permanent SMTP failure in plain text: a 5xx reply followed by a 5.x.x enhanced code
// ("550 5.1.1", "550-5.1.1"), or qmail's "(#5.1.1)". Only these: a bare "550" or "5.1.1"
// says too little to remove a reader on.
std::optional<SmtpFailure> find_smtp_failure(std::string_view text) {
  for (std::size_t i = 0; i + 4 < text.size(); ++i) {
    std::size_t code = npos;
    if (text[i] == '5' && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
        (text[i + 3] == ' ' || text[i + 3] == '-') && (i == 0 || !is_digit(text[i - 1])) && text[i + 4] == '5')
      code = i + 4;
    else if (text[i] == '(' && text[i + 1] == '#' && text[i + 2] == '5')
      code = i + 2;
    if (code == npos) continue;
    const std::size_t len = enhanced_code_at(text, code);
    if (len == 0 || (text[i] == '(' && (code + len >= text.size() || text[code + len] != ')'))) continue;
    std::size_t b = text.rfind('\n', i);
    b = b == npos ? 0 : b + 1;
    std::size_t e = text.find('\n', i);
    if (e == npos) e = text.size();
    return SmtpFailure{std::string(text.substr(code, len)), text.substr(b, e - b)};
  }
  return std::nullopt;
}

// Where a plain-text bounce's own words end and its inline copy of the returned message
// begins, in the words qmail, Exim and sendmail use: the copy is someone else's text (ours,
// in fact), so a "550 5.1.1" in it says nothing about this delivery.
std::string_view notice_part(std::string_view text) {
  static constexpr std::string_view kMarkers[] = {"below this line is a copy of the message",
                                                  "this is a copy of the message", "original message follows",
                                                  "unsent message follows", "returned message follows"};
  const std::string lowered = lower(text);
  std::size_t end = text.size();
  for (const std::string_view marker : kMarkers) end = std::min(end, lowered.find(marker));
  return text.substr(0, end);
}

// ---- Reading

bool is_delivery_status(std::string_view t) {
  return t == "message/delivery-status" || t == "message/global-delivery-status";
}
bool is_original(std::string_view t) {
  return t == "message/rfc822" || t == "message/global" || t == "text/rfc822-headers" || t == "message/global-headers";
}

// The headers the MTA records the envelope recipient in, most trustworthy first, then the
// ones the sender wrote.
constexpr std::array<std::string_view, 5> kDeliveredTo = {"delivered-to", "x-original-to", "envelope-to", "to", "cc"};

class Reader {
 public:
  Reader(const Options& options, const Tree& tree)
      : bounce_(config_address(options.bounce_address)),
        unsubscribe_(config_address(options.unsubscribe_address)),
        tree_(tree),
        top_(tree.entities.front().headers) {
    if (const std::string* s = top_.get("subject"))
      subject_ = decode_encoded_words(std::string_view(*s).substr(0, kMaxSubjectBytes));
  }

  // The order of the checks is the point. A report is what it says wherever it was sent (an
  // Exim DSN also says "Auto-Submitted: auto-replied"). A plain-text bounce is recognised
  // only from a mailer daemon or the null sender, and before the auto-reply test, since
  // bounces carry auto-reply markers too. An auto-reply (RFC 3834 sends it from the null
  // sender as well) asks for nothing, even at the unsubscribe address; but a mailer daemon's
  // mail is a bounce, whatever it says. A request to leave must come from someone, so never
  // from a mailer daemon or the null sender.
  Reading read() {
    const Entity* report = first([](const Entity& e) { return e.type == "multipart/report"; });
    const Entity* ds = first([](const Entity& e) { return is_delivery_status(e.type); });
    const Entity* fb = first([](const Entity& e) { return e.type == "message/feedback-report"; });
    const Entity* mdn = first([](const Entity& e) {
      return e.type == "message/disposition-notification" || e.type == "message/global-disposition-notification";
    });
    const std::string rtype = report ? report->report_type : "";
    // A report-type names the report; without one (or without a multipart/report at all,
    // as some gateways send them) the parts found decide.
    const bool untyped = report == nullptr || rtype.empty();
    if (rtype == "delivery-status" || rtype == "global-delivery-status" || (untyped && ds))
      return ds ? read_dsn() : problem(report_part_missing(*report, "message/delivery-status"));
    if (rtype == "feedback-report" || (untyped && fb))
      return fb ? read_arf(*fb) : problem(report_part_missing(*report, "message/feedback-report"));
    if (rtype == "disposition-notification" || (untyped && mdn))
      return other("read receipt: " + subject_, sender(), in_reply_to());
    if (report) {
      if (report->boundary.empty()) return problem("a multipart/report without a boundary");
      return problem(rtype.empty()
                         ? "a multipart/report without a report-type"
                         : "a multipart/report of type \"" + one_line(rtype, 60) + "\", which we do not read");
    }

    const bool daemon = from_daemon(), null_sender = from_null_sender();
    if (daemon || null_sender)
      if (Reading r = read_plain_bounce(); !r.findings.empty()) return r;
    if (!daemon && auto_reply()) return other("auto-reply: " + subject_, sender(), in_reply_to());
    if (!daemon && !null_sender && delivered_to(unsubscribe_)) return read_unsubscribe();
    if (daemon || null_sender) return problem("a bounce we cannot read: " + why_unread("no delivery-status part"));
    if (const std::string* a = top_.get("auto-submitted"); a && !istarts_with(trim(*a), "no"))
      return other("automatic message: " + subject_, sender(), in_reply_to());
    const std::string why = why_unread("");
    return problem(why.empty() ? "not a bounce, complaint, unsubscribe request or auto-reply"
                               : "a message we cannot read: " + why);
  }

 private:
  template <class Pred>
  const Entity* first(Pred pred) const {
    for (const auto& e : tree_.entities)
      if (pred(e)) return &e;
    return nullptr;
  }

  static Reading problem(std::string text) {
    Reading r;
    r.problem = std::move(text);
    return r;
  }

  std::string why_unread(std::string_view otherwise) const {
    if (tree_.too_deep) return "its parts nest deeper than " + std::to_string(kMaxDepth) + " levels";
    if (tree_.too_many_parts) return "it has more than " + std::to_string(kMaxParts) + " parts";
    if (tree_.no_boundary) return "a multipart without a boundary";
    return std::string(otherwise);
  }

  std::string report_part_missing(const Entity& report, std::string_view part) const {
    if (report.boundary.empty()) return "a multipart/report without a boundary";
    const std::string why = why_unread("");
    if (!why.empty()) return "a multipart/report we cannot read: " + why;
    return "a multipart/report without a " + std::string(part) + " part";
  }

  // The first token at either of our addresses in one header value.
  std::string token_of(std::string_view value) const {
    const Hit b = find_address(value, bounce_, true);
    const Hit u = find_address(value, unsubscribe_, true);
    if (b.found && (!u.found || b.at <= u.at)) return b.token;
    return u.found ? u.token : "";
  }

  // The first token in the `names` fields of `h`, the names in that order.
  std::string token_in(const Headers& h, std::initializer_list<std::string_view> names) const {
    for (const std::string_view name : names)
      for (const auto& f : h.fields)
        if (f.name == name)
          if (std::string t = token_of(f.value); !t.empty()) return t;
    return "";
  }

  std::string delivered_token() const {
    for (const std::string_view name : kDeliveredTo)
      for (const auto& f : top_.fields)
        if (f.name == name)
          if (std::string t = token_of(f.value); !t.empty()) return t;
    return "";
  }

  bool delivered_to(const Address& a) const {
    for (const std::string_view name : kDeliveredTo)
      for (const auto& f : top_.fields)
        if (f.name == name && find_address(f.value, a, false).found) return true;
    return false;
  }

  // Mail from a mailer daemon: From (or a Return-Path) MAILER-DAEMON@ or postmaster@.
  bool from_daemon() const {
    const auto daemon = [](const std::string& address) {
      const std::string_view local = std::string_view(address).substr(0, address.find('@'));
      return iequals(local, "mailer-daemon") || iequals(local, "postmaster");
    };
    if (daemon(mailbox_address(top_.get("from")))) return true;
    const std::string* rp = top_.get("return-path");
    return rp && (daemon(mailbox_address(rp)) || iequals(trim(*rp), "<mailer-daemon>"));
  }

  // Mail sent with the null reverse-path, as bounces and auto-replies are (RFC 5321 4.5.5,
  // RFC 3834 3.3), as the delivering MTA records it.
  bool from_null_sender() const {
    const std::string* rp = top_.get("return-path");
    return rp && (trim(*rp) == "<>" || trim(*rp).empty());
  }

  // RFC 3834 auto-replies, and the markers vacation responders use without it.
  bool auto_reply() const {
    if (const std::string* a = top_.get("auto-submitted"); a && istarts_with(trim(*a), "auto-replied")) return true;
    if (top_.has("x-autoreply") || top_.has("x-autorespond")) return true;
    if (const std::string* p = top_.get("precedence"); p && iequals(trim(*p), "auto_reply")) return true;
    const std::string_view s = trim(subject_);
    for (const std::string_view prefix : {"out of office", "automatic reply", "auto-reply", "autoreply", "auto reply"})
      if (istarts_with(s, prefix)) return true;
    return false;
  }

  std::string sender() const { return mailbox_address(top_.get("from")); }
  std::string in_reply_to() const { return message_id(top_.get("in-reply-to")); }

  Reading other(const std::string& detail, std::string recipient, std::string id) const {
    Reading r;
    Finding f;
    f.kind = Kind::other;
    f.recipient = std::move(recipient);
    f.token = delivered_token();
    f.message_id = std::move(id);
    f.detail = one_line(detail);
    r.findings.push_back(std::move(f));
    return r;
  }

  // The returned original (DSN) or the reported message (ARF): its headers, whether the part
  // holds a whole message or only its header block.
  std::optional<Headers> original() const {
    const Entity* o = first([](const Entity& e) { return is_original(e.type); });
    if (!o) return std::nullopt;
    return read_header_block(o->body, 0, true).headers;
  }

  Reading read_dsn() const {
    Reading r;
    std::string postfix_sender_token, x_original_id;
    std::size_t readable = 0, unreadable = 0;
    std::vector<Finding> findings;
    for (const auto& e : tree_.entities) {
      if (!is_delivery_status(e.type)) continue;
      const std::string_view body = e.body;
      for (std::size_t pos = 0; pos < body.size() && findings.size() < kMaxFindings;) {
        Block b = read_header_block(body, pos, false);
        if (b.end == pos) {  // a line that is no field: skip it, as MTAs that add prose expect
          pos = line_at(body, pos).next;
          continue;
        }
        pos = b.end;
        const Headers& h = b.headers;
        if (h.fields.empty()) continue;
        if (postfix_sender_token.empty()) postfix_sender_token = token_in(h, {"x-postfix-sender"});
        if (x_original_id.empty()) x_original_id = message_id(h.get("x-original-message-id"));
        if (!h.has("final-recipient") && !h.has("original-recipient") && !h.has("action")) continue;
        switch (read_recipient(h, findings)) {
          case Outcome::finding:
          case Outcome::nothing_to_do:
            ++readable;
            break;
          case Outcome::unreadable:
            ++unreadable;
            break;
        }
      }
    }
    if (findings.empty()) {
      if (unreadable > 0 && readable == 0) return problem("a delivery-status part whose recipients we cannot read");
      if (readable == 0) return problem("a delivery-status part without any recipient");
      return r;  // every recipient was delivered, relayed or expanded
    }
    const std::optional<Headers> orig = original();
    std::string token = delivered_token();
    if (token.empty()) token = postfix_sender_token;
    if (token.empty() && orig) token = token_in(*orig, {"return-path"});
    std::string id = orig ? message_id(orig->get("message-id")) : "";
    if (id.empty()) id = x_original_id;
    if (id.empty()) id = in_reply_to();
    for (auto& f : findings) {
      f.token = token;
      f.message_id = id;
    }
    r.findings = std::move(findings);
    return r;
  }

  enum class Outcome { finding, nothing_to_do, unreadable };

  // One per-recipient block of a DSN (RFC 3464 2.3).
  Outcome read_recipient(const Headers& h, std::vector<Finding>& out) const {
    Finding f;
    f.recipient = dsn_address(h.get("original-recipient"));
    if (f.recipient.empty()) f.recipient = dsn_address(h.get("final-recipient"));
    std::string action;
    if (const std::string* a = h.get("action")) {
      const std::string_view v = trim(*a);
      std::size_t e = 0;
      while (e < v.size() && (is_alpha(v[e]) || v[e] == '-')) ++e;
      action = lower(v.substr(0, e));
    }
    f.status = status_code(h.get("status"));
    const std::string_view diag = diagnostic_text(h.get("diagnostic-code"));
    const DiagnosticClass dc = diagnostic_class(diag);
    const char status_class = f.status.empty() ? '\0' : f.status[0];
    if (f.status.empty() && !dc.status.empty()) f.status = dc.status;
    // The class to go by: the Status field's, else the diagnostic's (the brief's rule for
    // DSNs without Status; Exim and some gateways write a bare "5.0.0" or none).
    const char cls = status_class == '4' || status_class == '5' ? status_class : dc.cls;
    if (action == "failed") {
      // "failed" means the MTA gave up (RFC 3464 2.3.3): permanent unless a 4xx says the
      // cause was temporary, which some MTAs report after their retry time ran out.
      f.kind = cls == '4' ? Kind::soft_bounce : Kind::hard_bounce;
    } else if (action == "delayed") {
      f.kind = Kind::soft_bounce;
    } else if (action == "delivered" || action == "relayed" || action == "expanded") {
      return Outcome::nothing_to_do;
    } else if (cls == '5') {  // no Action, or one we do not know: go by the class alone
      f.kind = Kind::hard_bounce;
    } else if (cls == '4') {
      f.kind = Kind::soft_bounce;
    } else if (status_class == '2' || dc.cls == '2') {
      return Outcome::nothing_to_do;
    } else {
      return Outcome::unreadable;
    }
    f.detail = one_line(diag.empty() ? std::string_view(subject_) : diag);
    out.push_back(std::move(f));
    return Outcome::finding;
  }

  Reading read_arf(const Entity& fb) const {
    const Headers h = read_header_block(fb.body, 0, false).headers;
    std::string type;
    if (const std::string* t = h.get("feedback-type")) {
      for (char c : trim(*t)) {
        if (!is_alnum(c) && c != '-' && c != '_') break;
        if (type.size() < 40) type += lower(c);
      }
    }
    const std::optional<Headers> orig = original();
    Reading r;
    Finding f;
    f.kind = type == "not-spam" ? Kind::other : Kind::complaint;
    f.recipient = mailbox_address(h.get("original-rcpt-to"));
    if (f.recipient.empty()) f.recipient = mailbox_address(h.get("removal-recipient"));
    if (f.recipient.empty() && orig) f.recipient = mailbox_address(orig->get("to"));
    f.token = delivered_token();
    if (f.token.empty()) f.token = token_in(h, {"original-mail-from"});
    if (f.token.empty() && orig) f.token = token_in(*orig, {"return-path", "from"});
    f.message_id = orig ? message_id(orig->get("message-id")) : "";
    f.detail =
        f.kind == Kind::other ? "not-spam report" : "complaint: " + (type.empty() ? std::string("unknown") : type);
    r.findings.push_back(std::move(f));
    return r;
  }

  // A bounce without a report part (old qmail, Exim and sendmail notices): a hard bounce only
  // when the text gives a permanent SMTP failure with an enhanced code, read from the plain
  // text parts outside any returned message, and before the copy of it that such notices
  // quote inline.
  Reading read_plain_bounce() const {
    Reading r;
    for (const auto& e : tree_.entities) {
      if (e.type != "text/plain") continue;
      const std::optional<SmtpFailure> failure = find_smtp_failure(notice_part(e.body));
      if (!failure) continue;
      Finding f;
      f.kind = Kind::hard_bounce;
      f.recipient = mailbox_address(top_.get("x-failed-recipients"));  // Exim names the failed address
      if (f.recipient.empty()) {
        const std::string line(failure->line);
        f.recipient = mailbox_address(&line);
      }
      f.token = delivered_token();
      const std::optional<Headers> orig = original();
      if (f.token.empty() && orig) f.token = token_in(*orig, {"return-path"});
      f.message_id = orig ? message_id(orig->get("message-id")) : "";
      if (f.message_id.empty()) f.message_id = in_reply_to();
      f.status = failure->status;
      f.detail = one_line(failure->line);
      r.findings.push_back(std::move(f));
      return r;
    }
    return r;
  }

  // The subject the list's mailto link sets: "unsubscribe TOKEN" (a client may answer with
  // "Re: " before it, or leave the link's "%20" undecoded). Nothing else may follow.
  std::string subject_token() const {
    std::string_view s = trim(subject_);
    while (istarts_with(s, "re:")) s = trim(s.substr(3));
    if (!istarts_with(s, "unsubscribe")) return "";
    s = s.substr(11);
    if (s.starts_with("%20"))
      s = s.substr(3);
    else if (!s.empty() && is_space(s[0]))
      s = trim(s);
    else
      return "";
    std::size_t e = 0;
    while (e < s.size() && is_token_char(s[e])) ++e;
    if (e == 0 || e > kMaxLocalPart || !trim(s.substr(e)).empty()) return "";
    return std::string(s.substr(0, e));
  }

  Reading read_unsubscribe() const {
    Finding f;
    f.kind = Kind::unsubscribe;
    f.recipient = sender();
    if (f.recipient.empty()) return problem("an unsubscribe request whose From address cannot be read");
    f.token = delivered_token();
    if (f.token.empty()) f.token = subject_token();
    f.detail = one_line(subject_);
    Reading r;
    r.findings.push_back(std::move(f));
    return r;
  }

  Address bounce_, unsubscribe_;
  const Tree& tree_;
  const Headers& top_;
  std::string subject_;
};

}  // namespace

std::string_view to_string(Kind kind) {
  switch (kind) {
    case Kind::hard_bounce:
      return "hard-bounce";
    case Kind::soft_bounce:
      return "soft-bounce";
    case Kind::complaint:
      return "complaint";
    case Kind::unsubscribe:
      return "unsubscribe";
    case Kind::other:
      return "other";
  }
  return "other";
}

Reading read_message(std::string_view bytes, const Options& options) {
  // A last line without its line end was cut (the caller's size cap cuts wherever it falls),
  // so it is not read: a cut "Final-Recipient: rfc822; reader@exam" or Subject
  // "unsubscribe h3Yq" would otherwise pass for a whole address or token. MTAs end every
  // message they store with a line break, so a whole message loses nothing.
  if (!bytes.empty() && bytes.back() != '\n') {
    const std::size_t nl = bytes.rfind('\n');
    bytes = nl == npos ? std::string_view() : bytes.substr(0, nl + 1);
  }
  Block top = read_header_block(bytes, 0, true);
  if (top.headers.fields.empty()) {
    Reading r;
    r.problem = "no headers";
    return r;
  }
  Tree tree;
  build_tree(tree, bytes, std::move(top));
  return Reader(options, tree).read();
}

}  // namespace tv::bounces
