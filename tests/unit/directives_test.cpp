#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

#include "stages/directives/directives.hpp"

using namespace tv::directives;

namespace {

// A file around `body` (which starts on line 3).
std::string file(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<directives date=\"2026-11-21\" editor=\"maria\">\n" +
         body + "</directives>\n";
}

// The one problem of a file that should have exactly one.
FileError only_error(const std::string& bytes) {
  const Parsed p = parse(bytes);
  BOOST_TEST_REQUIRE(p.errors.size() == 1u, "expected one problem, got " << p.errors.size() << [&] {
    std::string all;
    for (const auto& e : p.errors) all += "\n  " + to_string(e);
    return all;
  }());
  BOOST_TEST(p.directives.empty());
  return p.errors.front();
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(directives)

// ---- a good file ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_good_file_yields_every_action_in_file_order) {
  const Parsed p = parse(file(
      "  <merge a=\"SmolVLM2\" b=\"SmolVLM2-2B\">same model, the 2B is the only size</merge>\n"  // 3
      "  <split a=\"Llama 3.2 1B\" b=\"Llama 3.2 3B\">size siblings are separate tools</split>\n"
      "  <!-- a comment is fine -->\n"                                                              // 5
      "  <rename tool=\"tldv\" name=\"tl;dv\"/>\n"
      "  <pair a=\"GPT-4o\" b=\"Claude 3.5 Sonnet\">readers ask</pair>\n"
      "  <never-pair a=\"ChatGPT\" b=\"ChatGPT Writer\"/>\n"));                                     // 8
  BOOST_TEST_REQUIRE(p.ok());
  BOOST_TEST(p.date == "2026-11-21");
  BOOST_TEST(p.editor == "maria");
  BOOST_TEST_REQUIRE(p.directives.size() == 5u);
  const auto& d = p.directives;
  BOOST_TEST((d[0].action == Action::merge));
  BOOST_TEST(d[0].a == "SmolVLM2");
  BOOST_TEST(d[0].b == "SmolVLM2-2B");
  BOOST_TEST(d[0].note == "same model, the 2B is the only size");
  BOOST_TEST(d[0].line == 3);
  BOOST_TEST((d[1].action == Action::split));
  BOOST_TEST(d[1].line == 4);
  BOOST_TEST((d[2].action == Action::rename));
  BOOST_TEST(d[2].a == "tldv");
  BOOST_TEST(d[2].b == "tl;dv");
  BOOST_TEST(d[2].note.empty());
  BOOST_TEST(d[2].line == 6);
  BOOST_TEST((d[3].action == Action::pair));
  BOOST_TEST(d[3].b == "Claude 3.5 Sonnet");
  BOOST_TEST((d[4].action == Action::never_pair));
  BOOST_TEST(d[4].line == 8);
}

BOOST_AUTO_TEST_CASE(action_names_are_the_element_names) {
  BOOST_TEST(to_string(Action::merge) == "merge");
  BOOST_TEST(to_string(Action::split) == "split");
  BOOST_TEST(to_string(Action::rename) == "rename");
  BOOST_TEST(to_string(Action::pair) == "pair");
  BOOST_TEST(to_string(Action::never_pair) == "never-pair");
  BOOST_TEST(to_string(FileError{7, "x."}) == "line 7: x.");
}

BOOST_AUTO_TEST_CASE(notes_are_trimmed_and_whitespace_runs_fold_to_one_space) {
  const Parsed p = parse(file("  <pair a=\"GPT-4o\" b=\"Claude 3.5 Sonnet\">\n     readers\t\task\n\n  often  </pair>\n"
                              "  <split a=\"x\" b=\"y\">  <![CDATA[a <b> & c]]>  </split>\n"
                              "  <merge a=\"p\" b=\"q\">Code Llama 4 (70B &amp; 400B)&#160;twice</merge>\n"));
  BOOST_TEST_REQUIRE(p.ok());
  BOOST_TEST(p.directives[0].note == "readers ask often");
  BOOST_TEST(p.directives[1].note == "a <b> & c");
  BOOST_TEST(p.directives[2].note == "Code Llama 4 (70B & 400B) twice");
}

BOOST_AUTO_TEST_CASE(names_are_trimmed_and_kept_as_written) {
  const Parsed p = parse(file("  <merge a=\"  Code Llama 4 (70B &amp; 400B) \" b=\"CodeLlama-4-70B-Instruct\"/>\n"));
  BOOST_TEST_REQUIRE(p.ok());
  BOOST_TEST(p.directives[0].a == "Code Llama 4 (70B & 400B)");
}

BOOST_AUTO_TEST_CASE(a_rename_may_change_case_alone) {
  const Parsed p = parse(file("  <rename tool=\"Smolvlm2\" name=\"SmolVLM2\"/>\n"));
  BOOST_TEST(p.ok());
}

BOOST_AUTO_TEST_CASE(a_file_with_no_directives_is_fine) {
  const Parsed p = parse("<directives date=\"2028-02-29\" editor=\"maria\"/>");
  BOOST_TEST(p.ok());
  BOOST_TEST(p.directives.empty());
  BOOST_TEST(p.date == "2028-02-29");
}

BOOST_AUTO_TEST_CASE(a_utf8_bom_and_crlf_line_ends_are_fine) {
  const Parsed p = parse("\xEF\xBB\xBF<directives date=\"2026-11-21\" editor=\"Zo\xC3\xAB\">\r\n\r\n"
                         "<merge a=\"SmolVLM2\" b=\"SmolVLM2-2B\"/>\r\n</directives>\r\n");
  BOOST_TEST_REQUIRE(p.ok());
  BOOST_TEST(p.editor == "Zo\xC3\xAB");
  BOOST_TEST(p.directives[0].line == 3);
}

// ---- each problem, with its line ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_missing_attribute_names_what_was_found) {
  const FileError e = only_error(file("\n\n\n\n  <merge a=\"SmolVLM2\">same</merge>\n"));
  BOOST_TEST(e.line == 7);
  BOOST_TEST(to_string(e) ==
             "line 7: <merge> needs both a=\"…\" and b=\"…\" (the two names of one tool); found only a=\"SmolVLM2\".");
  BOOST_TEST(contains(only_error(file("  <rename/>\n")).message, "found neither"));
  BOOST_TEST(contains(only_error(file("  <rename name=\"tl;dv\"/>\n")).message, "needs both tool=\"…\" and name=\"…\""));
}

