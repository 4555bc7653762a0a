// Title similarity (see similarity.hpp). Titles are short (tens of tokens), so token matching is
// a plain nested loop; trigrams are packed into 24 bits, so they never collide.
#include "stages/dedupe/similarity.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>

namespace tv::dedupe {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || is_digit(c) || u >= 0x80;
}
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_number(std::string_view t) {  // "7", "10.4.6"
  if (t.empty() || !is_digit(t.front()) || !is_digit(t.back())) return false;
  return std::all_of(t.begin(), t.end(), [](char c) { return is_digit(c) || c == '.'; });
}
bool all_digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return is_digit(c); });
}
// Catalogue and part numbers: "11052", "t9161ll", "ma166z".
bool is_code(std::string_view t) {
  if (all_digits(t)) return t.size() >= 5;
  const auto digits = std::count_if(t.begin(), t.end(), [](char c) { return is_digit(c); });
  return digits >= 3 && t.size() >= 5 && !is_number(t);
}
// "4th" -> "4"; "" when not an ordinal.
std::string_view ordinal(std::string_view t) {
  if (t.size() < 3) return {};
  const std::string_view tail = t.substr(t.size() - 2);
  const std::string_view head = t.substr(0, t.size() - 2);
  if (!all_digits(head)) return {};
  if (tail == "st" || tail == "nd" || tail == "rd" || tail == "th") return head;
  return {};
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

double idf(std::uint32_t df, std::uint32_t n) {
  return std::log((static_cast<double>(n) + 1) / (static_cast<double>(df) + 1)) + 1;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& words, std::string_view t) {
  return std::find(words.begin(), words.end(), t) != words.end();
}

constexpr std::array<std::string_view, 8> kUpgrade = {
    "upgrade", "upgrad", "upgrd", "upg", "upsell", "crossgrade", "update", "competitive"};
constexpr std::array<std::string_view, 3> kMac = {"mac", "macintosh", "osx"};
constexpr std::array<std::string_view, 3> kWin = {"win", "windows", "pc"};
// Edition words; each has its own bit (abbreviations share their word's bit).
struct Edition {
  std::string_view word;
  int bit;
};
constexpr std::array<Edition, 27> kEditions = {{
    {"standard", 0}, {"std", 0},       {"professional", 1}, {"pro", 1},    {"premium", 2},
    {"prem", 2},     {"deluxe", 3},    {"dlx", 3},          {"basic", 4},  {"home", 5},
    {"ultimate", 6}, {"business", 7},  {"enterprise", 8},   {"premier", 9}, {"platinum", 10},
    {"gold", 11},    {"express", 12},  {"elements", 13},    {"extended", 14}, {"plus", 15},
    {"lite", 16},    {"suite", 17},    {"collection", 18},  {"server", 19}, {"family", 20},
    {"academic", 21}, {"education", 21},
}};

constexpr std::array<std::string_view, 16> kLanguages = {
    "english", "spanish", "french",  "german", "italian", "japanese", "chinese", "korean",
    "russian", "dutch",   "hebrew",  "arabic", "greek",   "portuguese", "latin", "ingles"};

// Platform years and versions that are not product versions ("win 98 me 2000 xp").
bool is_platform_number(std::string_view t) { return t == "95" || t == "98" || t == "2000"; }

// Roman numerals ii-ix as digits; nullptr for anything else.
const char* roman(std::string_view t) {
  static constexpr std::array<std::pair<std::string_view, const char*>, 7> kRoman = {{
      {"ii", "2"}, {"iii", "3"}, {"iv", "4"}, {"vi", "6"}, {"vii", "7"}, {"viii", "8"}, {"ix", "9"}}};
  for (const auto& [r, d] : kRoman)
    if (r == t) return d;
  return nullptr;
}

bool prefix_match(std::string_view a, std::string_view b) {
  if (a.size() < 4 || b.size() < 4) return false;
  if (a.size() > b.size()) std::swap(a, b);
  return b.compare(0, a.size(), a) == 0;
}

bool matches(const TitleToken& t, const TitleProfile& p) {
  return std::any_of(p.tokens.begin(), p.tokens.end(),
                     [&](const TitleToken& o) { return o.text == t.text || prefix_match(t.text, o.text); });
}

// The share of `a`'s squared token weight that no token of `b` matches, exactly or as a
// prefix ("prem" / "premium", "upgrad" / "upgrade"; both at least 4 long).
bool vendor_word(const std::string& t, const TitleProfile& a, const TitleProfile& b) {
  return std::find(a.vendor_words.begin(), a.vendor_words.end(), t) != a.vendor_words.end() ||
         std::find(b.vendor_words.begin(), b.vendor_words.end(), t) != b.vendor_words.end();
}

double unmatched_share(const TitleProfile& a, const TitleProfile& b) {
  double um = 0, total = 0;
  for (const auto& t : a.tokens) {
    if (vendor_word(t.text, a, b)) continue;
    const double w2 = t.weight * t.weight;
    total += w2;
    if (!matches(t, b)) um += w2;
  }
  return total > 0 ? um / total : 0;
}

// Byte trigrams of "_word_word_", each packed into 24 bits.
std::vector<std::uint32_t> trigrams(const std::vector<std::string>& words) {
  std::string joined = "_";
  for (const auto& w : words) {
    joined += w;
    joined.push_back('_');
  }
  std::vector<std::uint32_t> grams;
  grams.reserve(joined.size());
  for (std::size_t k = 0; k + 3 <= joined.size(); ++k)
    grams.push_back((std::uint32_t{std::uint8_t(joined[k])} << 16) |
                    (std::uint32_t{std::uint8_t(joined[k + 1])} << 8) | std::uint8_t(joined[k + 2]));
  return grams;
}

double parse_price(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '$')) s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return 0;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !(v > 0)) return 0;
  return v;
}

}  // namespace

