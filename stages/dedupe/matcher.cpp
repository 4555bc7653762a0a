#include "stages/dedupe/matcher.hpp"

#include <cmath>

#include "stages/dedupe/names.hpp"
#include "stages/normalise/fields/vendor.hpp"

namespace tv::dedupe {
namespace {

bool sizes_agree(const fields::ParamSize& a, const fields::ParamSize& b) {
  if (a.experts != b.experts) return false;
  double hi = std::max(a.total, b.total), lo = std::min(a.total, b.total);
  return hi > 0 && lo / hi >= 0.85;  // "2B" and "2.2B" are one model's size written twice
}

}  // namespace

Decision match(const MatchInput& a, const MatchInput& b) {
  std::string va = a.vendor.empty() ? "" : fields::canonical_vendor(a.vendor);
  std::string vb = b.vendor.empty() ? "" : fields::canonical_vendor(b.vendor);
  if (!va.empty() && !vb.empty() && fold_key(va) != fold_key(vb)) return {false, "vendors differ"};
  auto na = analyse_name(a.name), nb = analyse_name(b.name);
  if (na.key.empty() || nb.key.empty()) return {false, "names differ"};
  if (na.key != nb.key) {
    // "Meta-Llama-3.1-8B" and "Llama-3.1-8B": a name may carry its vendor in front.
    std::string vendor_key = fold_key(va.empty() ? vb : va);
    auto without_vendor = [&](const std::string& k) {
      return !vendor_key.empty() && k.size() > vendor_key.size() + 2 && k.rfind(vendor_key, 0) == 0
                 ? k.substr(vendor_key.size())
                 : k;
    };
    if (without_vendor(na.key) != without_vendor(nb.key)) return {false, "names differ"};
  }
  if (!na.sizes.empty() && !nb.sizes.empty()) {
    for (const auto& sa : na.sizes)
      for (const auto& sb : nb.sizes)
        if (sizes_agree(sa, sb)) return {true, "same family, a size in common"};
    return {false, "size siblings"};
  }
  return {true, "same family"};
}

}  // namespace tv::dedupe
