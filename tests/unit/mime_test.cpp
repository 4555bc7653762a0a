#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "stages/digest/mime.hpp"
#include "tests/unit/mail_decode.hpp"

using namespace tv::digest;

using tv::test::b64_decode;
using tv::test::qp_decode;
using tv::test::split;

namespace {

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  for (;;) {
    auto at = s.find("\r\n", pos);
    out.push_back(s.substr(pos, at == std::string::npos ? std::string::npos : at - pos));
    if (at == std::string::npos) return out;
    pos = at + 2;
  }
}

// RFC 2045 quoted-printable decoding, written independently of the encoder.
// The text of a header made of encoded words (unfolded, words joined as RFC 2047 says).
std::string decode_words(const std::string& value) {
  std::string out;
  std::size_t pos = 0;
  while ((pos = value.find("=?UTF-8?B?", pos)) != std::string::npos) {
    auto end = value.find("?=", pos + 10);
    out += b64_decode(value.substr(pos + 10, end - pos - 10));
    pos = end + 2;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mime)

BOOST_AUTO_TEST_CASE(no_value_can_start_a_new_header) {
  for (std::string evil : std::vector<std::string>{"Hi\r\nBcc: all@example.com", "Hi\nBcc: x@y", "Hi\rBcc: x@y", std::string("Hi\0Bcc", 6),
                           "Hi\xC2\x85" "Bcc: x", "Hi\xE2\x80\xA8" "Bcc: x"}) {
    auto h = header("Subject", evil);
    for (auto& l : lines(h)) BOOST_TEST(l.rfind("Bcc:", 0) != 0u, l);
    BOOST_TEST((h.find('\n') == std::string::npos || h.find("\r\n ") != std::string::npos));
    for (char c : h) BOOST_TEST((c == '\r' || c == '\n' || (unsigned char)c >= 0x20), int(c));
    auto a = address(evil, "reader@example.com");
    BOOST_TEST(a.find("\r\nBcc") == std::string::npos, a);
  }
  BOOST_TEST(header_safe("  two\t\tspaces \r\n end ") == "two spaces end");
}

BOOST_AUTO_TEST_CASE(ascii_headers_are_folded_not_encoded) {
  std::string subject = "Weekly AI Tool Verdicts: SmolVLM2 vs Llama 4 Compact, Code Llama 4 vs SmolLM3, and three more";
  auto h = header("Subject", subject);
  BOOST_TEST(h.find("=?") == std::string::npos);
  for (auto& l : lines(h)) BOOST_TEST(l.size() <= 78u, l);
  // Unfolding (RFC 5322 §2.2.3: remove CRLF before WSP) gives the value back.
  std::string unfolded;
  for (auto& l : lines(h)) unfolded += l;
  BOOST_TEST(unfolded == "Subject: " + subject);
}

BOOST_AUTO_TEST_CASE(non_ascii_becomes_encoded_words_that_decode_back) {
  std::string subject = "Verdicts: Café — “SmolVLM2” vs 日本語モデル, ein Überblick über alles, was neu ist";
  auto h = header("Subject", subject);
  for (auto& l : lines(h)) {
    BOOST_TEST(l.size() <= 78u, l);
    for (unsigned char c : l) BOOST_TEST(c < 0x80);
  }
  for (std::size_t at = h.find("=?"); at != std::string::npos; at = h.find("=?", at + 2)) {
    auto end = h.find("?=", at + 10);
    BOOST_TEST(end + 2 - at <= 75u);  // RFC 2047: an encoded word is at most 75 characters
    at = end;
  }
  BOOST_TEST(decode_words(h) == subject);
}

BOOST_AUTO_TEST_CASE(addresses_quote_or_encode_the_name) {
  BOOST_TEST(address("", "a@example.com") == "<a@example.com>");
  BOOST_TEST(address("Maria \"M\" Chen", "m@example.com") == "\"Maria \\\"M\\\" Chen\" <m@example.com>");
  auto enc = address("José Ñúñez", "j@example.com");
  BOOST_TEST(enc.rfind("=?UTF-8?B?", 0) == 0u, enc);
  BOOST_TEST(decode_words(enc) == "José Ñúñez");
  BOOST_TEST(enc.find("<j@example.com>") != std::string::npos);
  // An address can never turn into two: separators inside it are neutralised.
  BOOST_TEST(address("x", "a@b.example>, evil@c.example").find(", evil") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(quoted_printable_keeps_lines_short_and_decodes_back) {
  std::string text = "Café & crème — a line that is long enough to need a soft break somewhere past seventy-six characters.\n"
                     ".a line starting with a dot\ntrailing space \ttab\t\nequals = sign\r\nlast";
  auto qp = quoted_printable(text);
  for (auto& l : lines(qp)) {
    BOOST_TEST(l.size() <= 76u, l);
    BOOST_TEST(l != ".");
    BOOST_TEST((l.empty() || l[0] != '.'), l);
    BOOST_TEST((l.empty() || (l.back() != ' ' && l.back() != '\t')), l);
    for (unsigned char c : l) BOOST_TEST(((c >= 0x20 && c < 0x7F) || c == '\t'));
  }
  // Line ends come back as CRLF, whether they went in as LF or CRLF.
  std::string expected;
  for (std::size_t p = 0; p < text.size(); ++p) {
    if (text[p] == '\n' && (p == 0 || text[p - 1] != '\r')) expected += '\r';
    expected += text[p];
  }
  BOOST_TEST(qp_decode(qp) == expected);
  BOOST_TEST(quoted_printable("bad \xC3 byte") == "bad =EF=BF=BD byte");
}

BOOST_AUTO_TEST_CASE(a_message_has_text_first_and_html_last) {
  auto msg = multipart_alternative({header("Subject", "Hi"), address("R", "r@example.com").insert(0, "To: ")},
                                   "plain body", "<p>html body</p>", "=_tv_1234");
  auto text_at = msg.find("Content-Type: text/plain; charset=UTF-8");
  auto html_at = msg.find("Content-Type: text/html; charset=UTF-8");
  BOOST_TEST(text_at != std::string::npos);
  BOOST_TEST(html_at > text_at);
  BOOST_TEST(msg.find("Content-Type: multipart/alternative; boundary=\"=_tv_1234\"") != std::string::npos);
  const std::string closing = "--=_tv_1234--\r\n";
  BOOST_TEST_REQUIRE(msg.size() >= closing.size());
  BOOST_TEST(msg.substr(msg.size() - closing.size()) == closing);
  for (std::size_t i = 0; i < msg.size(); ++i)
    if (msg[i] == '\n') BOOST_TEST((i > 0 && msg[i - 1] == '\r'));
  for (auto& l : lines(msg)) BOOST_TEST(l.size() <= 998u);
}

// Found by fuzz/fuzz_mail: a word no fold can split (2,204 bytes of a corpus message with no
// space) gave a header line over the 998-octet limit. Such a value is now encoded words.
BOOST_AUTO_TEST_CASE(a_word_too_long_for_any_line_is_encoded_not_left_whole) {
  const std::string word(1200, 'a');
  for (const auto& h : {header("Subject", word), "To: " + address(word + " " + word, "ann@example.com")}) {
    for (const auto& line : split(h, "\r\n")) BOOST_TEST(line.size() <= 78u, line.size());
    BOOST_TEST(h.find("=?UTF-8?B?") != std::string::npos);
  }
  // A link-sized word (List-Unsubscribe) is still written as it is.
  const std::string link = "<https://www.tool-verdicts.example/unsubscribe?email=a%40b.example&token=" +
                           std::string(32, 'x') + ">";
  BOOST_TEST(header("List-Unsubscribe", link).find(link) != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
