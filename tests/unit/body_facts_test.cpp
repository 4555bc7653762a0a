// Body facts (stages/extract/body_facts.hpp): labelled facts and prose, on the markup shapes
// real sites use, and the parts of a page whose facts are someone else's.
#include <boost/test/unit_test.hpp>

#include "stages/extract/body_facts.hpp"
#include "stages/extract/generic.hpp"
#include "stages/html/dom.hpp"

using namespace tv::extract;

namespace {
pugi::xml_document parse(const std::string& html) {
  pugi::xml_document doc;
  std::string err;
  BOOST_REQUIRE_MESSAGE(tv::html::parse_html(html, {}, doc, &err), err);
  return doc;
}
BodyFacts body(const std::string& inner) {
  auto doc = parse("<!doctype html><html><head><title>t</title></head><body>" + inner + "</body></html>");
  return read_body_facts(doc);
}
std::string first(const std::vector<Fact>& v) { return v.empty() ? "<none>" : v.front().value; }
std::string first_rule(const std::vector<Fact>& v) { return v.empty() ? "<none>" : v.front().rule; }
}  // namespace

BOOST_AUTO_TEST_SUITE(body_facts)

BOOST_AUTO_TEST_CASE(definition_lists_tables_and_label_lines) {
  auto b = body("<dl><dt>Maker</dt><dd>Black Forest Labs</dd><dt>Licence<span>:</span></dt><dd><p>Apache 2.0</p></dd>"
                "<dt>Parameter count</dt><dd>12B parameters</dd></dl>");
  BOOST_TEST(first(b.vendor) == "Black Forest Labs");
  BOOST_TEST(first_rule(b.vendor) == "labelled dl: Maker");
  BOOST_TEST(first(b.license) == "Apache 2.0");
  BOOST_TEST(first(b.sizes) == "12B parameters");
  b = body("<table><tr><th>Property</th><th>Value</th></tr><tr><td>Developer</td><td>Allen Institute for AI</td></tr>"
           "<tr><td>Context length</td><td>32K tokens</td></tr></table>");
  BOOST_TEST(first(b.vendor) == "Allen Institute for AI");
  BOOST_TEST(first_rule(b.vendor) == "labelled table: Developer");
  BOOST_TEST(b.sizes.empty());  // a context length is not a size
  b = body("<p>Hersteller: Google DeepMind<br>Lizenz: Gemma Terms of Use<br>Kategorie: Developer Tools</p>"
           "<ul><li><strong>Preis:</strong> Kostenlose Version; Pro ab 20 US$ pro Monat</li>"
           "<li><strong>Licence :</strong> MIT</li></ul>");
  BOOST_TEST(first(b.vendor) == "Google DeepMind");
  BOOST_TEST(first(b.license) == "Gemma Terms of Use");
  BOOST_TEST(b.license.size() == 2u);
  BOOST_TEST(b.license[1].value == "MIT");  // French spacing before the colon
  BOOST_TEST(first(b.category) == "Developer Tools");
  BOOST_TEST(first(b.price) == "Kostenlose Version; Pro ab 20 US$ pro Monat");
  BOOST_TEST(first_rule(b.price) == "labelled line: Preis");
}

BOOST_AUTO_TEST_CASE(a_heading_labels_the_line_after_it_and_placeholders_are_no_value) {
  auto b = body("<aside aria-label='Package sidebar'><h3>License</h3><p>Apache-2.0</p><h3>Version</h3><p>1.4.2</p></aside>"
                "<h2>License</h2><p>The code and weights are released under the BigCode OpenRAIL-M. See LICENSE.</p>"
                "<ul><li>Developed by: [More Information Needed]</li><li>Maker: N/A</li></ul>");
  BOOST_TEST(first(b.license) == "Apache-2.0");
  BOOST_TEST(first_rule(b.license) == "labelled heading: License");
  BOOST_TEST(b.license.size() == 1u);                     // a sentence after a heading is prose
  BOOST_TEST(first(prose_licenses(b.prose)) == "BigCode OpenRAIL-M");
  BOOST_TEST(b.vendor.empty());
}

BOOST_AUTO_TEST_CASE(elements_named_for_their_fact) {
  auto b = body("<section class=pricing><h2>Pricing</h2><p><span class=pricing>Free plan; Plus $20/month</span></p></section>"
                "<p class=maker>Made by <span class=vendor>OpenAI</span></p>");
  BOOST_TEST(first(b.price) == "Free plan; Plus $20/month");  // the inner element, not the section
  BOOST_TEST(first(b.vendor) == "OpenAI");
  BOOST_TEST(first_rule(b.vendor) == "labelled class=vendor");
  b = body("<div itemscope itemtype='http://schema.org/SoftwareApplication'><span itemprop=author itemscope>"
           "<span itemprop=name>Midjourney</span></span><span itemprop=applicationCategory>Image Generation</span></div>");
  BOOST_TEST(first(b.vendor) == "Midjourney");
  BOOST_TEST(first(b.category) == "Image Generation");
  b = body("<article itemscope itemtype='http://schema.org/NewsArticle'>von <span itemprop=author>Anna Redakteurin</span></article>");
  BOOST_TEST(b.vendor.empty());  // an article's author is not the tool's maker
  b = body("<p>Tags: <a href='/models?license=license%3Aapache-2.0'>apache-2.0</a></p>");
  BOOST_TEST(first(b.license) == "license:apache-2.0");
}

