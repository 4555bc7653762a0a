// Text clean-up for scraped strings: HTML character references, Unicode spaces, controls,
// invalid UTF-8, NFC. Hand-written scanners only; every loop is linear in the input.
#include "stages/normalise/fields/text.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <unordered_map>

namespace tv::fields {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Appends the UTF-8 encoding of a (valid, non-surrogate) code point.
void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes one code point at s[i] and advances i. An ill-formed sequence yields U+FFFD and
// consumes its maximal subpart (the WHATWG / Unicode "substitution of maximal subparts"
// practice), so one broken sequence becomes exactly one U+FFFD. `ok` is false on error.
char32_t next_code_point(std::string_view s, std::size_t& i, bool& ok) {
  ok = true;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int need = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    ++i;
    ok = false;
    return kReplacement;
  }
  std::size_t j = i + 1;
  for (int k = 0; k < need; ++k, ++j) {
    if (j >= s.size()) {
      i = j;
      ok = false;
      return kReplacement;
    }
    const auto b = static_cast<unsigned char>(s[j]);
    if (b < lo || b > hi) {
      i = j;  // the maximal subpart ends before the offending byte
      ok = false;
      return kReplacement;
    }
    lo = 0x80;
    hi = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
  }
  i = j;
  return cp;
}

// --- Named character references ------------------------------------------------------------

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};

// Latin-1 U+00A0..U+00FF in code point order: the HTML 2/3.2 set. These (and amp, lt, gt,
// quot and the upper-case AMP, COPY, GT, LT, QUOT, REG) are the "legacy" references HTML
// still decodes without the trailing ';'.
constexpr std::array<std::string_view, 96> kLatin1Names = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
    "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",
    "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",   "middot",
    "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
    "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
    "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

constexpr NamedEntity kLegacyExtra[] = {
    {"amp", 38}, {"lt", 60}, {"gt", 62}, {"quot", 34},
    {"AMP", 38}, {"LT", 60}, {"GT", 62}, {"QUOT", 34}, {"COPY", 169}, {"REG", 174},
};

