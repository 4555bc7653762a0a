#include "stages/extract/generic.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "stages/extract/body_facts.hpp"
#include "stages/extract/jsonld.hpp"
#include "stages/extract/name_vote.hpp"
#include "stages/extract/title.hpp"
#include "stages/normalise/fields/text.hpp"
#include "stages/normalise/fields/url.hpp"
#include "stages/normalise/fields/vendor.hpp"
#include "stages/normalise/fields/vendor_table.hpp"

namespace tv::extract {
namespace {

// One pass over the document for every element the generic rules read; the rest is
// dispatch in C++. One traversal instead of one per rule keeps extraction cheap next to
// the HTML parse itself.
const pugi::xpath_query& interesting() {
  static const pugi::xpath_query q(
      "//meta | //link[@rel] | //script[@type] | //title | //h1");
  return q;
}

std::string lower(std::string_view s) { return fields::ascii_lower(s); }

// The text content of an element, with an explicit stack (no recursion on deep trees).
std::string text_content(pugi::xml_node n) {
  std::string out;
  pugi::xml_node cur = n.first_child();
  while (cur && cur != n) {
    if (cur.type() == pugi::node_pcdata || cur.type() == pugi::node_cdata) out += cur.value();
    if (cur.first_child() && cur.type() == pugi::node_element &&
        std::string_view(cur.name()) != "script" && std::string_view(cur.name()) != "style") {
      cur = cur.first_child();
      continue;
    }
    while (cur != n && !cur.next_sibling()) cur = cur.parent();
    if (cur == n) break;
    cur = cur.next_sibling();
  }
  return out;
}

struct Meta {
  std::vector<Fact> og_title, tw_title, dc_title, h1, title, description, og_description,
      tw_description, dc_description, dc_creator, dc_subject, og_url, canonical, site_name;
  std::vector<std::string_view> jsonld;
};

void push(std::vector<Fact>& v, std::string value, const char* rule) {
  if (fields::clean_decoded_text(value).empty()) return;
  v.push_back({std::move(value), rule});
}

void read_meta(pugi::xml_node m, Meta& out) {
  std::string key = lower(m.attribute("property").value());
  if (key.empty()) key = lower(m.attribute("name").value());
  if (key.empty()) key = lower(m.attribute("itemprop").value());
  std::string content = m.attribute("content").value();
  if (key.empty() || content.empty()) return;
  if (key == "og:title") push(out.og_title, content, "meta og:title");
  else if (key == "twitter:title") push(out.tw_title, content, "meta twitter:title");
  else if (key == "dc.title" || key == "dcterms.title") push(out.dc_title, content, "meta DC.title");
  else if (key == "description") push(out.description, content, "meta description");
  else if (key == "og:description") push(out.og_description, content, "meta og:description");
  else if (key == "twitter:description") push(out.tw_description, content, "meta twitter:description");
  else if (key == "dc.description" || key == "dcterms.description")
    push(out.dc_description, content, "meta DC.description");
  else if (key == "dc.creator" || key == "dcterms.creator")
    push(out.dc_creator, content, "meta DC.creator");
  // DC.publisher names whoever published the page (a newspaper): never read as the maker.
  else if (key == "dc.subject" || key == "dcterms.subject") push(out.dc_subject, content, "meta DC.subject");
  else if (key == "og:url") push(out.og_url, content, "meta og:url");
  else if (key == "og:site_name") push(out.site_name, content, "meta og:site_name");
}

// A heading that holds the site's name, not the page's: a theme's site title or logo.
// (Also a heading that is only a link home: `<h1><a href="/">Tools Weekly</a></h1>`.)
bool site_furniture(pugi::xml_node h) {
  std::string cls = lower(std::string(h.attribute("class").value()) + " " + h.attribute("id").value());
  for (const char* w : {"site-title", "site-name", "header-title", "logo", "brand", "masthead"})
    if (cls.find(w) != std::string::npos) return true;
  pugi::xml_node only;
  for (auto c = h.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata && fields::clean_decoded_text(c.value()).empty()) continue;
    if (only || c.type() != pugi::node_element) return false;
    only = c;
  }
  if (!only || std::string_view(only.name()) != "a") return false;
  std::string href = lower(only.attribute("href").value());
  if (href == "/" || href == "./" || href == "index.html") return true;
  auto scheme = href.find("://");
  return scheme != std::string::npos && href.find('/', scheme + 3) + 1 >= href.size();
}

// The name by agreement (name_vote.hpp) goes first; every other candidate stays behind it as a
// fallback, in the order they were believed before.
void vote(const Meta& m, PageFacts& f) {
  if (!f.name.empty() && f.name.front().rule.rfind("profile ", 0) == 0) return;  // a profile's name wins
  std::vector<NameCandidate> c;
  for (const auto& n : f.name)
    if (n.rule.rfind("json-ld", 0) == 0) c.push_back({n.value, n.rule, NameSource::jsonld});
  auto add = [&](const std::vector<Fact>& from, NameSource s) {
    for (const auto& x : from) c.push_back({x.value, x.rule, s});
  };
  add(m.h1, NameSource::h1);
  add(m.og_title, NameSource::og);
  add(m.tw_title, NameSource::twitter);
  add(m.dc_title, NameSource::dc);
  add(m.title, NameSource::title);
  NameContext ctx{m.site_name.empty() ? "" : m.site_name.front().value, f.url.empty() ? "" : f.url.front().value};
  auto v = vote_name(c, ctx);
  if (v.name.empty()) return;
  f.name.insert(f.name.begin(), {v.name, v.rule});
  for (auto& a : v.aliases) f.alias.push_back({std::move(a), v.rule + ": another spelling"});
}

// Labelled body facts go after the profile's and JSON-LD's and before the meta tags'.
void after_structured(std::vector<Fact>& to, const std::vector<Fact>& from) {
  auto at = to.begin();
  while (at != to.end() && (at->rule.rfind("profile ", 0) == 0 || at->rule.rfind("json-ld", 0) == 0)) ++at;
  to.insert(at, from.begin(), from.end());
}

// Letters and digits, lower case.
std::string letters(std::string_view s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) out += char(std::tolower(c));
  return out;
}