std::vector<std::string> title_words(std::string_view title) {
  // Lower-case; "2 .0" (a tokeniser's leftover) is joined back to "2.0".
  std::string s;
  s.reserve(title.size());
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (title[i] == ' ' && !s.empty() && is_digit(s.back())) {
      std::size_t j = i;
      while (j < title.size() && title[j] == ' ') ++j;
      if (j + 1 < title.size() && title[j] == '.' && is_digit(title[j + 1])) {
        i = j - 1;
        continue;
      }
    }
    s.push_back(lower(title[i]));
  }
  std::vector<std::string> raw;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_word_byte(s[i])) {
      ++i;
      continue;
    }
    std::string t;
    while (i < s.size()) {
      if (is_word_byte(s[i])) t.push_back(s[i++]);
      else if (s[i] == '.' && !t.empty() && is_digit(t.back()) && i + 1 < s.size() && is_digit(s[i + 1]))
        t.push_back(s[i++]);
      else break;
    }
    raw.push_back(std::move(t));
  }
  std::vector<std::string> out;
  out.reserve(raw.size());
  for (std::size_t k = 0; k < raw.size(); ++k) {
    std::string t;
    t.swap(raw[k]);
    if (t == "v" && k + 1 < raw.size() && !raw[k + 1].empty() && is_digit(raw[k + 1].front())) continue;  // "v 2.0"
    if (t.size() > 1 && t[0] == 'v' && is_digit(t[1])) t.erase(0, 1);              // "v22"
    if (const char* digits = roman(t)) t.assign(digits);
    if (is_number(t))
      while (t.size() > 2 && t.compare(t.size() - 2, 2, ".0") == 0) t.resize(t.size() - 2);
    out.push_back(std::move(t));
  }
  return out;
}

void TokenStats::add(std::string_view title) {
  std::vector<std::string> words = title_words(title);
  std::vector<std::uint32_t> grams = trigrams(words);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  for (const auto& w : words) ++tokens_[fnv1a(w)];
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  for (auto g : grams) ++grams_[g];
  ++records_;
}

std::uint32_t TokenStats::token_df(std::string_view token) const {
  auto it = tokens_.find(fnv1a(token));
  return it == tokens_.end() ? 0 : it->second;
}

double TokenStats::gram_weight(std::uint32_t gram) const {
  auto it = grams_.find(gram);
  return idf(it == grams_.end() ? 0 : it->second, records_);
}

