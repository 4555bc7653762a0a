// Prices as scraped. A hand-written scanner finds amounts (with currency, thousands
// separators, ranges and the unit after them: "/mo", "per 1M input tokens", "a month",
// "/user/mo", "for 100 credits"), keyword phrases decide the tier, and the result is checked
// for nonsense. Linear in the input; no regex.
#include "stages/normalise/fields/price.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

#include "stages/normalise/fields/text.hpp"

namespace tv::fields {
namespace {

constexpr double kMaxAmount = 1e7;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// "..." around the (cleaned) text for error messages, cut at 60 bytes on a UTF-8 boundary.
std::string quoted(std::string_view t) {
  std::string out = "\"";
  if (t.size() <= 60) {
    out.append(t);
  } else {
    std::size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    if (const auto space = t.rfind(' ', cut); space != std::string_view::npos && space > 40) cut = space;
    out.append(t.substr(0, cut));
    out.append("\u2026");
  }
  out.push_back('"');
  return out;
}

// --- keyword form: lower-case ASCII, '-' '_' '/' ',' and friends become spaces ----------------

std::string keyword_form(std::string_view lower) {
  std::string out;
  out.reserve(lower.size() + 2);
  out.push_back(' ');
  for (char c : lower) {
    const bool keep = is_alnum(c) || c == '%' || c == '$' || c == '.' ||
                      (static_cast<unsigned char>(c) >= 0x80);
    const char d = keep ? c : ' ';
    if (d == ' ' && out.back() == ' ') continue;
    out.push_back(d);
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

// Whole-word phrase search in a keyword_form string ("free trial" matches " free trial ").
bool has_phrase(std::string_view kw, std::string_view phrase) {
  std::size_t pos = 0;
  while ((pos = kw.find(phrase, pos)) != std::string_view::npos) {
    const bool left = pos > 0 && kw[pos - 1] == ' ';
    const std::size_t e = pos + phrase.size();
    const bool right = e < kw.size() && (kw[e] == ' ' || kw[e] == '.');
    if (left && right) return true;
    ++pos;
  }
  return false;
}

template <std::size_t N>
bool has_any(std::string_view kw, const std::array<std::string_view, N>& phrases) {
  for (auto p : phrases) {
    if (has_phrase(kw, p)) return true;
  }
  return false;
}

// --- currencies ---------------------------------------------------------------------------------

struct CurrencyToken {
  std::string_view text;  // lower-case for codes
  std::string_view code;
};

// Symbols, longest first where one is a suffix of another ("US$" before "$").
constexpr CurrencyToken kSymbols[] = {
    {"us$", "USD"}, {"au$", "AUD"}, {"ca$", "CAD"}, {"nz$", "NZD"}, {"hk$", "HKD"},
    {"cn\u00a5", "CNY"}, {"a$", "AUD"}, {"c$", "CAD"}, {"s$", "SGD"}, {"r$", "BRL"},
    {"$", "USD"}, {"\u20ac", "EUR"}, {"\u00a3", "GBP"}, {"\u00a5", "JPY"}, {"\uffe5", "JPY"},
    {"\u20b9", "INR"}, {"\u20a9", "KRW"}, {"\u20bd", "RUB"}, {"\u20ba", "TRY"}, {"\u20ab", "VND"},
    {"\u0e3f", "THB"}, {"\u20b1", "PHP"}, {"\u20a6", "NGN"}, {"\u20aa", "ILS"}, {"z\u0142", "PLN"},
};

constexpr CurrencyToken kCodes[] = {
    {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"jpy", "JPY"}, {"inr", "INR"},
    {"cny", "CNY"}, {"rmb", "CNY"}, {"cad", "CAD"}, {"aud", "AUD"}, {"nzd", "NZD"},
    {"chf", "CHF"}, {"sek", "SEK"}, {"nok", "NOK"}, {"dkk", "DKK"}, {"pln", "PLN"},
    {"brl", "BRL"}, {"mxn", "MXN"}, {"krw", "KRW"}, {"sgd", "SGD"}, {"hkd", "HKD"},
    {"zar", "ZAR"}, {"try", "TRY"}, {"rub", "RUB"}, {"dollars", "USD"}, {"dollar", "USD"},
    {"euros", "EUR"}, {"euro", "EUR"}, {"bucks", "USD"},
};

std::string_view display_symbol(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kDisplay[] = {
      {"USD", "$"},   {"EUR", "\u20ac"}, {"GBP", "\u00a3"}, {"JPY", "\u00a5"},
      {"INR", "\u20b9"}, {"KRW", "\u20a9"}, {"CNY", "CN\u00a5"}, {"AUD", "A$"},
      {"CAD", "C$"},  {"NZD", "NZ$"},    {"HKD", "HK$"},    {"SGD", "S$"},
      {"BRL", "R$"},
  };
  for (const auto& [c, sym] : kDisplay) {
    if (c == code) return sym;
  }
  return {};
}

// A currency symbol or code ending exactly at `end` in `lower` (allowing one space between it
// and the number). Returns the code and sets `begin`.
std::string_view currency_before(std::string_view lower, std::size_t end, std::size_t& begin) {
  std::size_t e = end;
  if (e > 0 && lower[e - 1] == ' ') --e;
  for (const auto& sym : kSymbols) {
    if (e >= sym.text.size() && lower.substr(e - sym.text.size(), sym.text.size()) == sym.text) {
      const std::size_t b = e - sym.text.size();
      // "a$" / "s$" / "r$" need a word boundary before them ("plus$" is not AUD).
      if (is_alpha(sym.text[0]) && b > 0 && is_alpha(lower[b - 1])) continue;
      begin = b;
      return sym.code;
    }
  }
  for (const auto& code : kCodes) {
    if (e >= code.text.size() && lower.substr(e - code.text.size(), code.text.size()) == code.text) {
      const std::size_t b = e - code.text.size();
      if (b > 0 && is_alpha(lower[b - 1])) continue;
      begin = b;
      return code.code;
    }
  }
  return {};
}

// A currency symbol or code starting at `pos` (after an optional space). Sets `end`.
std::string_view currency_after(std::string_view lower, std::size_t pos, std::size_t& end) {
  std::size_t p = pos;
  if (p < lower.size() && lower[p] == ' ') ++p;
  for (const auto& sym : kSymbols) {
    // "a$" after a number would be odd ("$" covers it); "20 US$" is how many sites write it.
    if (is_alpha(sym.text[0]) && sym.text.size() < 3) continue;
    if (lower.substr(p, sym.text.size()) == sym.text) {
      end = p + sym.text.size();
      return sym.code;
    }
  }
  for (const auto& code : kCodes) {
    if (lower.substr(p, code.text.size()) == code.text) {
      const std::size_t e = p + code.text.size();
      if (e < lower.size() && is_alpha(lower[e])) continue;
      end = e;
      return code.code;
    }
  }
  return {};
}

std::string format_fraction(double a);

// --- numbers ----------------------------------------------------------------------------------

struct Number {
  double value = 0;
  std::size_t begin = 0, end = 0;
};

// digits with thousands separators ("1,299", "10,000"), a decimal point or a decimal comma
// ("9,99"). nullopt for anything longer than 15 integer / 10 fractional digits.
std::optional<Number> scan_amount_number(std::string_view s, std::size_t i) {
  std::string digits;
  std::size_t j = i;
  int int_digits = 0;
  while (j < s.size()) {
    if (is_digit(s[j])) {
      digits.push_back(s[j]);
      ++int_digits;
      ++j;
    } else if (s[j] == ',' && int_digits > 0 && j + 3 < s.size() && is_digit(s[j + 1]) &&
               is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
               (j + 4 >= s.size() || !is_digit(s[j + 4]))) {
      ++j;  // thousands separator: exactly three digits follow
    } else {
      break;
    }
    if (int_digits > 15) return std::nullopt;
  }
  if (int_digits == 0) return std::nullopt;
  if (j + 1 < s.size() && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])) {
    std::size_t k = j + 1;
    std::string frac;
    while (k < s.size() && is_digit(s[k])) frac.push_back(s[k++]);
    // "1,5" and "9,99" are decimal commas; "1,299" was taken as thousands above.
    if (frac.size() > 10) return std::nullopt;
    digits.push_back('.');
    digits += frac;
    j = k;
  }
  Number n;
  n.begin = i;
  n.end = j;
  const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), n.value,
                                 std::chars_format::fixed);
  if (r.ec != std::errc()) return std::nullopt;
  return n;
}

