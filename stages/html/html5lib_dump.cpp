// html5lib_dump: the tree-construction test format (declared in dom.hpp), walked with an
// explicit stack. It reads the tree as parse_html builds it: escaped names are decoded, the
// xmlns attribute that copy_attributes puts first gives the "svg " / "math " prefix, and the
// doctype value is turned back from pugixml's form into html5lib's.
#include "stages/html/dom.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stages/html/xml_names.hpp"

namespace tv::html {
namespace {

using detail::decode_name;
using detail::kMathNamespace;
using detail::kSvgNamespace;

// The attributes the HTML standard puts in a namespace on SVG/MathML elements ("adjust foreign
// attributes"); html5lib prints them as "xlink href". Any other "xlink:foo" is a plain name.
bool is_adjusted_foreign_attribute(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role", "xlink:show",
      "xlink:title",   "xlink:type",    "xml:lang",   "xml:space",  "xmlns:xlink"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// "svg ", "math " or "" from the xmlns attribute that copy_attributes puts first.
const char* namespace_prefix(const pugi::xml_node& el) {
  const pugi::xml_attribute first = el.first_attribute();
  if (!first || std::strcmp(first.name(), "xmlns") != 0) return "";
  if (std::strcmp(first.value(), kSvgNamespace) == 0) return "svg ";
  if (std::strcmp(first.value(), kMathNamespace) == 0) return "math ";
  return "";
}

// From doctype_value's form back to html5lib's: `name "public" "system"`.
std::string dump_doctype(std::string_view value) {
  const std::size_t space = value.find(' ');
  std::string out = decode_name(value.substr(0, space));
  if (space == std::string_view::npos || value.compare(space, 8, " PUBLIC ") != 0) return out;
  std::string_view rest = value.substr(space + 8);
  for (int k = 0; k < 2 && !rest.empty(); ++k) {
    const char quote = rest[0];
    const std::size_t close = rest.find(quote, 1);
    if (close == std::string_view::npos) break;
    out.append(" \"").append(rest.substr(1, close - 1)).append("\"");
    rest.remove_prefix(std::min(rest.size(), close + 2));  // the quote and the space after it
  }
  return out;
}

void line(std::string& out, std::size_t depth) {
  if (!out.empty()) out += '\n';
  out += "| ";
  out.append(2 * depth, ' ');
}

}  // namespace

std::string html5lib_dump(const pugi::xml_document& doc) {
  std::string out;
  try {
    std::vector<std::pair<pugi::xml_node, std::size_t>> stack;  // (node, depth)
    for (pugi::xml_node c = doc.last_child(); c; c = c.previous_sibling()) stack.emplace_back(c, 0);
    std::vector<std::pair<std::string, std::string>> attributes;
    while (!stack.empty()) {
      const auto [node, depth] = stack.back();
      stack.pop_back();
      switch (node.type()) {
        case pugi::node_doctype:
          line(out, depth);
          out.append("<!DOCTYPE ").append(dump_doctype(node.value())).append(">");
          break;
        case pugi::node_comment:
          line(out, depth);
          out.append("<!-- ").append(node.value()).append(" -->");
          break;
        case pugi::node_pcdata:
        case pugi::node_cdata:
          line(out, depth);
          out.append("\"").append(node.value()).append("\"");
          break;
        case pugi::node_element: {
          const char* prefix = namespace_prefix(node);
          line(out, depth);
          out.append("<").append(prefix).append(decode_name(node.name())).append(">");
          attributes.clear();
          for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
            if (*prefix && std::strcmp(a.name(), "xmlns") == 0) continue;  // the namespace
            std::string name = decode_name(a.name());
            if (*prefix && is_adjusted_foreign_attribute(name)) name[name.find(':')] = ' ';
            attributes.emplace_back(std::move(name), a.value());
          }
          std::sort(attributes.begin(), attributes.end());
          for (const auto& [name, value] : attributes) {
            line(out, depth + 1);
            out.append(name).append("=\"").append(value).append("\"");
          }
          std::size_t child_depth = depth + 1;
          if (!*prefix && std::strcmp(node.name(), "template") == 0) {
            line(out, depth + 1);
            out += "content";
            child_depth = depth + 2;
          }
          for (pugi::xml_node c = node.last_child(); c; c = c.previous_sibling())
            stack.emplace_back(c, child_depth);
          break;
        }
        default:
          break;
      }
    }
  } catch (const std::exception&) {
    out += "\n(out of memory)";
  }
  return out;
}

}  // namespace tv::html
