#include "stages/extract/jsonld.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <string>

namespace tv::extract {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 64;

// The deepest bracket nesting in a JSON text, ignoring strings. Checked before parsing so a
// hostile block cannot make the parser or our walk work through a million levels.
int nesting(std::string_view s) {
  int depth = 0, max = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max = std::max(max, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max;
}

bool has_type(const json& node, std::string_view type) {
  auto it = node.find("@type");
  if (it == node.end()) return false;
  auto matches = [&](const json& t) {
    if (!t.is_string()) return false;
    auto s = t.get_ref<const std::string&>();
    // "schema:Product", "http://schema.org/Product" and "Product" are one type.
    auto slash = s.find_last_of("/:");
    return (slash == std::string::npos ? s : s.substr(slash + 1)) == type;
  };
  if (it->is_array()) {
    for (const auto& t : *it)
      if (matches(t)) return true;
    return false;
  }
  return matches(*it);
}

// Collects every object in the document, breadth first, with an explicit queue.
std::vector<const json*> objects(const json& root) {
  std::vector<const json*> out, queue{&root};
  for (std::size_t i = 0; i < queue.size() && queue.size() < 10000; ++i) {
    const json& n = *queue[i];
    if (n.is_object()) {
      out.push_back(&n);
      for (const auto& [k, v] : n.items())
        if (v.is_object() || v.is_array()) queue.push_back(&v);
    } else if (n.is_array()) {
      for (const auto& v : n)
        if (v.is_object() || v.is_array()) queue.push_back(&v);
    }
  }
  return out;
}

// A string, or the "name" of an object, or the first of an array of those.
std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  if (v.is_object()) {
    if (auto n = v.find("name"); n != v.end() && n->is_string()) return n->get<std::string>();
    if (auto n = v.find("@id"); n != v.end() && n->is_string()) return n->get<std::string>();
  }
  if (v.is_array())
    for (const auto& e : v)
      if (auto s = text_of(e); !s.empty()) return s;
  return {};
}

void add(std::vector<Fact>& to, const json& node, const char* key, const std::string& type) {
  auto it = node.find(key);
  if (it == node.end()) return;
  auto s = text_of(*it);
  if (!s.empty()) to.push_back({std::move(s), "json-ld " + type + "." + key});
}

// offers: an Offer, an AggregateOffer or an array of them. "0" means free.
void add_offers(PageFacts& f, const json& node, const std::string& type) {
  auto it = node.find("offers");
  if (it == node.end()) return;
  const json* offer = &*it;
  if (offer->is_array()) {
    if (offer->empty()) return;
    offer = &(*offer)[0];
  }
  if (!offer->is_object()) return;
  std::string price;
  for (const char* k : {"price", "lowPrice"})
    if (auto p = offer->find(k); p != offer->end() && price.empty()) price = text_of(*p);
  if (price.empty()) return;
  std::string currency;
  if (auto c = offer->find("priceCurrency"); c != offer->end()) currency = text_of(*c);
  std::string text = price;
  try {
    if (std::stod(price) == 0.0) text = "Free";
    else if (!currency.empty()) text = currency + " " + price;
  } catch (...) {
    // Not a number: keep the text as written; the price parser decides.
  }
  f.price.push_back({text, "json-ld " + type + ".offers"});
}

}  // namespace

void read_jsonld(const std::vector<std::string_view>& blocks, PageFacts& facts) {
  static constexpr std::array<std::string_view, 5> kSoftware{
      "SoftwareApplication", "WebApplication", "MobileApplication", "SoftwareSourceCode", "Product"};
  for (auto block : blocks) {
    if (nesting(block) > kMaxDepth) continue;
    json doc = json::parse(block, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (doc.is_discarded()) continue;
    auto all = objects(doc);
    for (auto type : kSoftware) {
      for (const json* node : all) {
        if (!has_type(*node, type)) continue;
        std::string t(type);
        add(facts.name, *node, "name", t);
        add(facts.description, *node, "description", t);
        for (const char* k : {"slogan", "alternativeHeadline"}) add(facts.tagline, *node, k, t);
        for (const char* k : {"author", "creator", "brand", "manufacturer", "publisher", "provider"})
          add(facts.vendor, *node, k, t);
        for (const char* k : {"applicationCategory", "category"}) add(facts.category, *node, k, t);
        add(facts.kind, *node, "applicationSubCategory", t);
        add(facts.license, *node, "license", t);
        add(facts.url, *node, "url", t);
        add(facts.homepage, *node, "url", t);
        add_offers(facts, *node, t);
        return;  // the first software node of the best type describes the page's tool
      }
    }
  }
}

}  // namespace tv::extract
