// Parameter sizes. A hand-written scanner finds size mentions ("2.25B", "8x22B",
// "12 billion", "30B-A3B", "1.6T total"); three front ends decide which mentions count:
// parse_sizes (a text about sizes: all of them), split_name_sizes (a tool name: delimited
// tokens only, no K, no spaces) and sizes_in_prose (running text: only sizes stated as the
// model's own). Every loop is linear in the input; no regex.
#include "stages/normalise/fields/size.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "stages/normalise/fields/text.hpp"

namespace tv::fields {
namespace {

constexpr double kMinParams = 1e3;   // below this a "size" is noise
constexpr double kMaxParams = 1e15;  // 1000T: nothing real is near
// No real text states more sizes than this; the caps keep hostile input linear.
constexpr std::size_t kMaxMentions = 256;
constexpr std::size_t kMaxSizes = 32;

enum class Role { plain, total, active };

struct Mention {
  std::size_t begin = 0;  // first byte of the mention (the number, or the expert count)
  std::size_t end = 0;    // one past the unit (and past an "-A3B" active token in names)
  double total = 0;
  int experts = 0;
  double per_expert = 0;
  std::optional<double> active;  // from an "A3B" token
  Role role = Role::plain;
};

struct Mode {
  bool allow_space = true;       // "1.5 B"
  bool allow_k = true;           // "400K"
  bool allow_words = true;       // "12 billion", "2-billion"
  bool underscore_decimal = false;  // "TinyThing-1_5B"
  bool name_boundaries = false;  // tokens of a name: delimited by - _ space ( ) ...
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_name_separator(char c) {
  switch (c) {
    case '-': case '_': case ' ': case '(': case ')': case '[': case ']': case '/':
    case ',': case '&': case ':': case '.': case '+':
      return true;
    default:
      return false;
  }
}

// Exact powers of ten as doubles (exact up to 1e22).
double pow10(int e) {
  static constexpr std::array<double, 23> k = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (e >= 0 && e <= 22) return k[static_cast<std::size_t>(e)];
  return std::pow(10.0, e);
}

struct Number {
  std::uint64_t mantissa = 0;  // digits without the decimal point
  int decimals = 0;            // digits after the point
  std::size_t end = 0;
  bool integer() const { return decimals == 0; }
  double value(int exp10 = 0) const {
    const int e = exp10 - decimals;
    const double m = static_cast<double>(mantissa);
    return e >= 0 ? m * pow10(e) : m / pow10(-e);
  }
};

// digits [ ('.' | '_' | ',') digits ]; at most 15 integer and 6 fractional digits, 18 in all.
std::optional<Number> scan_number(std::string_view s, std::size_t i, bool underscore_decimal) {
  Number n;
  std::size_t j = i;
  int int_digits = 0;
  while (j < s.size() && is_digit(s[j])) {
    if (++int_digits > 15) return std::nullopt;
    n.mantissa = n.mantissa * 10 + static_cast<std::uint64_t>(s[j] - '0');
    ++j;
  }
  if (int_digits == 0) return std::nullopt;
  // A decimal comma as German, French and Spanish write it ("7,3 milliards"): one or two digits
  // after it, then no digit (three would be a thousands group, "1,299").
  auto decimal_comma = [&] {
    if (s[j] != ',') return false;
    std::size_t k = j + 1;
    while (k < s.size() && is_digit(s[k])) ++k;
    return k - j - 1 >= 1 && k - j - 1 <= 2;
  };
  if (j + 1 < s.size() && (s[j] == '.' || (underscore_decimal && s[j] == '_') || decimal_comma()) &&
      is_digit(s[j + 1])) {
    std::size_t k = j + 1;
    std::uint64_t m = n.mantissa;
    int d = 0;
    while (k < s.size() && is_digit(s[k])) {
      if (++d > 6 || int_digits + d > 18) return std::nullopt;
      m = m * 10 + static_cast<std::uint64_t>(s[k] - '0');
      ++k;
    }
    n.mantissa = m;
    n.decimals = d;
    j = k;
  }
  n.end = j;
  return n;
}

bool word_at(std::string_view s, std::size_t i, std::string_view w) {
  if (i + w.size() > s.size()) return false;
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (lower(s[i + k]) != w[k]) return false;
  }
  const std::size_t e = i + w.size();
  return e == s.size() || !is_alpha(s[e]);
}

struct Unit {
  int exp10 = 0;
  std::size_t end = 0;
  bool continental = false;  // a German, French or Spanish word: "3.800 millones" is 3,800 million
};

// The unit after a number at s[j]: K/M/B/T (with "bn"/"mn"/"tn"), or a word.
std::optional<Unit> scan_unit(std::string_view s, std::size_t j, const Mode& mode) {
  std::size_t k = j;
  if (mode.allow_space && k < s.size() && s[k] == ' ') ++k;
  if (k < s.size()) {
    const char c = lower(s[k]);
    int e = -1;
    if (c == 'k' && mode.allow_k) e = 3;
    if (c == 'm') e = 6;
    if (c == 'b') e = 9;
    if (c == 't') e = 12;
    if (e >= 0) {
      std::size_t after = k + 1;
      if (after < s.size() && lower(s[after]) == 'n' && (c == 'b' || c == 'm' || c == 't') &&
          (after + 1 >= s.size() || !is_alpha(s[after + 1]))) {
        return Unit{e, after + 1};
      }
      if (after >= s.size() || !is_alpha(s[after])) return Unit{e, after};
    }
  }
  if (mode.allow_words) {
    std::size_t w = j;
    if (w < s.size() && (s[w] == ' ' || s[w] == '-')) ++w;
    // English, then German, French and Spanish (plurals before singulars).
    static constexpr std::pair<std::string_view, int> kWords[] = {
        {"thousand", 3},     {"million", 6},     {"billion", 9},    {"trillion", 12},
        {"milliarden", 9},   {"milliarde", 9},   {"millionen", 6},  {"milliards", 9},
        {"milliard", 9},     {"millions", 6},    {"mil millones", 9}, {"millones", 6}};
    for (std::size_t k = 0; k < std::size(kWords); ++k) {
      const auto& [word, e] = kWords[k];
      if (word_at(s, w, word)) return Unit{e, w + word.size(), k >= 4};
    }
  }
  return std::nullopt;
}

// The next ASCII word after i, skipping spaces, hyphens, ':' and '=' (lower-cased).
std::string next_word(std::string_view s, std::size_t i, std::size_t* word_end = nullptr) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == ':' || s[i] == '=')) ++i;
  std::string w;
  while (i < s.size() && is_alpha(s[i]) && w.size() < 24) w.push_back(lower(s[i++]));
  if (word_end) *word_end = i;
  return w;
}

