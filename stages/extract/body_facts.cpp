#include "stages/extract/body_facts.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>

#include "stages/normalise/fields/license.hpp"
#include "stages/normalise/fields/size.hpp"
#include "stages/normalise/fields/text.hpp"
#include "stages/normalise/fields/vendor.hpp"

namespace tv::extract {
namespace {

enum class F { name, vendor, license, price, sizes, category };

// Labels of fact boxes, lower case, in English, German, French and Spanish.
const std::map<std::string, F, std::less<>>& labels() {
  static const std::map<std::string, F, std::less<>> m = [] {
    std::map<std::string, F, std::less<>> t;
    auto add = [&](F f, std::initializer_list<const char*> ws) {
      for (const char* w : ws) t.emplace(w, f);
    };
    add(F::license, {"license", "licence", "license type", "licence type", "licensing", "lizenz", "lizenztyp",
                     "licencia", "tipo de licencia", "type de licence", "licença", "licenza"});
    add(F::price, {"price", "prices", "pricing", "pricing model", "entry price", "starting price", "starting at",
                   "cost", "plans", "preis", "preise", "preismodell", "kosten", "einstiegspreis", "prix", "tarif",
                   "tarifs", "modèle tarifaire", "precio", "precios", "coste", "costo", "tarifa"});
    add(F::vendor, {"vendor", "maker", "made by", "developer", "developed by", "author", "company", "organization",
                    "organisation", "creator", "created by", "publisher", "provider", "maintainer", "maintained by",
                    "hersteller", "entwickler", "anbieter", "herausgeber", "entwickelt von", "éditeur", "développeur",
                    "fabricant", "développé par", "créateur", "desarrollador", "desarrollado por", "fabricante",
                    "empresa", "creador", "proveedor"});
    add(F::category, {"category", "categories", "application category", "kategorie", "kategorien", "catégorie",
                      "catégories", "categoría", "categorías", "categoria"});
    add(F::sizes, {"parameters", "parameter count", "number of parameters", "params", "model size", "size",
                   "parameter", "parameteranzahl", "größe", "modellgröße", "paramètres", "taille",
                   "taille du modèle", "parámetros", "tamaño", "tamaño del modelo"});
    add(F::name, {"name", "tool", "tool name", "product", "model", "nom", "nombre", "werkzeug", "modell"});
    return t;
  }();
  return m;
}

// Names elements carry in class, id or itemprop for their fact (exact tokens, lower case).
std::optional<F> named_field(std::string_view token) {
  static const std::map<std::string, F, std::less<>> m{
      {"license", F::license},       {"licence", F::license},          {"pricing", F::price},
      {"price", F::price},           {"offers", F::price},             {"vendor", F::vendor},
      {"maker", F::vendor},          {"developer", F::vendor},         {"manufacturer", F::vendor},
      {"category", F::category},     {"applicationcategory", F::category}, {"tool-category", F::category},
      {"tool-vendor", F::vendor},    {"tool-license", F::license},     {"tool-price", F::price}};
  auto it = m.find(token);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

std::vector<Fact>& slot(BodyFacts& b, F f) {
  switch (f) {
    case F::name: return b.name;
    case F::vendor: return b.vendor;
    case F::license: return b.license;
    case F::price: return b.price;
    case F::sizes: return b.sizes;
    case F::category: return b.category;
  }
  return b.name;
}

bool is(std::string_view a, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), a) != set.end();
}

// Calls fn with each space-separated token of `s`, lower-cased (ASCII), until fn returns true;
// true when it did. No allocation for tokens of up to 15 bytes.
template <class Fn>
bool each_token(std::string_view s, Fn&& fn) {
  std::string cur;
  auto flush = [&] {
    bool done = !cur.empty() && fn(std::string_view(cur));
    cur.clear();
    return done;
  };
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (flush()) return true;
    } else {
      cur += (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    }
  }
  return flush();
}