// The rest: HTML 4 (typography, Greek, arrows, maths) plus the HTML5 names seen in practice.
constexpr NamedEntity kOtherEntities[] = {
    // HTML 4 special
    {"apos", 39}, {"OElig", 338}, {"oelig", 339}, {"Scaron", 352}, {"scaron", 353},
    {"Yuml", 376}, {"circ", 710}, {"tilde", 732}, {"ensp", 8194}, {"emsp", 8195},
    {"thinsp", 8201}, {"zwnj", 8204}, {"zwj", 8205}, {"lrm", 8206}, {"rlm", 8207},
    {"ndash", 8211}, {"mdash", 8212}, {"lsquo", 8216}, {"rsquo", 8217}, {"sbquo", 8218},
    {"ldquo", 8220}, {"rdquo", 8221}, {"bdquo", 8222}, {"dagger", 8224}, {"Dagger", 8225},
    {"permil", 8240}, {"lsaquo", 8249}, {"rsaquo", 8250}, {"euro", 8364},
    // HTML 4 symbols
    {"fnof", 402}, {"Alpha", 913}, {"Beta", 914}, {"Gamma", 915}, {"Delta", 916},
    {"Epsilon", 917}, {"Zeta", 918}, {"Eta", 919}, {"Theta", 920}, {"Iota", 921},
    {"Kappa", 922}, {"Lambda", 923}, {"Mu", 924}, {"Nu", 925}, {"Xi", 926},
    {"Omicron", 927}, {"Pi", 928}, {"Rho", 929}, {"Sigma", 931}, {"Tau", 932},
    {"Upsilon", 933}, {"Phi", 934}, {"Chi", 935}, {"Psi", 936}, {"Omega", 937},
    {"alpha", 945}, {"beta", 946}, {"gamma", 947}, {"delta", 948}, {"epsilon", 949},
    {"zeta", 950}, {"eta", 951}, {"theta", 952}, {"iota", 953}, {"kappa", 954},
    {"lambda", 955}, {"mu", 956}, {"nu", 957}, {"xi", 958}, {"omicron", 959},
    {"pi", 960}, {"rho", 961}, {"sigmaf", 962}, {"sigma", 963}, {"tau", 964},
    {"upsilon", 965}, {"phi", 966}, {"chi", 967}, {"psi", 968}, {"omega", 969},
    {"thetasym", 977}, {"upsih", 978}, {"piv", 982}, {"bull", 8226}, {"hellip", 8230},
    {"prime", 8242}, {"Prime", 8243}, {"oline", 8254}, {"frasl", 8260}, {"weierp", 8472},
    {"image", 8465}, {"real", 8476}, {"trade", 8482}, {"alefsym", 8501}, {"larr", 8592},
    {"uarr", 8593}, {"rarr", 8594}, {"darr", 8595}, {"harr", 8596}, {"crarr", 8629},
    {"lArr", 8656}, {"uArr", 8657}, {"rArr", 8658}, {"dArr", 8659}, {"hArr", 8660},
    {"forall", 8704}, {"part", 8706}, {"exist", 8707}, {"empty", 8709}, {"nabla", 8711},
    {"isin", 8712}, {"notin", 8713}, {"ni", 8715}, {"prod", 8719}, {"sum", 8721},
    {"minus", 8722}, {"lowast", 8727}, {"radic", 8730}, {"prop", 8733}, {"infin", 8734},
    {"ang", 8736}, {"and", 8743}, {"or", 8744}, {"cap", 8745}, {"cup", 8746},
    {"int", 8747}, {"there4", 8756}, {"sim", 8764}, {"cong", 8773}, {"asymp", 8776},
    {"ne", 8800}, {"equiv", 8801}, {"le", 8804}, {"ge", 8805}, {"sub", 8834},
    {"sup", 8835}, {"nsub", 8836}, {"sube", 8838}, {"supe", 8839}, {"oplus", 8853},
    {"otimes", 8855}, {"perp", 8869}, {"sdot", 8901}, {"lceil", 8968}, {"rceil", 8969},
    {"lfloor", 8970}, {"rfloor", 8971}, {"lang", 10216}, {"rang", 10217}, {"loz", 9674},
    {"spades", 9824}, {"clubs", 9827}, {"hearts", 9829}, {"diams", 9830},
    // HTML5 ASCII punctuation names
    {"Tab", 9}, {"NewLine", 10}, {"excl", 33}, {"num", 35}, {"dollar", 36},
    {"percnt", 37}, {"lpar", 40}, {"rpar", 41}, {"ast", 42}, {"midast", 42},
    {"plus", 43}, {"comma", 44}, {"period", 46}, {"sol", 47}, {"colon", 58},
    {"semi", 59}, {"equals", 61}, {"quest", 63}, {"commat", 64}, {"lsqb", 91},
    {"lbrack", 91}, {"bsol", 92}, {"rsqb", 93}, {"rbrack", 93}, {"Hat", 94},
    {"lowbar", 95}, {"grave", 96}, {"lcub", 123}, {"lbrace", 123}, {"verbar", 124},
    {"vert", 124}, {"VerticalLine", 124}, {"rcub", 125}, {"rbrace", 125},
    // HTML5 typography and spaces
    {"TRADE", 8482}, {"hyphen", 8208}, {"dash", 8208}, {"horbar", 8213},
    {"NonBreakingSpace", 160}, {"hairsp", 8202}, {"puncsp", 8200}, {"numsp", 8199},
    {"emsp13", 8196}, {"emsp14", 8197}, {"ThinSpace", 8201}, {"MediumSpace", 8287},
    {"ZeroWidthSpace", 8203}, {"NoBreak", 8288}, {"rsquor", 8217}, {"lsquor", 8218},
    {"rdquor", 8221}, {"ldquor", 8222}, {"half", 189}, {"centerdot", 183},
    {"nldr", 8229}, {"mldr", 8230}, {"check", 10003}, {"checkmark", 10003},
    {"cross", 10007}, {"star", 9734}, {"starf", 9733}, {"bigstar", 9733},
    {"phone", 9742}, {"female", 9792}, {"male", 9794}, {"sung", 9834}, {"flat", 9837},
    {"natural", 9838}, {"sharp", 9839}, {"rightarrow", 8594}, {"leftarrow", 8592},
    {"uparrow", 8593}, {"downarrow", 8595}, {"ohm", 937}, {"angst", 197},
    {"copysr", 8471}, {"incare", 8453}, {"numero", 8470}, {"bullet", 8226},
    {"DoubleRightArrow", 8658}, {"Implies", 8658}, {"le", 8804}, {"leq", 8804},
    {"geq", 8805}, {"neq", 8800}, {"approx", 8776}, {"pm", 177}, {"PlusMinus", 177},
    {"div", 247}, {"setminus", 8726}, {"infin", 8734}, {"deg", 176},
    // Latin Extended-A letters common in names (Polish, Czech, Turkish, Baltic, ...)
    {"Amacr", 256}, {"amacr", 257}, {"Abreve", 258}, {"abreve", 259}, {"Aogon", 260},
    {"aogon", 261}, {"Cacute", 262}, {"cacute", 263}, {"Ccaron", 268}, {"ccaron", 269},
    {"Dcaron", 270}, {"dcaron", 271}, {"Dstrok", 272}, {"dstrok", 273}, {"Emacr", 274},
    {"emacr", 275}, {"Eogon", 280}, {"eogon", 281}, {"Ecaron", 282}, {"ecaron", 283},
    {"Gbreve", 286}, {"gbreve", 287}, {"Imacr", 298}, {"imacr", 299}, {"Iogon", 302},
    {"iogon", 303}, {"Idot", 304}, {"imath", 305}, {"inodot", 305}, {"IJlig", 306},
    {"ijlig", 307}, {"Lstrok", 321}, {"lstrok", 322}, {"Nacute", 323}, {"nacute", 324},
    {"Ncaron", 327}, {"ncaron", 328}, {"Omacr", 332}, {"omacr", 333}, {"Odblac", 336},
    {"odblac", 337}, {"Racute", 340}, {"racute", 341}, {"Rcaron", 344}, {"rcaron", 345},
    {"Sacute", 346}, {"sacute", 347}, {"Scedil", 350}, {"scedil", 351}, {"Tcaron", 356},
    {"tcaron", 357}, {"Umacr", 362}, {"umacr", 363}, {"Uring", 366}, {"uring", 367},
    {"Udblac", 368}, {"udblac", 369}, {"Zacute", 377}, {"zacute", 378}, {"Zdot", 379},
    {"zdot", 380}, {"Zcaron", 381}, {"zcaron", 382},
};

