// Unit tests for stages/html/encoding: sniffing rules, the label table, the decoders.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "stages/html/encoding.hpp"

namespace bdata = boost::unit_test::data;
using tv::html::decode_to_utf8;
using tv::html::Decoded;
using tv::html::prescan_meta_charset;

namespace {

// One sniffing case: the bytes, the encoding decode_to_utf8 must name, and the rule.
struct Sniff {
  const char* what;
  std::string bytes;
  const char* encoding;
  const char* rule;
};
std::ostream& operator<<(std::ostream& os, const Sniff& s) { return os << s.what; }

// One label written in <meta charset=...> and the encoding the prescan must report.
struct Label {
  const char* label;
  const char* name;
};
std::ostream& operator<<(std::ostream& os, const Label& l) { return os << l.label; }

// One byte sequence and its UTF-8 after decoding.
struct Bytes {
  const char* what;
  std::string in;
  std::string out;
};
std::ostream& operator<<(std::ostream& os, const Bytes& b) { return os << b.what; }

std::string bytes(std::initializer_list<unsigned char> list) {
  return std::string(list.begin(), list.end());
}

const std::string kFFFD = "\xEF\xBF\xBD";

}  // namespace

BOOST_AUTO_TEST_SUITE(encoding)

// --- which evidence decides ---------------------------------------------------------------

const Sniff kSniffs[] = {
    {"utf-8 bom", "\xEF\xBB\xBF<p>caf\xC3\xA9", "UTF-8", "bom"},
    {"utf-8 bom beats a meta", "\xEF\xBB\xBF<meta charset=latin1>", "UTF-8", "bom"},
    {"utf-16le bom", bytes({0xFF, 0xFE, '<', 0, 'p', 0}), "UTF-16LE", "bom"},
    {"utf-16be bom", bytes({0xFE, 0xFF, 0, '<', 0, 'p'}), "UTF-16BE", "bom"},
    {"meta charset", "<meta charset=\"iso-8859-15\"><p>x", "ISO-8859-15", "meta charset"},
    {"meta charset unquoted, upper case", "<META CHARSET=Windows-1252>", "windows-1252",
     "meta charset"},
    {"http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=latin1\">",
     "windows-1252", "http-equiv"},
    {"http-equiv after content",
     "<meta content='text/html;charset=utf-8' http-equiv='content-type'>\xE9", "UTF-8",
     "http-equiv"},
    {"valid utf-8", "<p>caf\xC3\xA9 \xE2\x82\xAC", "UTF-8", "valid utf-8"},
    {"plain ascii", "<p>hello", "UTF-8", "valid utf-8"},
    {"utf-8 cut in the middle of the last character", "<p>caf\xC3\xA9 \xE2\x82", "UTF-8",
     "valid utf-8"},
    {"utf-8 with one stray byte",
     "<p>\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 \x93", "UTF-8", "mostly valid utf-8"},
    {"latin-1 without declaration", "<p>caf\xE9", "windows-1252", "fallback windows-1252"},
    {"utf-16le xml declaration without bom", bytes({'<', 0, '?', 0, 'x', 0, 'm', 0}), "UTF-16LE",
     "xml declaration"},
    {"utf-16be xml declaration without bom", bytes({0, '<', 0, '?', 0, 'x', 0, 'm'}), "UTF-16BE",
     "xml declaration"},
};

BOOST_DATA_TEST_CASE(sniffing_rules, bdata::make(kSniffs), s) {
  const Decoded d = decode_to_utf8(s.bytes);
  BOOST_TEST(d.ok);
  BOOST_TEST(d.encoding == s.encoding);
  BOOST_TEST(d.rule == s.rule);
  BOOST_TEST(d.error.empty());
}

// --- the label table, through <meta charset> ---------------------------------------------

