#include "stages/catalogue/catalogue.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "stages/common/parallel.hpp"
#include "stages/dedupe/canonical.hpp"
#include "stages/dedupe/cluster.hpp"
#include "stages/dedupe/identity.hpp"
#include "stages/dedupe/names.hpp"

namespace tv::catalogue {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Reads the top-level string fields dedupe needs from a record's JSON text, without building
// the tree (the read pass touches every record every night).
struct MatchFields : nlohmann::json_sax<json> {
  dedupe::MatchInput& out;
  int depth = 0;
  std::string* target = nullptr;
  explicit MatchFields(dedupe::MatchInput& m) : out(m) {}
  bool null() override { return done(); }
  bool boolean(bool) override { return done(); }
  bool number_integer(number_integer_t) override { return done(); }
  bool number_unsigned(number_unsigned_t) override { return done(); }
  bool number_float(number_float_t, const string_t&) override { return done(); }
  bool string(string_t& v) override {
    if (depth == 1 && target) *target = std::move(v);
    return done();
  }
  bool binary(binary_t&) override { return done(); }
  bool start_object(std::size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    target = nullptr;
    if (depth != 1) return true;
    if (k == "name") target = &out.name;
    else if (k == "vendor") target = &out.vendor;
    else if (k == "kind") target = &out.kind;
    else if (k == "description") target = &out.description;
    else if (k == "source_url") target = &out.source_url;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool done() {
    target = nullptr;
    return true;
  }
  bool open() {
    target = nullptr;
    ++depth;
    return true;
  }
  bool close() {
    --depth;
    return true;
  }
};

std::string where(const DirectiveRow& d) { return d.file + " line " + std::to_string(d.line); }

// The folded whole name a directive or a record is looked up by ("SmolVLM2-2B" -> "smolvlm22b").
std::vector<std::string> lookup_keys(const std::string& name) {
  std::vector<std::string> keys{dedupe::fold_key(name)};
  if (auto slash = name.rfind('/'); slash != std::string::npos && slash + 1 < name.size())
    keys.push_back(dedupe::fold_key(name.substr(slash + 1)));
  keys.erase(std::remove(keys.begin(), keys.end(), std::string()), keys.end());
  return keys;
}

using NamePair = std::pair<std::string, std::string>;
NamePair name_pair(const std::string& a, const std::string& b) {
  auto x = dedupe::fold_key(a), y = dedupe::fold_key(b);
  return x < y ? NamePair{x, y} : NamePair{y, x};
}

json conflicts_json(const std::vector<dedupe::Conflict>& conflicts) {
  json out = json::array();
  for (const auto& c : conflicts) {
    json values = json::array();
    for (const auto& v : c.values) values.push_back({{"value", v.value}, {"sources", v.sources}, {"rule", v.rule}});
    out.push_back({{"field", c.field}, {"values", values}});
  }
  return out;
}

double largest_size(const json& sizes) {
  double best = 0;
  if (sizes.is_array())
    for (const auto& s : sizes)
      if (auto t = s.find("total"); t != s.end() && t->is_number()) best = std::max(best, t->get<double>());
  return best;
}

// The version of the tool JSON's content rules: a stored tool of another format is merged
// again even when its records did not change. Bump it when canonical or tool_json changes.
constexpr int kToolFormat = 1;

// What pairing reads of a tool: from its merged fields (or its stored JSON, same keys).
pair::PairTool pair_tool(const json& f, const dedupe::Identity& id, const std::string& name) {
  pair::PairTool t;
  t.id = id.id;
  t.slug = id.slug;
  t.name = name;
  auto text = [&](const char* key) {
    auto it = f.find(key);
    return it != f.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  t.category = text("category");
  t.kind = text("kind");
  t.vendor = text("vendor");
  if (auto p = f.find("price"); p != f.end() && p->is_object()) t.price_tier = str(*p, "tier");
  if (auto z = f.find("parameter_sizes"); z != f.end()) t.size = largest_size(*z);
  return t;
}

json tool_json(const dedupe::CanonicalTool& t, const dedupe::Identity& id, const std::string& created_at,
               const std::vector<std::string>& absorbed_slugs) {
  json merged = json::array();
  for (const auto& m : t.merged_from)
    merged.push_back({{"record", m.record}, {"name", m.name}, {"source_file", m.source_file},
                      {"joined_with", m.joined_with.empty() ? json(nullptr) : json(m.joined_with)},
                      {"reason", m.reason}});
  json j = {{"id", id.id},           {"slug", id.slug},         {"name", t.name},
            {"aliases", t.aliases},  {"variants", t.variants},  {"created_at", created_at},
            {"sources", t.sources},  {"source_urls", t.source_urls},
            {"conflicts", conflicts_json(t.conflicts)},         {"merged_from", merged},
            {"redirects_from", absorbed_slugs}, {"provenance", t.provenance}, {"format", kToolFormat}};
  for (const auto& [field, value] : t.fields.items()) j[field] = value;
  return j;
}


}  // namespace

Output build(const Input& in) {
  Output out;
  auto lap = [t = std::chrono::steady_clock::now()]() mutable {
    auto now = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(now - t).count();
    t = now;
    return s;
  };
  const std::size_t n = in.records.size();
  std::vector<dedupe::ClusterInput> inputs(n);
  std::unordered_map<std::string, std::vector<std::size_t>> by_name;  // lookup key -> records
  auto parse = [&](std::size_t i) { return json::parse(in.records[i].json, nullptr, /*allow_exceptions=*/false); };
  std::vector<dedupe::NameKey> name_keys(n);
  parallel_for(n, in.jobs, [&](std::size_t i) {
    auto& c = inputs[i];
    c.id = in.records[i].id;
    MatchFields sax(c.match);
    if (!json::sax_parse(in.records[i].json, &sax)) c.match = {};  // unreadable: nameless
    name_keys[i] = dedupe::analyse_name(c.match.name);
  });
  for (std::size_t i = 0; i < n; ++i)
    for (auto& k : lookup_keys(inputs[i].match.name)) by_name[k].push_back(i);
  out.stats.read_s = lap();
  auto records_named = [&](const std::string& name) {
    std::vector<std::size_t> found;
    for (auto& k : lookup_keys(name))
      if (auto it = by_name.find(k); it != by_name.end()) found.insert(found.end(), it->second.begin(), it->second.end());
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  };

  // Directives, oldest first; the newest per pair of names (or per renamed name) wins.
  out.directives = in.directives;
  std::vector<DirectiveRow*> order;
  for (auto& d : out.directives) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](const DirectiveRow* x, const DirectiveRow* y) {
    return x->date != y->date ? x->date < y->date : x->id < y->id;
  });
  std::map<NamePair, DirectiveRow*> link_rule, pair_rule;
  std::map<std::string, DirectiveRow*> rename_rule;
  for (auto* d : order) {
    DirectiveRow** slot = nullptr;
    if (d->action == "merge" || d->action == "split") slot = &link_rule[name_pair(d->a, d->b)];
    else if (d->action == "pair" || d->action == "never-pair") slot = &pair_rule[name_pair(d->a, d->b)];
    else if (d->action == "rename") slot = &rename_rule[dedupe::fold_key(d->a)];
    if (!slot) {
      d->status = "void";
      d->detail = "unknown action \"" + d->action + "\"";
      continue;
    }
    if (*slot) {
      (*slot)->status = "replaced";
      (*slot)->detail = "replaced by " + where(*d);
    }
    *slot = d;
  }

