// Unit tests for stages/html/dom: the gumbo -> pugixml tree, the limits, html5lib_dump.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <sstream>
#include <string>

#include "stages/html/dom.hpp"
#include "tests/support/raw_text.hpp"

namespace bdata = boost::unit_test::data;
using tv::html::html5lib_dump;
using tv::html::parse_html;
using tv::html::ParseLimits;
using tv::html::ParseStats;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Parses with default limits and fails the test on refusal.
pugi::xml_document parse(const std::string& html) {
  pugi::xml_document doc;
  std::string error;
  BOOST_TEST_REQUIRE(parse_html(html, ParseLimits{}, doc, &error), error);
  return doc;
}

std::string xpath_string(const pugi::xml_document& doc, const char* query) {
  return doc.select_node(query).attribute() ? doc.select_node(query).attribute().value()
                                            : doc.select_node(query).node().text().get();
}

// A page refused before or during parsing, and the sentence given.
struct Refusal {
  const char* what;
  std::string html;
  const char* error_starts;
};
std::ostream& operator<<(std::ostream& os, const Refusal& r) { return os << r.what; }

// A page that looks deep to a naive counter but is not, and must be accepted.
struct Shallow {
  const char* what;
  std::string html;
};
std::ostream& operator<<(std::ostream& os, const Shallow& s) { return os << s.what; }

}  // namespace

BOOST_AUTO_TEST_SUITE(dom)

// --- real-world sloppiness --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(unclosed_tags_br_unquoted_attributes_and_entities) {
  const auto doc = parse(
      "<title>Caf&eacute; &amp; co</title>"
      "<p class=intro>One<br>two<p id=second data-x=a&amp;b>Three &#8364; &euro;5"
      "<ul><li>a<li>b</ul>");
  BOOST_TEST(xpath_string(doc, "//title") == "Caf\xC3\xA9 & co");
  BOOST_TEST(doc.select_nodes("//p").size() == 2u);
  BOOST_TEST(xpath_string(doc, "//p[1]/@class") == "intro");
  BOOST_TEST(doc.select_nodes("//p[1]/br").size() == 1u);
  BOOST_TEST(xpath_string(doc, "//p[2]/@data-x") == "a&b");
  BOOST_TEST(doc.select_node("//p[2]").node().first_child().value() ==
             std::string("Three \xE2\x82\xAC \xE2\x82\xAC" "5"));
  BOOST_TEST(doc.select_nodes("//ul/li").size() == 2u);
}

BOOST_AUTO_TEST_CASE(xpath_on_metadata) {
  const auto doc = parse(
      "<!doctype html><html lang=en><head>"
      "<meta property=\"og:title\" content=\"Acme Writer\">"
      "<meta name=description content='Writes things'>"
      "<link rel=canonical href=https://acme.example/writer>"
      "</head><body><h1>Acme</h1></body></html>");
  BOOST_TEST(xpath_string(doc, "//meta[@property='og:title']/@content") == "Acme Writer");
  BOOST_TEST(xpath_string(doc, "//meta[@name='description']/@content") == "Writes things");
  BOOST_TEST(xpath_string(doc, "//link[@rel='canonical']/@href") == "https://acme.example/writer");
  BOOST_TEST(xpath_string(doc, "/html/@lang") == "en");
  BOOST_TEST(xpath_string(doc, "/html/body/h1") == "Acme");
}

BOOST_AUTO_TEST_CASE(implied_elements_and_tables) {
  const auto doc = parse("<table><tr><td>1<td>2</table>");
  BOOST_TEST(doc.select_nodes("/html/head").size() == 1u);
  BOOST_TEST(doc.select_nodes("/html/body/table/tbody/tr/td").size() == 2u);
  const auto empty = parse("");
  BOOST_TEST(html5lib_dump(empty) == "| <html>\n|   <head>\n|   <body>");
}

