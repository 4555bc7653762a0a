#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "stages/digest/content.hpp"
#include "stages/digest/letter.hpp"
#include "stages/digest/mime.hpp"
#include "stages/digest/token.hpp"
#include "stages/site/templates.hpp"
#include "tests/unit/mail_decode.hpp"

using namespace tv::digest;

using tv::test::b64_decode;
using tv::test::qp_decode;
using tv::test::split;

namespace {

// ---- Decoders and parsers written for the test, apart from the encoders. ---------------------

std::string b64url_encode(const unsigned char* p, std::size_t n) {
  const std::string t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned v = 0;
  int bits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    v = (v << 8) | p[i];
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += t[(v >> bits) & 63];
    }
  }
  if (bits > 0) out += t[(v << (6 - bits)) & 63];
  return out;
}

// The text an unstructured header value stands for: encoded words decoded, the whitespace
// between two adjacent encoded words dropped (RFC 2047 §6.2).
std::string decode_words(const std::string& value) {
  static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)", std::regex::icase);
  std::string out;
  auto begin = std::sregex_iterator(value.begin(), value.end(), word);
  std::size_t last = 0;
  bool previous_was_word = false;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    std::string between = value.substr(last, std::size_t(it->position()) - last);
    bool blank = between.find_first_not_of(" \t") == std::string::npos;
    if (!(previous_was_word && blank)) out += between;
    out += b64_decode((*it)[1]);
    last = std::size_t(it->position() + it->length());
    previous_was_word = true;
  }
  out += value.substr(last);
  return out;
}

// Runs `f` in a child process limited to 2 s and 512 MiB; true when it returned, its result in *out.
bool returns_in_time(const std::function<std::string()>& f, std::string* out) {
  int fd[2];
  if (pipe(fd) != 0) return false;
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    // The child must never return into the test framework.
    for (int sig : {SIGALRM, SIGABRT, SIGSEGV, SIGBUS, SIGFPE}) signal(sig, SIG_DFL);
    close(fd[0]);
    rlimit rl{512ul << 20, 512ul << 20};
    setrlimit(RLIMIT_AS, &rl);
    alarm(2);
    try {
      std::string r = f();
      std::size_t done = 0;
      while (done < r.size()) {
        ssize_t n = write(fd[1], r.data() + done, r.size() - done);
        if (n <= 0) _exit(3);
        done += std::size_t(n);
      }
    } catch (...) {
      _exit(2);
    }
    _exit(0);
  }
  close(fd[1]);
  std::string got;
  char buf[4096];
  for (ssize_t n; (n = read(fd[0], buf, sizeof buf)) > 0;) got.append(buf, std::size_t(n));
  close(fd[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  if (out) *out = got;
  return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit((unsigned char)s[i + 1]) &&
        std::isxdigit((unsigned char)s[i + 2])) {
      out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Parsed {
  std::vector<std::string> head_lines;                        // physical, without CRLF
  std::vector<std::pair<std::string, std::string>> headers;   // unfolded: name, value
  std::string boundary;
  std::vector<std::string> part_types;                        // Content-Type of each part
  std::vector<std::string> encoded;                           // each part's body as sent
  std::vector<std::string> decoded;                           // and decoded
  bool qp_ok = true;
};

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower((unsigned char)c));
  return s;
}

std::vector<std::pair<std::string, std::string>> unfold(const std::vector<std::string>& lines) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : tv::test::unfold(lines)) {
    auto colon = l.find(':');
    if (colon == std::string::npos) {
      out.emplace_back(l, "<no colon>");
      continue;
    }
    std::string v = l.substr(colon + 1);
    v.erase(0, std::min(v.find_first_not_of(" \t"), v.size()));
    out.emplace_back(l.substr(0, colon), v);
  }
  return out;
}

