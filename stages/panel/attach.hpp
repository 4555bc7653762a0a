// Attach: puts every stored panel review and community vote on the live tool it names. Pure:
// no store, no clock, no I/O; never throws (but std::bad_alloc). Recomputed each night from
// all stored rows, so a review that waited for its tool counts the night the tool arrives, and
// a merge or rename of tools carries their reviews and votes along.
//
// Takes the live tools with every name each is known by, every stored review and vote (any
// order; arrival order is the row id, then the position in the vector), and the reviewer ids
// configured (panel.reviewers, scorecard order). Returns, per live tool id:
//   - the counting review of each reviewer: the newest panel date wins, then the later
//     arrival; the reviewer's earlier reviews of the tool are kept beside it (newest first);
//   - panel: ship verdicts among the counting reviews, and how many there are ("3 of 4");
//   - community: one vote per (tool, voter), the latest cast_at winning (equal instants: the
//     later arrival), counted after each vote's name is resolved to its tool, so one voter
//     naming one tool by two names counts once; ship votes, and all.
// and what counts for no tool yet: reviews (with the reason for the editor) and vote tallies
// per unresolved name.
//
// Names: a review or vote names a tool by any of its names, compared as dedupe::fold_key of
// the whole name, or of the part after an "org/" prefix (as directives are looked up). A name
// that is the display name of exactly one tool is that tool; otherwise the name must fit
// exactly one tool among all names. A name fitting no tool waits; a name fitting two or more
// waits too, listing them (ambiguous: the editor names the tool by a name only it has).
// A review by a reviewer no longer in panel.reviewers waits with that reason.
//
// Output is deterministic: by_tool is keyed by tool id, each tool's reviews are in
// reviewer_ids order, waiting reviews in arrival order, waiting votes by folded name.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "stages/panel/rows.hpp"

namespace tv::panel {

// A live tool and the names it is known by.
struct ToolNames {
  std::string id;                  // the tool id (stable)
  std::string name;                // its display name
  std::vector<std::string> names;  // every name it is known by: aliases, variants, record names
};

struct CountingReview {
  ReviewRow review;              // the review that counts for this reviewer and tool
  std::vector<ReviewRow> older;  // the reviewer's earlier reviews of the tool, newest first
};

struct ToolPanel {
  std::vector<CountingReview> reviews;  // at most one per reviewer, in panel.reviewers order
  int older = 0;                        // earlier reviews kept, all reviewers together
  int panel_ship = 0;                   // counting reviews with verdict ship
  int panel_total = 0;                  // counting reviews (reviews.size())
  int community_ship = 0;               // latest votes (one per voter) that say ship
  int community_total = 0;              // latest votes, one per voter; 0 shows as "—"
};

struct WaitingReview {
  ReviewRow review;
  std::string reason;                   // for the editor: why it counts for no tool yet
  std::vector<std::string> candidates;  // an ambiguous name: the display names it fits, sorted
};

struct WaitingVotes {
  std::string tool;                     // the name as first written (by arrival)
  int votes = 0;                        // one per voter (the latest), as they would count
  std::vector<std::string> candidates;  // ambiguous: the display names it fits; empty: no tool yet
};

struct Attached {
  std::map<std::string, ToolPanel> by_tool;  // every live tool id, reviewed or not
  std::vector<WaitingReview> waiting;        // arrival order
  std::vector<WaitingVotes> waiting_votes;   // by folded name
};

Attached attach(const std::vector<ToolNames>& tools, const std::vector<ReviewRow>& reviews,
                const std::vector<VoteRow>& votes, const std::vector<std::string>& reviewer_ids);


}  // namespace tv::panel
