#include <boost/test/unit_test.hpp>

#include <string>

#include "stages/digest/subscribers.hpp"

using namespace tv::digest;

namespace {

const std::string kHeader = "email,name,status\n";

std::string all_errors(const Parsed& p) {
  std::string all;
  for (const auto& line : report(p)) all += "\n  " + line;
  return all;
}

// The one problem of a one-row file (the row is on line 2).
std::string row_error(const std::string& row) {
  const Parsed p = parse_subscribers(kHeader + row + "\n");
  BOOST_TEST_REQUIRE(p.usable(), p.file_error);
  BOOST_TEST_REQUIRE(p.errors.size() == 1u, "expected one problem, got " << p.errors.size() << all_errors(p));
  BOOST_TEST(p.errors.front().line == 2);
  BOOST_TEST(p.rows.empty());
  return p.errors.front().message;
}

std::string emails(const std::vector<Recipient>& rs) {
  std::string out;
  for (const auto& r : rs) out += (out.empty() ? "" : " ") + r.email;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(subscribers)

// ---- whole file -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_good_file_reads_every_row) {
  const Parsed p = parse_subscribers(kHeader + "ada@example.com,Ada,subscribed\nbob@example.org,,Unsubscribed\n");
  BOOST_TEST_REQUIRE(p.usable(), p.file_error);
  BOOST_TEST(p.errors.empty(), all_errors(p));
  BOOST_TEST_REQUIRE(p.rows.size() == 2u);
  BOOST_TEST(p.rows[0].email == "ada@example.com");
  BOOST_TEST(p.rows[0].name == "Ada");
  BOOST_TEST(p.rows[0].line == 2);
  BOOST_TEST((p.rows[1].status == Status::unsubscribed));
  BOOST_TEST(p.rows[1].name == "");
}

BOOST_AUTO_TEST_CASE(the_header_is_email_name_status_in_any_case_after_an_optional_bom) {
  BOOST_TEST(parse_subscribers("\xEF\xBB\xBF" "Email, NAME ,Status\r\na@example.com,A,subscribed\r\n").usable());
  const Parsed wrong = parse_subscribers("email,status,name\na@example.com,subscribed,A\n");
  BOOST_TEST(wrong.file_error ==
             "the header (line 1) reads \"email,status,name\"; a subscribers file starts with the header line "
             "email,name,status, in that order and nothing more.");
  BOOST_TEST(wrong.rows.empty());
  BOOST_TEST(!parse_subscribers("email,name,status,extra\n").usable());
  BOOST_TEST(!parse_subscribers("email,name\n").usable());
  BOOST_TEST(parse_subscribers("").file_error ==
             "the file holds no header and no rows; a subscribers file starts with the header line email,name,status.");
}

BOOST_AUTO_TEST_CASE(binary_and_utf16_files_are_refused_whole) {
  static const char binary[] = "email,name,status\na\0b";
  BOOST_TEST(parse_subscribers(std::string(binary, sizeof binary - 1)).file_error ==
             "the file holds NUL bytes, so it is binary data, not a subscribers CSV; check the configured file.");
  BOOST_TEST(parse_subscribers("\xFF\xFE" "e\0m\0").file_error ==
             "the file is saved as UTF-16; a subscribers file must be UTF-8: save it again as CSV UTF-8.");
}

BOOST_AUTO_TEST_CASE(crlf_quoted_fields_and_blank_lines) {
  const Parsed p = parse_subscribers(
      "email,name,status\r\n\r\n\"a@example.com\",\"Lovelace, Ada \"\"the first\"\"\",subscribed\r\n"
      "b@example.com,Bob,subscribed");
  BOOST_TEST_REQUIRE(p.errors.empty(), all_errors(p));
  BOOST_TEST_REQUIRE(p.rows.size() == 2u);
  BOOST_TEST(p.rows[0].name == "Lovelace, Ada \"the first\"");
  BOOST_TEST(p.rows[0].line == 3);
  BOOST_TEST(p.rows[1].email == "b@example.com");
  BOOST_TEST(p.rows[1].line == 4);
}

// ---- bad rows -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_bad_status_is_reported_by_line) {
  BOOST_TEST(row_error("a@example.com,A,yes") == "the status is \"yes\"; write subscribed or unsubscribed.");
}

BOOST_AUTO_TEST_CASE(an_invalid_address_is_reported_with_the_reason) {
  BOOST_TEST(row_error("not-an-address,A,subscribed") ==
             "the email \"not-an-address\" is not an address we mail: it has no @ sign.");
  BOOST_TEST(row_error("a@localhost,A,subscribed") ==
             "the email \"a@localhost\" is not an address we mail: its domain \"localhost\" has no dot; write the "
             "full domain, like example.com.");
  BOOST_TEST(row_error(",A,subscribed") == "the email is empty; every row needs an address.");
}

