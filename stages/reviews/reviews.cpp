// Reviews: byte checks, then pugixml, then a walk over the root and its children only; the
// same three passes as stages/directives (see there), merged in line order, a line with a byte
// problem reporting only that one.
#include "stages/reviews/reviews.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include <pugixml.hpp>

#include "stages/common/inbox_text.hpp"
#include "stages/normalise/fields/text.hpp"

namespace tv::reviews {
namespace {

using namespace inbox_text;

// The option the writer probably meant: the same ignoring ASCII case, else within two edits.
// Empty when none is close.
std::string near_miss(std::string_view got, const std::vector<std::string>& options) {
  const std::string g = fields::ascii_lower(trim(got));
  std::string best;
  std::size_t best_d = 3;
  for (const auto& o : options) {
    const std::size_t d = g == fields::ascii_lower(o) ? 0 : edit_distance(g, fields::ascii_lower(o));
    if (d < best_d) best = o, best_d = d;
  }
  return best;
}

// "a, b and c"
std::string listed(const std::vector<std::string>& xs) {
  std::string out;
  for (std::size_t i = 0; i < xs.size(); ++i)
    out += (i == 0 ? "" : i + 1 == xs.size() ? " and " : ", ") + xs[i];
  return out;
}

// ---- problems -------------------------------------------------------------------------------

struct Problems {
  std::vector<FileError> list;
  bool full() const { return list.size() > kMaxErrors; }
  void add(int line, std::string message) {
    if (!full()) list.push_back({line, std::move(message)});
  }
};

// Pass 1: the bytes. UTF-16 and NUL bytes are one problem for the whole file: returns false.
bool check_bytes(std::string_view bytes, const Lines& lines, Problems& p) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    p.add(1, "the file is saved as UTF-16 (it starts with a UTF-16 byte-order mark); a reviews file must be UTF-8: "
             "save it again as UTF-8.");
    return false;
  }
  if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    p.add(lines.line_of(nul), "the file holds NUL bytes (the first on this line), so it is binary data, not a "
                              "reviews file; check that the right file was dropped.");
    return false;
  }
  int line = 1, reported = 0;
  for (std::size_t i = 0; i < bytes.size() && !p.full();) {
    const std::size_t start = i;
    const long cp = next_code_point(bytes, i);
    if (cp == '\n') ++line;
    if (cp == '\n' || reported == line) continue;
    if (cp < 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[start])));
      p.add(line, std::string("this line is not valid UTF-8 (byte ") + hex + "); a reviews file must be UTF-8: save it "
                  "again as UTF-8.");
      reported = line;
    } else if (cp != '\t' && cp != '\r' && (cp < 0x20 || cp == 0x7F)) {
      p.add(line, "this line holds an invisible control character (" + code_point_name(cp) + "), which a reviews "
                  "file may not contain; retype the line.");
      reported = line;
    }
  }
  return true;
}

// Pass 2: pugixml's verdict, as a sentence.
std::string parse_problem(pugi::xml_parse_status status, bool at_end) {
  if (at_end && (status == pugi::status_end_element_mismatch || status == pugi::status_bad_start_element ||
                 status == pugi::status_bad_attribute || status == pugi::status_bad_end_element))
    return "the file ends before every element is closed: is </panel> missing, or the end of the last review "
           "(</review>)?";
  switch (status) {
    case pugi::status_unrecognized_tag: return "a '<' here does not start a tag; write &lt; for a '<' inside a quote.";
    case pugi::status_bad_pi:
      return "the <?...?> declaration here is malformed; the first line should read "
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>.";
    case pugi::status_bad_comment: return "a comment here is not closed, or holds \"--\"; write comments as <!-- ... -->.";
    case pugi::status_bad_cdata: return "a <![CDATA[ section here is not closed with ]]>.";
    case pugi::status_bad_doctype: return "a <!DOCTYPE> declaration here is malformed; a reviews file has no DOCTYPE: delete it.";
    case pugi::status_bad_start_element:
      return "a start tag here is malformed: check the '<', the element name and the closing '>'.";
    case pugi::status_bad_attribute:
      return "an attribute here is malformed: write each one as name=\"value\", with both quotes, and &quot; for a "
             "quote inside a value.";
    case pugi::status_bad_end_element: return "an end tag here is malformed: write it as </name>.";
    case pugi::status_end_element_mismatch:
      return "an end tag here does not match the element it closes (or closes nothing): check the spelling, and "
             "that each review ends with </review>.";
    case pugi::status_no_document_element:
      return "the file holds no element; a reviews file starts with <panel date=\"YYYY-MM-DD\">.";
    case pugi::status_out_of_memory: return "the file is too large to read.";
    default: return "the file cannot be read as XML.";
  }
}