std::string format_amount(double a) {
  if (a == std::floor(a) && a < 1e15) {
    return std::to_string(static_cast<long long>(a));
  }
  return format_fraction(a);
}

// Display form: thousands grouped ("1,299"), cents padded ("4.90").
std::string display_amount(double a) {
  std::string out = format_amount(a);
  const std::size_t dot = std::min(out.find('.'), out.size());
  for (std::size_t k = dot; k > 3; k -= 3) out.insert(k - 3, ",");
  return out;
}

std::string format_fraction(double a) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed);
  std::string out(buf, r.ptr);
  const auto dot = out.find('.');
  if (dot != std::string::npos && out.size() - dot == 2) out.push_back('0');  // 4.9 -> 4.90
  return out;
}

// --- units and periods ---------------------------------------------------------------------------

enum class UnitKind { none, time, usage, one_time };

struct Unit {
  std::string text;  // "month", "user/month", "1K tokens", "credit"
  UnitKind kind = UnitKind::none;
  std::size_t end = 0;
  bool unclear = false;  // "/" followed by nothing readable ("3/250")
};

std::string read_word(std::string_view s, std::size_t& i) {
  std::string w;
  while (i < s.size() && (is_alpha(s[i]) || (s[i] == '-' && !w.empty() && i + 1 < s.size() &&
                                              is_alpha(s[i + 1])))) {
    if (w.size() < 32) w.push_back(s[i]);
    ++i;
  }
  if (i < s.size() && s[i] == '.' && !w.empty() && (i + 1 >= s.size() || !is_alnum(s[i + 1]))) {
    ++i;  // "mo." abbreviation dot
  }
  return w;
}

