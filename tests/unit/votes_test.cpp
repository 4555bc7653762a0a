#include <boost/test/unit_test.hpp>

#include <string>

#include "stages/votes/votes.hpp"

using namespace tv::votes;

namespace {

const std::string kHeader = "tool,voter,vote,cast_at\n";

std::string all_errors(const Parsed& p) {
  std::string all;
  for (const auto& line : report(p)) all += "\n  " + line;
  return all;
}

// The one problem of a file that should have exactly one bad row.
RowError only_error(const std::string& bytes) {
  const Parsed p = parse(bytes);
  BOOST_TEST_REQUIRE(p.usable(), p.file_error);
  BOOST_TEST_REQUIRE(p.errors.size() == 1u, "expected one problem, got " << p.errors.size() << all_errors(p));
  return p.errors.front();
}

// The one problem of a one-row file (the row is on line 2).
std::string row_error(const std::string& row) {
  const RowError e = only_error(kHeader + row + "\n");
  BOOST_TEST(e.line == 2);
  return e.message;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(votes)

// ---- good files -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_good_file_yields_every_row_in_file_order) {
  const Parsed p = parse(kHeader +
                         "SmolVLM2,v-1043,ship,2026-11-20T08:14:03Z\n"
                         "Code Llama 4,v-1043,skip,2026-11-20T09:05:10Z\n"
                         "\"Code Llama 4 (70B & 400B)\",v-0871,ship,2026-11-20T10:21:37Z\n");
  BOOST_TEST_REQUIRE(p.usable(), p.file_error);
  BOOST_TEST_REQUIRE(p.errors.empty(), all_errors(p));
  BOOST_TEST_REQUIRE(p.rows.size() == 3u);
  BOOST_TEST(p.rows[0].tool == "SmolVLM2");
  BOOST_TEST(p.rows[0].voter == "v-1043");
  BOOST_TEST((p.rows[0].vote == Vote::ship));
  BOOST_TEST(p.rows[0].cast_at == "2026-11-20T08:14:03Z");
  BOOST_TEST(p.rows[0].line == 2);
  BOOST_TEST((p.rows[1].vote == Vote::skip));
  BOOST_TEST(p.rows[2].tool == "Code Llama 4 (70B & 400B)");
  BOOST_TEST(p.rows[2].line == 4);
  BOOST_TEST(report(p).empty());
  BOOST_TEST(to_string(Vote::ship) == "ship");
  BOOST_TEST(to_string(Vote::skip) == "skip");
}

BOOST_AUTO_TEST_CASE(the_inbox_sample_reads_cleanly) {
  const Parsed p = parse(
      "tool,voter,vote,cast_at\nSmolVLM2,v-1043,ship,2026-11-20T08:14:03Z\nSmolVLM2,v-2211,ship,2026-11-20T09:02:41Z\n"
      "Code Llama 4,v-1043,skip,2026-11-20T09:05:10Z\n\"Code Llama 4 (70B & 400B)\",v-0871,ship,2026-11-20T10:21:37Z\n"
      "Llama 4 Compact (12B),v-3320,ship,2026-11-20T11:47:55Z\nSmolLM3,v-0007,ship,2026-11-20T12:30:00Z\n");
  BOOST_TEST(p.usable());
  BOOST_TEST(p.errors.empty());
  BOOST_TEST(p.rows.size() == 6u);
}

BOOST_AUTO_TEST_CASE(bom_crlf_blank_lines_spaces_case_and_no_final_newline_are_fine) {
  const Parsed p = parse("\xEF\xBB\xBF Tool , VOTER,vote ,Cast_At\r\n"
                         "\r\n"
                         "  SmolLM3  , v-7 ,  Ship ,2026-11-20T12:30:00Z\r\n"
                         "   \n"
                         "SmolVLM2,v-8,SKIP, 2026-11-20T12:31:00Z ");
  BOOST_TEST_REQUIRE(p.usable(), p.file_error);
  BOOST_TEST_REQUIRE(p.errors.empty(), all_errors(p));
  BOOST_TEST_REQUIRE(p.rows.size() == 2u);
  BOOST_TEST(p.rows[0].tool == "SmolLM3");
  BOOST_TEST(p.rows[0].voter == "v-7");
  BOOST_TEST((p.rows[0].vote == Vote::ship));
  BOOST_TEST(p.rows[0].line == 3);
  BOOST_TEST((p.rows[1].vote == Vote::skip));
  BOOST_TEST(p.rows[1].line == 5);
  BOOST_TEST(p.rows[1].cast_at == "2026-11-20T12:31:00Z");
}

BOOST_AUTO_TEST_CASE(quoted_fields_hold_commas_escaped_quotes_and_quoted_header_names) {
  const Parsed p = parse("\"tool\",\"voter\",\"vote\",\"cast_at\"\n"
                         "\"Llama 3.2, 1B\",v-1,ship,2026-11-20T08:00:00Z\n"
                         "\"The \"\"Smol\"\" one\",\"v-2\",\"skip\",\"2026-11-20T08:00:00Z\"\n"
                         "\"\"\"\",v-3,ship,2026-11-20T08:00:00Z\n");
  BOOST_TEST_REQUIRE(p.usable(), p.file_error);
  BOOST_TEST_REQUIRE(p.errors.empty(), all_errors(p));
  BOOST_TEST_REQUIRE(p.rows.size() == 3u);
  BOOST_TEST(p.rows[0].tool == "Llama 3.2, 1B");
  BOOST_TEST(p.rows[1].tool == "The \"Smol\" one");
  BOOST_TEST(p.rows[2].tool == "\"");
}

BOOST_AUTO_TEST_CASE(a_quoted_line_break_spans_lines_and_the_record_keeps_its_first_line) {
  // A line break inside quotes is legal CSV, so the record is one record; but a tool name may not
  // hold one, so that record is an error on its first line, and line numbers after it stay right.
  const Parsed p = parse(kHeader +
                         "\"Smol\nVLM2\",v-1,ship,2026-11-20T08:00:00Z\n"  // lines 2-3
                         "SmolLM3,\"v-2\",ship,2026-11-20T08:00:00Z\n");   // line 4
  BOOST_TEST_REQUIRE(p.errors.size() == 1u, all_errors(p));
  BOOST_TEST(p.errors[0].line == 2);
  BOOST_TEST(contains(p.errors[0].message, "the tool"));
  BOOST_TEST(contains(p.errors[0].message, "line break"));
  BOOST_TEST_REQUIRE(p.rows.size() == 1u);
  BOOST_TEST(p.rows[0].line == 4);
}

BOOST_AUTO_TEST_CASE(cast_at_offsets_are_converted_to_utc_and_fractions_dropped) {
  const Parsed p = parse(kHeader +
                         "a,v,ship,2026-11-20T10:14:03+02:00\n"
                         "b,v,ship,2026-11-20T01:00:00-0130\n"
                         "c,v,ship,2026-01-01T00:30:00+01:00\n"
                         "d,v,ship,2026-11-20 08:14:03.250z\n"
                         "e,v,ship,2028-02-29T23:59:59Z\n"
                         "f,v,ship,2026-11-20T08:14Z\n");
  BOOST_TEST_REQUIRE(p.errors.empty(), all_errors(p));
  BOOST_TEST_REQUIRE(p.rows.size() == 6u);
  BOOST_TEST(p.rows[5].cast_at == "2026-11-20T08:14:00Z");
  BOOST_TEST(p.rows[0].cast_at == "2026-11-20T08:14:03Z");
  BOOST_TEST(p.rows[1].cast_at == "2026-11-20T02:30:00Z");
  BOOST_TEST(p.rows[2].cast_at == "2025-12-31T23:30:00Z");
  BOOST_TEST(p.rows[3].cast_at == "2026-11-20T08:14:03Z");
  BOOST_TEST(p.rows[4].cast_at == "2028-02-29T23:59:59Z");
}

// ---- bad rows ---------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(each_row_check_names_its_column) {
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship"), "has 3 fields"));
  BOOST_TEST(contains(row_error("Llama 3.2, 1B,v-1,ship,2026-11-20T08:00:00Z"), "in double quotes"));
  BOOST_TEST(contains(row_error(" ,v-1,ship,2026-11-20T08:00:00Z"), "the tool is empty"));
  BOOST_TEST(contains(row_error(std::string(201, 'x') + ",v-1,ship,2026-11-20T08:00:00Z"), "the tool is 201 bytes"));
  BOOST_TEST(contains(row_error("Smol\x01LM3,v-1,ship,2026-11-20T08:00:00Z"), "the tool \"Smol"));
  BOOST_TEST(contains(row_error("Smol\x01LM3,v-1,ship,2026-11-20T08:00:00Z"), "control character (U+0001)"));
  BOOST_TEST(contains(row_error("SmolLM3,,ship,2026-11-20T08:00:00Z"), "the voter is empty"));
  BOOST_TEST(contains(row_error("SmolLM3," + std::string(300, 'v') + ",ship,2026-11-20T08:00:00Z"), "the voter is 300"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,yes,2026-11-20T08:00:00Z"), "the vote is \"yes\"; write ship or skip"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,,2026-11-20T08:00:00Z"), "the vote is empty"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship,"), "the cast_at is empty"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship,2026-11-20"), "date without a time"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship,2026-11-20T08:00:00"), "no time zone"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship,2026-02-30T08:00:00Z"), "not a real date"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship,2026-11-20T24:00:00Z"), "not a real date"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship,2026-12-31T23:59:60Z"), "not a real date"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship,20/11/2026 08:00"), "the cast_at \"20/11/2026 08:00\""));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship,2026-11-20T08:00:00+2"), "time zone offset"));
  BOOST_TEST(contains(row_error("SmolLM3,v-1,ship,2026-11-20T08:00:00Zulu"), "after the time zone"));
}

