#include "stages/site/links.hpp"

#include "stages/html/xml_names.hpp"

#include "stages/common/parallel.hpp"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

namespace tv::site {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}
// find_first_of for a few delimiters; libstdc++'s calls memchr once per character of `s`.
std::size_t find_any(std::string_view s, std::string_view set, std::size_t from = 0) {
  for (std::size_t i = from; i < s.size(); ++i)
    for (char c : set)
      if (s[i] == c) return i;
  return std::string_view::npos;
}
bool ends_with(std::string_view s, std::string_view end) { return s.size() >= end.size() && s.substr(s.size() - end.size()) == end; }
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Encodes one code point; NUL, surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  html::detail::append_utf8(out, static_cast<char32_t>(cp));
}

// The attribute value as the browser reads it: the five basic entities and numeric references
// decoded; anything else after '&' is left as written. Returns `v` itself when it has no '&',
// else the decoded text in `out`.
std::string_view decode_entities(std::string_view v, std::string& out) {
  if (v.find('&') == std::string_view::npos) return v;
  out.clear();
  for (std::size_t i = 0; i < v.size();) {
    if (v[i] != '&') {
      out += v[i++];
      continue;
    }
    std::size_t semi = v.find(';', i);
    std::string_view name = semi == std::string_view::npos ? std::string_view() : v.substr(i + 1, semi - i - 1);
    static const std::pair<std::string_view, char> kNamed[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    bool done = false;
    for (auto [n, c] : kNamed) {
      if (name == n) {
        out += c;
        done = true;
      }
    }
    if (!done && name.size() >= 2 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      bool ok = !digits.empty() && digits.size() <= 7;
      for (char c : digits) {
        int d = hex ? hex_value(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
        if (d < 0) ok = false;
        else cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      if (ok) {
        append_utf8(out, cp);
        done = true;
      }
    }
    if (done) {
      i = semi + 1;
    } else {
      out += v[i++];
    }
  }
  return out;
}

// What a browser's URL parser does first: strip leading and trailing C0 controls and spaces,
// and drop every tab and newline inside ("java\tscript:" is "javascript:"). Returns a view of
// `v` when nothing inside needs dropping, else the cleaned text in `out`.
std::string_view browser_clean(std::string_view v, std::string& out) {
  while (!v.empty() && static_cast<unsigned char>(v.front()) <= 0x20) v.remove_prefix(1);
  while (!v.empty() && static_cast<unsigned char>(v.back()) <= 0x20) v.remove_suffix(1);
  if (std::none_of(v.begin(), v.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; })) return v;
  out.clear();
  for (char c : v)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

// %XX decoded into `out` (a view of `s` when it has no '%'); nullopt when a '%' is not
// followed by two hex digits (servers answer 400 Bad Request).
std::optional<std::string_view> percent_decode(std::string_view s, std::string& out) {
  if (s.find('%') == std::string_view::npos) return s;
  out.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return std::string_view(out);
}

bool dot_segment(std::string_view s) { return s == "." || iequals(s, "%2e"); }
bool dot_dot_segment(std::string_view s) {
  return s == ".." || iequals(s, ".%2e") || iequals(s, "%2e.") || iequals(s, "%2e%2e");
}

// RFC 3986 remove_dot_segments (WHATWG's "%2e" spellings of dots too) of `path`, which starts
// with '/', into `out`. `out` holds "/seg" pieces; a trailing slash is an empty last piece.
void remove_dots(std::string_view path, std::string& out) {
  out.clear();
  std::string_view rest = path.substr(1);
  while (true) {
    std::size_t slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    bool last = slash == std::string_view::npos;
    bool dots = dot_dot_segment(seg);
    if (dots || dot_segment(seg)) {
      if (dots && !out.empty()) out.resize(out.rfind('/'));
      if (last) out += '/';
    } else {
      out += '/';
      out += seg;
    }
    if (last) break;
    rest = rest.substr(slash + 1);
  }
  if (out.empty()) out = "/";
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// One attribute (or <loc>) value found in a page, at its byte offset.
struct Found {
  std::size_t pos;
  std::string_view value;
};

// Values of the double-quoted attributes named in `names` (lowercase) that follow whitespace.
std::vector<Found> scan_attributes(std::string_view text, std::initializer_list<std::string_view> names) {
  std::vector<Found> out;
  for (std::size_t eq = text.find("=\""); eq != std::string_view::npos; eq = text.find("=\"", eq + 2)) {
    std::size_t start = eq;
    while (start > 0 && eq - start < 8 && is_name_char(text[start - 1])) --start;
    if (start == 0 || start == eq || !is_space(text[start - 1])) continue;
    std::string_view name = text.substr(start, eq - start);
    if (std::none_of(names.begin(), names.end(), [&](std::string_view n) { return iequals(name, n); })) continue;
    std::size_t close = text.find('"', eq + 2);
    if (close == std::string_view::npos) break;
    out.push_back({eq + 2, text.substr(eq + 2, close - eq - 2)});
    eq = close - 1;
  }
  return out;
}

// The text of every <loc>…</loc> (sitemaps).
void scan_locs(std::string_view text, std::vector<Found>& out) {
  for (std::size_t open = text.find("<loc>"); open != std::string_view::npos; open = text.find("<loc>", open + 5)) {
    std::size_t close = text.find("</loc>", open + 5);
    if (close == std::string_view::npos) break;
    out.push_back({open + 5, text.substr(open + 5, close - open - 5)});
  }
}

bool is_html(std::string_view path) { return ends_with(path, ".html") || ends_with(path, ".htm"); }
bool is_xml(std::string_view path) { return ends_with(path, ".xml"); }

// The lowercase scheme of an absolute URL ("" for a relative reference), at most 16 bytes.
std::string scheme_of(std::string_view url) {
  std::size_t colon = find_any(url, ":/?#");
  if (colon == std::string_view::npos || url[colon] != ':' || colon == 0 || colon > 16) return "";
  if (!((url[0] >= 'a' && url[0] <= 'z') || (url[0] >= 'A' && url[0] <= 'Z'))) return "";
  for (char c : url.substr(0, colon))
    if (!is_name_char(c) && c != '+' && c != '.') return "";
  return lowered(url.substr(0, colon));
}

// What every page's check reads: the site's files by path, the base URL's parts, and the ids
// of pages that fragments point into. Shared by the threads that check pages; the ids are
// read once per page, by whichever thread needs them first.
class Site {
 public:
  Site(const std::vector<File>& files, std::string_view base_url)
      : files(files), ids_(files.size()), ids_once_(files.size()) {
    by_path_.reserve(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) by_path_.emplace(files[i].path, i);
    while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
    std::size_t scheme_end = base_url.find("://");
    std::size_t path_start = scheme_end == std::string_view::npos ? std::string_view::npos : base_url.find('/', scheme_end + 3);
    origin = lowered(base_url.substr(0, path_start));
    authority = scheme_end == std::string_view::npos ? "" : origin.substr(scheme_end + 3);
    if (path_start != std::string_view::npos) prefix = std::string(base_url.substr(path_start));
  }

  const File* find(std::string_view path) const {
    auto it = by_path_.find(path);
    return it == by_path_.end() ? nullptr : &files[it->second];
  }

  // The sorted ids of a page (entity-decoded), read the first time a fragment points into it.
  const std::vector<std::string>& ids_of(const File& page) const {
    std::size_t i = static_cast<std::size_t>(&page - files.data());
    std::call_once(ids_once_[i], [&] {
      std::string scratch;
      for (const Found& f : scan_attributes(page.bytes, {"id"})) ids_[i].emplace_back(decode_entities(f.value, scratch));
      std::sort(ids_[i].begin(), ids_[i].end());
    });
    return ids_[i];
  }

  const std::vector<File>& files;
  std::string origin;     // "https://h.example", lowercase
  std::string authority;  // "h.example"
  std::string prefix;     // "" or "/sub"

 private:
  std::unordered_map<std::string_view, std::size_t> by_path_;
  mutable std::vector<std::vector<std::string>> ids_;  // by index in files
  mutable std::vector<std::once_flag> ids_once_;
};

// Checks the links of one page.
class PageChecker {
 public:
  PageChecker(const Site& site, const File& page)
      : site_(site), page_url_(site.prefix + "/" + page.path), page_dir_len_(page_url_.rfind('/') + 1) {}

  // Why the link `link` (an entity-decoded attribute value) is broken, or "".
  std::string why_broken(std::string_view link) {
    const std::string& prefix = site_.prefix;
    std::string_view url = browser_clean(link, clean_);
    std::string_view rest = url;
    bool absolute = false;
    if (std::string scheme = scheme_of(url); !scheme.empty()) {
      if (scheme == "javascript" || scheme == "vbscript" || scheme == "data")
        return "is a script URL (" + scheme + ":), which the site never uses";
      if (scheme != "http" && scheme != "https") return "";  // mailto:, tel:, ftp:… not ours
      std::size_t end = std::min(find_any(url, "/?#", scheme.size() + 3), url.size());
      if (url.substr(scheme.size(), 3) != "://" || !iequals(url.substr(0, end), site_.origin)) return "";
      rest = url.substr(end);
      absolute = true;
    } else if (rest.substr(0, 2) == "//") {
      std::size_t end = std::min(find_any(url, "/?#", 2), url.size());
      if (site_.authority.empty() || !iequals(url.substr(2, end - 2), site_.authority)) return "";
      rest = url.substr(end);
      absolute = true;
    }

    std::size_t hash = rest.find('#');
    std::string_view fragment = hash == std::string_view::npos ? std::string_view() : rest.substr(hash + 1);
    std::string_view path = rest.substr(0, std::min(rest.find('?'), hash));

    // The URL path the browser asks the server for.
    if (absolute) {
      remove_dots(path.empty() ? std::string_view("/") : path, target_);
    } else if (path.empty()) {
      target_ = page_url_;
    } else if (path.front() == '/') {
      remove_dots(path, target_);
    } else {
      joined_.assign(page_url_, 0, page_dir_len_);
      joined_ += path;
      remove_dots(joined_, target_);
    }
    std::string_view target = target_;
    if (!prefix.empty()) {
      if (target.substr(0, prefix.size()) != prefix || (target.size() > prefix.size() && target[prefix.size()] != '/'))
        return "points outside the site, whose addresses all start with " + prefix + "/";
      target.remove_prefix(prefix.size());
      if (target.empty()) {  // "/sub": the site's root folder without its slash
        if (site_.find("index.html")) return "links to a folder without its trailing slash (the page is index.html)";
        return "the site has no file index.html";
      }
    }
    auto decoded = percent_decode(target.substr(1), decoded_);
    if (!decoded) return "has a '%' that is not followed by two hexadecimal digits";
    std::string_view rel = *decoded;

    const File* file = nullptr;
    if (rel.empty() || rel.back() == '/') {
      lookup_.assign(rel).append("index.html");
      if (!(file = site_.find(lookup_))) return "the site has no file " + lookup_;
    } else if (!(file = site_.find(rel))) {
      lookup_.assign(rel).append("/index.html");
      if (site_.find(lookup_)) return "links to a folder without its trailing slash (the page is " + lookup_ + ")";
      return "the site has no file " + std::string(rel);
    }

    if (fragment.empty() || !is_html(file->path)) return "";
    std::string_view id = percent_decode(fragment, decoded_).value_or(fragment);
    if (iequals(id, "top")) return "";
    const auto& ids = site_.ids_of(*file);
    if (std::binary_search(ids.begin(), ids.end(), id)) return "";
    if (file->reuse && file->bytes.empty())
      return file->path + " was not rendered again and its bytes were not loaded (fill_reused), so id=\"" +
             std::string(id) + "\" cannot be checked";
    return file->path + " has no element with id=\"" + std::string(id) + "\"";
  }

 private:
  const Site& site_;
  std::string page_url_;     // "/sub/tools/x/index.html": the page's URL path
  std::size_t page_dir_len_;  // its folder: "/sub/tools/x/"
  std::string clean_, joined_, target_, decoded_, lookup_;  // scratch, reused link after link
};

// Every broken link of one page, in the order they appear.
std::vector<BrokenLink> check_page(const Site& site, const File& page) {
  std::vector<Found> links;
  if (is_html(page.path)) {
    links = scan_attributes(page.bytes, {"href", "src"});
  } else {
    links = scan_attributes(page.bytes, {"href"});
    scan_locs(page.bytes, links);
    std::sort(links.begin(), links.end(), [](const Found& a, const Found& b) { return a.pos < b.pos; });
  }
  PageChecker checker(site, page);
  std::vector<BrokenLink> broken;
  std::string scratch;
  for (const Found& l : links) {
    std::string_view link = decode_entities(l.value, scratch);
    std::string why = checker.why_broken(link);
    if (!why.empty()) broken.push_back({page.path, std::string(link), std::move(why)});
  }
  return broken;
}

}  // namespace

// Pages are checked on one thread per core; each page's result goes to its own slot, so the
// output never depends on thread timing.
std::vector<BrokenLink> check_links(const std::vector<File>& files, std::string_view base_url) {
  std::vector<const File*> pages;
  for (const File& f : files)
    if (is_html(f.path) || is_xml(f.path)) pages.push_back(&f);
  std::sort(pages.begin(), pages.end(), [](const File* a, const File* b) { return a->path < b->path; });

  Site site(files, base_url);
  std::vector<std::vector<BrokenLink>> per_page(pages.size());
  parallel_for(pages.size(), 0, [&](std::size_t i) { per_page[i] = check_page(site, *pages[i]); });
  std::vector<BrokenLink> broken;
  for (auto& page : per_page)
    for (auto& b : page) broken.push_back(std::move(b));
  return broken;
}

}  // namespace tv::site
