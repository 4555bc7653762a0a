#include <boost/test/unit_test.hpp>

#include <regex>
#include <string>

#include <nlohmann/json.hpp>

#include "stages/html/dom.hpp"
#include "stages/site/escape.hpp"
#include "stages/site/pages.hpp"
#include "stages/site/site.hpp"
#include "stages/site/templates.hpp"
#include "test_util.hpp"

using namespace tv::site;
using nlohmann::json;
using tv::test::TempDir;
using tv::test::write_file;

namespace {

std::string load_error(const TempDir& dir, const std::vector<std::string>& required = {}) {
  try {
    Templates::load(dir.path(), required);
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "";
}

const std::string kHostile = "<script>alert(1)</script> \" onmouseover=\"x()\" ' & </script><!--";

// A small site: three tools (one with hostile text everywhere), two comparisons, reviews.
json small_site() {
  json tool_a = {{"id", "t1"}, {"slug", "alpha"}, {"name", "Alpha"}, {"category", "Developer Tools"},
                 {"vendor", "Acme"}, {"kind", "text"}, {"tagline", "Fast & small"},
                 {"description", "Alpha claims HumanEval and MMLU-Pro results."},
                 {"price", {{"display", "Free"}, {"tier", "free"}}},
                 {"license", {{"name", "Apache License 2.0"}, {"spdx", "Apache-2.0"}}},
                 {"parameter_sizes", {{{"label", "2B"}}}},
                 {"homepage", "https://alpha.example/"},
                 {"conflicts", json::array({{{"field", "license"},
                                             {"values", json::array({{{"value", {{"name", "Apache License 2.0"}, {"spdx", "Apache-2.0"}}},
                                                                      {"sources", {"hf-alpha.html", "hf-alpha-mirror.html"}},
                                                                      {"sites", {"huggingface.co", "huggingface.co"}}},
                                                                     {{"value", {{"name", "MIT License"}, {"spdx", "MIT"}}},
                                                                      {"sources", {"alpha-fix.xml", "lb-alpha.html", "old.html"}},
                                                                      {"sites", {"an editor's file", "launchboard.example", "an editor's file"}}}})}}})},
                 {"reviews", {{{"reviewer", "builder"}, {"verdict", "ship"}, {"quote", "Clean primitive."}, {"date", "2026-11-20"}},
                              {{"reviewer", "skeptic"}, {"verdict", "skip"}, {"quote", "Crowded shelf."}, {"date", "2026-11-20"}}}},
                 {"community", {{"ship", 3}, {"total", 4}}}};
  json tool_b = {{"id", "t2"}, {"slug", "bad-tool"}, {"name", kHostile}, {"category", "Developer Tools"},
                 {"vendor", kHostile}, {"tagline", kHostile}, {"description", kHostile},
                 {"homepage", "javascript:alert(1)"},
                 {"source_urls", {"javascript:alert(2)", "https://ok.example/x?a=1&b=2"}},
                 {"aliases", {kHostile}},
                 {"conflicts", json::array({{{"field", "vendor"},
                                              {"values", json::array({{{"value", kHostile},
                                                                       {"sources", json::array({"evil\".html"})}}})}}})},
                 {"reviews", {{{"reviewer", "builder"}, {"verdict", "ship"}, {"quote", kHostile}, {"date", "2026-11-21"}}}},
                 {"community", {{"ship", 0}, {"total", 0}}}};
  json tool_c = {{"id", "t3"}, {"slug", "gamma"}, {"name", "Gamma"}, {"category", "Writing"},
                 {"redirects_from", {"gamma-old"}}};
  return {{"site", {{"title", "Tool Verdicts"}, {"base_url", "https://tv.example"}, {"today", "2026-11-22"},
                    {"per_page", 1}, {"subscribe_url", "https://tv.example/subscribe"}}},
          {"reviewers", {{{"id", "builder"}, {"name", "The Builder"}, {"role", "DX"}},
                         {{"id", "skeptic"}, {"name", "The Skeptic"}, {"role", "Risks"}}}},
          {"tools", {tool_a, tool_b, tool_c}},
          {"comparisons", {{{"slug", "alpha-vs-bad-tool"}, {"a", "alpha"}, {"b", "bad-tool"}, {"category", "Developer Tools"},
                            {"published_on", "2026-11-21"}, {"reason", kHostile}},
                           {{"slug", "alpha-vs-gamma"}, {"a", "alpha"}, {"b", "gamma"}, {"category", "Developer Tools"},
                            {"published_on", "2026-11-22"}, {"reason", "same category"}}}},
          {"report", {{"rejected", {{{"name", kHostile}, {"reason", kHostile}, {"day", "2026-11-22"}}}}}}};
}

const Templates& shipped() {
  static const Templates t = Templates::load(std::string(TV_SOURCE_DIR) + "/templates", required_templates());
  return t;
}

std::map<std::string, std::string> render(const json& doc, unsigned jobs = 2) {
  std::map<std::string, std::string> out;
  for (auto& f : render_site(doc, shipped(), {jobs, false, nullptr}).files) out[f.path] = f.bytes;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)

BOOST_AUTO_TEST_CASE(html_escapes_markup_and_replaces_forbidden_characters) {
  BOOST_TEST(html("<a href=\"x\" title='y'>&</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  BOOST_TEST(html("caf\xC3\xA9 \xE2\x80\x94 ok") == "caf\xC3\xA9 \xE2\x80\x94 ok");
  BOOST_TEST(html(std::string("a\x01" "b\x7f" "c", 5)) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  BOOST_TEST(html("bad \xC3 byte") == "bad \xEF\xBF\xBD byte");
  BOOST_TEST(html("\xC2\x85 and \xEF\xBF\xBE") == "\xEF\xBF\xBD and \xEF\xBF\xBD");  // C1 control, noncharacter
  BOOST_TEST(html("tab\tand\nline") == "tab\tand\nline");
}

BOOST_AUTO_TEST_CASE(json_for_script_cannot_close_the_script) {
  BOOST_TEST(json_for_script(R"({"a":"</script><!--&"})") == R"({"a":"\u003c/script\u003e\u003c!--\u0026"})");
  BOOST_TEST(json_for_script("\"\xE2\x80\xA8\"") == "\"\\u2028\"");
}

BOOST_AUTO_TEST_CASE(only_http_urls_are_linked) {
  BOOST_TEST(safe_external_url(" https://hf.co/x?a=1&b=2 ") == "https://hf.co/x?a=1&b=2");
  BOOST_TEST(safe_external_url("HTTP://Example.com") == "HTTP://Example.com");
  for (auto bad : {"javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example", "/relative",
                   "https://", "https:///path", "https://a.example/\"onclick=x", "https://a.example/<x>", "https://a b",
                   "https://a.example/\x01"})
    BOOST_TEST(safe_external_url(bad).empty(), bad);
}

BOOST_AUTO_TEST_CASE(a_syntax_error_names_the_file_and_line) {
  TempDir dir;
  write_file(dir / "comparison.mustache", "<p>\n{{title}}\n<p>{{#cards}}\n{{name}}\n");
  auto error = load_error(dir);
  BOOST_TEST(error.find("comparison.mustache line 3: Unclosed section \"cards\"") != std::string::npos, error);

  TempDir partial;
  write_file(partial / "tool.mustache", "{{> head}}\n");
  write_file(partial / "partials/head.mustache", "<head>\n\n{{title\n");
  error = load_error(partial);
  BOOST_TEST(error.find("partials/head.mustache line 3: Unclosed tag") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(an_unknown_partial_or_a_missing_page_fails_the_load) {
  TempDir dir;
  write_file(dir / "tool.mustache", "<p>\n\n{{> nope}}\n");
  auto error = load_error(dir);
  BOOST_TEST(error.find("tool.mustache line 3: no partial named \"nope\"") != std::string::npos, error);

  TempDir missing;
  write_file(missing / "tool.mustache", "x");
  error = load_error(missing, {"tool", "comparison"});
  BOOST_TEST(error.find("comparison.mustache: the site needs this template") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(a_missing_variable_is_an_error_not_an_empty_string) {
  TempDir dir;
  write_file(dir / "page.mustache", "{{title}} {{#items}}{{name}} {{price}}{{/items}}{{> foot}}");
  write_file(dir / "partials/foot.mustache", "{{site.title}}");
  auto t = Templates::load(dir.path(), {"page"});
  Data data;
  data.set("title", "T");
  Data items(Data::type::list);
  Data item;
  item.set("name", "n");
  items.push_back(item);
  data.set("items", items);
  Data site;
  site.set("title", "S");
  data.set("site", site);
  try {
    t.render("page", data);
    BOOST_FAIL("rendered although price is missing");
  } catch (const TemplateError& e) {
    BOOST_TEST(std::string(e.what()).find("the page data has no price") != std::string::npos, e.what());
  }
  item.set("price", "<1>");
  Data fixed(Data::type::list);
  fixed.push_back(item);
  data.set("items", fixed);
  BOOST_TEST(t.render("page", data) == "T n &lt;1&gt;S");
}

BOOST_AUTO_TEST_CASE(the_site_has_every_page_and_no_page_depends_on_thread_timing) {
  auto one = render(small_site(), 1), two = render(small_site(), 2);
  BOOST_TEST((one == two));
  for (auto path : {"index.html", "report/index.html", "feed.xml", "sitemap.xml", "robots.txt", "style.css",
                    "compare/alpha-vs-bad-tool/index.html", "compare/alpha-vs-gamma/index.html",
                    "tools/alpha/index.html", "tools/bad-tool/index.html", "tools/gamma/index.html",
                    "tools/gamma-old/index.html",  // the redirect an absorbed slug leaves
                    "category/developer-tools/index.html", "category/developer-tools/page/2/index.html",
                    "category/writing/index.html"})
    BOOST_TEST(one.count(path) == 1u, path);
}

BOOST_AUTO_TEST_CASE(hostile_text_never_reaches_a_page_unescaped) {
  auto site = render(small_site());
  if (const char* dump = std::getenv("TV_SITE_DUMP"))
    for (auto& [path, bytes] : site) tv::test::write_file(std::filesystem::path(dump) / path, bytes);
  // Each page as a browser's HTML5 parser builds it (gumbo): no script but JSON-LD, no event
  // handler attribute, no script URL in a link, no comment smuggled in.
  for (auto& [path, bytes] : site) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    pugi::xml_document dom;
    std::string error;
    BOOST_TEST_REQUIRE(tv::html::parse_html(bytes, {}, dom, &error), path << ": " << error);
    for (auto& x : dom.select_nodes("//*")) {
      auto el = x.node();
      if (std::string(el.name()) == "script")
        BOOST_TEST(std::string(el.attribute("type").value()) == "application/ld+json", path);
      for (auto a : el.attributes()) {
        std::string name = a.name(), value = a.value();
        BOOST_TEST(!(name.size() > 2 && name.substr(0, 2) == "on"), path << ": <" << el.name() << " " << name << ">");
        if (name == "href" || name == "src" || name == "action" || name == "content") {
          std::string v;
          for (char c : value) v += char(std::tolower(static_cast<unsigned char>(c)));
          BOOST_TEST(v.find("javascript:") == std::string::npos, path << ": " << name << "=" << value);
        }
      }
    }
    BOOST_TEST(dom.select_nodes("//comment()").empty(), path);
  }
  BOOST_TEST(site.at("feed.xml").find("<script") == std::string::npos);
  const auto& page = site.at("compare/alpha-vs-bad-tool/index.html");
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot; onmouseover=&quot;x()&quot; &#39; &amp;") != std::string::npos);
  // The JSON-LD still says what the page says, once decoded.
  auto at = page.find("<script type=\"application/ld+json\">");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  auto start = page.find('>', at) + 1, end = page.find("</script>", start);
  auto ld = json::parse(page.substr(start, end - start));
  BOOST_TEST(ld["about"][1]["name"].get<std::string>() == kHostile);
  BOOST_TEST(ld["about"][1]["review"][0]["reviewBody"].get<std::string>() == kHostile);
  BOOST_TEST(!ld["about"][1].contains("aggregateRating"));
  BOOST_TEST(!ld["about"][1].contains("sameAs"));  // javascript: homepage is dropped
  // The safe source URL is linked, its & escaped.
  BOOST_TEST(site.at("tools/bad-tool/index.html").find("href=\"https://ok.example/x?a=1&amp;b=2\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(comparison_page_reads_the_panel_community_and_price) {
  auto site = render(small_site());
  const auto& page = site.at("compare/alpha-vs-gamma/index.html");
  auto has = [&](const std::string& text) {
    BOOST_TEST(page.find(text) != std::string::npos, text);
  };
  has("<h1>Alpha vs Gamma</h1>");
  has("Only Alpha has been reviewed so far: 1 of 2 reviewers would ship it.");
  has("Alpha: 75% ship from 4 votes; Gamma: no votes yet.");
  has("Alpha is free; Gamma lists no price.");
  has("The Builder ships Alpha (and has not reviewed Gamma); The Skeptic skips Alpha (and has not reviewed Gamma).");
  has("<td>HumanEval, MMLU-Pro</td>");
  has("<strong>50%</strong> <span class=\"count\">1 of 2</span>");  // Alpha's panel: 1 ship of 2
  has("<td>none claimed</td>");
  // Where both reviewed: the builder ships both.
  BOOST_TEST(site.at("compare/alpha-vs-bad-tool/index.html").find("The Builder ships both") != std::string::npos);
  // The hostile tool's conflicting vendor is flagged; its source, which names no site (site
  // data from before sites were kept), is "a scraped page", never the file.
  BOOST_TEST(site.at("compare/alpha-vs-bad-tool/index.html").find("Sources disagree") != std::string::npos);
  BOOST_TEST(site.at("compare/alpha-vs-bad-tool/index.html").find("(a scraped page)") != std::string::npos);
  BOOST_TEST(site.at("compare/alpha-vs-bad-tool/index.html").find("evil") == std::string::npos);
  BOOST_TEST(site.at("report/index.html").find("(evil&quot;.html)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(readers_see_a_conflict_s_sites_and_the_editor_s_report_its_files) {
  auto site = render(small_site());
  const std::vector<std::string> files{"hf-alpha.html", "hf-alpha-mirror.html", "alpha-fix.xml", "lb-alpha.html", "old.html"};
  const std::string apache = "Apache License 2.0 (Apache-2.0) <span class=\"source\">(huggingface.co)</span>";
  const std::string mit = "MIT License (MIT) <span class=\"source\">(an editor&#39;s file, launchboard.example)</span>";
  for (auto path : {"tools/alpha/index.html", "compare/alpha-vs-gamma/index.html", "compare/alpha-vs-bad-tool/index.html"}) {
    const auto& page = site.at(path);
    BOOST_TEST(page.find(apache) != std::string::npos, path);  // each site once, in the order first given
    BOOST_TEST(page.find(mit) != std::string::npos, path);
    for (auto& f : files) BOOST_TEST(page.find(f) == std::string::npos, path << " shows " << f);
  }
  for (auto& [path, bytes] : site)
    if (path != "report/index.html")
      for (auto& f : files) BOOST_TEST(bytes.find(f) == std::string::npos, path << " shows " << f);
  const auto& report = site.at("report/index.html");
  BOOST_TEST(report.find("Apache License 2.0 (Apache-2.0) <span class=\"source\">(hf-alpha.html, hf-alpha-mirror.html)</span>") !=
             std::string::npos);
  BOOST_TEST(report.find("MIT License (MIT) <span class=\"source\">(alpha-fix.xml, lb-alpha.html, old.html)</span>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(benchmarks_are_found_by_whole_name) {
  BOOST_TEST((benchmarks_claimed("Beats SWE-bench and humaneval; MMLU-Pro too, and MMLU.") ==
              std::vector<std::string>{"SWE-bench", "HumanEval", "MMLU-Pro", "MMLU"}));
  BOOST_TEST(benchmarks_claimed("MATHEMATICS and BBHX are not benchmarks").empty());
}

BOOST_AUTO_TEST_SUITE_END()