Parsed parse_message(const std::string& m) {
  Parsed p;
  auto end = m.find("\r\n\r\n");
  BOOST_REQUIRE(end != std::string::npos);
  p.head_lines = split(m.substr(0, end), "\r\n");
  p.headers = unfold(p.head_lines);
  for (const auto& [n, v] : p.headers)
    if (lower(n) == "content-type") {
      auto b = v.find("boundary=\"");
      BOOST_REQUIRE(b != std::string::npos);
      auto e = v.find('"', b + 10);
      p.boundary = v.substr(b + 10, e - b - 10);
    }
  BOOST_REQUIRE(!p.boundary.empty());
  std::string body = m.substr(end + 4);
  const std::string open = "--" + p.boundary + "\r\n", close = "\r\n--" + p.boundary + "--";
  auto first = body.find(open);
  BOOST_REQUIRE(first != std::string::npos);
  auto last = body.find(close);
  BOOST_REQUIRE(last != std::string::npos);
  std::string inner = body.substr(first + open.size(), last - first - open.size());
  for (const auto& part : split(inner, "\r\n--" + p.boundary + "\r\n")) {
    auto he = part.find("\r\n\r\n");
    BOOST_REQUIRE(he != std::string::npos);
    std::string type;
    for (const auto& [n, v] : unfold(split(part.substr(0, he), "\r\n")))
      if (lower(n) == "content-type") type = v;
    p.part_types.push_back(type);
    p.encoded.push_back(part.substr(he + 4));
    p.decoded.push_back(qp_decode(p.encoded.back(), &p.qp_ok));
  }
  return p;
}

std::string header_value(const Parsed& p, const std::string& name) {
  for (const auto& [n, v] : p.headers)
    if (lower(n) == lower(name)) return v;
  return "";
}

// ---- Fixtures -----------------------------------------------------------------------------------

const std::string kSecret = "a digest secret of some length";

Settings settings() {
  Settings s;
  s.site_title = "Tool Verdicts";
  s.base_url = "https://www.tool-verdicts.example";
  s.list_name = "Weekly AI Tool Verdicts";
  s.list_id = "weekly.tool-verdicts.example";
  s.from_name = "Tool Verdicts";
  s.from_email = "digest@tool-verdicts.example";
  s.unsubscribe_mailto = "unsubscribe@tool-verdicts.example";
  return s;
}

const tv::site::Templates& templates() {
  static const auto t =
      tv::site::Templates::load(std::filesystem::path(TV_SOURCE_DIR) / "templates" / "digest", kTemplates);
  return t;
}

ToolState tool(const std::string& id, const std::string& name, const std::string& tagline = "A tool.") {
  ToolState s;
  s.id = id;
  s.slug = id;
  s.name = name;
  s.category = "Developer Tools";
  s.tagline = tagline;
  s.panel_ship = 2;
  s.panel_total = 3;
  s.community_ship = 3;
  s.community_total = 4;
  s.price = "Free";
  s.licence = "MIT";
  return s;
}

WeekSpan w47() { return {"2026-W47", "2026-11-16", "2026-11-22"}; }

std::string long_tagline() {
  std::string t;
  while (t.size() < 300) t += "remarkably verbose tagline words ";
  return t.substr(0, 300);
}

const std::string kScript = "<script>alert(1)</script>";
const std::string kAttr = "\"onmouseover=alert(2) x=\"";
const std::string kCrlf = "Bcc: x@y\r\nSubject: spam";
const std::string kWord = "=?UTF-8?B?SGFja2Vk?=";
const std::string kUnicode = "Ünïcode";
const std::string kCjk = "日本語のツール";

Week hostile_week() {
  Week w;
  w.span = w47();
  w.comparisons.push_back({"a-vs-b", "Developer Tools", "same category", "2026-11-17", tool("a", kScript),
                           tool("b", kAttr, "<img src=x onerror=alert(3)>")});
  w.comparisons.push_back({"c-vs-d", "Developer Tools", "same category", "2026-11-18", tool("c", kCrlf), tool("d", kWord)});
  w.new_tools.push_back(tool("e", kUnicode, long_tagline()));
  w.new_tools.push_back(tool("f", kCjk, kScript));
  ToolState m = tool("g", "Gone <b>bold</b>");
  m.absorbed_into = "a";
  m.absorbed_into_name = kScript;
  w.merges.push_back({m, kScript, "a"});
  w.flips.push_back({tool("h", kAttr), "panel", "ship", "skip"});
  w.changes.push_back({tool("i", kScript), "price", "Free", "<b>$20</b>"});
  return w;
}

Week plain_week(std::size_t comparisons, std::size_t new_tools) {
  Week w;
  w.span = w47();
  for (std::size_t i = 0; i < comparisons; ++i)
    w.comparisons.push_back({"c" + std::to_string(i), "Developer Tools", "same category", "2026-11-18",
                             tool("x" + std::to_string(i), i == 0 ? "SmolLM3" : "Tool " + std::to_string(i)),
                             tool("y" + std::to_string(i), i == 0 ? "SmolVLM2" : "Other " + std::to_string(i))});
  for (std::size_t i = 0; i < new_tools; ++i) w.new_tools.push_back(tool("n" + std::to_string(i), "New " + std::to_string(i)));
  return w;
}

