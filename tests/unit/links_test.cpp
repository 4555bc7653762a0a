#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ctime>
#include <cstdlib>
#include <string>
#include <vector>

#include "stages/site/links.hpp"

using tv::site::BrokenLink;
using tv::site::check_links;
using tv::site::File;

BOOST_AUTO_TEST_SUITE(links)

namespace {
const char* kBase = "https://www.tool-verdicts.example";

// A page whose body is `body`, wrapped the way our templates wrap it.
File page(std::string path, const std::string& body) {
  return {std::move(path), "<!doctype html>\n<html lang=\"en\">\n<head><title>t</title></head>\n<body>\n" + body +
                               "\n</body>\n</html>\n"};
}

// A small site: the home page, two tool pages, a stylesheet and a logo.
std::vector<File> site_with(const std::string& link_html, const std::string& on = "tools/x/index.html") {
  std::vector<File> files{page("index.html", "<h1 id=\"top-tools\">Tools</h1>"),
                          page("tools/x/index.html", "<h1 id=\"name\">X</h1><section id=\"pricing\">p</section>"),
                          page("tools/y/index.html", "<h2 id=\"verdict\">Y</h2>"),
                          {"style.css", "body{}"},
                          {"img/logo.png", "PNG"}};
  for (File& f : files)
    if (f.path == on) f.bytes.insert(f.bytes.find("</body>"), link_html);
  return files;
}

// The reasons the one link in `link_html` is broken ("" when it is fine).
std::string why(const std::string& link_html, const char* base = kBase, const std::string& on = "tools/x/index.html") {
  auto broken = check_links(site_with(link_html, on), base);
  BOOST_REQUIRE_LE(broken.size(), 1u);
  return broken.empty() ? "" : broken[0].why;
}

std::string a(const std::string& href) { return "<a href=\"" + href + "\">link</a>"; }
}  // namespace

BOOST_AUTO_TEST_CASE(a_link_to_a_page_that_exists_is_fine_and_one_to_a_missing_page_is_broken) {
  BOOST_TEST(why(a("/tools/y/")) == "");
  BOOST_TEST(why(a("/tools/z/")) == "the site has no file tools/z/index.html");
  auto broken = check_links(site_with(a("/tools/z/")), kBase);
  BOOST_REQUIRE_EQUAL(broken.size(), 1u);
  BOOST_TEST(broken[0].page == "tools/x/index.html");
  BOOST_TEST(broken[0].link == "/tools/z/");
}

BOOST_AUTO_TEST_CASE(the_root_is_index_html) {
  BOOST_TEST(why(a("/")) == "");
  auto files = site_with(a("/"));
  files.erase(files.begin());  // no index.html
  auto broken = check_links(files, kBase);
  BOOST_REQUIRE_EQUAL(broken.size(), 1u);
  BOOST_TEST(broken[0].why == "the site has no file index.html");
}

BOOST_AUTO_TEST_CASE(a_folder_without_its_trailing_slash_is_broken_and_an_exact_file_is_fine) {
  BOOST_TEST(why(a("/tools/y")) == "links to a folder without its trailing slash (the page is tools/y/index.html)");
  BOOST_TEST(why(a("/style.css")) == "");
  BOOST_TEST(why(a("/style.css/")) == "the site has no file style.css/index.html");
  BOOST_TEST(why(a("/tools/y/index.html")) == "");
}

BOOST_AUTO_TEST_CASE(relative_links_resolve_against_the_page_folder) {
  BOOST_TEST(why(a("../y/")) == "");
  BOOST_TEST(why(a("../../style.css")) == "");
  BOOST_TEST(why(a("./")) == "");
  BOOST_TEST(why(a("index.html")) == "");
  BOOST_TEST(why(a("y/")) == "the site has no file tools/x/y/index.html");
  BOOST_TEST(why(a("../../../../style.css")) == "");  // a browser stops climbing at the root
}

BOOST_AUTO_TEST_CASE(the_path_is_percent_decoded_before_lookup) {
  auto files = site_with(a("/tools/caf%C3%A9/") + a("/tools/caf%c3%a9/") + a("/docs/a%20b.html") + a("/docs/a%2"));
  files.push_back(page("tools/caf\xC3\xA9/index.html", ""));
  files.push_back({"docs/a b.html", ""});
  auto broken = check_links(files, kBase);
  BOOST_REQUIRE_EQUAL(broken.size(), 1u);
  BOOST_TEST(broken[0].link == "/docs/a%2");
  BOOST_TEST(broken[0].why == "has a '%' that is not followed by two hexadecimal digits");
  BOOST_TEST(why(a("/tools/caf%C3%A8/")) == "the site has no file tools/caf\xC3\xA8/index.html");
}