  // Cluster, with the editors' merges and splits.
  std::vector<dedupe::ForcedLink> forced;
  std::vector<DirectiveRow*> forced_rows;
  for (auto& [pair_names, d] : link_rule) {
    auto a = records_named(d->a), b = records_named(d->b);
    if (a.empty() || b.empty()) {
      d->status = "pending";
      d->detail = "waits for a tool named \"" + (a.empty() ? d->a : d->b) + "\"";
      continue;
    }
    bool merge = d->action == "merge";
    forced.push_back({a, b, merge, std::string(merge ? "editor merge (" : "editor split (") + where(*d) + ")"});
    forced_rows.push_back(d);
  }
  auto groups = dedupe::cluster(inputs, forced, in.jobs);
  out.stats.cluster_s = lap();
  std::vector<std::size_t> group_of(n);
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (auto i : groups[g].members) group_of[i] = g;
  auto groups_of = [&](const std::vector<std::size_t>& recs) {
    std::set<std::size_t> gs;
    for (auto i : recs) gs.insert(group_of[i]);
    return gs;
  };

  // Renames: the newest per tool.
  std::vector<std::string> rename(groups.size());
  for (auto& [key, d] : rename_rule) {
    auto gs = groups_of(records_named(d->a));
    if (gs.empty()) {
      d->status = "pending";
      d->detail = "waits for a tool named \"" + d->a + "\"";
      continue;
    }
    for (auto g : gs) rename[g] = d->b;
    d->status = "applied";
    d->detail = "\"" + d->a + "\" is shown as \"" + d->b + "\"";
  }

