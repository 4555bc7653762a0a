#include "pipeline/panel_step.hpp"

#include <algorithm>
#include <map>

namespace tv {

using nlohmann::json;

std::vector<panel::ToolNames> tool_names(const std::vector<catalogue::ToolRow>& tools) {
  std::vector<panel::ToolNames> out;
  for (const auto& t : tools) {
    if (!t.absorbed_into.empty() || t.json.empty()) continue;
    panel::ToolNames n{t.id, t.name, {}};
    json j = json::parse(t.json, nullptr, /*allow_exceptions=*/false);
    auto add = [&](const json& v) {
      if (v.is_string()) n.names.push_back(v.get<std::string>());
    };
    if (j.is_object()) {
      if (auto it = j.find("name"); it != j.end()) add(*it);
      for (const char* key : {"aliases", "variants"})
        if (auto it = j.find(key); it != j.end() && it->is_array())
          for (const auto& v : *it) add(v);
      if (auto it = j.find("merged_from"); it != j.end() && it->is_array())
        for (const auto& m : *it)
          if (m.is_object())
            if (auto name = m.find("name"); name != m.end()) add(*name);
    }
    std::sort(n.names.begin(), n.names.end());
    n.names.erase(std::unique(n.names.begin(), n.names.end()), n.names.end());
    out.push_back(std::move(n));
  }
  return out;
}

panel::Attached attach_panel(const Config& cfg, const Store& store) {
  return panel::attach(tool_names(store.tools()), store.reviews(), store.votes(), cfg.reviewer_ids());
}

namespace {

json review_json(const panel::ReviewRow& r, const json& slug, bool counts, const json& waiting) {
  return {{"tool_slug", slug}, {"tool", r.tool}, {"reviewer", r.reviewer}, {"verdict", r.verdict},
          {"quote", r.quote}, {"panel_date", r.panel_date}, {"file", r.file}, {"line", r.line},
          {"counts", counts}, {"waiting", waiting}};
}

}  // namespace

json reviews_export(const Config& cfg, const Store& store) {
  auto tools = store.tools();
  auto attached = panel::attach(tool_names(tools), store.reviews(), store.votes(), cfg.reviewer_ids());
  std::map<std::string, std::string> slug_of;
  for (const auto& t : tools) slug_of[t.id] = t.slug;
  std::vector<std::pair<std::string, const panel::ToolPanel*>> by_slug;
  for (const auto& [id, p] : attached.by_tool) by_slug.emplace_back(slug_of[id], &p);
  std::sort(by_slug.begin(), by_slug.end());
  json arr = json::array();
  for (const auto& [slug, p] : by_slug)
    for (const auto& c : p->reviews) {
      arr.push_back(review_json(c.review, slug, true, nullptr));
      for (const auto& r : c.older) arr.push_back(review_json(r, slug, false, nullptr));
    }
  for (const auto& w : attached.waiting) arr.push_back(review_json(w.review, nullptr, false, w.reason));
  return arr;
}

}  // namespace tv
