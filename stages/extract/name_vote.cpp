#include "stages/extract/name_vote.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "stages/extract/title.hpp"
#include "stages/normalise/fields/text.hpp"
#include "stages/normalise/fields/url.hpp"
#include "stages/normalise/fields/vendor_table.hpp"

namespace tv::extract {
namespace {

bool alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; }
bool digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Letters and digits only, ASCII lower-cased: "Mistral-7B" and "mistral 7b" share a key.
std::string key(std::string_view s) {
  std::string out;
  for (unsigned char c : s)
    if (alnum(c)) out += (c >= 'A' && c <= 'Z') ? char(c + 32) : char(c);
  return out;
}

// "Mistral 7B" -> "mistral-7b": how a name is written in a URL.
std::string slug(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (alnum(c)) out += (c >= 'A' && c <= 'Z') ? char(c + 32) : char(c);
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && fields::ascii_lower(s.substr(0, p.size())) == p;
}
bool ends_with_ci(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && fields::ascii_lower(s.substr(s.size() - p.size())) == p;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

// Words put before a name in headings, in the languages the inbox sees (lower case).
constexpr std::array<std::string_view, 22> kPrefixes{
    "introducing ", "announcing ", "meet ", "hands-on with ", "hands on with ", "a look at ",
    "first look at ", "getting started with ", "review of ", "reviewed: ", "what is ",
    "im test: ", "test: ", "vorgestellt: ", "découvrez ", "présentation de ", "essai de ",
    "test de ", "conoce ", "análisis de ", "reseña de ", "probamos "};

// Segments that are site furniture, by key (letters and digits, lower case).
const std::set<std::string>& furniture() {
  static const std::set<std::string> words = [] {
    std::set<std::string> s;
    for (const char* w : {"overview", "introduction", "intro", "home", "homepage", "index", "welcome",
                          "documentation", "docs", "gettingstarted", "quickstart", "blog", "news", "review",
                          "reviews", "about", "tableofcontents", "contents", "features", "pricing", "download",
                          "downloads", "product", "products", "faq", "changelog", "readme", "untitled",
                          "übersicht", "einführung", "einleitung", "startseite", "testbericht", "accueil",
                          "présentation", "aperçu", "sommaire", "inicio", "introducción", "descripcióngeneral",
                          "reseña", "análisis", "portada"})
      s.insert(key(w));
    return s;
  }();
  return words;
}

bool numbered_part(const std::string& k) {
  for (std::string_view w : {"chapter", "kapitel", "chapitre", "capítulo", "capitulo", "part", "teil", "page",
                             "seite", "section", "step"})
    if (k.size() > w.size() && k.compare(0, w.size(), w) == 0 &&
        std::all_of(k.begin() + w.size(), k.end(), [](unsigned char c) { return digit(c); }))
      return true;
  return false;
}

bool markup_like(std::string_view s) {
  for (std::string_view m : {"<", ">", "{{", "}}", "&lt;", "&gt;", "\\u003c", "${"})
    if (s.find(m) != std::string_view::npos) return true;
  return false;
}

// A release version at the end: " 1.2.0", " v0.9.1"; with `any`, also " 0.9".
std::string strip_version(std::string s, bool any) {
  auto sp = s.rfind(' ');
  if (sp == std::string::npos) return s;
  std::string_view v = std::string_view(s).substr(sp + 1);
  if (!v.empty() && (v[0] == 'v' || v[0] == 'V')) v.remove_prefix(1);
  if (v.empty() || !digit(v.front()) || !digit(v.back())) return s;
  int dots = 0;
  for (char c : v) {
    if (c == '.') ++dots;
    else if (!digit(c)) return s;
  }
  if (dots >= 2 || (any && dots == 1)) return trim(s.substr(0, sp));
  return s;
}

std::string clean_segment(std::string s) {
  s = trim(fields::clean_decoded_text(s));
  // A heading's permalink mark: "OLMo 2 7B¶".
  for (bool again = true; again;) {
    again = false;
    for (std::string_view m : {"¶", "§", "#", "🔗"})
      if (s.size() >= m.size() && s.compare(s.size() - m.size(), m.size(), m) == 0) {
        s = trim(s.substr(0, s.size() - m.size()));
        again = true;
      }
  }
  for (auto p : kPrefixes)
    if (s.size() > p.size() && starts_with_ci(s, p)) {
      s = trim(s.substr(p.size()));
      break;
    }
  // A review's verdict after the name: "Gemma 2 9B im Test", "Claude review", "Suno en test".
  for (std::string_view v : {" im test", " im praxistest", " review", " reviewed", " hands-on", " en test",
                             " à l'essai", " a prueba", " análisis", " test"})
    if (s.size() > v.size() + 1 && ends_with_ci(s, v)) {
      s = trim(s.substr(0, s.size() - v.size()));
      break;
    }
  // "Claude by Anthropic": a maker the vendor table knows, after the name.
  if (auto by = fields::ascii_lower(s).rfind(" by "); by != std::string::npos && by > 0)
    if (fields::known_vendor(std::string_view(s).substr(by + 4))) s = trim(s.substr(0, by));
  bool docs = false;
  for (std::string_view d : {" documentation", " docs", " dokumentation", " documentación"})
    if (s.size() > d.size() && ends_with_ci(s, d)) {
      s = trim(s.substr(0, s.size() - d.size()));
      docs = true;
      break;
    }
  s = strip_version(s, docs);
  // "Org/Model": a repository id; the name is the part after the slash.
  auto handle = [](std::string_view h) {
    return !h.empty() && std::all_of(h.begin(), h.end(), [](unsigned char c) {
      return std::isalnum(c) || c == '-' || c == '_' || c == '.';
    });
  };
  if (auto slash = s.find('/'); slash != std::string::npos && handle(std::string_view(s).substr(0, slash)) &&
                                handle(std::string_view(s).substr(slash + 1)))
    s = s.substr(slash + 1);
  return s;
}

// The path of the page's own URL, lower case, where an article's or a tool's slug sits
// ("/2025/04/review-midjourney/"). The host is left out: every site's name is in its host.
std::string url_path_words(const std::string& url) {
  std::string rest;
  if (auto p = url.find("://"); p != std::string::npos)
    if (auto slash = url.find('/', p + 3); slash != std::string::npos) rest = url.substr(slash);
  if (auto q = rest.find_first_of("?#"); q != std::string::npos) rest.resize(q);
  return fields::ascii_lower(rest) + "/";
}

// True when the URL path holds `name`: its slug between separators ("mistral-7b" in
// ".../hands-on-with-mistral-7b-fb39"), or its letters and digits as one segment
// ("/project/smollm217b/").
bool in_url(const std::string& words, const std::string& name) {
  std::string k = key(name);
  if (k.size() >= 3)
    for (std::size_t at = words.find(k); at != std::string::npos; at = words.find(k, at + 1)) {
      std::size_t end = at + k.size();
      if ((at == 0 || !alnum(static_cast<unsigned char>(words[at - 1]))) &&
          (end >= words.size() || !alnum(static_cast<unsigned char>(words[end]))))
        return true;
    }
  std::string s = slug(name);
  if (s.empty()) return false;
  for (std::size_t at = words.find(s); at != std::string::npos; at = words.find(s, at + 1)) {
    bool left = at == 0 || !alnum(static_cast<unsigned char>(words[at - 1]));
    std::size_t end = at + s.size();
    bool right = end >= words.size() || !alnum(static_cast<unsigned char>(words[end]));
    if (left && right) return true;
  }
  return false;
}

// One name's tally.
struct Tally {
  std::string display;
  NameSource best{};
  std::string rule;
  std::size_t position = 0;  // the earliest segment index it appeared at
  std::set<int> voices;      // sources (each h1 counts as its own) that named it
  double score = 0;
  std::vector<std::string> spellings;
};

// Which source's spelling of one name is kept: the tool's own heading first.
int spelling_rank(NameSource s) {
  switch (s) {
    case NameSource::profile: return 0;
    case NameSource::jsonld: return 1;
    case NameSource::h1: return 2;
    case NameSource::og: return 3;
    case NameSource::twitter: return 4;
    case NameSource::dc: return 5;
    case NameSource::title: return 6;
  }
  return 7;
}

// Which source wins a tie between two names: the page's stated titles before its first
// heading, which is often a section or a greeting ("Hi, I'm Nicolas.").
int belief_rank(NameSource s) {
  switch (s) {
    case NameSource::profile: return 0;
    case NameSource::jsonld: return 1;
    case NameSource::og: return 2;
    case NameSource::twitter: return 3;
    case NameSource::dc: return 4;
    case NameSource::title: return 5;
    case NameSource::h1: return 6;
  }
  return 7;
}

}  // namespace

std::vector<std::string> name_segments(std::string_view text) {
  std::vector<std::string> kept;
  for (auto& raw : split_title(fields::clean_decoded_text(text), true)) {
    std::string s = clean_segment(raw);
    std::string k = key(s);
    if (k.empty() || markup_like(s) || furniture().count(k) || numbered_part(k)) continue;
    kept.push_back(std::move(s));
  }
  return kept;
}

namespace {
std::vector<std::string> whole_name(std::string_view text) {
  std::string s = clean_segment(std::string(text));
  std::string k = key(s);
  if (k.empty() || markup_like(s) || furniture().count(k)) return {};
  return {s};
}
}  // namespace

NameVote vote_name(const std::vector<NameCandidate>& candidates, const NameContext& ctx) {
  NameVote out;
  std::map<std::string, Tally> tally;
  std::vector<std::string> order;  // keys in first-seen order, for a stable result
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i];
    if (c.source == NameSource::profile) {
      std::string s = trim(fields::clean_decoded_text(c.text));
      if (!key(s).empty()) {
        out.name = s;
        out.rule = c.rule;
        return out;
      }
      continue;
    }
    // A schema.org name is a name, not a title: it is cleaned but never cut into segments.
    auto segs = c.source == NameSource::jsonld ? whole_name(c.text) : name_segments(c.text);
    for (std::size_t pos = 0; pos < segs.size(); ++pos) {
      std::string k = key(segs[pos]);
      auto [it, fresh] = tally.try_emplace(k);
      Tally& t = it->second;
      if (fresh) {
        order.push_back(k);
        t.display = segs[pos];
        t.best = c.source;
        t.rule = c.rule;
        t.position = pos;
      } else if (spelling_rank(c.source) < spelling_rank(t.best)) {
        t.display = segs[pos];
        t.best = c.source;
        t.rule = c.rule;
      }
      t.position = std::min(t.position, pos);
      t.voices.insert(int(i));
      if (std::find(t.spellings.begin(), t.spellings.end(), segs[pos]) == t.spellings.end())
        t.spellings.push_back(segs[pos]);
    }
  }
  const std::string site = key(ctx.site_name);
  const std::string path = url_path_words(ctx.url);
  for (auto& [k, t] : tally) {
    t.score = double(t.voices.size());
    if (t.best == NameSource::jsonld) t.score += 1;  // a schema.org name is a statement, not a title
    if (in_url(path, t.display)) t.score += 1;
    // The site's own name is the tool's only on the tool's own page, where a heading or the
    // structured data says it too; in a title alone it is the site's signature.
    if (!site.empty() && k == site && t.best != NameSource::h1 && t.best != NameSource::jsonld) t.score = 0;
  }
  std::vector<const Tally*> ranked;
  for (const auto& k : order)
    if (tally.at(k).score > 0) ranked.push_back(&tally.at(k));
  if (ranked.empty()) return out;
  std::stable_sort(ranked.begin(), ranked.end(), [](const Tally* a, const Tally* b) {
    if (a->score != b->score) return a->score > b->score;
    if (a->best != b->best) return belief_rank(a->best) < belief_rank(b->best);
    return a->position < b->position;
  });
  const Tally& win = *ranked.front();
  out.name = win.display;
  out.rule = win.rule;
  if (win.voices.size() > 1) out.rule += " (" + std::to_string(win.voices.size()) + " sources agree)";
  for (const auto& s : win.spellings)
    if (s != win.display) out.aliases.push_back(s);
  for (std::size_t i = 1; i < ranked.size(); ++i) out.runners_up.push_back(ranked[i]->display);
  return out;
}

}  // namespace tv::extract
