// Licences: a key built from the text ("Apache License, Version 2.0" -> "apache2.0") is looked
// up in an alias table of SPDX ids and named licences; Creative Commons, the GNU family and the
// Llama family are parsed from their parts. SPDX ids follow the SPDX licence list (3.x): the
// GNU ids carry "-only" / "-or-later", as the deprecated bare "GPL-3.0" now means "-only".
#include "stages/normalise/fields/license.hpp"

#include <array>
#include <unordered_map>
#include <vector>

#include "stages/normalise/fields/text.hpp"

namespace tv::fields {
namespace {

std::optional<License> parse_cleaned(std::string_view text);  // parse_license on clean text

bool is_alpha(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return is_alpha(c) || is_digit(c) || c == '.' || c == '+'; }

// Lower-case tokens: runs of [a-z0-9.+]; a '.' is kept only between digits ("2.0").
std::vector<std::string> tokens_of(std::string_view lower) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < lower.size()) {
    if (!is_word_char(lower[i])) {
      ++i;
      continue;
    }
    std::string tok;
    while (i < lower.size() && is_word_char(lower[i])) {
      const char c = lower[i];
      if (c == '.') {
        const bool between_digits = !tok.empty() && is_digit(tok.back()) && i + 1 < lower.size() &&
                                    is_digit(lower[i + 1]);
        if (!between_digits) {
          ++i;
          break;  // "license." / "v.2": the dot ends the token
        }
      }
      tok.push_back(c);
      ++i;
    }
    if (!tok.empty()) out.push_back(std::move(tok));
  }
  return out;
}

bool is_noise(std::string_view t) {
  static constexpr std::string_view kNoise[] = {
      "the",     "a",         "an",       "license",  "licence",  "licensed", "licenced",
      "licenses", "licences", "version",  "agreement", "international", "generic", "unported",
      "ver"};
  for (auto n : kNoise) {
    if (t == n) return true;
  }
  return false;
}

// The lookup key: tokens without noise, concatenated; "v" before a version dropped
// ("gplv3" -> "gpl3", "v2.0" -> "2.0").
std::string key_of(const std::vector<std::string>& toks) {
  std::string k;
  for (const auto& t : toks) {
    if (!is_noise(t)) k += t;
  }
  std::string out;
  for (std::size_t i = 0; i < k.size(); ++i) {
    if (k[i] == 'v' && i + 1 < k.size() && is_digit(k[i + 1]) && (i == 0 || is_alpha(k[i - 1]))) {
      continue;
    }
    out.push_back(k[i]);
  }
  return out;
}

struct Entry {
  std::string_view spdx;
  std::string_view name;
  std::initializer_list<std::string_view> keys;
};