BOOST_AUTO_TEST_CASE(the_query_is_ignored_for_lookup) {
  BOOST_TEST(why(a("/tools/y/?ref=nav")) == "");
  BOOST_TEST(why(a("?page=2")) == "");
  BOOST_TEST(why(a("/tools/z/?ref=nav")) == "the site has no file tools/z/index.html");
}

BOOST_AUTO_TEST_CASE(a_fragment_must_name_an_id_of_the_target_page) {
  BOOST_TEST(why(a("#pricing")) == "");
  BOOST_TEST(why(a("#missing")) == "tools/x/index.html has no element with id=\"missing\"");
  BOOST_TEST(why(a("/tools/y/#verdict")) == "");
  BOOST_TEST(why(a("../y/?q=1#verdict")) == "");
  BOOST_TEST(why(a("/tools/y/#pricing")) == "tools/y/index.html has no element with id=\"pricing\"");
  BOOST_TEST(why(a("#")) == "");
  BOOST_TEST(why(a("#top")) == "");  // browsers scroll to the top for "#top" with no such id
  BOOST_TEST(why(a("/style.css#x")) == "");  // ids are only looked up in pages
}

BOOST_AUTO_TEST_CASE(only_whitespace_led_id_attributes_count_as_ids) {
  BOOST_TEST(why(a("#card"), kBase, "tools/x/index.html") == "tools/x/index.html has no element with id=\"card\"");
  auto files = site_with(a("/tools/y/#card") + a("/tools/y/#caf%C3%A9") + a("/tools/y/#a&amp;b"));
  files[2].bytes += "<div data-id=\"card\"></div><p\nid=\"caf\xC3\xA9\"></p><p id=\"a&amp;b\"></p>";
  auto broken = check_links(files, kBase);
  BOOST_REQUIRE_EQUAL(broken.size(), 1u);
  BOOST_TEST(broken[0].link == "/tools/y/#card");
}

BOOST_AUTO_TEST_CASE(absolute_links_under_base_url_are_internal_and_other_hosts_are_not_checked) {
  BOOST_TEST(why(a("https://www.tool-verdicts.example/tools/y/")) == "");
  BOOST_TEST(why(a("https://www.tool-verdicts.example")) == "");
  BOOST_TEST(why(a("HTTPS://WWW.Tool-Verdicts.example/tools/y/#verdict")) == "");
  BOOST_TEST(why(a("https://www.tool-verdicts.example/tools/z/")) == "the site has no file tools/z/index.html");
  BOOST_TEST(why(a("http://www.tool-verdicts.example/nope")) == "");  // another origin: not ours
  BOOST_TEST(why(a("//www.tool-verdicts.example/tools/z/")) == "the site has no file tools/z/index.html");
  BOOST_TEST(why(a("https://www.tool-verdicts.example.evil.com/nope/")) == "");
  BOOST_TEST(why(a("https://huggingface.co/nope")) == "");
  BOOST_TEST(why(a("//cdn.example/x.js")) == "");
  BOOST_TEST(why(a("mailto:editors@tool-verdicts.example")) == "");
  BOOST_TEST(why(a("tel:+441234")) == "");
}

BOOST_AUTO_TEST_CASE(with_a_path_prefix_every_internal_address_starts_with_it) {
  const char* base = "https://h.example/sub";
  BOOST_TEST(why(a("/sub/tools/y/"), base) == "");
  BOOST_TEST(why(a("https://h.example/sub/tools/y/"), base) == "");
  BOOST_TEST(why(a("https://h.example/sub/"), base) == "");
  BOOST_TEST(why(a("../y/"), base) == "");
  BOOST_TEST(why(a("/tools/y/"), base) == "points outside the site, whose addresses all start with /sub/");
  BOOST_TEST(why(a("/subway/"), base) == "points outside the site, whose addresses all start with /sub/");
  BOOST_TEST(why(a("../../../x/"), base) == "points outside the site, whose addresses all start with /sub/");
  BOOST_TEST(why(a("/sub"), base) == "links to a folder without its trailing slash (the page is index.html)");
  BOOST_TEST(why(a("https://h.example/elsewhere/"), base) == "points outside the site, whose addresses all start with /sub/");
  BOOST_TEST(why(a("/sub/tools/z/"), base) == "the site has no file tools/z/index.html");
}

