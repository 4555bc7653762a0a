// Dom: gumbo parses, an arena holds gumbo's memory, the tree is copied into pugixml without
// recursion. See dom.hpp for the shape of the resulting tree.
//
// Defences, in the order they run (all produce a refusal sentence, never a crash or a hang):
//   1. limits.max_bytes, checked before anything else;
//   2. a linear pre-scan that estimates how deep the tags nest, refused above 4 x max_depth:
//      gumbo's tree construction does work proportional to the depth of the open-element stack
//      on most tokens, so a page of 200,000 nested <div>s would take minutes
//      (depth_estimate.hpp);
//   3. while gumbo runs, the arena enforces a memory budget and a time allowance and leaves
//      gumbo by longjmp when either is spent. This is the backstop for what the estimate cannot
//      see (misnested formatting tags that gumbo clones over and over, inputs crafted against
//      the estimate); gumbo is C and keeps no state outside the arena, so abandoning it
//      mid-parse is safe (gumbo_arena.hpp);
//   4. limits.max_depth, measured exactly on the parsed tree during the copy (this file).
// With RawText::drop, the pre-scan of step 2 also lists the script and style contents it
// skipped; gumbo parses the page without them, and the copy checks that each listed start tag
// became an HTML <script>/<style> (parse_html); if one did not, the page is parsed whole.
// Names are escaped into XML names on the way in (xml_names.hpp); html5lib_dump.cpp prints the
// result for the conformance tests.
#include "stages/html/dom.hpp"

#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "stages/html/ascii.hpp"
#include "stages/html/depth_estimate.hpp"
#include "stages/html/gumbo_arena.hpp"
#include "stages/html/xml_names.hpp"

namespace tv::html {
namespace {

using detail::append_utf8;
using detail::Arena;
using detail::element_name;
using detail::estimate_depth;
using detail::kMathNamespace;
using detail::kSvgNamespace;
using detail::memory_budget;
using detail::next_char;
using detail::RawTextRange;
using detail::run_gumbo;
using detail::starts_with_ci;
using detail::time_allowance;
using detail::xml_name;

// =============================================================================================
// The copy into pugixml, with an explicit stack.

// gumbo 0.10.1 writes a malformed byte for an out-of-range numeric reference ("&#11111111111"):
// the one way its text can stop being UTF-8. Such strings are repaired with U+FFFD, so the
// tree holds only UTF-8, which later stages (JSON output) depend on.
const char* utf8_text(const char* text, std::string& scratch) {
  const char* p = text;
  while (*p) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      ++p;
      continue;
    }
    const std::string_view rest(p);
    std::size_t i = 0;
    if (next_char(rest, i) == 0xFFFD && rest.compare(0, 3, "\xEF\xBF\xBD") != 0) break;
    p += i;
  }
  if (!*p) return text;
  scratch.assign(text, p);
  const std::string_view rest(p);
  for (std::size_t i = 0; i < rest.size();) append_utf8(scratch, next_char(rest, i));
  return scratch.c_str();
}

struct CopyResult {
  bool ok = true;               // false: pugixml ran out of memory
  std::size_t depth = 0;        // deepest element nesting
  std::size_t elements = 0;
};

// An HTML <style>, or <script> other than JSON-LD: whose contents RawText::drop leaves out.
bool drops_contents(const GumboElement& e) {
  if (e.tag_namespace != GUMBO_NAMESPACE_HTML || (e.tag != GUMBO_TAG_SCRIPT && e.tag != GUMBO_TAG_STYLE))
    return false;
  if (e.tag == GUMBO_TAG_SCRIPT)
    if (const GumboAttribute* type = gumbo_get_attribute(&e.attributes, "type"))
      for (std::string_view t(type->value); !t.empty(); t.remove_prefix(1))
        if (starts_with_ci(t, 0, "ld+json")) return false;
  return true;
}

void append_text(pugi::xml_node parent, const char* raw, std::string& scratch, bool& ok) {
  const char* text = utf8_text(raw, scratch);
  pugi::xml_node last = parent.last_child();
  if (last.type() == pugi::node_pcdata) {
    // gumbo sometimes splits a run of text (whitespace, then text); the DOM has one node.
    std::string merged = last.value();
    merged += text;
    ok = ok && last.set_value(merged.c_str());
    return;
  }
  pugi::xml_node node = parent.append_child(pugi::node_pcdata);
  ok = ok && node && node.set_value(text);
}

