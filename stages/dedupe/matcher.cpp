#include "stages/dedupe/matcher.hpp"

#include <algorithm>

#include "stages/normalise/fields/vendor.hpp"

namespace tv::dedupe {
namespace {

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

}  // namespace

Analysed analyse(const MatchInput& in) {
  Analysed a;
  a.name = analyse_name(in.name);
  if (!in.vendor.empty()) a.vendor_key = fold_key(fields::canonical_vendor(in.vendor));
  a.bare_key = strip_vendor(a.name.key, a.vendor_key);
  return a;
}

Decision compare(const Analysed& a, const Analysed& b) {
  if (!a.vendor_key.empty() && !b.vendor_key.empty() && a.vendor_key != b.vendor_key)
    return {false, true, "vendors differ"};
  if (a.name.key.empty() || b.name.key.empty()) return {false, false, "names differ"};
  // Keys compare with and without a leading vendor, each side's own (so block_keys holds).
  if (a.name.key != b.name.key && a.bare_key != b.bare_key && a.bare_key != b.name.key &&
      a.name.key != b.bare_key)
    return {false, false, "names differ"};
  if (!a.name.sizes.empty() && !b.name.sizes.empty()) {
    for (const auto& sa : a.name.sizes)
      for (const auto& sb : b.name.sizes)
        if (sizes_agree(sa, sb)) return {true, false, "same family, a size in common"};
    return {false, true, "size siblings"};
  }
  return {true, false, "same family"};
}

Decision match(const MatchInput& a, const MatchInput& b) { return compare(analyse(a), analyse(b)); }

std::vector<std::string> block_keys(const Analysed& a) {
  std::vector<std::string> keys;
  if (!a.name.key.empty()) keys.push_back(a.name.key);
  if (!a.bare_key.empty() && a.bare_key != a.name.key) keys.push_back(a.bare_key);
  return keys;
}

}  // namespace tv::dedupe