// The ASCII word ending before i, skipping spaces, hyphens, ':' '=' '(' (lower-cased).
std::string prev_word(std::string_view s, std::size_t i, std::size_t* word_begin = nullptr) {
  while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '-' || s[i - 1] == ':' || s[i - 1] == '=' ||
                   s[i - 1] == '(')) {
    --i;
  }
  std::size_t b = i;
  while (b > 0 && is_alpha(s[b - 1]) && i - b < 24) --b;
  if (word_begin) *word_begin = b;
  std::string w;
  for (std::size_t k = b; k < i; ++k) w.push_back(lower(s[k]));
  return w;
}

bool is_param_word(std::string_view w) {
  return w == "parameter" || w == "parameters" || w == "params" || w == "param";
}
bool is_active_word(std::string_view w) { return w == "active" || w == "activated"; }
// Words before a size that make it the active share: "activating 23B parameters".
bool is_active_lead(std::string_view w) {
  return is_active_word(w) || w == "activating" || w == "activates";
}

// Scans one size mention at s[i] (a digit that starts a number). nullopt when none.
std::optional<Mention> scan_mention(std::string_view s, std::size_t i, const Mode& mode) {
  auto first = scan_number(s, i, mode.underscore_decimal);
  if (!first) return std::nullopt;
  Mention m;
  m.begin = i;
  // Mixture of experts: "8x22B", "8 x 22B", "8×22B".
  if (first->integer() && first->mantissa >= 2 && first->mantissa <= 1024) {
    std::size_t k = first->end;
    if (mode.allow_space && k < s.size() && s[k] == ' ') ++k;
    std::size_t after_x = std::string_view::npos;
    if (k < s.size() && (s[k] == 'x' || s[k] == 'X')) after_x = k + 1;
    if (k + 1 < s.size() && static_cast<unsigned char>(s[k]) == 0xC3 &&
        static_cast<unsigned char>(s[k + 1]) == 0x97) {
      after_x = k + 2;  // U+00D7 MULTIPLICATION SIGN
    }
    if (after_x != std::string_view::npos) {
      std::size_t d = after_x;
      if (mode.allow_space && d < s.size() && s[d] == ' ') ++d;
      if (d < s.size() && is_digit(s[d])) {
        auto per = scan_number(s, d, mode.underscore_decimal);
        if (per) {
          Mode letters_only = mode;
          letters_only.allow_words = false;
          letters_only.allow_space = false;
          if (auto unit = scan_unit(s, per->end, letters_only)) {
            m.experts = static_cast<int>(first->mantissa);
            m.per_expert = per->value(unit->exp10);
            m.total = m.per_expert * m.experts;
            m.end = unit->end;
          }
        }
      }
    }
  }
  if (m.experts == 0) {
    auto unit = scan_unit(s, first->end, mode);
    if (!unit) return std::nullopt;
    // Before a German, French or Spanish number word, a point and three digits group
    // thousands ("3.800 millones de parámetros").
    if (unit->continental && first->decimals == 3 && first->end > 4 && s[first->end - 4] == '.') first->decimals = 0;
    m.total = first->value(unit->exp10);
    m.end = unit->end;
  }
  if (!(m.total >= kMinParams && m.total <= kMaxParams)) return std::nullopt;
  if (m.experts && m.per_expert < kMinParams) return std::nullopt;

  // "30B-A3B", "30B A3B", "30b_a3b": the active share of a mixture of experts.
  if (m.end + 2 < s.size() && (s[m.end] == '-' || s[m.end] == '_' || s[m.end] == ' ') &&
      (s[m.end + 1] == 'A' || s[m.end + 1] == 'a') && is_digit(s[m.end + 2])) {
    if (auto a = scan_number(s, m.end + 2, mode.underscore_decimal)) {
      Mode letters_only = mode;
      letters_only.allow_words = false;
      letters_only.allow_space = false;
      letters_only.allow_k = false;
      if (auto unit = scan_unit(s, a->end, letters_only)) {
        const double active = a->value(unit->exp10);
        if (active >= kMinParams && active < m.total) {
          m.active = active;
          m.end = unit->end;
        }
      }
    }
  }

  // Role: "1.6T total", "49B active", "32B parameters active", "Total parameters: 100B",
  // "active parameters - 47B".
  std::size_t after_end = 0;
  std::string after = next_word(s, m.end, &after_end);
  if (is_param_word(after)) {
    const std::string then = next_word(s, after_end);
    if (then == "total" || is_active_word(then)) after = then;
  }
  if (after == "total") {
    m.role = Role::total;
  } else if (is_active_word(after)) {
    m.role = Role::active;
  } else {
    std::size_t b = 0;
    std::string before = prev_word(s, m.begin, &b);
    if (is_param_word(before)) before = prev_word(s, b);
    if (before == "total") m.role = Role::total;
    if (is_active_lead(before)) m.role = Role::active;
  }
  return m;
}