void skip_spaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && s[i] == ' ') ++i;
}

// Canonical time period for a word, or "".
std::string_view time_word(std::string_view w) {
  static constexpr std::pair<std::string_view, std::string_view> kTime[] = {
      {"mo", "month"},     {"mos", "month"},    {"mon", "month"},    {"mth", "month"},
      {"month", "month"},  {"months", "month"},  {"monthly", "month"}, {"m", "month"},
      {"yr", "year"},      {"yrs", "year"},     {"year", "year"},    {"years", "year"},
      {"yearly", "year"},  {"annum", "year"},   {"annual", "year"},  {"annually", "year"},
      {"y", "year"},       {"wk", "week"},      {"wks", "week"},     {"week", "week"},
      {"weeks", "week"},   {"weekly", "week"},  {"w", "week"},       {"day", "day"},
      {"days", "day"},     {"daily", "day"},    {"d", "day"},        {"hr", "hour"},
      {"hrs", "hour"},     {"hour", "hour"},    {"hours", "hour"},   {"hourly", "hour"},
      {"h", "hour"},       {"min", "minute"},   {"mins", "minute"},  {"minute", "minute"},
      {"minutes", "minute"}, {"sec", "second"}, {"secs", "second"},  {"second", "second"},
      {"seconds", "second"}, {"s", "second"},   {"lifetime", "one-time"},
      {"life", "one-time"},
      // the languages directory pages most often leave untranslated
      {"monat", "month"},  {"mois", "month"},    {"mes", "month"},    {"jahr", "year"},
      {"an", "year"},      {"ano", "year"},
  };
  for (const auto& [k, v] : kTime) {
    if (w == k) return v;
  }
  return {};
}

bool is_usage_time(std::string_view period) {
  return period == "hour" || period == "minute" || period == "second";
}

bool is_user_word(std::string_view w) {
  return w == "user" || w == "users" || w == "seat" || w == "seats" || w == "member" ||
         w == "members" || w == "editor" || w == "editors" || w == "person" || w == "head";
}

bool is_unit_qualifier(std::string_view w) {
  return w == "input" || w == "output" || w == "prompt" || w == "completion" || w == "cached" ||
         w == "generated" || w == "api" || w == "audio" || w == "text" || w == "image" ||
         w == "video" || w == "hd" || w == "standard" || w == "processed" || w == "extra";
}

bool is_stop_word(std::string_view w) {
  return w == "billed" || w == "and" || w == "or" || w == "with" || w == "after" ||
         w == "then" || w == "plus" || w == "for" || w == "in" || w == "on" || w == "when" ||
         w == "if" || w == "vat" || w == "excl" || w == "incl" || w == "ex" || w == "per" ||
         w == "paid" || w == "free" || w == "to" || w == "up" || w == "the" || w == "a" ||
         w == "an" || w == "of" || w == "each" || w == "only" || w == "at";
}

