#include "stages/extract/evaluate.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "stages/normalise/fields/size.hpp"
#include "stages/normalise/fields/text.hpp"

namespace tv::extract {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

std::optional<std::string> cell(const std::string& v) {
  if (v == "-") return std::nullopt;
  return v;
}

std::string alnum_lower(std::string_view s) {
  std::string out;
  for (char c : fields::ascii_lower(s))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) out += c;
  return out;
}

std::string format_amount(double a) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", a);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string size_text(const fields::ParamSize& p) {
  std::string s = p.label;
  if (p.active) s += " (active " + fields::size_label(*p.active) + ")";
  return s;
}

// "671B (active 37B)" -> that size; nullopt when the label cannot be read.
std::optional<fields::ParamSize> parse_gold_size(const std::string& text) {
  std::string total = text, active;
  if (auto p = text.find(" (active "); p != std::string::npos && text.back() == ')') {
    total = text.substr(0, p);
    active = text.substr(p + 9, text.size() - p - 10);
  }
  auto t = fields::parse_sizes(total);
  if (t.size() != 1) return std::nullopt;
  fields::ParamSize s = t.front();
  if (!active.empty()) {
    auto a = fields::parse_sizes(active);
    if (a.size() != 1) return std::nullopt;
    s.active = a.front().total;
  }
  return s;
}

bool same_sizes(const std::string& gold, const std::vector<fields::ParamSize>& got) {
  auto want = split(gold, ';');
  if (want.size() != got.size()) return false;
  std::vector<bool> used(got.size());
  for (const auto& w : want) {
    auto s = parse_gold_size(w);
    if (!s) return false;
    bool found = false;
    for (std::size_t i = 0; i < got.size() && !found; ++i)
      if (!used[i] && fields::same_size(*s, got[i])) used[i] = found = true;
    if (!found) return false;
  }
  return true;
}

bool same_price(const std::string& gold, const fields::Price& p) {
  auto parts = split(gold, '|');
  if (parts.empty() || parts[0] != fields::to_string(p.tier)) return false;
  if (parts.size() == 1) return !p.amount;
  if (parts.size() != 4 || !p.amount) return false;
  double amount = 0;
  try {
    amount = std::stod(parts[1]);
  } catch (...) {
    return false;
  }
  return std::abs(amount - *p.amount) < 0.005 && parts[2] == p.currency && parts[3] == p.period;
}

bool equal_ci(const std::string& a, const std::string& b) { return fields::ascii_lower(a) == fields::ascii_lower(b); }

bool matches(const GoldPage& g, Field f, const std::string& want, const ToolRecord& r) {
  switch (f) {
    case Field::name: {
      std::string got = fields::clean_text(r.name.value);
      if (got == fields::clean_text(want)) return true;
      for (const auto& a : g.aliases)
        if (got == fields::clean_text(a)) return true;
      return false;
    }
    case Field::vendor: return equal_ci(want, r.vendor.value);
    case Field::category: return equal_ci(want, r.category.value);
    case Field::license:
      if (want.rfind("name:", 0) == 0) return alnum_lower(want.substr(5)) == alnum_lower(r.license.value.name);
      return !r.license.value.spdx.empty() && equal_ci(want, r.license.value.spdx);
    case Field::price: return same_price(want, r.price.value);
    case Field::sizes: return same_sizes(want, r.parameter_sizes.value);
  }
  return false;
}

const std::optional<std::string>& label_of(const GoldPage& g, Field f) {
  static const std::optional<std::string> none;
  switch (f) {
    case Field::name: return none;  // handled by the caller: a name is always labelled
    case Field::vendor: return g.vendor;
    case Field::license: return g.license;
    case Field::price: return g.price;
    case Field::sizes: return g.sizes;
    case Field::category: return g.category;
  }
  return none;
}

std::string rule_of(const ToolRecord& r, Field f) {
  switch (f) {
    case Field::name: return r.name.from.rule;
    case Field::vendor: return r.vendor.from.rule;
    case Field::license: return r.license.from.rule;
    case Field::price: return r.price.from.rule;
    case Field::sizes: return r.parameter_sizes.from.rule;
    case Field::category: return r.category.from.rule;
  }
  return {};
}

}  // namespace

