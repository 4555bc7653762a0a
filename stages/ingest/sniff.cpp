#include "stages/ingest/sniff.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace tv::ingest {
namespace {

constexpr std::size_t kHead = 4096;

struct Magic {
  std::string_view bytes;
  const char* what;
};
constexpr std::array<Magic, 9> kMagic{{
    {"\x89PNG\r\n\x1a\n", "PNG image"},
    {"\xff\xd8\xff", "JPEG image"},
    {"GIF8", "GIF image"},
    {"%PDF-", "PDF document"},
    {"PK\x03\x04", "ZIP archive (or a Word/Excel file)"},
    {"\x1f\x8b", "gzip archive"},
    {"RIFF", "RIFF media file"},
    {"\x7f" "ELF", "program binary"},
    {"BZh", "bzip2 archive"},
}};

// Lower-cased ASCII view of the head, with a UTF-16 head narrowed to its low bytes so a
// UTF-16 page sniffs like any other.
std::string ascii_head(std::string_view b) {
  bool le = b.size() >= 2 && b[0] == '\xff' && b[1] == '\xfe';
  bool be = b.size() >= 2 && b[0] == '\xfe' && b[1] == '\xff';
  std::string out;
  if (le || be) {
    for (std::size_t i = 2; i + 1 < b.size() && out.size() < kHead; i += 2) {
      char lo = le ? b[i] : b[i + 1], hi = le ? b[i + 1] : b[i];
      out.push_back(hi == 0 ? char(std::tolower(static_cast<unsigned char>(lo))) : '?');
    }
    return out;
  }
  if (b.substr(0, 3) == "\xef\xbb\xbf") b.remove_prefix(3);
  b = b.substr(0, kHead);
  out.reserve(b.size());
  for (char c : b) out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// Skips the XML prolog: declaration, comments, processing instructions, doctype.
std::size_t skip_prolog(std::string_view s) {
  std::size_t i = skip_space(s, 0);
  for (;;) {
    if (s.substr(i, 4) == "<!--") {
      auto e = s.find("-->", i + 4);
      if (e == std::string_view::npos) return s.size();
      i = skip_space(s, e + 3);
    } else if (s.substr(i, 2) == "<?" || s.substr(i, 2) == "<!") {
      auto e = s.find('>', i + 2);
      // A doctype's internal subset ("<!DOCTYPE panel [ <!ENTITY ...> ]>") holds '>' of its
      // own: the doctype ends at the "]>" after its '['.
      if (auto open = s.find('[', i + 2); s.substr(i, 9) == "<!doctype" && open < e) {
        auto close = s.find("]>", open);
        e = close == std::string_view::npos ? close : close + 1;
      }
      if (e == std::string_view::npos) return s.size();
      i = skip_space(s, e + 1);
    } else {
      return i;
    }
  }
}

std::string root_element(std::string_view s) {
  std::size_t i = skip_prolog(s);
  if (i >= s.size() || s[i] != '<') return {};
  std::size_t j = i + 1;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-' || s[j] == '_' ||
                          s[j] == ':' || s[j] == '.'))
    ++j;
  return std::string(s.substr(i + 1, j - i - 1));
}

bool looks_like_html(std::string_view h) {
  static constexpr std::array<std::string_view, 8> markers{
      "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>"};
  std::size_t i = skip_space(h, 0);
  for (auto m : markers)
    if (h.substr(i, m.size()) == m) return true;
  // A comment or stray text first: an HTML tag a little later still makes it a page.
  for (auto m : {std::string_view("<html"), std::string_view("<head"), std::string_view("<body"),
                 std::string_view("<!doctype html")})
    if (h.find(m) != std::string_view::npos) return true;
  return false;
}

bool votes_header(std::string_view h) {
  auto nl = h.find_first_of("\r\n");
  std::string line(h.substr(0, nl));
  line.erase(std::remove_if(line.begin(), line.end(),
                            [](char c) { return c == '"' || c == ' ' || c == '\t'; }),
             line.end());
  return line == "tool,voter,vote,cast_at";
}

}  // namespace

std::string_view to_string(Kind k) {
  switch (k) {
    case Kind::html: return "html";
    case Kind::panel_reviews: return "panel-reviews";
    case Kind::directives: return "directives";
    case Kind::votes_csv: return "votes-csv";
    case Kind::other_xml: return "xml";
    case Kind::empty: return "empty";
    case Kind::binary: return "binary";
    case Kind::text: return "text";
  }
  return "text";
}

Sniffed sniff(std::string_view bytes) {
  if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
    return {Kind::empty, bytes.empty() ? "0 bytes" : "only whitespace"};
  for (const auto& m : kMagic)
    if (bytes.substr(0, m.bytes.size()) == m.bytes) return {Kind::binary, m.what};
  std::string h = ascii_head(bytes);
  bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xff' && bytes[1] == '\xfe') ||
                                     (bytes[0] == '\xfe' && bytes[1] == '\xff'));
  if (!utf16 && std::memchr(bytes.data(), 0, std::min(bytes.size(), kHead)) != nullptr)
    return {Kind::binary, "binary data (contains NUL bytes)"};

  std::string root = root_element(h);
  if (h.compare(skip_space(h, 0), 5, "<?xml") == 0 || root == "panel" || root == "directives") {
    if (root == "panel") return {Kind::panel_reviews, "root element <panel>"};
    if (root == "directives") return {Kind::directives, "root element <directives>"};
    if (root == "html") return {Kind::html, "XHTML"};
    return {Kind::other_xml, root.empty() ? "XML without a root element" : "root element <" + root + ">"};
  }
  if (looks_like_html(h)) return {Kind::html, ""};
  if (votes_header(h)) return {Kind::votes_csv, "header tool,voter,vote,cast_at"};
  return {Kind::text, ""};
}

}  // namespace tv::ingest