Addressee addressee(const std::string& email, const std::string& name) {
  Settings s = settings();
  Addressee a;
  a.email = email;
  a.name = name;
  a.unsubscribe_url = unsubscribe_url(s.base_url, email, unsubscribe_token(kSecret, s.list_id, email));
  a.message_id = message_id(kSecret, "2026-W47", email, "tool-verdicts.example");
  a.date = "Mon, 23 Nov 2026 06:00:00 +0000";
  return a;
}

std::string html_escape_amp(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '&' ? std::string("&amp;") : std::string(1, c);
  return out;
}

// Structural checks every composed message must pass.
void check_wire_format(const std::string& m) {
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (m[i] == '\n') BOOST_TEST_REQUIRE((i > 0 && m[i - 1] == '\r'), "bare LF at " << i);
    if (m[i] == '\r') BOOST_TEST_REQUIRE((i + 1 < m.size() && m[i + 1] == '\n'), "bare CR at " << i);
  }
  BOOST_TEST(m.size() >= 2u);
  BOOST_TEST(m.substr(m.size() - 2) == "\r\n");
  for (const auto& l : split(m, "\r\n")) BOOST_TEST(l.size() <= 998u);
}

void check_header_lines(const Parsed& p) {
  for (std::size_t i = 0; i < p.head_lines.size(); ++i) {
    const auto& l = p.head_lines[i];
    if (l.size() <= 78) continue;
    // Longer only when it cannot be folded: a single token after the name (or the fold).
    std::string rest = l;
    if (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) {
      rest.erase(0, rest.find_first_not_of(" \t"));
    } else {
      auto colon = rest.find(": ");
      if (colon != std::string::npos) rest = rest.substr(colon + 2);
    }
    BOOST_TEST(rest.find_first_of(" \t") == std::string::npos, "header line of " << l.size() << ": " << l);
  }
}

const std::vector<std::string> kHeaderNames{"date",         "message-id",       "from",
                                            "to",           "subject",          "list-id",
                                            "list-unsubscribe", "list-unsubscribe-post", "mime-version",
                                            "content-type"};