const char* field_name(Field f) {
  switch (f) {
    case Field::name: return "name";
    case Field::vendor: return "vendor";
    case Field::license: return "license";
    case Field::price: return "price";
    case Field::sizes: return "sizes";
    case Field::category: return "category";
  }
  return "?";
}

GoldSet read_gold(std::istream& in, const std::string& file) {
  GoldSet out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (n == 1) {
      if (line.rfind("path\tname\taliases\tvendor\tlicense\tprice\tsizes\tcategory", 0) != 0)
        out.errors.push_back(file + ":1: the header is not `path name aliases vendor license price sizes category note`");
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    auto c = split(line, '\t');
    if (c.size() < 8 || c.size() > 9) {
      out.errors.push_back(file + ":" + std::to_string(n) + ": " + std::to_string(c.size()) +
                           " tab-separated columns; 8 or 9 expected");
      continue;
    }
    bool empty = false;
    for (std::size_t i = 0; i < 8; ++i) empty |= c[i].empty();
    if (empty || c[1] == "-") {
      out.errors.push_back(file + ":" + std::to_string(n) + ": an empty column or an absent name (`-` marks absent; every page names its tool)");
      continue;
    }
    GoldPage g;
    g.line = n;
    g.path = c[0];
    g.name = c[1];
    if (c[2] != "-") g.aliases = split(c[2], '|');
    g.vendor = cell(c[3]);
    g.license = cell(c[4]);
    g.price = cell(c[5]);
    g.sizes = cell(c[6]);
    g.category = cell(c[7]);
    if (c.size() == 9) g.note = c[8];
    out.pages.push_back(std::move(g));
  }
  return out;
}

std::optional<std::string> record_value(const ToolRecord& r, Field f) {
  switch (f) {
    case Field::name: return r.name.present ? std::optional(r.name.value) : std::nullopt;
    case Field::vendor: return r.vendor.present ? std::optional(r.vendor.value) : std::nullopt;
    case Field::category:
      if (!r.category.present || derived_value(r, f)) return std::nullopt;
      return r.category.value;
    case Field::license:
      if (!r.license.present) return std::nullopt;
      return r.license.value.spdx.empty() ? "name:" + r.license.value.name : r.license.value.spdx;
    case Field::price: {
      if (!r.price.present) return std::nullopt;
      const auto& p = r.price.value;
      std::string s(fields::to_string(p.tier));
      if (p.amount) s += "|" + format_amount(*p.amount) + "|" + p.currency + "|" + p.period;
      return s;
    }
    case Field::sizes: {
      if (!r.parameter_sizes.present || r.parameter_sizes.value.empty() || derived_value(r, f)) return std::nullopt;
      std::string s;
      for (const auto& p : r.parameter_sizes.value) s += (s.empty() ? "" : ";") + size_text(p);
      return s;
    }
  }
  return std::nullopt;
}

bool derived_value(const ToolRecord& r, Field f) {
  if (f == Field::category) return r.category.present && r.category.from.rule.rfind("category from kind", 0) == 0;
  if (f == Field::sizes)
    return r.parameter_sizes.present && r.parameter_sizes.from.rule.find("-> size in name") != std::string::npos;
  return false;
}

std::array<Counts, kFields.size()> score_page(const GoldPage& gold, const ToolRecord* record,
                                              std::vector<Miss>* misses) {
  std::array<Counts, kFields.size()> out{};
  for (std::size_t i = 0; i < kFields.size(); ++i) {
    Field f = kFields[i];
    std::optional<std::string> want = f == Field::name ? std::optional(gold.name) : label_of(gold, f);
    std::optional<std::string> got = record ? record_value(*record, f) : std::nullopt;
    if (record && derived_value(*record, f)) ++out[i].derived;
    if (!want && !got) continue;
    bool hit = want && got && matches(gold, f, *want, *record);
    if (hit) {
      ++out[i].tp;
      continue;
    }
    if (got) ++out[i].fp;
    if (want) ++out[i].fn;
    if (misses)
      misses->push_back({&gold, f, want.value_or("-"), got.value_or("-"), got ? rule_of(*record, f) : ""});
  }
  return out;
}

}  // namespace tv::extract