bool is_counted_noun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "tokens", "token", "context", "ctx", "words", "images", "image", "samples", "examples",
      "pairs", "steps", "hours", "downloads", "users", "frames", "pixels", "characters",
      "chars", "documents", "docs", "rows", "videos", "clips", "queries", "sentences",
      "books", "pages", "dollars", "usd", "flops", "flop", "gpus", "records", "files"};
  for (auto n : kNouns) {
    if (w == n) return true;
  }
  return false;
}

// All mentions in s, left to right, non-overlapping.
std::vector<Mention> scan_mentions(std::string_view s, const Mode& mode) {
  std::vector<Mention> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    const bool boundary_ok =
        i == 0 ? !mode.name_boundaries
               : (mode.name_boundaries ? is_name_separator(s[i - 1]) && s[i - 1] != '.'
                                       : !is_alnum(s[i - 1]) && s[i - 1] != '.' &&
                                             s[i - 1] != '_');
    if (boundary_ok) {
      if (auto m = scan_mention(s, i, mode)) {
        bool ok = true;
        // The token must end at a separator in a name: "7Bit" is not a size.
        if (mode.name_boundaries) ok = m->end == s.size() || is_name_separator(s[m->end]);
        // Counts of other things: "2T tokens", "256K context", "100B-tokens", "5M images".
        if (is_counted_noun(next_word(s, m->end))) ok = false;
        if (ok) {
          if (out.size() >= kMaxMentions) return out;
          out.push_back(*m);
          i = m->end;
          continue;
        }
      }
    }
    // Skip the rest of this digit run so "100_350M" is not rescanned mid-number.
    while (i < s.size() && is_digit(s[i])) ++i;
  }
  return out;
}