BOOST_AUTO_TEST_CASE(script_urls_are_always_broken_whatever_their_case_and_whitespace) {
  const std::string script = "is a script URL (javascript:), which the site never uses";
  BOOST_TEST(why(a("javascript:alert(1)")) == script);
  BOOST_TEST(why(a("JaVaScRiPt:alert(1)")) == script);
  BOOST_TEST(why(a(" java\tScript:alert(1)")) == script);
  BOOST_TEST(why(a("&#x20;jAva&#9;scr&#x0A;ipt:alert(1)")) == script);
  BOOST_TEST(why(a("vbscript:x")) == "is a script URL (vbscript:), which the site never uses");
  BOOST_TEST(why("<img src=\"Data:text/html;base64,PHNjcmlwdD4=\">") ==
             "is a script URL (data:), which the site never uses");
  BOOST_TEST(why(a("/javascript:x")) == "the site has no file javascript:x");
}

BOOST_AUTO_TEST_CASE(attribute_values_are_entity_decoded_before_they_are_read) {
  auto files = site_with(a("/tools/a&amp;b/") + a("&#47;tools&#x2F;y/") + a("/tools/y/?a=1&amp;b=2") + a("/tools/a&lt;b/"));
  files.push_back(page("tools/a&b/index.html", ""));
  auto broken = check_links(files, kBase);
  BOOST_REQUIRE_EQUAL(broken.size(), 1u);
  BOOST_TEST(broken[0].link == "/tools/a<b/");
  BOOST_TEST(broken[0].why == "the site has no file tools/a<b/index.html");
}

BOOST_AUTO_TEST_CASE(src_and_link_href_are_checked_and_other_attributes_are_not) {
  BOOST_TEST(why("<img src=\"/img/logo.png\" alt=\"\">") == "");
  BOOST_TEST(why("<img\nsrc=\"/img/gone.png\">") == "the site has no file img/gone.png");
  BOOST_TEST(why("<link rel=\"stylesheet\"\thref=\"/missing.css\">", kBase, "index.html") ==
             "the site has no file missing.css");
  BOOST_TEST(why("<div data-href=\"/nope/\" data-src=\"/nope.png\"></div>") == "");
  BOOST_TEST(why("<p>write href=&quot;/nope/&quot; like this</p>") == "");  // text is escaped: no raw quote
}

BOOST_AUTO_TEST_CASE(sitemap_locs_and_feed_hrefs_are_checked) {
  auto files = site_with("");
  files.push_back({"sitemap.xml",
                   "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                   "<url><loc>https://www.tool-verdicts.example/tools/x/</loc></url>\n"
                   "<url><loc>https://www.tool-verdicts.example/tools/gone/</loc></url>\n</urlset>\n"});
  files.push_back({"feed.xml",
                   "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                   "<link href=\"https://www.tool-verdicts.example/\"/>\n<entry><link rel=\"alternate\" "
                   "href=\"https://www.tool-verdicts.example/compare/x-vs-y/\"/></entry>\n</feed>\n"});
  auto broken = check_links(files, kBase);
  BOOST_REQUIRE_EQUAL(broken.size(), 2u);
  BOOST_TEST(broken[0].page == "feed.xml");
  BOOST_TEST(broken[0].link == "https://www.tool-verdicts.example/compare/x-vs-y/");
  BOOST_TEST(broken[0].why == "the site has no file compare/x-vs-y/index.html");
  BOOST_TEST(broken[1].page == "sitemap.xml");
  BOOST_TEST(broken[1].link == "https://www.tool-verdicts.example/tools/gone/");
}

BOOST_AUTO_TEST_CASE(results_come_by_page_path_then_by_position_and_other_files_are_not_read) {
  std::vector<File> files{page("b.html", a("/3") + a("/4")), page("a.html", a("/1") + "<img src=\"/2\">"),
                          {"style.css", "x { background: url(\"/nope.png\") } a href=\"/nope\""}};
  auto broken = check_links(files, kBase);
  BOOST_REQUIRE_EQUAL(broken.size(), 4u);
  BOOST_TEST(broken[0].link == "/1");
  BOOST_TEST(broken[1].link == "/2");
  BOOST_TEST(broken[2].link == "/3");
  BOOST_TEST(broken[3].link == "/4");
  BOOST_TEST(broken[0].page == "a.html");
  BOOST_TEST(broken[3].page == "b.html");
}

BOOST_AUTO_TEST_CASE(a_reused_page_is_read_once_its_bytes_are_loaded_and_says_so_otherwise) {
  auto files = site_with(a("/tools/y/#verdict"));
  BOOST_TEST(check_links(files, kBase).empty());
  files[2].reuse = true;  // tools/y/index.html, bytes loaded
  BOOST_TEST(check_links(files, kBase).empty());
  files[2].bytes.clear();  // not loaded
  auto broken = check_links(files, kBase);
  BOOST_REQUIRE_EQUAL(broken.size(), 1u);
  BOOST_TEST(broken[0].why ==
             "tools/y/index.html was not rendered again and its bytes were not loaded (fill_reused), so id=\"verdict\" "
             "cannot be checked");
}

