// Matcher: decides whether two records name the same tool, and says why. First version:
// name evidence and vendor only (the description sketch and source URLs join in next; see
// docs/dedupe-plan.md).
//
// Rules, in order:
//   1. both vendors known and different             -> apart ("vendors differ");
//   2. family keys differ, also once a leading vendor name is set aside
//      ("Meta-Llama-3.1-8B" / "Llama-3.1-8B")      -> apart ("names differ");
//   3. both names carry sizes and none of them agree (within 15%) -> apart ("size siblings");
//   4. otherwise                                    -> same  ("same family").
// A name without a size is the family and joins its sized variants; a quantised re-upload
// has its base's key. Never throws.
#pragma once
#include <string>

namespace tv::dedupe {

struct MatchInput {
  std::string name;
  std::string vendor;  // as scraped; canonicalised here; may be empty
};

struct Decision {
  bool same = false;
  std::string reason;
};

Decision match(const MatchInput& a, const MatchInput& b);

}  // namespace tv::dedupe
