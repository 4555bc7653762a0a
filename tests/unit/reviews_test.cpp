#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "stages/reviews/reviews.hpp"

using namespace tv::reviews;

namespace {

const std::vector<std::string> kPanel{"builder", "skeptic", "futurist", "buyer"};

// A file around `body` (which starts on line 3).
std::string file(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<panel date=\"2026-11-20\">\n" +
         body + "</panel>\n";
}

// One review line.
std::string review(const std::string& attrs, const std::string& quote = "a quote") {
  return "  <review " + attrs + ">" + quote + "</review>\n";
}

// The one problem of a file that should have exactly one.
FileError only_error(const std::string& bytes) {
  const Parsed p = parse(bytes, kPanel);
  BOOST_TEST_REQUIRE(p.errors.size() == 1u, "expected one problem, got " << p.errors.size() << [&] {
    std::string all;
    for (const auto& e : p.errors) all += "\n  " + to_string(e);
    return all;
  }());
  BOOST_TEST(p.reviews.empty());
  return p.errors.front();
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(reviews)

// ---- a good file ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_good_file_yields_every_review_in_file_order) {
  const Parsed p = parse(file(review("tool=\"SmolVLM-3B\" reviewer=\"builder\" verdict=\"ship\"", "Loads through Transformers.") +  // 3
                              "  <!-- a comment is fine -->\n" +
                              review("tool=\" SmolVLM-3B \" reviewer=\"skeptic\" verdict=\"ship\"", "\n   Apache 2.0,\t\tfinally.\n  ") +  // 5
                              review("verdict=\"skip\" reviewer=\"buyer\" tool=\"SmolVLM-3B\"", "A weight release &amp; no <![CDATA[<price>]]>.") +
                              review("tool=\"Code Llama 4 (70B &amp; 400B)\" reviewer=\"buyer\" verdict=\"ship\"")),  // 9
                         kPanel);
  BOOST_TEST_REQUIRE(p.ok());
  BOOST_TEST(p.date == "2026-11-20");
  BOOST_TEST_REQUIRE(p.reviews.size() == 4u);
  const auto& r = p.reviews;
  BOOST_TEST(r[0].tool == "SmolVLM-3B");
  BOOST_TEST(r[0].reviewer == "builder");
  BOOST_TEST((r[0].verdict == Verdict::ship));
  BOOST_TEST(r[0].quote == "Loads through Transformers.");
  BOOST_TEST(r[0].line == 3);
  BOOST_TEST(r[1].tool == "SmolVLM-3B");
  BOOST_TEST(r[1].quote == "Apache 2.0, finally.");
  BOOST_TEST(r[1].line == 5);
  BOOST_TEST((r[2].verdict == Verdict::skip));
  BOOST_TEST(r[2].quote == "A weight release & no <price>.");
  BOOST_TEST(r[3].tool == "Code Llama 4 (70B & 400B)");
  BOOST_TEST(r[2].line == 8);  // the quote above spans lines 5 to 7
  BOOST_TEST(r[3].line == 9);
}

BOOST_AUTO_TEST_CASE(the_sample_inbox_file_is_good) {
  std::ifstream in(std::string(TV_SOURCE_DIR) + "/inbox/panel-2026-11-20.xml", std::ios::binary);
  BOOST_TEST_REQUIRE(in.good());
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Parsed p = parse(bytes, kPanel);
  BOOST_TEST_REQUIRE(p.ok());
  BOOST_TEST(p.date == "2026-11-20");
  BOOST_TEST(p.reviews.size() == 18u);  // inbox/panel-2026-11-20.xml: 4 + 4 + 4 + 3 + 2 + 1
  BOOST_TEST(to_string(Verdict::ship) == "ship");
  BOOST_TEST(to_string(Verdict::skip) == "skip");
  BOOST_TEST(to_string(FileError{7, "x."}) == "line 7: x.");
}

BOOST_AUTO_TEST_CASE(an_empty_panel_a_bom_and_crlf_are_fine) {
  const Parsed empty = parse("<panel date=\"2028-02-29\"/>", kPanel);
  BOOST_TEST(empty.ok());
  BOOST_TEST(empty.reviews.empty());
  const Parsed p = parse("\xEF\xBB\xBF<panel date=\"2026-11-20\">\r\n\r\n"
                         "<review tool=\"Zo\xC3\xAB\" reviewer=\"buyer\" verdict=\"skip\">no</review>\r\n</panel>\r\n",
                         kPanel);
  BOOST_TEST_REQUIRE(p.ok());
  BOOST_TEST(p.reviews[0].tool == "Zo\xC3\xAB");
  BOOST_TEST(p.reviews[0].line == 3);
}

// ---- each problem, with its line ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(an_unknown_reviewer_lists_the_known_ones_and_suggests_a_near_miss) {
  FileError e = only_error(file("\n" + review("tool=\"x\" reviewer=\"skeptik\" verdict=\"ship\"")));
  BOOST_TEST(e.line == 4);
  BOOST_TEST(to_string(e) == "line 4: <review> reviewer=\"skeptik\" is not a panel reviewer (did you mean \"skeptic\"?); "
                             "the reviewers are builder, skeptic, futurist and buyer (from pipeline.ini).");
  BOOST_TEST(contains(only_error(file(review("tool=\"x\" reviewer=\"Builder\" verdict=\"ship\""))).message,
                      "did you mean \"builder\"?"));
  e = only_error(file(review("tool=\"x\" reviewer=\"maria\" verdict=\"ship\"")));
  BOOST_TEST(!contains(e.message, "did you mean"));
  const Parsed none = parse(file(review("tool=\"x\" reviewer=\"builder\" verdict=\"ship\"")), {});
  BOOST_TEST_REQUIRE(none.errors.size() == 1u);
  BOOST_TEST(contains(none.errors[0].message, "no reviewers are configured"));
}