// Parts of a page where the facts are someone else's: the site's, another tool's, a reader's.
bool elsewhere(const pugi::xml_node& n) {
  std::string_view tag = n.name();
  if (is(tag, {"script", "style", "noscript", "template", "nav", "footer", "head", "svg", "iframe", "form",
               "button", "select", "textarea"}))
    return true;
  std::string_view role = n.attribute("role").value();
  if (is(role, {"navigation", "contentinfo", "banner", "dialog", "complementary"})) return true;
  const char* cls = n.attribute("class").value();
  const char* id = n.attribute("id").value();
  if (!*cls && !*id) return false;
  thread_local std::string k;
  k.assign(cls).append(" ").append(id);
  for (char& c : k) c = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
  for (const char* w : {"comment", "related", "alternative", "teaser", "cookie", "consent", "advert", "footer",
                        "breadcrumb", "menu", "share", "newsletter", "sponsor", "promo", "testimonial"})
    if (k.find(w) != std::string::npos) return true;
  return false;
}

bool block(std::string_view tag) {
  return is(tag, {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "tbody", "thead", "h1", "h2", "h3",
                  "h4", "h5", "h6", "section", "article", "main", "header", "blockquote", "pre", "figure",
                  "figcaption", "body", "center", "address", "details", "summary", "hr"});
}

bool software_type(std::string_view itemtype) {
  for (std::string_view t : {"SoftwareApplication", "WebApplication", "MobileApplication", "Product",
                             "SoftwareSourceCode", "VideoGame"})
    if (itemtype.find(t) != std::string_view::npos) return true;
  return false;
}

struct Line {
  enum Kind { plain, dt, dd, row, heading } kind = plain;
  std::vector<std::string> cells{""};
};

std::string clean(std::string_view s) { return fields::clean_decoded_text(s); }

// Runs of ASCII white space and NBSP as one space, trimmed: enough to recognise labels and
// prose; values are cleaned in full (clean) where they are kept.
std::string squash(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    // A run of white space (ASCII or NBSP), then a run of anything else, appended whole.
    while (i < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') ++i;
      else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) i += 2;
      else break;
    }
    std::size_t from = i;
    while (i < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') break;
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) break;
      ++i;
    }
    if (from == i) break;
    if (!out.empty()) out += ' ';
    out.append(s, from, i - from);
  }
  return out;
}

bool blank(std::string_view s) {
  for (unsigned char c : s)
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) return false;
  return true;
}

// The text of an element, scripts and styles left out, <br> as a space.
void inner_text(const pugi::xml_node& n, std::string& out, int depth = 0) {
  for (auto c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
    } else if (c.type() == pugi::node_element && depth < 64) {
      std::string_view t = c.name();
      if (t == "script" || t == "style") continue;
      if (t == "br" || block(t)) out += ' ';
      inner_text(c, out, depth + 1);
      if (block(t)) out += ' ';
    }
  }
}

class Walker {
 public:
  explicit Walker(BodyFacts& out) : out_(out) {}