ParamSize to_size(const Mention& m) {
  ParamSize p;
  p.total = m.total;
  p.active = m.active;
  p.experts = m.experts;
  p.label = m.experts ? std::to_string(m.experts) + "x" + size_label(m.per_expert)
                      : size_label(m.total);
  return p;
}

// Pairs "active" mentions with their total ("1.6T total, 49B active"; "17B active ... 400B
// total") and drops duplicates.
std::vector<ParamSize> combine(const std::vector<Mention>& mentions) {
  std::vector<ParamSize> out;
  std::optional<double> pending_active;
  for (const Mention& m : mentions) {
    if (m.role == Role::active) {
      if (!out.empty() && !out.back().active && out.back().total > m.total) {
        out.back().active = m.total;
      } else if (!pending_active) {
        pending_active = m.total;
      }
      continue;
    }
    ParamSize p = to_size(m);
    if (pending_active && !p.active && *pending_active < p.total) {
      p.active = pending_active;
      pending_active.reset();
    }
    // The same size named again ("355B total ... GLM-4.5 (355B parameters)") is one size.
    auto same = std::find_if(out.begin(), out.end(), [&](const ParamSize& q) {
      return q.total == p.total && q.experts == p.experts;
    });
    if (same != out.end()) {
      if (!same->active) same->active = p.active;
      continue;
    }
    if (out.size() >= kMaxSizes) break;
    out.push_back(std::move(p));
  }
  std::vector<ParamSize> unique;
  for (auto& p : out) {
    if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(std::move(p));
  }
  return unique;
}

// --- prose ------------------------------------------------------------------------------------

// Words that, shortly before a size, make it someone else's ("outperforms 7B models").
bool is_comparison_cue(std::string_view w) {
  static constexpr std::string_view kCues[] = {
      "than",      "outperform", "outperforms", "outperforming", "outperformed", "rival",
      "rivals",    "rivaling",   "rivalling",   "beat",          "beats",        "beating",
      "vs",        "versus",     "compared",    "compare",       "comparison",   "comparable",
      "unlike",    "like",       "similar",     "match",         "matches",      "matching",
      "surpass",   "surpasses",  "surpassing",  "exceed",        "exceeds",      "exceeding",
      "larger",    "smaller",    "bigger",      "competitive",   "against",      "over",
      "other",     "up",         "times",       "previous",      "predecessor",  "teacher",
      "distilled", "from",       "based",       "upon",          "top",          "leading"};
  for (auto c : kCues) {
    if (w == c) return true;
  }
  return false;
}

// True when a comparison cue appears within the 4 words before `pos` in the same clause.
bool comparison_before(std::string_view s, std::size_t pos) {
  std::size_t i = pos;
  for (int words = 0; words < 4 && i > 0; ++words) {
    // Stop at a clause boundary.
    std::size_t k = i;
    while (k > 0 && !is_alpha(s[k - 1])) {
      const char c = s[k - 1];
      if (c == ';' || c == '!' || c == '?' || c == '\n' ||
          (c == '.' && (k >= s.size() || s[k] == ' '))) {
        return false;
      }
      --k;
    }
    if (k == 0) return false;
    std::size_t b = k;
    while (b > 0 && is_alpha(s[b - 1])) --b;
    std::string w;
    for (std::size_t t = b; t < k; ++t) w.push_back(lower(s[t]));
    if (is_comparison_cue(w)) return true;
    i = b;
  }
  return false;
}

