// Rows: what the catalogue (canonical tools, comparisons, directives) keeps between nights, as
// plain structs. The state store reads and writes exactly these; the catalogue step computes
// them. Field meanings are documented in docs/state.md.
#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace tv::catalogue {

struct ToolRow {
  std::string id, slug, name;
  std::int64_t seq = 0;          // creation order, 1, 2, ...
  std::string created_at;        // YYYY-MM-DD of the night it first appeared
  std::string absorbed_into;     // "" while live; the surviving tool's id once merged away
  std::string json;              // the exported form (`export tools --json`), "" when absorbed
};

struct ComparisonRow {
  std::string slug;              // "<slug a>-vs-<slug b>", never changes
  std::string a, b;              // tool ids as published
  std::string category, published_on, reason, run_id;
  std::string withdrawn_on;      // "" while live
  std::string withdrawn_reason;  // e.g. "the two tools turned out to be one (SmolVLM2)"
};

struct DirectiveRow {
  std::int64_t id = 0;           // store row id: the order directives arrived in
  std::string file;              // inbox file name
  int line = 0;
  std::string date, editor;      // from the file's root element
  std::string action;            // merge, split, rename, pair, never-pair
  std::string a, b, note;        // rename: a = the tool, b = the new name
  std::string status;            // pending, applied, replaced, void
  std::string detail;            // editor-facing: what happened, or what it waits for
};

// The live tool an id leads to, following `absorbed_into` (tool id -> the tool it was merged
// into) to its end; a chain longer than 64 (a cycle, which the store never writes) stops there.
inline std::string survivor(const std::map<std::string, std::string>& absorbed_into, std::string id) {
  for (int hops = 0; hops < 64; ++hops) {
    auto it = absorbed_into.find(id);
    if (it == absorbed_into.end()) break;
    id = it->second;
  }
  return id;
}

}  // namespace tv::catalogue