void copy_attributes(const GumboElement& e, pugi::xml_node out, std::string& scratch, bool& ok) {
  const bool foreign = e.tag_namespace != GUMBO_NAMESPACE_HTML;
  if (foreign) {
    pugi::xml_attribute ns = out.append_attribute("xmlns");
    ok = ok && ns &&
         ns.set_value(e.tag_namespace == GUMBO_NAMESPACE_SVG ? kSvgNamespace : kMathNamespace);
  }
  for (unsigned k = 0; k < e.attributes.length; ++k) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
    const char* name = a->name;
    if (a->attr_namespace != GUMBO_ATTR_NAMESPACE_NONE) {
      // xlink:href, xml:lang, xmlns:xlink keep their prefix. A declared xmlns is dropped: the
      // element already carries its namespace in the xmlns attribute added above.
      const char* prefix = a->attr_namespace == GUMBO_ATTR_NAMESPACE_XLINK ? "xlink:"
                           : a->attr_namespace == GUMBO_ATTR_NAMESPACE_XML ? "xml:"
                                                                             : "xmlns:";
      if (std::strcmp(name, "xmlns") == 0) continue;
      scratch.assign(prefix).append(name);
      std::string escaped;
      name = xml_name(scratch.c_str(), escaped);
      pugi::xml_attribute attr = out.append_attribute(name);
      ok = ok && attr && attr.set_value(utf8_text(a->value, scratch));
      continue;
    }
    pugi::xml_attribute attr = out.append_attribute(xml_name(name, scratch));
    ok = ok && attr && attr.set_value(utf8_text(a->value, scratch));
  }
}

// The doctype node's value, which pugixml saves after "<!DOCTYPE ": the name, escaped like
// element names ("html<x" is a possible doctype name), then PUBLIC "public" "system" when either
// identifier is present. An identifier holding a double quote is written in single quotes; one
// holding both kinds has its double quotes turned into single ones (not reversible; never seen).
std::string doctype_value(const GumboDocument& doc) {
  std::string scratch;
  std::string value = doc.name && *doc.name ? xml_name(doc.name, scratch) : "";
  const char* pub = doc.public_identifier ? doc.public_identifier : "";
  const char* sys = doc.system_identifier ? doc.system_identifier : "";
  if (!*pub && !*sys) return value;
  value += " PUBLIC";
  for (std::string id : {std::string(pub), std::string(sys)}) {
    char quote = '"';
    if (id.find('"') != std::string::npos) {
      if (id.find('\'') != std::string::npos)
        std::replace(id.begin(), id.end(), '"', '\'');
      else
        quote = '\'';
    }
    value.append(" ").append(1, quote).append(id).append(1, quote);
  }
  return value;
}

// Walks gumbo's tree. Stops copying (but keeps measuring) once an element is deeper than
// max_depth, so the refusal can say how deep the page really goes. With RawText::drop, the
// elements drops_contents() names are copied empty, and the offsets in `input` of their start
// tags go to `raw_tags` (in tree order).
CopyResult copy_tree(const GumboOutput& g, pugi::xml_document& out, std::size_t max_depth,
                     std::string_view input, RawText raw, std::vector<std::size_t>& raw_tags) {
  CopyResult r;
  const GumboDocument& doc = g.document->v.document;
  if (doc.has_doctype)
    r.ok = out.append_child(pugi::node_doctype).set_value(doctype_value(doc).c_str());
  struct Frame {
    const GumboVector* children;
    unsigned next;
    pugi::xml_node out;
  };
  std::vector<Frame> stack;
  stack.reserve(64);
  stack.push_back(Frame{&doc.children, 0, out});
  std::string scratch, escaped;
  bool copying = true;
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.children->length) {
      stack.pop_back();
      continue;
    }
    const auto* node = static_cast<const GumboNode*>(top.children->data[top.next++]);
    pugi::xml_node parent = top.out;  // `top` dies at the push below
    switch (node->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const std::size_t depth = stack.size();
        r.depth = std::max(r.depth, depth);
        ++r.elements;
        if (depth > max_depth) copying = false;
        const GumboElement& e = node->v.element;
        const bool emptied = raw == RawText::drop && drops_contents(e);
        if (emptied) {
          const char* tag = e.original_tag.data;
          if (e.original_tag.length > 0 && tag >= input.data() && tag < input.data() + input.size())
            raw_tags.push_back(static_cast<std::size_t>(tag - input.data()));
        }
        pugi::xml_node el;
        if (copying) {
          el = parent.append_child(xml_name(element_name(e, scratch), escaped));
          r.ok = r.ok && el;
          copy_attributes(e, el, scratch, r.ok);
        }
        // gumbo keeps <template> contents as the template node's children: they stay there.
        // An emptied element's children are its raw text: not copied.
        if (!emptied) stack.push_back(Frame{&e.children, 0, el});
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        if (copying) append_text(parent, node->v.text.text, scratch, r.ok);
        break;
      case GUMBO_NODE_COMMENT:
        if (copying) {
          pugi::xml_node c = parent.append_child(pugi::node_comment);
          r.ok = r.ok && c && c.set_value(utf8_text(node->v.text.text, scratch));
        }
        break;
      case GUMBO_NODE_DOCUMENT:
        break;  // never a child
    }
    if (!r.ok) break;
  }
  return r;
}

