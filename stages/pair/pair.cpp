#include "stages/pair/pair.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "stages/normalise/fields/size.hpp"

namespace tv::pair {
namespace {

using Key = std::pair<std::string, std::string>;  // tool ids in byte order

Key key_of(const std::string& a, const std::string& b) { return a < b ? Key{a, b} : Key{b, a}; }

struct Candidate {
  std::size_t x, y;  // tool indices, slug x < slug y
  int score = 0;
  std::string reason;
};

Candidate weigh(const std::vector<PairTool>& t, std::size_t x, std::size_t y) {
  if (t[y].slug < t[x].slug) std::swap(x, y);
  const auto &a = t[x], &b = t[y];
  Candidate c{x, y, 0, "same category (" + a.category + ")"};
  if (!a.kind.empty() && a.kind == b.kind) {
    c.score += 100;
    c.reason += ", both " + a.kind + " models";
  } else if (!a.kind.empty() && !b.kind.empty()) {
    c.reason += ", " + a.kind + " vs " + b.kind;
  }
  if (a.size > 0 && b.size > 0) {
    double ratio = std::fabs(std::log10(a.size / b.size));  // 0 = same size, 1 = ten times
    int points = int(std::lround(40 * std::max(0.0, 1 - ratio / 2)));
    c.score += 5 + points;
    c.reason += (ratio <= 0.5 ? ", similar size (" : ", sizes ") + fields::size_label(a.size) + " vs " +
                fields::size_label(b.size) + (ratio <= 0.5 ? ")" : "");
  }
  if (!a.vendor.empty() && !b.vendor.empty() && a.vendor != b.vendor) {
    c.score += 10;
    c.reason += ", " + a.vendor + " vs " + b.vendor;
  }
  if (!a.price_tier.empty() && a.price_tier == b.price_tier) {
    c.score += 5;
    c.reason += ", both " + a.price_tier;
  }
  return c;
}

}  // namespace

std::string comparison_slug(const std::string& a, const std::string& b) {
  return a < b ? a + "-vs-" + b : b + "-vs-" + a;
}

std::string iso_week(const std::string& date) {
  using namespace std::chrono;
  int y = 0;
  unsigned m = 0, d = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return "";
  year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return "";
  sys_days day_point{ymd};
  weekday wd{day_point};
  int iso_wd = wd.iso_encoding();  // Monday 1 .. Sunday 7
  sys_days thursday = day_point + days{4 - iso_wd};
  year_month_day th{thursday};
  sys_days jan1{th.year() / January / 1};
  int week = int((thursday - jan1).count() / 7) + 1;
  char out[32];
  std::snprintf(out, sizeof out, "%04d-W%02d", int(th.year()), week);
  return out;
}

PairResult choose_pairs(const std::vector<PairTool>& tools, const std::vector<Published>& published,
                        const std::vector<EditorRule>& rules, const Budget& budget, const std::string& today) {
  PairResult out;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < tools.size(); ++i) index.emplace(tools[i].id, i);

  std::set<Key> done, forbidden;
  std::map<std::string, std::size_t> this_week;  // tool id -> comparisons published this week
  const std::string week = iso_week(today);
  for (const auto& p : published) {
    done.insert(key_of(p.a, p.b));
    if (!week.empty() && iso_week(p.published_on) == week) {
      ++this_week[p.a];
      ++this_week[p.b];
    }
  }
  for (const auto& r : rules)
    if (!r.pin) forbidden.insert(key_of(r.a, r.b));

  // Editors' pins first: they ignore the budgets, never a never-pair or a tool with itself.
  for (const auto& r : rules) {
    if (!r.pin || r.a == r.b) continue;
    auto ia = index.find(r.a), ib = index.find(r.b);
    if (ia == index.end() || ib == index.end()) continue;
    auto k = key_of(r.a, r.b);
    if (done.count(k) || forbidden.count(k)) continue;
    auto c = weigh(tools, ia->second, ib->second);
    const auto &a = tools[c.x], &b = tools[c.y];
    out.chosen.push_back({a.id, b.id, a.category.empty() ? b.category : a.category, r.why, c.score, true});
    done.insert(k);
    ++this_week[a.id];
    ++this_week[b.id];
  }

  // Candidates: within each category, each tool against its next `window` neighbours.
  std::map<std::string, std::vector<std::size_t>> by_category;
  for (std::size_t i = 0; i < tools.size(); ++i)
    if (!tools[i].category.empty()) by_category[tools[i].category].push_back(i);
  std::vector<Candidate> cands;
  for (auto& [category, list] : by_category) {
    std::sort(list.begin(), list.end(), [&](std::size_t x, std::size_t y) {
      const auto &a = tools[x], &b = tools[y];
      if (a.kind != b.kind) return a.kind < b.kind;
      if (a.size != b.size) return a.size < b.size;
      return a.slug < b.slug;
    });
    for (std::size_t p = 0; p < list.size(); ++p)
      for (std::size_t q = p + 1; q < list.size() && q <= p + budget.window; ++q) {
        if (tools[list[p]].id == tools[list[q]].id) continue;
        auto k = key_of(tools[list[p]].id, tools[list[q]].id);
        if (done.count(k) || forbidden.count(k)) continue;
        cands.push_back(weigh(tools, list[p], list[q]));
      }
  }
  out.candidates = cands.size();
  std::sort(cands.begin(), cands.end(), [&](const Candidate& l, const Candidate& r) {
    if (l.score != r.score) return l.score > r.score;
    if (tools[l.x].slug != tools[r.x].slug) return tools[l.x].slug < tools[r.x].slug;
    return tools[l.y].slug < tools[r.y].slug;
  });
  std::size_t taken = 0;
  for (const auto& c : cands) {
    const auto &a = tools[c.x], &b = tools[c.y];
    auto k = key_of(a.id, b.id);
    if (done.count(k)) continue;  // the same pair found through two windows
    if (taken >= budget.max_new_per_run || this_week[a.id] >= budget.max_per_tool_per_week ||
        this_week[b.id] >= budget.max_per_tool_per_week) {
      ++out.held_by_budget;
      continue;
    }
    out.chosen.push_back({a.id, b.id, a.category, c.reason, c.score, false});
    done.insert(k);
    ++taken;
    ++this_week[a.id];
    ++this_week[b.id];
  }
  return out;
}

}  // namespace tv::pair
