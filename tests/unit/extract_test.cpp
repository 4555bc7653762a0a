#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "stages/extract/generic.hpp"
#include "stages/extract/jsonld.hpp"
#include "stages/extract/title.hpp"
#include "stages/html/dom.hpp"

namespace bdata = boost::unit_test::data;
using namespace tv::extract;

namespace {
PageFacts facts_of(const std::string& html, const ProfileSet& profiles = {}) {
  pugi::xml_document doc;
  std::string err;
  BOOST_REQUIRE_MESSAGE(tv::html::parse_html(html, {}, doc, &err), err);
  return extract_facts(doc, profiles);
}
std::string first(const std::vector<Fact>& v) { return v.empty() ? "<none>" : v.front().value; }
std::string first_rule(const std::vector<Fact>& v) { return v.empty() ? "<none>" : v.front().rule; }

struct TitleCase {
  std::string title, site, name;
};
std::ostream& operator<<(std::ostream& o, const TitleCase& c) { return o << c.title; }
const std::vector<TitleCase> kTitles{
    {"HuggingFaceTB/SmolVLM2-2.2B-Instruct · Hugging Face", "", "SmolVLM2-2.2B-Instruct"},
    {"SmolVLM2 | LaunchBoard", "", "SmolVLM2"},
    {"SmolVLM2 | LaunchBoard", "LaunchBoard", "SmolVLM2"},
    {"LaunchBoard | SmolVLM2", "LaunchBoard", "SmolVLM2"},
    {"Code Llama 4 - Meta AI Blog", "", "Code Llama 4"},
    {"Introducing Code Llama 4: open code models", "", "Code Llama 4"},
    {"GPT-4o", "", "GPT-4o"},
    {"SmolVLM2-2B", "", "SmolVLM2-2B"},
    {"  Llama 4 Compact (12B)\n — Meta  ", "", "Llama 4 Compact (12B)"},
    {"tl;dv — AI meeting notes", "", "tl;dv"},
    {"Daring Fireball: Colophon", "", "Daring Fireball: Colophon"},
    {"Welcome to Firefox Developer Edition", "", "Welcome to Firefox Developer Edition"},
    {"", "", ""},
    {" | ", "", ""},
};
}  // namespace

BOOST_AUTO_TEST_SUITE(extract)

BOOST_DATA_TEST_CASE(names_come_out_of_titles, bdata::make(kTitles), c) {
  BOOST_TEST(name_from_title(c.title, c.site) == c.name);
}

BOOST_AUTO_TEST_CASE(taglines_come_after_the_name_and_never_name_the_site) {
  BOOST_TEST(tagline_from_title("SmolVLM2-2B – Runs on your phone | LaunchBoard", "LaunchBoard") == "Runs on your phone");
  BOOST_TEST(tagline_from_title("SmolVLM2-2B – Runs on your phone | LaunchBoard", "") == "Runs on your phone");
  BOOST_TEST(tagline_from_title("Code Llama 4 - Meta AI Blog", "Meta AI") == "");
  BOOST_TEST(tagline_from_title("Code Llama 4 - Meta AI Blog", "") == "");  // may be the site
  BOOST_TEST(tagline_from_title("SmolVLM2", "") == "");
}

BOOST_AUTO_TEST_CASE(meta_sources_are_read_in_order_of_belief) {
  auto f = facts_of(R"X(<!doctype html><html><head>
    <title>Some Tool | Directory</title>
    <meta property="og:title" content="Some Tool">
    <meta name="twitter:title" content="Some Tool (twitter)">
    <meta name="DC.title" content="Some Tool (dc)">
    <meta name="description" content="The description.">
    <meta property="og:description" content="Short pitch">
    <meta name="DC.creator" content="Acme Inc.">
    <link rel="canonical" href="https://tools.example/some-tool?utm_source=x">
    </head><body><h1>Some Tool heading</h1></body></html>)X");
  // The voted name first (og:title and <title> agree), then every source in order of belief.
  BOOST_TEST(f.name.size() == 6u);
  BOOST_TEST(first(f.name) == "Some Tool");
  BOOST_TEST(first_rule(f.name) == "meta og:title (2 sources agree)");
  BOOST_TEST(f.name[1].rule == "meta og:title");
  BOOST_TEST(f.name[2].rule == "meta twitter:title");
  BOOST_TEST(f.name[3].rule == "meta DC.title");
  BOOST_TEST(f.name[4].rule == "<title>");
  BOOST_TEST(f.name[5].rule == "<h1>");
  BOOST_TEST(first(f.description) == "The description.");
  BOOST_TEST(first(f.tagline) == "Short pitch");
  BOOST_TEST(first(f.vendor) == "Acme Inc.");
  BOOST_TEST(first(f.url) == "https://tools.example/some-tool?utm_source=x");
}