  void walk(const pugi::xml_node& n, int depth, bool in_software) {
    if (depth > 400) return;
    for (auto c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        lines_.back().cells.back() += c.value();
        continue;
      }
      if (c.type() != pugi::node_element || elsewhere(c)) continue;
      std::string_view tag = c.name();
      if (tag == "br") {
        new_line(Line::plain);
        continue;
      }
      bool soft = in_software;
      if (c.attribute("itemscope")) soft = software_type(c.attribute("itemtype").value());
      if (tag == "a") link_tag(c);
      bool is_block = block(tag);
      if (is_block)
        new_line(tag == "dt"   ? Line::dt
                 : tag == "dd" ? Line::dd
                 : tag == "tr" ? Line::row
                 : is(tag, {"h2", "h3", "h4", "h5", "h6"}) ? Line::heading
                               : Line::plain);
      if ((tag == "td" || tag == "th") && lines_.back().kind == Line::row && !first_cell_) lines_.back().cells.emplace_back();
      if (tag == "td" || tag == "th") first_cell_ = false;
      if (tag == "tr") first_cell_ = true;
      walk(c, depth + 1, soft);
      named(c, in_software);
      if (is_block) new_line(Line::plain, true);
    }
  }

  const std::vector<Line>& lines() const { return lines_; }

 private:
  // Starts a line of kind `k`; `closing` when an element ends. An empty line is reused: it takes
  // the new kind, except that a block opening inside a dt, dd or row (`<dd><p>`) keeps that kind.
  void new_line(Line::Kind k, bool closing = false) {
    if (lines_.back().cells.size() == 1 && blank(lines_.back().cells[0])) {
      if (closing) lines_.back().kind = Line::plain;
      else if (k != Line::plain) lines_.back().kind = k;
      return;
    }
    lines_.push_back(Line{k});
  }

  // An element named for its fact; inner elements are recorded first (post-order), so a
  // `span.pricing` inside a `section.pricing` comes before the section with its heading.
  void named(const pugi::xml_node& c, bool in_software) {
    auto record = [&](F f, std::string value, std::string rule) {
      value = clean(value);
      if (value.empty() || value.size() > 300) return;
      slot(out_, f).push_back({std::move(value), std::move(rule)});
    };
    auto by_itemprop = [&](std::string_view t) {
      if (is(t, {"author", "creator", "publisher", "brand"}) && in_software) {
        std::string v;
        inner_text(c, v);
        record(F::vendor, v, "labelled itemprop=" + std::string(t));
        return true;
      }
      if (t == "price" && c.attribute("content")) {
        record(F::price, c.attribute("content").value(), "labelled itemprop=price");
        return true;
      }
      if (t == "license" && c.attribute("href")) {
        record(F::license, c.attribute("href").value(), "labelled itemprop=license");
        return true;
      }
      if (auto f = named_field(t)) {
        std::string v;
        inner_text(c, v);
        record(*f, v, "labelled itemprop=" + std::string(t));
        return true;
      }
      return false;
    };
    if (each_token(c.attribute("itemprop").value(), by_itemprop)) return;
    for (const char* attr : {"class", "id"}) {
      auto by_name = [&](std::string_view t) {
        auto f = named_field(t);
        if (!f) return false;
        std::string v;
        inner_text(c, v);
        record(*f, v, std::string("labelled ") + attr + "=" + std::string(t));
        return true;
      };
      if (each_token(c.attribute(attr).value(), by_name)) return;
    }
  }

  // "?license=license:apache-2.0", "/licenses/apache-2.0" in a link: a licence tag.
  void link_tag(const pugi::xml_node& a) {
    std::string href = fields::ascii_lower(a.attribute("href").value());
    auto p = href.find("license=");
    if (p == std::string::npos) p = href.find("licence=");
    if (p == std::string::npos) return;
    std::string v = href.substr(p + 8);
    if (auto end = v.find_first_of("&#"); end != std::string::npos) v.resize(end);
    for (std::size_t i = 0; i + 2 < v.size(); ++i)
      if (v[i] == '%' && v.compare(i, 3, "%3a") == 0) v.replace(i, 3, ":");
    if (!v.empty()) out_.license.push_back({v, "labelled link license tag"});
  }

  BodyFacts& out_;
  std::vector<Line> lines_{Line{}};
  bool first_cell_ = true;
};

