// Dom: parses UTF-8 HTML with gumbo (an HTML5 parser) and moves the tree into a pugixml
// document, so extraction can use compiled XPath. pugixml alone cannot parse real HTML.
//
// Neither step recurses: gumbo allocates from an arena that is dropped whole (gumbo's own
// tree freeing recurses and overflows the stack on deep trees), and the copy walks the tree
// with an explicit stack. Input beyond the limits is refused before or during the parse with
// a reason, never a crash or a hang; the pre-parse check bounds gumbo's worst case, which is
// quadratic in nesting depth. Besides limits.max_bytes and limits.max_depth, a page is refused
// when gumbo needs more than 64 MB + 96 bytes per byte of page, or runs longer than 5 s + 1 s
// per MB (pathological markup only: normal pages use 4-15 bytes per byte and parse at MB/s).
//
// The pugixml tree: element and attribute names as gumbo gives them (lower-case HTML names,
// SVG/MathML names case-adjusted, namespaced foreign attributes prefixed: "xlink:href");
// foreign (SVG, MathML) elements carry their namespace in an `xmlns` attribute, first (pugixml's
// XPath treats xmlns attributes as declarations, so `@*` does not see it); text and whitespace
// as pcdata, adjacent runs merged, always UTF-8; comments as comment nodes; the doctype as a
// doctype node whose value is `html` or `html PUBLIC "pub" "sys"`; <template> contents as the
// template element's children. Names XML cannot hold ("a<b", "\"q\"", "1x") are escaped
// reversibly as _xHHHH_ (XmlConvert style), so the document always saves as well-formed XML.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace tv::html {

struct ParseLimits {
  std::size_t max_bytes = 8u << 20;  // larger input is refused unparsed
  std::size_t max_depth = 512;       // deeper element nesting is refused
};

struct ParseStats {
  std::size_t depth = 0;   // deepest element nesting seen
  std::size_t elements = 0;
  std::size_t raw_text_dropped = 0;  // RawText::drop: bytes of raw text left unparsed
  bool raw_text_whole = false;       // RawText::drop: the check failed; the page was parsed whole
};

// What becomes of raw text that extraction never reads. `keep`: the tree is gumbo's whole tree.
// `drop`: the contents of HTML <style> elements and of <script> elements whose type does not
// contain "ld+json" are not parsed, and those elements are empty in the tree; everything else
// is exactly as with `keep` (checked on every page against gumbo's tree; where the check fails,
// the page is parsed whole). A third to a half of a scraped page's bytes are scripts and styles,
// and gumbo tokenizes them character by character: with `drop`, reading pages is 1.47x as fast
// (bench/speedups.md).
enum class RawText { keep, drop };

// Parses `utf8` into `out` (cleared first). On refusal returns false and sets `*error` to a
// sentence an editor can act on, e.g. "the page nests elements 200001 levels deep; the limit
// is 512 (limits.max_depth)". Never throws.
bool parse_html(std::string_view utf8, const ParseLimits& limits, pugi::xml_document& out,
                std::string* error, ParseStats* stats = nullptr, RawText raw = RawText::keep);

// Serialises a tree in the html5lib tree-construction test format ("| <html>", indented by
// two spaces per level, attributes sorted, "svg " / "math " prefixes for foreign elements).
// Used by the conformance test; exposed so tests and tools can print trees.
std::string html5lib_dump(const pugi::xml_document& doc);

}  // namespace tv::html
