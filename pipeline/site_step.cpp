#include "pipeline/site_step.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>

#include "stages/ingest/content_hash.hpp"
#include "stages/site/links.hpp"
#include "stages/site/publish.hpp"
#include "stages/site/site.hpp"

namespace fs = std::filesystem;

namespace tv {
namespace {

double since(std::chrono::steady_clock::time_point& t) {
  auto now = std::chrono::steady_clock::now();
  double s = std::chrono::duration<double>(now - t).count();
  t = now;
  return s;
}

// Last publish's fingerprints, kept beside the site in <outbox>/.site-manifest.json with the
// generation they describe: `input`, of the whole site data and templates (equal: nothing
// to do at all), and `pages`, one per page (stages/site/site.hpp: equal pages are not
// rendered again). A manifest for another generation than the one published (a crash
// between publishing and writing it, a site changed by hand) is ignored: every page is
// rendered and compared.
struct Manifest {
  std::string input;
  site::Fingerprints pages;
};

fs::path manifest_path(const Config& cfg) { return cfg.paths.outbox / ".site-manifest.json"; }

std::optional<Manifest> read_manifest(const Config& cfg) {
  auto current = site::current_generation(cfg.paths.outbox);
  if (current.empty()) return std::nullopt;
  std::ifstream in(manifest_path(cfg), std::ios::binary);
  if (!in) return std::nullopt;
  auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("generation", "") != current.filename().string() ||
      !doc.contains("pages") || !doc["pages"].is_object())
    return std::nullopt;
  Manifest m;
  m.input = doc.value("input", "");
  for (auto& [path, fp] : doc["pages"].items())
    if (fp.is_string()) m.pages[path] = fp.get<std::string>();
  return m;
}

void write_manifest(const Config& cfg, const fs::path& generation, const Manifest& m) {
  nlohmann::json doc = {{"generation", generation.filename().string()}, {"input", m.input}, {"pages", m.pages}};
  auto tmp = manifest_path(cfg);
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << doc.dump() << "\n";
    if (!out.flush()) throw fs::filesystem_error("cannot write the site manifest", tmp, std::make_error_code(std::errc::io_error));
  }
  fs::rename(tmp, manifest_path(cfg));
}

}  // namespace

site::Templates load_templates(const Config& cfg) {
  return site::Templates::load(cfg.paths.templates, site::required_templates());
}

std::string input_fingerprint(const site::Templates& templates, SiteScope scope, std::string_view data_json) {
  return ingest::sha256_hex(templates.fingerprint() + (scope == SiteScope::whole ? "whole\n" : "comparisons\n") +
                            std::string(data_json));
}

bool is_published(const Config& cfg, const std::string& input) {
  auto m = read_manifest(cfg);
  return m && !input.empty() && m->input == input;
}

SiteStats publish_site(const Config& cfg, const site::Templates& templates, const nlohmann::json& doc,
                       SiteScope scope, std::string input) {
  SiteStats st;
  auto t = std::chrono::steady_clock::now();
  auto previous = read_manifest(cfg);
  if (input.empty())
    input = input_fingerprint(templates, scope, doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  if (previous && previous->input == input) {
    st.files = st.unchanged = st.reused = previous->pages.size();
    st.render_s = since(t);
    spdlog::info("site: nothing it is made from changed since the last publish; {} kept as it is",
                 site::current_generation(cfg.paths.outbox).string());
    return st;
  }
  site::Rendered rendered;
  try {
    rendered = site::render_site(doc, templates, {unsigned(std::max(0, cfg.run.jobs)), scope == SiteScope::comparisons_only, previous ? &previous->pages : nullptr});
  } catch (const site::TemplateError& e) {
    throw SiteError(std::string("the site was not rendered: ") + e.what());
  } catch (const std::invalid_argument& e) {
    throw SiteError(std::string("the site was not rendered: ") + e.what());
  }
  auto& files = rendered.files;
  st.files = files.size();
  st.render_s = since(t);
  std::vector<site::BrokenLink> broken;
  if (scope == SiteScope::whole) broken = site::check_links(files, cfg.site.base_url);
  st.check_s = since(t);
  if (!broken.empty()) {
    std::string list;
    for (std::size_t i = 0; i < broken.size() && i < 20; ++i)
      list += "\n  " + broken[i].page + ": " + broken[i].link + ": " + broken[i].why;
    if (broken.size() > 20) list += "\n  and " + std::to_string(broken.size() - 20) + " more";
    throw SiteError(std::to_string(broken.size()) + " broken internal link(s); nothing was published:" + list);
  }
  auto pub = site::publish(files, cfg.paths.outbox);
  write_manifest(cfg, pub.generation, {input, std::move(rendered.fingerprints)});
  st.publish_s = since(t);
  st.changed = pub.changed;
  st.written = pub.written;
  st.unchanged = pub.changed ? pub.linked : st.files;
  st.removed = pub.removed;
  st.reused = rendered.reused;
  spdlog::info("site: {} file(s) ({} unchanged since the last render) rendered in {:.2f} s, links checked in {:.2f} s; {} ({} written, {} unchanged, {} removed) in {:.2f} s",
               st.files, st.reused, st.render_s, st.check_s, pub.changed ? "published" : "nothing changed", st.written,
               st.unchanged, st.removed, st.publish_s);
  return st;
}

}  // namespace tv