const std::unordered_map<std::string, License>& alias_table() {
  static const std::unordered_map<std::string, License> table = [] {
    const Entry entries[] = {
        {"Apache-2.0", "Apache License 2.0", {"apache2.0", "apache2", "asl2.0", "asl2", "apl2.0", "apachesoftware2.0"}},
        {"Apache-1.1", "Apache License 1.1", {"apache1.1"}},
        {"", "Apache License", {"apache"}},
        {"MIT", "MIT License", {"mit", "expat", "mitexpat", "mitmit"}},
        {"MIT-0", "MIT No Attribution", {"mit0", "mitnoattribution"}},
        {"", "BSD License", {"bsd", "bsdstyle", "bsdlike"}},
        {"BSD-2-Clause", "BSD 2-Clause License", {"bsd2clause", "bsd2", "simplifiedbsd", "freebsd", "bsd2clausesimplified"}},
        {"BSD-3-Clause", "BSD 3-Clause License", {"bsd3clause", "bsd3", "newbsd", "revisedbsd", "modifiedbsd", "bsd3clausenew", "bsd3clauserevised"}},
        {"BSD-3-Clause-Clear", "BSD 3-Clause Clear License", {"bsd3clauseclear"}},
        {"BSD-4-Clause", "BSD 4-Clause License", {"bsd4clause", "originalbsd"}},
        {"0BSD", "BSD Zero Clause License", {"0bsd", "bsdzeroclause"}},
        {"ISC", "ISC License", {"isc"}},
        {"MPL-2.0", "Mozilla Public License 2.0", {"mpl2.0", "mpl2", "mozillapublic2.0", "mozillapublic2", "mozilla2.0"}},
        {"MPL-1.1", "Mozilla Public License 1.1", {"mpl1.1", "mozillapublic1.1"}},
        {"EPL-1.0", "Eclipse Public License 1.0", {"epl1.0", "epl1", "eclipsepublic1.0"}},
        {"EPL-2.0", "Eclipse Public License 2.0", {"epl2.0", "epl2", "eclipsepublic2.0"}},
        {"Unlicense", "The Unlicense", {"unlicense", "unlicensed"}},
        {"Zlib", "zlib License", {"zlib", "zliblibpng"}},
        {"BSL-1.0", "Boost Software License 1.0", {"bsl1.0", "boostsoftware1.0", "boostsoftware", "boost"}},
        {"BUSL-1.1", "Business Source License 1.1", {"busl1.1", "businesssource1.1", "businesssource"}},
        {"Artistic-2.0", "Artistic License 2.0", {"artistic2.0", "artistic2"}},
        {"AFL-3.0", "Academic Free License 3.0", {"afl3.0", "academicfree3.0"}},
        {"ECL-2.0", "Educational Community License 2.0", {"ecl2.0", "educationalcommunity2.0"}},
        {"EUPL-1.1", "European Union Public License 1.1", {"eupl1.1"}},
        {"EUPL-1.2", "European Union Public License 1.2", {"eupl1.2", "eupl"}},
        {"OSL-3.0", "Open Software License 3.0", {"osl3.0", "opensoftware3.0"}},
        {"PostgreSQL", "PostgreSQL License", {"postgresql", "postgres"}},
        {"OFL-1.1", "SIL Open Font License 1.1", {"ofl1.1", "ofl", "silopenfont1.1", "silofl1.1", "silofl"}},
        {"NCSA", "University of Illinois/NCSA Open Source License", {"ncsa", "uiucncsa"}},
        {"WTFPL", "WTFPL", {"wtfpl"}},
        {"LPPL-1.3c", "LaTeX Project Public License 1.3c", {"lppl1.3c"}},
        {"MS-PL", "Microsoft Public License", {"mspl", "microsoftpublic"}},
        {"UPL-1.0", "Universal Permissive License 1.0", {"upl1.0", "upl"}},
        {"ODbL-1.0", "Open Database License 1.0", {"odbl", "odbl1.0", "opendatabase1.0", "opendatabase"}},
        {"ODC-By-1.0", "Open Data Commons Attribution License 1.0", {"odcby", "odcby1.0"}},
        {"PDDL-1.0", "Open Data Commons Public Domain Dedication and License 1.0", {"pddl", "pddl1.0"}},
        {"CDLA-Sharing-1.0", "Community Data License Agreement Sharing 1.0", {"cdlasharing1.0"}},
        {"CDLA-Permissive-1.0", "Community Data License Agreement Permissive 1.0", {"cdlapermissive1.0"}},
        {"CDLA-Permissive-2.0", "Community Data License Agreement Permissive 2.0", {"cdlapermissive2.0"}},
        {"", "GNU Free Documentation License", {"gfdl", "gnufdl", "gnufreedocumentation"}},
        {"GFDL-1.3-only", "GNU Free Documentation License v1.3", {"gfdl1.3", "gnufdl1.3"}},
        {"etalab-2.0", "Etalab Open License 2.0", {"etalab2.0", "etalab"}},
        {"C-UDA-1.0", "Computational Use of Data Agreement 1.0", {"cuda", "cuda1.0"}},
        // Responsible AI licences (no SPDX ids).
        {"", "OpenRAIL", {"openrail", "rail"}},
        {"", "OpenRAIL++", {"openrail++", "openrail++m"}},
        {"", "OpenRAIL-M", {"openrailm"}},
        {"", "CreativeML OpenRAIL-M", {"creativemlopenrailm", "creativemlopenrail", "creativeml"}},
        {"", "BigScience OpenRAIL-M", {"bigscienceopenrailm", "bigscienceopenrail"}},
        {"", "BigScience BLOOM RAIL 1.0", {"bigsciencebloomrail1.0", "bloomrail1.0", "bloomrail", "bigsciencebloomrail", "bigsciencerail1.0", "bigsciencerailv1.0", "bigsciencerail"}},
        {"", "BigCode OpenRAIL-M", {"bigcodeopenrailm", "bigcodeopenrail"}},
        {"", "DeepFloyd IF License", {"deepfloydif", "deepfloyd"}},
        // Vendors' model licences.
        {"", "Gemma Terms of Use", {"gemma", "gemmatermsofuse", "gemmaterms", "gemmaprohibitedusepolicy"}},
        {"", "Apple Machine Learning Research Model License", {"appleamlr", "amlr", "applemachinelearningresearchmodel"}},
        {"", "Apple Sample Code License", {"appleascl", "applesamplecode"}},
        {"", "Qwen License", {"qwen", "tongyiqianwen", "qwenlicense"}},
        {"", "Qwen Research License", {"qwenresearch"}},
        {"", "DeepSeek License", {"deepseek", "deepseekmodel"}},
        {"", "Mistral Research License", {"mistralresearch", "mrl"}},
        {"", "Mistral Non-Production License", {"mistralnonproduction", "mnpl"}},
        {"", "NVIDIA Open Model License", {"nvidiaopenmodel"}},
        {"", "TII Falcon License", {"falconllm", "tiifalcon", "tiifalconllm", "falcon", "falcon180b", "falcon180btii"}},
        {"", "Stability AI Community License", {"stabilityaicommunity", "stabilityaicommunitylicense"}},
        {"", "Stability AI Non-Commercial Research Community License", {"stabilityainoncommercialresearchcommunity"}},
        {"", "Health AI Developer Foundations Terms of Use", {"healthaideveloperfoundations"}},
        // Not open at all.
        {"", "Proprietary", {"proprietary", "commercial", "closedsource", "closed", "allrightsreserved", "copyrighted"}},
        {"", "Public domain", {"publicdomain"}},
    };
    std::unordered_map<std::string, License> t;
    for (const auto& e : entries) {
      for (auto k : e.keys) t.emplace(std::string(k), License{std::string(e.spdx), std::string(e.name)});
    }
    return t;
  }();
  return table;
}