std::string singular(std::string w) {
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') {
    if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
    w.pop_back();
  }
  return w;
}

std::string unit_case(std::string w) {
  if (w == "gb" || w == "mb" || w == "tb" || w == "kb") {
    for (auto& c : w) c = static_cast<char>(c - 'a' + 'A');
  }
  return w;
}

// An optional quantity before a unit: "1K", "1k", "1M", "1000", "10k", "2,000".
std::optional<std::string> read_quantity(std::string_view s, std::size_t& i) {
  if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
  auto n = scan_amount_number(s, i);
  if (!n || n->value <= 0) return std::nullopt;
  std::size_t j = n->end;
  double q = n->value;
  if (j < s.size() && (s[j] == 'k' || s[j] == 'm') && (j + 1 >= s.size() || !is_alpha(s[j + 1]))) {
    q *= s[j] == 'k' ? 1e3 : 1e6;
    ++j;
  }
  i = j;
  char buf[64];
  if (q >= 1e6 && std::fmod(q, 1e6) == 0) {
    std::snprintf(buf, sizeof buf, "%lldM", static_cast<long long>(q / 1e6));
  } else if (q >= 1e3 && std::fmod(q, 1e3) == 0) {
    std::snprintf(buf, sizeof buf, "%lldK", static_cast<long long>(q / 1e3));
  } else {
    return format_amount(q);
  }
  return std::string(buf);
}

// The unit after "/" or "per" at s[i] (lower-case text).
Unit read_unit_after_separator(std::string_view s, std::size_t i) {
  Unit u;
  skip_spaces(s, i);
  {  // "/per request"
    std::size_t k = i;
    if (read_word(s, k) == "per") {
      i = k;
      skip_spaces(s, i);
    }
  }
  const auto qty = read_quantity(s, i);
  skip_spaces(s, i);
  std::size_t k = i;
  std::string w = read_word(s, k);
  if (w.empty() || (is_stop_word(w) && w != "per")) {
    u.unclear = true;
    u.end = i;
    return u;
  }
  i = k;
  if (!qty) {
    if (auto t = time_word(w); !t.empty()) {
      u.text = std::string(t);
      u.kind = t == "one-time" ? UnitKind::one_time
                               : is_usage_time(t) ? UnitKind::usage : UnitKind::time;
      u.end = i;
      return u;
    }
    if (is_user_word(w)) {
      // "/user/mo", "per user per month", "per seat / month"
      std::size_t j = i;
      skip_spaces(s, j);
      bool sep = false;
      if (j < s.size() && s[j] == '/') {
        ++j;
        sep = true;
      } else {
        std::size_t p = j;
        if (read_word(s, p) == "per") {
          j = p;
          sep = true;
        }
      }
      if (sep) {
        skip_spaces(s, j);
        std::size_t p = j;
        const auto t = time_word(read_word(s, p));
        if (!t.empty()) {
          u.text = "user/" + std::string(t);
          u.kind = UnitKind::time;
          u.end = p;
          return u;
        }
      }
      u.text = "user";
      u.kind = UnitKind::time;
      u.end = i;
      return u;
    }
  }
  // Usage unit: [qualifier] word, e.g. "1M input tokens", "credit", "30 minutes", "GB".
  std::string phrase = w;
  if (is_unit_qualifier(w)) {
    std::size_t p = i;
    skip_spaces(s, p);
    std::string w2 = read_word(s, p);
    if (!w2.empty() && !is_stop_word(w2)) {
      phrase += " " + w2;
      i = p;
    }
  }
  if (qty) {
    if (auto t = time_word(w); !t.empty() && t != "one-time") {
      // "/3 months": a period of several units
      u.text = *qty + " " + std::string(t) + (*qty == "1" ? "" : "s");
      u.kind = is_usage_time(t) ? UnitKind::usage : UnitKind::time;
      u.end = i;
      return u;
    }
    u.text = *qty + " " + unit_case(phrase);
  } else {
    // singular: "per credit", "/request", "per 1 image" reads as "image"
    const auto space = phrase.rfind(' ');
    if (space == std::string::npos) {
      u.text = unit_case(singular(phrase));
    } else {
      u.text = phrase.substr(0, space + 1) + unit_case(singular(phrase.substr(space + 1)));
    }
  }
  u.kind = UnitKind::usage;
  u.end = i;
  return u;
}

