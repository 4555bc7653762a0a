// Name analysis for dedupe (see names.hpp for the rules). One pass to tokenise, one backwards
// pass to pop trailing qualifiers; each token is looked at a bounded number of times.
#include "stages/dedupe/names.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "stages/normalise/fields/text.hpp"

namespace tv::dedupe {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool all_digits(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (!is_digit(c)) return false;
  return true;
}
bool has_digit(std::string_view t) {
  return std::any_of(t.begin(), t.end(), [](char c) { return is_digit(c); });
}
int to_int(std::string_view t) {  // t is all digits, at most 8 of them
  int v = 0;
  for (char c : t) v = v * 10 + (c - '0');
  return v;
}

// ---------------------------------------------------------------- tokens

struct Token {
  std::string text;   // as written
  std::string low;    // ASCII lower-case
  std::string sep;    // the separator characters written before it
};

bool is_separator(std::string_view s, std::size_t i) {
  switch (s[i]) {
    case '-': case '_': case ' ': case ':': case '/': case ',': case '&':
    case '(': case ')': case '[': case ']':
      return true;
    case '.':  // "Z.ai", "v0.2.Q4_K_M" split; "3.5", "FLUX.1" stay one token
      return i + 1 < s.size() && is_alpha(s[i + 1]);
    default:
      return false;
  }
}

// Splits into tokens; `tail` receives the separators after the last token.
std::vector<Token> tokenise(std::string_view s, std::string* tail) {
  std::vector<Token> out;
  std::string sep;
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_separator(s, i)) {
      sep.push_back(s[i]);
      ++i;
      continue;
    }
    Token t;
    t.sep = std::move(sep);
    sep.clear();
    while (i < s.size() && !is_separator(s, i)) t.text.push_back(s[i++]);
    t.low = fields::ascii_lower(t.text);
    out.push_back(std::move(t));
  }
  if (tail) *tail = std::move(sep);
  return out;
}

// ---------------------------------------------------------------- token classes

int month_number(std::string_view t) {
  static constexpr std::array<std::string_view, 12> kShort = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::array<std::string_view, 12> kLong = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (std::size_t m = 0; m < 12; ++m)
    if (t == kShort[m] || t == kLong[m]) return static_cast<int>(m) + 1;
  if (t == "sept") return 9;
  return 0;
}

bool is_year(std::string_view t) {
  if (t.size() != 4 || !all_digits(t)) return false;
  const int y = to_int(t);
  return y >= 1990 && y <= 2099;
}
bool is_month_digits(std::string_view t) {
  if (t.empty() || t.size() > 2 || !all_digits(t)) return false;
  const int m = to_int(t);
  return m >= 1 && m <= 12;
}
bool is_day_digits(std::string_view t) {
  if (t.empty() || t.size() > 2 || !all_digits(t)) return false;
  const int d = to_int(t);
  return d >= 1 && d <= 31;
}
// A 4-digit release code: MMDD ("0613") or YYMM ("2411", "2507").
bool is_date_code(std::string_view t) {
  if (t.size() != 4 || !all_digits(t)) return false;
  const int a = to_int(t.substr(0, 2));
  const int b = to_int(t.substr(2, 2));
  const bool mmdd = a >= 1 && a <= 12 && b >= 1 && b <= 31;
  const bool yymm = a >= 20 && a <= 39 && b >= 1 && b <= 12;
  return mmdd || yymm;
}
bool is_date8(std::string_view t) {
  return t.size() == 8 && all_digits(t) && is_year(t.substr(0, 4)) &&
         is_month_digits(t.substr(4, 2)) && is_day_digits(t.substr(6, 2));
}
bool is_single_date(std::string_view t) {
  if (is_date8(t) || is_year(t) || is_date_code(t)) return true;
  return t.size() == 5 && t[0] == 'v' && is_date_code(t.substr(1));  // "v0613"
}

// "16k", "128k": a context-length variant.
bool is_context(std::string_view t) {
  return t.size() >= 2 && t.back() == 'k' && all_digits(t.substr(0, t.size() - 1));
}