bool is_not_a_license(std::string_view key) {
  static constexpr std::string_view kNone[] = {
      "other", "unknown", "none", "na", "n", "null", "nil", "unspecified", "undefined",
      "noassertion", "notspecified", "custom", "see", "tbd", "nolicense", "unlicensedunknown"};
  for (auto n : kNone) {
    if (key == n) return true;
  }
  return false;
}

bool strip_prefix(std::string_view& s, std::string_view p) {
  if (s.substr(0, p.size()) == p) {
    s.remove_prefix(p.size());
    return true;
  }
  return false;
}

// A version at the start of s: "3", "3.0", "2.1"; normalised to "X.Y".
std::string take_version(std::string_view& s) {
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 0 || i > 2) return {};
  std::string v(s.substr(0, i));
  if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    std::size_t j = i + 1;
    while (j < s.size() && is_digit(s[j])) ++j;
    v.append(s.substr(i, j - i));
    i = j;
  } else {
    v += ".0";
  }
  s.remove_prefix(i);
  return v;
}

// The GNU family: "GPL-3.0", "gpl-3.0-or-later", "GPLv3+", "GNU Affero General Public License
// v3.0", "LGPL" (no version: no SPDX id), "lgpl-2.1".
std::optional<License> gnu_family(std::string_view key) {
  std::string_view s = key;
  strip_prefix(s, "gnu");
  enum { none, gpl, agpl, lgpl } fam = none;
  if (strip_prefix(s, "affero")) fam = agpl;
  else if (strip_prefix(s, "lesser") || strip_prefix(s, "library")) fam = lgpl;
  if (strip_prefix(s, "generalpublic")) {
    if (fam == none) fam = gpl;
  } else if (strip_prefix(s, "agpl")) {
    fam = agpl;
  } else if (strip_prefix(s, "lgpl")) {
    fam = lgpl;
  } else if (strip_prefix(s, "gpl")) {
    if (fam == none) fam = gpl;
  } else if (fam == none) {
    return std::nullopt;
  }
  if (fam == none) return std::nullopt;
  const std::string version = take_version(s);
  bool later = false;
  if (strip_prefix(s, "+") || strip_prefix(s, "orlater") || strip_prefix(s, "later")) later = true;
  strip_prefix(s, "only");
  if (!s.empty()) return std::nullopt;
  const std::string_view id = fam == gpl ? "GPL" : fam == agpl ? "AGPL" : "LGPL";
  const std::string_view long_name = fam == gpl ? "GNU GPL" : fam == agpl ? "GNU AGPL" : "GNU LGPL";
  License lic;
  if (version.empty()) {
    lic.name = std::string(long_name);
    return lic;
  }
  const bool valid = (fam == gpl && (version == "1.0" || version == "2.0" || version == "3.0")) ||
                     (fam == agpl && (version == "1.0" || version == "3.0")) ||
                     (fam == lgpl && (version == "2.0" || version == "2.1" || version == "3.0"));
  if (!valid) return std::nullopt;
  lic.spdx = std::string(id) + "-" + version + (later ? "-or-later" : "-only");
  lic.name = std::string(long_name) + " v" + version + (later ? " or later" : "");
  return lic;
}

