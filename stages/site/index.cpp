// The read-only index every page builder shares: tools by slug, comparisons by tool and by
// category, newest first, and the data set into every page.
#include <algorithm>
#include <stdexcept>

#include "stages/dedupe/canonical.hpp"
#include "stages/site/pages.hpp"

namespace tv::site {

std::string tool_url(const std::string& slug) { return "/tools/" + slug + "/"; }
std::string compare_url(const std::string& slug) { return "/compare/" + slug + "/"; }
std::string category_url(const Category& c, std::size_t page) {
  return "/category/" + c.slug + "/" + (page > 1 ? "page/" + std::to_string(page) + "/" : "");
}
std::string url_to_file(const std::string& url) {
  std::string p = url.substr(1);
  return p.empty() || p.back() == '/' ? p + "index.html" : p;
}

Data page_meta(const Index& ix, const std::string& title, const std::string& description,
               const std::string& url, bool noindex, const std::string& jsonld) {
  Data d;
  d.set("title", title);
  d.set("description", description);
  d.set("canonical", ix.base_url + url);
  d.set("noindex", noindex);
  d.set("has_jsonld", !jsonld.empty());
  d.set("jsonld", jsonld);
  return d;
}

namespace {

const json& need(const json& doc, const char* key, json::value_t type) {
  auto it = doc.find(key);
  if (it == doc.end() || it->type() != type)
    throw std::invalid_argument(std::string("site data: \"") + key + "\" is missing or of the wrong type");
  return *it;
}

bool newer(const json* x, const json* y) {
  auto dx = str(*x, "published_on"), dy = str(*y, "published_on");
  return dx != dy ? dx > dy : str(*x, "slug") < str(*y, "slug");
}

}  // namespace

Index build_index(const json& doc) {
  Index ix;
  const json& site = need(doc, "site", json::value_t::object);
  ix.title = str(site, "title");
  ix.base_url = str(site, "base_url");
  ix.today = str(site, "today");
  ix.subscribe_url = str(site, "subscribe_url");
  ix.per_page = std::max<std::size_t>(1, site.value("per_page", std::size_t(20)));
  if (ix.base_url.empty()) throw std::invalid_argument("site data: site.base_url is empty");
  for (auto& r : need(doc, "reviewers", json::value_t::array))
    ix.reviewers.push_back({str(r, "id"), str(r, "name"), str(r, "role")});

  for (auto& t : need(doc, "tools", json::value_t::array)) {
    if (str(t, "slug").empty()) throw std::invalid_argument("site data: a tool without a slug");
    ix.tools.push_back(&t);
    ix.tool_by_slug[str(t, "slug")] = &t;
  }
  std::sort(ix.tools.begin(), ix.tools.end(), [](const json* x, const json* y) {
    auto nx = str(*x, "name"), ny = str(*y, "name");
    return nx != ny ? nx < ny : str(*x, "slug") < str(*y, "slug");
  });

  auto category = [&](const std::string& name) -> Category& {
    std::string shown = name.empty() ? "Uncategorised" : name;
    auto [it, fresh] = ix.category_of.emplace(shown, ix.categories.size());
    if (fresh) {
      auto slug = dedupe::slugify(shown);
      ix.categories.push_back({shown, slug.empty() ? "category-" + std::to_string(it->second + 1) : slug, {}, {}});
    }
    return ix.categories[it->second];
  };
  for (auto* t : ix.tools) category(str(*t, "category")).tools.push_back(t);

  for (auto& c : need(doc, "comparisons", json::value_t::array)) {
    if (!ix.tool_by_slug.count(str(c, "a")) || !ix.tool_by_slug.count(str(c, "b")))
      throw std::invalid_argument("site data: comparison " + str(c, "slug") + " names a tool that is not in the data");
    ix.comparisons.push_back(&c);
  }
  std::sort(ix.comparisons.begin(), ix.comparisons.end(), newer);
  for (auto* c : ix.comparisons) {
    ix.comparisons_of[str(*c, "a")].push_back(c);
    ix.comparisons_of[str(*c, "b")].push_back(c);
    category(str(*c, "category")).comparisons.push_back(c);
  }
  std::sort(ix.categories.begin(), ix.categories.end(), [](auto& x, auto& y) { return x.name < y.name; });
  // Two category names may slugify alike ("AI/ML", "AI ML"): the later ones get a suffix.
  std::map<std::string, int> slugs;
  for (std::size_t i = 0; i < ix.categories.size(); ++i) {
    auto& c = ix.categories[i];
    ix.category_of[c.name] = i;
    if (int n = ++slugs[c.slug]; n > 1) c.slug += "-" + std::to_string(n);
  }
  if (auto it = doc.find("report"); it != doc.end() && it->is_object()) ix.report = &*it;

  ix.site.set("title", ix.title);
  ix.site.set("base_url", ix.base_url);
  ix.site.set("subscribe_url", ix.subscribe_url);
  ix.nav = Data(Data::type::list);
  for (auto& c : ix.categories) {
    Data item;
    item.set("name", c.name);
    item.set("url", category_url(c, 1));
    ix.nav.push_back(item);
  }
  return ix;
}

}  // namespace tv::site
