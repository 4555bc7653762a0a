// Content: what the weekly digest says, as data. Pure: no I/O, no clock; never throws (but
// std::bad_alloc and nlohmann's on malformed frozen JSON, see week_from_json).
//
// The digest of an ISO week lists what changed in it (docs/digest.md, "What a week holds"):
//   - comparisons published that week (not withdrawn since), with both tools' verdicts;
//   - tools that first appeared that week and are still live;
//   - tools merged into another that week;
//   - verdict flips: a tool whose panel or community majority turned (ship <-> skip/split);
//   - price and licence changes.
// Flips and changes need to know how a tool stood before and after the week. The nightly run
// keeps a history of each tool's ToolState (a new row only when it differs, store table
// tool_history); `before` is each tool's latest state on or before the Sunday that ends the
// previous week, `after` its latest state on or before the week's own Sunday.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stages/catalogue/rows.hpp"
#include "stages/digest/calendar.hpp"

namespace tv::digest {

// How one tool stood on one night: what the digest can say about it.
struct ToolState {
  std::string id, slug, name, category, tagline;
  int panel_ship = 0, panel_total = 0;          // counting reviews
  int community_ship = 0, community_total = 0;  // latest vote per voter
  std::string price;    // as the pages show it ("Free", "$20/month"); "—" when none is listed
  std::string licence;  // as the pages show it; "—" when none is known
  std::string absorbed_into;       // "" while live; else the surviving tool's id
  std::string absorbed_into_name;  // and its display name

  bool live() const { return absorbed_into.empty(); }
  bool operator==(const ToolState&) const = default;
};

// A live tool of the site data (docs/site-data.md: one element of "tools"), as a state.
ToolState state_of_site_tool(const nlohmann::json& tool);

nlohmann::json to_json(const ToolState&);
ToolState state_from_json(const nlohmann::json&);

// "ship", "skip", "split" or "none": a majority of ship / total.
std::string verdict(int ship, int total);

struct NewComparison {
  std::string slug, category, reason, published_on;
  ToolState a, b;  // as they stood at the end of the week
};

struct Flip {
  ToolState tool;    // after
  std::string who;   // "panel" or "community"
  std::string from, to;  // verdicts
};

struct FactChange {
  ToolState tool;        // after
  std::string fact;      // "price" or "licence"
  std::string from, to;  // as shown
};

struct Merge {
  ToolState from;  // the name that went away (its state as it was absorbed)
  std::string into_name, into_slug;
};

struct Week {
  WeekSpan span;
  std::vector<NewComparison> comparisons;  // by date, then slug
  std::vector<ToolState> new_tools;        // by name
  std::vector<Merge> merges;               // by name
  std::vector<Flip> flips;                 // by tool name, panel first
  std::vector<FactChange> changes;         // by tool name, price first

  std::size_t items() const {
    return comparisons.size() + new_tools.size() + merges.size() + flips.size() + changes.size();
  }
  bool empty() const { return items() == 0; }
};

using States = std::map<std::string, ToolState>;  // tool id -> state

// The week's changes. `tools` are every tool row (live and absorbed: for creation dates and,
// when a tool has no recorded state, its name and slug); `comparisons` every comparison row.
Week week_changes(const WeekSpan& span, const std::vector<catalogue::ToolRow>& tools,
                  const std::vector<catalogue::ComparisonRow>& comparisons, const States& before,
                  const States& after);

// The form a digest is frozen in (store table digests) once its first message is sent, so a
// resumed send mails the same digest whatever arrived since. week_from_json throws
// nlohmann::json::exception on a document it did not write.
nlohmann::json to_json(const Week&);
Week week_from_json(const nlohmann::json&);

}  // namespace tv::digest
