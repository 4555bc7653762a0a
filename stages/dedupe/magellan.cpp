#include "stages/dedupe/magellan.hpp"

#include <exception>
#include <optional>
#include <string_view>

namespace tv::dedupe {
namespace {

bool is_space(char c) { return c == ' ' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Position of the next "COL" token at or after `from` (a token: at the start or after a space,
// followed by a space or the end).
std::size_t find_col(std::string_view s, std::size_t from) {
  for (std::size_t p = s.find("COL", from); p != std::string_view::npos; p = s.find("COL", p + 1)) {
    bool start_ok = p == 0 || s[p - 1] == ' ';
    bool end_ok = p + 3 == s.size() || s[p + 3] == ' ';
    if (start_ok && end_ok) return p;
  }
  return std::string_view::npos;
}

// Parses one record; on failure returns nullopt and sets `why`.
std::optional<std::map<std::string, std::string>> parse_record(std::string_view field, std::string& why) {
  std::map<std::string, std::string> out;
  std::string_view s = trim(field);
  if (s.empty()) {
    why = "empty record";
    return std::nullopt;
  }
  std::size_t pos = find_col(s, 0);
  if (pos != 0) {
    why = "record does not start with COL";
    return std::nullopt;
  }
  while (pos != std::string_view::npos) {
    std::size_t after = pos + 3;
    std::size_t next = find_col(s, after);
    std::string_view chunk = s.substr(after, next == std::string_view::npos ? std::string_view::npos : next - after);
    // chunk: " attr VAL value" (value may be empty)
    std::string_view c = chunk;
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    std::size_t sp = c.find(' ');
    std::string_view attr = c.substr(0, sp);
    if (attr.empty() || attr == "VAL") {
      why = "COL without an attribute name";
      return std::nullopt;
    }
    std::string_view rest = sp == std::string_view::npos ? std::string_view{} : c.substr(sp);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!(rest.substr(0, 3) == "VAL" && (rest.size() == 3 || rest[3] == ' '))) {
      why = "attribute '" + std::string(attr) + "' has no VAL";
      return std::nullopt;
    }
    std::string value(trim(rest.substr(3)));
    out[std::string(attr)] = std::move(value);
    pos = next;
  }
  return out;
}

}  // namespace

MagellanFile read_magellan(std::istream& in, const std::string& name) {
  MagellanFile file;
  try {
    std::string line;
    int number = 0;
    auto error = [&](const std::string& what) {
      file.errors.push_back(name + ":" + std::to_string(number) + ": " + what);
    };
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      if (trim(line).empty()) continue;
      std::string_view l = line;
      std::vector<std::string_view> fields;
      std::size_t start = 0;
      for (std::size_t tab = l.find('\t'); tab != std::string_view::npos; tab = l.find('\t', start)) {
        fields.push_back(l.substr(start, tab - start));
        start = tab + 1;
      }
      fields.push_back(l.substr(start));
      if (fields.size() != 3) {
        error("expected 3 tab-separated fields, found " + std::to_string(fields.size()));
        continue;
      }
      std::string_view label = trim(fields[2]);
      if (label.empty()) {
        error("missing label");
        continue;
      }
      if (label != "0" && label != "1") {
        error("label must be 0 or 1, found '" + std::string(label) + "'");
        continue;
      }
      std::string why;
      auto left = parse_record(fields[0], why);
      if (!left) {
        error("left record: " + why);
        continue;
      }
      auto right = parse_record(fields[1], why);
      if (!right) {
        error("right record: " + why);
        continue;
      }
      file.pairs.push_back(LabelledPair{std::move(*left), std::move(*right), label == "1" ? 1 : 0, number});
    }
  } catch (const std::exception& e) {
    file.errors.push_back(name + ": read failed: " + e.what());
  } catch (...) {
    file.errors.push_back(name + ": read failed");
  }
  return file;
}

}  // namespace tv::dedupe
