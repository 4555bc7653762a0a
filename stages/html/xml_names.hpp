// XmlNames: element and attribute names as the pugixml tree holds them, and the UTF-8 helpers
// the escaping needs. Internal to stages/html: dom.cpp escapes names on the way into the tree,
// html5lib_dump.cpp unescapes them on the way out.
//
// pugixml stores any string as a name, but a name that is not an XML name (HTML allows "a<b",
// "x\"y", "1x" ...) makes a document that no longer saves as XML. Such names are escaped the
// way XmlConvert.EncodeName does, reversibly: each offending character becomes _xHHHH_, and so
// does a literal '_' that starts "_x", so decoding is unambiguous. Never throws except
// std::bad_alloc.
#pragma once
#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace tv::html::detail {

// The value of the `xmlns` attribute a foreign element carries first (see dom.hpp).
inline constexpr const char* kSvgNamespace = "http://www.w3.org/2000/svg";
inline constexpr const char* kMathNamespace = "http://www.w3.org/1998/Math/MathML";

// Returns `name` itself, or its escaped form written into `scratch`.
const char* xml_name(const char* name, std::string& scratch);

// The inverse of xml_name, for html5lib_dump.
std::string decode_name(std::string_view s);

// The element's name: gumbo's for known tags, else from the source text of the start tag (the
// name is not kept by gumbo 0.10.1), lower-cased the way the tokenizer does. SVG names get
// their camelCase back (foreignObject, clipPath). Not yet escaped: pass it to xml_name. The
// result may live in `scratch`.
const char* element_name(const GumboElement& e, std::string& scratch);

// Decodes one UTF-8 character at s[i] (i < s.size()) and moves i past it; malformed bytes
// read as U+FFFD, one byte at a time.
char32_t next_char(std::string_view s, std::size_t& i);

// Appends the code point `cp` (at most 0x10FFFF) as UTF-8.
void append_utf8(std::string& out, char32_t cp);

}  // namespace tv::html::detail