// "v0", "v0.2", "v0.2.1": a pre-1.0 checkpoint revision.
bool is_revision(std::string_view t) {
  if (t.size() < 2 || t[0] != 'v' || t[1] != '0') return false;
  if (t.size() == 2) return true;
  if (t[2] != '.') return false;
  bool digit_after_dot = false;
  for (std::size_t i = 3; i < t.size(); ++i) {
    if (t[i] == '.') {
      if (!digit_after_dot) return false;
      digit_after_dot = false;
    } else if (is_digit(t[i])) {
      digit_after_dot = true;
    } else {
      return false;
    }
  }
  return digit_after_dot;
}

// prefix followed by 1-2 digits and nothing else: "int4", "fp8", "bf16".
bool prefix_digits(std::string_view t, std::string_view prefix) {
  if (t.size() <= prefix.size() || t.size() > prefix.size() + 2) return false;
  return t.substr(0, prefix.size()) == prefix && all_digits(t.substr(prefix.size()));
}

bool is_quant_word(std::string_view t) {
  static constexpr std::array<std::string_view, 17> kWords = {
      "gguf", "ggml", "awq",     "gptq", "exl2",  "exl3",      "mlx",       "bnb",    "hqq",
      "onnx", "ct2",  "imatrix", "i1",   "quant", "quantized", "quantised", "unsloth"};
  if (std::find(kWords.begin(), kWords.end(), t) != kWords.end()) return true;
  if (prefix_digits(t, "int") || prefix_digits(t, "fp") || prefix_digits(t, "bf") ||
      prefix_digits(t, "nf"))
    return true;
  // "4bit", "8bits"
  std::size_t d = 0;
  while (d < t.size() && is_digit(t[d])) ++d;
  if (d > 0 && d <= 2 && (t.substr(d) == "bit" || t.substr(d) == "bits")) return true;
  // "w4a16", "w8a8"
  if (t.size() >= 4 && t[0] == 'w') {
    std::size_t i = 1;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i > 1 && i < t.size() && t[i] == 'a') {
      const std::size_t j = i + 1;
      return j < t.size() && all_digits(t.substr(j));
    }
  }
  return false;
}

// llama.cpp quant type head: "q4", "q8", "iq3", "q4km" (glued form).
bool is_qhead(std::string_view t) {
  std::size_t i = 0;
  if (i < t.size() && t[i] == 'i') ++i;
  if (i >= t.size() || t[i] != 'q') return false;
  ++i;
  if (i >= t.size() || !is_digit(t[i])) return false;
  ++i;
  if (t.size() - i > 3) return false;
  for (; i < t.size(); ++i)
    if (!is_alpha(t[i]) && !is_digit(t[i])) return false;
  return true;
}
// What follows a head in "Q4_K_M", "IQ3_XXS", "Q8_0", "IQ4_NL".
bool is_qtail(std::string_view t) {
  return t == "k" || t == "m" || t == "s" || t == "l" || t == "xs" || t == "xxs" || t == "xl" ||
         t == "nl" || t == "0" || t == "1";
}

bool is_variant_word(std::string_view t) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "instruct", "inst", "chat", "hf", "preview", "beta", "alpha", "latest", "exp",
      "experimental", "free", "older"};
  return std::find(kWords.begin(), kWords.end(), t) != kWords.end();
}

// Words of a mode or edition that names the same tool, read only inside a trailing bracket group
// or after a final ':' (names.hpp rule 9; docs/catalogue.md#dedupe). Operating systems are left
// out on purpose: in shop catalogues "( mac )" and "( pc )" are different products.
constexpr std::array<std::string_view, 23> kModeWords = {
    "thinking", "reasoning", "extended", "exacto",  "nitro",     "online", "floor",  "moderated",
    "high",     "medium",    "low",      "minimal", "web",       "desktop", "mobile", "app",
    "api",      "ios",       "android",  "browser", "extension", "plugin", "cloud"};
// Words that may join mode words but are no mode alone: "(self-moderated)", "(non-thinking)".
constexpr std::array<std::string_view, 5> kModeJoiners = {"self", "non", "no", "mode", "version"};

// Domain-style suffixes set aside for the stem when written with their dot ("Rasa.io"); "ai"
// is set aside however it is written (names.hpp rule 7).
constexpr std::array<std::string_view, 20> kDomainSuffixes = {
    "io", "app", "co", "so",  "dev", "com", "net", "org", "xyz", "me",
    "tech", "cc", "gg", "sh", "tv",  "fm",  "to",  "run", "chat", "ai"};

