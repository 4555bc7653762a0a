// Parsing data/vendors.tsv. Mistakes in a hand-edited file are ordinary: each one is reported
// with its line number and that line left out, so one typo costs one line, not the table.
#include "stages/normalise/fields/vendor_table.hpp"

#include <algorithm>
#include <optional>

namespace tv::fields {
namespace {

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A whole line: spaces and a CR (a file saved with CRLF) around it, but not TABs, which would
// shift its fields.
std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(trim_blanks(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

struct Located {
  int line;
  std::string text;
};

// Names whose maker or alias can only be checked once the whole file is read.
struct Pending {
  int line;
  std::string_view kind;
  std::vector<std::string_view> fields;
};

class Parser {
 public:
  VendorTable table;
  std::vector<Located> errors;

  void line(int n, std::string_view text) {
    const std::string_view trimmed = trim_line(text);
    if (trimmed.empty() || trimmed.front() == '#') return;
    const auto fields = split_tabs(trimmed);
    if (fields.size() == 1) {
      return error(n, "no TAB: fields are separated by TABs, not spaces");
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].empty()) {
        return error(n, "field " + std::to_string(i + 1) + " is empty (two TABs in a row?)");
      }
      if (i > 0 && vendor_key(fields[i]).empty()) {
        return error(n, "'" + std::string(fields[i]) + "' has no letters or digits");
      }
    }
    const std::string_view kind = fields[0];
    if (kind == "vendor") return vendor(n, fields);
    if (kind == "reuploader") {
      for (std::size_t i = 1; i < fields.size(); ++i) table.reuploaders.insert(vendor_key(fields[i]));
      return;
    }
    if (kind == "family") {
      if (fields.size() < 3) return error(n, "a family line needs a maker and a family name");
      pending_.push_back({n, kind, fields});
      return;
    }
    if (kind == "not-in-prose") {
      pending_.push_back({n, kind, fields});
      return;
    }
    error(n, "unknown kind '" + std::string(kind) + "' (vendor, reuploader, family or not-in-prose)");
  }

  // Families and not-in-prose lines name vendors and aliases that may come later in the file.
  void finish() {
    std::unordered_map<std::string, int> family_line;
    for (const auto& p : pending_) {
      if (p.kind == "family") {
        const std::string maker(p.fields[1]);
        if (!vendor_line_.contains(maker)) {
          error(p.line, "family maker '" + maker + "' is not a vendor of the file");
          continue;
        }
        bool ok = true;
        for (std::size_t i = 2; i < p.fields.size() && ok; ++i) {
          const auto key = vendor_key(p.fields[i]);
          if (const auto it = family_maker_.find(key); it != family_maker_.end() && it->second != maker) {
            error(p.line, "family '" + std::string(p.fields[i]) + "' is already " + it->second + "'s (line " +
                              std::to_string(family_line[key]) + ")");
            ok = false;
          }
        }
        if (!ok) continue;
        for (std::size_t i = 2; i < p.fields.size(); ++i) {
          const auto key = vendor_key(p.fields[i]);
          if (family_maker_.emplace(key, maker).second) {
            family_line[key] = p.line;
            table.families.push_back({key, maker});
          }
        }
      } else {
        for (std::size_t i = 1; i < p.fields.size(); ++i) {
          const auto key = vendor_key(p.fields[i]);
          if (!table.vendor_of.contains(key)) {
            error(p.line, "not-in-prose '" + std::string(p.fields[i]) + "' is not an alias of any vendor");
          } else {
            table.not_in_prose.insert(key);
          }
        }
      }
    }
    std::stable_sort(table.families.begin(), table.families.end(),
                     [](const auto& a, const auto& b) { return a.key.size() > b.key.size(); });
    std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  }

 private:
  void error(int n, std::string message) { errors.push_back({n, "line " + std::to_string(n) + ": " + message}); }

  void vendor(int n, const std::vector<std::string_view>& fields) {
    const std::string canonical(fields[1]);
    if (const auto it = vendor_line_.find(canonical); it != vendor_line_.end()) {
      return error(n, "vendor '" + canonical + "' is already on line " + std::to_string(it->second));
    }
    for (std::size_t i = 1; i < fields.size(); ++i) {
      const auto it = alias_line_.find(vendor_key(fields[i]));
      if (it != alias_line_.end() && table.vendor_of.at(it->first) != canonical) {
        return error(n, "alias '" + std::string(fields[i]) + "' is already " + table.vendor_of.at(it->first) +
                            "'s (line " + std::to_string(it->second) + ")");
      }
    }
    vendor_line_.emplace(canonical, n);
    for (std::size_t i = 1; i < fields.size(); ++i) {
      const auto key = vendor_key(fields[i]);
      table.vendor_of.emplace(key, canonical);
      alias_line_.emplace(key, n);
    }
  }

  std::unordered_map<std::string, int> vendor_line_;  // canonical name -> its line
  std::unordered_map<std::string, int> alias_line_;   // alias key -> its vendor's line
  std::unordered_map<std::string, std::string> family_maker_;
  std::vector<Pending> pending_;
};

}  // namespace

std::string vendor_key(std::string_view s) {
  std::string k;
  for (char c : s) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) k.push_back(c);
    else if (c >= 'A' && c <= 'Z') k.push_back(static_cast<char>(c - 'A' + 'a'));
  }
  return k;
}

VendorTable parse_vendor_table(std::string_view text, std::vector<std::string>* errors) {
  Parser p;
  int n = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    p.line(++n, text.substr(pos, end - pos));
    pos = end + 1;
  }
  p.finish();
  if (errors) {
    for (auto& e : p.errors) errors->push_back(std::move(e.text));
  }
  return std::move(p.table);
}

std::optional<std::string_view> known_vendor(std::string_view name) {
  const std::string k = vendor_key(name);
  if (k.empty()) return std::nullopt;
  const auto& t = vendor_table().vendor_of;
  if (auto it = t.find(k); it != t.end()) return it->second;
  // "Qwen Team", "Meta AI team"
  if (k.size() > 4 && k.ends_with("team")) {
    if (auto it = t.find(k.substr(0, k.size() - 4)); it != t.end()) return it->second;
  }
  return std::nullopt;
}

const VendorTable& vendor_table() {
  static const VendorTable table = parse_vendor_table(kVendorsTsv, nullptr);
  return table;
}

}  // namespace tv::fields
