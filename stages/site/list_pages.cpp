// The pages that list comparisons (home, categories), the Atom feed, the sitemap, and the
// redirect left at the URL of a tool that was merged into another.
#include "stages/site/pages.hpp"

namespace tv::site {
namespace {

constexpr std::size_t kHomeLatest = 12;
constexpr std::size_t kFeedEntries = 50;

Data comparison_item(const Index& ix, const json& c) {
  const json& a = *ix.tool_by_slug.at(str(c, "a"));
  const json& b = *ix.tool_by_slug.at(str(c, "b"));
  Data d;
  d.set("title", str(a, "name") + " vs " + str(b, "name"));
  d.set("url", compare_url(str(c, "slug")));
  d.set("absolute_url", ix.base_url + compare_url(str(c, "slug")));
  d.set("date", str(c, "published_on"));
  d.set("category", str(c, "category").empty() ? "Uncategorised" : str(c, "category"));
  d.set("a", card_data(a));
  d.set("b", card_data(b));
  auto pa = panel_tally(a), pb = panel_tally(b);
  d.set("summary", str(a, "name") + ": " + (pa.any() ? std::to_string(pa.ship) + " of " + std::to_string(pa.total) + " panel ship" : "not reviewed") +
                       ". " + str(b, "name") + ": " +
                       (pb.any() ? std::to_string(pb.ship) + " of " + std::to_string(pb.total) + " panel ship" : "not reviewed") + ".");
  return d;
}

Data comparison_list(const Index& ix, const std::vector<const json*>& list, std::size_t from, std::size_t to) {
  Data out(Data::type::list);
  for (std::size_t i = from; i < std::min(to, list.size()); ++i) out.push_back(comparison_item(ix, *list[i]));
  return out;
}

}  // namespace

Data home_page(const Index& ix) {
  Data d;
  d.set("page", page_meta(ix, "Head-to-head AI tool verdicts",
                          "AI tools compared head to head: a panel verdict, a pricing read, the reviewer split and the community vote.",
                          "/", false, ""));
  Data latest = comparison_list(ix, ix.comparisons, 0, kHomeLatest);
  d.set("has_comparisons", !latest.is_empty_list());
  d.set("comparisons", latest);
  Data categories(Data::type::list);
  for (auto& c : ix.categories) {
    Data item;
    item.set("name", c.name);
    item.set("url", category_url(c, 1));
    item.set("counts", std::to_string(c.tools.size()) + (c.tools.size() == 1 ? " tool, " : " tools, ") +
                           std::to_string(c.comparisons.size()) + (c.comparisons.size() == 1 ? " comparison" : " comparisons"));
    categories.push_back(item);
  }
  d.set("categories", categories);
  return d;
}

Data category_page(const Index& ix, const Category& c, std::size_t page, std::size_t pages) {
  Data d;
  std::string title = c.name + (page > 1 ? " (page " + std::to_string(page) + ")" : "");
  d.set("page", page_meta(ix, title, c.name + ": AI tools compared head to head.", category_url(c, page), false, ""));
  d.set("name", c.name);
  d.set("first_page", page == 1);
  Data tools(Data::type::list);
  for (auto* t : c.tools) {
    Data item;
    item.set("name", str(*t, "name"));
    item.set("url", tool_url(str(*t, "slug")));
    item.set("tagline", str(*t, "tagline"));
    tools.push_back(item);
  }
  d.set("tools", tools);
  Data list = comparison_list(ix, c.comparisons, (page - 1) * ix.per_page, page * ix.per_page);
  d.set("has_comparisons", !list.is_empty_list());
  d.set("comparisons", list);
  d.set("paginated", pages > 1);
  d.set("page_of", "Page " + std::to_string(page) + " of " + std::to_string(pages));
  d.set("has_prev", page > 1);
  d.set("prev_url", page > 1 ? category_url(c, page - 1) : "");
  d.set("has_next", page < pages);
  d.set("next_url", page < pages ? category_url(c, page + 1) : "");
  return d;
}

Data redirect_page(const Index& ix, const std::string& from_slug, const json& to) {
  Data d;
  d.set("page", page_meta(ix, str(to, "name"), str(to, "name") + " has moved.", tool_url(str(to, "slug")), true, ""));
  d.set("name", str(to, "name"));
  d.set("url", tool_url(str(to, "slug")));
  d.set("old_url", tool_url(from_slug));
  return d;
}

Data feed_data(const Index& ix) {
  Data d;
  d.set("feed_url", ix.base_url + "/feed.xml");
  d.set("home_url", ix.base_url + "/");
  // The feed's date is its newest entry's, so a rerun with nothing new writes the same bytes.
  std::string updated = ix.comparisons.empty() ? ix.today : str(*ix.comparisons.front(), "published_on");
  d.set("updated", (updated.empty() ? std::string("1970-01-01") : updated) + "T00:00:00Z");
  Data entries = comparison_list(ix, ix.comparisons, 0, kFeedEntries);
  d.set("entries", entries);
  return d;
}

Data sitemap_data(const Index& ix) {
  Data d;
  Data urls(Data::type::list);
  auto add = [&](const std::string& url, const std::string& lastmod) {
    Data u;
    u.set("loc", ix.base_url + url);
    u.set("has_lastmod", !lastmod.empty());
    u.set("lastmod", lastmod);
    urls.push_back(u);
  };
  add("/", ix.comparisons.empty() ? "" : str(*ix.comparisons.front(), "published_on"));
  for (auto& c : ix.categories) {
    std::size_t pages = std::max<std::size_t>(1, (c.comparisons.size() + ix.per_page - 1) / ix.per_page);
    for (std::size_t p = 1; p <= pages; ++p) add(category_url(c, p), "");
  }
  for (auto* t : ix.tools) add(tool_url(str(*t, "slug")), "");
  for (auto* c : ix.comparisons) add(compare_url(str(*c, "slug")), str(*c, "published_on"));
  d.set("urls", urls);
  return d;
}

}  // namespace tv::site