bool refuse(std::string* error, std::string sentence) {
  if (error) *error = std::move(sentence);
  return false;
}

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20); }

// gumbo over `text` into `out`, within the budgets of a page of `page_bytes` (the whole page,
// also when `text` is the page without its raw text). False with the refusal in *error.
bool parse_once(std::string_view text, std::size_t page_bytes, const ParseLimits& limits,
                RawText raw, pugi::xml_document& out, std::string* error, CopyResult& r,
                std::vector<std::size_t>& raw_tags) {
  out.reset();
  const auto allowance = time_allowance(page_bytes);
  Arena arena(memory_budget(page_bytes), std::chrono::steady_clock::now() + allowance);
  const GumboOutput* g = run_gumbo(arena, text);
  if (!g) {
    switch (arena.failure) {
      case Arena::Failure::memory:
        return refuse(error, "the HTML parser needed more than " +
                                 megabytes(memory_budget(page_bytes)) +
                                 " MB for this page (tags that must be repeated, such as "
                                 "misnested formatting tags); the page was refused");
      case Arena::Failure::time:
        return refuse(error, "the HTML parser did not finish this page within " +
                                 std::to_string(allowance.count() / 1000) +
                                 " s (unusually deep or tangled markup); the page was refused");
      default:
        return refuse(error, "the machine ran out of memory while parsing the page");
    }
  }
  r = copy_tree(*g, out, limits.max_depth, text, raw, raw_tags);
  if (r.depth > limits.max_depth) {
    out.reset();
    return refuse(error, "the page nests elements " + std::to_string(r.depth) +
                             " levels deep; the limit is " + std::to_string(limits.max_depth) +
                             " (limits.max_depth)");
  }
  if (!r.ok) {
    out.reset();
    return refuse(error, "the machine ran out of memory while building the page's tree");
  }
  return true;
}

}  // namespace

bool parse_html(std::string_view utf8, const ParseLimits& limits, pugi::xml_document& out,
                std::string* error, ParseStats* stats, RawText raw) {
  try {
    out.reset();
    if (stats) *stats = ParseStats{};
    // gumbo counts positions in unsigned int: nothing near 4 GB may reach it, whatever the config.
    const std::size_t max_bytes = std::min<std::size_t>(limits.max_bytes, UINT_MAX / 2);
    if (utf8.size() > max_bytes)
      return refuse(error, "the page is " + std::to_string(utf8.size()) + " bytes; the limit is " +
                               std::to_string(limits.max_bytes) + " bytes (limits.max_bytes)");

    const std::size_t bound =
        limits.max_depth > SIZE_MAX / 4 ? SIZE_MAX : 4 * std::max<std::size_t>(limits.max_depth, 16);
    std::vector<RawTextRange> ranges;
    if (estimate_depth(utf8, bound, raw == RawText::drop ? &ranges : nullptr) > bound)
      return refuse(error, "the page nests elements more than " + std::to_string(bound) +
                               " levels deep (counted before parsing); the limit is " +
                               std::to_string(limits.max_depth) + " (limits.max_depth)");

    // RawText::drop: parse the page without the listed contents, then check that every listed
    // start tag became the HTML <script>/<style> the walk took it for. If so, the tree is the
    // whole page's tree with those elements emptied (up to each such tag both inputs are the
    // same, so gumbo is in the same state there, and raw text ends only at its own end tag).
    // If not (the walk misjudged SVG content, a <select>, a <frameset>...), parse it whole.
    std::string elided;
    std::vector<std::size_t> expected;
    std::size_t removed = 0, kept_to = 0;
    for (const RawTextRange& x : ranges) {
      elided.append(utf8.substr(kept_to, x.from - kept_to));
      expected.push_back(x.tag_start - removed);
      removed += x.to - x.from;
      kept_to = x.to;
    }
    if (!ranges.empty()) elided.append(utf8.substr(kept_to));
    CopyResult r;
    std::vector<std::size_t> seen;
    if (!ranges.empty()) {
      if (!parse_once(elided, utf8.size(), limits, raw, out, error, r, seen)) return false;
      std::sort(seen.begin(), seen.end());
      if (std::includes(seen.begin(), seen.end(), expected.begin(), expected.end())) {
        if (stats) stats->raw_text_dropped = utf8.size() - elided.size();
      } else {
        if (stats) stats->raw_text_whole = true;
        ranges.clear();
      }
    }
    if (ranges.empty() && !parse_once(utf8, utf8.size(), limits, raw, out, error, r, seen))
      return false;
    if (stats) stats->depth = r.depth, stats->elements = r.elements;
    return true;
  } catch (const std::bad_alloc&) {
    out.reset();
    return refuse(error, "the machine ran out of memory while parsing the page");
  } catch (const std::exception& e) {  // a bug of ours; still a refusal, not a crash
    out.reset();
    return refuse(error, std::string("internal error while parsing the page: ") + e.what());
  }
}

}  // namespace tv::html
