// site_bench DATA.json OUT_DIR [--jobs N] [--all]: renders the comparison pages of a site-data
// file (docs/site-data.md) with the shipped templates and publishes them to OUT_DIR/site by
// the nightly run's own site step (pipeline/site_step: render, skipping pages whose inputs
// did not change since OUT_DIR's last publish, then the atomic publish). Prints one line of
// timings. Run it twice on the same OUT_DIR to measure a rerun with nothing new. --all
// renders the whole site (tool, category and list pages too) and checks its links.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/site_step.hpp"
#include "stages/site/site.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: site_bench DATA.json OUT_DIR [--jobs N] [--all]\n");
    return 64;
  }
  tv::Config cfg;
  cfg.paths.outbox = argv[2];
  cfg.paths.templates = std::string(TV_REPO_DIR) + "/templates";
  auto scope = tv::SiteScope::comparisons_only;
  for (int i = 3; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--jobs") && i + 1 < argc) cfg.run.jobs = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--all")) scope = tv::SiteScope::whole;
  }
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "site_bench: cannot read %s\n", argv[1]);
    return 66;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto templates = tv::load_templates(cfg);
  // As a nightly run would: when the data and templates are what the published site was
  // made from, there is nothing to parse, render or publish.
  const std::string input = tv::input_fingerprint(templates, scope, bytes);
  auto s = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  if (tv::is_published(cfg, input)) {
    std::printf("site_bench: nothing changed: the site was published from this data; total %.3f s\n", s(t0, clock::now()));
    return 0;
  }
  nlohmann::json doc = nlohmann::json::parse(bytes);
  cfg.site.base_url = doc["site"].value("base_url", cfg.site.base_url);
  auto t1 = clock::now();
  auto st = tv::publish_site(cfg, templates, doc, scope, input);
  auto t2 = clock::now();
  std::printf("site_bench: %zu files (%zu not rendered again); load %.3f s, render %.3f s, links %.3f s, "
              "publish %.3f s, total %.3f s; %s (%zu written, %zu unchanged, %zu removed)\n",
              st.files, st.reused, s(t0, t1), st.render_s, st.check_s, st.publish_s, s(t0, t2),
              st.changed ? "changed" : "nothing changed", st.written, st.unchanged, st.removed);
  return 0;
}