struct EntityTables {
  std::unordered_map<std::string_view, char32_t> all;     // needs ';' unless also legacy
  std::unordered_map<std::string_view, char32_t> legacy;  // may omit ';'
};

const EntityTables& entity_tables() {
  static const EntityTables tables = [] {
    EntityTables t;
    for (std::size_t k = 0; k < kLatin1Names.size(); ++k) {
      const auto cp = static_cast<char32_t>(0xA0 + k);
      t.all.emplace(kLatin1Names[k], cp);
      t.legacy.emplace(kLatin1Names[k], cp);
    }
    for (const auto& e : kLegacyExtra) {
      t.all.emplace(e.name, e.cp);
      t.legacy.emplace(e.name, e.cp);
    }
    for (const auto& e : kOtherEntities) t.all.emplace(e.name, e.cp);
    return t;
  }();
  return tables;
}

// HTML's remapping of numeric references &#128;..&#159; (Windows-1252 code points).
// Zero entries (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their C1 value, as HTML does.
constexpr std::array<char32_t, 32> kWindows1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// Tries to decode a character reference starting at s[amp] == '&'. On success appends the
// character, sets `end` to the index after the reference and returns true.
bool decode_reference(std::string_view s, std::size_t amp, std::string& out, std::size_t& end) {
  std::size_t i = amp + 1;
  if (i >= s.size()) return false;
  if (s[i] == '#') {
    ++i;
    bool hex = false;
    if (i < s.size() && (s[i] == 'x' || s[i] == 'X')) {
      hex = true;
      ++i;
    }
    const std::size_t digits_start = i;
    std::uint32_t value = 0;
    bool overflow = false;
    while (i < s.size() && (hex ? is_hex(s[i]) : (s[i] >= '0' && s[i] <= '9'))) {
      const int d = hex ? hex_value(s[i]) : s[i] - '0';
      if (!overflow) {
        value = value * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
        if (value > 0x10FFFF) overflow = true;
      }
      ++i;
    }
    if (i == digits_start) return false;  // "&#;" / "&#x" : not a reference
    if (i < s.size() && s[i] == ';') ++i;
    char32_t cp = value;
    if (overflow || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      cp = kReplacement;
    } else if (value >= 0x80 && value <= 0x9F && kWindows1252[value - 0x80] != 0) {
      cp = kWindows1252[value - 0x80];
    }
    append_utf8(out, cp);
    end = i;
    return true;
  }
  // Named: an ASCII alphanumeric run. Longest known name is well under 32 characters.
  std::size_t j = i;
  while (j < s.size() && j - i <= 32 && is_ascii_alnum(s[j])) ++j;
  if (j == i || j - i > 32) return false;
  const std::string_view name = s.substr(i, j - i);
  const auto& tables = entity_tables();
  if (j < s.size() && s[j] == ';') {
    if (auto it = tables.all.find(name); it != tables.all.end()) {
      append_utf8(out, it->second);
      end = j + 1;
      return true;
    }
    return false;
  }
  // No ';': only the legacy names, and (as HTML does inside attribute values, which is where
  // scraped URLs and meta content come from) not when followed by '=': "?a=1&copy=2" stays.
  if (j < s.size() && s[j] == '=') return false;
  if (auto it = tables.legacy.find(name); it != tables.legacy.end()) {
    append_utf8(out, it->second);
    end = j;
    return true;
  }
  return false;
}

// Copies s[from, to) into out, replacing ill-formed UTF-8 with U+FFFD.
void append_sanitised(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(s[i]);
      ++i;
      continue;
    }
    const std::size_t start = i;
    bool ok = true;
    const char32_t cp = next_code_point(s, i, ok);
    if (ok) {
      out.append(s.substr(start, i - start));
    } else {
      append_utf8(out, cp);
    }
  }
}