BOOST_AUTO_TEST_CASE(an_unknown_or_repeated_attribute_is_a_problem) {
  FileError e = only_error(file("  <merge into=\"SmolVLM2\" a=\"x\" b=\"y\"/>\n"));
  BOOST_TEST(e.line == 3);
  BOOST_TEST(contains(e.message, "does not take the attribute into=\"SmolVLM2\""));
  e = only_error(file("  <pair a=\"x\" b=\"y\" a=\"z\"/>\n"));
  BOOST_TEST(contains(e.message, "gives a=\"…\" twice"));
  e = only_error("<directives date=\"2026-11-21\" editor=\"m\" lang=\"en\"/>");
  BOOST_TEST(contains(e.message, "<directives> does not take the attribute lang"));
}

BOOST_AUTO_TEST_CASE(an_unknown_element_is_a_problem_with_a_suggestion_when_close) {
  FileError e = only_error(file("  <merge a=\"x\" b=\"y\"/>\n  <never_pair a=\"x\" b=\"y\"/>\n"));
  BOOST_TEST(e.line == 4);
  BOOST_TEST(contains(e.message, "<never_pair> is not a directive (did you mean <never-pair>?)"));
  BOOST_TEST(contains(only_error(file("  <Merge a=\"x\" b=\"y\"/>\n")).message, "did you mean <merge>?"));
  BOOST_TEST(contains(only_error(file("  <pear a=\"x\" b=\"y\"/>\n")).message, "did you mean <pair>?"));
  e = only_error(file("  <alias a=\"x\" b=\"y\"/>\n"));
  BOOST_TEST(!contains(e.message, "did you mean"));
  BOOST_TEST(contains(e.message, "<merge>, <split>, <rename>, <pair> and <never-pair>"));
}

