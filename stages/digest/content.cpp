#include "stages/digest/content.hpp"

#include <algorithm>
#include <tuple>

#include "stages/site/pages.hpp"

namespace tv::digest {

using nlohmann::json;

namespace {

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

bool in_week(const WeekSpan& w, const std::string& date) { return date >= w.monday && date <= w.sunday; }

// A tool's state for the digest: its recorded state at the end of the week, or, when none
// was recorded (history began later), the bare row: name and slug.
ToolState state_or_row(const States& states, const std::map<std::string, const catalogue::ToolRow*>& rows,
                       const std::string& id) {
  if (auto it = states.find(id); it != states.end()) return it->second;
  ToolState s;
  s.id = id;
  if (auto r = rows.find(id); r != rows.end()) {
    s.slug = r->second->slug;
    s.name = r->second->name;
  }
  return s;
}

}  // namespace

std::string verdict(int ship, int total) {
  if (total <= 0) return "none";
  if (2 * ship > total) return "ship";
  if (2 * ship < total) return "skip";
  return "split";
}

ToolState state_of_site_tool(const json& tool) {
  ToolState s;
  s.id = text(tool, "id");
  s.slug = text(tool, "slug");
  s.name = text(tool, "name");
  s.category = text(tool, "category");
  s.tagline = text(tool, "tagline");
  auto panel = site::panel_tally(tool), community = site::community_tally(tool);
  s.panel_ship = panel.ship;
  s.panel_total = panel.total;
  s.community_ship = community.ship;
  s.community_total = community.total;
  s.price = site::price_text(tool);
  s.licence = site::license_text(tool.contains("license") ? tool["license"] : json());
  return s;
}

json to_json(const ToolState& s) {
  return {{"id", s.id}, {"slug", s.slug}, {"name", s.name}, {"category", s.category}, {"tagline", s.tagline},
          {"panel", {s.panel_ship, s.panel_total}}, {"community", {s.community_ship, s.community_total}},
          {"price", s.price}, {"licence", s.licence}, {"absorbed_into", s.absorbed_into},
          {"absorbed_into_name", s.absorbed_into_name}};
}

ToolState state_from_json(const json& j) {
  (void)j.at("id");  // throws on anything but an object with an id: not a document we wrote
  ToolState s;
  s.id = text(j, "id");
  s.slug = text(j, "slug");
  s.name = text(j, "name");
  s.category = text(j, "category");
  s.tagline = text(j, "tagline");
  auto pairs = [&](const char* key, int& ship, int& total) {
    auto it = j.find(key);
    if (it != j.end() && it->is_array() && it->size() == 2 && (*it)[0].is_number_integer() &&
        (*it)[1].is_number_integer()) {
      ship = (*it)[0].get<int>();
      total = (*it)[1].get<int>();
    }
  };
  pairs("panel", s.panel_ship, s.panel_total);
  pairs("community", s.community_ship, s.community_total);
  s.price = text(j, "price");
  s.licence = text(j, "licence");
  s.absorbed_into = text(j, "absorbed_into");
  s.absorbed_into_name = text(j, "absorbed_into_name");
  return s;
}

Week week_changes(const WeekSpan& span, const std::vector<catalogue::ToolRow>& tools,
                  const std::vector<catalogue::ComparisonRow>& comparisons, const States& before,
                  const States& after) {
  Week w;
  w.span = span;
  std::map<std::string, const catalogue::ToolRow*> rows;
  std::map<std::string, std::string> into;  // absorbed id -> the tool it went into
  for (const auto& t : tools) {
    rows.emplace(t.id, &t);
    if (!t.absorbed_into.empty()) into[t.id] = t.absorbed_into;
  }
  auto now = [&](const std::string& id) { return state_or_row(after, rows, catalogue::survivor(into, id)); };

  for (const auto& c : comparisons) {
    if (!in_week(span, c.published_on) || !c.withdrawn_on.empty()) continue;
    w.comparisons.push_back({c.slug, c.category, c.reason, c.published_on, now(c.a), now(c.b)});
  }
  std::sort(w.comparisons.begin(), w.comparisons.end(), [](const auto& x, const auto& y) {
    return std::tie(x.published_on, x.slug) < std::tie(y.published_on, y.slug);
  });

  for (const auto& t : tools) {
    auto a = after.find(t.id);
    if (a == after.end()) {
      // No state recorded by the week's end: only its creation can be told, from the row.
      if (in_week(span, t.created_at) && t.absorbed_into.empty()) w.new_tools.push_back(state_or_row(after, rows, t.id));
      continue;
    }
    const ToolState& s = a->second;
    auto b = before.find(t.id);
    const bool created_this_week = in_week(span, t.created_at);
    if (s.live()) {
      if (created_this_week) w.new_tools.push_back(s);
    } else if (created_this_week || (b != before.end() && b->second.live())) {
      w.merges.push_back({s, s.absorbed_into_name, now(s.absorbed_into).slug});
    }
    if (b == before.end() || !s.live() || !b->second.live() || created_this_week) continue;
    const ToolState& was = b->second;
    auto flip = [&](const char* who, const std::string& from, const std::string& to) {
      if (from != "none" && to != "none" && from != to) w.flips.push_back({s, who, from, to});
    };
    flip("panel", verdict(was.panel_ship, was.panel_total), verdict(s.panel_ship, s.panel_total));
    flip("community", verdict(was.community_ship, was.community_total),
         verdict(s.community_ship, s.community_total));
    if (was.price != s.price) w.changes.push_back({s, "price", was.price, s.price});
    if (was.licence != s.licence) w.changes.push_back({s, "licence", was.licence, s.licence});
  }
  auto by_name = [](const ToolState& x, const ToolState& y) { return std::tie(x.name, x.id) < std::tie(y.name, y.id); };
  std::sort(w.new_tools.begin(), w.new_tools.end(), by_name);
  std::sort(w.merges.begin(), w.merges.end(), [&](const Merge& x, const Merge& y) { return by_name(x.from, y.from); });
  // Flips and changes are pushed per tool in a fixed order (panel, community; price, licence).
  std::stable_sort(w.flips.begin(), w.flips.end(), [&](const Flip& x, const Flip& y) { return by_name(x.tool, y.tool); });
  std::stable_sort(w.changes.begin(), w.changes.end(),
                   [&](const FactChange& x, const FactChange& y) { return by_name(x.tool, y.tool); });
  return w;
}

json to_json(const Week& w) {
  json j;
  j["week"] = {{"id", w.span.id}, {"monday", w.span.monday}, {"sunday", w.span.sunday}};
  j["comparisons"] = json::array();
  for (const auto& c : w.comparisons)
    j["comparisons"].push_back({{"slug", c.slug}, {"category", c.category}, {"reason", c.reason},
                                {"published_on", c.published_on}, {"a", to_json(c.a)}, {"b", to_json(c.b)}});
  j["new_tools"] = json::array();
  for (const auto& t : w.new_tools) j["new_tools"].push_back(to_json(t));
  j["merges"] = json::array();
  for (const auto& m : w.merges)
    j["merges"].push_back({{"from", to_json(m.from)}, {"into_name", m.into_name}, {"into_slug", m.into_slug}});
  j["flips"] = json::array();
  for (const auto& f : w.flips)
    j["flips"].push_back({{"tool", to_json(f.tool)}, {"who", f.who}, {"from", f.from}, {"to", f.to}});
  j["changes"] = json::array();
  for (const auto& c : w.changes)
    j["changes"].push_back({{"tool", to_json(c.tool)}, {"fact", c.fact}, {"from", c.from}, {"to", c.to}});
  return j;
}

Week week_from_json(const json& j) {
  Week w;
  const json& week = j.at("week");
  w.span = {week.at("id").get<std::string>(), week.at("monday").get<std::string>(),
            week.at("sunday").get<std::string>()};
  for (const auto& c : j.at("comparisons"))
    w.comparisons.push_back({text(c, "slug"), text(c, "category"), text(c, "reason"), text(c, "published_on"),
                             state_from_json(c.at("a")), state_from_json(c.at("b"))});
  for (const auto& t : j.at("new_tools")) w.new_tools.push_back(state_from_json(t));
  for (const auto& m : j.at("merges"))
    w.merges.push_back({state_from_json(m.at("from")), text(m, "into_name"), text(m, "into_slug")});
  for (const auto& f : j.at("flips"))
    w.flips.push_back({state_from_json(f.at("tool")), text(f, "who"), text(f, "from"), text(f, "to")});
  for (const auto& c : j.at("changes"))
    w.changes.push_back({state_from_json(c.at("tool")), text(c, "fact"), text(c, "from"), text(c, "to")});
  return w;
}

}  // namespace tv::digest