enum class CharClass { keep, space, drop };

CharClass classify(char32_t cp) {
  switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return CharClass::space;
    case 0xAD:                                       // soft hyphen: invisible when rendered
    case 0x180E:                                     // Mongolian vowel separator (zero width)
    case 0x200B: case 0x200C: case 0x200D:           // zero-width space / non-joiner / joiner
    case 0x200E: case 0x200F:                        // left-to-right / right-to-left marks
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:  // bidi embeddings
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:               // bidi isolates
    case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064:  // word joiner, invisible ops
    case 0xFEFF:                                     // BOM / zero-width no-break space
      return CharClass::drop;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return CharClass::space;
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return CharClass::drop;
  return CharClass::keep;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    bool ok = true;
    next_code_point(s, i, ok);
    if (!ok) return false;
  }
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t run_start = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      ++i;
      continue;
    }
    std::size_t end = 0;
    std::string decoded;
    if (decode_reference(s, i, decoded, end)) {
      append_sanitised(out, s.substr(run_start, i - run_start));
      out += decoded;
      i = end;
      run_start = end;
    } else {
      ++i;
    }
  }
  append_sanitised(out, s.substr(run_start));
  return out;
}

namespace {

// Blocks whose every character is left alone by NFC whatever surrounds it: a starter (combining
// class 0), NFC_QC=Yes, and never the second character of a composition. Text made only of
// these is already NFC, so utf8proc is not asked (most pages: ASCII and Latin letters, dashes,
// quotes, bullets, currency, arrows, CJK, Hangul syllables, emoji). Checked against Python's
// unicodedata 14.0 when written, and by text_test against utf8proc for every code point listed.
constexpr std::array<std::pair<char32_t, char32_t>, 18> kNfcStable{{
    {0x0000, 0x02FF},    // ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
    {0x0400, 0x0482},    // Cyrillic, up to its combining marks
    {0x048A, 0x052F},    // Cyrillic, Cyrillic Supplement
    {0x2010, 0x2027},    // dashes, quotes, bullets, ellipsis
    {0x2030, 0x205E},    // per mille, primes, guillemets...
    {0x20A0, 0x20C0},    // currency signs
    {0x2100, 0x2125},    // letterlike symbols, but OHM, KELVIN and ANGSTROM SIGN
    {0x2127, 0x2129},
    {0x212C, 0x214F},
    {0x2190, 0x2328},    // arrows, mathematical operators, technical, but the angle brackets
    {0x232B, 0x23FF},
    {0x2460, 0x27BF},    // enclosed alphanumerics, box drawing, shapes, dingbats
    {0x3000, 0x3029},    // CJK punctuation, but its tone marks
    {0x3030, 0x303F},
    {0x4E00, 0x9FFF},    // CJK unified ideographs
    {0xAC00, 0xD7A3},    // Hangul syllables (a following jamo is not listed, so it is composed)
    {0xFE00, 0xFE0F},    // variation selectors
    {0x1F000, 0x1FAFF},  // emoji and pictographs
}};

}  // namespace

bool nfc_stable(char32_t cp) {
  for (auto [lo, hi] : kNfcStable) {
    if (cp < lo) return false;
    if (cp <= hi) return true;
  }
  return false;
}

namespace {

// Everything clean_text does after entity decoding; `decoded` is valid UTF-8.
std::string fold_and_normalise(const std::string& decoded) {
  std::string folded;
  folded.reserve(decoded.size());
  bool pending_space = false;
  bool stable = true;
  std::size_t i = 0;
  while (i < decoded.size()) {
    const std::size_t start = i;
    bool ok = true;
    const char32_t cp = next_code_point(decoded, i, ok);
    if (cp >= 0x300 && stable) stable = nfc_stable(cp);
    switch (classify(cp)) {
      case CharClass::space:
        pending_space = !folded.empty();
        break;
      case CharClass::drop:
        break;
      case CharClass::keep:
        if (pending_space) folded.push_back(' ');
        pending_space = false;
        folded.append(decoded, start, i - start);
        break;
    }
  }
  if (folded.empty() || stable) return folded;
  // NFC. utf8proc needs a NUL-terminated string; `folded` holds no NUL (C0 was dropped).
  utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(folded.c_str()));
  if (nfc == nullptr) return folded;  // allocation failure: better unnormalised than nothing
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(nfc, &std::free);
  return std::string(reinterpret_cast<const char*>(nfc));
}

}  // namespace

std::string clean_text(std::string_view s) { return fold_and_normalise(decode_entities(s)); }

std::string clean_decoded_text(std::string_view s) {
  std::string valid;
  valid.reserve(s.size());
  append_sanitised(valid, s);
  return fold_and_normalise(valid);
}

}  // namespace tv::fields
