// Pair: chooses tonight's new head-to-head comparisons among the canonical tools.
//
// Candidates are two different tools of one category. Within a category, tools are ordered by
// (kind, size, slug) and each is weighed against its nearest neighbours in that order (a
// window), so the cost stays O(n log n) per category however large it grows. Each candidate
// gets a score and a reason a reader can be told:
//   same kind of model            +100  ("both text-generation models")
//   similar size (log10 ratio)    +0..40 ("3B vs 2.2B")
//   both sized                    +5
//   vendors differ                +10  ("Meta vs Hugging Face")
//   price tiers known and equal   +5   ("both free")
// Pairs already published (stored) are never chosen again, in either order; a pair of a tool
// with itself is impossible by construction (one canonical tool per id).
// Editors' pins come first and ignore the budgets; never-pairs are never chosen. The rest are
// taken best score first (ties by slugs) under two budgets: at most `max_new_per_run` new
// comparisons tonight, and no tool in more than `max_per_tool_per_week` comparisons published
// in the same ISO week (those already published count). Deterministic: the same tools, history
// and date give the same choice.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace tv::pair {

struct PairTool {
  std::string id, slug, name;
  std::string category;  // "" never pairs
  std::string kind;      // "" when unknown
  std::string vendor;    // "" when unknown
  std::string price_tier;
  double size = 0;       // largest parameter count, 0 when unknown
};

struct Published {
  std::string a, b;          // tool ids
  std::string published_on;  // YYYY-MM-DD
};

struct EditorRule {
  std::string a, b;  // tool ids
  bool pin = true;   // pair (true) or never-pair (false)
  std::string why;   // "editor pair (d.xml line 4)"
};

struct Budget {
  std::size_t max_new_per_run = 50;
  std::size_t max_per_tool_per_week = 3;
  std::size_t window = 6;  // neighbours weighed per tool inside a category
};

struct Chosen {
  std::string a, b;  // tool ids, a's slug < b's slug
  std::string category;
  std::string reason;
  int score = 0;
  bool pinned = false;
};

struct PairResult {
  std::vector<Chosen> chosen;
  std::size_t candidates = 0;      // pairs weighed
  std::size_t held_by_budget = 0;  // good pairs left for a later night
};

// `today` is YYYY-MM-DD (UTC).
PairResult choose_pairs(const std::vector<PairTool>& tools, const std::vector<Published>& published,
                        const std::vector<EditorRule>& rules, const Budget& budget, const std::string& today);

// ISO week of a YYYY-MM-DD date, "2026-W47"; "" when the date cannot be read.
std::string iso_week(const std::string& date);

// Comparison slug: "<slug a>-vs-<slug b>" with the slugs in byte order.
std::string comparison_slug(const std::string& slug_a, const std::string& slug_b);

}  // namespace tv::pair