template <std::size_t N>
bool in_table(const std::array<std::string_view, N>& table, std::string_view t) {
  return std::find(table.begin(), table.end(), t) != table.end();
}

// Every token a mode word or joiner, at least one a mode word.
bool is_mode(const std::vector<Token>& toks) {
  bool word = false;
  for (const auto& t : toks) {
    if (in_table(kModeWords, t.low)) word = true;
    else if (!in_table(kModeJoiners, t.low)) return false;
  }
  return word;
}

// ---------------------------------------------------------------- popping

struct Popped {
  std::vector<std::string> qualifiers;  // in pop order (last written first)
  bool quantised = false;
};

std::string join_low(const std::vector<Token>& toks, std::size_t from, std::size_t to, char sep) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out.push_back(sep);
    out += toks[i].low;
  }
  return out;
}

// How many tokens at the end of toks[0, n) form one qualifier (0: none); fills *q / *quant.
std::size_t trailing_qualifier(const std::vector<Token>& toks, std::size_t n, bool had_size,
                               std::string* q, bool* quant) {
  if (n == 0) return 0;
  const std::string& a = toks[n - 1].low;
  const std::string* b = n >= 2 ? &toks[n - 2].low : nullptr;
  const std::string* c = n >= 3 ? &toks[n - 3].low : nullptr;
  *quant = false;
  // dates over several tokens
  if (c && is_year(*c) && is_month_digits(*b) && is_day_digits(a)) {
    *q = join_low(toks, n - 3, n, '-');
    return 3;
  }
  if (c && month_number(*c) && is_day_digits(*b) && is_year(a)) {
    *q = join_low(toks, n - 3, n, ' ');
    return 3;
  }
  if (b && month_number(*b) && is_year(a)) {
    *q = join_low(toks, n - 2, n, ' ');
    return 2;
  }
  if (b && b->size() == 2 && is_month_digits(*b) && is_year(a)) {  // "08-2024"
    *q = join_low(toks, n - 2, n, '-');
    return 2;
  }
  if (b && is_year(*b) && a.size() == 2 && is_month_digits(a)) {
    *q = join_low(toks, n - 2, n, '-');
    return 2;
  }
  // "4-bit"
  if (b && (a == "bit" || a == "bits") && all_digits(*b) && b->size() <= 2) {
    *q = *b + "bit";
    *quant = true;
    return 2;
  }
  // "Q4_K_M", "IQ3_XXS", "Q8_0", "q5"
  {
    std::size_t j = n;
    while (j > 0 && n - j < 3 && is_qtail(toks[j - 1].low)) --j;
    // toks[j, n) are tails; the head is toks[j-1]
    if (j > 0 && is_qhead(toks[j - 1].low)) {
      *q = join_low(toks, j - 1, n, '_');
      *quant = true;
      return n - (j - 1);
    }
  }
  if (is_quant_word(a)) {
    *q = a;
    *quant = true;
    return 1;
  }
  // "FP8-Dynamic", "AWQ-Dynamic": a quantisation scheme's variant
  if (b && a == "dynamic" && is_quant_word(*b)) {
    *q = *b + "-dynamic";
    *quant = true;
    return 2;
  }
  if (is_variant_word(a) || (a == "base" && had_size) ||
      (a == "it" && (had_size || (b && has_digit(*b))))) {
    *q = a;
    return 1;
  }
  if (is_single_date(a) || is_context(a) || is_revision(a)) {
    *q = a;
    return 1;
  }
  return 0;
}

// Pops qualifiers off the end of toks, leaving at least min_keep tokens.
void pop_qualifiers(std::vector<Token>& toks, bool had_size, std::size_t min_keep, Popped* out) {
  while (toks.size() > min_keep) {
    std::string q;
    bool quant = false;
    const std::size_t k = trailing_qualifier(toks, toks.size(), had_size, &q, &quant);
    if (k == 0 || toks.size() - k < min_keep) break;
    toks.resize(toks.size() - k);
    out->qualifiers.push_back(std::move(q));
    out->quantised = out->quantised || quant;
  }
}

