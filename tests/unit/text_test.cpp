// text: HTML character references, Unicode space folding, controls, invalid UTF-8, NFC.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <chrono>
#include <ostream>
#include <string>

#include "stages/normalise/fields/text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace bdata = boost::unit_test::data;
using namespace tv::fields;

namespace {

struct Case {
  std::string in;
  std::string out;
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << "[" << c.in << "]"; }

struct Utf8Case {
  std::string in;
  bool valid;
};
std::ostream& operator<<(std::ostream& os, const Utf8Case& c) {
  os << "[";
  for (unsigned char ch : c.in) os << (ch < 0x20 || ch >= 0x7F ? '?' : static_cast<char>(ch));
  return os << "]";
}

const Case kDecode[] = {
    // named, as written on real pages
    {"Code Llama 4 (70B &amp; 400B)", "Code Llama 4 (70B & 400B)"},
    {"&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"},
    {"Meta&#39;s &quot;open&quot; model", "Meta's \"open\" model"},
    {"it&apos;s", "it's"},
    {"Launch&nbsp;Board", "Launch\u00a0Board"},
    {"Wait&hellip; what", "Wait\u2026 what"},
    {"2023&ndash;2025 &mdash; done", "2023\u20132025 \u2014 done"},
    {"&lsquo;a&rsquo; &ldquo;b&rdquo; &sbquo;c&bdquo;", "\u2018a\u2019 \u201cb\u201d \u201ac\u201e"},
    {"&copy; 2025 Acme&reg; Widget&trade;", "\u00a9 2025 Acme\u00ae Widget\u2122"},
    {"&euro;9 &pound;5 &yen;100 &cent;", "\u20ac9 \u00a35 \u00a5100 \u00a2"},
    {"3&times;faster &middot; &bull; item", "3\u00d7faster \u00b7 \u2022 item"},
    {"caf&eacute; na&iuml;ve &Aring;ngstr&ouml;m &szlig;", "caf\u00e9 na\u00efve \u00c5ngstr\u00f6m \u00df"},
    {"&Agrave;&Aacute;&Acirc;&Atilde;&Auml;&AElig;&Ccedil;&ETH;&Ntilde;&Oslash;&THORN;&yuml;",
     "\u00c0\u00c1\u00c2\u00c3\u00c4\u00c6\u00c7\u00d0\u00d1\u00d8\u00de\u00ff"},
    {"&iexcl;&iquest;&laquo;&raquo;&deg;&plusmn;&frac12;&sup2;&micro;&para;&sect;",
     "\u00a1\u00bf\u00ab\u00bb\u00b0\u00b1\u00bd\u00b2\u00b5\u00b6\u00a7"},
    {"&alpha;&beta;&Omega;&pi;", "\u03b1\u03b2\u03a9\u03c0"},
    {"&larr;&rarr;&le;&ge;&ne;&infin;&minus;", "\u2190\u2192\u2264\u2265\u2260\u221e\u2212"},
    {"&thinsp;&ensp;&emsp;&zwj;&zwnj;", "\u2009\u2002\u2003\u200d\u200c"},
    {"&OElig;&oelig;&Scaron;&scaron;&dagger;&permil;", "\u0152\u0153\u0160\u0161\u2020\u2030"},
    {"&AMP; &LT;&GT; &QUOT; &COPY; &REG; &TRADE;", "& <> \" \u00a9 \u00ae \u2122"},
    {"&lstrok;&oacute;d&zacute; &ccaron;&scedil;", "\u0142\u00f3d\u017a \u010d\u015f"},
    {"&check; &star; &hearts;", "\u2713 \u2606 \u2665"},
    // legacy names without ';' (HTML allows these), but not before '=' (query strings)
    {"AT&amp T", "AT& T"},
    {"&copy 2025", "\u00a9 2025"},
    {"fish &amp chips &ampx", "fish & chips &ampx"},
    {"?a=1&copy=2&reg=3", "?a=1&copy=2&reg=3"},
    {"&nbsp", "\u00a0"},
    // non-legacy names need the ';'
    {"&hellip and &mdash", "&hellip and &mdash"},
    {"&notit; &notin;", "&notit; \u2209"},
    // unknown or broken references stay as written
    {"AT&T", "AT&T"},
    {"Q&A", "Q&A"},
    {"R&D & more", "R&D & more"},
    {"&bogus;", "&bogus;"},
    {"&;", "&;"},
    {"&", "&"},
    {"&#;", "&#;"},
    {"&#x;", "&#x;"},
    {"&#xZZ;", "&#xZZ;"},
    // one level only
    {"&amp;lt;", "&lt;"},
    {"&amp;amp;", "&amp;"},
    // numeric, decimal and hex, with and without ';'
    {"&#65;&#x42;&#X43;", "ABC"},
    {"&#x1F600;", "\U0001F600"},
    {"&#8217;s", "\u2019s"},
    {"&#65 &#x42 end", "A B end"},
    {"&#0000065;", "A"},
    // invalid code points become U+FFFD
    {"&#0;", "\ufffd"},
    {"&#xD800;", "\ufffd"},
    {"&#xDFFF;", "\ufffd"},
    {"&#x110000;", "\ufffd"},
    {"&#99999999999999999999;", "\ufffd"},
    // &#128;..&#159; are Windows-1252 in HTML
    {"&#128;", "\u20ac"},
    {"&#130;&#132;&#133;", "\u201a\u201e\u2026"},
    {"&#145;&#146;&#147;&#148;", "\u2018\u2019\u201c\u201d"},
    {"&#150;&#151;&#153;", "\u2013\u2014\u2122"},
    {"&#x80;&#x9F;", "\u20ac\u0178"},
    {"&#129;", "\u0081"},  // undefined in Windows-1252: stays a C1 control (clean_text drops it)
    // invalid UTF-8 around references
    {"caf\xC3\xA9 &amp; \xFF", "caf\u00e9 & \ufffd"},
    {"", ""},
};

const Case kClean[] = {
    {"  Launch&nbsp;Board  ", "Launch Board"},
    {"a\u00a0\u00a0b", "a b"},
    {"a\tb\nc\r\nd\fe\vf", "a b c d e f"},
    {"hair\u200athin\u2009six\u2005en\u2002em\u2003", "hair thin six en em"},
    {"narrow\u202fnbsp medium\u205fmath ideo\u3000graphic ogham\u1680mark",
     "narrow nbsp medium math ideo graphic ogham mark"},
    {"line\u2028sep\u2029para", "line sep para"},
    {"nel\u0085next", "nel next"},
    {"Evil\u200bTool", "EvilTool"},
    {"zero\u200cwidth\u200djoiner\u2060word\ufeffjoiner", "zerowidthjoinerwordjoiner"},
    {"\ufeffBOM at start", "BOM at start"},
    {"Hug\u00adging Face", "Hugging Face"},
    {"Evil&#x200B;Tool", "EvilTool"},
    {"bell\x07 null\x01 del\x7f", "bell null del"},
    {"c1\u0080\u009fcontrols", "c1controls"},
    {"&#129;x", "x"},
    {"  many     spaces   ", "many spaces"},
    {" \t\n\u00a0\u3000 ", ""},
    {"", ""},
    {"e\u0301", "\u00e9"},                          // NFC composes
    {"A\u030angstr\u00f6m", "\u00c5ngstr\u00f6m"},
    {"\u1100\u1161", "\uac00"},                     // Hangul jamo compose
    {"Gr\u00f6\u00dfe caf\u00e9 \u0150 \u01c4", "Gr\u00f6\u00dfe caf\u00e9 \u0150 \u01c4"},  // below U+0300: already NFC
    {"\u0344", "\u0308\u0301"},                     // a combining mark NFC decomposes
    {"\u212b", "\u00c5"},                           // ANGSTROM SIGN is a singleton: NFC maps it
    {"\uff21\uff29", "\uff21\uff29"},               // compatibility forms are not NFC's business
    {"bad \xC3\x28 byte", "bad \ufffd( byte"},
    {"\xE2\x82 cut", "\ufffd cut"},
    {"Great&nbsp;tool &lt;img src=x onerror=alert(1)&gt;", "Great tool <img src=x onerror=alert(1)>"},
    {"SmolVLM2-2.2B\u00a0params", "SmolVLM2-2.2B params"},
};

const Utf8Case kUtf8[] = {
    {"", true},
    {"plain ascii", true},
    {"caf\xC3\xA9", true},
    {"\xE2\x82\xAC", true},
    {"\xF0\x9F\x98\x80", true},
    {"\xF4\x8F\xBF\xBF", true},          // U+10FFFF
    {"\xC3", false},                      // truncated
    {"\xC3\x28", false},
    {"\xC0\xAF", false},                  // overlong '/'
    {"\xE0\x80\xAF", false},              // overlong
    {"\xED\xA0\x80", false},              // surrogate
    {"\xF4\x90\x80\x80", false},          // above U+10FFFF
    {"\xF5\x80\x80\x80", false},
    {"\xFF", false},
    {"\x80", false},
    {std::string("nul\0inside", 10), true},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(text)

BOOST_DATA_TEST_CASE(decode_entities_decodes_html_references, bdata::make(kDecode), c) {
  BOOST_TEST(decode_entities(c.in) == c.out);
}

BOOST_DATA_TEST_CASE(clean_text_folds_drops_trims_and_normalises, bdata::make(kClean), c) {
  const std::string out = clean_text(c.in);
  BOOST_TEST(out == c.out);
  BOOST_TEST(is_valid_utf8(out));
}

const Case kCleanDecoded[] = {
    // text an HTML parser already decoded: references stay as the page showed them
    {"Shows &lt;b&gt; literally. Tom & Jerry &#xZZ; then", "Shows &lt;b&gt; literally. Tom & Jerry &#xZZ; then"},
    {"&amp;", "&amp;"},
    {"  a\u00a0\u00a0b\u200b\tc\u200bd  ", "a b cd"},
    {"e\u0301 \xFF", "\u00e9 \ufffd"},
    {"", ""},
};

BOOST_DATA_TEST_CASE(clean_decoded_text_cleans_without_decoding_again, bdata::make(kCleanDecoded), c) {
  BOOST_TEST(clean_decoded_text(c.in) == c.out);
}

// clean_text skips NFC for text made of nfc_stable code points: each must come out of utf8proc's
// NFC unchanged alone and after starters it could compose with (Latin, Cyrillic, kana, Hangul).
BOOST_AUTO_TEST_CASE(nfc_stable_code_points_are_left_alone_by_nfc) {
  auto nfc = [](const std::string& s) {
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> out(
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str())), &std::free);
    return std::string(reinterpret_cast<const char*>(out.get()));
  };
  const std::string starters[] = {"", "a", "e", "A", "<", "\u0418", "\u304b", "\u1100", "\uac00", "\u0915"};
  std::size_t checked = 0;
  std::size_t changed = 0;
  for (char32_t cp = 1; cp < 0x20000; ++cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || !nfc_stable(cp)) continue;
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    const std::string c(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    for (const auto& s : starters)
      if (nfc(s + c) != s + c) ++changed;
    ++checked;
  }
  BOOST_TEST(checked > 30000u);  // 37,785 when written
  BOOST_TEST(changed == 0u);
  // Not stable, and so normalised: ANGSTROM SIGN, a combining acute, a Hangul final jamo.
  BOOST_TEST(!nfc_stable(0x212B));
  BOOST_TEST(!nfc_stable(0x0301));
  BOOST_TEST(!nfc_stable(0x11A8));
  BOOST_TEST(clean_text("caf\u00e9 \u2014 \u212b") == "caf\u00e9 \u2014 \u00c5");
  BOOST_TEST(clean_text("\uac00\u11a8 \u201cok\u201d") == "\uac01 \u201cok\u201d");
}