const Label kLabels[] = {
    {"utf-8", "UTF-8"},
    {"UTF8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"},
    {" utf-8 ", "UTF-8"},  // trimmed
    {"windows-1252", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"ISO8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"cp819", "windows-1252"},
    {"iso-8859-15", "ISO-8859-15"},
    {"latin9", ""},  // not a WHATWG label
    {"l9", "ISO-8859-15"},
    {"csisolatin9", "ISO-8859-15"},
    // A page whose <meta> could be read as ASCII is not UTF-16: the standard says UTF-8.
    {"utf-16", "UTF-8"},
    {"utf-16le", "UTF-8"},
    {"utf-16be", "UTF-8"},
    {"x-user-defined", "windows-1252"},
    // Real encodings we cannot decode are still named, so the refusal can say which.
    {"shift_jis", "Shift_JIS"},
    {"sjis", "Shift_JIS"},
    {"gb2312", "GBK"},
    {"big5", "Big5"},
    {"euc-kr", "EUC-KR"},
    {"koi8-r", "KOI8-R"},
    {"iso-8859-2", "ISO-8859-2"},
    {"iso-2022-kr", "replacement"},
    {"bogus", ""},
    {"", ""},
};

BOOST_DATA_TEST_CASE(labels, bdata::make(kLabels), l) {
  BOOST_TEST(prescan_meta_charset(std::string("<meta charset=\"") + l.label + "\">") == l.name);
}

// --- the prescan ----------------------------------------------------------------------------

const Sniff kPrescans[] = {
    {"meta inside a comment is skipped", "<!-- <meta charset=shift_jis> --><meta charset=utf-8>",
     "UTF-8", ""},
    {"<!--> is a whole comment", "<!--><meta charset=latin1>", "windows-1252", ""},
    {"charset in another tag is not a declaration", "<script charset=shift_jis></script>", "",
     ""},
    {"a quoted '>' does not end a tag", "<p title='>'><meta charset=utf-8>", "UTF-8", ""},
    {"a bogus charset lets a later meta decide", "<meta charset=bogus><meta charset=latin1>",
     "windows-1252", ""},
    {"the first usable meta wins", "<meta charset=utf-8><meta charset=latin1>", "UTF-8", ""},
    {"content without http-equiv is ignored", "<meta content=\"text/html; charset=latin1\">", "",
     ""},
    {"http-equiv must say content-type",
     "<meta http-equiv=refresh content=\"text/html; charset=latin1\">", "", ""},
    {"a duplicate attribute is ignored",
     "<meta charset=latin1 charset=utf-8>", "windows-1252", ""},
    {"charset beats an earlier content",
     "<meta http-equiv=content-type content='charset=utf-8' charset=latin1>", "windows-1252", ""},
    {"content charset in quotes", "<meta http-equiv=Content-Type content=\"charset='latin1'\">",
     "windows-1252", ""},
    {"content charset with an unmatched quote",
     "<meta http-equiv=Content-Type content=\"charset='latin1\">", "", ""},
    {"content: 'charset' not followed by '='",
     "<meta http-equiv=Content-Type content=\"charset; charset=latin1\">", "windows-1252", ""},
    {"<meta/ charset>", "<meta/charset=latin1>", "windows-1252", ""},
    {"<metacharset> is not a meta", "<metacharset=latin1>", "", ""},
    {"a meta cut by the end of input", "<meta charset=latin1", "", ""},
    {"an end tag's attributes are skipped", "</p charset=latin1><meta charset=utf-8>", "UTF-8",
     ""},
    {"doctype and processing instruction", "<!DOCTYPE html><?xml x?><meta charset=latin1>",
     "windows-1252", ""},
};

BOOST_DATA_TEST_CASE(prescan, bdata::make(kPrescans), s) {
  BOOST_TEST(prescan_meta_charset(s.bytes) == s.encoding);
}

BOOST_AUTO_TEST_CASE(meta_after_1024_bytes_is_ignored) {
  const std::string filler = "<!-- " + std::string(1100, 'x') + " -->";
  const std::string late = filler + "<meta charset=\"latin1\"><p>caf\xC3\xA9";
  BOOST_TEST(prescan_meta_charset(late) == "");
  const Decoded d = decode_to_utf8(late);
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.rule == "valid utf-8");

  // A meta that starts before byte 1024 but ends after it is cut, and counts for nothing.
  const std::string straddling = std::string(1010, ' ') + "<meta charset=\"latin1\">";
  BOOST_TEST(prescan_meta_charset(straddling) == "");
  // One that ends exactly at byte 1024 counts.
  const std::string fits = std::string(1024 - 22, ' ') + "<meta charset=latin1 >";
  BOOST_REQUIRE_EQUAL(fits.size(), 1024u);
  BOOST_TEST(prescan_meta_charset(fits) == "windows-1252");
}