TitleProfile profile_title(std::string_view title, std::string_view price, const TokenStats* stats,
                           std::size_t min_tokens, std::string_view vendor) {
  TitleProfile p;
  if (!vendor.empty()) p.vendor_words = title_words(vendor);
  const std::vector<std::string> words = title_words(title);
  for (const auto& w : words) {
    if (in(kUpgrade, w)) p.upgrade = true;
    if (in(kMac, w)) p.mac = true;
    if (in(kWin, w)) p.win = true;
    for (const auto& e : kEditions)
      if (e.word == w) p.editions |= 1u << e.bit;
    for (std::size_t l = 0; l < kLanguages.size(); ++l)
      if (kLanguages[l] == w) p.languages |= 1u << l;
    if (is_code(w)) continue;
    if (std::any_of(p.tokens.begin(), p.tokens.end(), [&](const TitleToken& t) { return t.text == w; }))
      continue;
    if (const auto o = ordinal(w); !o.empty()) {
      p.numbers.emplace_back(1, 'o');  // "4th" -> "o4": never equal to a plain "4"
      p.numbers.back().append(o);
    }
    else if (is_number(w) && w.size() <= 4 && !is_platform_number(w)) p.numbers.push_back(w);
    TitleToken t;
    t.text = w;
    if (stats) {
      t.df = stats->token_df(w);
      t.weight = idf(t.df, stats->records());
    }
    p.tokens.push_back(std::move(t));
  }

  if (p.tokens.size() < min_tokens) return p;
  std::vector<std::uint32_t> grams = trigrams(words);
  std::sort(grams.begin(), grams.end());
  double gnorm2 = 0;
  for (std::size_t k = 0; k < grams.size();) {
    std::size_t e = k;
    while (e < grams.size() && grams[e] == grams[k]) ++e;
    const double w = static_cast<double>(e - k) * (stats ? stats->gram_weight(grams[k]) : 1.0);
    p.grams.emplace_back(grams[k], w);
    gnorm2 += w * w;
    k = e;
  }
  if (gnorm2 > 0)
    for (auto& g : p.grams) g.second /= std::sqrt(gnorm2);
  p.price = parse_price(price);
  return p;
}

TitleFeatures title_features(const TitleProfile& a, const TitleProfile& b) {
  TitleFeatures f;
  if (!a.tokens.empty() && !b.tokens.empty()) {
    const double uab = unmatched_share(a, b), uba = unmatched_share(b, a);
    f.substitution = std::min(uab, uba);
    if (a.tokens.size() != b.tokens.size()) f.unmatched = a.tokens.size() < b.tokens.size() ? uab : uba;
    else f.unmatched = std::max(uab, uba);
  }
  for (std::size_t i = 0, j = 0; i < a.grams.size() && j < b.grams.size();) {
    if (a.grams[i].first < b.grams[j].first) ++i;
    else if (a.grams[i].first > b.grams[j].first) ++j;
    else f.grams += a.grams[i++].second * b.grams[j++].second;
  }
  if (a.price > 0 && b.price > 0) f.price_gap = std::min(3.0, std::fabs(std::log(a.price / b.price)));
  else f.price_missing = 1;
  f.upgrade = a.upgrade != b.upgrade ? 1 : 0;
  f.platform = ((a.mac && !a.win && b.win && !b.mac) || (b.mac && !b.win && a.win && !a.mac)) ? 1 : 0;
  f.editions = std::popcount(a.editions ^ b.editions);
  f.languages = (a.languages && b.languages && !(a.languages & b.languages)) ? 1 : 0;
  if (!a.numbers.empty() && !b.numbers.empty()) {
    auto extra = [](const TitleProfile& x, const TitleProfile& y) {
      return std::any_of(x.numbers.begin(), x.numbers.end(), [&](const std::string& n) {
        return std::find(y.numbers.begin(), y.numbers.end(), n) == y.numbers.end();
      });
    };
    bool agree = false;
    for (const auto& x : a.numbers)
      for (const auto& y : b.numbers) agree = agree || x == y;
    f.numbers_conflict = !agree;
    f.numbers_differ = agree && extra(a, b) && extra(b, a) ? 1 : 0;
  }
  return f;
}

double title_score(const TitleFeatures& f) {
  // Logistic regression fitted on the Amazon-Google *train* split only, over the pairs that
  // reach this rule; the threshold that maximised train F1 is folded into the intercept
  // (docs/catalogue.md). Positive weights read "same", negative "different".
  return -0.36 + 3.43 * f.grams - 1.01 * f.unmatched - 2.51 * f.substitution - 1.94 * f.price_gap -
         0.73 * f.price_missing - 2.18 * f.upgrade - 3.15 * f.platform - 0.88 * f.editions -
         2.46 * f.languages - 2.10 * f.numbers_differ;
}

}  // namespace tv::dedupe