// ---------------------------------------------------------------- prefixes and brackets

void trim(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  if (b > 0) s.erase(0, b);
}

std::string first_word_lower(std::string_view s) {
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_') break;
    w.push_back(lower(c));
  }
  return w;
}

std::string strip_org(std::string s) {
  // "org/name": no space anywhere before the last '/'
  const std::size_t slash = s.rfind('/');
  if (slash != std::string::npos && slash + 1 < s.size() && s.find(' ') > slash && slash > 0)
    s = s.substr(slash + 1);
  // "Vendor: Model 3" / "Qwen: Qwen VL Max"
  const std::size_t colon = s.find(": ");
  if (colon != std::string::npos && colon > 0 && colon <= 40) {
    const std::string_view prefix(s.data(), colon);
    std::string rest = s.substr(colon + 2);
    trim(rest);
    const auto words = std::count(prefix.begin(), prefix.end(), ' ') + 1;
    if (!rest.empty() && words <= 3) {
      const std::string pw = first_word_lower(prefix);
      const std::string rw = first_word_lower(rest);
      if (has_digit(rest) || (!pw.empty() && rw.compare(0, pw.size(), pw) == 0)) s = rest;
    }
  }
  // Mistral's API ids prefix its open-weight models with "open-": "open-mixtral-8x22b" is
  // "Mixtral 8x22B". Only before Mistral's own family names ("Open-Sora" stays whole).
  if (s.size() > 5 && (s.compare(0, 5, "open-") == 0 || s.compare(0, 5, "Open-") == 0)) {
    const std::string next = first_word_lower(std::string_view(s).substr(5));
    if (next == "mistral" || next == "mixtral" || next == "codestral" || next == "magistral")
      s.erase(0, 5);
  }
  return s;
}

// Drops trailing bracket groups made only of qualifiers: "(May 2024)", "(free)".
void strip_bracket_qualifiers(std::string& s, bool had_size, Popped* out) {
  for (;;) {
    trim(s);
    if (s.empty() || (s.back() != ')' && s.back() != ']')) return;
    const char open = s.back() == ')' ? '(' : '[';
    const std::size_t o = s.rfind(open);
    if (o == std::string::npos || o == 0) return;
    const std::string_view inner(s.data() + o + 1, s.size() - o - 2);
    if (inner.find_first_of("()[]") != std::string_view::npos) return;
    std::vector<Token> toks = tokenise(inner, nullptr);
    if (toks.empty()) return;
    Popped p;
    pop_qualifiers(toks, had_size, 0, &p);
    if (!toks.empty()) return;
    // bracket qualifiers: one entry per group when it is a single date ("may 2024"), else each
    out->qualifiers.insert(out->qualifiers.end(), p.qualifiers.begin(), p.qualifiers.end());
    out->quantised = out->quantised || p.quantised;
    s.resize(o);
  }
}

// A token as the key reads it: "v2" / "V3.1" -> "2" / "3.1", "1.0" -> "1" (a version written
// either way is one version); anything else as written.
std::string key_token(std::string_view t) {
  std::string_view v = t;
  if (v.size() >= 2 && (v[0] == 'v' || v[0] == 'V') && is_digit(v[1])) v.remove_prefix(1);
  const bool numeric = !v.empty() && is_digit(v.front()) && is_digit(v.back()) &&
                       std::all_of(v.begin(), v.end(), [](char c) { return is_digit(c) || c == '.'; });
  if (!numeric) return std::string(t);
  while (v.size() > 2 && v.substr(v.size() - 2) == ".0") v.remove_suffix(2);
  return std::string(v);
}

// "PhotoAI", "NovelAI": a capitalised "AI" glued to a lower-case end, at least three letters
// before it ("BonsAI" would pass too, but not "Bonsai").
bool glued_ai(std::string_view t) {
  if (t.size() < 5 || t.substr(t.size() - 2) != "AI") return false;
  const char c = t[t.size() - 3];
  return c >= 'a' && c <= 'z';
}