// The unit right after an amount (s is lower-case, i just after the amount/currency).
Unit read_unit(std::string_view s, std::size_t i) {
  Unit none;
  none.end = i;
  std::size_t p = i;
  skip_spaces(s, p);
  if (p < s.size() && s[p] == '/') return read_unit_after_separator(s, p + 1);
  std::size_t k = p;
  const std::string w = read_word(s, k);
  if (w == "per") return read_unit_after_separator(s, k);
  // "a month"; and "per" in the languages directory pages are written in: "pro Monat", "im
  // Monat", "par mois", "al mes", "por mes" (a time word must follow).
  if (w == "a" || w == "an" || w == "each" || w == "pro" || w == "im" || w == "je" || w == "par" ||
      w == "al" || w == "por") {
    std::size_t q = k;
    skip_spaces(s, q);
    const auto t = time_word(read_word(s, q));
    if (!t.empty() && t != "one-time") {
      Unit u;
      u.text = std::string(t);
      u.kind = is_usage_time(t) ? UnitKind::usage : UnitKind::time;
      u.end = q;
      return u;
    }
    return none;
  }
  if (w == "for") {  // "9 for 100 credits"
    std::size_t q = k;
    skip_spaces(s, q);
    if (q < s.size() && is_digit(s[q])) {
      Unit u = read_unit_after_separator(s, q);
      if (!u.unclear && u.kind == UnitKind::usage) return u;
    }
    return none;
  }
  if (w == "one-time" || w == "onetime" || w == "once" || w == "lifetime") {
    Unit u;
    u.text = "one-time";
    u.kind = UnitKind::one_time;
    u.end = k;
    return u;
  }
  if (w == "one") {  // "one time", "one off"
    std::size_t q = k;
    skip_spaces(s, q);
    const std::string w2 = read_word(s, q);
    if (w2 == "time" || w2 == "off" || w2 == "-off") {
      Unit u;
      u.text = "one-time";
      u.kind = UnitKind::one_time;
      u.end = q;
      return u;
    }
    return none;
  }
  if (w == "monthly" || w == "yearly" || w == "annually" || w == "weekly" || w == "daily" ||
      w == "hourly") {
    Unit u;
    u.text = std::string(time_word(w));
    u.kind = is_usage_time(u.text) ? UnitKind::usage : UnitKind::time;
    u.end = k;
    return u;
  }
  return none;
}

// --- amounts ------------------------------------------------------------------------------------

struct Amount {
  double value = 0;
  bool negative = false;
  bool strong = false;  // has a currency or a unit; bare numbers are weaker evidence
  std::string currency;
  Unit unit;
  std::size_t begin = 0, end = 0;
};

// Words that, right after a bare number, say it is not a price: "14 days", "7-day", "100%".
bool is_count_word(std::string_view w) {
  return w == "day" || w == "days" || w == "week" || w == "weeks" || w == "month" ||
         w == "months" || w == "year" || w == "years" || w == "hours" || w == "users" ||
         w == "seats" || w == "credits" || w == "images" || w == "minutes" || w == "words" ||
         w == "pages" || w == "tokens" || w == "requests" || w == "messages" || w == "x" ||
         w == "projects" || w == "generations" || w == "queries";
}

