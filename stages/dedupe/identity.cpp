#include "stages/dedupe/identity.hpp"

#include <algorithm>
#include <set>

#include "stages/dedupe/canonical.hpp"
#include "stages/ingest/content_hash.hpp"

namespace tv::dedupe {

std::vector<Identity> assign_identities(const std::vector<GroupIdentityInput>& groups, const KnownIdentities& known) {
  std::vector<Identity> out(groups.size());
  // How many records of each known tool each group holds.
  std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> claims;  // tool -> (group, count)
  std::vector<std::map<std::string, std::size_t>> held(groups.size());            // group -> tool -> count
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const auto& r : groups[g].records)
      if (auto it = known.tool_of_record.find(r); it != known.tool_of_record.end()) ++held[g][it->second];
    for (const auto& [tool, n] : held[g]) claims[tool].emplace_back(g, n);
  }
  auto first_record = [&](std::size_t g) { return groups[g].records.empty() ? std::string() : groups[g].records.front(); };
  // Each known tool goes to the group holding most of its records.
  std::map<std::size_t, std::vector<std::string>> won;  // group -> known tools it keeps
  for (const auto& [tool, list] : claims) {
    auto best = std::min_element(list.begin(), list.end(), [&](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      return first_record(a.first) < first_record(b.first);
    });
    won[best->first].push_back(tool);
  }
  auto created = [&](const std::string& id) {
    auto it = known.tools.find(id);
    return it == known.tools.end() ? INT64_MAX : it->second.created;
  };
  std::set<std::string> slugs_taken;
  for (const auto& [id, t] : known.tools) slugs_taken.insert(t.slug);
  std::set<std::string> used;  // ids given to a group tonight
  std::vector<std::size_t> fresh;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    auto it = won.find(g);
    if (it == won.end()) {
      fresh.push_back(g);
      continue;
    }
    auto tools = it->second;
    // The known tool holding most of this group's records survives; ties: the oldest.
    auto& h = held[g];
    std::sort(tools.begin(), tools.end(), [&](const std::string& a, const std::string& b) {
      if (h[a] != h[b]) return h[a] > h[b];
      if (created(a) != created(b)) return created(a) < created(b);
      return a < b;
    });
    out[g].id = tools.front();
    out[g].slug = known.tools.count(tools.front()) ? known.tools.at(tools.front()).slug : "";
    out[g].absorbed.assign(tools.begin() + 1, tools.end());
    used.insert(out[g].id);
  }
  // New tools: id from the smallest record id; revive a known id if it was absorbed before.
  struct Fresh {
    std::size_t group;
    std::string id, base;
  };
  std::vector<Fresh> news;
  for (auto g : fresh) {
    std::string id = "t" + ingest::sha256_hex(first_record(g)).substr(0, 12);
    for (int k = 2; used.count(id); ++k)  // that record's old tool lives on in another group
      id = "t" + ingest::sha256_hex(first_record(g) + "#" + std::to_string(k)).substr(0, 12);
    used.insert(id);
    if (auto k = known.tools.find(id); k != known.tools.end()) {
      out[g].id = id;
      out[g].slug = k->second.slug;
      continue;
    }
    std::string base = slugify(groups[g].name);
    news.push_back({g, id, base.empty() ? "tool-" + id.substr(1) : base});
  }
  std::sort(news.begin(), news.end(), [](const Fresh& a, const Fresh& b) {
    return a.base != b.base ? a.base < b.base : a.id < b.id;
  });
  for (const auto& f : news) {
    std::string slug = f.base;
    for (int k = 2; slugs_taken.count(slug); ++k) slug = f.base + "-" + std::to_string(k);
    slugs_taken.insert(slug);
    out[f.group] = {f.id, slug, true, {}};
  }
  return out;
}

}  // namespace tv::dedupe