// True when `org` is the site the page is on: "Mistral AI" on mistralai.example, "Cohere" on
// blog.cohere.com. Every site's publisher is its owner, who makes the tool only on its own site.
// Blogging platforms publish everyone's posts: their name on their own host says nothing.
bool own_site(const std::string& org, const std::vector<Fact>& urls) {
  std::string k = letters(org);
  if (k.size() < 3 || urls.empty()) return false;
  for (const char* platform : {"medium", "substack", "wordpress", "wordpresscom", "blogger", "blogspot", "ghost",
                               "tumblr", "devto", "dev", "hashnode", "linkedin", "github", "notion", "wix"})
    if (k == platform) return false;
  std::string host = fields::url_host(urls.front().value);
  for (std::size_t start = 0; start <= host.size();) {
    std::size_t dot = host.find('.', start);
    std::string label = letters(host.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (label == k) return true;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return false;
}

// "TheBloke/Mistral-7B-Instruct-v0.2-GGUF · Mirror": a repository id in a title names its
// organisation, the maker or a re-uploader (normalise decides which), believed as a meta tag.
void repository_org(const Meta& m, PageFacts& f) {
  for (const auto* v : {&m.og_title, &m.title, &m.h1})
    for (const auto& t : *v) {
      std::string s = fields::clean_decoded_text(t.value);
      auto slash = s.find('/');
      if (slash == std::string::npos || slash == 0) continue;
      auto end = s.find_first_of(" |", slash);
      std::string_view org = std::string_view(s).substr(0, slash), model = std::string_view(s).substr(slash + 1, end == std::string::npos ? std::string::npos : end - slash - 1);
      auto id_char = [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; };
      if (model.empty() || !std::all_of(org.begin(), org.end(), id_char) || !std::all_of(model.begin(), model.end(), id_char))
        continue;
      // Only an organisation the vendor table knows, as a maker or a re-uploader: anyone can
      // own a repository ("weights-mirror/whisper-large-v3").
      if (!fields::known_vendor(org) && !fields::is_reuploader(org)) return;
      f.vendor.push_back({std::string(org), t.rule + " repository organisation"});
      return;
    }
}

void add_body(const pugi::xml_document& doc, PageFacts& f) {
  auto b = read_body_facts(doc);
  after_structured(f.vendor, b.vendor);
  after_structured(f.license, b.license);
  after_structured(f.price, b.price);
  after_structured(f.parameter_sizes, b.sizes);
  after_structured(f.category, b.category);
  f.prose = std::move(b.prose);
  // Last and least: a company blog's publisher, on its own site, announcing its tool.
  for (const auto& p : f.publisher)
    if (own_site(fields::clean_text(p.value), f.url))
      f.own_site_publisher.push_back({p.value, p.rule + " (the page is on its own site)"});
}

void append(std::vector<Fact>& to, const std::vector<Fact>& from) { to.insert(to.end(), from.begin(), from.end()); }

}  // namespace

PageFacts extract_facts(const pugi::xml_document& doc, const ProfileSet& profiles) {
  Meta m;
  for (const auto& x : interesting().evaluate_node_set(doc)) {
    pugi::xml_node n = x.node();
    std::string_view tag = n.name();
    if (tag == "meta") {
      read_meta(n, m);
    } else if (tag == "link") {
      std::string rel = lower(n.attribute("rel").value());
      if (rel == "canonical") push(m.canonical, n.attribute("href").value(), "link rel=canonical");
    } else if (tag == "script") {
      if (lower(n.attribute("type").value()).find("ld+json") != std::string::npos)
        m.jsonld.push_back(n.child_value());
    } else if (tag == "title") {
      if (m.title.empty()) push(m.title, text_content(n), "<title>");
    } else if (tag == "h1") {
      if (m.h1.size() < 8 && !site_furniture(n)) push(m.h1, text_content(n), "<h1>");
    }
  }

  PageFacts f;
  // URLs first: they choose the profile.
  append(f.url, m.canonical);
  append(f.url, m.og_url);
  read_jsonld(m.jsonld, f);
  const std::size_t jsonld_taglines = f.tagline.size();

  std::string site = m.site_name.empty() ? "" : m.site_name.front().value;
  auto titled = [&](const std::vector<Fact>& from) {
    for (const auto& t : from)
      if (auto name = name_from_title(t.value, site); !name.empty()) f.name.push_back({name, t.rule});
  };
  titled(m.og_title);
  titled(m.tw_title);
  titled(m.dc_title);
  // <title> before <h1>: on most pages the first heading is a section or a greeting, while
  // the title names the page (its site suffix is stripped above).
  titled(m.title);
  titled(m.h1);
  for (const auto* v : {&m.og_title, &m.title})
    for (const auto& t : *v)
      if (auto tag = tagline_from_title(t.value, site); !tag.empty()) f.tagline.push_back({tag, t.rule + " after the name"});

  append(f.description, m.description);
  append(f.description, m.og_description);
  append(f.description, m.dc_description);
  append(f.description, m.tw_description);
  // A short social description that differs from the main one reads as a tagline; it is
  // believed before a title's second segment.
  std::vector<Fact> social;
  for (const auto* v : {&m.og_description, &m.tw_description})
    for (const auto& d : *v) social.push_back({d.value, d.rule});
  f.tagline.insert(f.tagline.begin() + std::ptrdiff_t(jsonld_taglines), social.begin(), social.end());
  append(f.vendor, m.dc_creator);
  repository_org(m, f);
  append(f.category, m.dc_subject);

  for (const auto& u : f.url) {
    auto host = fields::url_host(u.value);
    if (host.empty()) continue;
    if (const Profile* p = profiles.for_host(host)) {
      p->apply(doc, f);
      f.profile = p->name;
    }
    break;  // the first URL the page gives for itself decides
  }
  add_body(doc, f);
  vote(m, f);
  return f;
}

}  // namespace tv::extract