  std::vector<std::string> names(groups.size());
  parallel_for(groups.size(), in.jobs,
               [&](std::size_t g) { names[g] = dedupe::canonical_name(groups[g], inputs, rename[g], &name_keys); });

  // Identities.
  dedupe::KnownIdentities known;
  std::map<std::string, const ToolRow*> known_rows;
  std::int64_t next_seq = 1;
  for (const auto& t : in.tools) {
    known.tools[t.id] = {t.id, t.slug, t.seq};
    known_rows[t.id] = &t;
    next_seq = std::max(next_seq, t.seq + 1);
  }
  for (const auto& [rec, tool] : in.members) known.tool_of_record[rec] = tool;
  std::vector<dedupe::GroupIdentityInput> gid(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (auto i : groups[g].members) gid[g].records.push_back(inputs[i].id);
    std::sort(gid[g].records.begin(), gid[g].records.end());
    gid[g].name = names[g];
  }
  auto ids = dedupe::assign_identities(gid, known);

  // Where absorbed tools lead: tonight's absorptions, then older ones, followed to the end.
  std::map<std::string, std::string> absorbed_into;
  for (const auto& t : in.tools)
    if (!t.absorbed_into.empty()) absorbed_into[t.id] = t.absorbed_into;
  std::set<std::string> live;
  for (const auto& id : ids) {
    live.insert(id.id);
    absorbed_into.erase(id.id);  // revived
    for (const auto& a : id.absorbed) absorbed_into[a] = id.id;
  }
  auto survivor = [&](const std::string& id) { return catalogue::survivor(absorbed_into, id); };
  std::map<std::string, std::vector<std::string>> slugs_leading_to;
  for (const auto& t : in.tools)
    if (!live.count(t.id)) slugs_leading_to[survivor(t.id)].push_back(t.slug);