// A separator as shown in the family.
std::string normalise_sep(std::string_view sep) {
  bool plain = true;
  bool space = false;
  for (char c : sep) {
    if (c == ' ') space = true;
    else if (c != '-' && c != '_') plain = false;
  }
  if (plain) return sep.empty() ? std::string() : std::string(space ? " " : "-");
  std::string out;
  for (char c : sep) {
    if (c == '_') c = '-';
    if (!out.empty() && (c == ' ' || c == '-') && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

// The stem of a tokenised name: the key without a trailing "AI" word, a glued "AI"
// ("PhotoAI") or a dotted domain suffix ("Rasa.io"); "" when none or shorter than 3.
std::string stem_of(const std::vector<Token>& toks);

// Does `alias` (lower-case letters and digits) spell `words` by their leading letters? Each
// word gives a prefix of itself, possibly empty (skipped), the first word at least one letter,
// at least two words something, and the whole alias is used: "sdxl" spells "stable diffusion
// xl", "sv3d" spells "stable video 3d". Memoised over (letter, word, words used so far).
bool spells(std::string_view alias, const std::vector<std::string>& words) {
  constexpr std::size_t kMaxAlias = 12, kMaxWords = 16;
  if (alias.size() < 2 || alias.size() > kMaxAlias || words.size() < 2 || words.size() > kMaxWords) return false;
  if (words[0].empty() || words[0][0] != alias[0]) return false;
  // state (i letters used, w words done, c contributing words capped at 2) -> 0 unknown, 1 no, 2 yes
  std::array<std::uint8_t, (kMaxAlias + 1) * (kMaxWords + 1) * 3> memo{};
  auto go = [&](auto& self, std::size_t i, std::size_t w, std::size_t c) -> bool {
    if (i == alias.size()) return c >= 2;
    if (w == words.size()) return false;
    std::uint8_t& m = memo[(i * (kMaxWords + 1) + w) * 3 + c];
    if (m) return m == 2;
    bool ok = w > 0 && self(self, i, w + 1, c);  // skip this word (never the first)
    const std::string& word = words[w];
    for (std::size_t k = 1; !ok && k <= word.size() && i + k <= alias.size() && word[k - 1] == alias[i + k - 1]; ++k)
      ok = self(self, i + k, w + 1, std::min<std::size_t>(c + 1, 2));
    m = ok ? 2 : 1;
    return ok;
  };
  return go(go, 0, 0, 0);
}

// An acronym written in brackets: one token of ASCII letters and digits with two capitals or more.
bool looks_like_acronym(const std::vector<Token>& toks) {
  if (toks.size() != 1) return false;
  int capitals = 0;
  for (char c : toks[0].text) {
    if (c >= 'A' && c <= 'Z') ++capitals;
    else if (!is_alpha(c) && !is_digit(c)) return false;
  }
  return capitals >= 2;
}

// The key of `outer` (a name with its trailing mode or alias cut off) after rules 4-6.
std::string outer_key(std::string_view outer, bool had_size) {
  std::vector<Token> toks = tokenise(outer, nullptr);
  Popped ignored;
  pop_qualifiers(toks, had_size, 1, &ignored);
  std::string keyed;
  for (const auto& t : toks) keyed += key_token(t.text);
  return fold_key(keyed);
}

// Rules 9 and 10 on `base` (the name after sizes and bracket qualifiers went).
void mode_or_alias(const std::string& base, bool had_size, NameKey* out) {
  std::string_view s(base);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return;
  std::string_view outer, inner;
  bool bracket = false;
  if (s.back() == ')' || s.back() == ']') {
    const std::size_t o = s.rfind(s.back() == ')' ? '(' : '[');
    if (o == std::string_view::npos || o == 0) return;
    inner = s.substr(o + 1, s.size() - o - 2);
    if (inner.find_first_of("()[]") != std::string_view::npos) return;
    outer = s.substr(0, o);
    bracket = true;
  } else if (const std::size_t c = s.rfind(':'); c != std::string_view::npos && c > 0 && c + 1 < s.size() &&
                                                    s[c + 1] != ' ' && s.find(' ', c) == std::string_view::npos) {
    inner = s.substr(c + 1);  // "claude-3.7-sonnet:thinking"
    outer = s.substr(0, c);
  } else {
    return;
  }
  const std::vector<Token> itoks = tokenise(inner, nullptr);
  if (itoks.empty()) return;
  const bool mode = is_mode(itoks);
  const bool acronym = !mode && bracket && looks_like_acronym(itoks);
  if (!mode && !acronym) return;
  if (acronym) {
    std::vector<std::string> words;
    for (const auto& t : tokenise(outer, nullptr)) words.push_back(fold_key(t.low));
    if (!spells(itoks[0].low, words)) return;
  }
  out->base_key = outer_key(outer, had_size);
  if (out->base_key.empty()) return;
  out->mode = mode;
  if (acronym && itoks[0].low.size() >= 3) out->alias = itoks[0].low;
}

}  // namespace

std::string fold_key(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c)))
        out.push_back(lower(static_cast<char>(c)));
      else if (c == '+')
        out += "plus";  // "Command R+" is another model than "Command R"
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    i += static_cast<std::size_t>(n);
    const utf8proc_category_t cat = utf8proc_category(cp);
    const bool keep = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
                      cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
                      cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_ND ||
                      cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO ||
                      cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC;
    if (!keep) continue;
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(m));
  }
  return out;
}