std::string lower_label(std::string s) {
  s = clean(s);
  while (!s.empty() && (s.back() == ':' || s.back() == ' ' || s.back() == '.')) s.pop_back();
  std::string out;
  for (char c : s) out += (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
  // Common capitals outside ASCII in labels: Größe is fine; É, Ü, Ä, Ö at the start.
  for (auto [from, to] : std::array<std::pair<std::string_view, std::string_view>, 4>{
           {{"É", "é"}, {"Ü", "ü"}, {"Ä", "ä"}, {"Ö", "ö"}}})
    if (out.compare(0, from.size(), from) == 0) out.replace(0, from.size(), to);
  return out;
}

std::optional<F> label_field(const std::string& label) {
  if (label.empty() || label.size() > 40) return std::nullopt;
  auto it = labels().find(lower_label(label));
  if (it == labels().end()) return std::nullopt;
  return it->second;
}

// Template text left where a value should be: "[More Information Needed]", "N/A", "TBD".
bool placeholder(const std::string& v) {
  std::string k = fields::ascii_lower(v);
  if (!k.empty() && (k.front() == '[' || k.front() == '{' || k.front() == '<')) return true;
  for (const char* p : {"n/a", "na", "-", "--", "?", "tbd", "tba", "unknown", "none", "null", "more information needed",
                        "k. a.", "k.a.", "non communiqué", "no disponible"})
    if (k == p) return true;
  return false;
}

void labelled(BodyFacts& out, F f, const std::string& label, const std::string& value, const char* how) {
  std::string v = clean(value);
  if (v.empty() || v.size() > 300 || placeholder(v)) return;
  slot(out, f).push_back({std::move(v), std::string("labelled ") + how + ": " + clean(label)});
}

// "Label: value" (also "Label : value", French spacing); false when the line is not one.
bool label_line(BodyFacts& out, const std::string& text) {
  auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 40) return false;
  std::string label = text.substr(0, colon);
  auto f = label_field(label);
  if (!f) return false;
  labelled(out, *f, label, text.substr(colon + 1), "line");
  return true;
}

// Authorship in prose: a strong verb, then a capitalised name of at most four words.
constexpr std::array<std::string_view, 27> kAuthorship{
    "developed by ", "made by ", "built by ", "created by ", "designed by ", "published by ", "maintained by ",
    "stammt von ", "entwickelt von ", "hergestellt von ", "ein produkt von ", "développé par ", "développée par ",
    "conçu par ", "conçue par ", "créé par ", "créée par ", "édité par ", "éditée par ", "desarrollado por ",
    "desarrollada por ", "creado por ", "creada por ", "diseñado por ", "diseñada por ", "un producto de ",
    "a product of "};

bool capitalised(std::string_view w) {
  unsigned char c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC3;  // an accented capital or letter
}

void authorship(std::vector<Fact>& out, const std::string& text) {
  std::string low = fields::ascii_lower(text);
  for (auto verb : kAuthorship) {
    for (auto at = low.find(verb); at != std::string::npos; at = low.find(verb, at + 1)) {
      if (at > 0 && low[at - 1] != ' ') continue;
      std::string_view rest = std::string_view(text).substr(at + verb.size());
      // "developed by the Allen Institute", "desarrollada por el Allen Institute": an article first.
      for (std::string_view article : {"the ", "el ", "la ", "los ", "las ", "der ", "die ", "das ", "dem ", "den ",
                                       "le ", "les ", "l'", "l’"})
        if (rest.size() > article.size() && fields::ascii_lower(rest.substr(0, article.size())) == article) {
          rest.remove_prefix(article.size());
          break;
        }
      std::string name;
      int words = 0;
      while (!rest.empty() && words < 4) {
        auto sp = rest.find(' ');
        std::string_view w = rest.substr(0, sp);
        bool stop = false;
        while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';' || w.back() == ')' ||
                              w.back() == '!' || w.back() == '?')) {
          w.remove_suffix(1);
          stop = true;
        }
        if (!capitalised(w)) {
          // "Allen Institute for AI", "Technology Innovation Institute of Abu Dhabi": a small
          // connector inside a name, never at its end.
          bool connector = !name.empty() && !stop && is(w, {"for", "of", "de", "du", "des", "der", "für", "and", "&", "y", "et", "und"});
          std::string_view next = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
          if (!connector || !capitalised(next.substr(0, next.find(' ')))) break;
        }
        name += (name.empty() ? "" : " ") + std::string(w);
        ++words;
        if (stop || sp == std::string_view::npos) break;
        rest.remove_prefix(sp + 1);
      }
      if (!name.empty()) out.push_back({name, "prose: " + std::string(verb.substr(0, verb.size() - 1))});
    }
  }
}

