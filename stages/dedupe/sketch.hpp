// Sketch: a 64-bit one-bit MinHash of a description's words and word pairs, so the matcher can
// ask "do these two records describe the tool in nearly the same words?" with one XOR and a
// popcount.
//
// Contract:
//   - words are runs of ASCII letters and digits (lower-cased) or of non-ASCII bytes; a short
//     list of English function words ("the", "and", "for", "your", ...) is dropped; the
//     features are the set of remaining words and adjacent word pairs;
//   - bit i is bit i of the feature with the smallest i-th seeded hash, so each bit
//     agrees between two texts with probability (1 + J) / 2, J the Jaccard similarity of their
//     feature sets: identical texts differ in 0 bits, one word changed in a sentence in about
//     6-8, unrelated texts in about 32 (a one-bit MinHash is steadier than a SimHash on texts
//     of a few dozen words);
//   - a text with fewer than kMinShingles word pairs gets an empty sketch: too short to count as
//     evidence; an empty sketch is never near anything, not even another empty one;
//   - deterministic across runs and platforms (FNV-1a, splitmix64 and fixed multipliers, no
//     std::hash); 64 multiplies per word and pair; never throws (only std::bad_alloc).
#pragma once
#include <cstdint>
#include <string_view>

namespace tv::dedupe {

struct Sketch {
  std::uint64_t bits = 0;
  int shingles = 0;  // word pairs seen; 0 for an empty sketch
  bool empty() const { return shingles == 0; }
};

inline constexpr int kMinShingles = 4;  // about six content words
inline constexpr int kNearBits = 10;    // at most this many differing bits is "near" (J >~ 0.7)

Sketch sketch_text(std::string_view text);

// Bits that differ; 64 when either sketch is empty.
int sketch_distance(const Sketch& a, const Sketch& b);

// Both sketches present and at most kNearBits apart.
inline bool sketches_near(const Sketch& a, const Sketch& b) { return sketch_distance(a, b) <= kNearBits; }

}  // namespace tv::dedupe