BOOST_AUTO_TEST_CASE(bidi_marks_are_dropped) {
  // App stores put U+200E before names: "\u200ePerplexity" is "Perplexity".
  BOOST_TEST(clean_text("\u200ePerplexity") == "Perplexity");
  BOOST_TEST(clean_text("a\u200fb\u202ac\u202ed\u2066e\u2069") == "abcde");
}

BOOST_AUTO_TEST_CASE(clean_text_is_clean_decoded_text_after_decoding) {
  for (const auto& c : kDecode) BOOST_TEST(clean_text(c.in) == clean_decoded_text(decode_entities(c.in)));
}

BOOST_DATA_TEST_CASE(is_valid_utf8_follows_the_standard, bdata::make(kUtf8), c) {
  BOOST_TEST(is_valid_utf8(c.in) == c.valid);
}

BOOST_AUTO_TEST_CASE(one_broken_sequence_is_one_replacement_character) {
  // Maximal subparts (Unicode 15, table 3-8): "\xF1\x80\x80" then "\xE1\x80" then "\xC2" then
  // "A", "\x80", "\xBF", "\xED", "\xA0"... each becomes exactly one U+FFFD.
  BOOST_TEST(decode_entities("\xF1\x80\x80\xE1\x80\xC2" "A") == "\ufffd\ufffd\ufffdA");
  BOOST_TEST(decode_entities("\xED\xA0\x80") == "\ufffd\ufffd\ufffd");
  BOOST_TEST(decode_entities("\xC0\xAF") == "\ufffd\ufffd");
}

BOOST_AUTO_TEST_CASE(ascii_lower_touches_ascii_only) {
  BOOST_TEST(ascii_lower("HeLLo WORLD 42") == "hello world 42");
  BOOST_TEST(ascii_lower("\u00c9COLE") == "\u00c9cole");  // É is not ASCII: untouched
  BOOST_TEST(ascii_lower("") == "");
}

BOOST_AUTO_TEST_CASE(hostile_input_stays_linear_and_valid) {
  const auto t0 = std::chrono::steady_clock::now();
  std::string s;
  for (int i = 0; i < 100000; ++i) s += "&&#&#x&amp&#99999999999&notanentity;\xFF\xC3 \u00a0\u200b";
  const std::string out = clean_text(s);
  BOOST_TEST(is_valid_utf8(out));
  BOOST_TEST(out.find('\xFF') == std::string::npos);
  std::string long_name = "&" + std::string(100000, 'a') + ";";
  BOOST_TEST(decode_entities(long_name) == long_name);
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(secs < 20.0, "took " << secs << " s");  // quadratic behaviour would take minutes
}

BOOST_AUTO_TEST_SUITE_END()