// Sizes as text parse_sizes reads back: "52B total, 12B active", "8x7B", "7.3B, 40B".
std::string sizes_text(const std::vector<fields::ParamSize>& sizes) {
  std::string out;
  for (const auto& p : sizes) {
    if (!out.empty()) out += ", ";
    out += p.label;
    if (p.active) out += " total, " + fields::size_label(*p.active) + " active";
  }
  return out;
}

}  // namespace

std::vector<Fact> prose_vendors(const std::vector<std::string>& lines) {
  std::vector<Fact> out;
  for (const auto& text : lines) {
    authorship(out, text);
    if (auto v = fields::vendor_in_prose(text)) out.push_back({*v, "prose: vendor named"});
  }
  return out;
}

std::vector<Fact> prose_licenses(const std::vector<std::string>& lines) {
  std::vector<Fact> out;
  for (const auto& text : lines)
    if (auto lic = fields::license_in_prose(text))
      out.push_back({lic->spdx.empty() ? lic->name : lic->spdx, "prose: licence"});
  return out;
}

std::vector<Fact> prose_sizes(const std::vector<std::string>& lines) {
  for (const auto& text : lines)
    if (auto sizes = fields::sizes_in_prose(text); !sizes.empty()) return {{sizes_text(sizes), "prose: sizes"}};
  return {};
}

BodyFacts read_body_facts(const pugi::xml_node& root) {
  BodyFacts out;
  pugi::xml_node body = root.child("html").child("body");
  if (!body) body = root;
  Walker w(out);
  w.walk(body, 0, false);
  const auto& lines = w.lines();
  // The named elements were recorded while walking; labelled lines, rows and lists follow in
  // document order after them (a class name is the page's own markup for the fact).
  BodyFacts boxes;
  std::string pending;  // a dt waiting for its dd
  for (const auto& l : lines) {
    std::string text = squash(l.cells.front());
    if (l.kind == Line::dt) {
      pending = text;
      continue;
    }
    // A small heading that is a label, then its value: `<h3>License</h3><p>Apache-2.0</p>`.
    if (l.kind == Line::heading) {
      pending = label_field(text) ? text : "";
      continue;
    }
    // (A sentence after the heading is prose, read as prose below: "released under ...".)
    if (l.kind == Line::plain && !pending.empty() && text.size() <= 40 && text.find(':') == std::string::npos) {
      if (auto f = label_field(pending)) labelled(boxes, *f, pending, text, "heading");
      pending.clear();
      continue;
    }
    if (l.kind == Line::dd && !pending.empty()) {
      if (auto f = label_field(pending)) labelled(boxes, *f, pending, text, "dl");
      pending.clear();
      continue;
    }
    pending.clear();
    if (l.kind == Line::row) {
      std::vector<std::string> cells;
      for (const auto& c : l.cells)
        if (auto t = squash(c); !t.empty()) cells.push_back(t);
      if (cells.size() == 2)
        if (auto f = label_field(cells[0])) labelled(boxes, *f, cells[0], cells[1], "table");
      continue;
    }
    if (text.empty() || label_line(boxes, text)) continue;
    if (text.size() >= 12) out.prose.push_back(std::move(text));
  }
  for (F f : {F::name, F::vendor, F::license, F::price, F::sizes, F::category}) {
    auto& to = slot(out, f);
    auto& from = slot(boxes, f);
    to.insert(to.end(), from.begin(), from.end());
  }
  return out;
}

}  // namespace tv::extract