BOOST_AUTO_TEST_CASE(quoting_mistakes_are_row_errors_naming_the_column) {
  BOOST_TEST(contains(row_error("Smol\"LM3,v-1,ship,2026-11-20T08:00:00Z"), "the tool field holds a double quote"));
  BOOST_TEST(contains(row_error("SmolLM3,\"v-1\"x,ship,2026-11-20T08:00:00Z"), "the voter field has text after"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_that_rows_error) {
  const Parsed p = parse(kHeader + "Caf\xE9 AI,v-1,ship,2026-11-20T08:00:00Z\n"
                                   "SmolLM3,v-2,ship,2026-11-20T08:00:00Z\n");
  BOOST_TEST_REQUIRE(p.usable());
  BOOST_TEST_REQUIRE(p.errors.size() == 1u, all_errors(p));
  BOOST_TEST(p.errors[0].line == 2);
  BOOST_TEST(contains(p.errors[0].message, "the tool"));
  BOOST_TEST(contains(p.errors[0].message, "not valid UTF-8 (byte 0xE9)"));
  BOOST_TEST_REQUIRE(p.rows.size() == 1u);
  BOOST_TEST(p.rows[0].voter == "v-2");
}

BOOST_AUTO_TEST_CASE(good_rows_still_count_next_to_bad_ones) {
  const Parsed p = parse(kHeader +
                         "SmolLM3,v-1,ship,2026-11-20T08:00:00Z\n"  // 2
                         "SmolLM3,v-2,maybe,2026-11-20T08:00:00Z\n"  // 3
                         "SmolLM3,v-3,skip,2026-11-20T08:00:00Z\n"  // 4
                         ",,,\n"                                     // 5: four problems
                         "SmolLM3,v-4,ship,2026-11-20T08:00:00Z\n");  // 6
  BOOST_TEST_REQUIRE(p.usable());
  BOOST_TEST_REQUIRE(p.rows.size() == 3u);
  BOOST_TEST(p.rows[0].line == 2);
  BOOST_TEST(p.rows[1].line == 4);
  BOOST_TEST(p.rows[2].line == 6);
  BOOST_TEST_REQUIRE(p.errors.size() == 5u, all_errors(p));
  BOOST_TEST(p.errors[0].line == 3);
  for (std::size_t k = 1; k < 5; ++k) BOOST_TEST(p.errors[k].line == 5);
  BOOST_TEST(to_string(p.errors[0]) == "line 3: the vote is \"maybe\"; write ship or skip.");
}

BOOST_AUTO_TEST_CASE(errors_are_capped_and_the_rest_counted) {
  std::string f = kHeader;
  for (int i = 0; i < 250; ++i) f += "SmolLM3,v,nope,2026-11-20T08:00:00Z\nSmolLM3,v,ship,2026-11-20T08:00:00Z\n";
  const Parsed p = parse(f);
  BOOST_TEST(p.rows.size() == 250u);
  BOOST_TEST(p.errors.size() == kMaxErrors);
  BOOST_TEST(p.errors_left_out == 150u);
  const auto lines = report(p);
  BOOST_TEST_REQUIRE(lines.size() == kMaxErrors + 1);
  BOOST_TEST(lines.back() == "and 150 more problems.");
  BOOST_TEST(lines.front() == "line 2: the vote is \"nope\"; write ship or skip.");
}

// ---- whole-file problems ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_wrong_header_is_a_file_error) {
  Parsed p = parse("tool,voter,vote,cast_at,weight,note\nSmolLM3,v-1,ship,2026-11-20T08:00:00Z,1,x\n");
  BOOST_TEST(!p.usable());
  BOOST_TEST(p.rows.empty());
  BOOST_TEST(contains(p.file_error, "extra columns \"weight\", \"note\""), p.file_error);
  p = parse("tool,voter,cast_at\nSmolLM3,v-1,2026-11-20T08:00:00Z\n");
  BOOST_TEST(contains(p.file_error, "(missing: vote)"), p.file_error);
  p = parse("voter,tool,vote,cast_at\n");
  BOOST_TEST(contains(p.file_error, "in that order"), p.file_error);
  p = parse("SmolLM3,v-1,ship,2026-11-20T08:00:00Z\n");
  BOOST_TEST(contains(p.file_error, "the header (line 1) reads \"SmolLM3,v-1,ship,2026-11-20T08:00:00Z\""), p.file_error);
  p = parse("\n\n  \n");
  BOOST_TEST(contains(p.file_error, "no header"), p.file_error);
  p = parse("");
  BOOST_TEST(!p.usable());
  p = parse(kHeader);
  BOOST_TEST(p.usable());
  BOOST_TEST(p.rows.empty());
  BOOST_TEST(report(p).empty());
}

BOOST_AUTO_TEST_CASE(binary_utf16_and_oversized_files_are_refused_whole) {
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  Parsed p = parse(png);
  BOOST_TEST(contains(p.file_error, "binary"), p.file_error);
  p = parse(std::string("\xFF\xFEt\0o\0o\0l\0", 10));
  BOOST_TEST(contains(p.file_error, "UTF-16"), p.file_error);
  std::string big = kHeader;
  big.resize(kMaxBytes + 1, 'x');
  p = parse(big);
  BOOST_TEST(contains(p.file_error, "at most"), p.file_error);
  BOOST_TEST(p.rows.empty());
  p = parse("\xC3\x28\xA0\xA1garbage\xFF\xFE\n\x80\x81\n");
  BOOST_TEST(!p.usable());
  BOOST_TEST(contains(p.file_error, "\uFFFD"), p.file_error);
}

// ---- hostile input ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(an_unterminated_quote_is_one_error_and_earlier_rows_count) {
  const Parsed p = parse(kHeader +
                         "SmolLM3,v-1,ship,2026-11-20T08:00:00Z\n"  // 2
                         "\"SmolVLM2,v-2,ship,2026-11-20T08:00:00Z\n"  // 3: never closed
                         "SmolLM3,v-3,ship,2026-11-20T08:00:00Z\n"  // 4
                         "SmolLM3,v-4,ship,2026-11-20T08:00:00Z\n");  // 5
  BOOST_TEST_REQUIRE(p.usable());
  BOOST_TEST_REQUIRE(p.rows.size() == 1u);
  BOOST_TEST(p.rows[0].voter == "v-1");
  BOOST_TEST_REQUIRE(p.errors.size() == 1u, all_errors(p));
  BOOST_TEST(p.errors[0].line == 3);
  BOOST_TEST(contains(p.errors[0].message, "never closed"));
  BOOST_TEST(contains(p.errors[0].message, "lines 3 to 6"), p.errors[0].message);
  const Parsed h = parse("\"tool,voter,vote,cast_at\n");
  BOOST_TEST(contains(h.file_error, "never closed"), h.file_error);
}

