// Escape: every way a value from outside (scraped pages, editors' files, voters' CSV) is made
// safe for the place it lands in a generated page. Pure; never throws (but std::bad_alloc).
//
// The templates never see raw text: `{{x}}` goes through html(), triple mustaches carry only
// what json_for_script() or the page builders themselves produced. Text is assumed to be UTF-8
// (the normaliser and the inbox parsers guarantee it); ill-formed bytes still never pass
// through: they become U+FFFD.
#pragma once
#include <string>
#include <string_view>

namespace tv::site {

// Text for HTML (element content and double- or single-quoted attribute values) and for XML
// (the Atom feed, the sitemap): & < > " ' escaped; characters the HTML and XML specs forbid
// in a document (C0 controls but tab, LF and CR; DEL; C1 controls; noncharacters such as
// U+FFFE) and ill-formed UTF-8 become U+FFFD, so the Nu checker and XML parsers accept it.
std::string html(std::string_view text);

// A JSON text made safe inside <script type="application/ld+json">: "<", ">" and "&" become
// \u003c, \u003e and \u0026, and U+2028/U+2029 are escaped, so no "</script>" or "<!--"
// can appear in it. The input must already be a valid JSON text (nlohmann's dump).
std::string json_for_script(std::string_view json);

// An outside URL that may be linked to: http(s) only, with a host, no spaces, control
// characters or quotes after trimming; anything else (javascript:, data:, relative, broken)
// gives "". The result still goes through html() in the attribute.
std::string safe_external_url(std::string_view url);

}  // namespace tv::site
