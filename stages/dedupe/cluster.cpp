#include "stages/dedupe/cluster.hpp"

#include "stages/common/parallel.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace tv::dedupe {
namespace {

// Blocks larger than this are compared inside a sliding window of this many neighbours (in id
// order) instead of all pairs. Identical names already share one representative, so a block
// this large means hundreds of distinct spellings of one key.
constexpr std::size_t kWindow = 256;

struct Edge {
  std::size_t a, b;  // representatives, a < b in id order
  std::string why;
};

class Groups {
 public:
  explicit Groups(std::size_t n) : parent_(n), members_(n), apart_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
    for (std::size_t i = 0; i < n; ++i) members_[i] = {i};
  }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void forbid(std::size_t a, std::size_t b) {
    apart_[a].push_back(b);
    apart_[b].push_back(a);
  }
  // True when no record of one group is hard-apart from a record of the other.
  bool can_join(std::size_t ra, std::size_t rb) {
    if (ra == rb) return true;
    if (apart_[ra].size() > apart_[rb].size()) std::swap(ra, rb);
    for (auto p : apart_[ra])
      if (find(p) == rb) return false;
    return true;
  }
  // Joins the groups of a and b (whatever the constraints); false when already one.
  bool join(std::size_t a, std::size_t b) {
    auto ra = find(a), rb = find(b);
    if (ra == rb) return false;
    if (members_[ra].size() < members_[rb].size()) std::swap(ra, rb);
    parent_[rb] = ra;
    members_[ra].insert(members_[ra].end(), members_[rb].begin(), members_[rb].end());
    apart_[ra].insert(apart_[ra].end(), apart_[rb].begin(), apart_[rb].end());
    members_[rb].clear();
    members_[rb].shrink_to_fit();
    apart_[rb].clear();
    apart_[rb].shrink_to_fit();
    return true;
  }

 private:
  std::vector<std::size_t> parent_;
  std::vector<std::vector<std::size_t>> members_;
  std::vector<std::vector<std::size_t>> apart_;
};

}  // namespace

