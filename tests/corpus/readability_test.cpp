// The 96 real saved pages of html-pages-readability: every page goes through the whole
// normaliser (decode, parse, extract, parse fields) without a crash or a hang, and the
// agreement of our extracted name with the title Mozilla Readability extracted is reported.
// Readability's title keeps site suffixes we strip on purpose ("Title | Site"), so a match
// is: equal after case and space folding, or our name being the leading segment of theirs.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>

#include "corpus_path.hpp"
#include "pipeline/record_json.hpp"
#include "stages/html/dom.hpp"
#include "stages/html/encoding.hpp"
#include "stages/normalise/fields/text.hpp"
#include "stages/normalise/normalise.hpp"

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
std::string fold(const std::string& s) { return tv::fields::ascii_lower(tv::fields::clean_decoded_text(s)); }

std::vector<fs::path> readability_pages() {
  auto dir = tv::test::corpus_dir() / "html-pages-readability" / "pages";
  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(dir))
    if (fs::exists(e.path() / "source.html")) pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  return pages;
}

std::string outcome(const tv::PageResult& r) {
  return r.record ? tv::to_json(*r.record).dump() : "(no record: " + r.reason + ")";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(readability)

BOOST_AUTO_TEST_CASE(every_real_page_normalises_and_titles_mostly_agree,
                     *boost::unit_test::precondition(tv::test::corpus_present("html-pages-readability"))) {
  const std::vector<fs::path> pages = readability_pages();
  BOOST_REQUIRE(pages.size() >= 90u);

  tv::extract::ProfileSet profiles;
  int records = 0, no_record = 0, with_title = 0, exact = 0, segment = 0;
  double slowest = 0;
  std::string slowest_page;
  std::ofstream report(tv::test::report_dir() / "readability-titles.tsv");
  for (const auto& p : pages) {
    auto html = slurp(p / "source.html");
    auto t0 = std::chrono::steady_clock::now();
    auto res = tv::normalise_page(html, p.filename().string(), profiles, {});
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (secs > slowest) slowest = secs, slowest_page = p.filename().string();
    std::string expected;
    try {
      auto meta = nlohmann::json::parse(slurp(p / "expected-metadata.json"));
      if (meta.contains("title") && meta["title"].is_string()) expected = meta["title"].get<std::string>();
    } catch (const std::exception&) {
    }
    std::string ours = res.record ? res.record->name.value : "";
    res.record ? ++records : ++no_record;
    if (expected.empty()) continue;
    ++with_title;
    std::string a = fold(ours), b = fold(expected);
    bool same = !a.empty() && a == b;
    bool seg = !same && !a.empty() && b.rfind(a, 0) == 0;
    exact += same;
    segment += seg;
    report << p.filename().string() << '\t' << (same ? "exact" : seg ? "segment" : "differs") << '\t' << ours
           << '\t' << expected << '\t' << (res.record ? "" : res.reason) << '\n';
  }
  double agree = with_title ? 100.0 * (exact + segment) / with_title : 0;
  std::cout << "readability pages: " << pages.size() << " read, " << records << " records, " << no_record
            << " without a usable name; title agreement " << exact << " exact + " << segment << " leading segment of "
            << with_title << " = " << agree << "%; slowest page " << slowest_page << " " << slowest * 1000
            << " ms (details: " << (tv::test::report_dir() / "readability-titles.tsv").string() << ")\n";
  BOOST_TEST(records + no_record == int(pages.size()));
  // Floor set a little under the measured agreement; see docs/html-parsing.md for the figure.
  // measured 92.5% (69 exact + 17 segment of 93) on 2026-11-22; 88.2% (59 + 23) since the name
  // is voted (issue 15): on articles the vote picks the segment the titles share, not the headline.
  BOOST_TEST(agree >= 88.0);
}

// Real pages give the same record, byte for byte, whether their scripts and styles are parsed
// (RawText::keep) or left out (drop, what the pipeline does); and left out is most of them.
BOOST_AUTO_TEST_CASE(records_are_the_same_without_raw_text,
                     *boost::unit_test::precondition(tv::test::corpus_present("html-pages-readability"))) {
  tv::extract::ProfileSet profiles;
  std::size_t bytes = 0, dropped_bytes = 0;
  int pages = 0, whole = 0;
  for (const auto& p : readability_pages()) {
    const std::string html = slurp(p / "source.html");
    ++pages;
    BOOST_TEST(outcome(tv::normalise_page(html, "page.html", profiles, {}, tv::html::RawText::drop)) ==
                   outcome(tv::normalise_page(html, "page.html", profiles, {}, tv::html::RawText::keep)),
               p.filename().string());
    const auto decoded = tv::html::decode_to_utf8(html);
    pugi::xml_document doc;
    tv::html::ParseStats stats;
    std::string error;
    tv::html::parse_html(decoded.utf8, {}, doc, &error, &stats, tv::html::RawText::drop);
    bytes += decoded.utf8.size();
    dropped_bytes += stats.raw_text_dropped;
    whole += stats.raw_text_whole;
  }
  std::cout << "readability pages without raw text: " << pages << " pages, "
            << 100.0 * dropped_bytes / std::max<std::size_t>(bytes, 1) << "% of their bytes left unparsed, "
            << whole << " parsed whole after the check\n";
  BOOST_TEST(dropped_bytes * 10 >= bytes);  // measured: see docs/html-parsing.md
}

BOOST_AUTO_TEST_SUITE_END()
