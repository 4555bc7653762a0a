#include "stages/site/site.hpp"

#include <functional>

#include "stages/common/parallel.hpp"
#include "stages/ingest/content_hash.hpp"
#include "stages/site/pages.hpp"

namespace tv::site {
namespace {

// One page to make: where it goes, its template, what it is made from (a fingerprint; ""
// for pages that are always rendered) and how to build its data.
struct Job {
  std::string path, tmpl;
  std::function<std::string()> fingerprint;
  std::function<Data()> data;
  Templates::Shared shared;  // besides "site" and "nav": the tool cards the page shows
};

std::string sep(const std::string& s) { return std::to_string(s.size()) + ':' + s; }

}  // namespace

const std::vector<std::string>& required_templates() {
  static const std::vector<std::string> names{"comparison", "tool", "home", "category", "report", "redirect", "feed", "sitemap",
                                          "notice"};
  return names;
}

Rendered render_site(const json& doc, const Templates& t, const RenderOptions& options) {
  Index ix = build_index(doc);
  {
    std::vector<std::string> apps(ix.tools.size());
    parallel_for(ix.tools.size(), options.jobs, [&](std::size_t i) { apps[i] = application_jsonld(ix, *ix.tools[i]); });
    for (std::size_t i = 0; i < ix.tools.size(); ++i) ix.app_jsonld[str(*ix.tools[i], "slug")] = std::move(apps[i]);
    std::vector<Data> cards(ix.tools.size());
    parallel_for(ix.tools.size(), options.jobs, [&](std::size_t i) { cards[i] = card_data(*ix.tools[i]); });
    for (std::size_t i = 0; i < ix.tools.size(); ++i) ix.cards[str(*ix.tools[i], "slug")] = std::move(cards[i]);
  }
  auto card = [&ix](const std::string& slug) { return &ix.cards.at(slug); };

  // What every page depends on: the templates, the site settings but the date, the panel,
  // the categories in the navigation.
  std::string global = t.fingerprint() + sep(ix.title) + sep(ix.base_url) + sep(ix.subscribe_url) +
                       std::to_string(ix.per_page);
  for (auto& r : ix.reviewers) global += sep(r.id) + sep(r.name) + sep(r.role);
  for (auto& c : ix.categories) global += sep(c.name) + sep(c.slug);
  global = ingest::sha256_hex(global);

  std::unordered_map<std::string, std::string> tool_fp;  // slug -> SHA-256 of the tool's data
  {
    std::vector<std::string> fps(ix.tools.size());
    parallel_for(ix.tools.size(), options.jobs, [&](std::size_t i) { fps[i] = ingest::sha256_hex(ix.tools[i]->dump()); });
    for (std::size_t i = 0; i < ix.tools.size(); ++i) tool_fp[str(*ix.tools[i], "slug")] = std::move(fps[i]);
  }
  auto comparison_fp = [&](const json& c) {
    return ingest::sha256_hex(global + c.dump() + tool_fp.at(str(c, "a")) + tool_fp.at(str(c, "b")));
  };

  std::vector<Job> jobs;
  for (auto* c : ix.comparisons)
    jobs.push_back({url_to_file(compare_url(str(*c, "slug"))), "comparison", [&, c] { return comparison_fp(*c); },
                    [&ix, c] { return comparison_page(ix, *c); },
                    {{"a", card(str(*c, "a"))}, {"b", card(str(*c, "b"))}}});
  if (!options.comparisons_only) {
    for (auto* tool : ix.tools) {
      const std::string slug = str(*tool, "slug");
      jobs.push_back({url_to_file(tool_url(slug)), "tool",
                      [&, slug] {
                        std::string in = global + tool_fp.at(slug);
                        if (auto it = ix.comparisons_of.find(slug); it != ix.comparisons_of.end())
                          for (auto* c : it->second) {
                            const auto& other = str(*c, "a") == slug ? str(*c, "b") : str(*c, "a");
                            in += c->dump() + sep(str(*ix.tool_by_slug.at(other), "name"));
                          }
                        return ingest::sha256_hex(in);
                      },
                      [&ix, tool] { return tool_page(ix, *tool); },
                      {{"tool", card(slug)}}});
      if (auto r = tool->find("redirects_from"); r != tool->end() && r->is_array())
        for (auto& old : *r) {
          if (!old.is_string() || old.get<std::string>().empty() || ix.tool_by_slug.count(old.get<std::string>())) continue;
          std::string from = old.get<std::string>();
          jobs.push_back({url_to_file(tool_url(from)), "redirect",
                          [&, tool, from] { return ingest::sha256_hex(global + sep(from) + sep(str(*tool, "slug")) + sep(str(*tool, "name"))); },
                          [&ix, tool, from] { return redirect_page(ix, from, *tool); },
                          {}});
        }
    }
    for (auto& c : ix.categories) {
      std::size_t pages = std::max<std::size_t>(1, (c.comparisons.size() + ix.per_page - 1) / ix.per_page);
      for (std::size_t p = 1; p <= pages; ++p)
        jobs.push_back({url_to_file(category_url(c, p)), "category",
                        [&, p, pages, cat = &c] {
                          std::string in = global + sep(cat->name) + std::to_string(p) + '/' + std::to_string(pages);
                          for (std::size_t i = (p - 1) * ix.per_page; i < std::min(cat->comparisons.size(), p * ix.per_page); ++i)
                            in += comparison_fp(*cat->comparisons[i]);
                          if (p == 1)
                            for (auto* tool : cat->tools) in += tool_fp.at(str(*tool, "slug"));
                          return ingest::sha256_hex(in);
                        },
                        [&ix, &c, p, pages] { return category_page(ix, c, p, pages); },
                        {}});
    }
    auto always = [] { return std::string(); };
    jobs.push_back({"index.html", "home", always, [&ix] { return home_page(ix); }, {}});
    jobs.push_back({"report/index.html", "report", always, [&ix] { return report_page(ix); }, {}});
    jobs.push_back({url_to_file(kCheckInboxUrl), "notice", always,
                    [&ix] { return notice_page(ix, check_inbox_notice()); }, {}});
    jobs.push_back({"feed.xml", "feed", always, [&ix] { return feed_data(ix); }, {}});
    jobs.push_back({"sitemap.xml", "sitemap", always, [&ix] { return sitemap_data(ix); }, {}});
  }

  Rendered out;
  out.files.resize(jobs.size());
  std::vector<std::string> fps(jobs.size());
  parallel_for(jobs.size(), options.jobs, [&](std::size_t i) {
    auto& job = jobs[i];
    fps[i] = job.fingerprint();
    if (options.previous && !fps[i].empty()) {
      auto it = options.previous->find(job.path);
      if (it != options.previous->end() && it->second == fps[i]) {
        out.files[i] = File{job.path, "", true};
        return;
      }
    }
    Templates::Shared shared{{"site", &ix.site}, {"nav", &ix.nav}};
    shared.insert(shared.end(), job.shared.begin(), job.shared.end());
    out.files[i] = File{job.path, t.render(job.tmpl, job.data(), shared), false};
  });
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (!fps[i].empty()) out.fingerprints[jobs[i].path] = fps[i];
    out.reused += out.files[i].reuse;
  }
  for (auto& [name, bytes] : t.assets()) out.files.push_back({name, bytes, false});
  if (!options.comparisons_only)
    out.files.push_back({"robots.txt", "User-agent: *\nDisallow: /report/\n\nSitemap: " + ix.base_url + "/sitemap.xml\n", false});
  return out;
}

}  // namespace tv::site