std::vector<Group> cluster(const std::vector<ClusterInput>& records, const std::vector<ForcedLink>& forced,
                           unsigned jobs) {
  const std::size_t n = records.size();
  // 0. Id order: every later loop walks records, blocks and edges in this order.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](auto x, auto y) { return records[x].id < records[y].id; });
  std::vector<std::size_t> rank(n);
  for (std::size_t r = 0; r < n; ++r) rank[order[r]] = r;
  auto by_rank = [&](std::size_t x, std::size_t y) { return rank[x] < rank[y]; };

  // 1. Representatives of identical (name, vendor, kind).
  std::vector<std::size_t> rep(n);
  std::vector<std::size_t> reps;
  std::unordered_map<std::string, std::size_t> seen;
  seen.reserve(n);
  for (auto i : order) {
    const auto& m = records[i].match;
    auto [it, fresh] = seen.try_emplace(m.name + '\x1f' + m.vendor + '\x1f' + m.kind, i);
    rep[i] = it->second;
    if (fresh) reps.push_back(i);
  }
  std::vector<Analysed> an(n);
  // Title-word statistics over the distinct names: rare words make small blocks and weigh
  // more in title similarity.
  TokenStats stats;
  {
    std::unordered_set<std::string_view> names;
    for (auto i : reps)
      if (names.insert(records[i].match.name).second) stats.add(records[i].match.name);
  }
  parallel_for(reps.size(), jobs, [&](std::size_t k) { an[reps[k]] = analyse(records[reps[k]].match, &stats); });

  // 2. Blocks and compares.
  std::unordered_map<std::string, std::vector<std::size_t>> blocks;
  for (auto i : reps)
    for (auto& k : block_keys(an[i])) blocks[k].push_back(i);  // reps arrive in id order
  std::vector<std::pair<std::size_t, std::size_t>> candidates;
  for (const auto& [key, list] : blocks)
    for (std::size_t x = 0; x < list.size(); ++x)
      for (std::size_t y = x + 1; y < list.size() && y <= x + kWindow; ++y) candidates.emplace_back(list[x], list[y]);
  // A pair sharing two block keys is compared twice: harmless, and cheaper than sorting
  // millions of candidates. The joins below are sorted, which is what makes the result
  // independent of the order blocks were visited in.

  Groups g(n);
  std::vector<Edge> tree;  // the joins actually made (a spanning forest)
  std::vector<Edge> sized, sizeless, mixed;
  // Compared on every core, a slice at a time, so memory does not grow with the candidates.
  constexpr std::size_t kSlice = 1 << 16;
  std::vector<Decision> decisions;
  for (std::size_t from = 0; from < candidates.size(); from += kSlice) {
    const std::size_t count = std::min(kSlice, candidates.size() - from);
    decisions.assign(count, Decision{});
    parallel_for(count, jobs, [&](std::size_t k) {
      decisions[k] = compare(an[candidates[from + k].first], an[candidates[from + k].second]);
    });
    for (std::size_t k = 0; k < count; ++k) {
      auto [a, b] = candidates[from + k];
      const auto& d = decisions[k];
      if (!d.same) {
        if (d.hard) g.forbid(a, b);
        continue;
      }
      bool sa = !an[a].name.sizes.empty(), sb = !an[b].name.sizes.empty();
      (sa && sb ? sized : !sa && !sb ? sizeless : mixed).push_back({a, b, std::string(d.reason)});
    }
  }

  auto edge_order = [&](const Edge& x, const Edge& y) {
    return rank[x.a] != rank[y.a] ? rank[x.a] < rank[y.a] : rank[x.b] < rank[y.b];
  };
  for (auto* list : {&sized, &sizeless, &mixed}) {
    std::sort(list->begin(), list->end(), edge_order);
    list->erase(std::unique(list->begin(), list->end(), [](const Edge& x, const Edge& y) { return x.a == y.a && x.b == y.b; }),
                list->end());
  }

  // Editor links, mapped onto representatives.
  for (const auto& f : forced) {
    if (f.together) continue;
    for (auto a : f.a)
      for (auto b : f.b)
        if (rep[a] != rep[b]) g.forbid(rep[a], rep[b]);
  }
  // 3. Editor merges first: they win over the matcher.
  for (const auto& f : forced) {
    if (!f.together || f.a.empty() || f.b.empty()) continue;
    std::vector<std::size_t> all;
    for (auto i : f.a) all.push_back(rep[i]);
    for (auto i : f.b) all.push_back(rep[i]);
    std::sort(all.begin(), all.end(), by_rank);
    for (std::size_t k = 1; k < all.size(); ++k)
      if (g.join(all[0], all[k])) tree.push_back({all[0], all[k], f.why});
  }
  // 4. Constrained joins: sized pairs, then size-less pairs.
  for (auto* list : {&sized, &sizeless})
    for (auto& e : *list)
      if (g.can_join(g.find(e.a), g.find(e.b)) && g.join(e.a, e.b)) tree.push_back(std::move(e));
  // A size-less group joins its sized variants only when they can all be one tool.
  std::unordered_map<std::size_t, std::vector<const Edge*>> by_family;  // root -> edges
  std::vector<std::size_t> families;
  for (const auto& e : mixed) {
    auto family = an[e.a].name.sizes.empty() ? e.a : e.b;
    auto root = g.find(family);
    auto& v = by_family[root];
    if (v.empty()) families.push_back(root);
    v.push_back(&e);
  }
  std::sort(families.begin(), families.end(), by_rank);
  for (auto root : families) {
    const auto& edges = by_family[root];
    std::vector<std::size_t> roots{g.find(root)};
    std::map<std::size_t, std::size_t> variant_of;  // target root -> one sized record in it
    for (const auto* e : edges) {
      auto sized_end = an[e->a].name.sizes.empty() ? e->b : e->a;
      roots.push_back(g.find(sized_end));
      variant_of.emplace(g.find(sized_end), sized_end);
    }
    std::sort(roots.begin(), roots.end());
    roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
    bool all_fit = true;
    for (std::size_t x = 0; x < roots.size() && all_fit; ++x)
      for (std::size_t y = x + 1; y < roots.size() && all_fit; ++y) all_fit = g.can_join(roots[x], roots[y]);
    // In a block past the window two variants may never have been compared: compare one
    // record of each target directly, so a family name never bridges unseen size siblings.
    for (auto x = variant_of.begin(); x != variant_of.end() && all_fit; ++x)
      for (auto y = std::next(x); y != variant_of.end() && all_fit; ++y)
        all_fit = !compare(an[x->second], an[y->second]).hard;
    if (!all_fit) continue;
    for (const auto* e : edges)
      if (g.join(e->a, e->b)) tree.push_back(*e);
  }
  // Copies of a representative join it.
  for (auto i : order)
    if (rep[i] != i) {
      g.join(rep[i], i);
      tree.push_back({rep[i], i, "same name"});
    }

  // Output: groups in id order of their first member; joins oriented away from that member.
  std::unordered_map<std::size_t, std::size_t> group_of_root;
  std::vector<Group> out;
  for (auto i : order) {
    auto [it, fresh] = group_of_root.try_emplace(g.find(i), out.size());
    if (fresh) out.emplace_back();
    out[it->second].members.push_back(i);
  }
  std::vector<std::vector<std::pair<std::size_t, const Edge*>>> adj(n);
  for (const auto& e : tree) {
    adj[e.a].emplace_back(e.b, &e);
    adj[e.b].emplace_back(e.a, &e);
  }
  std::vector<char> visited(n, 0);
  for (auto& grp : out) {
    std::vector<std::size_t> queue{grp.members.front()};
    visited[grp.members.front()] = 1;
    for (std::size_t q = 0; q < queue.size(); ++q) {
      auto& next = adj[queue[q]];
      std::sort(next.begin(), next.end(), [&](const auto& x, const auto& y) { return by_rank(x.first, y.first); });
      for (const auto& [other, e] : next) {
        if (visited[other]) continue;
        visited[other] = 1;
        queue.push_back(other);
        grp.joins.push_back({other, queue[q], e->why});
      }
    }
  }
  return out;
}

}  // namespace tv::dedupe
