// Catalogue: the nightly dedupe-and-pair step, as one pure function.
//
//   all records + known tools + published comparisons + every directive + budget + today
//     -> canonical tools (with stable ids and slugs), tonight's new comparisons, comparisons
//        withdrawn, and each directive's status.
//
// Every night recomputes the clustering from all records (old and new), so the result never
// depends on the order files arrived in; only identities (ids, slugs, publication dates) are
// history, and history is kept: a tool once published keeps its URL (absorbed tools' slugs
// lead to the survivor), a comparison once published keeps its slug and date.
//
// Directives (docs/directives.md), newest last (date, then arrival): for one pair of names
// the newest merge/split wins and the older ones are "replaced"; likewise pair/never-pair, and
// the newest rename per tool. A name is looked up by its folded whole form among record
// names (also without an "org/" prefix) and tools' names; a directive naming a tool not seen
// yet stays "pending" and applies the night the tool arrives.
// Comparisons: a published comparison whose two tools became one, or that duplicates another
// after a merge, or that an editor forbade, is withdrawn with the reason; none is deleted.
// Pure: no I/O, no calendar clock (a steady clock times the phases). A record whose JSON does not parse is treated as nameless. Throws
// only std::bad_alloc.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "stages/catalogue/rows.hpp"
#include "stages/pair/pair.hpp"

namespace tv::catalogue {

struct RecordIn {
  std::string id;    // "<sha256>:<ordinal>"
  std::string json;  // the stored record JSON text (docs/records.md); parsed when needed, so
                     // 100k records never sit in memory as JSON trees at once
};

struct Input {
  std::vector<RecordIn> records;
  std::vector<ToolRow> tools;                                 // every known tool, live or absorbed
  std::vector<std::pair<std::string, std::string>> members;  // record id -> tool id, as last stored
  std::vector<ComparisonRow> comparisons;                     // every comparison ever published
  std::vector<DirectiveRow> directives;                       // every directive ever taken
  pair::Budget budget;
  std::string today;   // YYYY-MM-DD
  std::string run_id;
  unsigned jobs = 0;   // threads (0 = one per core); the result does not depend on it
};

struct Stats {
  std::size_t records = 0, tools = 0, new_tools = 0, absorbed = 0;
  std::size_t new_comparisons = 0, withdrawn = 0, held_by_budget = 0, candidates = 0;
  std::size_t directives_applied = 0, directives_pending = 0;
  // Where the time went (steady clock, seconds): reading the records' match fields,
  // clustering, building each tool (parse, merge, JSON), choosing pairs.
  double read_s = 0, cluster_s = 0, tools_s = 0, pair_s = 0;
};

struct Output {
  std::vector<ToolRow> tools;                                 // rows to write: new, changed, absorbed
  std::vector<std::pair<std::string, std::string>> members;  // the whole record -> tool map
  std::vector<ComparisonRow> comparisons;                     // rows to write: new and withdrawn
  std::vector<DirectiveRow> directives;                       // every directive, status updated
  Stats stats;
};

Output build(const Input& in);

}  // namespace tv::catalogue