BOOST_AUTO_TEST_CASE(an_element_inside_a_directive_is_a_problem) {
  // The sample inbox's first draft of the format: names as child elements.
  const FileError e = only_error(file("  <merge a=\"SmolVLM2\" b=\"SmolVLM2-2B\">\n    <tool>SmolVLM2-2B</tool>\n  </merge>\n"));
  BOOST_TEST(e.line == 4);
  BOOST_TEST(contains(e.message, "<merge> holds the element <tool>"));
}

BOOST_AUTO_TEST_CASE(text_outside_a_directive_names_the_line_of_the_text) {
  const FileError e = only_error(file("  <merge a=\"x\" b=\"y\"/>\n\n  SmolVLM2 and Code Llama 4\n"));
  BOOST_TEST(e.line == 5);
  BOOST_TEST(contains(e.message, "text outside any directive (\"SmolVLM2 and Code Llama 4\")"));
  BOOST_TEST(only_error("<directives date=\"2026-11-21\" editor=\"m\"/>\ntrailing words\n").line == 2);
}

BOOST_AUTO_TEST_CASE(names_must_be_present_short_plain_and_different) {
  FileError e = only_error(file("  <merge a=\"   \" b=\"y\"/>\n"));
  BOOST_TEST(e.line == 3);
  BOOST_TEST(contains(e.message, "<merge> a=\"   \" is empty"));

  e = only_error(file("  <split a=\"x\" b=\"" + std::string(201, 'n') + "\"/>\n"));
  BOOST_TEST(contains(e.message, "is 201 bytes long; a name the tool is known by may be at most 200 bytes"));
  BOOST_TEST(contains(e.message, "…"));  // the name is shown cut
  BOOST_TEST(parse(file("  <split a=\"x\" b=\"" + std::string(200, 'n') + "\"/>\n")).ok());

  e = only_error(file("  <pair a=\"GPT&#1;4o\" b=\"y\"/>\n"));
  BOOST_TEST(contains(e.message, "control character (U+0001)"));
  e = only_error(file("  <pair a=\"GPT\xC2\x85" "4o\" b=\"y\"/>\n"));  // raw U+0085 (NEL)
  BOOST_TEST(contains(e.message, "control character (U+0085)"));

  e = only_error(file("\n  <never-pair a=\" ChatGPT\" b=\"chatgpt \"/>\n"));
  BOOST_TEST(e.line == 4);
  BOOST_TEST(contains(e.message, "are the same name; a never-pair needs two different tools"));
  // Case-insensitive beyond ASCII, and after NFC: "É" written composed and decomposed.
  BOOST_TEST(!parse(file("  <merge a=\"\xC3\x89lan\" b=\"e\xCC\x81LAN\"/>\n")).ok());
  BOOST_TEST(only_error(file("  <rename tool=\"tl;dv\" name=\"tl;dv\"/>\n")).message.find("a rename needs a new name") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_root_needs_a_real_date_and_an_editor) {
  BOOST_TEST(contains(only_error("<directives editor=\"maria\"/>").message, "needs date=\"YYYY-MM-DD\""));
  BOOST_TEST(contains(only_error("<directives date=\"2026-11-21\"/>").message, "needs editor=\"…\""));
  BOOST_TEST(contains(only_error("<directives date=\"2026-11-21\" editor=\" \"/>").message, "editor=\" \" is empty"));
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-11-31", "21/11/2026", "2026-1-21", "", "2026-11-21T10:00"}) {
    const FileError e = only_error("\n<directives date=\"" + std::string(bad) + "\" editor=\"maria\"/>");
    BOOST_TEST(e.line == 2);
    BOOST_TEST(contains(e.message, "is not a real date"), bad);
  }
}