void check_header_names(const Parsed& p) {
  std::map<std::string, int> count;
  for (const auto& [n, v] : p.headers) ++count[lower(n)];
  for (const auto& n : kHeaderNames) BOOST_TEST(count[n] == 1, n << " appears " << count[n] << " times");
  for (const auto& [n, c] : count)
    BOOST_TEST((std::find(kHeaderNames.begin(), kHeaderNames.end(), n) != kHeaderNames.end()), "unexpected header '" << n << "'");
  BOOST_TEST(p.headers.size() == kHeaderNames.size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(digest_letter)

// ---- render_letter ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(html_part_escapes_hostile_values) {
  auto l = render_letter(templates(), hostile_week(), settings());
  BOOST_TEST(l.html.find("<script") == std::string::npos);
  BOOST_TEST(l.html.find("<img") == std::string::npos);
  BOOST_TEST(l.html.find("\"onmouseover") == std::string::npos);
  BOOST_TEST(l.html.find("<b>") == std::string::npos);
  // The values are there, escaped.
  BOOST_TEST(l.html.find("alert(1)") != std::string::npos);
  BOOST_TEST(l.html.find("onmouseover=alert(2)") != std::string::npos);
  BOOST_TEST(l.html.find(kUnicode) != std::string::npos);
  BOOST_TEST(l.html.find(kCjk) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_part_holds_values_as_they_are) {
  auto l = render_letter(templates(), hostile_week(), settings());
  BOOST_TEST(l.text.find(kScript) != std::string::npos);
  BOOST_TEST(l.text.find(kAttr) != std::string::npos);
  BOOST_TEST(l.text.find(kWord) != std::string::npos);
  BOOST_TEST(l.text.find(kUnicode) != std::string::npos);
  BOOST_TEST(l.text.find(kCjk) != std::string::npos);
  BOOST_TEST(l.text.find("&lt;") == std::string::npos);
  BOOST_TEST(l.text.find("&quot;") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(marker_in_both_bodies) {
  for (const Week& w : {hostile_week(), plain_week(0, 0), plain_week(2, 1)}) {
    auto l = render_letter(templates(), w, settings());
    BOOST_TEST(!l.marker.empty());
    BOOST_TEST(l.text.find(l.marker) != std::string::npos);
    BOOST_TEST(l.html.find(l.marker) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(text_lines_fit_76_columns_unless_a_word_cannot_break) {
  BOOST_TEST(render_letter(templates(), plain_week(3, 3), settings()).text.find('\r') == std::string::npos);  // LF ends
  auto l = render_letter(templates(), hostile_week(), settings());
  bool saw_long_tagline_wrapped = false;
  for (const auto& line : split(l.text, "\n")) {
    if (line.find("remarkably verbose") != std::string::npos) saw_long_tagline_wrapped = true;
    if (code_points(line) <= 76) continue;
    std::string rest = line.substr(std::min(line.find_first_not_of(' '), line.size()));
    if (rest.rfind("- ", 0) == 0) rest = rest.substr(2);
    BOOST_TEST(rest.find(' ') == std::string::npos, "line of " << code_points(line) << ": " << line);
  }
  BOOST_TEST(saw_long_tagline_wrapped);
  // Wrapping only moves words between lines: the words are those of an unwrapped rendering.
  auto words = [](const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
      if (c == ' ' || c == '\n' || c == '\r') {
        if (!w.empty()) out.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    if (!w.empty()) out.push_back(w);
    return out;
  };
  BOOST_TEST(words(l.text) == words(wrap_text(l.text, 1000)));
  BOOST_TEST(words(l.text) == words(wrap_text(l.text, 20)));
}

BOOST_AUTO_TEST_CASE(subject_names_the_first_comparison) {
  auto s = settings();
  BOOST_TEST(subject(plain_week(3, 2), s) == "Weekly AI Tool Verdicts, 2026-W47: SmolLM3 vs SmolVLM2 and 2 more");
  BOOST_TEST(subject(plain_week(1, 0), s) == "Weekly AI Tool Verdicts, 2026-W47: SmolLM3 vs SmolVLM2");
  auto l = render_letter(templates(), plain_week(3, 0), s);
  BOOST_TEST(l.subject == subject(plain_week(3, 0), s));
}

BOOST_AUTO_TEST_CASE(subject_without_comparisons) {
  auto s = settings();
  const std::string head = "Weekly AI Tool Verdicts, 2026-W47: ";
  auto two = subject(plain_week(0, 2), s);
  BOOST_TEST(two.rfind(head, 0) == 0u, two);
  BOOST_TEST(two.find("2 new tools") != std::string::npos, two);
  BOOST_TEST(two.find(" vs ") == std::string::npos, two);
  auto one = subject(plain_week(0, 1), s);
  BOOST_TEST(one.find("1 new tool") != std::string::npos, one);
  BOOST_TEST(one.find("1 new tools") == std::string::npos, one);
  auto none = subject(plain_week(0, 0), s);
  BOOST_TEST(none.rfind(head, 0) == 0u, none);
  BOOST_TEST(none.find("nothing new") != std::string::npos, none);
}

BOOST_AUTO_TEST_CASE(summary_lines_per_kind) {
  BOOST_TEST(summary(plain_week(0, 0)).empty());
  auto lines = summary(plain_week(6, 1));
  BOOST_REQUIRE_EQUAL(lines.size(), 2u);
  BOOST_TEST(lines[0] == "6 new comparisons");
  BOOST_TEST(lines[1].find("1 new tool") == 0u);
  BOOST_TEST(summary(hostile_week()).size() == 5u);  // comparisons, new tools, merges, flips, changes
}

BOOST_AUTO_TEST_CASE(an_empty_week_still_renders) {
  auto l = render_letter(templates(), plain_week(0, 0), settings());
  BOOST_TEST(l.subject.find("nothing new") != std::string::npos);
  BOOST_TEST(!l.text.empty());
  BOOST_TEST(!l.html.empty());
}

// ---- compose ------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(composed_message_is_well_formed) {
  auto s = settings();
  auto l = render_letter(templates(), hostile_week(), s);
  auto to = addressee("ann@example.com", "Ann Example");
  auto m = compose(l, s, to);
  check_wire_format(m);
  auto p = parse_message(m);
  check_header_lines(p);
  check_header_names(p);
  BOOST_TEST(header_value(p, "Date") == to.date);
  BOOST_TEST(header_value(p, "Message-ID") == to.message_id);
  BOOST_TEST(header_value(p, "MIME-Version") == "1.0");
  BOOST_TEST(header_value(p, "Content-Type").find("multipart/alternative") == 0u);
  BOOST_TEST(header_value(p, "From").find("<digest@tool-verdicts.example>") != std::string::npos);
  BOOST_TEST(header_value(p, "To").find("<ann@example.com>") != std::string::npos);
  BOOST_TEST(header_value(p, "List-Id").find("<weekly.tool-verdicts.example>") != std::string::npos);
  BOOST_TEST(header_value(p, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click");
  BOOST_TEST(decode_words(header_value(p, "Subject")) == header_safe(l.subject));
  // Two parts, text/plain first, text/html last, both decodable quoted-printable.
  BOOST_REQUIRE_EQUAL(p.part_types.size(), 2u);
  BOOST_TEST(lower(p.part_types[0]).find("text/plain") == 0u);
  BOOST_TEST(lower(p.part_types[1]).find("text/html") == 0u);
  BOOST_TEST(lower(p.part_types[0]).find("utf-8") != std::string::npos);
  BOOST_TEST(p.qp_ok);
  for (const auto& e : p.encoded) {
    BOOST_TEST(e.find(p.boundary) == std::string::npos);
    for (const auto& line : split(e, "\r\n")) {
      BOOST_TEST(line.size() <= 76u);
      BOOST_TEST(line != ".");
    }
  }
  // The bodies are the letter's, with the marker replaced (text LF -> CRLF).
  BOOST_TEST(p.decoded[0].find(kScript) != std::string::npos);
  BOOST_TEST(p.decoded[1].find("<script") == std::string::npos);
  BOOST_TEST(p.decoded[0].find(kCjk) != std::string::npos);
  BOOST_TEST(p.decoded[1].find(kCjk) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(hostile_display_names_and_subjects_add_no_header) {
  auto s = settings();
  s.from_name = "Tool Verdicts\r\nBcc: from@x.example";
  auto l = render_letter(templates(), hostile_week(), s);  // subject: "<script>... vs ..."
  Week crlf_first = hostile_week();
  std::swap(crlf_first.comparisons[0], crlf_first.comparisons[1]);  // subject from "Bcc: x@y\r\nSubject: spam"
  auto l2 = render_letter(templates(), crlf_first, s);
  BOOST_TEST(l2.subject.find("Bcc: x@y") != std::string::npos);
  for (const auto& letter : {l, l2}) {
    static const char nul[] = "Ann\0Bcc: all@x.example";
    for (const std::string& name : std::vector<std::string>{
             "Ann\r\nBcc: all@x.example", "Ann\nBcc: all@x.example", "Ann\rBcc: all@x.example",
             std::string(nul, sizeof nul - 1), "Ann\xE2\x80\xA8" "Bcc: all@x.example", kWord,
             kUnicode + " " + kCjk + " " + kCjk + " " + kCjk + " " + kCjk}) {
      auto m = compose(letter, s, addressee("ann@example.com", name));
      check_wire_format(m);
      auto p = parse_message(m);
      check_header_names(p);
      check_header_lines(p);
      for (const auto& l : p.head_lines) {
        BOOST_TEST(lower(l).rfind("bcc:", 0) != 0u, l);
        BOOST_TEST(lower(l).rfind("subject: spam", 0) != 0u, l);
      }
      auto to = header_value(p, "To");
      BOOST_TEST(std::count(to.begin(), to.end(), '<') == 1, to);  // one mailbox
      BOOST_TEST(to.find("<ann@example.com>") != std::string::npos, to);
      auto from = header_value(p, "From");
      BOOST_TEST(std::count(from.begin(), from.end(), '<') == 1, from);
    }
  }
}

BOOST_AUTO_TEST_CASE(an_encoded_word_in_a_name_is_not_decoded_by_the_reader) {
  // The tool named "=?UTF-8?B?SGFja2Vk?=" (base64 of "Hacked") must not read as "Hacked".
  auto s = settings();
  Week w = plain_week(1, 0);
  w.comparisons[0].a.name = kWord;
  auto l = render_letter(templates(), w, s);
  auto p = parse_message(compose(l, s, addressee("ann@example.com", kWord)));
  auto subject = decode_words(header_value(p, "Subject"));
  BOOST_TEST(subject.find(kWord) != std::string::npos, subject);
  auto to = decode_words(header_value(p, "To"));
  BOOST_TEST(to.find(kWord) != std::string::npos, to);
}

BOOST_AUTO_TEST_CASE(the_readers_link_replaces_the_marker_in_both_parts) {
  auto s = settings();
  auto l = render_letter(templates(), hostile_week(), s);
  auto to = addressee("ann+digest@example.com", "Ann");
  BOOST_REQUIRE(to.unsubscribe_url.find('&') != std::string::npos);
  auto m = compose(l, s, to);
  BOOST_TEST(m.find(l.marker) == std::string::npos);
  auto p = parse_message(m);
  BOOST_REQUIRE_EQUAL(p.decoded.size(), 2u);
  BOOST_TEST(p.decoded[0].find(l.marker) == std::string::npos);
  BOOST_TEST(p.decoded[1].find(l.marker) == std::string::npos);
  BOOST_TEST(p.decoded[0].find(to.unsubscribe_url) != std::string::npos);
  BOOST_TEST(p.decoded[1].find("href=\"" + html_escape_amp(to.unsubscribe_url) + "\"") != std::string::npos);
  BOOST_TEST(p.decoded[1].find(to.unsubscribe_url) == std::string::npos);  // never a raw '&' in HTML
  // List-Unsubscribe: the https link and the mailto, each in angle brackets.
  auto lu = header_value(p, "List-Unsubscribe");
  BOOST_TEST(lu.find("<" + to.unsubscribe_url + ">") != std::string::npos, lu);
  BOOST_TEST(lu.find("<https://") != std::string::npos, lu);
  BOOST_TEST(lu.find("<mailto:" + s.unsubscribe_mailto) != std::string::npos, lu);
  // Another reader gets their own link, not Ann's.
  auto bob = addressee("bob@example.com", "Bob");
  auto pb = parse_message(compose(l, s, bob));
  BOOST_TEST(pb.decoded[0].find(bob.unsubscribe_url) != std::string::npos);
  BOOST_TEST(pb.decoded[0].find(to.unsubscribe_url) == std::string::npos);
}

// compose() encodes only the marker's lines per reader; the parts must be byte for byte the
// quoted-printable of the whole substituted body, as if encoded at once.
BOOST_AUTO_TEST_CASE(encoding_once_equals_encoding_the_whole_body) {
  auto s = settings();
  for (const auto& w : {hostile_week(), plain_week(3, 3)}) {
    auto l = render_letter(templates(), w, s);
    auto to = addressee("ann+digest@example.com", "Ann");
    std::string text = l.text, html = l.html;
    for (auto [body, link] : {std::pair{&text, to.unsubscribe_url}, std::pair{&html, html_escape_amp(to.unsubscribe_url)}})
      for (auto pos = body->find(l.marker); pos != std::string::npos; pos = body->find(l.marker, pos))
        body->replace(pos, l.marker.size(), link);
    auto m = compose(l, s, to);
    BOOST_TEST(m.find("\r\n\r\n" + quoted_printable(text) + "\r\n--") != std::string::npos);
    BOOST_TEST(m.find("\r\n\r\n" + quoted_printable(html) + "\r\n--") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(boundaries_differ_per_message) {
  auto s = settings();
  auto l = render_letter(templates(), plain_week(2, 2), s);
  auto a = parse_message(compose(l, s, addressee("ann@example.com", "")));
  auto b = parse_message(compose(l, s, addressee("bob@example.com", "")));
  BOOST_TEST(a.boundary != b.boundary);
  // No display name: the address alone (mime.hpp says "the bare address"; "<addr>" is the
  // same mailbox in RFC 5322 terms, and mime_test pins that form).
  auto to = header_value(a, "To");
  BOOST_TEST((to == "ann@example.com" || to == "<ann@example.com>"), to);
}

// ---- wrap_text ----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(wrap_respects_the_width) {
  BOOST_TEST(wrap_text("aaa bbb ccc", 7) == "aaa bbb\nccc");
  BOOST_TEST(wrap_text("aaa bbb ccc", 11) == "aaa bbb ccc");
  BOOST_TEST(wrap_text("short", 76) == "short");
  std::string para;
  for (int i = 0; i < 60; ++i) para += "word" + std::to_string(i) + " ";
  para.pop_back();
  auto out = wrap_text(para);
  for (const auto& line : split(out, "\n")) BOOST_TEST(line.size() <= 76u, line);
  std::string joined = out;
  std::replace(joined.begin(), joined.end(), '\n', ' ');
  BOOST_TEST(joined == para);
}

BOOST_AUTO_TEST_CASE(wrap_keeps_indentation) {
  BOOST_TEST(wrap_text("    one two three four", 12) == "    one two\n    three\n    four");
}

BOOST_AUTO_TEST_CASE(wrap_hangs_bullets) {
  BOOST_TEST(wrap_text("- alpha beta gamma", 10) == "- alpha\n  beta\n  gamma");
  BOOST_TEST(wrap_text("  - alpha beta gamma", 12) == "  - alpha\n    beta\n    gamma");
}

BOOST_AUTO_TEST_CASE(wrap_leaves_long_words_whole) {
  const std::string url = "https://www.tool-verdicts.example/compare/a-very-long-slug-vs-another-long-slug/";
  BOOST_TEST(wrap_text("see " + url + " ok", 20) == "see\n" + url + "\nok");
  BOOST_TEST(wrap_text(url, 20) == url);
  BOOST_TEST(wrap_text("  " + url, 20) == "  " + url);
  BOOST_TEST(wrap_text("- " + url + " tail", 20) == "- " + url + "\n  tail");
}

BOOST_AUTO_TEST_CASE(wrap_keeps_empty_lines_and_the_final_newline) {
  BOOST_TEST(wrap_text("a\n\nb\n") == "a\n\nb\n");
  BOOST_TEST(wrap_text("") == "");
  BOOST_TEST(wrap_text("\n") == "\n");
  BOOST_TEST(wrap_text("\n\n\n") == "\n\n\n");
  BOOST_TEST(wrap_text("aaa bbb\n\nccc ddd\n", 4) == "aaa\nbbb\n\nccc\nddd\n");
}

BOOST_AUTO_TEST_CASE(wrap_a_short_line_of_spaces_is_left_alone) {
  BOOST_TEST(wrap_text("   ") == "   ");
  BOOST_TEST(wrap_text("a\n   \nb") == "a\n   \nb");
}

// A line of only spaces longer than the width has no word to move: wrapping must not invent
// lines (or whitespace) for it.
BOOST_AUTO_TEST_CASE(wrap_a_long_line_of_spaces_adds_no_line) {
  auto out = wrap_text(std::string(100, ' ') + "\nnext");
  auto lines = split(out, "\n");
  BOOST_TEST(lines.size() == 2u, "got " << lines.size() << " lines");
  BOOST_TEST(out.size() <= 105u, "got " << out.size() << " bytes");
  BOOST_TEST(lines.back() == "next");
}

// A line indented past the width (only reachable from a value holding a newline and many
// spaces: scraped text is cleaned of both, so this is about wrap_text's own contract). Run in a
// child process with a time and memory limit, because the failure mode is a loop that never ends.
BOOST_AUTO_TEST_CASE(wrap_a_line_indented_past_the_width_returns) {
  for (std::size_t indent : {std::size_t(76), std::size_t(77), std::size_t(80), std::size_t(200)}) {
    std::string out;
    const std::string in = std::string(indent, ' ') + "word more";
    bool returned = returns_in_time([&] { return wrap_text(in, 76); }, &out);
    BOOST_TEST(returned, "wrap_text did not return for an indentation of " << indent);
    if (returned) BOOST_TEST(out.find("word") != std::string::npos);
  }
  std::string out;
  BOOST_TEST(returns_in_time([] { return wrap_text(std::string(10, ' ') + "- alpha beta", 8); }, &out));
}

// A line that is over the width only by trailing spaces has nothing to move to a next line:
// no empty line may be invented (the text template ends lines with ": " when a value is empty).
BOOST_AUTO_TEST_CASE(wrap_invents_no_empty_line_for_trailing_spaces) {
  auto out = wrap_text("word \nnext", 4);
  BOOST_TEST(split(out, "\n").size() == 2u, "got [" << out << "]");
  auto end = wrap_text("abcd ", 4);
  BOOST_TEST(end.find('\n') == std::string::npos, "got [" << end << "]");
  std::string line(76, 'x');
  line += " ";
  auto full = wrap_text(line + "\nnext");
  BOOST_TEST(split(full, "\n").size() == 2u);
}

// ---- token --------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(unsubscribe_token_shape_and_determinism) {
  auto t = unsubscribe_token(kSecret, "weekly.tool-verdicts.example", "ann@example.com");
  BOOST_TEST(t.size() == 32u);
  for (char c : t) BOOST_TEST((std::isalnum((unsigned char)c) || c == '-' || c == '_'), c);
  BOOST_TEST(t == unsubscribe_token(kSecret, "weekly.tool-verdicts.example", "ann@example.com"));
  BOOST_TEST(t != unsubscribe_token(kSecret + "x", "weekly.tool-verdicts.example", "ann@example.com"));
  BOOST_TEST(t != unsubscribe_token(kSecret, "other.tool-verdicts.example", "ann@example.com"));
  BOOST_TEST(t != unsubscribe_token(kSecret, "weekly.tool-verdicts.example", "bob@example.com"));
  // The separator is part of the signed text: moving a character across it changes the token.
  BOOST_TEST(unsubscribe_token(kSecret, "ab", "c") != unsubscribe_token(kSecret, "a", "bc"));
}

BOOST_AUTO_TEST_CASE(unsubscribe_token_is_the_documented_hmac) {
  // base64url(HMAC-SHA256(secret, "unsubscribe\n" + list_id + "\n" + key)), unpadded, 32 chars.
  const std::string list = "weekly.tool-verdicts.example", key = "ann@example.com";
  const std::string msg = "unsubscribe\n" + list + "\n" + key;
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), kSecret.data(), int(kSecret.size()), reinterpret_cast<const unsigned char*>(msg.data()),
       msg.size(), md, &len);
  BOOST_REQUIRE_EQUAL(len, 32u);
  BOOST_TEST(unsubscribe_token(kSecret, list, key) == b64url_encode(md, len).substr(0, 32));
}

BOOST_AUTO_TEST_CASE(token_matches_only_the_right_token) {
  const std::string list = "weekly.tool-verdicts.example";
  auto t = unsubscribe_token(kSecret, list, "ann@example.com");
  BOOST_TEST(token_matches(kSecret, list, "ann@example.com", t));
  for (std::size_t i : {std::size_t(0), std::size_t(15), std::size_t(31)}) {
    std::string changed = t;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    BOOST_TEST(!token_matches(kSecret, list, "ann@example.com", changed), i);
  }
  BOOST_TEST(!token_matches(kSecret, list, "bob@example.com", t));
  BOOST_TEST(!token_matches(kSecret + "x", list, "ann@example.com", t));
  BOOST_TEST(!token_matches(kSecret, list, "ann@example.com", ""));
  BOOST_TEST(!token_matches(kSecret, list, "ann@example.com", t.substr(0, 31)));
  BOOST_TEST(!token_matches(kSecret, list, "ann@example.com", t + "A"));
}

BOOST_AUTO_TEST_CASE(message_id_is_stable_per_week_and_reader) {
  auto a = message_id(kSecret, "2026-W47", "ann@example.com", "tool-verdicts.example");
  BOOST_TEST(a == message_id(kSecret, "2026-W47", "ann@example.com", "tool-verdicts.example"));
  BOOST_TEST(a != message_id(kSecret, "2026-W47", "bob@example.com", "tool-verdicts.example"));
  BOOST_TEST(a != message_id(kSecret, "2026-W48", "ann@example.com", "tool-verdicts.example"));
  BOOST_TEST(a != message_id(kSecret + "x", "2026-W47", "ann@example.com", "tool-verdicts.example"));
  std::smatch m;
  BOOST_TEST(std::regex_match(a, m, std::regex(R"(<2026-W47\.([0-9a-fA-F]+)@tool-verdicts\.example>)")), a);
  if (m.size() == 2) BOOST_TEST(m[1].length() >= 16, a);  // enough bits not to be guessed
  // Unrelated to the unsubscribe token (not the same HMAC input).
  BOOST_TEST(a.find(unsubscribe_token(kSecret, "2026-W47", "ann@example.com").substr(0, 8)) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(unsubscribe_url_percent_encodes_the_address) {
  const std::string base = "https://www.tool-verdicts.example";
  auto check = [&](const std::string& email, const std::string& token) {
    auto url = unsubscribe_url(base, email, token);
    const std::string head = base + "/unsubscribe?email=", tail = "&token=" + token;
    BOOST_REQUIRE(url.rfind(head, 0) == 0u);
    BOOST_REQUIRE(url.size() >= head.size() + tail.size());
    BOOST_TEST(url.substr(url.size() - tail.size()) == tail, url);
    std::string enc = url.substr(head.size(), url.size() - head.size() - tail.size());
    for (std::size_t i = 0; i < enc.size(); ++i) {
      unsigned char c = (unsigned char)enc[i];
      bool unreserved = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
      if (c == '%') {
        BOOST_TEST_REQUIRE(i + 2 < enc.size(), url);
        BOOST_TEST((std::isxdigit((unsigned char)enc[i + 1]) && std::isxdigit((unsigned char)enc[i + 2])), url);
      } else {
        BOOST_TEST(unreserved, "'" << enc[i] << "' left raw in " << url);
      }
    }
    BOOST_TEST(percent_decode(enc) == email, url);
    return enc;
  };
  auto t = unsubscribe_token(kSecret, "weekly.tool-verdicts.example", "x");
  BOOST_TEST(lower(check("ann+digest@example.com", t)) == "ann%2bdigest%40example.com");
  BOOST_TEST(lower(check("a&b=c@example.com", t)) == "a%26b%3dc%40example.com");
  BOOST_TEST(lower(check("jürgen@example.com", t)) == "j%c3%bcrgen%40example.com");
  BOOST_TEST(check("Az09-._~@x.example", t) == "Az09-._~%40x.example");
  check("o'hara/ok?#x%y@example.com", t);
  check("space here@example.com", t);
}

BOOST_AUTO_TEST_SUITE_END()