BOOST_AUTO_TEST_CASE(an_unknown_verdict_is_a_problem_and_only_lower_case_is_accepted) {
  FileError e = only_error(file("\n\n" + review("tool=\"x\" reviewer=\"buyer\" verdict=\"Ship\"")));
  BOOST_TEST(e.line == 5);
  BOOST_TEST(contains(e.message, "verdict=\"Ship\" is not a verdict (did you mean \"ship\"?)"));
  BOOST_TEST(contains(only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"SKIP\""))).message, "did you mean \"skip\"?"));
  BOOST_TEST(contains(only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"shipp\""))).message, "did you mean \"ship\"?"));
  e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"maybe\"")));
  BOOST_TEST(!contains(e.message, "did you mean"));
  BOOST_TEST(contains(e.message, "write verdict=\"ship\" or verdict=\"skip\""));
}

BOOST_AUTO_TEST_CASE(missing_unknown_and_repeated_attributes_are_problems) {
  FileError e = only_error(file(review("tool=\"x\"")));
  BOOST_TEST(e.line == 3);
  BOOST_TEST(contains(e.message, "reviewer=\"…\" and verdict=\"…\" missing"));
  e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\" score=\"4\"")));
  BOOST_TEST(contains(e.message, "does not take the attribute score=\"4\""));
  e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\" tool=\"y\"")));
  BOOST_TEST(contains(e.message, "gives tool=\"…\" twice"));
  e = only_error("<panel date=\"2026-11-20\" editor=\"m\"/>");
  BOOST_TEST(contains(e.message, "<panel> does not take the attribute editor"));
}

BOOST_AUTO_TEST_CASE(the_tool_must_be_present_short_and_plain) {
  FileError e = only_error(file(review("tool=\"   \" reviewer=\"buyer\" verdict=\"ship\"")));
  BOOST_TEST(e.line == 3);
  BOOST_TEST(contains(e.message, "tool=\"   \" is empty"));
  e = only_error(file(review("tool=\"" + std::string(201, 'n') + "\" reviewer=\"buyer\" verdict=\"ship\"")));
  BOOST_TEST(contains(e.message, "is 201 bytes long; a tool name may be at most 200 bytes"));
  BOOST_TEST(parse(file(review("tool=\"" + std::string(200, 'n') + "\" reviewer=\"buyer\" verdict=\"ship\"")), kPanel).ok());
  e = only_error(file(review("tool=\"GPT&#1;4o\" reviewer=\"buyer\" verdict=\"ship\"")));
  BOOST_TEST(contains(e.message, "control character (U+0001)"));
  e = only_error(file(review("tool=\"GPT\xC2\x85" "4o\" reviewer=\"buyer\" verdict=\"ship\"")));
  BOOST_TEST(contains(e.message, "control character (U+0085)"));
}

BOOST_AUTO_TEST_CASE(the_quote_must_be_present_and_short) {
  FileError e = only_error(file("\n" + review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"", " \n ")));
  BOOST_TEST(e.line == 4);
  BOOST_TEST(contains(e.message, "has no quote"));
  BOOST_TEST(contains(only_error(file("  <review tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"/>\n")).message, "has no quote"));
  e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"", std::string(4001, 'q'))));
  BOOST_TEST(contains(e.message, "quote is 4001 bytes; a quote may be at most 4000 bytes"));
  // The limit applies after whitespace runs are folded.
  BOOST_TEST(parse(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"", "  " + std::string(4000, 'q') + "\n  ")), kPanel).ok());
}