// ---- pass 3: the tree -----------------------------------------------------------------------

const std::vector<std::string> kVerdicts{"ship", "skip"};

std::string tag(std::string_view name) {
  std::string out;  // built by appending: "<" + std::string + ">" trips GCC 12's -Wrestrict
  out.reserve(name.size() + 2);
  out += '<';
  out += name;
  out += '>';
  return out;
}

class Walker {
 public:
  Walker(std::string_view bytes, const Lines& lines, const std::vector<std::string>& reviewers, Problems& p, Parsed& out)
      : bytes_(bytes), lines_(lines), reviewers_(reviewers), p_(p), out_(out) {}

  void document(const pugi::xml_document& doc, bool complete) {
    pugi::xml_node root;
    for (pugi::xml_node n : doc.children()) {
      switch (n.type()) {
        case pugi::node_doctype:
          p_.add(line(n), "a <!DOCTYPE> declaration is not allowed in a reviews file (it can define entities, which are "
                          "never expanded here); delete it.");
          break;
        case pugi::node_declaration: {
          const std::string_view enc = n.attribute("encoding").value();
          const std::string e = fields::ascii_lower(trim(enc));
          if (!e.empty() && e != "utf-8" && e != "utf8")
            p_.add(line(n), "the file declares encoding=\"" + shown(enc) + "\"; a reviews file must be UTF-8: save it "
                            "as UTF-8 and write encoding=\"UTF-8\".");
          break;
        }
        case pugi::node_element:
          if (root) p_.add(line(n), "a second root element " + tag(n.name()) + " follows </panel>; a file holds one <panel> element.");
          else root = n;
          break;
        case pugi::node_pcdata:
        case pugi::node_cdata: stray_text(n); break;
        default: break;
      }
    }
    if (root) panel(root);
    else if (complete) p_.add(1, parse_problem(pugi::status_no_document_element, false));
  }

 private:
  int line(const pugi::xml_node& n) const {
    const auto off = n.offset_debug();
    return off < 0 ? 1 : lines_.line_of(static_cast<std::size_t>(off));
  }