// Finds every amount in `s` (lower-case, cleaned). Bare numbers count only when they are
// followed by a unit or stand alone (the directory's "10", "9.99").
std::vector<Amount> find_amounts(std::string_view s) {
  std::vector<Amount> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.'))) {
      ++i;
      continue;
    }
    auto n = scan_amount_number(s, i);
    if (!n) {
      while (i < s.size() && (is_digit(s[i]) || s[i] == '.' || s[i] == ',')) ++i;
      continue;
    }
    Amount a;
    a.value = n->value;
    a.begin = n->begin;
    std::size_t cur_begin = n->begin;
    std::string_view code = currency_before(s, n->begin, cur_begin);
    // A letter glued to the number that is not a currency ("gpt4", "h100", "v2"): skip.
    if (code.empty() && n->begin > 0 && is_alpha(s[n->begin - 1])) {
      i = n->end;
      continue;
    }
    if (!code.empty()) a.begin = cur_begin;
    // A minus glued to the number or to its currency, not part of a range ("10-20").
    auto minus_at = [&](std::size_t p) {
      return p > 0 && s[p - 1] == '-' && (p < 2 || !is_alnum(s[p - 2]));
    };
    a.negative = minus_at(n->begin) || (!code.empty() && minus_at(cur_begin));
    std::size_t e = n->end;
    if (code.empty()) {
      std::size_t ce = e;
      code = currency_after(s, e, ce);
      if (!code.empty()) e = ce;
    }
    a.currency = std::string(code);
    // A range: "$10 - $50/mo", "10-20/mo", "$10 to $50" -> keep the first, read the unit after
    // the second.
    std::optional<Amount> upper;
    {
      std::size_t p = e;
      skip_spaces(s, p);
      bool range = false;
      if (p < s.size() && s[p] == '-') {
        range = true;
        ++p;
      } else if (s.substr(p, 3) == "to ") {
        range = true;
        p += 3;
      }
      if (range) {
        skip_spaces(s, p);
        std::size_t q = p;
        std::size_t sym_end = q;
        if (!currency_after(s, q, sym_end).empty()) q = sym_end;
        skip_spaces(s, q);
        if (q < s.size() && is_digit(s[q])) {
          if (auto n2 = scan_amount_number(s, q)) {
            Amount b;
            b.value = n2->value;
            b.begin = q;
            b.currency = a.currency;
            std::size_t ce = n2->end;
            std::string_view code2 = currency_after(s, n2->end, ce);
            if (!code2.empty() && a.currency.empty()) a.currency = b.currency = std::string(code2);
            e = code2.empty() ? n2->end : ce;
            upper = b;
          }
        }
      }
    }
    a.unit = read_unit(s, e);
    a.end = std::max(e, a.unit.end);
    // Is it an amount at all?
    bool counts = !a.currency.empty() || a.unit.kind != UnitKind::none || a.unit.unclear;
    a.strong = counts;
    if (upper) upper->strong = counts;
    if (!counts) {
      std::size_t p = e;
      while (p < s.size() && (s[p] == ' ' || s[p] == '-')) ++p;  // "14-day", "14 days"
      const bool percent = p < s.size() && s[p] == '%';
      std::size_t k = p;
      std::string w = read_word(s, k);
      const bool count_word = is_count_word(w);
      // Standalone: nothing but filler words around it ("10", "From 4.99", "Lifetime deal 59").
      counts = !percent && !count_word && (w.empty() || w == "billed" || w == "one" ||
                                           w == "or" || w == "and" || w == "then" ||
                                           w == "plus" || w == "vat" || w == "excl" ||
                                           w == "incl" || w == "with");
    }
    if (counts) {
      if (upper) {
        upper->unit = a.unit;
        out.push_back(a);
        out.push_back(*upper);
      } else {
        out.push_back(a);
      }
    }
    i = std::max(a.end, n->end);
    if (i <= n->begin) i = n->begin + 1;
  }
  return out;
}

// --- tier words ---------------------------------------------------------------------------------

constexpr std::array<std::string_view, 26> kFreemiumPhrases = {
    "freemium",     "free plan",    "free plans",    "free tier", "free version",
    "free and paid", "free with paid", "free basic", "free forever plan", "free account",
    "free starter",
    // German, French, Spanish
    "kostenlose version", "kostenloser plan", "kostenlose variante", "kostenloses konto", "gratisversion",
    "version gratuite", "offre gratuite", "formule gratuite", "plan gratuit", "compte gratuit",
    "plan gratuito", "version gratuita", "versión gratuita", "nivel gratuito"};
constexpr std::array<std::string_view, 4> kTrialPhrases = {"trial", "trials", "days free",
                                                           "day free"};
constexpr std::array<std::string_view, 18> kContactPhrases = {
    "contact",         "contact us",       "contact sales",  "custom pricing",
    "custom quote",    "custom plan",      "request a quote", "request quote",
    "get a quote",     "quote",            "on request",     "upon request",
    "call for pricing", "talk to sales",   "book a demo",    "enterprise pricing",
    "price on request", "pricing on request"};
constexpr std::array<std::string_view, 8> kUsagePhrases = {
    "pay as you go", "payg",       "pay per use", "usage based",
    "pay per",       "metered",    "pay for what you use", "consumption based"};
