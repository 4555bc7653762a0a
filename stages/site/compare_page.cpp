// The comparison page: two tool cards, the panel verdict, the pricing read, the reviewer
// split and scorecard, the community vote comparison, and the facts table with conflicts.
#include "stages/site/pages.hpp"

namespace tv::site {
namespace {

std::string verdict_label(const std::string& v) {
  if (v == "ship") return "Panel: ship";
  if (v == "skip") return "Panel: skip";
  if (v == "split") return "Panel: split";
  return "Not reviewed";
}

const json* review_by(const json& tool, const std::string& reviewer) {
  if (auto it = tool.find("reviews"); it != tool.end() && it->is_array())
    for (auto& r : *it)
      if (str(r, "reviewer") == reviewer) return &r;
  return nullptr;
}

Data quote_data(const json* r) {
  Data d;
  d.set("has", r != nullptr);
  d.set("quote", r ? str(*r, "quote") : "");
  std::string v = r ? str(*r, "verdict") : "";
  d.set("verdict", v == "ship" ? "Ship" : v == "skip" ? "Skip" : "");
  d.set("verdict_class", v);
  d.set("date", r ? str(*r, "date") : "");
  return d;
}

std::string share_words(const Tally& t) {
  return std::to_string(t.ship) + " of " + std::to_string(t.total) + " reviewer" + (t.total == 1 ? "" : "s");
}

std::string panel_read(const std::string& an, const Tally& a, const std::string& bn, const Tally& b) {
  if (!a.any() && !b.any()) return "The panel has not reviewed either tool yet.";
  if (!b.any()) return "Only " + an + " has been reviewed so far: " + share_words(a) + " would ship it.";
  if (!a.any()) return "Only " + bn + " has been reviewed so far: " + share_words(b) + " would ship it.";
  long l = long(a.ship) * b.total, r = long(b.ship) * a.total;
  if (l == r) return "The panel rates them evenly: " + share_words(a) + " ship " + an + ", " + share_words(b) + " ship " + bn + ".";
  const bool left = l > r;
  return "The panel leans " + (left ? an : bn) + ": " + share_words(left ? a : b) + " would ship it, against " +
         share_words(left ? b : a) + " for " + (left ? bn : an) + ".";
}

std::string pricing_read(const std::string& an, const json& a, const std::string& bn, const json& b) {
  auto tier = [](const json& t) { auto it = t.find("price"); return it != t.end() && it->is_object() ? str(*it, "tier") : ""; };
  auto one = [&](const std::string& name, const json& t) {
    auto tr = tier(t);
    if (tr.empty()) return name + " lists no price";
    if (tr == "free") return name + " is free";
    return name + " starts at " + price_text(t);
  };
  std::string ta = tier(a), tb = tier(b);
  if (ta.empty() && tb.empty()) return "Neither lists a price yet.";
  if (ta == "free" && tb == "free") return "Both are free to use: the cost is the compute you run them on.";
  return one(an, a) + "; " + one(bn, b) + ".";
}

std::string community_read(const std::string& an, const Tally& a, const std::string& bn, const Tally& b) {
  auto one = [](const std::string& n, const Tally& t) {
    return t.any() ? n + ": " + std::to_string(t.percent()) + "% ship from " + std::to_string(t.total) +
                         (t.total == 1 ? " vote" : " votes")
                   : n + ": no votes yet";
  };
  std::string s = one(an, a) + "; " + one(bn, b) + ".";
  if (a.any() && b.any() && a.percent() != b.percent())
    s += " Readers lean " + (a.percent() > b.percent() ? an : bn) + ".";
  return s;
}

// "The Builder and The Futurist ship both; The Skeptic ships only X."
std::string split_read(const Index& ix, const json& a, const json& b, const std::string& an, const std::string& bn) {
  // (verb, object) -> reviewers, in the order first met; the verb agrees with their number.
  std::vector<std::pair<std::pair<std::string, std::string>, std::vector<std::string>>> groups;
  auto add = [&](const std::string& verb, const std::string& object, const std::string& who) {
    for (auto& g : groups)
      if (g.first == std::pair{verb, object}) return g.second.push_back(who);
    groups.push_back({{verb, object}, {who}});
  };
  for (auto& rv : ix.reviewers) {
    const json *ra = review_by(a, rv.id), *rb = review_by(b, rv.id);
    std::string va = ra ? str(*ra, "verdict") : "", vb = rb ? str(*rb, "verdict") : "";
    if (va.empty() && vb.empty()) continue;
    if (va == vb) add(va, "both", rv.name);
    else if (va == "ship" && vb == "skip") add("ship", "only " + an, rv.name);
    else if (va == "skip" && vb == "ship") add("ship", "only " + bn, rv.name);
    else add(va.empty() ? vb : va, (va.empty() ? bn : an) + " (and has not reviewed " + (va.empty() ? an : bn) + ")", rv.name);
  }
  if (groups.empty()) return "No reviewer has weighed in yet.";
  std::string out;
  for (auto& [what, who] : groups) {
    std::string names;
    for (std::size_t i = 0; i < who.size(); ++i)
      names += (i == 0 ? "" : i + 1 == who.size() ? " and " : ", ") + who[i];
    out += (out.empty() ? "" : "; ") + names + " " + what.first + (who.size() == 1 ? "s " : " ") + what.second;
  }
  out[0] = char(std::toupper(static_cast<unsigned char>(out[0])));
  return out + ".";
}

// One cell of the facts table: the value, and when the sources disagree, every value with
// the sites it came from (never the inbox files: this page is the reader's).
Data fact_cell(const json& tool, const std::string& field, const std::string& shown) {
  Data d;
  d.set("value", shown);
  Data values(Data::type::list);
  bool conflict = false;
  if (auto it = tool.find("conflicts"); it != tool.end() && it->is_array())
    for (auto& c : *it)
      if (str(c, "field") == field) {
        conflict = true;
        values = conflict_values(c, SourcesFor::readers);
      }
  d.set("conflict", conflict);
  d.set("values", values);
  return d;
}

Data facts(const json& a, const json& b) {
  Data list(Data::type::list);
  for (auto& r : fact_rows()) {
    Data row;
    row.set("label", r.label);
    row.set("a", fact_cell(a, r.field, r.text(a)));
    row.set("b", fact_cell(b, r.field, r.text(b)));
    list.push_back(row);
  }
  return list;
}

}  // namespace

Data card_data(const json& tool) {
  Data d;
  auto panel = panel_tally(tool), community = community_tally(tool);
  auto verdict = panel_verdict(panel);
  d.set("name", str(tool, "name"));
  d.set("url", tool_url(str(tool, "slug")));
  auto category = str(tool, "category");
  d.set("category", category.empty() ? "Uncategorised" : category);
  d.set("tagline", str(tool, "tagline"));
  d.set("has_tagline", !str(tool, "tagline").empty());
  d.set("description", str(tool, "description"));
  d.set("has_description", !str(tool, "description").empty());
  d.set("price", price_text(tool));
  d.set("panel", tally_data(panel, false));
  d.set("community", tally_data(community, true));
  d.set("verdict", verdict);
  d.set("verdict_label", verdict_label(verdict));
  return d;
}

Data comparison_page(const Index& ix, const json& c) {
  const json& a = *ix.tool_by_slug.at(str(c, "a"));
  const json& b = *ix.tool_by_slug.at(str(c, "b"));
  const std::string an = str(a, "name"), bn = str(b, "name");
  Data d;
  const std::string title = an + " vs " + bn;
  d.set("page", page_meta(ix, title,
                          "Which one should you ship with: " + title +
                              ". The panel verdict, pricing read, reviewer split and community vote, side by side.",
                          compare_url(str(c, "slug")), false, comparison_jsonld(ix, c, a, b)));
  d.set("title", title);
  d.set("published_on", str(c, "published_on"));
  d.set("reason", str(c, "reason"));
  auto pa = panel_tally(a), pb = panel_tally(b), ca = community_tally(a), cb = community_tally(b);
  d.set("panel_read", panel_read(an, pa, bn, pb));
  d.set("pricing_read", pricing_read(an, a, bn, b));
  d.set("community_read", community_read(an, ca, bn, cb));
  d.set("split_read", split_read(ix, a, b, an, bn));
  Data scorecard(Data::type::list);
  for (auto& rv : ix.reviewers) {
    Data row;
    row.set("name", rv.name);
    row.set("role", rv.role);
    row.set("a", quote_data(review_by(a, rv.id)));
    row.set("b", quote_data(review_by(b, rv.id)));
    scorecard.push_back(row);
  }
  d.set("scorecard", scorecard);
  d.set("facts", facts(a, b));
  return d;
}

}  // namespace tv::site