// Creative Commons from its parts: "cc-by-nc-4.0", "CC BY-NC-SA 4.0", "Creative Commons
// Attribution-NonCommercial 4.0 International", "cc0-1.0".
std::optional<License> creative_commons(const std::vector<std::string>& toks) {
  if (toks.empty()) return std::nullopt;
  std::size_t i = 0;
  bool cc0 = false;
  if (toks[0] == "cc") {
    i = 1;
  } else if (toks[0] == "cc0") {
    cc0 = true;
    i = 1;
  } else if (toks.size() >= 2 && toks[0] == "creative" && toks[1] == "commons") {
    i = 2;
  } else {
    return std::nullopt;
  }
  bool by = false, sa = false, nc = false, nd = false, zero = cc0;
  std::string version;
  for (; i < toks.size(); ++i) {
    const std::string& t = toks[i];
    const auto next_is = [&](std::string_view w) { return i + 1 < toks.size() && toks[i + 1] == w; };
    if (is_noise(t) || t == "public" || t == "deed" || t == "v") continue;
    if (t == "by" || t == "attribution") by = true;
    else if (t == "sa" || t == "sharealike") sa = true;
    else if (t == "share" && next_is("alike")) { sa = true; ++i; }
    else if (t == "nc" || t == "noncommercial") nc = true;
    else if (t == "non" && next_is("commercial")) { nc = true; ++i; }
    else if (t == "nd" || t == "noderivatives" || t == "noderivs") nd = true;
    else if (t == "no" && (next_is("derivatives") || next_is("derivs"))) { nd = true; ++i; }
    else if (t == "zero" || t == "0" || t == "cc0") zero = true;
    else if (t == "domain" || t == "dedication" || t == "universal") continue;
    else if (!t.empty() && is_digit(t[0]) && version.empty()) {
      std::string_view v = t;
      version = take_version(v);
      if (version.empty() || !v.empty()) return std::nullopt;
    } else {
      return std::nullopt;  // something that is not part of a CC name
    }
  }
  if (zero) {
    if (by || sa || nc || nd) return std::nullopt;
    return License{"CC0-1.0", "CC0 1.0"};
  }
  if (sa && nd) return std::nullopt;
  if (!by && !sa && !nc && !nd) {
    if (!version.empty()) return std::nullopt;
    return License{"", "Creative Commons"};
  }
  std::string parts = "BY";
  if (nc) parts += "-NC";
  if (nd) parts += "-ND";
  if (sa) parts += "-SA";
  License lic;
  if (version.empty()) {
    lic.name = "CC " + parts;
    return lic;
  }
  if (version != "1.0" && version != "2.0" && version != "2.5" && version != "3.0" && version != "4.0") {
    return std::nullopt;
  }
  lic.spdx = "CC-" + parts + "-" + version;
  lic.name = "CC " + parts + " " + version;
  return lic;
}