constexpr std::array<std::string_view, 19> kPaidPhrases = {
    "paid",     "premium",   "subscription", "pro plan", "plans from", "plans start",
    "purchase", "buy",       "one time",     "lifetime deal", "lifetime", "license fee",
    "kostenpflichtig", "abonnement", "abo", "payant", "payante", "de pago", "suscripción"};
constexpr std::array<std::string_view, 10> kFreePhrases = {
    "gratis", "no cost", "open source", "zero cost", "costs nothing",
    "kostenlos", "gratuit", "gratuite", "gratuito", "gratuita"};
constexpr std::array<std::string_view, 17> kPlaceholders = {
    "n/a", "na", "n.a.", "n.a", "null", "none", "nil", "undefined", "nan", "-", "--",
    "?",   "unknown", "tbd", "tba", "not available", "not applicable"};

// "free" as a word that is not the start of "free trial", or a synonym ("gratis", "no cost").
bool standalone_free(std::string_view kw) {
  std::size_t pos = 0;
  while ((pos = kw.find(" free", pos)) != std::string_view::npos) {
    const std::size_t e = pos + 5;
    pos = e;
    if (e < kw.size() && kw[e] != ' ' && kw[e] != '.') continue;  // "freemium", "freedom"
    const std::string_view rest = kw.substr(e);
    if (rest.starts_with(" trial")) continue;
    return true;
  }
  return has_any(kw, kFreePhrases);
}

std::string money_text(const Price& p) {
  std::string out;
  const std::string_view sym = display_symbol(p.currency);
  if (!sym.empty()) {
    out += sym;
  } else if (!p.currency.empty()) {
    out += p.currency + " ";
  }
  out += display_amount(*p.amount);
  return out;
}

std::string amount_display(const Price& p, UnitKind kind) {
  std::string out = money_text(p);
  if (p.period.empty()) return out;
  if (kind == UnitKind::one_time) return out + " one-time";
  if (kind == UnitKind::usage) return out + " / " + p.period;
  return out + "/" + p.period;
}

}  // namespace

std::string_view to_string(PriceTier t) {
  switch (t) {
    case PriceTier::free: return "free";
    case PriceTier::freemium: return "freemium";
    case PriceTier::free_trial: return "free_trial";
    case PriceTier::paid: return "paid";
    case PriceTier::usage: return "usage";
    case PriceTier::contact: return "contact";
  }
  return "paid";
}

