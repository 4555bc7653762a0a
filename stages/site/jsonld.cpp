// schema.org JSON-LD: a SoftwareApplication per tool, the panel's quotes as editorial
// Reviews by the named reviewers. The panel's ship share is deliberately not published as an
// AggregateRating: it is four editors' verdicts, not users' ratings.
#include "stages/site/escape.hpp"
#include "stages/site/pages.hpp"

namespace tv::site {
namespace {

json application(const Index& ix, const json& tool) {
  json app{{"@type", "SoftwareApplication"},
           {"name", str(tool, "name")},
           {"url", ix.base_url + tool_url(str(tool, "slug"))}};
  if (auto v = str(tool, "category"); !v.empty()) app["applicationCategory"] = v;
  if (auto v = str(tool, "description"); !v.empty()) app["description"] = v;
  if (auto v = str(tool, "vendor"); !v.empty()) app["author"] = {{"@type", "Organization"}, {"name", v}};
  if (auto it = tool.find("license"); it != tool.end() && it->is_object()) {
    if (auto spdx = str(*it, "spdx"); !spdx.empty()) app["license"] = "https://spdx.org/licenses/" + spdx + ".html";
  }
  if (auto it = tool.find("price"); it != tool.end() && it->is_object() && str(*it, "tier") == "free")
    app["offers"] = {{"@type", "Offer"}, {"price", "0"}, {"priceCurrency", "USD"}};
  if (auto home = safe_external_url(str(tool, "homepage")); !home.empty()) app["sameAs"] = home;
  json reviews = json::array();
  if (auto it = tool.find("reviews"); it != tool.end() && it->is_array())
    for (auto& r : *it) {
      std::string who = str(r, "reviewer");
      for (auto& rv : ix.reviewers)
        if (rv.id == who) who = rv.name;
      json review{{"@type", "Review"},
                  {"author", {{"@type", "Person"}, {"name", who}}},
                  {"publisher", {{"@type", "Organization"}, {"name", ix.title}}},
                  {"name", str(r, "verdict") == "ship" ? "Ship" : "Skip"},
                  {"reviewBody", str(r, "quote")}};
      if (auto d = str(r, "date"); !d.empty()) review["datePublished"] = d;
      reviews.push_back(std::move(review));
    }
  if (!reviews.empty()) app["review"] = std::move(reviews);
  return app;
}

std::string dumped(const json& j) { return json_for_script(j.dump(-1, ' ', false, json::error_handler_t::replace)); }

}  // namespace

std::string application_jsonld(const Index& ix, const json& tool) { return dumped(application(ix, tool)); }

// A tool's SoftwareApplication, made once per render (Index::app_jsonld) when it can be:
// a tool appears in many comparisons, and serialising it was a fifth of the render time.
static std::string app_of(const Index& ix, const json& tool) {
  if (auto it = ix.app_jsonld.find(str(tool, "slug")); it != ix.app_jsonld.end()) return it->second;
  return application_jsonld(ix, tool);
}

std::string tool_jsonld(const Index& ix, const json& tool, bool with_context) {
  std::string app = app_of(ix, tool);
  // nlohmann writes keys sorted, so "@context" (sorting first) goes at the front.
  return with_context ? R"({"@context":"https://schema.org",)" + app.substr(1) : app;
}

std::string comparison_jsonld(const Index& ix, const json& c, const json& a, const json& b) {
  std::string out = R"({"@context":"https://schema.org","@type":"WebPage","about":[)" + app_of(ix, a) + "," +
                    app_of(ix, b) + "]";
  if (auto d = str(c, "published_on"); !d.empty()) out += R"(,"datePublished":)" + dumped(d);
  out += R"(,"name":)" + dumped(str(a, "name") + " vs " + str(b, "name"));
  out += R"(,"url":)" + dumped(ix.base_url + compare_url(str(c, "slug"))) + "}";
  return out;
}

}  // namespace tv::site