BOOST_AUTO_TEST_CASE(a_line_break_in_a_name_is_refused_because_names_go_into_headers) {
  BOOST_TEST(row_error("a@example.com,\"Ada\r\nBcc: victim@example.com\",subscribed") ==
             "the name \"Ada\xEF\xBF\xBD\xEF\xBF\xBD" "Bcc: victim@example.com\" holds a control character (U+000D, a "
             "line break); names go into mail headers: retype it.");
}

BOOST_AUTO_TEST_CASE(a_line_break_in_an_address_is_refused) {
  BOOST_TEST(row_error("\"a@example.com\nBcc: x@example.com\",A,subscribed").find("it holds a line break") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_rows_are_skipped_and_the_good_ones_count) {
  const Parsed p = parse_subscribers(kHeader + "a@example.com,A,subscribed\nb@,B,subscribed\nc@example.com,C\n"
                                               "d@example.com,D,subscribed\n");
  BOOST_TEST_REQUIRE(p.errors.size() == 2u, all_errors(p));
  BOOST_TEST(p.errors[0].line == 3);
  BOOST_TEST(to_string(p.errors[1]) ==
             "line 4: this row has 2 fields; a row has 3: email,name,status (a name with a comma must be in double "
             "quotes).");
  BOOST_TEST(emails(recipients(p)) == "a@example.com d@example.com");
}

// ---- who is mailed --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(duplicates_are_mailed_once_and_the_address_ignores_case) {
  const Parsed p = parse_subscribers(kHeader + "Ada@Example.COM,Ada,subscribed\nb@example.com,B,subscribed\n"
                                               "ada@example.com,Other,subscribed\n");
  BOOST_TEST(p.rows[0].key == "ada@example.com");
  const auto rs = recipients(p);
  BOOST_TEST(emails(rs) == "Ada@Example.COM b@example.com");
  BOOST_TEST(rs[0].name == "Ada");
  BOOST_TEST(rs[0].line == 2);
}

// The bug a new user found: ADA@ and ada@ in one file were mailed twice.
BOOST_AUTO_TEST_CASE(the_local_part_is_folded_too_and_the_first_spelling_is_kept) {
  const Parsed p = parse_subscribers(kHeader + "ADA@example.com,A,subscribed\nada@example.com,A,subscribed\n");
  BOOST_TEST(emails(recipients(p)) == "ADA@example.com");
  BOOST_TEST(p.rows[1].key == "ada@example.com");
}

BOOST_AUTO_TEST_CASE(an_unsubscribe_anywhere_wins) {
  const Parsed before = parse_subscribers(kHeader + "a@EXAMPLE.com,A,unsubscribed\na@example.com,A,subscribed\n"
                                                    "b@example.com,B,subscribed\n");
  BOOST_TEST(emails(recipients(before)) == "b@example.com");
  const Parsed after = parse_subscribers(kHeader + "a@example.com,A,subscribed\nb@example.com,B,subscribed\n"
                                                   "a@example.com,A,UNSUBSCRIBED\n");
  BOOST_TEST(emails(recipients(after)) == "b@example.com");
}

// ---- the address policy (docs/subscribers.md) ------------------------------------------------

BOOST_AUTO_TEST_CASE(addresses_real_servers_deliver_to_are_valid) {
  for (const char* a : {"a@example.com", "first.last+tag@mail.example.co.uk", "!#$%&'*+-/=?^_`{|}~@example.com",
                        "a@xn--bcher-kva.example", "\"Fred Bloggs\"@example.com", "\"a\\\"b\"@example.com",
                        "a@123.example.com"})
    BOOST_TEST(valid_address(a), a);
}

BOOST_AUTO_TEST_CASE(everything_else_is_refused) {
  for (const char* a : {"", "@example.com", "a@", "a..b@example.com", ".a@example.com", "a.@example.com",
                        "a b@example.com", "a@example", "a@[192.0.2.1]", "a@192.0.2.1", "a@-example.com",
                        "a@example-.com", "a@example..com", "a@example.com.", "(c)a@example.com", "a(c)@example.com",
                        "\"\"@example.com", "\"a\"b@example.com", "\"a\".b@example.com", "a@b@example.com",
                        "j\xC3\xBCrgen@example.com", "a@b\xC3\xBC.example", "a\r\n@example.com", "a\t@example.com",
                        "a@exa_mple.com", "\"a\x07\"@example.com"})
    BOOST_TEST(!valid_address(a), a);
  BOOST_TEST(!valid_address(std::string(65, 'a') + "@example.com"));
  BOOST_TEST(valid_address(std::string(64, 'a') + "@example.com"));
  BOOST_TEST(!valid_address("a@" + std::string(64, 'b') + ".com"));
  BOOST_TEST(address_problem("a@[192.0.2.1]") == "its domain is an IP address in brackets; we mail domain names only");
  BOOST_TEST(address_problem("j\xC3\xBCrgen@example.com") ==
             "it holds non-ASCII characters; internationalised addresses are not mailed (no SMTPUTF8)");
}

BOOST_AUTO_TEST_SUITE_END()