BOOST_AUTO_TEST_CASE(the_same_tool_and_reviewer_twice_names_both_lines) {
  const FileError e = only_error(file(review("tool=\"SmolVLM-3B\" reviewer=\"buyer\" verdict=\"ship\"") +
                                      review("tool=\"SmolVLM-3B\" reviewer=\"builder\" verdict=\"ship\"") +
                                      review("tool=\"smolvlm-3b\" reviewer=\"buyer\" verdict=\"skip\"")));
  BOOST_TEST(e.line == 5);
  BOOST_TEST(contains(e.message, "repeats the review on line 3"));
  // Case-insensitive beyond ASCII, and after NFC: "É" composed and decomposed.
  BOOST_TEST(!parse(file(review("tool=\"\xC3\x89lan\" reviewer=\"buyer\" verdict=\"ship\"") +
                         review("tool=\"e\xCC\x81LAN\" reviewer=\"buyer\" verdict=\"ship\"")), kPanel).ok());
}

BOOST_AUTO_TEST_CASE(other_elements_and_stray_text_are_problems) {
  FileError e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"") +
                                "  <reveiw tool=\"x\" reviewer=\"skeptic\" verdict=\"ship\">q</reveiw>\n"));
  BOOST_TEST(e.line == 4);
  BOOST_TEST(contains(e.message, "<reveiw> is not allowed in <panel> (did you mean <review>?)"));
  e = only_error(file("  <review tool=\"x\" reviewer=\"buyer\" verdict=\"ship\">\n    <quote>q</quote>\n  </review>\n"));
  BOOST_TEST(e.line == 4);
  BOOST_TEST(contains(e.message, "<review> holds the element <quote>"));
  e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"") + "\n  loose words\n"));
  BOOST_TEST(e.line == 5);
  BOOST_TEST(contains(e.message, "text outside any review (\"loose words\")"));
}

BOOST_AUTO_TEST_CASE(the_root_must_be_a_panel_with_a_real_date) {
  FileError e = only_error("<?xml version=\"1.0\"?>\n<directives date=\"2026-11-20\" editor=\"m\"/>");
  BOOST_TEST(e.line == 2);
  BOOST_TEST(contains(e.message, "the root element is <directives>"));
  BOOST_TEST(contains(only_error("<panel/>").message, "needs date=\"YYYY-MM-DD\""));
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-11-31", "20/11/2026", "2026-1-20", "", "2026-11-20T10:00"}) {
    e = only_error("\n<panel date=\"" + std::string(bad) + "\"/>");
    BOOST_TEST(e.line == 2);
    BOOST_TEST(contains(e.message, "is not a real date"), bad);
  }
  BOOST_TEST(contains(only_error("<!-- only a comment -->\n").message, "holds no element"));
  e = only_error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<panel date=\"2026-11-20\"/>");
  BOOST_TEST(e.line == 1);
  BOOST_TEST(contains(e.message, "declares encoding=\"ISO-8859-1\""));
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_the_line_where_it_breaks) {
  FileError e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"") +
                                "  <review tool=\"y\" reviewer=\"buyer\" verdict=\"ship\">q</revue>\n"));
  BOOST_TEST(e.line == 4);
  BOOST_TEST(contains(e.message, "end tag here does not match"));
  e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"", "3B < 7B")));
  BOOST_TEST(e.line == 3);
  BOOST_TEST(contains(e.message, "&lt;"));
  e = only_error("<panel date=\"2026-11-20\">\n" + review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"") + "\n");
  BOOST_TEST(e.line == 3);
  BOOST_TEST(contains(e.message, "ends before every element is closed"));
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_in_line_order_and_nothing_is_kept) {
  const Parsed p = parse("<panel date=\"2026-02-30\">\n"                                                  // 1
                         + review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"")                        // 2: fine
                         + review("tool=\"x\" reviewer=\"skeptik\" verdict=\"nope\"")                      // 3: two
                         + review("tool=\"Smol\xE9VLM\" reviewer=\"buyer\" verdict=\"ship\"")              // 4: Latin-1
                         + review("tool=\"X\" reviewer=\"buyer\" verdict=\"skip\"")                        // 5: repeat
                         + "</panel>\n",
                         kPanel);
  BOOST_TEST(p.reviews.empty());
  BOOST_TEST(!p.errors_truncated);
  std::vector<int> lines;
  for (const auto& e : p.errors) lines.push_back(e.line);
  BOOST_TEST(lines == (std::vector<int>{1, 3, 3, 4, 5}), boost::test_tools::per_element());
  BOOST_TEST(contains(p.errors[3].message, "not valid UTF-8 (byte 0xE9)"));
  BOOST_TEST(contains(p.errors[4].message, "repeats the review on line 2"));
}