BOOST_AUTO_TEST_CASE(a_huge_field_is_one_row_error) {
  const std::string huge(8u << 20, 'a');
  const Parsed p = parse(kHeader + "\"" + huge + "\",v-1,ship,2026-11-20T08:00:00Z\n" +
                         "SmolLM3,v-2,ship,2026-11-20T08:00:00Z\n");
  BOOST_TEST_REQUIRE(p.errors.size() == 1u, all_errors(p));
  BOOST_TEST(p.errors[0].line == 2);
  BOOST_TEST(p.errors[0].message.size() < 300u);
  BOOST_TEST(p.rows.size() == 1u);
}

BOOST_AUTO_TEST_CASE(many_commas_and_quotes_stay_linear) {
  // 4 MiB of commas is one record of ~4M fields; 4 MiB of quotes is escaped quotes. Neither
  // recurses or blows up; each is one error.
  Parsed p = parse(kHeader + std::string(4u << 20, ',') + "\n");
  BOOST_TEST_REQUIRE(p.errors.size() == 1u, all_errors(p));
  BOOST_TEST(contains(p.errors[0].message, "fields"));
  p = parse(kHeader + std::string(4u << 20, '"') + "\n");
  BOOST_TEST(p.usable());
  BOOST_TEST(p.errors.size() == 1u, all_errors(p));
  p = parse(kHeader + std::string(1u << 20, '\n') + std::string(1u << 20, '\r'));
  BOOST_TEST(p.usable());
  BOOST_TEST(p.errors.size() == 1u, all_errors(p));
}

