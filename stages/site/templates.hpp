// Templates: the site's page templates (kainjow mustache), loaded from files and checked
// before anything is rendered.
//
// A template folder holds `<page>.mustache` files (pages, the feed, the sitemap), a
// `partials/` folder of `<name>.mustache` files used as {{> name}}, and static assets
// (`*.css`, copied as they are). load() parses every file and fails at start-up with a
// TemplateError naming the file and line of the first syntax error, a partial that does not
// exist, or a missing page the site needs; nothing is rendered or written before that.
//
// render() is strict: a variable, section or partial the data does not hold is an error
// naming the template and every missing name, never an empty string (the page builders set
// every key, using false or "" on purpose). `{{x}}` escapes with site::html (also fit for
// XML); `{{{x}}}` is for values the page builders made safe themselves (JSON-LD). render()
// may be called from many threads at once.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

namespace tv::site {

struct TemplateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Data = kainjow::mustache::data;

class Templates {
 public:
  // `required` names the pages the caller will render ("comparison", "tool", ...).
  static Templates load(const std::filesystem::path& dir, const std::vector<std::string>& required);

  // Objects many pages share (the navigation, a tool's card), looked up by name after the
  // page's own data, so they are not copied into every page.
  using Shared = std::vector<std::pair<std::string, const Data*>>;

  // Renders page `name` with `data` (and `shared`). Throws TemplateError on a missing name or
  // a render error.
  std::string render(const std::string& name, const Data& data, const Shared& shared = {}) const;

  // Static assets by file name ("style.css" -> its bytes).
  const std::map<std::string, std::string>& assets() const { return assets_; }

  // SHA-256 of every template, partial and asset: changes when any of them does.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::map<std::string, std::string> pages_;     // name -> source
  std::map<std::string, std::string> partials_;  // name -> source
  std::map<std::string, std::string> expanded_;  // page name -> source with its partials inlined
  std::map<std::string, std::string> files_;     // name -> file shown in messages
  std::map<std::string, std::string> assets_;
  std::string fingerprint_;
  std::uint64_t id_ = 0;                         // tells per-thread caches apart
};

}  // namespace tv::site