PriceParse parse_price(std::string_view text) {
  PriceParse r;
  std::string t = clean_text(text);
  if (t.empty()) {
    r.error = "empty price text";
    return r;
  }
  // Working copy: lower-case, Unicode minus / dashes as '-'.
  std::string w;
  w.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto b = static_cast<unsigned char>(t[i]);
    if (b == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(t[i + 2]) == 0x93 || static_cast<unsigned char>(t[i + 2]) == 0x94)) {
      w.push_back('-');  // en / em dash
      i += 2;
    } else if (b == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x88 &&
               static_cast<unsigned char>(t[i + 2]) == 0x92) {
      w.push_back('-');  // U+2212 minus sign
      i += 2;
    } else {
      w.push_back(t[i]);
    }
  }
  w = ascii_lower(w);

  // Python/JSON list debris: "[]", "['Free']".
  {
    std::string_view v = w;
    if (v.size() >= 2 && ((v.front() == '[' && v.back() == ']') || (v.front() == '{' && v.back() == '}'))) {
      v = v.substr(1, v.size() - 2);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\'' || v.front() == '"')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\'' || v.back() == '"')) v.remove_suffix(1);
      if (v.empty()) {
        r.error = "empty list " + quoted(t) + " is not a price";
        return r;
      }
      w = std::string(v);
    }
  }
  {
    std::string_view v = w;
    while (!v.empty() && (v.back() == '.' || v.back() == ' ')) v.remove_suffix(1);
    if (v.empty()) v = w;
    for (auto p : kPlaceholders) {
      if (v == p) {
        r.error = "placeholder " + quoted(t) + " is not a price";
        return r;
      }
    }
  }

  const std::string kw = keyword_form(w);
  const std::vector<Amount> amounts = find_amounts(w);
  for (const auto& a : amounts) {
    if (a.negative) {
      r.error = "negative amount " + quoted(t) + " is not a price";
      return r;
    }
    if (a.value > kMaxAmount) {
      r.error = "amount " + format_amount(a.value) + " in " + quoted(t) +
                " is over the 10,000,000 limit";
      return r;
    }
  }
  // The entry amount: the first amount with a currency or a unit; a bare number only when
  // there is no such amount ("10", "From 4.99").
  const Amount* positive = nullptr;
  bool zero = false;
  bool any_strong = false;
  for (const auto& a : amounts) any_strong |= a.strong;
  for (const auto& a : amounts) {
    if (any_strong && !a.strong) continue;
    if (a.value == 0) {
      zero = true;
    } else if (!positive) {
      positive = &a;
    }
  }
  if (positive && positive->unit.unclear) {
    r.error = "unclear unit after the amount in " + quoted(t);
    return r;
  }

  const bool freemium_words = has_any(kw, kFreemiumPhrases);
  const bool trial_words = has_any(kw, kTrialPhrases) || has_phrase(kw, "try free") ||
                           has_phrase(kw, "try for free") || has_phrase(kw, "try it free") ||
                           has_phrase(kw, "try it for free");
  const bool contact_words = has_any(kw, kContactPhrases);
  const bool usage_words = has_any(kw, kUsagePhrases);
  const bool paid_words = has_any(kw, kPaidPhrases);
  const bool free_words =
      (standalone_free(kw) && !has_phrase(kw, "try free") && !has_phrase(kw, "try for free") &&
       !has_phrase(kw, "try it free") && !has_phrase(kw, "try it for free")) ||
      has_phrase(kw, "100% free");

  if (zero && !positive && paid_words && !free_words && !freemium_words && !trial_words) {
    r.error = quoted(t) + " says paid but the amount is 0";
    return r;
  }

  Price p;
  UnitKind kind = UnitKind::none;
  if (positive) {
    p.amount = positive->value;
    p.currency = positive->currency;
    p.period = positive->unit.text;
    kind = positive->unit.kind;
    if (p.period.empty()) {
      // A period stated elsewhere: "Lifetime deal $59", "$99 billed annually".
      const std::string_view rest = std::string_view(kw);
      if (has_phrase(rest, "lifetime") || has_phrase(rest, "one time") ||
          has_phrase(rest, "one off") || has_phrase(rest, "pay once")) {
        p.period = "one-time";
        kind = UnitKind::one_time;
      } else if (has_phrase(rest, "monthly") || has_phrase(rest, "per month") ||
                 has_phrase(rest, "a month")) {
        p.period = "month";
        kind = UnitKind::time;
      } else if (has_phrase(rest, "annually") || has_phrase(rest, "yearly") ||
                 has_phrase(rest, "per year") || has_phrase(rest, "a year")) {
        p.period = "year";
        kind = UnitKind::time;
      }
    }
  }
  const bool free_plan = freemium_words || ((free_words || zero) && (positive || paid_words ||
                                                                     usage_words || contact_words ||
                                                                     trial_words));
  if (free_plan) {
    p.tier = PriceTier::freemium;
  } else if (free_words || zero) {
    p.tier = PriceTier::free;
  } else if (trial_words) {
    p.tier = PriceTier::free_trial;
  } else if (kind == UnitKind::usage || (usage_words && !positive)) {
    p.tier = PriceTier::usage;
  } else if (positive) {
    p.tier = PriceTier::paid;
  } else if (contact_words) {
    p.tier = PriceTier::contact;
  } else if (paid_words) {
    p.tier = PriceTier::paid;
  } else {
    r.error = "no price found in " + quoted(t);
    return r;
  }
  if (p.tier == PriceTier::free || p.tier == PriceTier::contact) {
    p.amount.reset();
    p.currency.clear();
    p.period.clear();
  }

  switch (p.tier) {
    case PriceTier::free:
      p.display = "Free";
      break;
    case PriceTier::contact:
      p.display = "Contact for pricing";
      break;
    case PriceTier::freemium:
      p.display = p.amount ? "Freemium, from " + amount_display(p, kind) : "Freemium";
      break;
    case PriceTier::free_trial:
      p.display = p.amount ? "Free trial, then " + amount_display(p, kind) : "Free trial";
      break;
    case PriceTier::usage:
      p.display = p.amount ? amount_display(p, kind) : "Usage-based";
      break;
    case PriceTier::paid:
      p.display = p.amount ? amount_display(p, kind) : "Paid";
      break;
  }
  r.price = std::move(p);
  return r;
}

}  // namespace tv::fields
