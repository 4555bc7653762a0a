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
using dedupe::lookup_keys;

using NamePair = std::pair<std::string, std::string>;
NamePair name_pair(const std::string& a, const std::string& b) {
  auto x = dedupe::fold_key(a), y = dedupe::fold_key(b);
  return x < y ? NamePair{x, y} : NamePair{y, x};
}

json conflicts_json(const std::vector<dedupe::Conflict>& conflicts) {
  json out = json::array();
  for (const auto& c : conflicts) {
    json values = json::array();
    for (const auto& v : c.values)
      values.push_back({{"value", v.value}, {"sources", v.sources}, {"sites", v.sites}, {"rule", v.rule}});
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
// 2 (issue 15): conflict values, provenance and merged_from carry sites; sizes the same within
// rounding are one value; a mode never names a tool (modes are variants).
constexpr int kToolFormat = 2;

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
    merged.push_back({{"record", m.record}, {"name", m.name}, {"source_file", m.source_file}, {"site", m.site},
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


// One night's catalogue, step by step. Each step reads what the earlier ones left in the
// fields below and adds its own; build() runs them in order.
class Night {
 public:
  Night(const Input& in, Output& out) : in_(in), out_(out), n_(in.records.size()) {}

  void run() {
    read_records();
    out_.stats.read_s = lap();
    rank_directives();
    cluster_records();
    out_.stats.cluster_s = lap();
    name_tools();
    assign_identities();
    build_tools();
    record_absorbed();
    out_.stats.tools_s = lap();
    settle_links();
    resolve_pair_rules();
    review_published();
    choose_tonight();
    out_.stats.pair_s = lap();
    count();
  }

 private:
  using IdPair = std::pair<std::string, std::string>;  // tool ids in byte order

  const Input& in_;
  Output& out_;
  const std::size_t n_;
  std::chrono::steady_clock::time_point t_ = std::chrono::steady_clock::now();

  // read_records
  std::vector<dedupe::ClusterInput> inputs_;
  std::vector<dedupe::NameKey> name_keys_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name_;  // lookup key -> records
  // rank_directives: the newest directive per question
  std::map<NamePair, DirectiveRow*> link_rule_, pair_rule_;
  std::map<std::string, DirectiveRow*> rename_rule_;
  // cluster_records
  std::vector<dedupe::ForcedLink> forced_;
  std::vector<DirectiveRow*> forced_rows_;
  std::vector<dedupe::Group> groups_;
  std::vector<std::size_t> group_of_;  // record -> group
  // name_tools
  std::vector<std::string> rename_, names_;
  // assign_identities
  std::map<std::string, const ToolRow*> known_rows_;
  std::int64_t next_seq_ = 1;
  std::vector<dedupe::GroupIdentityInput> gid_;
  std::vector<dedupe::Identity> ids_;
  std::map<std::string, std::string> absorbed_into_;
  std::set<std::string> live_;
  std::map<std::string, std::vector<std::string>> slugs_leading_to_;
  // build_tools
  dedupe::FileSet editor_files_;  // the inbox files that are directives: their records are an editor's
  std::vector<pair::PairTool> pt_;
  std::map<std::string, std::size_t> group_of_tool_;
  // resolve_pair_rules
  std::vector<pair::EditorRule> rules_;
  std::set<IdPair> forbidden_;
  std::map<IdPair, DirectiveRow*> pin_rows_;
  // review_published
  std::vector<pair::Published> published_;
  std::set<IdPair> live_pairs_;
  std::map<IdPair, const ComparisonRow*> slug_of_pair_;

  double lap() {
    auto now = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(now - t_).count();
    t_ = now;
    return s;
  }
  json parse(std::size_t i) const { return json::parse(in_.records[i].json, nullptr, /*allow_exceptions=*/false); }
  std::string survivor(const std::string& id) const { return catalogue::survivor(absorbed_into_, id); }

  std::vector<std::size_t> records_named(const std::string& name) const {
    std::vector<std::size_t> found;
    for (auto& k : lookup_keys(name))
      if (auto it = by_name_.find(k); it != by_name_.end()) found.insert(found.end(), it->second.begin(), it->second.end());
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  }
  std::set<std::size_t> groups_of(const std::vector<std::size_t>& recs) const {
    std::set<std::size_t> gs;
    for (auto i : recs) gs.insert(group_of_[i]);
    return gs;
  }

  // The match fields of every record (a SAX pass, no tree), and its names.
  void read_records() {
    inputs_.resize(n_);
    name_keys_.resize(n_);
    parallel_for(n_, in_.jobs, [&](std::size_t i) {
      auto& c = inputs_[i];
      c.id = in_.records[i].id;
      MatchFields sax(c.match);
      if (!json::sax_parse(in_.records[i].json, &sax)) c.match = {};  // unreadable: nameless
      name_keys_[i] = dedupe::analyse_name(c.match.name);
    });
    for (std::size_t i = 0; i < n_; ++i)
      for (auto& k : lookup_keys(inputs_[i].match.name)) by_name_[k].push_back(i);
  }

  // Directives, oldest first; the newest per pair of names (or per renamed name) wins.
  void rank_directives() {
    out_.directives = in_.directives;
    std::vector<DirectiveRow*> order;
    for (auto& d : out_.directives) order.push_back(&d);
    std::stable_sort(order.begin(), order.end(), [](const DirectiveRow* x, const DirectiveRow* y) {
      return x->date != y->date ? x->date < y->date : x->id < y->id;
    });
    for (auto* d : order) {
      DirectiveRow** slot = nullptr;
      if (d->action == "merge" || d->action == "split") slot = &link_rule_[name_pair(d->a, d->b)];
      else if (d->action == "pair" || d->action == "never-pair") slot = &pair_rule_[name_pair(d->a, d->b)];
      else if (d->action == "rename") slot = &rename_rule_[dedupe::fold_key(d->a)];
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
  }

  // Cluster, with the editors' merges and splits.
  void cluster_records() {
    for (auto& [names, d] : link_rule_) {
      auto a = records_named(d->a), b = records_named(d->b);
      if (a.empty() || b.empty()) {
        d->status = "pending";
        d->detail = "waits for a tool named \"" + (a.empty() ? d->a : d->b) + "\"";
        continue;
      }
      bool merge = d->action == "merge";
      forced_.push_back({a, b, merge, std::string(merge ? "editor merge (" : "editor split (") + where(*d) + ")"});
      forced_rows_.push_back(d);
    }
    groups_ = dedupe::cluster(inputs_, forced_, in_.jobs);
    group_of_.resize(n_);
    for (std::size_t g = 0; g < groups_.size(); ++g)
      for (auto i : groups_[g].members) group_of_[i] = g;
  }

  // Renames (the newest per tool), then each tool's name.
  void name_tools() {
    rename_.resize(groups_.size());
    for (auto& [key, d] : rename_rule_) {
      auto gs = groups_of(records_named(d->a));
      if (gs.empty()) {
        d->status = "pending";
        d->detail = "waits for a tool named \"" + d->a + "\"";
        continue;
      }
      for (auto g : gs) rename_[g] = d->b;
      d->status = "applied";
      d->detail = "\"" + d->a + "\" is shown as \"" + d->b + "\"";
    }
    names_.resize(groups_.size());
    parallel_for(groups_.size(), in_.jobs, [&](std::size_t g) {
      names_[g] = dedupe::canonical_name(groups_[g], inputs_, rename_[g], &name_keys_);
    });
  }

  // Ids and slugs kept from history; where absorbed tools lead.
  void assign_identities() {
    dedupe::KnownIdentities known;
    for (const auto& t : in_.tools) {
      known.tools[t.id] = {t.id, t.slug, t.seq};
      known_rows_[t.id] = &t;
      next_seq_ = std::max(next_seq_, t.seq + 1);
    }
    for (const auto& [rec, tool] : in_.members) known.tool_of_record[rec] = tool;
    gid_.resize(groups_.size());
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      for (auto i : groups_[g].members) gid_[g].records.push_back(inputs_[i].id);
      std::sort(gid_[g].records.begin(), gid_[g].records.end());
      gid_[g].name = names_[g];
    }
    ids_ = dedupe::assign_identities(gid_, known);

    // Tonight's absorptions, then older ones, followed to the end.
    for (const auto& t : in_.tools)
      if (!t.absorbed_into.empty()) absorbed_into_[t.id] = t.absorbed_into;
    for (const auto& id : ids_) {
      live_.insert(id.id);
      absorbed_into_.erase(id.id);  // revived
      for (const auto& a : id.absorbed) absorbed_into_[a] = id.id;
    }
    for (const auto& t : in_.tools)
      if (!live_.count(t.id)) slugs_leading_to_[survivor(t.id)].push_back(t.slug);
  }

  // The stored form of a tool whose records, name and redirects are as they were: only tools
  // that changed are merged again (the steady state of a nightly run).
  std::optional<json> unchanged(std::size_t g, const std::vector<std::string>& redirects,
                                const std::unordered_map<std::string, std::vector<std::string>>& stored_members) const {
    auto k = known_rows_.find(ids_[g].id);
    if (k == known_rows_.end() || !k->second->absorbed_into.empty() || k->second->name != names_[g]) return {};
    auto m = stored_members.find(ids_[g].id);
    if (m == stored_members.end() || m->second != gid_[g].records) return {};
    json stored = json::parse(k->second->json, nullptr, false);
    if (!stored.is_object() || stored.value("format", 0) != kToolFormat ||
        stored.value("redirects_from", json::array()) != json(redirects))
      return {};
    return stored;
  }

  // Each tool: its records parsed, merged, written out, then let go (in parallel, each tool
  // into its own slot).
  void build_tools() {
    std::unordered_map<std::string, std::vector<std::string>> stored_members;
    for (const auto& [rec, tool] : in_.members) stored_members[tool].push_back(rec);  // in.members is sorted
    for (const auto& d : in_.directives) editor_files_.insert(d.file);
    pt_.resize(groups_.size());
    std::vector<std::optional<ToolRow>> rows(groups_.size());
    parallel_for(groups_.size(), in_.jobs, [&](std::size_t g) {
      const auto& id = ids_[g];
      auto redirects = slugs_leading_to_.count(id.id) ? slugs_leading_to_.at(id.id) : std::vector<std::string>{};
      std::sort(redirects.begin(), redirects.end());
      if (auto stored = unchanged(g, redirects, stored_members)) {
        pt_[g] = pair_tool(*stored, id, names_[g]);
        return;
      }
      std::vector<json> member_records;
      member_records.reserve(groups_[g].members.size());
      for (auto i : groups_[g].members) member_records.push_back(parse(i));
      auto canon = dedupe::canonical_tool(groups_[g], inputs_, member_records, rename_[g], &name_keys_, &editor_files_);
      member_records = {};
      auto k = known_rows_.find(id.id);
      ToolRow row;
      row.id = id.id;
      row.slug = id.slug;
      row.name = canon.name;
      row.created_at = k != known_rows_.end() ? k->second->created_at : in_.today;
      row.json = tool_json(canon, id, row.created_at, redirects).dump(-1, ' ', false, json::error_handler_t::replace);
      if (k == known_rows_.end() || k->second->json != row.json || k->second->name != row.name ||
          !k->second->absorbed_into.empty()) {
        row.seq = k != known_rows_.end() ? k->second->seq : 0;  // new tools numbered below, in order
        rows[g] = std::move(row);
      }
      pt_[g] = pair_tool(canon.fields, id, canon.name);
    });
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      group_of_tool_[ids_[g].id] = g;
      if (ids_[g].is_new) ++out_.stats.new_tools;
      if (rows[g]) {
        if (rows[g]->seq == 0) rows[g]->seq = next_seq_++;
        out_.tools.push_back(std::move(*rows[g]));
      }
      for (auto i : groups_[g].members) out_.members.emplace_back(inputs_[i].id, ids_[g].id);
    }
    std::sort(out_.members.begin(), out_.members.end());
  }

  // Known tools merged into another tonight.
  void record_absorbed() {
    for (const auto& t : in_.tools) {
      if (live_.count(t.id)) continue;
      auto into = absorbed_into_.find(t.id);
      if (into == absorbed_into_.end() || t.absorbed_into == into->second) continue;
      ToolRow row = t;
      row.absorbed_into = into->second;
      row.json.clear();
      out_.tools.push_back(row);
      ++out_.stats.absorbed;
    }
  }

  // Merge/split statuses, now that the tools are known.
  void settle_links() {
    for (std::size_t f = 0; f < forced_.size(); ++f) {
      auto* d = forced_rows_[f];
      auto ga = groups_of(forced_[f].a), gb = groups_of(forced_[f].b);
      bool one = ga.size() == 1 && ga == gb;
      d->status = "applied";
      d->detail = forced_[f].together
                      ? (one ? "one tool: " + names_[*ga.begin()]
                             : "could not be one tool (a split or a size sibling on either side)")
                      : (one ? "still one tool: a merge elsewhere joins them" : "kept apart");
      if (forced_[f].together != one) d->status = "void";
    }
  }

  // Pair and never-pair directives, resolved to tools: by the tools' own names, then by
  // record names.
  void resolve_pair_rules() {
    std::unordered_map<std::string, std::size_t> group_by_name;
    for (std::size_t g = 0; g < groups_.size(); ++g) group_by_name.emplace(dedupe::fold_key(names_[g]), g);
    auto tool_named = [&](const std::string& name) -> std::optional<std::size_t> {
      if (auto it = group_by_name.find(dedupe::fold_key(name)); it != group_by_name.end()) return it->second;
      auto gs = groups_of(records_named(name));
      if (gs.empty()) return std::nullopt;
      return *gs.begin();
    };
    for (auto& [names, d] : pair_rule_) {
      auto ga = tool_named(d->a), gb = tool_named(d->b);
      if (!ga || !gb) {
        d->status = "pending";
        d->detail = "waits for a tool named \"" + (!ga ? d->a : d->b) + "\"";
        continue;
      }
      if (*ga == *gb) {
        d->status = "void";
        d->detail = "\"" + d->a + "\" and \"" + d->b + "\" are one tool (" + names_[*ga] +
                    "); a tool is never compared with itself";
        continue;
      }
      bool pin = d->action == "pair";
      std::string a = ids_[*ga].id, b = ids_[*gb].id;
      if (b < a) std::swap(a, b);
      rules_.push_back({a, b, pin, std::string(pin ? "editor pair (" : "editor never-pair (") + where(*d) + ")"});
      if (!pin) forbidden_.insert({a, b});
      else pin_rows_[{a, b}] = d;
      d->status = "applied";
      d->detail = pin ? "published" : "never published";
    }
  }

  // Published comparisons, seen through merges; withdraw what no longer stands.
  void review_published() {
    std::vector<const ComparisonRow*> by_date;
    for (const auto& c : in_.comparisons) by_date.push_back(&c);
    std::sort(by_date.begin(), by_date.end(), [](const ComparisonRow* x, const ComparisonRow* y) {
      return x->published_on != y->published_on ? x->published_on < y->published_on : x->slug < y->slug;
    });
    for (const auto* c : by_date) {
      std::string a = survivor(c->a), b = survivor(c->b);
      if (b < a) std::swap(a, b);
      published_.push_back({a, b, c->published_on});
      if (!c->withdrawn_on.empty()) continue;
      std::string why;
      if (a == b) {
        auto g = group_of_tool_.find(a);
        why = "the two tools turned out to be one (" + (g != group_of_tool_.end() ? names_[g->second] : a) + ")";
      } else if (live_pairs_.count({a, b})) {
        why = "the same two tools as " + slug_of_pair_[{a, b}]->slug + " after a merge";
      } else if (forbidden_.count({a, b})) {
        why = "an editor's never-pair";
      }
      if (why.empty()) {
        live_pairs_.insert({a, b});
        slug_of_pair_[{a, b}] = c;
        continue;
      }
      ComparisonRow w = *c;
      w.withdrawn_on = in_.today;
      w.withdrawn_reason = why;
      out_.comparisons.push_back(w);
      ++out_.stats.withdrawn;
    }
    for (auto& [key, d] : pin_rows_)
      if (live_pairs_.count(key)) d->detail = "already published as " + slug_of_pair_[key]->slug;
  }

  // Tonight's new comparisons.
  void choose_tonight() {
    auto chosen = pair::choose_pairs(pt_, published_, rules_, in_.budget, in_.today);
    std::set<std::string> slugs_used;
    for (const auto& c : in_.comparisons) slugs_used.insert(c.slug);
    for (const auto& c : chosen.chosen) {
      const auto& ta = pt_[group_of_tool_[c.a]];
      const auto& tb = pt_[group_of_tool_[c.b]];
      ComparisonRow row;
      const std::string base = pair::comparison_slug(ta.slug, tb.slug);
      row.slug = base;
      for (int k = 2; slugs_used.count(row.slug); ++k) row.slug = base + "-" + std::to_string(k);
      slugs_used.insert(row.slug);
      row.a = ta.slug < tb.slug ? ta.id : tb.id;
      row.b = ta.slug < tb.slug ? tb.id : ta.id;
      row.category = c.category;
      row.published_on = in_.today;
      row.reason = c.reason;
      row.run_id = in_.run_id;
      out_.comparisons.push_back(row);
      if (auto p = pin_rows_.find({std::min(c.a, c.b), std::max(c.a, c.b)}); p != pin_rows_.end())
        p->second->detail = "published as " + row.slug;
    }
    out_.stats.new_comparisons = chosen.chosen.size();
    out_.stats.held_by_budget = chosen.held_by_budget;
    out_.stats.candidates = chosen.candidates;
  }

  void count() {
    out_.stats.records = n_;
    out_.stats.tools = groups_.size();
    for (const auto& d : out_.directives) {
      out_.stats.directives_applied += d.status == "applied";
      out_.stats.directives_pending += d.status == "pending";
    }
  }
};

}  // namespace

Output build(const Input& in) {
  Output out;
  Night(in, out).run();
  return out;
}

}  // namespace tv::catalogue
