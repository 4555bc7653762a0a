// Cluster: records -> groups of records that are one tool, each join with its reason.
//
// Input: every record ever taken (old and new), each with a stable id ("<sha256>:<ordinal>")
// and what the matcher reads; plus the editors' forced links (merge: together, split: apart).
// Output: groups (record indices), each member but the first with the join that brought it in.
//
// How (docs/catalogue.md):
//   0. records are ordered by id, so the result never depends on input or file order;
//   1. identical (name, vendor, kind) records share one representative: only representatives
//      are compared, so a thousand copies of "ChatGPT" cost one;
//   2. candidates come from matcher block_keys; each pair inside a block is compared once;
//   3. editor merges join first, whatever the matcher says;
//   4. "same" pairs join by constrained union-find: a join is refused when any record of one
//      group is hard-apart (size siblings, other vendor, editor split) from any record of the
//      other. Pairs of sized names join first, then pairs of size-less names; then a size-less
//      group (the family name, "Llama 3.2") joins its sized variants only when they can all
//      be one tool, else it stays a tool of its own: it never picks one sibling arbitrarily.
// Cost: O(n log n) plus the compares inside blocks (small; huge blocks of identical names
// collapse in step 1). Never throws on data (only std::bad_alloc).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "stages/dedupe/matcher.hpp"

namespace tv::dedupe {

struct ClusterInput {
  std::string id;  // stable record id; ids are unique
  MatchInput match;
};

// An editor's directive resolved to records: every record of `a` with every record of `b`.
struct ForcedLink {
  std::vector<std::size_t> a, b;  // record indices
  bool together = true;           // merge (true) or split (false)
  std::string why;                // "editor merge (directives.xml line 3)"
};

struct Join {
  std::size_t member = 0;  // the record that joined
  std::size_t with = 0;    // the record it was matched with
  std::string why;         // "same family", "editor merge (...)", "same name"
};

struct Group {
  std::vector<std::size_t> members;  // record indices, ordered by id
  std::vector<Join> joins;           // one per member but the first, in join order
};

// `jobs`: threads for analysing names (0 = one per core); the result does not depend on it.
std::vector<Group> cluster(const std::vector<ClusterInput>& records, const std::vector<ForcedLink>& forced = {},
                           unsigned jobs = 1);

}  // namespace tv::dedupe