// The Llama family: "llama2", "llama3.1", "Llama 3.2 Community License", "Meta Llama 3 Community
// License Agreement", "Llama community license".
std::optional<License> llama_family(std::string_view key) {
  std::string_view s = key;
  strip_prefix(s, "meta");
  if (!strip_prefix(s, "llama")) return std::nullopt;
  std::string version;
  {
    std::size_t i = 0;
    while (i < s.size() && (is_digit(s[i]) || (s[i] == '.' && i > 0))) ++i;
    version = std::string(s.substr(0, i));
    s.remove_prefix(i);
    if (version.size() > 4) return std::nullopt;
  }
  strip_prefix(s, "community");
  if (!s.empty()) return std::nullopt;
  License lic;
  lic.name = version.empty() ? "Llama Community License" : "Llama " + version + " Community License";
  return lic;
}

// Research-only licences named only by their terms: "research license", "a permissive research
// license", "non-commercial research license".
std::optional<License> research_family(const std::vector<std::string>& toks) {
  bool research = false, permissive = false, noncommercial = false;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::string& t = toks[i];
    if (is_noise(t) || t == "only" || t == "use" || t == "purposes" || t == "for" || t == "and") continue;
    if (t == "research" || t == "academic") research = true;
    else if (t == "permissive") permissive = true;
    else if (t == "noncommercial" || t == "commercial" || t == "non") noncommercial |= (t != "commercial") || (i > 0 && toks[i - 1] == "non");
    else return std::nullopt;
  }
  if (!research) return std::nullopt;
  if (permissive && !noncommercial) return License{"", "Research license (permissive)"};
  if (noncommercial) return License{"", "Research license (non-commercial)"};
  return License{"", "Research license"};
}

std::optional<License> parse_tokens(const std::vector<std::string>& toks) {
  if (toks.empty() || toks.size() > 14) return std::nullopt;
  const std::string key = key_of(toks);
  if (key.empty() || is_not_a_license(key)) return std::nullopt;
  const auto& table = alias_table();
  if (auto it = table.find(key); it != table.end()) return it->second;
  if (auto cc = creative_commons(toks)) return cc;
  if (auto g = gnu_family(key)) return g;
  if (auto l = llama_family(key)) return l;
  if (auto r = research_family(toks)) return r;
  return std::nullopt;
}

// --- prose ----------------------------------------------------------------------------------

struct Word {
  std::string lower;     // the word, lower-cased, surrounding punctuation removed
  bool clause_start;     // punctuation (, ; : . ( ) ") separates it from the previous word
  bool followed_by_colon;
};

std::vector<Word> prose_words(std::string_view text) {
  std::vector<Word> out;
  const std::string lower = ascii_lower(text);
  std::size_t i = 0;
  bool boundary = true;
  while (i < lower.size()) {
    const char c = lower[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    const bool word_char = is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.' ||
                           c == '_' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
    if (!word_char) {
      if (c == ':' && !out.empty()) out.back().followed_by_colon = true;
      boundary = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < lower.size() && lower[j] != ' ') {
      const char d = lower[j];
      const bool wc = is_alpha(d) || is_digit(d) || d == '+' || d == '-' || d == '.' || d == '_' ||
                      d == '\'' || static_cast<unsigned char>(d) >= 0x80;
      if (!wc) break;
      ++j;
    }
    std::string w(lower.substr(i, j - i));
    bool ends_clause = false;
    while (!w.empty() && (w.back() == '.' || w.back() == '-' || w.back() == '\'')) {
      ends_clause |= w.back() == '.';
      w.pop_back();
    }
    // Possessive / contraction: "it's" stays a word; "meta's" is not a licence word anyway.
    if (!w.empty()) out.push_back(Word{w, boundary, false});
    boundary = ends_clause;
    i = j;
  }
  return out;
}

std::optional<License> parse_phrase(const std::vector<Word>& words, std::size_t from, std::size_t to) {
  std::string phrase;
  for (std::size_t k = from; k < to; ++k) {
    if (!phrase.empty()) phrase.push_back(' ');
    phrase += words[k].lower;
  }
  auto lic = parse_cleaned(phrase);
  // "a commercial license" in prose is usually an offer next to an open licence, not the
  // model's licence: only the word "proprietary" says that.
  if (lic && lic->name == "Proprietary" && phrase.find("proprietary") == std::string::npos) {
    return std::nullopt;
  }
  return lic;
}

bool is_license_word(std::string_view w) {
  return w == "license" || w == "licence" || w == "licensed" || w == "licenced";
}

// Licence URLs: "https://www.apache.org/licenses/LICENSE-2.0", "https://opensource.org/
// licenses/MIT", "https://creativecommons.org/licenses/by-nc/4.0/", "https://spdx.org/licenses/
// Apache-2.0.html", "https://www.gnu.org/licenses/gpl-3.0.html", "https://www.llama.com/llama3/
// license/", "https://ai.google.dev/gemma/terms". A repository's LICENSE file names nothing.
std::optional<License> license_from_url(std::string_view lower_url);

}  // namespace

