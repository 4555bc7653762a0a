#include "stages/dedupe/canonical.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "stages/normalise/fields/size.hpp"
#include "stages/normalise/fields/url.hpp"

namespace tv::dedupe {
namespace {

using nlohmann::json;

// Lower is more trusted. Values read from a field the site labels beat guesses from prose.
int trust(std::string_view rule) {
  auto starts = [&](std::string_view p) { return rule.substr(0, p.size()) == p; };
  if (rule.find("in prose") != std::string_view::npos || starts("category from kind") || starts("kind inferred"))
    return 4;
  if (starts("profile ")) return 0;
  if (starts("json-ld")) return 1;
  if (starts("meta") || starts("link")) return 2;
  return 3;
}

const char* const kFields[] = {"vendor",  "category",        "tagline", "description", "kind",
                               "license", "parameter_sizes", "price",   "source_url",  "homepage"};
const char* const kConflictFields[] = {"vendor", "category", "kind", "license", "price", "parameter_sizes"};

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A value as the members give it; points into the member records (no copy until chosen).
struct Candidate {
  const json* value = nullptr;
  std::vector<std::string> sources;               // in the order members give them
  std::vector<std::string> sites;                 // source_site of each source, same order
  std::unordered_set<std::string_view> seen;      // the sources, for lookup (views into records)
  std::string rule;
  int best_trust = 99;
  std::size_t first_rank = 0;  // first member (in id order) giving it
};

std::string_view view(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>()) : std::string_view();
}

bool before(const Candidate& a, const Candidate& b) {
  if (a.best_trust != b.best_trust) return a.best_trust < b.best_trust;
  if (a.sources.size() != b.sources.size()) return a.sources.size() > b.sources.size();
  return a.first_rank < b.first_rank;
}

// A parameter_sizes value (docs/records.md) as sizes, smallest total first; nullopt when it
// does not read as one (then it is only ever equal to itself).
std::optional<std::vector<fields::ParamSize>> sizes_of(const json& v) {
  if (!v.is_array() || v.empty()) return std::nullopt;
  std::vector<fields::ParamSize> out;
  for (const auto& j : v) {
    if (!j.is_object()) return std::nullopt;
    auto total = j.find("total");
    fields::ParamSize p;
    p.label = str(j, "label");
    if (total == j.end() || !total->is_number() || p.label.empty()) return std::nullopt;
    p.total = total->get<double>();
    if (auto a = j.find("active"); a != j.end() && a->is_number()) p.active = a->get<double>();
    if (auto e = j.find("experts"); e != j.end() && e->is_number_integer()) p.experts = e->get<int>();
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.total < b.total; });
  return out;
}

bool same_sizes(const std::vector<fields::ParamSize>& a, const std::vector<fields::ParamSize>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (!fields::same_size(a[k], b[k])) return false;
  return true;
}

int digits(const std::vector<fields::ParamSize>& sizes) {
  int n = 0;
  for (const auto& s : sizes) n += fields::size_digits(s);
  return n;
}

// Size values that are the same within rounding become one: the most precise label is kept
// (with its rule), and the sources of both are its sources, the precise value's first. Each
// value is held against the values kept so far, most trusted first; since "the same within
// rounding" is not transitive ("3B" is 2.96B and 3.08B, which differ), a value is compared
// with the precise label a kept value shows, so what the page shows never hides a conflict.
void fold_same_sizes(std::vector<Candidate>& c) {
  std::vector<Candidate> kept;
  std::vector<std::optional<std::vector<fields::ParamSize>>> kept_sizes;
  for (auto& x : c) {
    auto sizes = sizes_of(*x.value);
    std::size_t k = kept.size();
    if (sizes)
      for (k = 0; k < kept.size(); ++k)
        if (kept_sizes[k] && same_sizes(*sizes, *kept_sizes[k])) break;
    if (k == kept.size()) {
      kept.push_back(std::move(x));
      kept_sizes.push_back(std::move(sizes));
      continue;
    }
    Candidate& into = kept[k];
    Candidate* first = &into;
    Candidate* second = &x;
    if (digits(*sizes) > digits(*kept_sizes[k])) {
      into.value = x.value;
      into.rule = x.rule;
      kept_sizes[k] = std::move(sizes);
      std::swap(first, second);
    }
    std::vector<std::string> sources, sites;
    std::unordered_set<std::string_view> seen;
    for (Candidate* from : {first, second})
      for (std::size_t s = 0; s < from->sources.size(); ++s)
        if (seen.insert(from->sources[s]).second) {
          sources.push_back(from->sources[s]);
          sites.push_back(from->sites[s]);
        }
    into.seen.insert(x.seen.begin(), x.seen.end());
    into.sources = std::move(sources);
    into.sites = std::move(sites);
    into.best_trust = std::min(into.best_trust, x.best_trust);
    into.first_rank = std::min(into.first_rank, x.first_rank);
  }
  c = std::move(kept);
  std::stable_sort(c.begin(), c.end(), before);
}