BOOST_AUTO_TEST_CASE(another_root_is_a_problem) {
  const FileError e = only_error("<?xml version=\"1.0\"?>\n<panel date=\"2026-11-20\"><merge a=\"x\" b=\"y\"/></panel>");
  BOOST_TEST(e.line == 2);
  BOOST_TEST(contains(e.message, "the root element is <panel>"));
  BOOST_TEST(contains(only_error("<?xml version=\"1.0\"?>\n<!-- only a comment -->\n").message, "holds no element"));
}

BOOST_AUTO_TEST_CASE(a_doctype_is_refused_and_its_entities_never_expanded) {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE directives [\n"
      " <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
      "]>\n"
      "<directives date=\"2026-11-21\" editor=\"m\"><pair a=\"&lol3;\" b=\"x\">&lol3;</pair></directives>\n";
  const FileError e = only_error(laughs);
  BOOST_TEST(e.line == 2);
  BOOST_TEST(contains(e.message, "<!DOCTYPE> declaration is not allowed"));
}

BOOST_AUTO_TEST_CASE(a_declared_encoding_other_than_utf8_is_a_problem) {
  const FileError e = only_error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<directives date=\"2026-11-21\" editor=\"m\"/>");
  BOOST_TEST(e.line == 1);
  BOOST_TEST(contains(e.message, "declares encoding=\"ISO-8859-1\""));
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_the_line_where_it_breaks) {
  FileError e = only_error(file("  <merge a=\"x\" b=\"y\">note</merge>\n  <split a=\"x\" b=\"y\">note</merge>\n"));
  BOOST_TEST(e.line == 4);
  BOOST_TEST(contains(e.message, "end tag here does not match"));

  e = only_error(file("  <pair a=\"x\" b=\"y\">GPT-4o < Claude</pair>\n"));
  BOOST_TEST(e.line == 3);
  BOOST_TEST(contains(e.message, "&lt;"));

  e = only_error(file("\n  <pair a=\"x b=\"y\"/>\n"));
  BOOST_TEST(e.line == 4);

  e = only_error("<directives date=\"2026-11-21\" editor=\"m\">\n  <merge a=\"x\" b=\"y\"/>\n\n");
  BOOST_TEST(e.line == 3);
  BOOST_TEST(contains(e.message, "ends before every element is closed"));
}

BOOST_AUTO_TEST_CASE(problems_before_a_break_in_the_xml_are_reported_too) {
  const Parsed p = parse(file("  <merge a=\"x\"/>\n  <split a=\"x\" b=\"y\">\n  <pair a=\"x\" b=\"y\"/>\n</oops>\n"));
  BOOST_TEST_REQUIRE(p.errors.size() == 3u);
  BOOST_TEST(p.errors[0].line == 3);
  BOOST_TEST(contains(p.errors[0].message, "needs both"));
  // The unclosed <split> swallows the <pair>: said where it shows.
  BOOST_TEST(p.errors[1].line == 5);
  BOOST_TEST(contains(p.errors[1].message, "<split> holds the directive <pair>: is the end of <split> missing?"));
  BOOST_TEST(p.errors[2].line == 6);
  BOOST_TEST(contains(p.errors[2].message, "does not match"));
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_in_line_order_and_nothing_is_applied) {
  const Parsed p = parse("<directives date=\"2026-02-30\">\n"                  // 1: date, editor
                         "  <merge a=\"SmolVLM2\" b=\"SmolVLM2-2B\"/>\n"       // 2: fine
                         "  <merge a=\"x\"/>\n"                                // 3
                         "  <pear a=\"x\" b=\"y\"/>\n"                         // 4
                         "  <pair a=\"Smol\xE9VLM\" b=\"y\"/>\n"               // 5: Latin-1 byte
                         "</directives>\n");
  BOOST_TEST(!p.ok());
  BOOST_TEST(p.directives.empty());
  BOOST_TEST(!p.errors_truncated);
  std::vector<int> lines;
  for (const auto& e : p.errors) lines.push_back(e.line);
  BOOST_TEST(lines == (std::vector<int>{1, 1, 3, 4, 5}), boost::test_tools::per_element());
  BOOST_TEST(contains(p.errors[4].message, "not valid UTF-8 (byte 0xE9)"));
}