BOOST_AUTO_TEST_CASE(problems_are_capped_and_the_cap_is_said) {
  std::string body;
  for (int i = 0; i < 50; ++i) body += review("tool=\"x\" reviewer=\"nobody\" verdict=\"ship\"");
  const Parsed p = parse(file(body), kPanel);
  BOOST_TEST(p.errors.size() == kMaxErrors);
  BOOST_TEST(p.errors_truncated);
  BOOST_TEST(p.errors.front().line == 3);
  BOOST_TEST(p.errors.back().line == 22);
}

// ---- hostile input -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(empty_binary_and_utf16_files_are_one_problem_each) {
  BOOST_TEST(contains(only_error("").message, "the file is empty"));
  BOOST_TEST(only_error(" \n\t\n").line == 1);
  BOOST_TEST(contains(only_error(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).message, "NUL bytes"));
  BOOST_TEST(contains(only_error(std::string("\xFF\xFE<\0p\0a\0", 8)).message, "UTF-16"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_names_its_line) {
  for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"}) {
    const FileError e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"") +
                                        review("tool=\"y\" reviewer=\"buyer\" verdict=\"ship\"", "fine" + bad)));
    BOOST_TEST(e.line == 4);
    BOOST_TEST(contains(e.message, "not valid UTF-8"));
  }
}

BOOST_AUTO_TEST_CASE(a_doctype_is_refused_and_its_entities_never_expanded) {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE panel [\n"
      " <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      "]>\n"
      "<panel date=\"2026-11-20\"><review tool=\"&lol2;\" reviewer=\"buyer\" verdict=\"ship\">&lol2;</review></panel>\n";
  const FileError e = only_error(laughs);
  BOOST_TEST(e.line == 2);
  BOOST_TEST(contains(e.message, "<!DOCTYPE> declaration is not allowed"));
}

BOOST_AUTO_TEST_CASE(deep_nesting_costs_one_problem_and_no_stack) {
  const int depth = 100'000;
  std::string inner;
  inner.reserve(depth * 8);
  for (int i = 0; i < depth; ++i) inner += "<x>";
  for (int i = 0; i < depth; ++i) inner += "</x>";
  FileError e = only_error(file(review("tool=\"x\" reviewer=\"buyer\" verdict=\"ship\"", "q" + inner)));
  BOOST_TEST(contains(e.message, "<review> holds the element <x>"));
  BOOST_TEST(contains(only_error(inner).message, "the root element is <x>"));
  e = only_error("<panel date=\"2026-11-20\">\n<review tool=\"x\" reviewer=\"buyer\" verdict=\"ship\">" + inner.substr(0, depth * 3));
  BOOST_TEST(contains(e.message, "ends before every element is closed"));
}

BOOST_AUTO_TEST_CASE(the_number_of_reviews_and_the_file_size_are_capped) {
  std::string body;
  for (std::size_t i = 0; i <= kMaxReviews; ++i)
    body += "<review tool=\"t" + std::to_string(i) + "\" reviewer=\"buyer\" verdict=\"ship\">q</review>\n";
  FileError e = only_error(file(body));
  BOOST_TEST(e.line == static_cast<int>(3 + kMaxReviews));
  BOOST_TEST(contains(e.message, "more than 10000 reviews"));
  e = only_error(std::string(kMaxBytes + 1, ' '));
  BOOST_TEST(e.line == 1);
  BOOST_TEST(contains(e.message, "may be at most"));
}

BOOST_AUTO_TEST_CASE(mangled_files_never_crash_and_every_line_is_in_the_file) {
  const std::string good = file(review("tool=\"SmolVLM-3B\" reviewer=\"builder\" verdict=\"ship\"", "Loads &amp; fits.") +
                                review("tool=\"SmolVLM-3B\" reviewer=\"buyer\" verdict=\"skip\"", "<![CDATA[no price]]>"));
  const int last_line = 1 + static_cast<int>(std::count(good.begin(), good.end(), '\n'));
  std::mt19937 rng(20261120);
  for (int round = 0; round < 3000; ++round) {
    std::string s = good;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = rng() % s.size();
      switch (rng() % 3) {
        case 0: s[at] = static_cast<char>(rng() % 256); break;
        case 1: s.erase(at, 1 + rng() % 8); break;
        default: s.insert(at, 1, "<>\"&/=!?-[]"[rng() % 11]); break;
      }
    }
    const Parsed p = parse(s, kPanel);
    BOOST_TEST_REQUIRE(p.errors.size() <= kMaxErrors);
    for (const auto& e : p.errors) {
      BOOST_TEST_REQUIRE(e.line >= 1);
      BOOST_TEST_REQUIRE(e.line <= last_line + 1);
      BOOST_TEST_REQUIRE(!e.message.empty());
    }
    if (p.ok()) BOOST_TEST_REQUIRE(!p.date.empty());
  }
}

BOOST_AUTO_TEST_SUITE_END()