  // Each tool: its records parsed, merged, written out, then let go (in parallel, each tool
  // into its own slot).
  std::vector<pair::PairTool> pt(groups.size());
  std::vector<std::optional<ToolRow>> rows(groups.size());
  std::vector<std::string> first_seen(groups.size());
  std::vector<std::int64_t> known_seq(groups.size(), 0);
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (auto k = known_rows.find(ids[g].id); k != known_rows.end()) {
      known_seq[g] = k->second->seq;
      first_seen[g] = k->second->created_at;
    } else {
      first_seen[g] = in.today;
    }
  // A stored tool whose records, name and redirects are as they were keeps its stored form:
  // only tools that changed are merged again (the steady state of a nightly run).
  std::unordered_map<std::string, std::vector<std::string>> stored_members;
  for (const auto& [rec, tool] : in.members) stored_members[tool].push_back(rec);  // in.members is sorted
  auto unchanged = [&](std::size_t g, const std::vector<std::string>& redirects) -> std::optional<json> {
    auto k = known_rows.find(ids[g].id);
    if (k == known_rows.end() || !k->second->absorbed_into.empty() || k->second->name != names[g]) return {};
    auto m = stored_members.find(ids[g].id);
    if (m == stored_members.end() || m->second != gid[g].records) return {};
    json stored = json::parse(k->second->json, nullptr, false);
    if (!stored.is_object() || stored.value("format", 0) != kToolFormat ||
        stored.value("redirects_from", json::array()) != json(redirects))
      return {};
    return stored;
  };
  parallel_for(groups.size(), in.jobs, [&](std::size_t g) {
    const auto& id = ids[g];
    auto redirects = slugs_leading_to.count(id.id) ? slugs_leading_to.at(id.id) : std::vector<std::string>{};
    std::sort(redirects.begin(), redirects.end());
    if (auto stored = unchanged(g, redirects)) {
      pt[g] = pair_tool(*stored, id, names[g]);
      return;
    }
    std::vector<json> member_records;
    member_records.reserve(groups[g].members.size());
    for (auto i : groups[g].members) member_records.push_back(parse(i));
    auto canon = dedupe::canonical_tool(groups[g], inputs, member_records, rename[g], &name_keys);
    member_records = {};
    ToolRow row;
    row.id = id.id;
    row.slug = id.slug;
    row.name = canon.name;
    row.created_at = first_seen[g];
    row.json = tool_json(canon, id, row.created_at, redirects).dump(-1, ' ', false, json::error_handler_t::replace);
    auto k = known_rows.find(id.id);
    if (k == known_rows.end() || k->second->json != row.json || k->second->name != row.name ||
        !k->second->absorbed_into.empty())
      rows[g] = std::move(row);
    pt[g] = pair_tool(canon.fields, id, canon.name);
  });
  std::map<std::string, std::size_t> group_of_tool;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    group_of_tool[ids[g].id] = g;
    if (ids[g].is_new) ++out.stats.new_tools;
    if (rows[g]) {
      rows[g]->seq = known_seq[g] ? known_seq[g] : next_seq++;
      out.tools.push_back(std::move(*rows[g]));
    }
    for (auto i : groups[g].members) out.members.emplace_back(inputs[i].id, ids[g].id);
  }
  out.stats.tools_s = lap();
  for (const auto& t : in.tools)
    if (!live.count(t.id) && t.absorbed_into != absorbed_into[t.id]) {
      ToolRow row = t;
      row.absorbed_into = absorbed_into[t.id];
      row.json.clear();
      out.tools.push_back(row);
      ++out.stats.absorbed;
    }
  std::sort(out.members.begin(), out.members.end());

  // Merge/split statuses, now that the tools are known.
  for (std::size_t f = 0; f < forced.size(); ++f) {
    auto* d = forced_rows[f];
    auto ga = groups_of(forced[f].a), gb = groups_of(forced[f].b);
    bool one = ga.size() == 1 && ga == gb;
    d->status = "applied";
    d->detail = forced[f].together
                    ? (one ? "one tool: " + names[*ga.begin()]
                           : "could not be one tool (a split or a size sibling on either side)")
                    : (one ? "still one tool: a merge elsewhere joins them" : "kept apart");
    if (forced[f].together != one) d->status = "void";
  }

  // Tool lookup for pair rules: by record names and by the tools' own names.
  std::unordered_map<std::string, std::size_t> group_by_name;
  for (std::size_t g = 0; g < groups.size(); ++g) group_by_name.emplace(dedupe::fold_key(names[g]), g);
  auto tool_named = [&](const std::string& name) -> std::optional<std::size_t> {
    if (auto it = group_by_name.find(dedupe::fold_key(name)); it != group_by_name.end()) return it->second;
    auto gs = groups_of(records_named(name));
    if (gs.empty()) return std::nullopt;
    return *gs.begin();
  };
  std::vector<pair::EditorRule> rules;
  std::set<std::pair<std::string, std::string>> forbidden;
  std::map<std::pair<std::string, std::string>, DirectiveRow*> pin_rows;
  for (auto& [pair_names, d] : pair_rule) {
    auto ga = tool_named(d->a), gb = tool_named(d->b);
    if (!ga || !gb) {
      d->status = "pending";
      d->detail = "waits for a tool named \"" + (!ga ? d->a : d->b) + "\"";
      continue;
    }
    if (*ga == *gb) {
      d->status = "void";
      d->detail = "\"" + d->a + "\" and \"" + d->b + "\" are one tool (" + names[*ga] +
                  "); a tool is never compared with itself";
      continue;
    }
    bool pin = d->action == "pair";
    std::string a = ids[*ga].id, b = ids[*gb].id;
    if (b < a) std::swap(a, b);
    rules.push_back({a, b, pin, std::string(pin ? "editor pair (" : "editor never-pair (") + where(*d) + ")"});
    if (!pin) forbidden.insert({a, b});
    else pin_rows[{a, b}] = d;
    d->status = "applied";
    d->detail = pin ? "published" : "never published";
  }

  // Published comparisons, seen through merges; withdraw what no longer stands.
  std::vector<pair::Published> published;
  std::set<std::pair<std::string, std::string>> live_pairs;
  std::vector<const ComparisonRow*> by_date;
  for (const auto& c : in.comparisons) by_date.push_back(&c);
  std::sort(by_date.begin(), by_date.end(), [](const ComparisonRow* x, const ComparisonRow* y) {
    return x->published_on != y->published_on ? x->published_on < y->published_on : x->slug < y->slug;
  });
  std::map<std::pair<std::string, std::string>, const ComparisonRow*> slug_of_pair;
  for (const auto* c : by_date) {
    std::string a = survivor(c->a), b = survivor(c->b);
    if (b < a) std::swap(a, b);
    published.push_back({a, b, c->published_on});
    if (!c->withdrawn_on.empty()) continue;
    std::string why;
    if (a == b) {
      auto g = group_of_tool.find(a);
      why = "the two tools turned out to be one (" + (g != group_of_tool.end() ? names[g->second] : a) + ")";
    } else if (live_pairs.count({a, b})) {
      why = "the same two tools as " + slug_of_pair[{a, b}]->slug + " after a merge";
    } else if (forbidden.count({a, b})) {
      why = "an editor's never-pair";
    }
    if (why.empty()) {
      live_pairs.insert({a, b});
      slug_of_pair[{a, b}] = c;
      continue;
    }
    ComparisonRow w = *c;
    w.withdrawn_on = in.today;
    w.withdrawn_reason = why;
    out.comparisons.push_back(w);
    ++out.stats.withdrawn;
  }
  for (auto& [key, d] : pin_rows)
    if (live_pairs.count(key)) d->detail = "already published as " + slug_of_pair[key]->slug;

  // Tonight's choice.
  auto chosen = pair::choose_pairs(pt, published, rules, in.budget, in.today);
  std::set<std::string> slugs_used;
  for (const auto& c : in.comparisons) slugs_used.insert(c.slug);
  for (const auto& c : chosen.chosen) {
    const auto& ta = pt[group_of_tool[c.a]];
    const auto& tb = pt[group_of_tool[c.b]];
    ComparisonRow row;
    row.slug = pair::comparison_slug(ta.slug, tb.slug);
    for (int k = 2; slugs_used.count(row.slug); ++k) row.slug = pair::comparison_slug(ta.slug, tb.slug) + "-" + std::to_string(k);
    slugs_used.insert(row.slug);
    row.a = ta.slug < tb.slug ? ta.id : tb.id;
    row.b = ta.slug < tb.slug ? tb.id : ta.id;
    row.category = c.category;
    row.published_on = in.today;
    row.reason = c.reason;
    row.run_id = in.run_id;
    out.comparisons.push_back(row);
    if (auto p = pin_rows.find({std::min(c.a, c.b), std::max(c.a, c.b)}); p != pin_rows.end())
      p->second->detail = "published as " + row.slug;
  }

  out.stats.pair_s = lap();
  out.stats.records = n;
  out.stats.tools = groups.size();
  out.stats.new_comparisons = chosen.chosen.size();
  out.stats.held_by_budget = chosen.held_by_budget;
  out.stats.candidates = chosen.candidates;
  for (const auto& d : out.directives) {
    out.stats.directives_applied += d.status == "applied";
    out.stats.directives_pending += d.status == "pending";
  }
  return out;
}

}  // namespace tv::catalogue