  void stray_text(const pugi::xml_node& n) {
    const std::string text = fields::clean_decoded_text(n.value());
    if (text.empty()) return;
    // Text nodes start at their leading whitespace; report the line of the first visible character.
    auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 0));
    while (at < bytes_.size() && (bytes_[at] == ' ' || bytes_[at] == '\t' || bytes_[at] == '\r' || bytes_[at] == '\n')) ++at;
    p_.add(lines_.line_of(at), "there is text outside any review (\"" + shown(text) + "\"); a quote goes inside its "
                               "review, as in <review tool=\"…\" reviewer=\"…\" verdict=\"ship\">quote</review>.");
  }

  void panel(const pugi::xml_node& r) {
    const int at = line(r);
    if (std::string_view(r.name()) != "panel") {
      p_.add(at, "the root element is " + tag(r.name()) + "; a reviews file starts with <panel date=\"YYYY-MM-DD\">.");
      return;
    }
    pugi::xml_attribute date;
    for (pugi::xml_attribute a : r.attributes()) {
      if (std::string_view(a.name()) != "date")
        p_.add(at, "<panel> does not take the attribute " + shown(a.name()) + "=\"…\"; it takes only date=\"YYYY-MM-DD\".");
      else if (date)
        p_.add(at, "<panel> gives date=\"…\" twice; give it once.");
      else
        date = a;
    }
    if (!date) {
      p_.add(at, "<panel> needs date=\"YYYY-MM-DD\" (the day the panel met).");
    } else {
      out_.date = std::string(trim(date.value()));
      if (!real_date(out_.date))
        p_.add(at, "<panel> date=\"" + shown(date.value()) + "\" is not a real date written YYYY-MM-DD, such as "
                   "date=\"2026-11-20\".");
    }
    std::size_t count = 0;
    for (pugi::xml_node n : r.children()) {
      if (p_.full()) return;
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) stray_text(n);
      if (n.type() != pugi::node_element) continue;
      if (++count > kMaxReviews) {
        p_.add(line(n), "there are more than " + std::to_string(kMaxReviews) + " reviews in this file; split it into "
                        "several files.");
        return;
      }
      review(n);
    }
  }

  void review(const pugi::xml_node& n) {
    const int at = line(n);
    const std::string_view name = n.name();
    if (name != "review") {
      std::string m = tag(name) + " is not allowed in <panel>";
      if (!near_miss(name, {"review"}).empty()) m += " (did you mean <review>?)";
      p_.add(at, m + "; it holds only <review tool=\"…\" reviewer=\"…\" verdict=\"ship|skip\">quote</review> elements.");
      return;
    }
    const std::size_t before = p_.list.size();
    pugi::xml_attribute tool, reviewer, verdict;
    for (pugi::xml_attribute a : n.attributes()) {
      const std::string_view an = a.name();
      pugi::xml_attribute* slot = an == "tool" ? &tool : an == "reviewer" ? &reviewer : an == "verdict" ? &verdict : nullptr;
      if (!slot)
        p_.add(at, "<review> does not take the attribute " + shown(an) + "=\"" + shown(a.value()) + "\"; it takes "
                   "tool=\"…\", reviewer=\"…\" and verdict=\"…\".");
      else if (*slot)
        p_.add(at, "<review> gives " + std::string(an) + "=\"…\" twice; give it once.");
      else
        *slot = a;
    }
    if (!tool || !reviewer || !verdict) {
      std::vector<std::string> missing;
      for (auto [a, what] : {std::pair{tool, "tool"}, std::pair{reviewer, "reviewer"}, std::pair{verdict, "verdict"}})
        if (!a) missing.push_back(std::string(what) + "=\"…\"");
      p_.add(at, "<review> needs tool=\"…\", reviewer=\"…\" and verdict=\"…\"; " + listed(missing) + " missing.");
    }

    Review rv;
    rv.line = at;
    if (tool) {
      rv.tool = std::string(trim(tool.value()));
      if (auto why = tool_problem(rv.tool); !why.empty())
        p_.add(at, "<review> tool=\"" + shown(tool.value()) + "\" " + why);
    }
    if (reviewer) {
      rv.reviewer = reviewer.value();
      if (std::find(reviewers_.begin(), reviewers_.end(), rv.reviewer) == reviewers_.end()) {
        std::string m = "<review> reviewer=\"" + shown(rv.reviewer) + "\" is not a panel reviewer";
        if (const auto near = near_miss(rv.reviewer, reviewers_); !near.empty()) m += " (did you mean \"" + near + "\"?)";
        p_.add(at, m + (reviewers_.empty() ? "; no reviewers are configured (reviewer ids come from pipeline.ini)."
                                           : "; the reviewers are " + listed(reviewers_) + " (from pipeline.ini)."));
      }
    }
    if (verdict) {
      const std::string_view v = verdict.value();
      if (v == "ship" || v == "skip") {
        rv.verdict = v == "ship" ? Verdict::ship : Verdict::skip;
      } else {
        std::string m = "<review> verdict=\"" + shown(v) + "\" is not a verdict";
        if (const auto near = near_miss(v, kVerdicts); !near.empty()) m += " (did you mean \"" + near + "\"?)";
        p_.add(at, m + "; write verdict=\"ship\" or verdict=\"skip\", in lower case.");
      }
    }

    std::string text;
    bool holds_element = false;
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_element) {
        holds_element = true;
        p_.add(line(c), c.name() == std::string_view("review")
                            ? "<review> holds another <review>: is the end of the one before missing? Close it with </review>."
                            : "<review> holds the element " + tag(c.name()) + "; a review holds only its quote as text.");
        break;
      }
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
    }
    rv.quote = fields::clean_decoded_text(text);
    if (rv.quote.empty() && !holds_element)
      p_.add(at, "<review> has no quote; write what the reviewer said between <review …> and </review>.");
    else if (rv.quote.size() > kMaxQuoteBytes)
      p_.add(at, "<review>'s quote is " + std::to_string(rv.quote.size()) + " bytes; a quote may be at most " +
                     std::to_string(kMaxQuoteBytes) + " bytes: shorten it.");

    if (p_.list.size() != before) return;
    const auto [it, fresh] = seen_.try_emplace({folded(rv.tool), rv.reviewer}, at);
    if (!fresh) {
      p_.add(at, "<review> by reviewer=\"" + rv.reviewer + "\" of tool=\"" + shown(rv.tool) + "\" repeats the review on line " +
                     std::to_string(it->second) + " (tool names are compared ignoring case); keep one of the two.");
      return;
    }
    out_.reviews.push_back(std::move(rv));
  }

  // Empty when `tool` (already trimmed) is acceptable; else the rest of a sentence. Ill-formed
  // UTF-8 is left to the byte pass, which names the line.
  static std::string tool_problem(std::string_view tool) {
    if (tool.empty()) return "is empty; give the name the tool is known by.";
    if (tool.size() > kMaxToolBytes)
      return "is " + std::to_string(tool.size()) + " bytes long; a tool name may be at most " +
             std::to_string(kMaxToolBytes) + " bytes.";
    for (std::size_t i = 0; i < tool.size();)
      if (const long cp = next_code_point(tool, i); cp >= 0 && is_control(cp))
        return "holds an invisible control character (" + code_point_name(cp) + "); a tool name is plain text.";
    return {};
  }

  std::string_view bytes_;
  const Lines& lines_;
  const std::vector<std::string>& reviewers_;
  Problems& p_;
  Parsed& out_;
  std::map<std::pair<std::string, std::string>, int> seen_;  // (folded tool, reviewer) -> first line
};

}  // namespace