BOOST_AUTO_TEST_CASE(other_peoples_facts_are_not_read) {
  auto b = body("<main><p>Claude helps you write.</p></main>"
                "<section class=alternatives><ul><li class=card>Other <span class=price>$15/mo</span></li></ul></section>"
                "<footer><p>Text licensed under CC BY-NC-ND 4.0.</p><p>License: CC BY-SA 3.0</p></footer>"
                "<div id=cookie-banner><p>Price: free cookies</p></div>"
                "<div class=comments><p>Price: $5 for the plugin</p></div><nav><p>Category: Reviews</p></nav>");
  BOOST_TEST(b.price.empty());
  BOOST_TEST(b.license.empty());
  BOOST_TEST(prose_licenses(b.prose).empty());
  BOOST_TEST(b.category.empty());
}

BOOST_AUTO_TEST_CASE(prose_licences_sizes_and_makers_in_four_languages) {
  auto b = body("<p>Mistral 7B was developed by Mistral AI and has 7.3 billion parameters.</p>"
                "<p>The weights are released under the Apache 2.0 license, so you can build on them.</p>");
  BOOST_TEST(first(prose_vendors(b.prose)) == "Mistral AI");
  BOOST_TEST(first_rule(prose_vendors(b.prose)) == "prose: developed by");
  BOOST_TEST(first(prose_licenses(b.prose)) == "Apache-2.0");
  BOOST_TEST(first(prose_sizes(b.prose)) == "7.3B");
  BOOST_TEST(first(prose_vendors(body("<p>Das Werkzeug stammt von Perplexity.</p>").prose)) == "Perplexity");
  BOOST_TEST(first(prose_vendors(body("<p>L'outil est développé par Jasper.</p>").prose)) == "Jasper");
  BOOST_TEST(first(prose_vendors(body("<p>La herramienta fue desarrollada por el Allen Institute for AI.</p>").prose)) ==
             "Allen Institute for AI");
  BOOST_TEST(first(prose_vendors(body("<p>La herramienta fue desarrollada por Allen Institute for AI.</p>").prose)) ==
             "Allen Institute for AI");
  BOOST_TEST(prose_vendors(body("<p>It was developed by a small team and made by hand.</p>").prose).empty());
  BOOST_TEST(prose_vendors(body("<p>It was developed by the team at the lab.</p>").prose).empty());
  BOOST_TEST(first(prose_sizes(body("<p>Jamba comes with 52B total parameters, 12B active and fits on one node.</p>").prose)) ==
             "52B total, 12B active");
}

BOOST_AUTO_TEST_CASE(a_company_blog_names_its_maker_a_newspaper_does_not) {
  auto doc = parse(R"X(<html><head><link rel=canonical href="https://mistralai.example/blog/introducing-mixtral">
    <script type="application/ld+json">{"@type":"BlogPosting","headline":"Introducing Mixtral",
      "publisher":{"@type":"Organization","name":"Mistral AI"}}</script></head><body><h1>Introducing Mixtral</h1></body></html>)X");
  auto f = extract_facts(doc, {});
  BOOST_TEST(f.vendor.empty());  // believed last, after the prose (normalise reads both lazily)
  BOOST_TEST(first(f.own_site_publisher) == "Mistral AI");
  BOOST_TEST(first_rule(f.own_site_publisher) == "json-ld BlogPosting.publisher (the page is on its own site)");
  doc = parse(R"X(<html><head><link rel=canonical href="https://www.lanacion.example/tecnologia/chatgpt-1.html">
    <meta name="DC.publisher" content="LA NACION">
    <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"LA NACION"}}</script>
    </head><body><h1>ChatGPT: la probamos</h1></body></html>)X");
  f = extract_facts(doc, {});
  BOOST_TEST(f.vendor.empty());
  BOOST_TEST(f.own_site_publisher.empty());
  // A blogging platform publishes everyone's posts.
  doc = parse(R"X(<html><head><link rel=canonical href="https://medium.example/@x/mistral">
    <script type="application/ld+json">{"@type":"BlogPosting","publisher":{"@type":"Organization","name":"Medium"}}</script>
    </head><body><p>Mistral 7B was developed by Mistral AI.</p></body></html>)X");
  f = extract_facts(doc, {});
  BOOST_TEST(f.own_site_publisher.empty());
  BOOST_TEST(first(prose_vendors(f.prose)) == "Mistral AI");
}

BOOST_AUTO_TEST_SUITE_END()