std::optional<License> parse_license(std::string_view text) {
  const std::string t = clean_text(text);
  return parse_cleaned(t);
}

namespace {

std::optional<License> parse_cleaned(std::string_view t) {
  if (t.size() > 200) return std::nullopt;
  std::string lower = ascii_lower(t);
  // Python list debris: "['cc-by-nc-4.0']".
  std::string_view v = lower;
  while (!v.empty() && (v.front() == '[' || v.front() == '\'' || v.front() == '"' || v.front() == ' ')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ']' || v.back() == '\'' || v.back() == '"' || v.back() == ' ')) v.remove_suffix(1);
  if (v.empty()) return std::nullopt;
  if (v.starts_with("http://") || v.starts_with("https://") || v.starts_with("www.")) {
    return license_from_url(v);
  }
  const auto toks = tokens_of(v);
  if (auto lic = parse_tokens(toks)) return lic;
  // "The MIT License (MIT)", "Apache License 2.0 (Apache-2.0)": try without, then inside,
  // the parentheses.
  const auto open = v.find('(');
  const auto close = v.rfind(')');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
    std::string outside(v.substr(0, open));
    outside.append(v.substr(close + 1));
    if (auto lic = parse_tokens(tokens_of(outside))) return lic;
    if (auto lic = parse_tokens(tokens_of(v.substr(open + 1, close - open - 1)))) return lic;
  }
  return std::nullopt;
}

}  // namespace

namespace {

std::optional<License> license_from_url(std::string_view u) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (u.substr(0, scheme.size()) == scheme) {
      u.remove_prefix(scheme.size());
      break;
    }
  }
  if (u.substr(0, 4) == "www.") u.remove_prefix(4);
  const auto slash = u.find('/');
  const std::string_view host = u.substr(0, slash);
  std::string path(slash == std::string_view::npos ? std::string_view() : u.substr(slash + 1));
  if (const auto q = path.find_first_of("?#"); q != std::string::npos) path.erase(q);
  while (!path.empty() && path.back() == '/') path.pop_back();
  // Segments, with ".html" / ".php" / ".txt" / ".json" / ".en.html" dropped from the last.
  std::vector<std::string> seg;
  for (std::size_t i = 0; i <= path.size();) {
    std::size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) seg.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  if (!seg.empty()) {
    std::string& last = seg.back();
    for (std::string_view ext : {".en.html", ".html", ".htm", ".php", ".txt", ".json", ".md"}) {
      if (last.size() > ext.size() && last.ends_with(ext)) {
        last.erase(last.size() - ext.size());
        break;
      }
    }
  }
  const auto first_is = [&](std::string_view s) { return !seg.empty() && seg[0] == s; };
  if (host == "apache.org" && first_is("licenses") && seg.size() >= 2) return parse_license("apache " + seg[1]);
  if ((host == "opensource.org" || host == "spdx.org" || host == "choosealicense.com") &&
      first_is("licenses") && seg.size() >= 2) {
    return parse_license(seg[1]);
  }
  if (host == "gnu.org" && first_is("licenses") && seg.size() >= 2) return parse_license(seg[1]);
  if (host == "mit-license.org") return License{"MIT", "MIT License"};
  if (host == "opensource.org" && first_is("license") && seg.size() >= 2) return parse_license(seg[1]);
  if (host == "creativecommons.org") {
    if (first_is("publicdomain") && seg.size() >= 2 && seg[1] == "zero") return License{"CC0-1.0", "CC0 1.0"};
    if (first_is("licenses") && seg.size() >= 2) {
      std::string name = "cc-" + seg[1];
      if (seg.size() >= 3) name += "-" + seg[2];
      return parse_license(name);
    }
    return std::nullopt;
  }
  if (host.find("llama") != std::string_view::npos || (host == "ai.meta.com" && !seg.empty() && seg[0] == "llama")) {
    for (const auto& s : seg) {
      if (s.rfind("llama", 0) == 0) {
        std::string v = s;
        for (char& c : v) {
          if (c == '_' || c == '-') c = '.';
        }
        if (auto lic = parse_license(v)) return lic;
      }
    }
    return License{"", "Llama Community License"};
  }
  if (host == "ai.google.dev" && !seg.empty() && seg[0] == "gemma") return License{"", "Gemma Terms of Use"};
  return std::nullopt;
}

}  // namespace

