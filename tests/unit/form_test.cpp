// form: what a query or a form body decodes to, and the exact sentence for each rule it breaks.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <ostream>
#include <string>

#include "pipeline/serve/form.hpp"

namespace bdata = boost::unit_test::data;
using tv::serve::decode_form;
using tv::serve::decode_multipart_form;
using tv::serve::decode_path;
using tv::serve::Fields;
using tv::serve::FormRules;

namespace {

std::string printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f) out.push_back(char(c));
    else out += "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
  }
  return out;
}

struct Good {
  std::string in;
  Fields out;
};
std::ostream& operator<<(std::ostream& os, const Good& c) { return os << "[" << printable(c.in) << "]"; }

const Good kGood[] = {
    {"", {}},
    {"a=1", {{"a", "1"}}},
    {"a=1&b=2", {{"a", "1"}, {"b", "2"}}},
    {"email=ann%40example.com", {{"email", "ann@example.com"}}},
    {"q=x+y", {{"q", "x y"}}},
    {"q=x%2By", {{"q", "x+y"}}},
    {"q=%20%20", {{"q", "  "}}},
    {"a+b=c", {{"a b", "c"}}},
    {"a=", {{"a", ""}}},
    {"a", {{"a", ""}}},
    {"a=1&&b=2&", {{"a", "1"}, {"b", "2"}}},
    {"&", {}},
    {"a=b=c", {{"a", "b=c"}}},
    {"List-Unsubscribe=One-Click", {{"List-Unsubscribe", "One-Click"}}},
    {"name=%C3%A9l%C3%A8ve", {{"name", "\xc3\xa9l\xc3\xa8ve"}}},
    {"name=\xc3\xa9", {{"name", "\xc3\xa9"}}},                  // raw UTF-8 in a body
    {"e=%E2%82%AC&f=%F0%9F%98%80", {{"e", "\xe2\x82\xac"}, {"f", "\xf0\x9f\x98\x80"}}},
    {"max=%F4%8F%BF%BF", {{"max", "\xf4\x8f\xbf\xbf"}}},  // U+10FFFF
    {"A=1&a=2", {{"A", "1"}, {"a", "2"}}},                // names are case-sensitive
    {"pct=%25", {{"pct", "%"}}},
    {"hex=%c3%A9", {{"hex", "\xc3\xa9"}}},  // hex digits in either case
};

struct Bad {
  std::string in;
  std::string problem;
};
std::ostream& operator<<(std::ostream& os, const Bad& c) { return os << "[" << printable(c.in) << "]"; }

const std::string kPercent = "a percent sign is not followed by two hex digits";
const std::string kControl = "a field holds a line break or a control character";
const std::string kUtf8 = "a field is not valid UTF-8";

const Bad kBad[] = {
    {"a=%zz", kPercent},
    {"a=%4", kPercent},
    {"a=%", kPercent},
    {"a=%g1", kPercent},
    {"%zz=1", kPercent},
    {"a=1&b=%4", kPercent},
    {"a=%0d%0a", kControl},
    {"a=%0D", kControl},
    {"a=%0a", kControl},
    {"a=%00", kControl},
    {"a=%09", kControl},
    {"a=%1f", kControl},
    {"a=%7f", kControl},
    {"a%00=1", kControl},
    {std::string("a=x\x01y"), kControl},
    {std::string("a=x\ny"), kControl},
    {"a=%ff", kUtf8},
    {"a=%c3", kUtf8},                 // truncated
    {"a=%c3%28", kUtf8},              // bad continuation
    {"a=%c0%af", kUtf8},              // overlong '/'
    {"a=%e0%80%af", kUtf8},           // overlong
    {"a=%ed%a0%80", kUtf8},           // a surrogate
    {"a=%f4%90%80%80", kUtf8},        // past U+10FFFF
    {"a=%80", kUtf8},                 // a lone continuation byte
    {std::string("a=\xff"), kUtf8},   // raw in a body
    {"%ff=1", kUtf8},
    {"=1", "a field has no name"},
    {"a=1&=2", "a field has no name"},
    {"a=1&a=2", "a field name appears more than once"},
    {"a=1&b=2&a=", "a field name appears more than once"},
    {"a+b=1&a%20b=2", "a field name appears more than once"},
    // The first rule broken from the left is the one reported.
    {"a=%0a&b=%zz", kControl},
    {"a=%zz&b=%0a", kPercent},
};

std::string fields(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? "&f" : "f") + std::to_string(i) + "=x";
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(form)

BOOST_DATA_TEST_CASE(decodes_good_forms, bdata::make(kGood), c) {
  std::string problem = "untouched";
  auto got = decode_form(c.in, &problem);
  BOOST_REQUIRE_MESSAGE(got, "refused: " << problem);
  BOOST_TEST(*got == c.out);
  BOOST_TEST(problem == "untouched");
}

BOOST_DATA_TEST_CASE(refuses_bad_forms_saying_which_rule, bdata::make(kBad), c) {
  std::string problem;
  BOOST_TEST(!decode_form(c.in, &problem));
  BOOST_TEST(problem == c.problem);
}

BOOST_AUTO_TEST_CASE(at_most_32_fields) {
  std::string problem;
  BOOST_TEST(decode_form(fields(32), &problem)->size() == 32u);
  BOOST_TEST(!decode_form(fields(33), &problem));
  BOOST_TEST(problem == "there are more than 32 fields");
  // Empty pieces are not fields.
  BOOST_TEST(decode_form(fields(32) + "&&&&", &problem).has_value());
}

