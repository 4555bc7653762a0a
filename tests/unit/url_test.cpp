// url: clean_url, url_host and resolve_url (RFC 3986 §5.4 examples included).
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <chrono>
#include <ostream>
#include <string>

#include "stages/normalise/fields/url.hpp"

namespace bdata = boost::unit_test::data;
using namespace tv::fields;

namespace {

constexpr const char* kNone = "<none>";

struct Case {
  std::string in;
  std::string out;  // kNone: nullopt
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << "[" << c.in << "]"; }

struct Resolve {
  std::string base;
  std::string ref;
  std::string out;
};
std::ostream& operator<<(std::ostream& os, const Resolve& c) { return os << "[" << c.base << " + " << c.ref << "]"; }

const Case kClean[] = {
    {"HTTPS://Example.COM:443/path?utm_source=x&id=3#frag", "https://example.com/path?id=3"},
    {"https://launch.example/p/code-llama-4?utm_source=feed&ref=home", "https://launch.example/p/code-llama-4"},
    {"http://example.com", "http://example.com/"},
    {"http://example.com:80/a", "http://example.com/a"},
    {"https://example.com:8443/a", "https://example.com:8443/a"},
    {"http://example.com:443/a", "http://example.com:443/a"},
    {"https://example.com:/a", "https://example.com/a"},
    {"https://www.Example.com/Path/Case?Q=Keep", "https://www.example.com/Path/Case?Q=Keep"},
    {"https://example.com/a/./b/../c/", "https://example.com/a/c/"},
    {"https://example.com/../../x", "https://example.com/x"},
    {"https://example.com/a b", "https://example.com/a%20b"},
    {"https://example.com/%7euser/%41%2f%2F", "https://example.com/~user/A%2F%2F"},
    {"https://example.com/100%", "https://example.com/100%25"},
    {"https://example.com/caf\u00e9", "https://example.com/caf%C3%A9"},
    {"https://example.com/?", "https://example.com/"},
    {"https://example.com/?&&", "https://example.com/"},
    {"https://example.com/?a=1&&b=2", "https://example.com/?a=1&b=2"},
    {"https://example.com/?utm_medium=x&utm_campaign=y", "https://example.com/"},
    {"https://example.com/?fbclid=1&gclid=2&dclid=3&msclkid=4&mc_cid=5&mc_eid=6&id=7",
     "https://example.com/?id=7"},
    {"https://example.com/?ref=a&ref_src=b&_hsenc=c&_hsmi=d&igshid=e&yclid=f&si=g&q=1",
     "https://example.com/?q=1"},
    {"https://example.com/?UTM_Source=x&reference=keep", "https://example.com/?reference=keep"},
    {"https://user:secret@example.com/", "https://example.com/"},
    {"https://good.example@evil.example/", "https://evil.example/"},
    {"https://example.com./x", "https://example.com/x"},
    {"https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"},
    {"https://m\u00fcnchen.example/Path", "https://m\u00fcnchen.example/Path"},
    {"https:\\\\example.com\\a\\b", "https://example.com/a/b"},
    // whitespace and controls
    {"  https://example.com/x  ", "https://example.com/x"},
    {"\u00a0https://example.com/x\u200b", "https://example.com/x"},
    {"\ufeffhttps://example.com/x", "https://example.com/x"},
    {"https://exam\tple.com/a\nb\r", "https://example.com/ab"},
    {"https://example.com/\x01x\x7f", "https://example.com/x"},
    // not absolute http(s)
    {"javascript:alert(1)", kNone},
    {" JaVaScRiPt:alert(1)", kNone},
    {"java\tscript:alert(1)", kNone},
    {"data:text/html,<script>alert(1)</script>", kNone},
    {"vbscript:msgbox", kNone},
    {"mailto:a@example.com", kNone},
    {"ftp://example.com/file", kNone},
    {"//example.com", kNone},
    {"/relative", kNone},
    {"relative/path", kNone},
    {"example.com", kNone},
    {"http:example.com", kNone},
    {"http:/example.com", kNone},
    {"https://", kNone},
    {"https:///path", kNone},
    {"https://exa mple.com/", kNone},
    {"https://exa<mple.com/", kNone},
    {"https://a..b/", kNone},
    {"https://example.com:99999/", kNone},
    {"https://example.com:8o/", kNone},
    {"https://[::1/", kNone},
    {"", kNone},
    {"   ", kNone},
};

const Case kHost[] = {
    {"https://www.Example.com/x", "example.com"},
    {"https://example.com", "example.com"},
    {"HTTP://WWW.HuggingFace.co/meta-llama", "huggingface.co"},
    {"https://www.", "www"},  // the trailing dot of a fully qualified name goes
    {"https://docs.example.com:8080/", "docs.example.com"},
    {"https://user@www.example.org/", "example.org"},
    {"javascript:alert(1)", ""},
    {"/relative", ""},
    {"", ""},
};

// RFC 3986 §5.4.1 and §5.4.2 with base "http://a/b/c/d;p?q"; fragments are dropped because
// the results are cleaned URLs.
const Resolve kResolve[] = {
    {"http://a/b/c/d;p?q", "g:h", kNone},
    {"http://a/b/c/d;p?q", "g", "http://a/b/c/g"},
    {"http://a/b/c/d;p?q", "./g", "http://a/b/c/g"},
    {"http://a/b/c/d;p?q", "g/", "http://a/b/c/g/"},
    {"http://a/b/c/d;p?q", "/g", "http://a/g"},
    {"http://a/b/c/d;p?q", "//g", "http://g/"},
    {"http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"},
    {"http://a/b/c/d;p?q", "g?y", "http://a/b/c/g?y"},
    {"http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q"},
    {"http://a/b/c/d;p?q", "g#s", "http://a/b/c/g"},
    {"http://a/b/c/d;p?q", "g?y#s", "http://a/b/c/g?y"},
    {"http://a/b/c/d;p?q", ";x", "http://a/b/c/;x"},
    {"http://a/b/c/d;p?q", "g;x", "http://a/b/c/g;x"},
    {"http://a/b/c/d;p?q", "g;x?y#s", "http://a/b/c/g;x?y"},
    {"http://a/b/c/d;p?q", "", "http://a/b/c/d;p?q"},
    {"http://a/b/c/d;p?q", ".", "http://a/b/c/"},
    {"http://a/b/c/d;p?q", "./", "http://a/b/c/"},
    {"http://a/b/c/d;p?q", "..", "http://a/b/"},
    {"http://a/b/c/d;p?q", "../", "http://a/b/"},
    {"http://a/b/c/d;p?q", "../g", "http://a/b/g"},
    {"http://a/b/c/d;p?q", "../..", "http://a/"},
    {"http://a/b/c/d;p?q", "../../", "http://a/"},
    {"http://a/b/c/d;p?q", "../../g", "http://a/g"},
    {"http://a/b/c/d;p?q", "../../../g", "http://a/g"},
    {"http://a/b/c/d;p?q", "../../../../g", "http://a/g"},
    {"http://a/b/c/d;p?q", "/./g", "http://a/g"},
    {"http://a/b/c/d;p?q", "/../g", "http://a/g"},
    {"http://a/b/c/d;p?q", "g.", "http://a/b/c/g."},
    {"http://a/b/c/d;p?q", ".g", "http://a/b/c/.g"},
    {"http://a/b/c/d;p?q", "g..", "http://a/b/c/g.."},
    {"http://a/b/c/d;p?q", "..g", "http://a/b/c/..g"},
    {"http://a/b/c/d;p?q", "./../g", "http://a/b/g"},
    {"http://a/b/c/d;p?q", "./g/.", "http://a/b/c/g/"},
    {"http://a/b/c/d;p?q", "g/./h", "http://a/b/c/g/h"},
    {"http://a/b/c/d;p?q", "g/../h", "http://a/b/c/h"},
    {"http://a/b/c/d;p?q", "g;x=1/./y", "http://a/b/c/g;x=1/y"},
    {"http://a/b/c/d;p?q", "g;x=1/../y", "http://a/b/c/y"},
    {"http://a/b/c/d;p?q", "g?y/./x", "http://a/b/c/g?y/./x"},
    {"http://a/b/c/d;p?q", "g?y/../x", "http://a/b/c/g?y/../x"},
    {"http://a/b/c/d;p?q", "g#s/./x", "http://a/b/c/g"},
    {"http://a/b/c/d;p?q", "g#s/../x", "http://a/b/c/g"},
    {"http://a/b/c/d;p?q", "http:g", kNone},  // strict RFC reading; not an http(s) URL to us
    // scraped hrefs
    {"https://launch.example/p/x?utm_source=a", "/p/y?ref=home&id=2", "https://launch.example/p/y?id=2"},
    {"https://launch.example/p/x", "//cdn.example/img.png", "https://cdn.example/img.png"},
    {"https://launch.example/p/x", "https://Other.example:443/", "https://other.example/"},
    {"https://launch.example/p/x", "  ../about  ", "https://launch.example/about"},
    {"https://launch.example/p/x", "\\\\evil.example\\x", "https://evil.example/x"},
    {"https://launch.example", "docs", "https://launch.example/docs"},
    {"https://launch.example/a/b/", "c", "https://launch.example/a/b/c"},
    {"https://launch.example/", "javascript:alert(1)", kNone},
    {"https://launch.example/", " JaVaScRiPt:alert(1)", kNone},
    {"https://launch.example/", "data:image/png;base64,AAAA", kNone},
    {"https://launch.example/", "mailto:hi@launch.example", kNone},
    {"not a url", "/x", kNone},
    {"", "/x", kNone},
    {"not a url", "https://ok.example/x", "https://ok.example/x"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(url)

BOOST_DATA_TEST_CASE(clean_url_normalises_absolute_http_urls, bdata::make(kClean), c) {
  const auto u = clean_url(c.in);
  BOOST_TEST(u.value_or(kNone) == c.out);
}

BOOST_DATA_TEST_CASE(url_host_gives_the_bare_host, bdata::make(kHost), c) {
  BOOST_TEST(url_host(c.in) == c.out);
}

BOOST_DATA_TEST_CASE(resolve_url_follows_rfc_3986, bdata::make(kResolve), c) {
  const auto u = resolve_url(c.base, c.ref);
  BOOST_TEST(u.value_or(kNone) == c.out);
}

BOOST_AUTO_TEST_CASE(clean_url_is_idempotent) {
  for (const auto& c : kClean) {
    if (c.out == kNone) continue;
    BOOST_TEST(clean_url(c.out).value_or(kNone) == c.out);
  }
}

BOOST_AUTO_TEST_CASE(hostile_input_stays_linear) {
  const auto t0 = std::chrono::steady_clock::now();
  std::string path = "https://example.com/";
  for (int i = 0; i < 1000; ++i) path += "../a/./";
  BOOST_TEST(clean_url(path).has_value());
  BOOST_TEST(!clean_url("https://example.com/" + std::string(20000, 'a')).has_value());
  BOOST_TEST(!clean_url(std::string(100000, '\xa0')).has_value());
  BOOST_TEST(!resolve_url(std::string(100000, ' '), std::string(100000, '/')).has_value());
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(secs < 20.0, "took " << secs << " s");  // quadratic behaviour would take minutes
}

BOOST_AUTO_TEST_SUITE_END()
