// URLs: a small RFC 3986 parser for absolute http(s) URLs, with the WHATWG-style tolerance
// scraped hrefs need (tabs and newlines inside, backslashes for slashes, spaces to encode),
// normalisation (case, default ports, percent-encoding, dot segments), tracking-parameter
// removal and RFC 3986 §5.2 reference resolution. Linear in the input; no regex.
#include "stages/normalise/fields/url.hpp"

#include <array>
#include <vector>

#include "stages/normalise/fields/text.hpp"

namespace tv::fields {
namespace {

constexpr std::size_t kMaxUrl = 8192;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  return lower(c) - 'a' + 10;
}

bool is_unreserved(char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Strips what surrounds a scraped URL (spaces, controls, NBSP, zero-width characters) and
// removes tabs, newlines and other ASCII controls inside it, as browsers do.
std::string preclean(std::string_view in) {
  if (in.size() > kMaxUrl * 2) return {};
  std::string s;
  s.reserve(in.size());
  for (char c : in) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) continue;
    s.push_back(c);
  }
  // Trim ASCII spaces and the Unicode spaces / zero-width characters seen around hrefs.
  static constexpr std::string_view kEdge[] = {" ",      "\u00a0", "\u200b", "\u200c", "\u200d",
                                               "\u2060", "\ufeff", "\u202f", "\u3000", "\u2002",
                                               "\u2003", "\u2009", "\u200a"};
  std::size_t b = 0, e = s.size();
  for (bool changed = true; changed;) {
    changed = false;
    for (auto edge : kEdge) {
      if (e - b >= edge.size() && std::string_view(s).substr(b, edge.size()) == edge) {
        b += edge.size();
        changed = true;
      }
      if (e - b >= edge.size() && std::string_view(s).substr(e - edge.size(), edge.size()) == edge) {
        e -= edge.size();
        changed = true;
      }
    }
  }
  s = s.substr(b, e - b);
  if (!is_valid_utf8(s)) s = clean_text(s);  // replaces broken bytes; they get encoded below
  return s;
}

// The scheme at the start of s ("https" for "HTTPS://..."), lower-cased; "" when s has none.
std::string scheme_of(std::string_view s, std::size_t* colon = nullptr) {
  if (s.empty() || !is_alpha(s[0])) return {};
  std::size_t i = 1;
  while (i < s.size() && (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
  if (i >= s.size() || s[i] != ':') return {};
  if (colon) *colon = i;
  std::string out;
  for (std::size_t k = 0; k < i; ++k) out.push_back(lower(s[k]));
  return out;
}

// Normalises a path or query: percent-encodes what must be, upper-cases escapes, decodes
// escaped unreserved characters.
std::string normalise_escapes(std::string_view s, bool in_query) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto b = static_cast<unsigned char>(c);
    if (c == '%') {
      if (i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
        const char decoded = static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
        if (is_unreserved(decoded)) {
          out.push_back(decoded);
        } else {
          out.push_back('%');
          out.push_back(upper(s[i + 1]));
          out.push_back(upper(s[i + 2]));
        }
        i += 2;
      } else {
        out += "%25";
      }
      continue;
    }
    const bool allowed = is_unreserved(c) || c == '!' || c == '$' || c == '&' || c == '\'' ||
                         c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' ||
                         c == '=' || c == ':' || c == '@' || c == '/' || (in_query && c == '?');
    if (allowed) {
      out.push_back(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
    }
  }
  return out;
}

// RFC 3986 §5.2.4, index-based (linear).
std::string remove_dot_segments(std::string_view in) {
  std::vector<std::string_view> out;
  bool trailing_slash = false;
  const bool absolute = !in.empty() && in[0] == '/';
  std::size_t i = absolute ? 1 : 0;
  while (i <= in.size()) {
    std::size_t j = in.find('/', i);
    if (j == std::string_view::npos) j = in.size();
    const std::string_view seg = in.substr(i, j - i);
    const bool last = j == in.size();
    if (seg == ".") {
      trailing_slash = last;
    } else if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = last;
    } else {
      out.push_back(seg);
      trailing_slash = false;
    }
    i = j + 1;
  }
  std::string path = absolute ? "/" : "";
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k > 0) path.push_back('/');
    path.append(out[k]);
  }
  if (trailing_slash && !path.empty() && path.back() != '/') path.push_back('/');
  return path;
}

