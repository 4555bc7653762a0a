#include "stages/dedupe/evaluate.hpp"

#include <set>

#include "stages/dedupe/matcher.hpp"

namespace tv::dedupe {
namespace {

std::string attr(const std::map<std::string, std::string>& rec, const char* key) {
  auto it = rec.find(key);
  return it == rec.end() ? std::string() : it->second;
}

MatchInput input(const std::map<std::string, std::string>& rec) {
  MatchInput m;
  m.name = attr(rec, "title");
  m.vendor = attr(rec, "manufacturer");
  m.price = attr(rec, "price");
  return m;
}

}  // namespace

Confusion evaluate(const std::vector<LabelledPair>& pairs, std::vector<Mistake>* mistakes) {
  // Title IDF from the file's own records, each distinct title once (no labels are read).
  TokenStats stats;
  std::set<std::string> seen;
  for (const auto& p : pairs)
    for (const auto* rec : {&p.left, &p.right})
      if (auto t = attr(*rec, "title"); seen.insert(t).second) stats.add(t);

  Confusion c;
  for (const auto& p : pairs) {
    auto d = compare(analyse(input(p.left), &stats), analyse(input(p.right), &stats));
    bool truth = p.label == 1;
    if (d.same && truth) ++c.tp;
    else if (d.same) ++c.fp;
    else if (truth) ++c.fn;
    else ++c.tn;
    if (mistakes && d.same != truth)
      mistakes->push_back({p.line, attr(p.left, "title"), attr(p.right, "title"), std::string(d.reason), p.label});
  }
  return c;
}

}  // namespace tv::dedupe
