// One-bit MinHash of words and word pairs (see sketch.hpp). One pass collects the feature
// hashes; then 64 seeded minima, one bit of each winner.
#include "stages/dedupe/sketch.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <string>
#include <vector>

namespace tv::dedupe {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser: a fixed, well-spread permutation
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool is_stopword(std::string_view w) {
  static constexpr std::array<std::string_view, 28> kStop = {
      "a",    "an",   "and", "are",  "as",  "at",   "be",   "by",   "for",  "from",
      "in",   "into", "is",  "it",   "its", "of",   "on",   "or",   "our",  "that",
      "the",  "this", "to",  "with", "you", "your", "will", "can"};
  return std::find(kStop.begin(), kStop.end(), w) != kStop.end();
}

}  // namespace

Sketch sketch_text(std::string_view text) {
  std::vector<std::uint64_t> features;  // words and word pairs, hashed
  features.reserve(text.size() / 3);
  int shingles = 0;
  std::uint64_t prev = 0;
  bool have_prev = false;
  std::string word;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    word.clear();
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) {
      char c = text[i++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      word.push_back(c);
    }
    if (is_stopword(word)) continue;
    std::uint64_t h = kFnvOffset;
    for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
    features.push_back(mix(h));
    if (have_prev) {
      features.push_back(mix(prev * 31 + h + 1));
      ++shingles;
    }
    prev = h;
    have_prev = true;
  }
  Sketch out;
  if (shingles < kMinShingles) return out;
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  out.shingles = shingles;
  // Features are already well mixed, so each seeded order is a xor and a multiply (cheap
  // enough for long descriptions); the bit kept is one bit of the winning feature itself.
  static const std::array<std::uint64_t, 64> kSeeds = [] {
    std::array<std::uint64_t, 64> s{};
    for (std::size_t b = 0; b < s.size(); ++b) s[b] = mix(0x9e3779b97f4a7c15ull * (b + 1));
    return s;
  }();
  for (int b = 0; b < 64; ++b) {
    std::uint64_t best = ~std::uint64_t{0}, winner = 0;
    for (auto f : features) {
      const std::uint64_t v = (f ^ kSeeds[b]) * 0xd6e8feb86659fd93ull;
      if (v < best) {
        best = v;
        winner = f;
      }
    }
    if ((winner >> b) & 1) out.bits |= std::uint64_t{1} << b;
  }
  return out;
}

int sketch_distance(const Sketch& a, const Sketch& b) {
  if (a.empty() || b.empty()) return 64;
  return std::popcount(a.bits ^ b.bits);
}

}  // namespace tv::dedupe