std::string_view to_string(Verdict v) { return v == Verdict::ship ? "ship" : "skip"; }

std::string to_string(const FileError& e) { return "line " + std::to_string(e.line) + ": " + e.message; }

Parsed parse(std::string_view bytes, const std::vector<std::string>& known_reviewers) {
  Parsed out;
  if (bytes.size() > kMaxBytes) {
    out.errors.push_back({1, "the file is " + std::to_string(bytes.size()) + " bytes; a reviews file may be at most " +
                                 std::to_string(kMaxBytes) + " bytes: split it into several files."});
    return out;
  }
  if (trim(bytes).empty()) {
    out.errors.push_back({1, "the file is empty; a reviews file starts with <panel date=\"YYYY-MM-DD\">."});
    return out;
  }
  const Lines lines(bytes);
  Problems byte_problems;
  if (!check_bytes(bytes, lines, byte_problems)) {
    out.errors = std::move(byte_problems.list);
    return out;
  }

  Problems tree_problems;
  pugi::xml_document doc;
  // As in directives: offsets into `bytes`, DOCTYPE and declaration kept to be refused or
  // checked, text outside the root kept to be reported.
  const unsigned flags = pugi::parse_default | pugi::parse_doctype | pugi::parse_declaration | pugi::parse_fragment;
  const pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size(), flags, pugi::encoding_utf8);
  Walker(bytes, lines, known_reviewers, tree_problems, out).document(doc, static_cast<bool>(r));
  if (!r) {
    const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0));
    const int at = lines.line_of(off);
    const bool at_end = off + 1 >= bytes.size() || off > bytes.find_last_not_of(" \t\r\n");
    std::erase_if(tree_problems.list, [&](const FileError& e) { return e.line >= at; });
    tree_problems.list.push_back({at, parse_problem(r.status, at_end)});
  }

  std::set<int> byte_lines;
  for (const auto& e : byte_problems.list) byte_lines.insert(e.line);
  std::vector<FileError> all = std::move(byte_problems.list);
  bool truncated = all.size() > kMaxErrors || tree_problems.full();
  for (auto& e : tree_problems.list)
    if (!byte_lines.count(e.line)) all.push_back(std::move(e));
  std::stable_sort(all.begin(), all.end(), [](const FileError& x, const FileError& y) { return x.line < y.line; });
  if (all.size() > kMaxErrors) {
    all.resize(kMaxErrors);
    truncated = true;
  }
  out.errors = std::move(all);
  out.errors_truncated = truncated;
  if (!out.errors.empty()) out.reviews.clear();
  return out;
}

}  // namespace tv::reviews