// The values members give for one field, most trusted first; `sites[r]` is source_site of
// records[r].
std::vector<Candidate> candidates(const char* field, const std::vector<json>& records,
                                  const std::vector<std::string>& sites) {
  std::vector<Candidate> out;
  // Values are found by hash: a tool scraped a hundred times with a hundred descriptions must
  // not compare every description with every other.
  std::unordered_multimap<std::size_t, std::size_t> by_hash;  // value hash -> index in out
  for (std::size_t r = 0; r < records.size(); ++r) {
    const json& rec = records[r];
    auto it = rec.find(field);
    if (it == rec.end() || it->is_null()) continue;
    const json* pv = nullptr;
    if (auto p = rec.find("provenance"); p != rec.end() && p->is_object())
      if (auto f = p->find(field); f != p->end()) pv = &*f;
    std::string_view rule = pv ? view(*pv, "rule") : std::string_view();
    std::string_view file = pv ? view(*pv, "file") : view(rec, "source_file");
    const std::size_t h = std::hash<json>{}(*it);
    auto c = out.end();
    for (auto [b, e] = by_hash.equal_range(h); b != e; ++b)
      if (*out[b->second].value == *it) c = out.begin() + std::ptrdiff_t(b->second);
    if (c == out.end()) {
      by_hash.emplace(h, out.size());
      out.push_back({&*it, {}, {}, {}, std::string(rule), trust(rule), r});
      c = out.end() - 1;
    } else if (trust(rule) < c->best_trust) {
      c->best_trust = trust(rule);
      c->rule = rule;
    }
    if (c->seen.insert(file).second) {
      c->sources.push_back(std::string(file));
      c->sites.push_back(sites[r]);
    }
  }
  std::stable_sort(out.begin(), out.end(), before);
  if (std::string_view(field) == "parameter_sizes" && out.size() > 1) fold_same_sizes(out);
  return out;
}

// The name after an "org/" prefix: "HuggingFaceTB/SmolVLM-3B" -> "SmolVLM-3B".
std::string without_org(const std::string& display) {
  auto slash = display.rfind('/');
  return slash == std::string::npos || display.find(' ', 0) < slash ? display : display.substr(slash + 1);
}

std::string pick_name(const std::vector<NameKey>& names) {
  // A tool every member names with a size is known by that size ("SmolVLM-3B", not the
  // "SmolVLM" family it belongs to): pick among whole names, fewest qualifiers first.
  bool always_sized = !names.empty() && std::all_of(names.begin(), names.end(), [](const NameKey& n) {
    return !n.sizes.empty();
  });
  std::map<std::string, int> count, qualifiers, modes;
  std::set<std::string> whole;
  for (const auto& n : names) {
    std::string form = always_sized ? without_org(n.display) : n.family;
    if (form.empty()) continue;
    ++count[form];
    qualifiers[form] = always_sized ? int(n.qualifiers.size()) : 0;
    modes[form] = n.mode ? 1 : 0;
    if (n.display == n.family) whole.insert(form);
  }
  if (count.empty()) return names.empty() ? std::string() : names.front().display;
  auto better = [&](const std::string& a, const std::string& b) {  // a better than b?
    if (qualifiers[a] != qualifiers[b]) return qualifiers[a] < qualifiers[b];
    // "Claude 3.7 Sonnet (thinking)" is a mode of the tool, never its name.
    if (modes[a] != modes[b]) return modes[a] < modes[b];
    if (count[a] != count[b]) return count[a] > count[b];
    if (whole.count(a) != whole.count(b)) return whole.count(a) > whole.count(b);
    if (a.size() != b.size()) return always_sized ? a.size() < b.size() : a.size() > b.size();
    return a < b;
  };
  std::string best = count.begin()->first;
  for (const auto& [form, _] : count)
    if (better(form, best)) best = form;
  return best;
}

}  // namespace

namespace {

std::vector<NameKey> member_names(const Group& group, const std::vector<ClusterInput>& inputs,
                                  const std::vector<NameKey>* known) {
  std::vector<NameKey> names;
  names.reserve(group.members.size());
  for (auto i : group.members) names.push_back(known ? (*known)[i] : analyse_name(inputs[i].match.name));
  return names;
}

}  // namespace

