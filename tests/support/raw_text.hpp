// The tests' oracle for html::RawText::drop, written from its contract and not from its code:
// the whole parse (RawText::keep) with every HTML <style>, and every HTML <script> whose type
// does not contain "ld+json", emptied. HTML elements are the ones without the `xmlns` attribute
// the tree gives SVG and MathML elements (dom.hpp).
#pragma once
#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "stages/html/dom.hpp"

namespace tv::test {

inline bool ld_json_type(const char* type) {
  std::string t(type);
  for (char& c : t) c = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
  return t.find("ld+json") != std::string::npos;
}

inline void empty_raw_text(pugi::xml_document& doc) {
  std::vector<pugi::xml_node> targets;
  // Not //script[not(@xmlns)]: pugixml's XPath takes xmlns attributes for declarations.
  for (const pugi::xpath_node& x : doc.select_nodes("//script | //style")) {
    pugi::xml_node n = x.node();
    if (n.attribute("xmlns")) continue;
    if (std::string_view(n.name()) == "script" && ld_json_type(n.attribute("type").value())) continue;
    targets.push_back(n);
  }
  for (pugi::xml_node n : targets)
    while (n.first_child()) n.remove_child(n.first_child());
}

// html5lib_dump of the oracle's tree, or "(refused: ...)".
inline std::string dump_keep_emptied(std::string_view html) {
  pugi::xml_document doc;
  std::string error;
  if (!html::parse_html(html, {}, doc, &error)) return "(refused: " + error + ")";
  empty_raw_text(doc);
  return html::html5lib_dump(doc);
}

// html5lib_dump of RawText::drop's tree, or "(refused: ...)"; `stats` filled.
inline std::string dump_drop(std::string_view html, html::ParseStats& stats) {
  pugi::xml_document doc;
  std::string error;
  if (!html::parse_html(html, {}, doc, &error, &stats, html::RawText::drop))
    return "(refused: " + error + ")";
  return html::html5lib_dump(doc);
}

}  // namespace tv::test