bool is_list_connector(std::string_view gap) {
  // ", " "," " & " " and " ", and " " or " ", or " "/" " / "
  std::string g;
  for (char c : gap) {
    if (c != ' ') g.push_back(lower(c));
  }
  return g == "," || g == "&" || g == "and" || g == ",and" || g == "or" || g == ",or" ||
         g == "/" || g == "+";
}

bool is_variant_word(std::string_view w) {
  return w == "variants" || w == "variant" || w == "sizes" || w == "versions" ||
         w == "flavors" || w == "flavours" || w == "checkpoints";
}

bool is_model_noun(std::string_view w) {
  return w == "model" || w == "llm" || w == "vlm" || w == "slm" || w == "transformer" ||
         w == "moe" || w == "checkpoint" || w == "network";
}

bool is_subject_determiner(std::string_view w) {
  return w == "a" || w == "an" || w == "this" || w == "our";
}

// The mention's own evidence: parameter word after ("2B parameters", "3-billion-parameter")
// or before ("Total parameters: 100B"), a variants word after, or "a 2B model".
enum class Evidence { none, param, variants, subject };

Evidence evidence_for(std::string_view s, const Mention& m) {
  std::size_t e = 0;
  std::string w = next_word(s, m.end, &e);
  if (w == "total" || is_active_word(w)) w = next_word(s, e, &e);
  if (is_param_word(w)) return Evidence::param;
  if (is_variant_word(w)) return Evidence::variants;
  // "Total parameters: 100B", "parameters: 7B"
  {
    std::size_t i = m.begin;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == ':' || s[i - 1] == '=')) --i;
    if (i < m.begin && i > 0 && s[i - 1] != '-') {
      const std::string before = prev_word(s, m.begin);
      bool has_colon = false;
      for (std::size_t k = i; k < m.begin; ++k) has_colon |= (s[k] == ':' || s[k] == '=');
      if (is_param_word(before) && has_colon) return Evidence::param;
    }
  }
  // "a 2B model", "an 8x22B mixture-of-experts model", "this 7B instruction-tuned model",
  // "Meta's 12B edge-optimized open model"
  std::size_t pb = 0;
  const std::string pw = prev_word(s, m.begin, &pb);
  const bool possessive = pw == "s" && pb > 0 &&
                          (s[pb - 1] == '\'' || static_cast<unsigned char>(s[pb - 1]) == 0x99);
  if (is_subject_determiner(pw) || possessive) {
    std::size_t at = m.end;
    for (int k = 0; k < 4; ++k) {
      std::size_t end = 0;
      const std::string nw = next_word(s, at, &end);
      if (nw.empty()) break;
      if (is_model_noun(nw)) return Evidence::subject;
      at = end;
    }
  }
  return Evidence::none;
}

}  // namespace

std::string size_label(double params) {
  if (!(params > 0) || !std::isfinite(params)) return "0";
  static constexpr std::pair<double, char> kUnits[] = {
      {1e12, 'T'}, {1e9, 'B'}, {1e6, 'M'}, {1e3, 'K'}};
  std::size_t u = 0;
  while (u < std::size(kUnits) && params < kUnits[u].first) ++u;
  if (u == std::size(kUnits)) {
    return std::to_string(static_cast<long long>(std::llround(params)));
  }
  for (;;) {
    const double scaled = params / kUnits[u].first;
    const int int_digits = scaled >= 100 ? 3 : scaled >= 10 ? 2 : 1;
    const int decimals = std::max(0, 3 - int_digits);
    const double f = pow10(decimals);
    const double rounded = std::round(scaled * f) / f;
    if (rounded >= 1000 && u > 0) {
      --u;  // 999.6M -> 1B
      continue;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded);
    std::string out(buf);
    if (out.find('.') != std::string::npos) {
      while (!out.empty() && out.back() == '0') out.pop_back();
      if (!out.empty() && out.back() == '.') out.pop_back();
    }
    out.push_back(kUnits[u].second);
    return out;
  }
}

