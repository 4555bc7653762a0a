// Encoding sniffing and transcoding to UTF-8. See encoding.hpp for the order of evidence.
//
// Sources: the WHATWG Encoding Standard (labels, names, the windows-1252 and ISO-8859-15
// indexes, the UTF-8 and UTF-16 decoders) and the HTML Standard, "prescan a byte stream to
// determine its encoding" and "extracting a character encoding from a meta element".
#include "stages/html/encoding.hpp"

#include "stages/html/ascii.hpp"

#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <vector>

namespace tv::html {
namespace {

// ---------------------------------------------------------------------------------------------
// The label table.
//
// Every encoding of the Encoding Standard is listed, not only the ones we can transcode: the
// prescan must tell a real but unsupported declaration (Shift_JIS: refuse the page, say why)
// from a bogus one ("charset=bogus": ignore it and keep scanning), exactly as a browser does.

enum class Codec { utf8, utf16le, utf16be, windows1252, iso8859_15, x_user_defined, none };

struct Encoding {
  const char* name;    // the canonical WHATWG name
  Codec codec;         // Codec::none: we cannot transcode it
  const char* labels;  // every label, lower case, separated by single spaces
};

constexpr Encoding kEncodings[] = {
    {"UTF-8", Codec::utf8,
     "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"},
    {"IBM866", Codec::none, "866 cp866 csibm866 ibm866"},
    {"ISO-8859-2", Codec::none,
     "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"},
    {"ISO-8859-3", Codec::none,
     "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"},
    {"ISO-8859-4", Codec::none,
     "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"},
    {"ISO-8859-5", Codec::none,
     "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
     "iso_8859-5:1988"},
    {"ISO-8859-6", Codec::none,
     "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
     "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"},
    {"ISO-8859-7", Codec::none,
     "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
     "iso_8859-7 iso_8859-7:1987 sun_eu_greek"},
    {"ISO-8859-8", Codec::none,
     "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
     "iso_8859-8 iso_8859-8:1988 visual"},
    {"ISO-8859-8-I", Codec::none, "csiso88598i iso-8859-8-i logical"},
    {"ISO-8859-10", Codec::none,
     "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"},
    {"ISO-8859-13", Codec::none, "iso-8859-13 iso8859-13 iso885913"},
    {"ISO-8859-14", Codec::none, "iso-8859-14 iso8859-14 iso885914"},
    {"ISO-8859-15", Codec::iso8859_15,
     "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"},
    {"ISO-8859-16", Codec::none, "iso-8859-16"},
    {"KOI8-R", Codec::none, "cskoi8r koi koi8 koi8-r koi8_r"},
    {"KOI8-U", Codec::none, "koi8-ru koi8-u"},
    {"macintosh", Codec::none, "csmacintosh mac macintosh x-mac-roman"},
    {"windows-874", Codec::none, "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"},
    {"windows-1250", Codec::none, "cp1250 windows-1250 x-cp1250"},
    {"windows-1251", Codec::none, "cp1251 windows-1251 x-cp1251"},
    // On the web, "ISO-8859-1", "latin1" and "US-ASCII" all mean windows-1252.
    {"windows-1252", Codec::windows1252,
     "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
     "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"},
    {"windows-1253", Codec::none, "cp1253 windows-1253 x-cp1253"},
    {"windows-1254", Codec::none,
     "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 "
     "latin5 windows-1254 x-cp1254"},
    {"windows-1255", Codec::none, "cp1255 windows-1255 x-cp1255"},
    {"windows-1256", Codec::none, "cp1256 windows-1256 x-cp1256"},
    {"windows-1257", Codec::none, "cp1257 windows-1257 x-cp1257"},
    {"windows-1258", Codec::none, "cp1258 windows-1258 x-cp1258"},
    {"x-mac-cyrillic", Codec::none, "x-mac-cyrillic x-mac-ukrainian"},
    {"GBK", Codec::none,
     "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"},
    {"gb18030", Codec::none, "gb18030"},
    {"Big5", Codec::none, "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    {"EUC-JP", Codec::none, "cseucpkdfmtjapanese euc-jp x-euc-jp"},
    {"ISO-2022-JP", Codec::none, "csiso2022jp iso-2022-jp"},
    {"Shift_JIS", Codec::none,
     "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"},
    {"EUC-KR", Codec::none,
     "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
     "ksc_5601 windows-949"},
    // Labels of encodings that browsers deliberately refuse to decode (their output is one U+FFFD).
    {"replacement", Codec::none,
     "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement"},
    {"UTF-16BE", Codec::utf16be, "unicodefffe utf-16be"},
    {"UTF-16LE", Codec::utf16le,
     "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"},
    {"x-user-defined", Codec::x_user_defined, "x-user-defined"},
};

const Encoding& encoding_named(std::string_view name) {
  for (const Encoding& e : kEncodings)
    if (name == e.name) return e;
  return kEncodings[0];  // not reached: callers pass names from the table
}

using detail::ascii_lower;
using detail::is_ascii_alpha;
using detail::starts_with_ci;
bool is_ascii_ws(unsigned char c) { return detail::is_html_ws(c); }

// The Encoding Standard's "get an encoding": trim ASCII whitespace, compare ASCII
// case-insensitively with every label. A linear walk over ~230 short labels, once per page.
const Encoding* get_encoding(std::string_view label) {
  while (!label.empty() && is_ascii_ws(label.front())) label.remove_prefix(1);
  while (!label.empty() && is_ascii_ws(label.back())) label.remove_suffix(1);
  if (label.empty() || label.size() > 32) return nullptr;
  char lowered[32];
  for (std::size_t i = 0; i < label.size(); ++i) lowered[i] = ascii_lower(label[i]);
  const std::string_view key(lowered, label.size());
  for (const Encoding& e : kEncodings) {
    std::string_view labels = e.labels;
    while (!labels.empty()) {
      const std::size_t space = labels.find(' ');
      if (labels.substr(0, space) == key) return &e;
      if (space == std::string_view::npos) break;
      labels.remove_prefix(space + 1);
    }
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// The prescan (HTML Standard 13.2.3.2). Running out of bytes anywhere, including in the middle
// of a tag, ends the prescan without a result: that is how the standard makes a <meta> cut by
// the 1024-byte boundary count for nothing.

constexpr std::size_t kPrescanBytes = 1024;

struct Declaration {
  const Encoding* encoding = nullptr;  // nullptr: nothing declared
  std::string label;                   // the label as written (trimmed, lower case)
  const char* rule = "";               // "meta charset", "http-equiv", "xml declaration"
};

enum class Got { attribute, nothing, out_of_bytes };

// "Get an attribute". Names and values are lower-cased as the standard says; pos is left on
// the byte that ended the attribute.
Got get_attribute(std::string_view s, std::size_t& pos, std::string& name, std::string& value) {
  name.clear();
  value.clear();
  const std::size_t n = s.size();
  while (pos < n && (is_ascii_ws(s[pos]) || s[pos] == '/')) ++pos;
  if (pos >= n) return Got::out_of_bytes;
  if (s[pos] == '>') return Got::nothing;
  for (;; ++pos) {  // the name
    if (pos >= n) return Got::out_of_bytes;
    const unsigned char c = s[pos];
    if (c == '=' && !name.empty()) break;
    if (is_ascii_ws(c)) {
      while (pos < n && is_ascii_ws(s[pos])) ++pos;
      if (pos >= n) return Got::out_of_bytes;
      if (s[pos] != '=') return Got::attribute;  // a name without a value
      break;
    }
    if (c == '/' || c == '>') return Got::attribute;
    name += static_cast<char>(ascii_lower(c));
  }
  ++pos;  // past '='
  while (pos < n && is_ascii_ws(s[pos])) ++pos;
  if (pos >= n) return Got::out_of_bytes;
  const unsigned char first = s[pos];
  if (first == '"' || first == '\'') {
    for (++pos;; ++pos) {
      if (pos >= n) return Got::out_of_bytes;
      if (static_cast<unsigned char>(s[pos]) == first) {
        ++pos;
        return Got::attribute;
      }
      value += static_cast<char>(ascii_lower(s[pos]));
    }
  }
  if (first == '>') return Got::attribute;
  for (;; ++pos) {
    if (pos >= n) return Got::out_of_bytes;
    const unsigned char c = s[pos];
    if (is_ascii_ws(c) || c == '>') return Got::attribute;
    value += static_cast<char>(ascii_lower(c));
  }
}

// "Extracting a character encoding from a meta element", for content="text/html; charset=x".
// Returns the label found, or nullopt-like false.
bool extract_from_content(std::string_view s, std::string_view& label) {
  std::size_t pos = 0;
  for (;;) {
    std::size_t at = std::string_view::npos;
    for (std::size_t i = pos; i + 7 <= s.size(); ++i) {
      bool match = true;
      for (std::size_t k = 0; k < 7 && match; ++k) match = ascii_lower(s[i + k]) == "charset"[k];
      if (match) {
        at = i;
        break;
      }
    }
    if (at == std::string_view::npos) return false;
    pos = at + 7;
    while (pos < s.size() && is_ascii_ws(s[pos])) ++pos;
    if (pos >= s.size() || s[pos] != '=') continue;  // "charset" not followed by '='
    ++pos;
    while (pos < s.size() && is_ascii_ws(s[pos])) ++pos;
    if (pos >= s.size()) return false;
    const char c = s[pos];
    if (c == '"' || c == '\'') {
      const std::size_t close = s.find(c, pos + 1);
      if (close == std::string_view::npos) return false;  // an unmatched quote
      label = s.substr(pos + 1, close - pos - 1);
      return true;
    }
    std::size_t end = pos;
    while (end < s.size() && !is_ascii_ws(s[end]) && s[end] != ';') ++end;
    label = s.substr(pos, end - pos);
    return true;
  }
}


// The attributes of one <meta>, then the standard's "processing" steps. Returns true when
// this meta settles the encoding (the prescan stops); false when it declares nothing usable.
enum class MetaResult { declared, nothing, out_of_bytes };

MetaResult read_meta(std::string_view s, std::size_t& pos, Declaration& out) {
  std::vector<std::string> seen;
  std::string name, value;
  bool got_pragma = false;
  int need_pragma = -1;  // -1 null, 0 false, 1 true
  bool charset_set = false;
  const Encoding* charset = nullptr;  // with charset_set: nullptr means "failure"
  std::string charset_label;
  const char* rule = "";
  for (;;) {
    const Got got = get_attribute(s, pos, name, value);
    if (got == Got::out_of_bytes) return MetaResult::out_of_bytes;
    if (got == Got::nothing) break;
    bool duplicate = false;
    for (const std::string& n : seen) duplicate = duplicate || n == name;
    if (duplicate) continue;
    seen.push_back(name);
    if (name == "http-equiv") {
      if (value == "content-type") got_pragma = true;
    } else if (name == "content") {
      std::string_view label;
      if (!charset_set && extract_from_content(value, label)) {
        if (const Encoding* e = get_encoding(label)) {
          charset_set = true;
          charset = e;
          charset_label.assign(label);
          need_pragma = 1;
          rule = "http-equiv";
        }
      }
    } else if (name == "charset") {
      charset_set = true;
      charset = get_encoding(value);
      charset_label = value;
      need_pragma = 0;
      rule = "meta charset";
    }
  }
  if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || charset == nullptr)
    return MetaResult::nothing;
  // A document whose bytes were readable as ASCII cannot really be UTF-16; and x-user-defined
  // is windows-1252 for text purposes. Both substitutions are the standard's.
  if (charset->codec == Codec::utf16le || charset->codec == Codec::utf16be)
    charset = &encoding_named("UTF-8");
  if (charset->codec == Codec::x_user_defined) charset = &encoding_named("windows-1252");
  out.encoding = charset;
  while (!charset_label.empty() && is_ascii_ws(charset_label.back())) charset_label.pop_back();
  std::size_t lead = 0;
  while (lead < charset_label.size() && is_ascii_ws(charset_label[lead])) ++lead;
  out.label = charset_label.substr(lead);
  out.rule = rule;
  return MetaResult::declared;
}

Declaration prescan(std::string_view bytes) {
  Declaration found;
  const std::string_view s = bytes.substr(0, kPrescanBytes);
  // UTF-16 pages without a BOM that start with an XML declaration (the standard's first step).
  if (s.substr(0, 6) == std::string_view("<\0?\0x\0", 6)) {
    found.encoding = &encoding_named("UTF-16LE");
    found.rule = "xml declaration";
    return found;
  }
  if (s.substr(0, 6) == std::string_view("\0<\0?\0x", 6)) {
    found.encoding = &encoding_named("UTF-16BE");
    found.rule = "xml declaration";
    return found;
  }
  std::string name, value;
  std::size_t pos = 0;
  const std::size_t n = s.size();
  for (; pos < n; ++pos) {
    if (s[pos] != '<') continue;
    if (s.compare(pos, 4, "<!--") == 0) {
      // The "-->" may share its dashes with the opening "<!--" ("<!-->" is a whole comment).
      const std::size_t close = s.find("-->", pos + 2);
      if (close == std::string_view::npos) return {};
      pos = close + 2;
    } else if (starts_with_ci(s, pos, "<meta") && pos + 5 < n &&
               (is_ascii_ws(s[pos + 5]) || s[pos + 5] == '/')) {
      pos += 5;
      const MetaResult r = read_meta(s, pos, found);
      if (r == MetaResult::declared) return found;
      if (r == MetaResult::out_of_bytes) return {};
    } else if ((pos + 1 < n && is_ascii_alpha(s[pos + 1])) ||
               (pos + 2 < n && s[pos + 1] == '/' && is_ascii_alpha(s[pos + 2]))) {
      while (pos < n && !is_ascii_ws(s[pos]) && s[pos] != '>') ++pos;
      for (;;) {
        const Got got = get_attribute(s, pos, name, value);
        if (got == Got::out_of_bytes) return {};
        if (got == Got::nothing) break;
      }
    } else if (pos + 1 < n && (s[pos + 1] == '!' || s[pos + 1] == '/' || s[pos + 1] == '?')) {
      const std::size_t close = s.find('>', pos + 1);
      if (close == std::string_view::npos) return {};
      pos = close;
    }
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Decoders. Each appends UTF-8 to `out`.

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    const char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    const char b[3] = {static_cast<char>(0xE0 | (cp >> 12)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    const char b[4] = {static_cast<char>(0xF0 | (cp >> 18)),
                       static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

constexpr char32_t kReplacement = 0xFFFD;

// WHATWG index for windows-1252, bytes 0x80-0x9F. 0xA0-0xFF are the Latin-1 code points.
// The five holes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

// ISO-8859-15 is Latin-1 (0x80-0x9F are the C1 controls) except for eight positions.
char32_t iso8859_15(unsigned char b) {
  switch (b) {
    case 0xA4: return 0x20AC;
    case 0xA6: return 0x0160;
    case 0xA8: return 0x0161;
    case 0xB4: return 0x017D;
    case 0xB8: return 0x017E;
    case 0xBC: return 0x0152;
    case 0xBD: return 0x0153;
    case 0xBE: return 0x0178;
    default: return b;
  }
}

void decode_single_byte(std::string_view in, Codec codec, std::string& out) {
  out.reserve(out.size() + in.size() + in.size() / 4);
  std::size_t i = 0;
  while (i < in.size()) {
    std::size_t run = i;  // copy ASCII runs whole
    while (run < in.size() && static_cast<unsigned char>(in[run]) < 0x80) ++run;
    out.append(in.data() + i, run - i);
    if (run == in.size()) break;
    const unsigned char b = in[run];
    if (codec == Codec::windows1252)
      append_utf8(out, b < 0xA0 ? kWindows1252High[b - 0x80] : b);
    else
      append_utf8(out, iso8859_15(b));
    i = run + 1;
  }
}

void decode_utf16(std::string_view in, bool big_endian, std::string& out) {
  out.reserve(out.size() + in.size() + in.size() / 2);
  char16_t lead = 0;  // a pending lead surrogate, or 0
  std::size_t i = 0;
  for (; i + 1 < in.size(); i += 2) {
    const unsigned char b0 = in[i], b1 = in[i + 1];
    const char16_t unit = big_endian ? (b0 << 8) | b1 : (b1 << 8) | b0;
    if (lead != 0) {
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((char32_t(lead) - 0xD800) << 10) + (unit - 0xDC00));
        lead = 0;
        continue;
      }
      append_utf8(out, kReplacement);  // the lead had no trail; `unit` is read afresh
      lead = 0;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF)
      lead = unit;
    else if (unit >= 0xDC00 && unit <= 0xDFFF)
      append_utf8(out, kReplacement);  // a trail without a lead
    else
      append_utf8(out, unit);
  }
  if (lead != 0 || i < in.size()) append_utf8(out, kReplacement);  // unpaired lead, odd byte
}

// The length of the well-formed UTF-8 sequence at in[i], or 0 if there is none; `*maximal`
// gets the length of its maximal subpart (what one U+FFFD replaces, per the Encoding Standard).
std::size_t utf8_sequence(std::string_view in, std::size_t i, std::size_t* maximal) {
  const unsigned char b = in[i];
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b < 0x80) {
    return 1;
  } else if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    *maximal = 1;
    return 0;
  }
  std::size_t k = 1;
  for (; k <= need; ++k) {
    if (i + k >= in.size()) break;
    const unsigned char c = in[i + k];
    if (c < lo || c > hi) break;
    lo = 0x80;
    hi = 0xBF;
  }
  if (k > need) return need + 1;
  *maximal = k;
  return 0;
}

struct Utf8Survey {
  std::size_t invalid = 0;      // ill-formed subparts, not counting a cut-off final sequence
  std::size_t multibyte = 0;    // well-formed non-ASCII sequences
  bool truncated_tail = false;  // the bytes end in the middle of a sequence
};

Utf8Survey survey_utf8(std::string_view in) {
  Utf8Survey s;
  std::size_t i = 0;
  while (i < in.size()) {
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t maximal = 0;
    const std::size_t len = utf8_sequence(in, i, &maximal);
    if (len > 0) {
      ++s.multibyte;
      i += len;
    } else if (i + maximal >= in.size() && maximal > 1) {
      s.truncated_tail = true;
      i = in.size();
    } else {
      ++s.invalid;
      i += maximal;
    }
  }
  return s;
}

void decode_utf8(std::string_view in, std::string& out) {
  out.reserve(out.size() + in.size() + 16);
  std::size_t i = 0, clean = 0;  // in[clean, i) is well-formed and not yet copied
  while (i < in.size()) {
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t maximal = 0;
    const std::size_t len = utf8_sequence(in, i, &maximal);
    if (len > 0) {
      i += len;
      continue;
    }
    out.append(in.data() + clean, i - clean);
    append_utf8(out, kReplacement);
    i += maximal;
    clean = i;
  }
  out.append(in.data() + clean, i - clean);
}

bool transcode(std::string_view in, Codec codec, std::string& out) {
  switch (codec) {
    case Codec::utf8: decode_utf8(in, out); return true;
    case Codec::utf16le: decode_utf16(in, false, out); return true;
    case Codec::utf16be: decode_utf16(in, true, out); return true;
    case Codec::windows1252:
    case Codec::iso8859_15: decode_single_byte(in, codec, out); return true;
    case Codec::x_user_defined:
    case Codec::none: return false;
  }
  return false;
}

}  // namespace

std::string prescan_meta_charset(std::string_view bytes) {
  try {
    const Declaration d = prescan(bytes);
    return d.encoding ? d.encoding->name : "";
  } catch (const std::exception&) {  // only std::bad_alloc can happen
    return "";
  }
}

Decoded decode_to_utf8(std::string_view bytes) {
  Decoded d;
  try {
    const Encoding* source = nullptr;
    bool already_utf8 = false;  // the bytes need no replacement: copy them as they are
    std::string_view body = bytes;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
      source = &encoding_named("UTF-8");
      body.remove_prefix(3);
    } else if (bytes.substr(0, 2) == "\xFE\xFF") {
      source = &encoding_named("UTF-16BE");
      body.remove_prefix(2);
    } else if (bytes.substr(0, 2) == "\xFF\xFE") {
      source = &encoding_named("UTF-16LE");
      body.remove_prefix(2);
    }
    if (source) {
      d.rule = "bom";
    } else if (const Declaration decl = prescan(bytes); decl.encoding) {
      source = decl.encoding;
      d.rule = decl.rule;
      if (source->codec == Codec::none) {
        d.encoding = source->name;
        // "replacement" is not a name an editor would recognise; the label written is.
        const std::string named =
            std::string_view(source->name) == "replacement" ? decl.label : source->name;
        d.error = "the page declares its encoding as " + named +
                  ", which this pipeline cannot read yet";
        return d;
      }
    } else {
      // No BOM, no declaration. Browsers would guess from the locale; a page whose bytes are
      // UTF-8 is UTF-8 in practice. So is a page that is overwhelmingly UTF-8 with a few stray
      // bytes (a bad paste, a cut in the middle of a character): chance byte pairs in
      // windows-1252 text rarely form UTF-8 sequences, and never outnumber the bytes that
      // don't, so a ratio of 4:1 keeps real Latin-1 pages on the fallback.
      const Utf8Survey s = survey_utf8(bytes);
      if (s.invalid == 0) {
        source = &encoding_named("UTF-8");
        d.rule = "valid utf-8";
        already_utf8 = !s.truncated_tail;
      } else if (s.multibyte >= 4 * s.invalid) {
        source = &encoding_named("UTF-8");
        d.rule = "mostly valid utf-8";
      } else {
        source = &encoding_named("windows-1252");
        d.rule = "fallback windows-1252";
      }
    }
    d.encoding = source->name;
    if (already_utf8) {
      d.utf8.assign(body);
    } else if (!transcode(body, source->codec, d.utf8)) {  // not reached: the codecs above all decode
      d.error = std::string("the page's encoding ") + source->name + " cannot be decoded";
      d.utf8.clear();
      return d;
    }
    d.ok = true;
  } catch (const std::bad_alloc&) {
    d = Decoded{};
    d.error = "the page is too large to convert to UTF-8 in the memory available";
  } catch (const std::exception& e) {  // a bug of ours; still a refusal, not a crash
    d = Decoded{};
    d.error = std::string("internal error while decoding the page: ") + e.what();
  }
  return d;
}

}  // namespace tv::html