// --- unsupported encodings ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(unsupported_encoding_is_refused_with_a_sentence) {
  const Decoded d = decode_to_utf8("<meta charset=\"sjis\"><p>\x82\xA0");
  BOOST_TEST(!d.ok);
  BOOST_TEST(d.encoding == "Shift_JIS");
  BOOST_TEST(d.rule == "meta charset");
  BOOST_TEST(d.error == "the page declares its encoding as Shift_JIS, which this pipeline "
                        "cannot read yet");
  BOOST_TEST(d.utf8.empty());

  const Decoded h = decode_to_utf8(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">");
  BOOST_TEST(!h.ok);
  BOOST_TEST(h.rule == "http-equiv");
  BOOST_TEST(h.error ==
             "the page declares its encoding as KOI8-R, which this pipeline cannot read yet");

  // The "replacement" encoding is named by the label the page wrote.
  const Decoded r = decode_to_utf8("<meta charset=ISO-2022-KR>");
  BOOST_TEST(!r.ok);
  BOOST_TEST(r.error ==
             "the page declares its encoding as iso-2022-kr, which this pipeline cannot read yet");
}

// --- decoders -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(latin1_bytes_without_declaration) {
  const Decoded d = decode_to_utf8("caf\xE9");
  BOOST_TEST(d.ok);
  BOOST_TEST(d.utf8 == "caf\xC3\xA9");
  BOOST_TEST(decode_to_utf8("\xA0\xFF").utf8 == "\xC2\xA0\xC3\xBF");
}

// Every byte 0x80-0x9F, as the WHATWG index maps it (the five holes become C1 controls).
const char32_t kWindows1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string utf8_of(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

BOOST_DATA_TEST_CASE(windows_1252_high_bytes, bdata::xrange(32), k) {
  const std::string page = std::string("<meta charset=windows-1252>") +
                           static_cast<char>(0x80 + k);
  const Decoded d = decode_to_utf8(page);
  BOOST_TEST(d.ok);
  BOOST_TEST(d.utf8 == "<meta charset=windows-1252>" + utf8_of(kWindows1252[k]));
}

BOOST_AUTO_TEST_CASE(windows_1252_quotes_and_euro) {
  const Decoded d = decode_to_utf8("\x93quoted\x94 \x80 5");
  BOOST_TEST(d.encoding == "windows-1252");
  BOOST_TEST(d.utf8 == "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC 5");
}

BOOST_AUTO_TEST_CASE(iso_8859_15) {
  const Decoded d = decode_to_utf8("<meta charset=l9>\xA4\xBD\xE9\x80");
  BOOST_TEST(d.ok);
  // 0xA4 is the euro sign, 0xBD the oe ligature, 0xE9 e-acute, 0x80 the C1 control U+0080.
  BOOST_TEST(d.utf8 == "<meta charset=l9>\xE2\x82\xAC\xC5\x93\xC3\xA9\xC2\x80");
}

const Bytes kUtf8Repairs[] = {
    {"lone continuation byte", "a\x80z", "a" + kFFFD + "z"},
    {"truncated 3-byte sequence is one U+FFFD", "a\xE2\x82z", "a" + kFFFD + "z"},
    {"truncated 4-byte sequence is one U+FFFD", "a\xF1\x80\x80z", "a" + kFFFD + "z"},
    {"overlong 2-byte form is two", "\xC0\xAF", kFFFD + kFFFD},
    {"overlong 3-byte form E0 80 AF is three", "\xE0\x80\xAF", kFFFD + kFFFD + kFFFD},
    {"surrogate ED A0 80 is three", "\xED\xA0\x80", kFFFD + kFFFD + kFFFD},
    {"beyond U+10FFFF", "\xF4\x90\x80\x80", kFFFD + kFFFD + kFFFD + kFFFD},
    {"F5 and FF are never valid", "\xF5\xFF", kFFFD + kFFFD},
    {"valid neighbours untouched", "\xC3\xA9\xFF\xE2\x82\xAC", "\xC3\xA9" + kFFFD + "\xE2\x82\xAC"},
    {"cut at the end", "ok\xF0\x9F\x98", "ok" + kFFFD},
};

BOOST_DATA_TEST_CASE(invalid_utf8_becomes_replacement_characters, bdata::make(kUtf8Repairs), b) {
  // Declared UTF-8, so the fallback cannot interfere.
  const std::string prefix = "<meta charset=utf-8>";
  const Decoded d = decode_to_utf8(prefix + b.in);
  BOOST_TEST(d.ok);
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.utf8 == prefix + b.out);
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_removed_and_contents_repaired) {
  const Decoded d = decode_to_utf8("\xEF\xBB\xBF<p>\xC3\xA9\xFF");
  BOOST_TEST(d.utf8 == "<p>\xC3\xA9" + kFFFD);
}