namespace {

// Every pattern below needs "under" or "licen" (license, licence, -licensed) in the text; most
// prose lines have neither, and are done with before they are cleaned and split. Entities could
// spell either word, so text holding '&' is always read in full.
bool may_name_license(std::string_view text) {
  if (text.find('&') != std::string_view::npos) return true;
  auto has = [&](std::string_view w) {
    for (std::size_t i = 0; i + w.size() <= text.size(); ++i) {
      std::size_t k = 0;
      while (k < w.size() && (text[i + k] | 0x20) == w[k]) ++k;
      if (k == w.size()) return true;
    }
    return false;
  };
  return has("licen") || has("under");
}

}  // namespace

std::optional<License> license_in_prose(std::string_view text) {
  if (!may_name_license(text)) return std::nullopt;
  const std::string t = clean_text(text);
  const auto words = prose_words(t);
  constexpr std::size_t kMaxPhrase = 7;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].lower;
    // "under [the|a|an] <licence>" (also "released under", "licensed under", "available under").
    if (w == "under" && i + 1 < words.size() && !words[i + 1].clause_start) {
      std::size_t from = i + 1;
      // "under the terms of the GNU GPL v3"
      while (from < words.size() && !words[from].clause_start &&
             (words[from].lower == "the" || words[from].lower == "a" || words[from].lower == "an" ||
              words[from].lower == "terms" || words[from].lower == "of" || words[from].lower == "its")) {
        ++from;
      }
      std::size_t to = from;
      while (to < words.size() && to - from < kMaxPhrase &&
             (to == from || !words[to].clause_start)) {
        ++to;
      }
      for (std::size_t end = to; end > from; --end) {
        if (auto lic = parse_phrase(words, from, end)) return lic;
      }
    }
    // "MIT-licensed", "Apache-2.0-licensed"
    for (std::string_view suffix : {"-licensed", "-licenced"}) {
      if (w.size() > suffix.size() && w.ends_with(suffix)) {
        if (auto lic = parse_cleaned(std::string_view(w).substr(0, w.size() - suffix.size()))) {
          if (lic->name != "Proprietary" || w.starts_with("proprietary")) return lic;
        }
      }
    }
    if (is_license_word(w)) {
      // "License: MIT", "licence - Apache 2.0"
      if (words[i].followed_by_colon && i + 1 < words.size()) {
        std::size_t to = i + 1;
        while (to < words.size() && to - (i + 1) < kMaxPhrase &&
               (to == i + 1 || !words[to].clause_start)) {
          ++to;
        }
        for (std::size_t end = to; end > i + 1; --end) {
          if (auto lic = parse_phrase(words, i + 1, end)) return lic;
        }
      }
      // "<licence name> license" / "MIT licensed": up to four words before, same clause.
      if (i > 0 && !words[i].clause_start) {
        std::size_t from = i;
        while (from > 0 && i - from < 4 && !words[from].clause_start) --from;
        if (words[from].clause_start && from < i && i - from > 4) ++from;
        for (std::size_t start = from; start < i; ++start) {
          if (words[start].lower == "under") continue;  // handled above
          if (auto lic = parse_phrase(words, start, i + (w == "license" || w == "licence" ? 1 : 0))) {
            return lic;
          }
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace tv::fields
