#include "stages/extract/title.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "stages/normalise/fields/text.hpp"

namespace tv::extract {
namespace {

std::string strip_prefixes(std::string s) {
  // Announcement words put before a name in headings: "Introducing X: the tagline".
  for (std::string_view p : {"Introducing ", "Announcing ", "Meet "}) {
    if (s.size() > p.size() && fields::ascii_lower(s.substr(0, p.size())) == fields::ascii_lower(std::string(p))) {
      s = s.substr(p.size());
      if (auto colon = s.find(": "); colon != std::string::npos && colon > 0) s = s.substr(0, colon);
      break;
    }
  }
  // "Org/Model": a Hugging Face style repository id; the name is the part after the slash.
  auto handle = [](std::string_view h) {
    return !h.empty() && std::all_of(h.begin(), h.end(), [](unsigned char c) {
      return std::isalnum(c) || c == '-' || c == '_' || c == '.';
    });
  };
  auto slash = s.find('/');
  if (slash != std::string::npos && handle(std::string_view(s).substr(0, slash)) &&
      handle(std::string_view(s).substr(slash + 1)))
    s = s.substr(slash + 1);
  return s;
}

// The title's segments, without empty ones and without the site's own name.
std::vector<std::string> segments(std::string_view title, std::string_view site_name) {
  std::string site = fields::ascii_lower(fields::clean_decoded_text(site_name));
  std::vector<std::string> kept;
  for (auto& seg : split_title(fields::clean_decoded_text(title), false)) {
    std::string s = fields::clean_decoded_text(seg);
    if (std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; })) continue;
    // The site's own name, alone or as the start of a segment ("Meta AI Blog" on "Meta AI").
    if (!site.empty() && fields::ascii_lower(s).rfind(site, 0) == 0) continue;
    kept.push_back(std::move(s));
  }
  return kept;
}

}  // namespace

std::vector<std::string> split_title(const std::string& t, bool colon_space) {
  static constexpr std::array<std::string_view, 10> seps{
      " | ", " · ", " - ", " — ", " – ", " :: ", " » ", " ~ ", " : ", ": "};
  const std::size_t n = colon_space ? seps.size() : seps.size() - 1;
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < t.size();) {
    bool hit = false;
    for (std::size_t k = 0; k < n && !hit; ++k) {
      if (t.compare(i, seps[k].size(), seps[k]) == 0) {
        out.push_back(t.substr(start, i - start));
        i += seps[k].size();
        start = i;
        hit = true;
      }
    }
    if (!hit) ++i;
  }
  out.push_back(t.substr(start));
  return out;
}

std::string name_from_title(std::string_view title, std::string_view site_name) {
  auto kept = segments(title, site_name);
  if (kept.empty()) return {};
  return fields::clean_decoded_text(strip_prefixes(kept.front()));
}

std::string tagline_from_title(std::string_view title, std::string_view site_name) {
  auto kept = segments(title, site_name);
  // "Name – Tagline | Site": with the site named, two segments remain; without, three.
  if (kept.size() < 2) return {};
  if (site_name.empty() && kept.size() == 2) return {};  // the second may be the site
  return kept[1];
}

}  // namespace tv::extract