const Bytes kUtf16[] = {
    {"le ascii", bytes({0xFF, 0xFE, 'h', 0, 'i', 0}), "hi"},
    {"be ascii", bytes({0xFE, 0xFF, 0, 'h', 0, 'i'}), "hi"},
    {"le e-acute and euro", bytes({0xFF, 0xFE, 0xE9, 0x00, 0xAC, 0x20}), "\xC3\xA9\xE2\x82\xAC"},
    {"le surrogate pair", bytes({0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE}), "\xF0\x9F\x98\x80"},
    {"be surrogate pair", bytes({0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00}), "\xF0\x9F\x98\x80"},
    {"unpaired lead then ascii", bytes({0xFF, 0xFE, 0x3D, 0xD8, 'a', 0}), kFFFD + "a"},
    {"unpaired lead at the end", bytes({0xFF, 0xFE, 'a', 0, 0x3D, 0xD8}), "a" + kFFFD},
    {"lone trail", bytes({0xFF, 0xFE, 0x00, 0xDE, 'a', 0}), kFFFD + "a"},
    {"two leads then a trail", bytes({0xFF, 0xFE, 0x3D, 0xD8, 0x3D, 0xD8, 0x00, 0xDE}),
     kFFFD + "\xF0\x9F\x98\x80"},
    {"odd trailing byte", bytes({0xFF, 0xFE, 'a', 0, 'b'}), "a" + kFFFD},
    {"bom only", bytes({0xFE, 0xFF}), ""},
};

BOOST_DATA_TEST_CASE(utf16_is_transcoded, bdata::make(kUtf16), b) {
  const Decoded d = decode_to_utf8(b.in);
  BOOST_TEST(d.ok);
  BOOST_TEST(d.rule == "bom");
  BOOST_TEST(d.utf8 == b.out);
}

BOOST_AUTO_TEST_CASE(empty_and_odd_inputs) {
  const Decoded empty = decode_to_utf8("");
  BOOST_TEST(empty.ok);
  BOOST_TEST(empty.utf8.empty());
  BOOST_TEST(empty.encoding == "UTF-8");
  BOOST_TEST(prescan_meta_charset("") == "");
  BOOST_TEST(prescan_meta_charset("<") == "");
  BOOST_TEST(prescan_meta_charset(std::string("\0\0\0", 3)) == "");
  // NUL bytes are valid UTF-8 and pass through for gumbo to deal with.
  BOOST_TEST(decode_to_utf8(std::string("a\0b", 3)).utf8 == std::string("a\0b", 3));
}

BOOST_AUTO_TEST_SUITE_END()
