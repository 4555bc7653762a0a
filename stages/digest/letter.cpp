#include "stages/digest/letter.hpp"

#include <array>
#include <cstdio>

#include "stages/digest/mime.hpp"
#include "stages/ingest/content_hash.hpp"
#include "stages/site/escape.hpp"

namespace tv::digest {
namespace {

using site::Data;
using List = kainjow::mustache::data;

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "16 to 22 November 2026", "30 November to 6 December 2026", "29 December 2025 to 4 January 2026".
std::string week_label(const WeekSpan& w) {
  static const std::array<const char*, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
  int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
  if (std::sscanf(w.monday.c_str(), "%d-%d-%d", &y1, &m1, &d1) != 3 ||
      std::sscanf(w.sunday.c_str(), "%d-%d-%d", &y2, &m2, &d2) != 3 || m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12)
    return w.monday + " to " + w.sunday;
  std::string end = std::to_string(d2) + " " + months[m2 - 1] + " " + std::to_string(y2);
  if (y1 != y2) return std::to_string(d1) + " " + months[m1 - 1] + " " + std::to_string(y1) + " to " + end;
  if (m1 != m2) return std::to_string(d1) + " " + months[m1 - 1] + " to " + end;
  return std::to_string(d1) + " to " + end;
}

std::string verdict_word(const std::string& v) {
  if (v == "ship") return "ship";
  if (v == "skip") return "skip";
  if (v == "split") return "split";
  return "not reviewed";
}

std::string panel_text(const ToolState& t) {
  if (t.panel_total == 0) return "not reviewed yet";
  return std::to_string(t.panel_ship) + " of " + std::to_string(t.panel_total) + " would ship";
}

std::string community_text(const ToolState& t) {
  if (t.community_total == 0) return "no votes yet";
  int percent = int((200L * t.community_ship + t.community_total) / (2L * t.community_total));
  return std::to_string(percent) + "% ship (" + plural(std::size_t(t.community_total), "vote", "votes") + ")";
}

// Who the panel leans to, in one sentence.
std::string panel_read(const ToolState& a, const ToolState& b) {
  if (a.panel_total == 0 && b.panel_total == 0) return "The panel has not reviewed either yet.";
  if (b.panel_total == 0) return "Only " + a.name + " has been reviewed so far.";
  if (a.panel_total == 0) return "Only " + b.name + " has been reviewed so far.";
  long l = long(a.panel_ship) * b.panel_total, r = long(b.panel_ship) * a.panel_total;
  if (l == r) return "The panel rates them evenly.";
  return "The panel leans " + (l > r ? a.name : b.name) + ".";
}

std::string tool_url(const Settings& s, const ToolState& t) { return s.base_url + "/tools/" + t.slug + "/"; }

Data tool_data(const Settings& s, const ToolState& t) {
  Data d;
  d.set("name", t.name);
  d.set("url", tool_url(s, t));
  d.set("category", t.category);
  d.set("tagline", t.tagline);
  d.set("price", t.price.empty() ? "—" : t.price);
  // "Developer Tools, Free": what is known of category and price, for the lists.
  std::string facts = t.category;
  if (!t.price.empty() && t.price != "—") facts += (facts.empty() ? "" : ", ") + t.price;
  d.set("has_facts", !facts.empty());
  d.set("facts", facts);
  d.set("has_tagline", !t.tagline.empty());
  d.set("licence", t.licence.empty() ? "—" : t.licence);
  d.set("panel", panel_text(t));
  d.set("panel_verdict", verdict_word(verdict(t.panel_ship, t.panel_total)));
  d.set("community", community_text(t));
  return d;
}

Data week_data(const Week& w, const Settings& s, const std::string& marker) {
  Data d;
  d.set("list_name", s.list_name);
  d.set("site_title", s.site_title);
  d.set("site_url", s.base_url + "/");
  d.set("week", w.span.id);
  d.set("week_label", week_label(w.span));
  std::string intro;
  for (const auto& line : summary(w)) intro += (intro.empty() ? "" : ", ") + line;
  d.set("intro", intro.empty() ? "Nothing new this week." : intro + ".");

  List comparisons{List::type::list};
  for (const auto& c : w.comparisons) {
    Data item;
    item.set("url", s.base_url + "/compare/" + c.slug + "/");
    item.set("category", c.category);
    item.set("reason", c.reason);
    item.set("date", c.published_on);
    item.set("a", tool_data(s, c.a));
    item.set("b", tool_data(s, c.b));
    item.set("read", panel_read(c.a, c.b));
    comparisons.push_back(item);
  }
  d.set("has_comparisons", !w.comparisons.empty());
  d.set("comparisons", comparisons);

  List tools{List::type::list};
  for (const auto& t : w.new_tools) tools.push_back(tool_data(s, t));
  d.set("has_new_tools", !w.new_tools.empty());
  d.set("new_tools", tools);

  List merges{List::type::list};
  for (const auto& m : w.merges) {
    Data item;
    item.set("from", m.from.name);
    item.set("into", m.into_name);
    item.set("url", s.base_url + "/tools/" + m.into_slug + "/");
    merges.push_back(item);
  }
  d.set("has_merges", !w.merges.empty());
  d.set("merges", merges);

  List flips{List::type::list};
  for (const auto& f : w.flips) {
    Data item = tool_data(s, f.tool);
    item.set("who", f.who == "panel" ? "The panel" : "The community");
    item.set("from", verdict_word(f.from));
    item.set("to", verdict_word(f.to));
    flips.push_back(item);
  }
  d.set("has_flips", !w.flips.empty());
  d.set("flips", flips);

  List changes{List::type::list};
  for (const auto& c : w.changes) {
    Data item = tool_data(s, c.tool);
    item.set("fact", c.fact == "price" ? "Price" : "Licence");
    item.set("from", c.from);
    item.set("to", c.to);
    changes.push_back(item);
  }
  d.set("has_changes", !w.changes.empty());
  d.set("changes", changes);

  d.set("unsubscribe_url", marker);
  d.set("unsubscribe_mailto", s.unsubscribe_mailto);
  d.set("subscribe_url", s.base_url + "/subscribe");
  return d;
}

// Runs of blank lines (left by sections that render nothing) as one.
std::string single_blank_lines(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\n' && out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') continue;
    out.push_back(ch);
  }
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}