NameKey analyse_name(std::string_view name) {
  NameKey out;
  out.display = fields::clean_text(name);
  const std::string rest = strip_org(out.display);
  fields::NameSizes split = fields::split_name_sizes(rest);
  out.sizes = std::move(split.sizes);
  const bool had_size = !out.sizes.empty();

  Popped popped;
  std::string base = std::move(split.base);
  strip_bracket_qualifiers(base, had_size, &popped);
  // bracket groups were popped last-first; each group's own entries are in pop order too
  std::string tail;
  std::vector<Token> toks = tokenise(base, &tail);
  pop_qualifiers(toks, had_size, 1, &popped);

  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (i > 0) out.family += normalise_sep(toks[i].sep);
    out.family += toks[i].text;
  }
  // close brackets the kept tokens opened: "Pro (Gemini 3 Image Preview)" -> "Pro (Gemini 3
  // Image)"; "Foo (Bar) Instruct" -> "Foo (Bar)"
  std::string open;
  for (char c : out.family) {
    if (c == '(' || c == '[') open.push_back(c);
    else if ((c == ')' || c == ']') && !open.empty()) open.pop_back();
  }
  for (auto it = open.rbegin(); it != open.rend(); ++it)
    out.family.push_back(*it == '(' ? ')' : ']');
  std::string keyed;
  for (const auto& t : toks) keyed += key_token(t.text);
  out.key = fold_key(keyed);
  out.stem = stem_of(toks);
  mode_or_alias(base, had_size, &out);
  for (const auto& q : popped.qualifiers)
    if (is_revision(q)) out.revision = q;
  out.qualifiers.assign(popped.qualifiers.rbegin(), popped.qualifiers.rend());
  out.quantised = popped.quantised;
  return out;
}

namespace {

std::string stem_of(const std::vector<Token>& toks) {
  std::string stem;
  const bool dotted = toks.size() >= 2 && toks.back().sep == "." && in_table(kDomainSuffixes, toks.back().low);
  if (toks.size() >= 2 && (toks.back().low == "ai" || dotted)) {  // "Perplexity AI", "Rasa.io"
    std::string keyed;
    for (std::size_t i = 0; i + 1 < toks.size(); ++i) keyed += key_token(toks[i].text);
    stem = fold_key(keyed);
  } else if (toks.size() == 1 && glued_ai(toks.back().text)) {  // "PhotoAI"
    stem = fold_key(std::string_view(toks.back().text).substr(0, toks.back().text.size() - 2));
  }
  if (stem.size() < 3) stem.clear();
  return stem;
}

}  // namespace

std::string suffix_stem(std::string_view name) { return stem_of(tokenise(name, nullptr)); }

std::vector<std::string> lookup_keys(const std::string& name) {
  std::vector<std::string> keys{fold_key(name)};
  if (auto slash = name.rfind('/'); slash != std::string::npos && slash + 1 < name.size())
    keys.push_back(fold_key(name.substr(slash + 1)));
  keys.erase(std::remove(keys.begin(), keys.end(), std::string()), keys.end());
  return keys;
}

}  // namespace tv::dedupe
