#include "stages/extract/jsonld.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <string>

#include "stages/normalise/fields/text.hpp"

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

// Objects by "@id", so {"@id": "...#organization"} references resolve within a document.
using Index = std::map<std::string, const json*>;

Index index_ids(const std::vector<const json*>& all) {
  Index ids;
  for (const json* o : all)
    if (auto id = o->find("@id"); id != o->end() && id->is_string() && o->size() > 1)
      ids.emplace(id->get<std::string>(), o);
  return ids;
}

// A string, or the "name" of an object (following an @id reference once), or the first of
// an array of those. An unresolved reference is an IRI, not a name: "".
std::string text_of(const json& v, const Index& ids) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  if (v.is_object()) {
    if (auto n = v.find("name"); n != v.end() && n->is_string()) return n->get<std::string>();
    if (auto id = v.find("@id"); id != v.end() && id->is_string())
      if (auto it = ids.find(id->get<std::string>()); it != ids.end())
        if (auto n = it->second->find("name"); n != it->second->end() && n->is_string()) return n->get<std::string>();
  }
  if (v.is_array())
    for (const auto& e : v)
      if (!e.is_array())
        if (auto s = text_of(e, ids); !s.empty()) return s;
  return {};
}

struct Reader {
  PageFacts& facts;
  const Index& ids;
  std::string type;

  void add(std::vector<Fact>& to, const json& node, const char* key) const {
    auto it = node.find(key);
    if (it == node.end()) return;
    // JSON-LD is raw script text: the HTML parser decoded no entities in it.
    auto s = fields::decode_entities(text_of(*it, ids));
    if (!s.empty()) to.push_back({std::move(s), "json-ld " + type + "." + key});
  }
};

// offers: an Offer, an AggregateOffer or an array of them. "0" means free.
void add_offers(PageFacts& f, const json& node, const std::string& type, const Index& ids) {
  auto it = node.find("offers");
  if (it == node.end()) return;
  const json* offer = &*it;
  if (offer->is_array()) {
    if (offer->empty()) return;
    offer = &(*offer)[0];
  }
  if (!offer->is_object()) return;
  // An offer's own words ("Free plan; Pro $16.99/month") say the tier and period its bare
  // number does not: believed first.
  if (auto d = offer->find("description"); d != offer->end())
    if (auto text = fields::decode_entities(text_of(*d, ids)); !text.empty())
      f.price.push_back({std::move(text), "json-ld " + type + ".offers.description"});
  std::string price;
  for (const char* k : {"price", "lowPrice"})
    if (auto p = offer->find(k); p != offer->end() && price.empty()) price = text_of(*p, ids);
  if (price.empty()) return;
  std::string currency;
  if (auto c = offer->find("priceCurrency"); c != offer->end()) currency = text_of(*c, ids);
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
  // A company's blog post names its publisher; a newspaper's article (NewsArticle, Article)
  // names the newspaper, never the tool's maker.
  static constexpr std::array<std::string_view, 2> kArticles{"BlogPosting", "TechArticle"};
  bool found = false;
  for (auto block : blocks) {
    if (found) break;
    if (nesting(block) > kMaxDepth) continue;
    json doc = json::parse(block, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (doc.is_discarded()) continue;
    auto all = objects(doc);
    auto ids = index_ids(all);
    for (auto type : kArticles)
      for (const json* node : all)
        if (has_type(*node, type)) Reader{facts, ids, std::string(type)}.add(facts.publisher, *node, "publisher");
    for (auto type : kSoftware) {
      if (found) break;
      for (const json* node : all) {
        if (!has_type(*node, type)) continue;
        Reader r{facts, ids, std::string(type)};
        r.add(facts.name, *node, "name");
        r.add(facts.description, *node, "description");
        for (const char* k : {"slogan", "alternativeHeadline"}) r.add(facts.tagline, *node, k);
        for (const char* k : {"author", "creator", "brand", "manufacturer", "publisher", "provider"})
          r.add(facts.vendor, *node, k);
        for (const char* k : {"applicationCategory", "category"}) r.add(facts.category, *node, k);
        r.add(facts.kind, *node, "applicationSubCategory");
        r.add(facts.license, *node, "license");
        r.add(facts.url, *node, "url");
        r.add(facts.homepage, *node, "url");
        add_offers(facts, *node, r.type, ids);
        found = true;  // the first software node of the best type describes the page's tool
        break;
      }
    }
  }
}

}  // namespace tv::extract