// ---- one vote per voter -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(latest_per_voter_keeps_the_latest_vote_per_tool_and_voter) {
  const Parsed p = parse(kHeader +
                         "SmolLM3,v-1,ship,2026-11-20T09:00:00Z\n"          // 2: superseded by 4
                         "SmolLM3,v-2,ship,2026-11-20T09:00:00Z\n"          // 3: kept
                         "smollm3 ,v-1,skip,2026-11-20T10:00:00Z\n"         // 4: kept (tool ignores case)
                         "SmolLM3,v-2,skip,2026-11-20T08:00:00Z\n"          // 5: older than 3
                         "SmolLM3,V-2,skip,2026-11-20T08:00:00Z\n"          // 6: another voter
                         "ÉCLAIR,v-1,ship,2026-11-20T08:00:00Z\n"           // 7: superseded by 8 (tie)
                         "éclair,v-1,skip,2026-11-20T10:00:00+02:00\n"      // 8: same instant, later line
                         "SmolVLM2,v-1,ship,2026-11-21T00:00:00+01:00\n");  // 9: kept
  BOOST_TEST_REQUIRE(p.errors.empty(), all_errors(p));
  const auto kept = latest_per_voter(p.rows);
  BOOST_TEST_REQUIRE(kept.size() == 5u);
  BOOST_TEST(kept[0].line == 3);
  BOOST_TEST(kept[1].line == 4);
  BOOST_TEST((kept[1].vote == Vote::skip));
  BOOST_TEST(kept[1].tool == "smollm3");
  BOOST_TEST(kept[2].line == 6);
  BOOST_TEST(kept[3].line == 8);
  BOOST_TEST(kept[4].line == 9);
  BOOST_TEST(latest_per_voter({}).empty());
}

BOOST_AUTO_TEST_CASE(latest_per_voter_does_not_depend_on_row_order) {
  std::vector<Row> rows = {{"A", "v", Vote::skip, "2026-11-20T10:00:00Z", 9},
                           {"a", "v", Vote::ship, "2026-11-20T11:00:00Z", 2},
                           {"A", "v", Vote::skip, "2026-11-20T11:00:00Z", 1}};
  const auto kept = latest_per_voter(rows);
  BOOST_TEST_REQUIRE(kept.size() == 1u);
  BOOST_TEST(kept[0].line == 2);
  BOOST_TEST((kept[0].vote == Vote::ship));
}

BOOST_AUTO_TEST_SUITE_END()