namespace {
// Timings run only when TV_TIMING is set: a timed test on a shared 2-core machine measures the
// neighbours, and 10k-file runs are slow where fsync is slow.
boost::test_tools::assertion_result timing_asked(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result asked(std::getenv("TV_TIMING") != nullptr);
  asked.message() << "a timing: set TV_TIMING=1 to run it";
  return asked;
}
}  // namespace

// A timing, not a behaviour: skipped unless asked for with
//   TV_TIMING=1 unit_tests --run_test=links/ten_thousand_pages_timing --log_level=message
namespace {
// 10k tool pages of ~20 KB. `fragment_heavy`: 80 links a page, each into another page's ids
// (a worst case: every page's ids are read). Otherwise a tool page as the templates make it:
// head (stylesheet, canonical, feed), navigation, ~30 links to other tools and comparisons,
// same-page and cross-page fragments, external links, images, a footer; ~20 ids a page.
std::vector<File> ten_thousand_pages(bool fragment_heavy) {
  std::vector<File> files;
  std::string filler(180, 'x');
  for (int i = 0; i < 10000; ++i) {
    std::string t = "t" + std::to_string(i), body;
    body += "<link rel=\"stylesheet\" href=\"/style.css\"><link rel=\"canonical\" href=\"" + std::string(kBase) +
            "/tools/" + t + "/\"><link rel=\"alternate\" href=\"/feed.xml\">\n<nav><a href=\"/\">Home</a> <a href=\"/tools/\">Tools</a>"
            " <a href=\"/compare/\">Compare</a> <a href=\"/report/\">Report</a></nav>\n";
    int n = fragment_heavy ? 80 : 20;
    for (int j = 0; j < n; ++j) {
      int other = (i * 7 + j * 13) % 10000;
      std::string o = "t" + std::to_string(other);
      body += "<section id=\"s" + std::to_string(j) + "\"><p>" + filler + "</p>";
      if (fragment_heavy) {
        body += "<a href=\"../" + o + "/#s" + std::to_string(j % 5) + "\">" + o + "</a></section>\n";
        continue;
      }
      body += "<a href=\"/tools/" + o + "/\">" + o + "</a> <a href=\"/compare/" + t + "-vs-" + o + "/\">vs</a>";
      if (j % 4 == 0) body += " <a href=\"#s" + std::to_string(j + 1) + "\">next</a>";
      if (j % 10 == 0) body += " <a href=\"/tools/" + o + "/#s3\">pricing</a>";
      if (j % 3 == 0) body += " <a href=\"https://vendor" + std::to_string(j) + ".example/?utm_source=tv&amp;utm_medium=web\">site</a>";
      if (j % 7 == 0) body += " <img src=\"/img/logo.png\" alt=\"\">";
      body += "</section>\n";
    }
    body += "<footer><a href=\"/about/\">About</a> <a href=\"mailto:editors@tool-verdicts.example\">Mail</a></footer>";
    body.resize(std::max<std::size_t>(body.size(), 20000), ' ');
    files.push_back(page("tools/" + t + "/index.html", body));
    if (!fragment_heavy)
      for (int j = 0; j < n; ++j)
        files.push_back({"compare/" + t + "-vs-t" + std::to_string((i * 7 + j * 13) % 10000) + "/index.html", ""});
  }
  for (const char* p : {"index.html", "tools/index.html", "compare/index.html", "report/index.html", "about/index.html"})
    files.push_back(page(p, ""));
  files.push_back({"style.css", ""});
  files.push_back({"img/logo.png", ""});
  files.push_back({"feed.xml", ""});
  return files;
}

void time_check(const char* what, const std::vector<File>& files) {
  std::size_t bytes = 0;
  for (const File& f : files) bytes += f.bytes.size();
  auto t0 = std::chrono::steady_clock::now();
  std::clock_t c0 = std::clock();
  auto broken = check_links(files, kBase);
  double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(broken.empty());
  BOOST_TEST_MESSAGE("check_links, " << what << ": " << files.size() << " files, " << bytes / 1000000.0 << " MB: " << s
                                     << " s wall, " << cpu << " s CPU");
}
}  // namespace

BOOST_AUTO_TEST_CASE(ten_thousand_pages_timing, *boost::unit_test::precondition(timing_asked)) {
  time_check("10k tool pages (~70 links each)", ten_thousand_pages(false));
  time_check("10k pages, 80 cross-page fragments each", ten_thousand_pages(true));
}

BOOST_AUTO_TEST_SUITE_END()