Letter::Encoded encode_around(const std::string& body, const std::string& marker) {
  Letter::Encoded e;
  std::string run;  // lines without the marker, waiting to be encoded together
  bool have_run = false;
  auto flush_run = [&] {
    if (!have_run) return;
    e.pieces.push_back(quoted_printable(run));
    e.has_marker.push_back(false);
    run.clear();
    have_run = false;
  };
  std::size_t pos = 0;
  for (;;) {
    auto nl = body.find('\n', pos);
    std::string line = body.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (line.find(marker) != std::string::npos) {
      flush_run();
      e.pieces.push_back(std::move(line));
      e.has_marker.push_back(true);
    } else {
      if (have_run) run += '\n';
      run += line;
      have_run = true;
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  flush_run();
  return e;
}

// One reader's body: the encoded runs as they are, the marker lines encoded with their link.
std::string encode_for(const Letter::Encoded& e, const std::string& marker, const std::string& link) {
  std::string out;
  for (std::size_t i = 0; i < e.pieces.size(); ++i) {
    if (i > 0) out += "\r\n";
    if (!e.has_marker[i]) {
      out += e.pieces[i];
      continue;
    }
    std::string line = e.pieces[i];
    replace_all(line, marker, link);
    out += quoted_printable(line);
  }
  return out;
}

}  // namespace

std::vector<std::string> summary(const Week& w) {
  std::vector<std::string> out;
  if (!w.comparisons.empty()) out.push_back(plural(w.comparisons.size(), "new comparison", "new comparisons"));
  if (!w.new_tools.empty()) out.push_back(plural(w.new_tools.size(), "new tool", "new tools"));
  if (!w.merges.empty()) out.push_back(plural(w.merges.size(), "merge", "merges"));
  if (!w.flips.empty()) out.push_back(plural(w.flips.size(), "verdict flip", "verdict flips"));
  if (!w.changes.empty()) out.push_back(plural(w.changes.size(), "price or licence change", "price or licence changes"));
  return out;
}

std::string subject(const Week& w, const Settings& s) {
  std::string head = s.list_name + ", " + w.span.id + ": ";
  if (!w.comparisons.empty()) {
    const auto& c = w.comparisons.front();
    std::string more = w.comparisons.size() > 1 ? " and " + std::to_string(w.comparisons.size() - 1) + " more" : "";
    return head + c.a.name + " vs " + c.b.name + more;
  }
  auto lines = summary(w);
  if (lines.empty()) return head + "nothing new";
  std::string joined;
  for (const auto& l : lines) joined += (joined.empty() ? "" : ", ") + l;
  return head + joined;
}

Letter render_letter(const site::Templates& templates, const Week& week, const Settings& settings) {
  Letter l;
  l.subject = subject(week, settings);
  // A marker no scraped text can contain: it is derived from the whole content it sits in.
  l.marker = "tv-unsubscribe-" + ingest::sha256_hex(to_json(week).dump() + settings.base_url).substr(0, 24);
  Data d = week_data(week, settings, l.marker);
  // Template comments leave blank lines at the top.
  auto trimmed = [](std::string s) { return s.erase(0, std::min(s.find_first_not_of("\r\n"), s.size())); };
  l.html = trimmed(templates.render("html", d));
  l.text = wrap_text(single_blank_lines(trimmed(templates.render("text", d))));
  l.text_qp = encode_around(l.text, l.marker);
  l.html_qp = encode_around(l.html, l.marker);
  return l;
}

std::string compose(const Letter& letter, const Settings& s, const Addressee& to) {
  std::string mailto = "mailto:" + s.unsubscribe_mailto + "?subject=unsubscribe" +
                       (to.reader_token.empty() ? "" : "%20" + to.reader_token);
  std::vector<std::string> headers{
      header("Date", to.date),
      header("Message-ID", to.message_id),
      "From: " + address(s.from_name, s.from_email),
      "To: " + address(to.name, to.email),
      header("Subject", letter.subject),
      header("List-Id", s.list_name + " <" + s.list_id + ">"),
      header("List-Unsubscribe", "<" + to.unsubscribe_url + ">, <" + mailto + ">"),
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
  };
  // Unique per message and absent from both bodies: quoted-printable never writes "=_".
  std::string boundary = "=_tv_" + ingest::sha256_hex(to.message_id).substr(0, 24);
  return multipart_alternative_encoded(headers, encode_for(letter.text_qp, letter.marker, to.unsubscribe_url),
                                       encode_for(letter.html_qp, letter.marker, site::html(to.unsubscribe_url)),
                                       boundary);
}

std::string wrap_text(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    auto nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (line.size() > width) line.erase(line.find_last_not_of(' ') + 1);  // trailing spaces never wrap
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::size_t hang = indent + (line.compare(indent, 2, "- ") == 0 ? 2 : 0);
    if (line.size() <= width || hang >= width) {
      out += line;
    } else {
      // Greedy fill: the words after the indentation (and bullet), continuation lines
      // indented to `hang`.
      std::string current = line.substr(0, hang);
      bool first = true;
      std::size_t i = std::min(line.find_first_not_of(' ', hang), line.size());
      while (i < line.size()) {
        std::size_t end = std::min(line.find(' ', i), line.size());
        std::string word = line.substr(i, end - i);
        i = std::min(line.find_first_not_of(' ', end), line.size());
        if (first) {
          current += word;
          first = false;
        } else if (current.size() + 1 + word.size() <= width) {
          current += ' ' + word;
        } else {
          out += current + '\n';
          current = std::string(hang, ' ') + word;
        }
      }
      out += current;
    }
    if (nl == std::string::npos) break;
    out += '\n';
    pos = nl + 1;
  }
  return out;
}

}  // namespace tv::digest
