// Tool facts as the pages show them: prices, sizes, licences, kinds, tallies.
#include <algorithm>
#include <cmath>
#include <regex>

#include "stages/site/pages.hpp"

namespace tv::site {

std::string str(const json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string price_text(const json& tool) {
  auto it = tool.find("price");
  if (it == tool.end() || !it->is_object()) return "—";
  auto d = str(*it, "display");
  return d.empty() ? "—" : d;
}

std::string sizes_text(const json& sizes) {
  std::string out;
  if (!sizes.is_array()) return "—";
  for (auto& s : sizes) {
    auto label = str(s, "label");
    if (label.empty()) continue;
    out += (out.empty() ? "" : ", ") + label;
  }
  return out.empty() ? "—" : out;
}

std::string license_text(const json& license) {
  if (!license.is_object()) return "—";
  auto name = str(license, "name"), spdx = str(license, "spdx");
  if (name.empty()) return spdx.empty() ? "—" : spdx;
  return spdx.empty() || spdx == name ? name : name + " (" + spdx + ")";
}

std::string kind_text(const std::string& kind) {
  static const std::map<std::string, std::string> names{
      {"vision-language", "Vision-language model"}, {"code", "Code model"},   {"text", "Language model"},
      {"image", "Image model"},   {"video", "Video model"},   {"audio", "Audio model"},
      {"speech", "Speech model"}, {"embedding", "Embedding model"}, {"multimodal", "Multimodal model"},
      {"agent", "Agent"},         {"app", "App"}};
  if (kind.empty()) return "—";
  auto it = names.find(kind);
  return it == names.end() ? kind : it->second;
}

std::string value_text(const std::string& field, const json& value) {
  if (field == "parameter_sizes") return sizes_text(value);
  if (field == "license") return license_text(value);
  if (field == "price") return value.is_object() ? str(value, "display") : "—";
  if (field == "kind") return kind_text(value.is_string() ? value.get<std::string>() : "");
  if (value.is_string()) return value.get<std::string>();
  return value.is_null() ? "—" : value.dump();
}

// Benchmarks a description claims results on, by name, in the order first mentioned.
std::vector<std::string> benchmarks_claimed(const std::string& description) {
  static const std::vector<std::string> known{
      "HumanEval", "MBPP", "SWE-bench", "LiveCodeBench", "BigCodeBench", "MMLU-Pro", "MMLU", "GSM8K",
      "MATH-500", "AIME", "GPQA", "ARC-Challenge", "HellaSwag", "TruthfulQA", "IFEval", "BBH",
      "MMMU", "MathVista", "DocVQA", "ChartQA", "TextVQA", "OCRBench", "Video-MME", "MTEB", "Chatbot Arena"};
  std::vector<std::pair<std::size_t, std::string>> found;
  std::string lower = description;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  auto word = [&](std::size_t i) { return i < lower.size() && (std::isalnum((unsigned char)lower[i]) || lower[i] == '-'); };
  for (auto& name : known) {
    std::string n = name;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
    for (std::size_t at = lower.find(n); at != std::string::npos; at = lower.find(n, at + 1)) {
      if ((at > 0 && word(at - 1)) || word(at + n.size())) continue;
      bool inside = false;  // "MMLU" inside an "MMLU-Pro" already found
      for (auto& [pos, other] : found) inside |= at >= pos && at < pos + other.size();
      if (!inside) found.emplace_back(at, name);
      break;
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [pos, name] : found) out.push_back(name);
  return out;
}

std::string benchmarks_text(const json& tool) {
  std::string s;
  for (auto& b : benchmarks_claimed(str(tool, "description"))) s += (s.empty() ? "" : ", ") + b;
  return s.empty() ? "none claimed" : s;
}

const std::vector<FactRow>& fact_rows() {
  static const std::vector<FactRow> rows{
      {"Vendor", "vendor", [](const json& t) { auto v = str(t, "vendor"); return v.empty() ? std::string("—") : v; }},
      {"Kind", "kind", [](const json& t) { return kind_text(str(t, "kind")); }},
      {"Sizes", "parameter_sizes",
       [](const json& t) { return sizes_text(t.contains("parameter_sizes") ? t["parameter_sizes"] : json()); }},
      {"Licence", "license", [](const json& t) { return license_text(t.contains("license") ? t["license"] : json()); }},
      {"Entry price", "price", [](const json& t) { return price_text(t); }},
      {"Benchmarks claimed", "", benchmarks_text},
  };
  return rows;
}

int Tally::percent() const { return total > 0 ? int(std::lround(100.0 * ship / total)) : 0; }

Tally panel_tally(const json& tool) {
  Tally t;
  if (auto it = tool.find("reviews"); it != tool.end() && it->is_array())
    for (auto& r : *it) {
      ++t.total;
      t.ship += str(r, "verdict") == "ship";
    }
  return t;
}

Tally community_tally(const json& tool) {
  Tally t;
  if (auto it = tool.find("community"); it != tool.end() && it->is_object()) {
    t.ship = it->value("ship", 0);
    t.total = it->value("total", 0);
    if (t.total < 0 || t.ship < 0 || t.ship > t.total) t = {};
  }
  return t;
}

std::string panel_verdict(const Tally& t) {
  if (!t.any()) return "none";
  if (2 * t.ship > t.total) return "ship";
  if (2 * t.ship < t.total) return "skip";
  return "split";
}

Data tally_data(const Tally& t, bool votes) {
  Data d;
  d.set("has", t.any());
  d.set("percent", t.any() ? std::to_string(t.percent()) + "%" : "—");
  d.set("width", std::to_string(t.percent()));
  std::string count;
  if (votes) count = t.total == 1 ? "1 vote" : std::to_string(t.total) + " votes";
  else count = std::to_string(t.ship) + " of " + std::to_string(t.total);
  d.set("count", t.any() ? count : votes ? "no votes yet" : "not reviewed yet");
  return d;
}

}  // namespace tv::site

namespace tv::site {

Data merged_from_rows(const json& tool, SourcesFor who) {
  Data rows(Data::type::list);
  if (auto it = tool.find("merged_from"); it != tool.end() && it->is_array())
    for (auto& m : *it) {
      Data row;
      row.set("name", str(m, "name"));
      std::string site = str(m, "site");
      row.set("file", who == SourcesFor::editors ? str(m, "source_file") : site.empty() ? "a scraped page" : site);
      row.set("reason", str(m, "reason"));
      row.set("joined_with", str(m, "joined_with").empty() ? "—" : str(m, "joined_with"));
      rows.push_back(row);
    }
  return rows;
}

namespace {

std::vector<std::string> strings(const json& v, const char* key) {
  std::vector<std::string> out;
  if (auto it = v.find(key); it != v.end() && it->is_array())
    for (auto& s : *it)
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// What a reader is told a value came from: the site of each source (`sites[k]` is that of
// `sources[k]`), each once, in the order first given. A source without one (site data from
// before sites were kept) is "a scraped page", the words canonical.hpp's source_site uses.
std::vector<std::string> reader_sources(const json& v) {
  const auto sources = strings(v, "sources"), sites = strings(v, "sites");
  std::vector<std::string> out;
  for (std::size_t k = 0; k < std::max(sources.size(), sites.size()); ++k) {
    std::string site = k < sites.size() && !sites[k].empty() ? sites[k] : "a scraped page";
    if (std::find(out.begin(), out.end(), site) == out.end()) out.push_back(std::move(site));
  }
  return out;
}

}  // namespace

Data conflict_values(const json& conflict, SourcesFor who) {
  const std::string field = str(conflict, "field");
  Data values(Data::type::list);
  if (!conflict.contains("values") || !conflict["values"].is_array()) return values;
  for (auto& v : conflict["values"]) {
    Data item;
    item.set("value", value_text(field, v.contains("value") ? v["value"] : json()));
    item.set("sources", joined(who == SourcesFor::readers ? reader_sources(v) : strings(v, "sources")));
    values.push_back(item);
  }
  return values;
}

}  // namespace tv::site
