// Title similarity for product-like records: long, shop-style titles ("adobe photoshop cs3
// upgrade [mac]") where the name key is too strict, because the same product is written with
// other filler words, word order and abbreviations. The matcher uses it only after the name
// rules have failed and only for product-like titles (see matcher.hpp).
//
// Contract:
//   - `profile_title` analyses one title once (tokens with IDF weights, character trigrams,
//     version numbers, edition and platform words, price); `title_features` and `title_score`
//     compare two profiles without re-reading the text. Symmetric, deterministic, never throw.
//   - Tokens: ASCII-lower-cased runs of letters and digits ("10.4.6" stays one token); "v 2.0",
//     "v. 2", "v2" read as "2"; trailing ".0" groups dropped ("6.0" = "6"); Roman numerals
//     ii-ix read as numbers ("civilization iv" = "civilization 4"); catalogue codes (all digits
//     and 5 or more long, or 3+ digits in a 5+ character token: "11052", "t9161ll") are
//     skipped for similarity.
//   - Weights are IDF from a TokenStats built over the records being matched (unsupervised:
//     no labels; each distinct title counted once); without statistics every token and
//     trigram weighs 1, which makes the score weaker, not wrong.
//   - Version numbers (numbers of at most 4 digits other than platform numbers such as "98"
//     and "2000", and ordinals "1st", "4th") are hard evidence: when both titles carry some
//     and none is written in both ("4" and "4.1" differ; "4" and "4.0" do not),
//     `numbers_conflict` is set and the titles are never one product.
//   - title_score: a linear score over the features below, fitted once by logistic regression
//     on the Amazon-Google *train* split (never valid or test; docs/catalogue.md has the
//     figures); a score >= 0 reads "same product".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tv::dedupe {

// Document frequencies of title tokens and trigrams over a set of records.
class TokenStats {
 public:
  void add(std::string_view title);  // call once per distinct record title
  std::uint32_t records() const { return records_; }
  std::uint32_t token_df(std::string_view token) const;  // records holding the token
  double gram_weight(std::uint32_t gram) const;          // IDF of a packed trigram

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> tokens_;
  std::unordered_map<std::uint32_t, std::uint32_t> grams_;
  std::uint32_t records_ = 0;
};

struct TitleToken {
  std::string text;
  double weight = 1;
  std::uint32_t df = 0;  // document frequency (0 without statistics)
};

struct TitleProfile {
  std::vector<TitleToken> tokens;  // distinct, codes skipped, in order of first appearance
  std::vector<std::pair<std::uint32_t, double>> grams;  // trigram -> tf*idf, sorted, L2 = 1
  std::vector<std::string> numbers;                     // version numbers; ordinals as "o4"
  bool upgrade = false;                                 // upgrade, upsell, crossgrade, ...
  bool mac = false, win = false;                        // platform words
  std::uint32_t editions = 0;                           // bit set of edition words
  std::uint32_t languages = 0;                          // bit set of language words
  double price = 0;                                     // 0 when unknown
  std::vector<std::string> vendor_words;                // title_words of the record's vendor
};

// `price` is the record's price text; only a plain number ("129.95", "$49") counts. A title
// with fewer than `min_tokens` tokens gets only `tokens` filled (the caller will not use it).
// `vendor` (may be empty) is the record's manufacturer: its words are set aside when either
// record's unmatched words are weighed ("encore software 10025 hoyle card games" / "hoyle card
// games" by encore), since a shop writes the maker into one title and not the other.
TitleProfile profile_title(std::string_view title, std::string_view price, const TokenStats* stats,
                           std::size_t min_tokens = 0, std::string_view vendor = {});

// The tokens of a title as the similarity reads them (codes included). For tests and stats.
std::vector<std::string> title_words(std::string_view title);

struct TitleFeatures {
  double grams = 0;        // trigram tf-idf cosine ("print shop" / "printshop" still meet)
  double unmatched = 0;    // squared-IDF share of the shorter title's words the other lacks (a
                           // word matches itself or a word it prefixes, both 4+ long; either
                           // record's vendor words are left out)
  double price_gap = 0;    // |ln(pa / pb)|, capped at 3; 0 when a price is unknown
  double price_missing = 0;
  double upgrade = 0;      // one is an upgrade, the other not
  double platform = 0;     // one says only Mac, the other only Windows
  double editions = 0;     // edition words in one title only (standard, pro, deluxe, ...)
  double substitution = 0; // the smaller of the two titles' unmatched weight shares
  double languages = 0;    // both name a language, none the same
  double numbers_differ = 0;  // a number in common, and each has one the other lacks
  bool numbers_conflict = false;
};

TitleFeatures title_features(const TitleProfile& a, const TitleProfile& b);
double title_score(const TitleFeatures& f);  // >= 0: same product

}  // namespace tv::dedupe