std::vector<ParamSize> parse_sizes(std::string_view text) {
  const std::string s = clean_text(text);
  Mode mode;
  auto mentions = scan_mentions(s, mode);
  if (mentions.empty()) {
    // A raw count such as "7241732096" or "7.24e9" (a parameters column): the whole text must
    // be the number, and it must be large enough not to be a version or a price.
    std::size_t i = 0;
    if (auto n = scan_number(s, 0, false)) {
      i = n->end;
      int exp10 = 0;
      if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t k = i + 1;
        if (k < s.size() && s[k] == '+') ++k;
        int e = 0, digits = 0;
        while (k < s.size() && is_digit(s[k]) && digits < 3) e = e * 10 + (s[k++] - '0'), ++digits;
        if (digits > 0) {
          exp10 = e;
          i = k;
        }
      }
      if (i == s.size()) {
        const double v = n->value(exp10);
        if (v >= 1e5 && v <= kMaxParams) {
          Mention m;
          m.total = std::round(v);
          return {to_size(m)};
        }
      }
    }
    return {};
  }
  return combine(mentions);
}

std::vector<ParamSize> sizes_in_prose(std::string_view text) {
  // Every mention starts at an ASCII digit; only an entity could spell one ("&#55;B").
  if (text.find_first_of("0123456789&") == std::string_view::npos) return {};
  const std::string s = clean_text(text);
  Mode mode;
  const auto mentions = scan_mentions(s, mode);
  if (mentions.empty()) return {};

  std::vector<bool> accepted(mentions.size(), false);
  std::vector<Evidence> ev(mentions.size());
  for (std::size_t k = 0; k < mentions.size(); ++k) ev[k] = evidence_for(s, mentions[k]);

  // Lists: "7B, 34B, and 200B parameter variants" share the evidence of their last member.
  std::size_t k = 0;
  while (k < mentions.size()) {
    std::size_t last = k;
    while (last + 1 < mentions.size() &&
           is_list_connector(std::string_view(s).substr(
               mentions[last].end, mentions[last + 1].begin - mentions[last].end))) {
      ++last;
    }
    const bool chain_ok = (ev[last] == Evidence::param || ev[last] == Evidence::variants ||
                           (last == k && ev[last] == Evidence::subject)) &&
                          !comparison_before(s, mentions[k].begin);
    for (std::size_t t = k; t <= last; ++t) {
      if (chain_ok) accepted[t] = true;
    }
    k = last + 1;
  }
  // "1.6T total, 49B active": a total and an active size in the same sentence vouch for each
  // other even without the word "parameters".
  for (std::size_t a = 0; a < mentions.size(); ++a) {
    if (accepted[a] || mentions[a].role == Role::plain) continue;
    // Partners sit within a few mentions of each other; a bounded window keeps this linear.
    const std::size_t lo_b = a > 3 ? a - 3 : 0;
    const std::size_t hi_b = std::min(mentions.size(), a + 4);
    for (std::size_t b = lo_b; b < hi_b; ++b) {
      if (b == a || mentions[b].role == mentions[a].role || mentions[b].role == Role::plain) {
        continue;
      }
      const std::size_t lo = std::min(mentions[a].end, mentions[b].end);
      const std::size_t hi = std::max(mentions[a].begin, mentions[b].begin);
      bool same_sentence = true;
      for (std::size_t t = lo; t < hi && t < s.size(); ++t) {
        if (s[t] == ';' || s[t] == '\n' || (s[t] == '.' && (t + 1 >= s.size() || s[t + 1] == ' '))) {
          same_sentence = false;
          break;
        }
      }
      if (same_sentence && hi - lo < 80 && !comparison_before(s, mentions[a].begin)) {
        accepted[a] = true;
        break;
      }
    }
  }
  std::vector<Mention> kept;
  for (std::size_t t = 0; t < mentions.size(); ++t) {
    if (accepted[t]) kept.push_back(mentions[t]);
  }
  return combine(kept);
}