BOOST_AUTO_TEST_CASE(script_and_style_contents_stay_text) {
  const auto doc = parse(
      "<script>if (a < b && c > d) { x = '<p>'; }</script>"
      "<style>a > b { color: red }</style><textarea><b>bold?</b></textarea>");
  BOOST_TEST(xpath_string(doc, "//script") == "if (a < b && c > d) { x = '<p>'; }");
  BOOST_TEST(doc.select_nodes("//script/*").size() == 0u);
  BOOST_TEST(xpath_string(doc, "//style") == "a > b { color: red }");
  BOOST_TEST(xpath_string(doc, "//textarea") == "<b>bold?</b>");
  BOOST_TEST(doc.select_nodes("//b").size() == 0u);
}

BOOST_AUTO_TEST_CASE(comments_and_doctype) {
  const auto doc = parse("<!DOCTYPE html><!-- top --><p>a<!-- inner -->b");
  pugi::xml_node first = doc.first_child();
  BOOST_TEST(first.type() == pugi::node_doctype);
  BOOST_TEST(first.value() == std::string("html"));
  BOOST_TEST(doc.select_nodes("//comment()").size() == 2u);
  BOOST_TEST(xpath_string(doc, "//p") == "a");  // text() of the first text node
  BOOST_TEST(doc.select_node("//p/comment()").node().value() == std::string(" inner "));

  const auto legacy = parse(
      "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">");
  BOOST_TEST(legacy.first_child().value() ==
             std::string("html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
                         "\"http://www.w3.org/TR/html4/strict.dtd\""));
  const std::string dump = html5lib_dump(legacy);
  BOOST_TEST(dump.substr(0, dump.find('\n')) ==
             "| <!DOCTYPE html \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">");
}

BOOST_AUTO_TEST_CASE(text_runs_are_single_nodes) {
  const auto doc = parse("<p>  one two  </p>");
  pugi::xml_node p = doc.select_node("//p").node();
  BOOST_TEST(std::distance(p.begin(), p.end()) == 1);
  BOOST_TEST(p.first_child().value() == std::string("  one two  "));
}

BOOST_AUTO_TEST_CASE(svg_and_mathml) {
  const auto doc = parse(
      "<svg viewBox='0 0 10 10'><foreignObject><p>x</p></foreignObject>"
      "<a xlink:href='#t'><clipPath/></a></svg><math><mi>y</mi></math>");
  pugi::xml_node svg = doc.select_node("//svg").node();
  BOOST_TEST(svg.attribute("xmlns").value() == std::string("http://www.w3.org/2000/svg"));
  BOOST_TEST(svg.attribute("viewBox").value() == std::string("0 0 10 10"));
  BOOST_TEST(doc.select_nodes("//svg/foreignObject/p").size() == 1u);
  BOOST_TEST(doc.select_nodes("//svg/a/clipPath").size() == 1u);
  BOOST_TEST(xpath_string(doc, "//svg/a/@xlink:href") == "#t");
  // pugixml's XPath treats xmlns attributes as namespace declarations, not attributes.
  BOOST_TEST(doc.select_node("//math").node().attribute("xmlns").value() ==
             std::string("http://www.w3.org/1998/Math/MathML"));
  BOOST_TEST(doc.select_nodes("//svg/@*").size() == 1u);  // viewBox
  BOOST_TEST(html5lib_dump(doc) ==
             "| <html>\n"
             "|   <head>\n"
             "|   <body>\n"
             "|     <svg svg>\n"
             "|       viewBox=\"0 0 10 10\"\n"
             "|       <svg foreignObject>\n"
             "|         <p>\n"
             "|           \"x\"\n"
             "|       <svg a>\n"
             "|         xlink href=\"#t\"\n"
             "|         <svg clipPath>\n"
             "|     <math math>\n"
             "|       <math mi>\n"
             "|         \"y\"");
}

BOOST_AUTO_TEST_CASE(template_contents_are_children) {
  const auto doc = parse("<template id=t><li>one</li></template>");
  BOOST_TEST(xpath_string(doc, "//template/li") == "one");
  BOOST_TEST(html5lib_dump(doc) ==
             "| <html>\n"
             "|   <head>\n"
             "|     <template>\n"
             "|       id=\"t\"\n"
             "|       content\n"
             "|         <li>\n"
             "|           \"one\"\n"
             "|   <body>");
}

BOOST_AUTO_TEST_CASE(dump_sorts_attributes_and_keeps_whitespace) {
  const auto doc = parse("<!DOCTYPE html><html><body><div z=1 a=\"2\" m>\n x </div><!--c-->");
  BOOST_TEST(html5lib_dump(doc) ==
             "| <!DOCTYPE html>\n"
             "| <html>\n"
             "|   <head>\n"
             "|   <body>\n"
             "|     <div>\n"
             "|       a=\"2\"\n"
             "|       m=\"\"\n"
             "|       z=\"1\"\n"
             "|       \"\n"
             " x \"\n"
             "|     <!-- c -->");
}

// Names HTML allows but XML does not are escaped, so the tree still saves as well-formed XML,
// and html5lib_dump turns them back.
BOOST_AUTO_TEST_CASE(names_pugixml_cannot_hold_are_sanitised) {
  const auto doc = parse("<p a<b=1 \"q\"=2 1x=3 _x=4 ok=5><x<y>t</x<y>");
  pugi::xml_node p = doc.select_node("//p").node();
  BOOST_TEST(p.attribute("a_x003C_b").value() == std::string("1"));
  BOOST_TEST(p.attribute("_x0022_q_x0022_").value() == std::string("2"));
  BOOST_TEST(p.attribute("_x0031_x").value() == std::string("3"));
  BOOST_TEST(p.attribute("_x005F_x").value() == std::string("4"));
  BOOST_TEST(p.attribute("ok").value() == std::string("5"));
  BOOST_TEST(doc.select_nodes("//p/x_x003C_y").size() == 1u);

  std::ostringstream xml;
  doc.save(xml);
  pugi::xml_document reloaded;
  const pugi::xml_parse_result r =
      reloaded.load_string(xml.str().c_str(), pugi::parse_default | pugi::parse_doctype);
  BOOST_TEST(static_cast<bool>(r), r.description() << "\n" << xml.str());
  BOOST_TEST(reloaded.select_nodes("//p/@*").size() == 5u);

  BOOST_TEST(html5lib_dump(doc) ==
             "| <html>\n"
             "|   <head>\n"
             "|   <body>\n"
             "|     <p>\n"
             "|       \"q\"=\"2\"\n"
             "|       1x=\"3\"\n"
             "|       _x=\"4\"\n"
             "|       a<b=\"1\"\n"
             "|       ok=\"5\"\n"
             "|       <x<y>\n"
             "|         \"t\"");
}

BOOST_AUTO_TEST_CASE(odd_doctypes_still_save_as_xml) {
  for (const char* html : {"<!DOCTYPE html<x>", "<!DOCTYPE>", "<!DOCTYPE html PUBLIC '\"q\"' \"s\">"}) {
    const auto doc = parse(html);
    std::ostringstream xml;
    doc.save(xml);
    pugi::xml_document reloaded;
    BOOST_TEST(static_cast<bool>(reloaded.load_string(xml.str().c_str(),
                                                      pugi::parse_default | pugi::parse_doctype)),
               xml.str());
  }
  const auto dump = [](const char* html) {
    const std::string d = html5lib_dump(parse(html));
    return d.substr(0, d.find('\n'));
  };
  BOOST_TEST(dump("<!DOCTYPE html<x>") == "| <!DOCTYPE html<x>");
  BOOST_TEST(dump("<!DOCTYPE>") == "| <!DOCTYPE >");
  BOOST_TEST(dump("<!DOCTYPE html PUBLIC '\"q\"' \"s\">") == "| <!DOCTYPE html \"\"q\"\" \"s\">");
  BOOST_TEST(dump("<!DOCTYPE html SYSTEM \"about:legacy-compat\">") ==
             "| <!DOCTYPE html \"\" \"about:legacy-compat\">");
}

BOOST_AUTO_TEST_CASE(text_is_always_utf8) {
  // gumbo 0.10.1 emits a malformed byte for an out-of-range numeric reference.
  const auto doc = parse("<p title='&#11111111111;'>FOO&#11111111111;");
  BOOST_TEST(xpath_string(doc, "//p") == "FOO\xEF\xBF\xBD");
  BOOST_TEST(xpath_string(doc, "//p/@title") == "\xEF\xBF\xBD");
  // Bytes that are not UTF-8 (a caller that skipped decode_to_utf8) do not break the parse.
  const auto raw = parse("<p>caf\xE9 \xFF\xFE<b\xE9>x");
  BOOST_TEST(raw.select_nodes("//p").size() == 1u);
  const auto nul = parse(std::string("<p>a\0b</p>", 11));
  BOOST_TEST(nul.select_nodes("//p").size() == 1u);
}

BOOST_AUTO_TEST_CASE(stats_and_reuse_of_the_document) {
  pugi::xml_document doc;
  doc.append_child("stale");
  ParseStats stats;
  std::string error;
  BOOST_TEST(parse_html("<div><p>x</div>", ParseLimits{}, doc, &error, &stats));
  BOOST_TEST(doc.select_nodes("//stale").size() == 0u);
  BOOST_TEST(stats.elements == 5u);  // html head body div p
  BOOST_TEST(stats.depth == 4u);     // html > body > div > p
  BOOST_TEST(parse_html("<p>no error pointer", ParseLimits{}, doc, nullptr));
}

// --- limits -------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(two_hundred_thousand_nested_divs_are_refused_before_parsing) {
  const std::string html = repeat("<div>", 200000) + "x" + repeat("</div>", 200000);
  pugi::xml_document doc;
  std::string error;
  ParseStats stats;
  BOOST_TEST(!parse_html(html, ParseLimits{}, doc, &error, &stats));
  BOOST_TEST(error ==
             "the page nests elements more than 2048 levels deep (counted before parsing); "
             "the limit is 512 (limits.max_depth)");
  BOOST_TEST(!doc.first_child());
  BOOST_TEST(stats.elements == 0u);
}

BOOST_AUTO_TEST_CASE(depth_exactly_at_the_limit_is_accepted_one_more_is_refused) {
  ParseLimits limits;
  limits.max_depth = 40;
  // html (1) > body (2) > 38 divs: the deepest div is at depth 40.
  const std::string at_limit = repeat("<div>", 38);
  pugi::xml_document doc;
  std::string error;
  ParseStats stats;
  BOOST_TEST(parse_html(at_limit, limits, doc, &error, &stats), error);
  BOOST_TEST(stats.depth == 40u);

  const std::string over = repeat("<div>", 39);
  BOOST_TEST(!parse_html(over, limits, doc, &error, &stats));
  BOOST_TEST(error == "the page nests elements 41 levels deep; the limit is 40 (limits.max_depth)");
  BOOST_TEST(!doc.first_child());
}

BOOST_AUTO_TEST_CASE(max_bytes_is_refused_unparsed) {
  ParseLimits limits;
  limits.max_bytes = 100;
  pugi::xml_document doc;
  std::string error;
  BOOST_TEST(parse_html(std::string(100, 'x'), limits, doc, &error));
  BOOST_TEST(!parse_html(std::string(101, 'x'), limits, doc, &error));
  BOOST_TEST(error == "the page is 101 bytes; the limit is 100 bytes (limits.max_bytes)");
  BOOST_TEST(!doc.first_child());
}

// Inputs crafted against a naive "start tags minus end tags" count; each is really deep.
const Refusal kDeepDisguised[] = {
    {"stray end tags do not cancel nesting", repeat("<div></x>", 5000),
     "the page nests elements more than 2048"},
    {"an end tag does not cross a special element", repeat("<x><div></x>", 5000),
     "the page nests elements more than 2048"},
    {"an end tag does not cross a scope boundary", repeat("<div><object></div>", 5000),
     "the page nests elements more than 2048"},
    {"misnested formatting keeps blocks open", repeat("<b><div></b>", 5000),
     "the page nests elements more than 2048"},
    {"a self-closing slash on an HTML element is ignored", repeat("<div/>", 5000),
     "the page nests elements more than 2048"},
    {"HTML inside svg foreignObject", "<svg><foreignObject>" + repeat("<span/>", 5000),
     "the page nests elements more than 2048"},
    {"script escapes hide the end tag", "<script><!--<script></script>" + repeat("</div>", 100) +
                                            "</script>-->" + repeat("<div>", 3000),
     "the page nests elements more than 2048"},
    {"svg nesting", "<svg>" + repeat("<g>", 3000), "the page nests elements more than 2048"},
    {"repeated misnested formatting clones (the parser's memory budget)",
     [] {
       std::string s;
       for (int i = 0; i < 3000; ++i) s += "<div><b id=" + std::to_string(i) + "></div>";
       return s;
     }(),
     "the HTML parser needed more than "},
};

BOOST_DATA_TEST_CASE(deep_markup_in_disguise_is_refused, bdata::make(kDeepDisguised), r) {
  pugi::xml_document doc;
  std::string error;
  BOOST_TEST(!parse_html(r.html, ParseLimits{}, doc, &error));
  BOOST_TEST(error.rfind(r.error_starts, 0) == 0u, error);
  BOOST_TEST(!doc.first_child());
}

// Inputs a naive tag counter would refuse, that are in fact shallow.
const Shallow kShallow[] = {
    {"void elements", repeat("<br><img src=x><input>", 3000)},
    {"optional end tags", repeat("<p>para<li>item<option>o", 3000)},
    {"tags inside a comment", "<!--" + repeat("<div>", 5000) + "-->"},
    {"tags inside script", "<script>" + repeat("<div>", 5000) + "</script>"},
    {"tags inside textarea and title",
     "<title>" + repeat("<div>", 3000) + "</title><textarea>" + repeat("<div>", 3000)},
    {"tags inside a quoted attribute", "<p title=\"" + repeat("<div>", 5000) + "\">"},
    {"self-closing svg elements", "<svg>" + repeat("<path d='M0'/>", 5000) + "</svg>"},
    {"unclosed links close each other", repeat("<a href=x>link ", 5000)},
    {"tags after plaintext", "<plaintext>" + repeat("<div>", 5000)},
    {"closed divs", repeat("<div><span>x</span></div>", 5000)},
};

BOOST_DATA_TEST_CASE(shallow_markup_that_looks_deep_is_accepted, bdata::make(kShallow), s) {
  pugi::xml_document doc;
  std::string error;
  ParseStats stats;
  BOOST_TEST(parse_html(s.html, ParseLimits{}, doc, &error, &stats), error);
  BOOST_TEST(stats.depth < 512u);
}

// --- RawText::drop --------------------------------------------------------------------------

namespace {

// How RawText::drop is expected to get its tree: by leaving the raw text out of what gumbo
// reads (`dropped`), by finding the pre-scan wrong and parsing the page whole (`whole`), or with
// nothing to leave out (`none`). The tree must equal the oracle's in every case.
enum class Path { dropped, whole, none };
struct RawCase {
  const char* what;
  std::string html;
  Path path;
};
std::ostream& operator<<(std::ostream& os, const RawCase& c) { return os << c.what; }

const RawCase kRawCases[] = {
    {"a page's scripts and styles", "<html><head><style>p{color:red}</style><script src=a.js></script>"
     "<script>var x = '<p>' + a < b;</script></head><body><p>text</p><script>f()</script>", Path::dropped},
    {"JSON-LD stays", "<script type='application/ld+json'>{\"name\":\"X\"}</script><script>x()</script>",
     Path::dropped},
    {"JSON-LD spelled with a reference is found and the page parsed whole",
     "<script type='application/ld&#43;json'>{\"name\":\"X\"}</script><p>t", Path::whole},
    {"upper case and attributes", "<SCRIPT TYPE=text/javascript>a<b</SCRIPT ><STYLE media='x>y'>q</STYLE\t>", Path::dropped},
    {"escaped script hides an end tag", "<script><!--<script>x</script>y</script>--></script><p>after", Path::dropped},
    {"a script that ends inside its escape", "<script><!--x</script><p>after", Path::dropped},
    {"end tags that are not", "<script>a</scripts></script-x></script><style>b</styles></style><p>z", Path::dropped},
    {"no end tag: runs to the end", "<p>a<style>b{}", Path::none},
    {"end tag cut by the end of input", "<p>a<script>b</script", Path::none},
    {"SVG style is SVG content", "<svg><style>a<b>c</b></style></svg><p>t", Path::none},
    {"SVG script is SVG content", "<svg><script>if (a<b) {}</script></svg><p>t", Path::none},
    {"HTML inside foreignObject", "<svg><foreignObject><style>q</style></foreignObject></svg><p>t", Path::dropped},
    {"after SVG", "<svg><path d=M0/></svg><style>q</style><p>t", Path::dropped},
    {"MathML text integration point", "<math><mi><style>q</style></mi></math>", Path::dropped},
    {"font with attributes leaves SVG", "<svg><font color=red><style>q</style>", Path::none},
    {"style ignored inside select", "<select><style>a</style><option>o</select><p>t", Path::whole},
    {"script ignored in a frameset", "<frameset><script>a<b</script></frameset>", Path::whole},
    {"template contents", "<template><style>q</style><p>t</p></template>", Path::dropped},
    {"tables", "<table><style>q</style><tr><td><script>w</script>a</table>", Path::dropped},
    {"head noscript", "<head><noscript><style>q</style></noscript></head>", Path::dropped},
    {"tags in comments, attributes, textarea, title are text",
     "<!-- <style> --><a title='<script>'>x</a><textarea><style>q</style></textarea>"
     "<title><script>z</script></title>", Path::none},
    {"plaintext", "<plaintext><style>q</style>", Path::none},
    {"a NUL in the tag name", std::string("<scr\0ipt>a</script><p>t", 23), Path::none},
};

}  // namespace

BOOST_DATA_TEST_CASE(dropping_raw_text_changes_nothing_else, bdata::make(kRawCases), c) {
  ParseStats stats;
  const std::string got = tv::test::dump_drop(c.html, stats);
  BOOST_TEST(got == tv::test::dump_keep_emptied(c.html));
  BOOST_TEST(got.find("(refused") == std::string::npos);
  switch (c.path) {
    case Path::dropped:
      BOOST_TEST(stats.raw_text_dropped > 0u);
      BOOST_TEST(!stats.raw_text_whole);
      break;
    case Path::whole:
      BOOST_TEST(stats.raw_text_dropped == 0u);
      BOOST_TEST(stats.raw_text_whole);
      break;
    case Path::none:
      BOOST_TEST(stats.raw_text_dropped == 0u);
      BOOST_TEST(!stats.raw_text_whole);
      break;
  }
}

BOOST_AUTO_TEST_CASE(dropped_raw_text_keeps_json_ld_and_the_elements) {
  pugi::xml_document doc;
  std::string error;
  ParseStats stats;
  BOOST_TEST_REQUIRE(parse_html("<script type=application/ld+json>{\"a\":1}</script><style>p{}</style>"
                                "<script src=x.js>ignored()</script><p>t</p>",
                                ParseLimits{}, doc, &error, &stats, tv::html::RawText::drop));
  BOOST_TEST(xpath_string(doc, "//script[1]") == "{\"a\":1}");
  BOOST_TEST(doc.select_nodes("//script").size() == 2u);
  BOOST_TEST(xpath_string(doc, "//script[2]/@src") == "x.js");
  BOOST_TEST(!doc.select_node("//script[2]/node()"));
  BOOST_TEST(doc.select_nodes("//style").size() == 1u);
  BOOST_TEST(!doc.select_node("//style/node()"));
  BOOST_TEST(xpath_string(doc, "//p") == "t");
  BOOST_TEST(stats.raw_text_dropped == std::string("p{}ignored()").size());
}

BOOST_AUTO_TEST_CASE(dropping_keeps_the_limits) {
  // The depth limit and the time and memory budgets are the whole page's.
  pugi::xml_document doc;
  std::string error;
  ParseLimits limits;
  limits.max_depth = 40;
  const std::string deep = "<style>" + repeat("x", 100000) + "</style>" + repeat("<div>", 100);
  BOOST_TEST(!parse_html(deep, limits, doc, &error, nullptr, tv::html::RawText::drop));
  BOOST_TEST(error.find("levels deep") != std::string::npos, error);
}

BOOST_AUTO_TEST_SUITE_END()
