// Matcher: decides whether two records name the same tool, and says why. Records are
// analysed once (`analyse`), then compared pairwise (`compare`) inside the candidate blocks that
// `block_keys` gives; clustering (stages/dedupe/cluster) never compares records that share no
// block key, so the contract below is what keeps dedupe near-linear.
//
// Contract:
//   - compare(a, b).same implies block_keys(a) and block_keys(b) share at least one key (the
//     rules that can say "same" without equal name keys check the shared key themselves);
//   - compare is symmetric and deterministic, never throws, and never re-reads the text:
//     everything it needs is in Analysed; a record has at most kMaxBlockKeys block keys;
//   - Decision::hard marks an "apart" that clustering must never bridge through a third
//     record (size siblings, vendors differ, revisions or version numbers differ): "Llama 3.2"
//     may join "Llama 3.2 1B" or "Llama 3.2 3B", never both into one tool.
//
// Rules, in order (names are the primary evidence; the rest only confirms or vetoes):
//   1. both vendors known and incompatible (folded canonical names differ, so do their first
//      words: "apple computer" / "apple software" are compatible, and neither is the other with
//      "AI" or a domain suffix set aside: "Vidyo.ai" / "Vidyo" are compatible) -> apart, hard
//      ("vendors differ"). Except a re-upload: a record whose name is quantised (names.hpp
//      rule 4) and whose vendor is a known re-uploader (reuploaders.hpp: TheBloke, bartowski,
//      mlx-community, ...) goes on to rule 3 whatever the vendors, and is the original's
//      ("re-upload of the same model") when rule 3 says same; otherwise vendors differ. A
//      re-upload carrying a context length the other lacks ("Llama-3-8B-Instruct-32k-v0.1-GGUF")
//      is a fine-tune's copy: vendors differ, hard;
//   2. both kinds known and of different families (language, image, video, audio,
//      embedding; "app" and "multimodal" never decide)             -> apart ("kinds differ");
//   3. family keys equal, also once a leading vendor name is set aside ("Meta-Llama-3.1-8B" /
//      "Llama-3.1-8B", the vendor of either record), or once a trailing mode or acronym in brackets is set aside (names.hpp
//      rules 9-10: "Claude 3.7 Sonnet (thinking)" / "Claude 3.7 Sonnet", "Stable Diffusion XL
//      (SDXL)" / "SDXL"; reason "same name, mode or acronym in brackets set aside"):
//      a. both names carry sizes and none agree (within 15%)         -> apart, hard
//         ("size siblings");
//      b. both carry a pre-1.0 revision and they differ ("v0.2" / "v0.3") -> apart, hard
//         ("revisions differ"); both carry a year written alone and they differ ("Card Studio
//         2006" / "2004"; a month-year or a date code is a snapshot and never decides) ->
//         apart, hard ("editions (years) differ");
//      c. otherwise                                                   -> same ("same family").
//      A name without a size (or revision) is the family and joins its variants; a quantised
//      re-upload has its base's key.
//   4. one key is the other's stem ("Perplexity AI" / "Perplexity"): same only when other
//      evidence agrees: a vendor named like the product (vendor "Perplexity"), the same source
//      page, or near description sketches -> same ("same name but 'AI'"); else apart. In
//      directories "X" and "X AI" are more often two products than one ("Gamma" / "Gamma.ai").
//   5. the same source page (host and path; a bare host never counts) and near description
//      sketches (sketch.hpp)                                          -> same ("same page and
//      description"). The same homepage host alone never makes two tools one.
//   6. product-like titles (no size, not a quantised upload, at least 3 words, sharing one of
//      their rarest-word block keys): title similarity (similarity.hpp) ->
//      one key extends the other and the shorter family has at most 3 words ("Gemini 2.5
//      Flash" / "Gemini 2.5 Flash Lite"; keys and families read without a bracket mode or
//      acronym: "Kimi K2 0905 (exacto)" / "Kimi K2 Thinking") -> apart ("one name extends the
//      other");
//      version numbers conflict -> apart, hard ("version numbers differ");
//      score >= 0 -> same ("similar titles"); else apart ("titles differ"). Model-like names
//      and short names never take this path, so "GPT-4o" / "GPT-4o mini" stay names' business.
//   7. otherwise                                                      -> apart ("names differ").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "stages/dedupe/names.hpp"
#include "stages/dedupe/similarity.hpp"
#include "stages/dedupe/sketch.hpp"

namespace tv::dedupe {

inline constexpr std::size_t kMaxBlockKeys = 8;

struct MatchInput {
  std::string name;
  std::string vendor;       // as scraped; canonicalised here; may be empty
  std::string kind;         // record kind or machine tag ("text-generation", "image"); may be empty
  std::string description;  // may be empty
  std::string source_url;   // the page the record came from; may be empty
  std::string price;        // price text; only a plain number is read (rule 6); may be empty
};

// A record analysed for matching: everything compare() needs, computed once.
struct Analysed {
  NameKey name;
  std::string vendor_key;   // folded canonical vendor, "" when unknown
  std::string vendor_head;  // folded first word of the canonical vendor
  std::string vendor_stem;  // the canonical vendor without "AI" or a domain suffix, folded, or ""
  bool reupload = false;    // a quantised name under a known re-uploader (reuploaders.hpp)
  std::string context;      // the name's context-length qualifier ("32k"), or ""
  std::string year;         // a year popped alone from the name ("2006"), or ""
  std::string bare_key;     // name.key with a leading vendor key set aside, else name.key
  std::string kind_family;  // "language", "image", "video", "audio", "embedding" or ""
  Sketch sketch;            // of the description
  std::string page;         // source URL as host + path (+ query), "" when unknown or a bare host
  bool product_like = false;
  TitleProfile title;       // filled only when product_like
  std::size_t family_words = 0;  // words of name.family, counted when product_like
  std::vector<std::string> blocks;  // block keys, computed here (see block_keys)
};

struct Decision {
  bool same = false;
  bool hard = false;  // an "apart" that must hold through third records (see above)
  std::string_view reason;  // a fixed phrase with static storage ("size siblings", ...)
};

// `stats` (may be null) gives title-token IDF for rule 6; build it over the records being
// matched, each distinct name once (TokenStats::add(name)). Without it every word weighs 1.
Analysed analyse(const MatchInput& in, const TokenStats* stats);
Analysed analyse(const MatchInput& in);  // analyse(in, nullptr)
Decision compare(const Analysed& a, const Analysed& b);  // match() on analysed records
Decision match(const MatchInput& a, const MatchInput& b);

// Candidate block keys of a record (see the contract): the name key, the key without a
// leading vendor, the stem, the vendor key followed by the name key (when the name does not
// start with it), the key without a bracket mode or acronym and the acronym, "u:" +
// source page, and for product-like titles "t:" + each of its
// four rarest words. At most kMaxBlockKeys, distinct.
std::vector<std::string> block_keys(const Analysed& a);

}  // namespace tv::dedupe