NameSizes split_name_sizes(std::string_view name) {
  const std::string s = clean_text(name);
  Mode mode;
  mode.allow_space = false;
  mode.allow_k = false;
  mode.allow_words = false;
  mode.underscore_decimal = true;
  mode.name_boundaries = true;
  auto mentions = scan_mentions(s, mode);
  NameSizes out;
  if (mentions.empty()) {
    out.base = s;
    return out;
  }
  // Remove each mention (and its role word, and one separator before it) from the base.
  std::string base;
  std::size_t pos = 0;
  for (const Mention& m : mentions) {
    std::size_t b = m.begin;
    std::size_t e = m.end;
    if (m.role != Role::plain) next_word(s, m.end, &e);  // "671B total" / "37B active"
    if (b > pos && (s[b - 1] == '-' || s[b - 1] == '_' || s[b - 1] == ' ')) --b;
    base.append(s, pos, b - pos);
    pos = e;
  }
  base.append(s, pos);

  // Drop brackets left holding only connectors: "( &)", "(, )", "()".
  std::string cleaned;
  for (std::size_t i = 0; i < base.size(); ++i) {
    if (base[i] == '(' || base[i] == '[') {
      const char close = base[i] == '(' ? ')' : ']';
      const std::size_t j = base.find(close, i + 1);
      if (j != std::string::npos) {
        bool only_connectors = true;
        std::string inner;
        for (std::size_t t = i + 1; t < j; ++t) inner.push_back(lower(base[t]));
        std::size_t t = 0;
        while (t < inner.size()) {
          if (inner[t] == ' ' || inner[t] == ',' || inner[t] == '&' || inner[t] == '/' ||
              inner[t] == '+' || inner[t] == '-') {
            ++t;
            continue;
          }
          std::size_t we = t;
          while (we < inner.size() && is_alpha(inner[we])) ++we;
          const std::string_view w = std::string_view(inner).substr(t, we - t);
          if (w == "and" || w == "or" || is_param_word(w)) {
            t = we;
            continue;
          }
          only_connectors = false;
          break;
        }
        if (only_connectors) {
          while (!cleaned.empty() && cleaned.back() == ' ') cleaned.pop_back();
          i = j;
          continue;
        }
      }
    }
    cleaned.push_back(base[i]);
  }
  // Collapse doubled separators and trim.
  std::string collapsed;
  for (char c : cleaned) {
    if (!collapsed.empty() && (c == '-' || c == '_' || c == ' ') && collapsed.back() == c) continue;
    collapsed.push_back(c);
  }
  std::size_t b = 0, e = collapsed.size();
  auto trimmable = [](char c) { return c == ' ' || c == '-' || c == '_' || c == ',' || c == '/'; };
  while (b < e && trimmable(collapsed[b])) ++b;
  while (e > b && trimmable(collapsed[e - 1])) --e;
  out.base = collapsed.substr(b, e - b);
  if (out.base.empty()) {  // never return an empty name
    out.base = s;
    return out;
  }
  out.sizes = combine(mentions);
  return out;
}

}  // namespace tv::fields

namespace tv::fields {
namespace {

// Significant digits a label states: "3B" 1, "3.08B" 3, "500M" 1, "135M" 3, "8x7B" 1 (of 7).
int label_digits(std::string_view label) {
  if (auto x = label.find('x'); x != std::string_view::npos) label = label.substr(x + 1);
  std::string digits;
  for (char c : label)
    if (c >= '0' && c <= '9') digits += c;
    else if (c != '.') break;
  while (digits.size() > 1 && digits.front() == '0') digits.erase(digits.begin());
  bool has_point = label.find('.') != std::string_view::npos;
  if (!has_point)
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  return std::max<int>(1, int(digits.size()));
}

double round_to(double v, int digits) {
  if (v <= 0) return v;
  double scale = std::pow(10.0, digits - 1 - int(std::floor(std::log10(v))));
  return std::round(v * scale) / scale;
}

bool same_count(double a, int da, double b, int db) {
  int d = std::min(da, db);
  double ra = round_to(a, d), rb = round_to(b, d);
  return std::abs(ra - rb) <= 1e-9 * std::max(ra, rb);
}

}  // namespace

bool same_size(const ParamSize& a, const ParamSize& b) {
  if (a.experts != b.experts) return false;
  int da = label_digits(a.label), db = label_digits(b.label);
  if (!same_count(a.total, da, b.total, db)) return false;
  if (a.active.has_value() != b.active.has_value()) return false;
  if (!a.active) return true;
  std::string la = size_label(*a.active), lb = size_label(*b.active);
  return same_count(*a.active, label_digits(la), *b.active, label_digits(lb));
}

int size_digits(const ParamSize& s) { return label_digits(s.label); }

}  // namespace tv::fields