BOOST_AUTO_TEST_CASE(problems_are_capped_and_the_cap_is_said) {
  std::string body;
  for (int i = 0; i < 50; ++i) body += "  <merge a=\"x\"/>\n";
  const Parsed p = parse(file(body));
  BOOST_TEST(p.errors.size() == kMaxErrors);
  BOOST_TEST(p.errors_truncated);
  BOOST_TEST(p.errors.front().line == 3);
  BOOST_TEST(p.errors.back().line == 22);
}

// ---- hostile input -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(an_empty_or_blank_file_is_one_problem) {
  BOOST_TEST(contains(only_error("").message, "the file is empty"));
  BOOST_TEST(only_error(" \n\t\n").line == 1);
}

BOOST_AUTO_TEST_CASE(binary_and_utf16_are_one_problem_each) {
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x08", 20);
  BOOST_TEST(contains(only_error(png).message, "NUL bytes"));
  BOOST_TEST(contains(only_error(std::string("\xFF\xFE<\0d\0i\0r\0", 10)).message, "UTF-16"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_name_names_its_line) {
  for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"}) {
    const FileError e = only_error(file("  <merge a=\"x\" b=\"y\"/>\n  <merge a=\"Smol" + bad + "VLM2\" b=\"y\"/>\n"));
    BOOST_TEST(e.line == 4);
    BOOST_TEST(contains(e.message, "not valid UTF-8"));
  }
}

BOOST_AUTO_TEST_CASE(deep_nesting_costs_one_problem_and_no_stack) {
  const int depth = 100'000;
  std::string inner;
  inner.reserve(depth * 8);
  for (int i = 0; i < depth; ++i) inner += "<x>";
  for (int i = 0; i < depth; ++i) inner += "</x>";
  FileError e = only_error(file("  <merge a=\"x\" b=\"y\">" + inner + "</merge>\n"));
  BOOST_TEST(contains(e.message, "<merge> holds the element <x>"));
  e = only_error(inner);
  BOOST_TEST(contains(e.message, "the root element is <x>"));
  // Unclosed, too.
  e = only_error("<directives date=\"2026-11-21\" editor=\"m\">\n<merge a=\"x\" b=\"y\">" + inner.substr(0, depth * 3));
  BOOST_TEST(contains(e.message, "ends before every element is closed"));
  e = only_error(file("  <merge a=\"x\" b=\"y\">" + inner.substr(0, depth * 3)));
  BOOST_TEST(contains(e.message, "end tag here does not match"));
}

BOOST_AUTO_TEST_CASE(the_number_of_directives_is_capped) {
  std::string body;
  for (std::size_t i = 0; i <= kMaxDirectives; ++i) body += "<pair a=\"x\" b=\"y\"/>\n";
  const FileError e = only_error(file(body));
  BOOST_TEST(e.line == static_cast<int>(3 + kMaxDirectives));
  BOOST_TEST(contains(e.message, "more than 10000 directives"));
}

BOOST_AUTO_TEST_CASE(a_file_over_the_size_limit_is_refused_unread) {
  const FileError e = only_error(std::string(kMaxBytes + 1, ' '));
  BOOST_TEST(e.line == 1);
  BOOST_TEST(contains(e.message, "may be at most"));
}

BOOST_AUTO_TEST_CASE(mangled_files_never_crash_and_every_line_is_in_the_file) {
  const std::string good = file("  <merge a=\"SmolVLM2\" b=\"SmolVLM2-2B\">same model</merge>\n"
                                "  <rename tool=\"tldv\" name=\"tl;dv\"/>\n"
                                "  <never-pair a=\"ChatGPT\" b=\"ChatGPT Writer\"><![CDATA[x]]></never-pair>\n");
  const int last_line = 1 + static_cast<int>(std::count(good.begin(), good.end(), '\n'));
  std::mt19937 rng(20261121);
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
    const Parsed p = parse(s);
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
