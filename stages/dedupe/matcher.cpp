#include "stages/dedupe/matcher.hpp"

#include <algorithm>
#include <string_view>

#include "stages/dedupe/reuploaders.hpp"
#include "stages/normalise/fields/kind.hpp"
#include "stages/normalise/fields/url.hpp"
#include "stages/normalise/fields/vendor.hpp"

namespace tv::dedupe {
namespace {

constexpr std::size_t kRareWords = 4;  // "t:" block keys per product-like record
constexpr std::size_t kMinProductWords = 3;
constexpr std::size_t kShortName = 3;

bool sizes_agree(const fields::ParamSize& a, const fields::ParamSize& b) {
  if (a.experts != b.experts) return false;
  double hi = std::max(a.total, b.total), lo = std::min(a.total, b.total);
  return hi > 0 && lo / hi >= 0.85;  // "2B" and "2.2B" are one model's size written twice
}

// "metallama31" with vendor "meta" -> "llama31": a name may carry its vendor in front.
std::string strip_vendor(const std::string& key, const std::string& vendor_key) {
  if (!vendor_key.empty() && key.size() > vendor_key.size() + 2 && key.rfind(vendor_key, 0) == 0)
    return key.substr(vendor_key.size());
  return key;
}

std::string first_word_key(const std::string& vendor) {
  std::size_t end = 0;
  while (end < vendor.size() && vendor[end] != ' ' && vendor[end] != '-' && vendor[end] != '_') ++end;
  return fold_key(std::string_view(vendor).substr(0, end));
}

std::string kind_family(const std::string& kind) {
  if (kind.empty()) return {};
  const std::string k = fields::infer_kind(kind, "");
  if (k == "text" || k == "code" || k == "vision-language" || k == "agent") return "language";
  if (k == "speech" || k == "audio") return "audio";
  if (k == "image" || k == "video" || k == "embedding") return k;
  return {};  // "app", "multimodal", unknown: they never decide
}

// host + path (+ query) of a source URL; "" for a bare host, which is no evidence.
std::string source_page(const std::string& url) {
  if (url.empty()) return {};
  const auto clean = fields::clean_url(url);
  if (!clean) return {};
  const std::string host = fields::url_host(*clean);
  const std::size_t scheme = clean->find("://");
  if (host.empty() || scheme == std::string::npos) return {};
  const std::size_t slash = clean->find_first_of("/?", scheme + 3);
  if (slash == std::string::npos) return {};
  std::string rest = clean->substr(slash);
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.empty()) return {};
  return host + rest;
}

// "32k", "128k": a context-length qualifier (names.hpp rule 4).
bool is_context_tag(const std::string& q) {
  if (q.size() < 2 || q.back() != 'k') return false;
  return std::all_of(q.begin(), q.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

// "2006": a year written alone (names.hpp rule 4 pops it as a date). Month-year dates and date
// codes ("May 2024", "0613") are snapshots of one model; a lone year names an edition
// ("TaxCut 2006" / "TaxCut 2005").
bool is_lone_year(const std::string& q) {
  if (q.size() != 4 || !std::all_of(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return (q[0] == '1' && q[1] == '9') || (q[0] == '2' && q[1] == '0');
}

// One vendor is the other with its domain suffix or "AI" set aside: "Vidyo.ai" / "Vidyo".
bool vendor_stem_equal(const Analysed& a, const Analysed& b) {
  return (!a.vendor_stem.empty() && (a.vendor_stem == b.vendor_key || a.vendor_stem == b.vendor_stem)) ||
         (!b.vendor_stem.empty() && b.vendor_stem == a.vendor_key);
}

bool vendors_compatible(const Analysed& a, const Analysed& b) {
  if (a.vendor_key.empty() || b.vendor_key.empty()) return true;
  return a.vendor_key == b.vendor_key || (!a.vendor_head.empty() && a.vendor_head == b.vendor_head) ||
         vendor_stem_equal(a, b);
}

// `x`'s key is `y`'s vendor followed by `y`'s key: "Meta-Llama-3.1-8B" (no vendor, or a
// re-uploader) / "Llama-3.1-8B" by Meta. Compared in place: no string is built per pair.
bool carries_vendor(const Analysed& x, const Analysed& y) {
  const std::string& v = y.vendor_key;
  const std::string& k = y.name.key;
  return !v.empty() && !k.empty() && x.name.key.size() == v.size() + k.size() &&
         x.name.key.compare(0, v.size(), v) == 0 && x.name.key.compare(v.size(), k.size(), k) == 0;
}

bool keys_equal(const Analysed& a, const Analysed& b) {
  return a.name.key == b.name.key || a.bare_key == b.bare_key || a.bare_key == b.name.key ||
         a.name.key == b.bare_key || carries_vendor(a, b) || carries_vendor(b, a);
}

// `x` with its trailing mode or acronym set aside is `y` ("Claude 3.7 Sonnet (thinking)" /
// "Claude 3.7 Sonnet"), or its acronym is `y` ("Stable Diffusion XL (SDXL)" / "SDXL").
bool bracket_names(const Analysed& x, const Analysed& y) {
  const std::string& base = x.name.base_key;
  const std::string& alias = x.name.alias;
  return (!base.empty() && (base == y.name.key || base == y.bare_key || base == y.name.base_key)) ||
         (!alias.empty() && (alias == y.name.key || alias == y.bare_key));
}

// One name's stem is the other's key ("Perplexity AI" / "Perplexity").
bool stem_equal(const Analysed& a, const Analysed& b) {
  auto one = [](const Analysed& x, const Analysed& y) {
    return !x.name.stem.empty() && (x.name.stem == y.name.key || x.name.stem == y.bare_key);
  };
  return one(a, b) || one(b, a);
}

// A vendor named like the product: vendor "Perplexity" for "Perplexity AI".
bool vendor_names_product(const Analysed& x, const Analysed& y) {
  if (x.vendor_key.empty()) return false;
  const std::string* names[] = {&x.name.key, &x.name.stem, &y.name.key, &y.name.stem};
  return std::any_of(std::begin(names), std::end(names),
                     [&](const std::string* n) { return !n->empty() && *n == x.vendor_key; });
}

// `y` is a short name (at most kShortName words) that `x` merely extends: "Gemini 2.5 Flash" /
// "Gemini 2.5 Flash Lite", "ChatGPT" / "ChatGPT Writer". Word similarity cannot tell a variant
// from filler there; the names rules keep them apart.
// Keys are read without a bracket mode or acronym ("Kimi K2 0905 (exacto)" reads "kimik2").
bool extends(const Analysed& x, const Analysed& y) {
  const std::string& k = x.name.base_key.empty() ? x.name.key : x.name.base_key;
  const std::string& s = y.name.base_key.empty() ? y.name.key : y.name.base_key;
  return y.family_words <= kShortName && k.size() > s.size() && k.compare(0, s.size(), s) == 0;
}

bool share_title_block(const Analysed& a, const Analysed& b) {
  for (const auto& k : a.blocks)
    if (k.rfind("t:", 0) == 0 && std::find(b.blocks.begin(), b.blocks.end(), k) != b.blocks.end())
      return true;
  return false;
}

// Words as title_words counts them: runs of letters and digits (or non-ASCII bytes), a '.'
// between digits inside ("Gemini 2.5 Flash" has 3, "Command R+" 2, "GPT-4o mini" 3).
std::size_t count_words(std::string_view s) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t n = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    bool w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || u >= 0x80;
    if (c == '.' && in_word && i > 0 && is_digit(s[i - 1]) && i + 1 < s.size() && is_digit(s[i + 1])) w = true;
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

// Words too common to block on, whatever a small corpus says: shop filler and AI-tool filler.
// Without statistics they would otherwise win on length ("software", "windows").
bool is_common_word(std::string_view w) {
  static constexpr std::string_view kCommon[] = {
      "the",     "for",     "and",     "with",    "of",   "by",  "software", "windows", "win",
      "mac",     "pc",      "edition", "version", "complete", "package", "product", "user",
      "users",   "new",     "ai",      "app",     "tool", "tools", "online", "free"};
  return std::find(std::begin(kCommon), std::end(kCommon), w) != std::end(kCommon);
}

std::string prefixed(std::string_view prefix, const std::string& s) {
  std::string out;
  out.reserve(prefix.size() + s.size());
  out.append(prefix).append(s);
  return out;
}

void add_key(std::vector<std::string>& keys, std::string k) {
  if (k.empty() || keys.size() >= kMaxBlockKeys) return;
  if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
}

}  // namespace

Analysed analyse(const MatchInput& in, const TokenStats* stats) {
  Analysed a;
  a.name = analyse_name(in.name);
  if (!in.vendor.empty()) {
    const std::string vendor = fields::canonical_vendor(in.vendor);
    a.vendor_key = fold_key(vendor);
    a.vendor_head = first_word_key(vendor);
    a.vendor_stem = suffix_stem(vendor);
    // A quantised copy under a re-uploader's name is the original's (rule 1).
    a.reupload = a.name.quantised &&
                 (is_reuploader(in.vendor) || is_reuploader(vendor) || is_reuploader(a.vendor_stem));
  }
  for (const auto& q : a.name.qualifiers) {
    if (is_context_tag(q)) a.context = q;
    if (is_lone_year(q)) a.year = q;
  }
  a.bare_key = strip_vendor(a.name.key, a.vendor_key);
  a.kind_family = kind_family(in.kind);
  a.sketch = sketch_text(in.description);
  a.page = source_page(in.source_url);

  if (a.name.sizes.empty() && !a.name.quantised) {
    TitleProfile t = profile_title(a.name.display, in.price, stats, kMinProductWords, in.vendor);
    if (t.tokens.size() >= kMinProductWords) {
      a.product_like = true;
      a.title = std::move(t);
      std::string_view family = a.name.family;
      if (!a.name.base_key.empty())  // without the mode or acronym set aside (names.hpp rule 9)
        family = family.substr(0, family.rfind(!family.empty() && family.back() == ')' ? '(' : ':'));
      a.family_words = count_words(family);
    }
  }

  add_key(a.blocks, a.name.key);
  add_key(a.blocks, a.bare_key);
  add_key(a.blocks, a.name.stem);
  // the key as a name carrying this vendor in front would have it (carries_vendor)
  if (!a.vendor_key.empty() && !a.name.key.empty() && a.bare_key == a.name.key)
    add_key(a.blocks, a.vendor_key + a.name.key);
  add_key(a.blocks, a.name.base_key);
  add_key(a.blocks, a.name.alias);
  if (!a.page.empty()) add_key(a.blocks, prefixed("u:", a.page));
  if (a.product_like) {
    // The rarest words: few records share them, so their blocks stay small.
    std::vector<const TitleToken*> words;
    for (const auto& t : a.title.tokens) words.push_back(&t);
    std::sort(words.begin(), words.end(), [](const TitleToken* x, const TitleToken* y) {
      const bool cx = is_common_word(x->text), cy = is_common_word(y->text);
      if (cx != cy) return cy;
      if (x->df != y->df) return x->df < y->df;
      if (x->text.size() != y->text.size()) return x->text.size() > y->text.size();
      return x->text < y->text;
    });
    for (std::size_t i = 0; i < words.size() && i < kRareWords; ++i) add_key(a.blocks, prefixed("t:", words[i]->text));
  }
  return a;
}

Analysed analyse(const MatchInput& in) { return analyse(in, nullptr); }

Decision compare(const Analysed& a, const Analysed& b) {
  const bool vendors_ok = vendors_compatible(a, b);
  // A re-upload only repackages: a context length the other name lacks ("-32k") marks a
  // fine-tune's copy, and then the vendors count as for any record.
  const bool reupload = (a.reupload || b.reupload) && a.context == b.context;
  if (!vendors_ok && (a.reupload || b.reupload) && !reupload) return {false, true, "vendors differ"};
  if (!vendors_ok && !reupload) return {false, true, "vendors differ"};
  if (!a.kind_family.empty() && !b.kind_family.empty() && a.kind_family != b.kind_family)
    return {false, false, "kinds differ"};
  if (a.name.key.empty() || b.name.key.empty()) return {false, !vendors_ok, vendors_ok ? "names differ" : "vendors differ"};

  const bool keys = keys_equal(a, b);
  if (keys || bracket_names(a, b) || bracket_names(b, a)) {
    if (!a.name.sizes.empty() && !b.name.sizes.empty()) {
      bool common = false;
      for (const auto& sa : a.name.sizes)
        for (const auto& sb : b.name.sizes) common = common || sizes_agree(sa, sb);
      if (!common) return {false, true, "size siblings"};
    }
    if (!a.name.revision.empty() && !b.name.revision.empty() && a.name.revision != b.name.revision)
      return {false, true, "revisions differ"};
    if (!a.year.empty() && !b.year.empty() && a.year != b.year) return {false, true, "editions (years) differ"};
    if (!vendors_ok) return {true, false, "re-upload of the same model"};
    if (!keys) return {true, false, "same name, mode or acronym in brackets set aside"};
    if (!a.name.sizes.empty() && !b.name.sizes.empty()) return {true, false, "same family, a size in common"};
    return {true, false, "same family"};
  }
  if (!vendors_ok) return {false, true, "vendors differ"};

  const bool same_page = !a.page.empty() && a.page == b.page;
  const bool near = sketches_near(a.sketch, b.sketch);
  if (stem_equal(a, b)) {
    if (vendor_names_product(a, b) || vendor_names_product(b, a)) return {true, false, "same name but 'AI', vendor agrees"};
    if (same_page || near) return {true, false, "same name but 'AI', page or description agrees"};
    return {false, false, "names differ by 'AI'"};
  }
  if (same_page && near) return {true, false, "same page and description"};

  if (a.product_like && b.product_like && share_title_block(a, b)) {
    if (extends(a, b) || extends(b, a)) return {false, false, "one name extends the other"};
    const TitleFeatures f = title_features(a.title, b.title);
    if (f.numbers_conflict) return {false, true, "version numbers differ"};
    if (title_score(f) >= 0) return {true, false, "similar titles"};
    return {false, false, "titles differ"};
  }
  return {false, false, "names differ"};
}

Decision match(const MatchInput& a, const MatchInput& b) { return compare(analyse(a), analyse(b)); }

std::vector<std::string> block_keys(const Analysed& a) { return a.blocks; }

}  // namespace tv::dedupe