BOOST_AUTO_TEST_CASE(a_heading_that_only_links_home_is_the_site_not_the_tool) {
  auto f = facts_of(R"X(<html><head><title>Claude | Tools Weekly</title><meta property="og:site_name" content="Tools Weekly">
    <meta property="og:title" content="&lt;b&gt;Claude&lt;/b&gt; | Tools Weekly"></head>
    <body><h1><a href="/" title="Tools Weekly">Tools Weekly</a></h1><h2>Claude</h2></body></html>)X");
  BOOST_TEST(first(f.name) == "Claude");
}

BOOST_AUTO_TEST_CASE(json_ld_graph_software_application_wins_over_meta) {
  auto f = facts_of(R"X(<html><head><title>Announcing things - Blog</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"BlogPosting","headline":"Announcing things","publisher":{"@type":"Organization","name":"Meta AI"}},
      {"@type":["SoftwareApplication"],"name":"Code Llama 4","description":"Open code models.",
       "applicationCategory":"DeveloperApplication","license":"https://ai.meta.example/llama/license",
       "author":{"@type":"Organization","name":"Meta"},
       "offers":{"@type":"Offer","price":"0","priceCurrency":"USD"}}]}
    </script></head><body></body></html>)X");
  BOOST_TEST(first(f.name) == "Code Llama 4");
  BOOST_TEST(first_rule(f.name) == "json-ld SoftwareApplication.name");
  BOOST_TEST(first(f.vendor) == "Meta");
  BOOST_TEST(first(f.category) == "DeveloperApplication");
  BOOST_TEST(first(f.price) == "Free");
  BOOST_TEST(first(f.description) == "Open code models.");
}

BOOST_AUTO_TEST_CASE(json_ld_product_with_brand_and_offer_array) {
  std::vector<std::string_view> blocks{R"({"@type":"Product","name":"Widget AI","brand":{"@type":"Brand","name":"Acme"},
      "offers":[{"@type":"Offer","price":"39.00","priceCurrency":"USD"}]})"};
  PageFacts f;
  read_jsonld(blocks, f);
  BOOST_TEST(first(f.name) == "Widget AI");
  BOOST_TEST(first(f.vendor) == "Acme");
  BOOST_TEST(first(f.price) == "USD 39.00");
}

BOOST_AUTO_TEST_CASE(broken_or_absurd_json_ld_is_skipped) {
  std::string deep(100000, '[');
  std::vector<std::string_view> blocks{"{not json", deep, R"({"@type":"Product","name":"Still Found"})"};
  PageFacts f;
  read_jsonld(blocks, f);
  BOOST_TEST(first(f.name) == "Still Found");
}

BOOST_AUTO_TEST_CASE(a_profile_is_chosen_by_canonical_host_and_believed_first) {
  ProfileSet profiles;
  profiles.add(ProfileSet::parse("hosts = tools.example\nname = //div[@class='n']\nname = //h2\n"
                                 "vendor = //span[@id='v']/@data-org\n",
                                 "tools.example.profile"));
  auto f = facts_of(R"X(<html><head><link rel=canonical href="https://www.tools.example/x">
    <meta property="og:title" content="Generic Name"></head>
    <body><div class=n></div><h2>Profile Name</h2><span id=v data-org="huggingface"></span></body></html>)X",
                    profiles);
  BOOST_TEST(f.profile == "tools.example");
  BOOST_TEST(first(f.name) == "Profile Name");  // the empty first rule falls through to the second
  BOOST_TEST(first_rule(f.name) == "profile tools.example: name");
  BOOST_TEST(f.name[1].value == "Generic Name");
  BOOST_TEST(first(f.vendor) == "huggingface");
}

BOOST_AUTO_TEST_CASE(a_page_of_another_host_gets_no_profile) {
  ProfileSet profiles;
  profiles.add(ProfileSet::parse("hosts = tools.example\nname = //h2\n", "tools.example.profile"));
  auto f = facts_of(R"X(<html><head><meta property="og:url" content="https://other.example/x"></head>
    <body><h2>Not this</h2><h1>Heading</h1></body></html>)X",
                    profiles);
  BOOST_TEST(f.profile == "");
  BOOST_TEST(first(f.name) == "Heading");
}

BOOST_AUTO_TEST_CASE(script_text_is_never_a_name) {
  auto f = facts_of("<html><body><h1><script>document.write('x')</script>Real Name</h1></body></html>");
  BOOST_TEST(first(f.name) == "Real Name");
}

BOOST_AUTO_TEST_SUITE_END()
