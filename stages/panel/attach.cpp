#include "stages/panel/attach.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "stages/dedupe/names.hpp"

namespace tv::panel {

using dedupe::lookup_keys;

namespace {

// What a name written in a review or vote leads to.
struct Resolved {
  int tool = -1;                  // index into the tools; -1: none or ambiguous
  std::vector<std::size_t> fits;  // ambiguous: every tool the name fits (two or more)
};

class Names {
 public:
  explicit Names(const std::vector<ToolNames>& tools) : tools_(tools) {
    for (std::size_t i = 0; i < tools.size(); ++i) {
      for (auto& k : lookup_keys(tools[i].name)) {
        display_[k].insert(i);
        any_[k].insert(i);
      }
      for (const auto& n : tools[i].names)
        for (auto& k : lookup_keys(n)) any_[k].insert(i);
    }
  }

  const Resolved& resolve(const std::string& name) {
    auto [it, fresh] = cache_.try_emplace(name);
    if (!fresh) return it->second;
    auto keys = lookup_keys(name);
    std::set<std::size_t> display = gather(display_, keys);
    if (display.size() == 1) {
      it->second.tool = int(*display.begin());
      return it->second;
    }
    std::set<std::size_t> any = gather(any_, keys);
    if (any.size() == 1) it->second.tool = int(*any.begin());
    else if (any.size() > 1) it->second.fits.assign(any.begin(), any.end());
    return it->second;
  }

  std::vector<std::string> display_names(const std::vector<std::size_t>& fits) const {
    std::vector<std::string> out;
    for (auto i : fits) out.push_back(tools_[i].name);
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  using Index = std::unordered_map<std::string, std::set<std::size_t>>;
  static std::set<std::size_t> gather(const Index& index, const std::vector<std::string>& keys) {
    std::set<std::size_t> out;
    for (const auto& k : keys)
      if (auto it = index.find(k); it != index.end()) out.insert(it->second.begin(), it->second.end());
    return out;
  }

  const std::vector<ToolNames>& tools_;
  Index display_, any_;
  std::unordered_map<std::string, Resolved> cache_;
};

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

std::string ambiguous_reason(const std::string& name, const std::vector<std::string>& fits) {
  return "\"" + name + "\" fits " + std::to_string(fits.size()) + " tools (" + join(fits) +
         "); name the tool by its display name or a name only it has";
}

// Indices of `rows` in arrival order: by row id, then by position.
template <class Row>
std::vector<std::size_t> arrival_order(const std::vector<Row>& rows) {
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rows[a].id < rows[b].id; });
  return order;
}

void attach_reviews(Names& names, const std::vector<ToolNames>& tools, const std::vector<ReviewRow>& reviews,
                    const std::vector<std::string>& reviewer_ids, Attached& out) {
  // (tool index, reviewer) -> the reviews, oldest first (panel date, then arrival).
  std::map<std::pair<int, std::string>, std::vector<const ReviewRow*>> by_pair;
  for (auto i : arrival_order(reviews)) {
    const auto& r = reviews[i];
    if (std::find(reviewer_ids.begin(), reviewer_ids.end(), r.reviewer) == reviewer_ids.end()) {
      out.waiting.push_back({r, "the reviewer \"" + r.reviewer + "\" is not on the panel (panel.reviewers: " +
                                    join(reviewer_ids) + ")", {}});
      continue;
    }
    const auto& res = names.resolve(r.tool);
    if (res.tool < 0) {
      if (res.fits.empty()) {
        out.waiting.push_back({r, "no tool is known as \"" + r.tool + "\" yet; the review counts the night one arrives", {}});
      } else {
        auto fits = names.display_names(res.fits);
        out.waiting.push_back({r, ambiguous_reason(r.tool, fits), fits});
      }
      continue;
    }
    by_pair[{res.tool, r.reviewer}].push_back(&r);  // arrival order so far
  }
  for (auto& [key, rows] : by_pair)
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ReviewRow* a, const ReviewRow* b) { return a->panel_date < b->panel_date; });
  for (std::size_t t = 0; t < tools.size(); ++t) {
    auto& panel = out.by_tool[tools[t].id];
    for (const auto& reviewer : reviewer_ids) {
      auto it = by_pair.find({int(t), reviewer});
      if (it == by_pair.end()) continue;
      const auto& rows = it->second;
      CountingReview c{*rows.back(), {}};
      for (auto r = rows.rbegin() + 1; r != rows.rend(); ++r) c.older.push_back(**r);
      panel.older += int(c.older.size());
      panel.panel_ship += c.review.verdict == "ship" ? 1 : 0;
      ++panel.panel_total;
      panel.reviews.push_back(std::move(c));
    }
  }
}

void attach_votes(Names& names, const std::vector<ToolNames>& tools, const std::vector<VoteRow>& votes,
                  Attached& out) {
  // The latest vote per (tool, voter); unresolved names are grouped by their folded key.
  std::map<std::pair<std::string, std::string>, const VoteRow*> latest, waiting;
  struct Group {
    std::string first_name;
    std::vector<std::string> fits;
  };
  std::map<std::string, Group> groups;  // folded name -> how it was first written
  auto later = [](const VoteRow* now, const VoteRow* best) { return best == nullptr || now->cast_at >= best->cast_at; };
  for (auto i : arrival_order(votes)) {
    const auto& v = votes[i];
    const auto& res = names.resolve(v.tool);
    if (res.tool >= 0) {
      auto& best = latest[{tools[std::size_t(res.tool)].id, v.voter}];
      if (later(&v, best)) best = &v;
      continue;
    }
    std::string key = dedupe::fold_key(v.tool);
    if (key.empty()) key = v.tool;
    auto [g, fresh] = groups.try_emplace(key);
    if (fresh) g->second = {v.tool, names.display_names(res.fits)};
    auto& best = waiting[{key, v.voter}];
    if (later(&v, best)) best = &v;
  }
  for (auto& t : tools) out.by_tool[t.id];  // every live tool has an entry
  for (const auto& [key, v] : latest) {
    auto& panel = out.by_tool[key.first];
    ++panel.community_total;
    panel.community_ship += v->vote == "ship" ? 1 : 0;
  }
  std::map<std::string, int> counts;
  for (const auto& [key, v] : waiting) ++counts[key.first];
  for (const auto& [key, g] : groups) out.waiting_votes.push_back({g.first_name, counts[key], g.fits});
}

}  // namespace

Attached attach(const std::vector<ToolNames>& tools, const std::vector<ReviewRow>& reviews,
                const std::vector<VoteRow>& votes, const std::vector<std::string>& reviewer_ids) {
  Attached out;
  Names names(tools);
  attach_reviews(names, tools, reviews, reviewer_ids, out);
  attach_votes(names, tools, votes, out);
  return out;
}

}  // namespace tv::panel