BOOST_AUTO_TEST_CASE(at_most_2048_bytes_in_a_name_or_a_value) {
  std::string problem;
  BOOST_TEST(decode_form("a=" + std::string(2048, 'x'), &problem).has_value());
  BOOST_TEST(decode_form(std::string(2048, 'n') + "=1", &problem).has_value());
  BOOST_TEST(!decode_form("a=" + std::string(2049, 'x'), &problem));
  BOOST_TEST(problem == "a field is longer than 2048 bytes");
  BOOST_TEST(!decode_form(std::string(2049, 'n') + "=1", &problem));
  BOOST_TEST(problem == "a field is longer than 2048 bytes");
  // The decoded length counts: 2048 encoded bytes "%41" are 2048 bytes, not 6144.
  std::string encoded;
  for (int i = 0; i < 2048; ++i) encoded += "%41";
  BOOST_TEST(decode_form("a=" + encoded, &problem)->at("a") == std::string(2048, 'A'));
}

BOOST_AUTO_TEST_CASE(the_rules_can_be_set) {
  std::string problem;
  FormRules rules{2, 4};
  BOOST_TEST(!decode_form("a=1&b=2&c=3", &problem, rules));
  BOOST_TEST(problem == "there are more than 2 fields");
  BOOST_TEST(!decode_form("a=12345", &problem, rules));
  BOOST_TEST(problem == "a field is longer than 4 bytes");
}

BOOST_AUTO_TEST_CASE(a_null_problem_pointer_is_allowed) {
  BOOST_TEST(!decode_form("a=%zz", nullptr));
  BOOST_TEST(!decode_path("/..", nullptr));
}

struct PathCase {
  std::string in;
  std::string out;      // when good
  std::string problem;  // when bad
};
std::ostream& operator<<(std::ostream& os, const PathCase& c) { return os << "[" << printable(c.in) << "]"; }

const PathCase kPaths[] = {
    {"/", "/", ""},
    {"/subscribe", "/subscribe", ""},
    {"/a%20b", "/a b", ""},
    {"/a+b", "/a+b", ""},  // '+' is a plus in a path
    {"/caf%C3%A9", "/caf\xc3\xa9", ""},
    {"/a/./b", "/a/./b", ""},
    {"/a..b/...", "/a..b/...", ""},
    {"/.well-known/x", "/.well-known/x", ""},
    {"", "", "the path does not start with a slash"},
    {"subscribe", "", "the path does not start with a slash"},
    {"/a%zz", "", "a percent sign is not followed by two hex digits"},
    {"/a%2", "", "a percent sign is not followed by two hex digits"},
    {"/a%00b", "", "the path holds a NUL, a line break or a control character"},
    {"/a%0d%0aSet-Cookie:x", "", "the path holds a NUL, a line break or a control character"},
    {"/a%7f", "", "the path holds a NUL, a line break or a control character"},
    {"/a%ff", "", "the path is not valid UTF-8"},
    {"/..", "", "the path has a .. segment"},
    {"/a/../b", "", "the path has a .. segment"},
    {"/a/..", "", "the path has a .. segment"},
    {"/a/%2e%2e/b", "", "the path has a .. segment"},
    {"/a/..%2fb", "", "the path has a .. segment"},
    {"/a%2f..%2fb", "", "the path has a .. segment"},
};

BOOST_DATA_TEST_CASE(decodes_paths, bdata::make(kPaths), c) {
  std::string problem;
  auto got = decode_path(c.in, &problem);
  if (c.problem.empty()) {
    BOOST_REQUIRE_MESSAGE(got, "refused: " << problem);
    BOOST_TEST(*got == c.out);
  } else {
    BOOST_TEST(!got);
    BOOST_TEST(problem == c.problem);
  }
}

// RFC 8058 asks one-click unsubscribes to be posted as multipart/form-data.
BOOST_AUTO_TEST_CASE(decodes_a_one_click_multipart_body) {
  std::string problem;
  const std::string body =
      "--b0undary\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b0undary--\r\n";
  auto f = decode_multipart_form(body, "b0undary", &problem);
  BOOST_REQUIRE_MESSAGE(f, problem);
  BOOST_TEST(f->size() == 1u);
  BOOST_TEST(f->at("List-Unsubscribe") == "One-Click");
}

BOOST_AUTO_TEST_CASE(multipart_fields_keep_the_same_rules) {
  std::string problem;
  auto part = [](const std::string& name, const std::string& value) {
    return "--B\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  };
  BOOST_TEST(!decode_multipart_form(part("a", "x\r\nBcc: y") + "--B--\r\n", "B", &problem));
  BOOST_TEST(problem == "a field holds a line break or a control character");
  BOOST_TEST(!decode_multipart_form(part("a", "1") + part("a", "2") + "--B--\r\n", "B", &problem));
  BOOST_TEST(problem == "a field name appears more than once");
  BOOST_TEST(!decode_multipart_form(part("a", "1"), "B", &problem));  // no closing delimiter
  BOOST_TEST(problem == "a multipart part is cut short");
  BOOST_TEST(!decode_multipart_form("--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--\r\n", "B", &problem));
  BOOST_TEST(problem == "a multipart part has no field name");
  BOOST_TEST(!decode_multipart_form("no parts here", "B", &problem));
  BOOST_TEST(problem == "the multipart body has no part");
  auto two = decode_multipart_form(part("email", "a@example.org") + part("token", "t") + "--B--\r\n", "B", &problem);
  BOOST_REQUIRE_MESSAGE(two, problem);
  BOOST_TEST(two->at("token") == "t");
}

BOOST_AUTO_TEST_SUITE_END()
