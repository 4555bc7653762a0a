#include "stages/extract/profiles.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "stages/normalise/fields/text.hpp"

namespace fs = std::filesystem;

namespace tv::extract {
namespace {

constexpr std::array<std::string_view, 10> kFields{
    "name", "vendor", "category", "tagline", "description", "price",
    "license", "parameter_sizes", "kind", "homepage"};

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<Fact>& slot(PageFacts& f, std::string_view field) {
  if (field == "name") return f.name;
  if (field == "vendor") return f.vendor;
  if (field == "category") return f.category;
  if (field == "tagline") return f.tagline;
  if (field == "description") return f.description;
  if (field == "price") return f.price;
  if (field == "license") return f.license;
  if (field == "parameter_sizes") return f.parameter_sizes;
  if (field == "kind") return f.kind;
  return f.homepage;
}

std::string strip_www(std::string h) {
  h = fields::ascii_lower(h);
  if (h.rfind("www.", 0) == 0) h = h.substr(4);
  return h;
}

}  // namespace

void Profile::apply(const pugi::xml_document& doc, PageFacts& facts) const {
  std::vector<std::string_view> filled;
  for (const auto& r : rules) {
    if (std::find(filled.begin(), filled.end(), r.field) != filled.end()) continue;
    std::string v = trim(r.query->evaluate_string(doc));
    if (v.empty()) continue;
    // Profile facts are believed first: insert ahead of anything generic.
    auto& s = slot(facts, r.field);
    s.insert(s.begin(), {std::move(v), "profile " + name + ": " + r.field});
    filled.push_back(r.field);
  }
}

Profile ProfileSet::parse(const std::string& text, const fs::path& file) {
  Profile p;
  p.file = file;
  p.name = file.stem().string();
  std::istringstream in(text);
  std::string line;
  for (int lineno = 1; std::getline(in, line); ++lineno) {
    auto where = file.string() + ":" + std::to_string(lineno);
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto eq = t.find('=');
    if (eq == std::string::npos) throw ProfileError(where + ": expected 'field = XPath', got '" + t + "'");
    std::string key = trim(t.substr(0, eq)), value = trim(t.substr(eq + 1));
    if (key == "hosts") {
      std::istringstream hs(value);
      for (std::string h; hs >> h;) p.hosts.push_back(strip_www(h));
      continue;
    }
    if (std::find(kFields.begin(), kFields.end(), key) == kFields.end())
      throw ProfileError(where + ": unknown field '" + key +
                         "' (fields: name, vendor, category, tagline, description, price, license, "
                         "parameter_sizes, kind, homepage)");
    if (value.empty()) throw ProfileError(where + ": field '" + key + "' has no XPath");
    try {
      auto q = std::make_shared<pugi::xpath_query>(value.c_str());
      p.rules.push_back({key, value, std::move(q)});
    } catch (const pugi::xpath_exception& e) {
      throw ProfileError(where + ": XPath for '" + key + "' does not compile: " + e.what() +
                         " at offset " + std::to_string(e.result().offset) + " in: " + value);
    }
  }
  if (p.hosts.empty()) throw ProfileError(file.string() + ": no 'hosts =' line: say which sites this profile is for");
  return p;
}

ProfileSet ProfileSet::load(const fs::path& dir) {
  ProfileSet set;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return set;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".profile") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw ProfileError(f.string() + ": cannot read profile");
    std::stringstream ss;
    ss << in.rdbuf();
    set.add(parse(ss.str(), f));
  }
  return set;
}

void ProfileSet::add(Profile p) {
  for (const auto& h : p.hosts) {
    if (auto it = by_host_.find(h); it != by_host_.end())
      throw ProfileError(p.file.string() + ": host " + h + " is already claimed by " +
                         profiles_[it->second].file.string());
    by_host_[h] = profiles_.size();
  }
  profiles_.push_back(std::move(p));
}

const Profile* ProfileSet::for_host(const std::string& host) const {
  auto it = by_host_.find(strip_www(host));
  return it == by_host_.end() ? nullptr : &profiles_[it->second];
}

}  // namespace tv::extract
