#include "stages/extract/title.hpp"

#include <array>
#include <vector>

#include "stages/normalise/fields/text.hpp"

namespace tv::extract {
namespace {

std::vector<std::string> split_segments(const std::string& t) {
  static constexpr std::array<std::string_view, 9> seps{
      " | ", " · ", " - ", " — ", " – ", " :: ", " » ", " ~ ", " : "};
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < t.size();) {
    bool hit = false;
    for (auto s : seps) {
      if (t.compare(i, s.size(), s) == 0) {
        out.push_back(t.substr(start, i - start));
        i += s.size();
        start = i;
        hit = true;
        break;
      }
    }
    if (!hit) ++i;
  }
  out.push_back(t.substr(start));
  return out;
}

std::string strip_prefixes(std::string s) {
  // Announcement words put before a name in headings.
  for (std::string_view p : {"Introducing ", "Announcing ", "Meet ", "Say hello to ", "Welcome "}) {
    if (s.size() > p.size() && fields::ascii_lower(s.substr(0, p.size())) == fields::ascii_lower(std::string(p)))
      s = s.substr(p.size());
  }
  // "Org/Model": a Hugging Face style repository id; the name is the part after the slash.
  auto slash = s.find('/');
  if (slash != std::string::npos && slash > 0 && s.find(' ') == std::string::npos &&
      s.find('/', slash + 1) == std::string::npos)
    s = s.substr(slash + 1);
  // "Name: the tagline" after an announcement word.
  if (auto colon = s.find(": "); colon != std::string::npos && colon > 0) s = s.substr(0, colon);
  return s;
}

}  // namespace

std::string name_from_title(std::string_view title, std::string_view site_name) {
  std::string t = fields::clean_text(title);
  std::string site = fields::ascii_lower(fields::clean_text(site_name));
  std::vector<std::string> kept;
  for (auto& seg : split_segments(t)) {
    std::string s = fields::clean_text(seg);
    if (s.empty()) continue;
    if (!site.empty() && fields::ascii_lower(s) == site) continue;
    kept.push_back(std::move(s));
  }
  if (kept.empty()) return {};
  return fields::clean_text(strip_prefixes(kept.front()));
}

}  // namespace tv::extract