bool is_tracking_param(std::string_view key) {
  const std::string k = ascii_lower(key);
  if (k.rfind("utm_", 0) == 0) return true;
  static constexpr std::string_view kTracking[] = {
      "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ref", "ref_src",
      "_hsenc", "_hsmi", "igshid", "yclid", "si", "gbraid", "wbraid", "twclid", "ttclid",
      "li_fat_id", "_ga", "_gl", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id"};
  for (auto t : kTracking) {
    if (k == t) return true;
  }
  return false;
}

struct Url {
  std::string scheme;  // "http" / "https"
  std::string host;    // lower-case ASCII, IDN bytes as written
  std::string port;    // "" for the default
  std::string path;    // raw (not yet normalised)
  std::string query;   // raw, without '?'; has_query says whether '?' was there
  bool has_query = false;
};

bool valid_host(std::string_view h) {
  if (h.empty() || h.size() > 253 + 1) return false;
  if (h.front() == '[') {
    if (h.back() != ']' || h.size() < 4) return false;
    for (char c : h.substr(1, h.size() - 2)) {
      if (!(is_hex(c) || c == ':' || c == '.')) return false;
    }
    return true;
  }
  char prev = '.';
  for (char c : h) {
    const auto b = static_cast<unsigned char>(c);
    const bool ok = is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == '.' || b >= 0x80;
    if (!ok) return false;
    if (c == '.' && prev == '.') return false;  // empty label
    prev = c;
  }
  return true;
}

// Parses an absolute http(s) URL (already precleaned). nullopt for anything else.
std::optional<Url> parse_absolute(std::string_view s) {
  if (s.empty() || s.size() > kMaxUrl) return std::nullopt;
  std::size_t colon = 0;
  Url u;
  u.scheme = scheme_of(s, &colon);
  if (u.scheme != "http" && u.scheme != "https") return std::nullopt;
  std::size_t i = colon + 1;
  // "//" (or backslashes, which browsers read as slashes in http(s) URLs)
  int slashes = 0;
  while (i < s.size() && (s[i] == '/' || s[i] == '\\') && slashes < 2) {
    ++i;
    ++slashes;
  }
  if (slashes != 2) return std::nullopt;
  std::size_t end = i;
  while (end < s.size() && s[end] != '/' && s[end] != '\\' && s[end] != '?' && s[end] != '#') ++end;
  std::string_view authority = s.substr(i, end - i);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);  // credentials are never kept
  }
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(0, close + 1);
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
    }
  } else if (const auto c = authority.rfind(':'); c != std::string_view::npos) {
    host = authority.substr(0, c);
    port = authority.substr(c + 1);
  }
  for (char c : host) u.host.push_back(lower(c));
  if (!u.host.empty() && u.host.back() == '.' && u.host.size() > 1) u.host.pop_back();
  if (!valid_host(u.host)) return std::nullopt;
  if (!port.empty()) {
    if (port.size() > 5) return std::nullopt;
    unsigned value = 0;
    for (char c : port) {
      if (!is_digit(c)) return std::nullopt;
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value > 65535) return std::nullopt;
    const bool default_port = (u.scheme == "http" && value == 80) || (u.scheme == "https" && value == 443);
    if (!default_port) u.port = std::to_string(value);
  }
  std::size_t q = s.find_first_of("?#", end);
  if (q == std::string_view::npos) q = s.size();
  u.path = std::string(s.substr(end, q - end));
  for (char& c : u.path) {
    if (c == '\\') c = '/';
  }
  if (q < s.size() && s[q] == '?') {
    std::size_t f = s.find('#', q);
    if (f == std::string_view::npos) f = s.size();
    u.has_query = true;
    u.query = std::string(s.substr(q + 1, f - q - 1));
  }
  return u;
}

std::string serialise(const Url& u) {
  std::string out = u.scheme + "://" + u.host;
  if (!u.port.empty()) out += ":" + u.port;
  std::string path = remove_dot_segments(normalise_escapes(u.path, false));
  if (path.empty() || path[0] != '/') path.insert(path.begin(), '/');
  out += path;
  if (u.has_query) {
    std::string kept;
    std::size_t i = 0;
    const std::string_view q = u.query;
    while (i <= q.size()) {
      std::size_t j = q.find('&', i);
      if (j == std::string_view::npos) j = q.size();
      const std::string_view param = q.substr(i, j - i);
      if (!param.empty()) {
        const std::string_view key = param.substr(0, param.find('='));
        if (!is_tracking_param(key)) {
          if (!kept.empty()) kept.push_back('&');
          kept += normalise_escapes(param, true);
        }
      }
      i = j + 1;
    }
    if (!kept.empty()) out += "?" + kept;
  }
  return out;
}

}  // namespace

std::optional<std::string> clean_url(std::string_view url) {
  const std::string s = preclean(url);
  auto u = parse_absolute(s);
  if (!u) return std::nullopt;
  return serialise(*u);
}

std::string url_host(std::string_view url) {
  const std::string s = preclean(url);
  auto u = parse_absolute(s);
  if (!u) return {};
  std::string h = u->host;
  if (h.size() > 4 && h.rfind("www.", 0) == 0) h.erase(0, 4);
  return h;
}

std::optional<std::string> resolve_url(std::string_view base_in, std::string_view ref_in) {
  const std::string ref = preclean(ref_in);
  if (!scheme_of(ref).empty()) return clean_url(ref);  // absolute (or javascript:, data:, ...)
  const std::string base_s = preclean(base_in);
  const auto base = parse_absolute(base_s);
  if (!base) return std::nullopt;
  std::string prefix = base->scheme + "://" + base->host + (base->port.empty() ? "" : ":" + base->port);
  // Backslashes read as slashes at the start of a reference too ("\\host\p").
  std::string r = ref;
  for (std::size_t k = 0; k < r.size() && (r[k] == '\\' || r[k] == '/'); ++k) r[k] = '/';
  std::string target;
  if (r.rfind("//", 0) == 0) {
    target = base->scheme + ":" + r;
  } else if (r.empty() || r[0] == '#') {
    target = prefix + (base->path.empty() ? "/" : base->path) + (base->has_query ? "?" + base->query : "");
  } else if (r[0] == '?') {
    target = prefix + (base->path.empty() ? "/" : base->path) + r;
  } else if (r[0] == '/') {
    target = prefix + r;
  } else {
    // Merge: the base path up to its last '/', then the reference.
    std::string dir = base->path.empty() ? "/" : base->path;
    dir.erase(dir.rfind('/') + 1);
    target = prefix + dir + r;
  }
  return clean_url(target);
}

}  // namespace tv::fields
