// Matcher: decides whether two records name the same tool, and says why. Records are
// analysed once (`analyse`), then compared pairwise (`compare`) inside the candidate blocks that
// `block_keys` gives; clustering (stages/dedupe/cluster) never compares records that share no
// block key, so the contract below is what keeps dedupe near-linear.
//
// Contract:
//   - match(a, b).same implies block_keys(a) and block_keys(b) share at least one key;
//   - match is symmetric and deterministic, never throws;
//   - Decision::hard marks an "apart" that clustering must never bridge through a third
//     record (size siblings, vendors differ): "Llama 3.2" may join "Llama 3.2 1B" or
//     "Llama 3.2 3B", never both into one tool.
//
// Rules, in order (first version; description sketch and source URL join in next, see
// docs/dedupe-plan.md):
//   1. both vendors known and different             -> apart, hard ("vendors differ");
//   2. family keys differ, also once a leading vendor name is set aside
//      ("Meta-Llama-3.1-8B" / "Llama-3.1-8B")      -> apart ("names differ");
//   3. both names carry sizes and none of them agree (within 15%) -> apart, hard
//      ("size siblings");
//   4. otherwise                                    -> same  ("same family").
// A name without a size is the family and joins its sized variants; a quantised re-upload
// has its base's key.
#pragma once
#include <string>
#include <vector>

#include "stages/dedupe/names.hpp"

namespace tv::dedupe {

struct MatchInput {
  std::string name;
  std::string vendor;       // as scraped; canonicalised here; may be empty
  std::string kind;         // record kind ("text-generation", ...); may be empty
  std::string description;  // may be empty
  std::string source_url;   // may be empty
};

// A record analysed for matching: everything match() needs, computed once.
struct Analysed {
  NameKey name;
  std::string vendor_key;   // folded canonical vendor, "" when unknown
  std::string bare_key;     // name.key with a leading vendor key set aside, else name.key
};

struct Decision {
  bool same = false;
  bool hard = false;  // an "apart" that must hold through third records (see above)
  std::string reason;
};

Analysed analyse(const MatchInput& in);
Decision compare(const Analysed& a, const Analysed& b);  // match() on analysed records
Decision match(const MatchInput& a, const MatchInput& b);

// Candidate block keys of a record (see the contract). Usually one or two short strings.
std::vector<std::string> block_keys(const Analysed& a);

}  // namespace tv::dedupe