std::string source_site(const json& record, const FileSet* editor_files) {
  // An editor's file first: what an editor wrote is theirs even when it cites a page.
  if (editor_files && editor_files->count(view(record, "source_file"))) return std::string(kEditorsFile);
  if (auto host = fields::url_host(view(record, "source_url")); !host.empty()) return host;
  return std::string(kScrapedPage);
}

std::string canonical_name(const Group& group, const std::vector<ClusterInput>& inputs, const std::string& rename,
                           const std::vector<NameKey>* known) {
  return rename.empty() ? pick_name(member_names(group, inputs, known)) : rename;
}

CanonicalTool canonical_tool(const Group& group, const std::vector<ClusterInput>& inputs,
                             const std::vector<json>& records, const std::string& rename,
                             const std::vector<NameKey>* known, const FileSet* editor_files) {
  CanonicalTool t;
  const std::vector<NameKey> names = member_names(group, inputs, known);
  t.name = rename.empty() ? pick_name(names) : rename;
  std::unordered_map<std::size_t, std::size_t> pos;  // input index -> position in `records`
  for (std::size_t k = 0; k < group.members.size(); ++k) pos.emplace(group.members[k], k);
  auto rec = [&](std::size_t input) -> const json& { return records[pos.at(input)]; };
  t.key = fold_key(t.name);

  // The family form is an alias only when the tool is the family ("SmolVLM" is not another
  // name of "SmolVLM-3B": it names the whole family).
  bool always_sized = std::all_of(names.begin(), names.end(), [](const NameKey& n) { return !n.sizes.empty(); });
  std::set<std::string> aliases, variants, sources, urls;
  for (const auto& n : names) {
    for (const auto* s : {&n.display, &n.family})
      if (!s->empty() && *s != t.name && (s == &n.display || !always_sized)) aliases.insert(*s);
    if (!n.sizes.empty() || !n.qualifiers.empty() || n.mode) variants.insert(n.display);
  }
  for (auto i : group.members) {
    t.members.push_back(inputs[i].id);
    sources.insert(str(rec(i), "source_file"));
    if (auto u = str(rec(i), "source_url"); !u.empty()) urls.insert(u);
  }
  std::sort(t.members.begin(), t.members.end());
  t.aliases.assign(aliases.begin(), aliases.end());
  t.variants.assign(variants.begin(), variants.end());
  t.sources.assign(sources.begin(), sources.end());
  t.source_urls.assign(urls.begin(), urls.end());

  std::vector<std::string> sites;
  sites.reserve(records.size());
  for (const auto& r : records) sites.push_back(source_site(r, editor_files));
  for (const char* field : kFields) {
    auto c = candidates(field, records, sites);
    if (c.empty()) {
      t.fields[field] = nullptr;
      continue;
    }
    t.fields[field] = *c.front().value;
    t.provenance[field] = {{"file", c.front().sources.front()}, {"site", c.front().sites.front()}, {"rule", c.front().rule}};
    bool conflicting = std::find_if(std::begin(kConflictFields), std::end(kConflictFields), [&](const char* f) {
                         return std::string_view(f) == field;
                       }) != std::end(kConflictFields);
    if (conflicting && c.size() > 1) {
      Conflict k{field, {}};
      for (auto& x : c) k.values.push_back({*x.value, std::move(x.sources), std::move(x.rule), std::move(x.sites)});
      t.conflicts.push_back(std::move(k));
    }
  }

  // The merge record: the first member, then each join in the order it was made.
  auto name_of = [&](std::size_t i) { return inputs[i].match.name; };
  auto first = group.members.front();
  t.merged_from.push_back({inputs[first].id, name_of(first), str(rec(first), "source_file"),
                           source_site(rec(first), editor_files), "", "first record"});
  for (const auto& j : group.joins)
    t.merged_from.push_back({inputs[j.member].id, name_of(j.member), str(rec(j.member), "source_file"),
                             source_site(rec(j.member), editor_files), name_of(j.with), j.why});
  return t;
}

std::string slugify(const std::string& name) {
  std::string out;
  bool dash = false;
  for (unsigned char c : name) {
    if (c == '+') {
      if (!out.empty()) out += '-';
      out += "plus";
      dash = true;
      continue;
    }
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (alnum) {
      if (dash && !out.empty() && out.back() != '-') out += '-';
      out += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
      dash = false;
    } else {
      dash = true;
    }
    if (out.size() >= 80) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace tv::dedupe
