// Directives: byte checks, then pugixml, then a walk over the root and its children only.
// Problems from the three passes are merged in line order; a line with a byte problem (bad
// UTF-8, a control character) reports only that one, since whatever else is said about the
// line would be about bytes the editor cannot see.
#include "stages/directives/directives.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <set>

#include <pugixml.hpp>

#include "stages/common/inbox_text.hpp"
#include "stages/normalise/fields/text.hpp"

namespace tv::directives {
namespace {

using namespace inbox_text;

// ---- problems -------------------------------------------------------------------------------

// Collects problems of one pass, in the order found, keeping one more than the cap so the
// caller can tell that some were left out.
struct Problems {
  std::vector<FileError> list;
  bool full() const { return list.size() > kMaxErrors; }
  void add(int line, std::string message) {
    if (!full()) list.push_back({line, std::move(message)});
  }
};

// Pass 1: the bytes. UTF-16 and NUL bytes are one problem for the whole file (every line would
// repeat it, and the XML passes would only add noise): returns false for them.
bool check_bytes(std::string_view bytes, const Lines& lines, Problems& p) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    p.add(1, "the file is saved as UTF-16 (it starts with a UTF-16 byte-order mark); a directives file must be "
             "UTF-8: save it again as UTF-8.");
    return false;
  }
  if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    p.add(lines.line_of(nul), "the file holds NUL bytes (the first on this line), so it is binary data, not a "
                              "directives file; check that the right file was dropped.");
    return false;
  }
  int line = 1, reported = 0;
  std::size_t i = 0;
  while (i < bytes.size() && !p.full()) {
    const std::size_t start = i;
    const long cp = next_code_point(bytes, i);
    if (cp == '\n') {
      ++line;
      continue;
    }
    if (reported == line) continue;
    if (cp < 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[start])));
      p.add(line, std::string("this line is not valid UTF-8 (byte ") + hex +
                      "); a directives file must be UTF-8: save it again as UTF-8.");
      reported = line;
    } else if (cp != '\t' && cp != '\r' && (cp < 0x20 || cp == 0x7F)) {
      p.add(line, "this line holds an invisible control character (" + code_point_name(cp) +
                      "), which a directives file may not contain; retype the line.");
      reported = line;
    }
  }
  return true;
}

// Pass 2: pugixml's verdict, as a sentence.
std::string parse_problem(pugi::xml_parse_status status, bool at_end) {
  if (at_end && (status == pugi::status_end_element_mismatch || status == pugi::status_bad_start_element ||
                 status == pugi::status_bad_attribute || status == pugi::status_bad_end_element))
    return "the file ends before every element is closed: is </directives> missing, or the end of the last "
           "directive (\"/>\" or its end tag)?";
  switch (status) {
    case pugi::status_unrecognized_tag:
      return "a '<' here does not start a tag; write &lt; for a '<' inside a note.";
    case pugi::status_bad_pi:
      return "the <?...?> declaration here is malformed; the first line should read "
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>.";
    case pugi::status_bad_comment:
      return "a comment here is not closed, or holds \"--\"; write comments as <!-- ... -->.";
    case pugi::status_bad_cdata:
      return "a <![CDATA[ section here is not closed with ]]>.";
    case pugi::status_bad_doctype:
      return "a <!DOCTYPE> declaration here is malformed; a directives file has no DOCTYPE: delete it.";
    case pugi::status_bad_pcdata:
      return "the text here cannot be read as XML.";
    case pugi::status_bad_start_element:
      return "a start tag here is malformed: check the '<', the element name and the closing '>' or '/>'.";
    case pugi::status_bad_attribute:
      return "an attribute here is malformed: write each one as name=\"value\", with both quotes, and &quot; for "
             "a quote inside a value.";
    case pugi::status_bad_end_element:
      return "an end tag here is malformed: write it as </name>.";
    case pugi::status_end_element_mismatch:
      return "an end tag here does not match the element it closes (or closes nothing): check the spelling, "
             "and that each directive is either <name .../> or <name ...>note</name>.";
    case pugi::status_no_document_element:
      return "the file holds no element; a directives file starts with <directives date=\"YYYY-MM-DD\" "
             "editor=\"…\">.";
    case pugi::status_out_of_memory:
      return "the file is too large to read.";
    default:
      return "the file cannot be read as XML.";
  }
}

// ---- pass 3: the tree -----------------------------------------------------------------------

struct Spec {
  Action action;
  const char* tag;
  const char* first;   // attribute names
  const char* second;
  const char* why;     // what the two attributes are, for messages
  const char* needs;   // "a merge needs two different names"
};

constexpr std::array<Spec, 5> kSpecs{{
    {Action::merge, "merge", "a", "b", "the two names of one tool", "a merge needs two different names"},
    {Action::split, "split", "a", "b", "the two names that are different tools", "a split needs two different names"},
    {Action::rename, "rename", "tool", "name", "a name the tool is known by, and its new display name",
     "a rename needs a new name"},
    {Action::pair, "pair", "a", "b", "the two tools to compare", "a pair needs two different tools"},
    {Action::never_pair, "never-pair", "a", "b", "the two tools never to compare",
     "a never-pair needs two different tools"},
}};

const Spec* spec_for(std::string_view tag) {
  for (const auto& s : kSpecs)
    if (tag == s.tag) return &s;
  return nullptr;
}

// "Merge", "never_pair", "pear" -> the directive the editor probably meant: the same letters
// ignoring case and '-'/'_', or within two edits.
const Spec* near_spec(std::string_view tag) {
  const auto key = [](std::string_view t) {
    std::string k;
    for (char c : t)
      if (c != '-' && c != '_') k += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return k;
  };
  const std::string k = key(tag);
  for (const auto& s : kSpecs)
    if (k == key(s.tag)) return &s;
  const Spec* best = nullptr;
  std::size_t best_d = 3;
  for (const auto& s : kSpecs)
    if (const std::size_t d = edit_distance(k, key(s.tag)); d < best_d) best = &s, best_d = d;
  return best;
}

std::string tag(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '<';
  out += name;
  out += '>';
  return out;
}

class Walker {
 public:
  Walker(std::string_view bytes, const Lines& lines, Problems& p, Parsed& out)
      : bytes_(bytes), lines_(lines), p_(p), out_(out) {}

  void document(const pugi::xml_document& doc, bool complete) {
    pugi::xml_node root;
    for (pugi::xml_node n : doc.children()) {
      switch (n.type()) {
        case pugi::node_doctype:
          p_.add(line(n), "a <!DOCTYPE> declaration is not allowed in a directives file (it can define entities, "
                          "which are never expanded here); delete it.");
          break;
        case pugi::node_declaration: declaration(n); break;
        case pugi::node_element:
          if (root) p_.add(line(n), "a second root element " + tag(n.name()) + " follows </directives>; a file holds one <directives> element.");
          else root = n;
          break;
        case pugi::node_pcdata:
        case pugi::node_cdata: stray_text(n); break;
        default: break;
      }
    }
    if (root) this->root(root);
    else if (complete) p_.add(1, parse_problem(pugi::status_no_document_element, false));
  }

 private:
  int line(const pugi::xml_node& n) const {
    const auto off = n.offset_debug();
    return off < 0 ? 1 : lines_.line_of(static_cast<std::size_t>(off));
  }

  // Text nodes start at their leading whitespace; the line an editor sees is that of the first
  // visible character.
  int text_line(const pugi::xml_node& n) const {
    const auto off = n.offset_debug();
    if (off < 0) return 1;
    auto at = static_cast<std::size_t>(off);
    while (at < bytes_.size() && (bytes_[at] == ' ' || bytes_[at] == '\t' || bytes_[at] == '\r' || bytes_[at] == '\n')) ++at;
    return lines_.line_of(at);
  }

  void declaration(const pugi::xml_node& n) {
    const std::string_view enc = n.attribute("encoding").value();
    const std::string e = fields::ascii_lower(trim(enc));
    if (!e.empty() && e != "utf-8" && e != "utf8")
      p_.add(line(n), "the file declares encoding=\"" + shown(enc) + "\"; a directives file must be UTF-8: save "
                      "it as UTF-8 and write encoding=\"UTF-8\".");
  }

  void stray_text(const pugi::xml_node& n) {
    const std::string text = fields::clean_decoded_text(n.value());
    if (text.empty()) return;
    p_.add(text_line(n), "there is text outside any directive (\"" + shown(text) + "\"); a note goes inside its "
                         "directive, as in <merge a=\"…\" b=\"…\">note</merge>.");
  }

  void root(const pugi::xml_node& r) {
    if (std::string_view(r.name()) != "directives") {
      p_.add(line(r), "the root element is " + tag(r.name()) + "; a directives file starts with "
                      "<directives date=\"YYYY-MM-DD\" editor=\"…\">.");
      return;
    }
    root_attributes(r);
    std::size_t count = 0;
    for (pugi::xml_node n : r.children()) {
      if (p_.full()) return;
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) stray_text(n);
      if (n.type() != pugi::node_element) continue;
      if (++count > kMaxDirectives) {
        p_.add(line(n), "there are more than " + std::to_string(kMaxDirectives) +
                            " directives in this file; split it into several files.");
        return;
      }
      directive(n);
    }
  }

  void root_attributes(const pugi::xml_node& r) {
    const int at = line(r);
    pugi::xml_attribute date, editor;
    for (pugi::xml_attribute a : r.attributes()) {
      const std::string_view name = a.name();
      pugi::xml_attribute* slot = name == "date" ? &date : name == "editor" ? &editor : nullptr;
      if (!slot)
        p_.add(at, "<directives> does not take the attribute " + shown(name) + "=\"…\"; it takes date=\"YYYY-MM-DD\" "
                   "and editor=\"…\".");
      else if (*slot)
        p_.add(at, "<directives> gives " + std::string(name) + "=\"…\" twice; give it once.");
      else
        *slot = a;
    }
    if (!date) {
      p_.add(at, "<directives> needs date=\"YYYY-MM-DD\" (the day these directives were written).");
    } else {
      out_.date = std::string(trim(date.value()));
      if (!real_date(out_.date))
        p_.add(at, "<directives> date=\"" + shown(date.value()) + "\" is not a real date written YYYY-MM-DD, "
                   "such as date=\"2026-11-21\".");
    }
    if (!editor) {
      p_.add(at, "<directives> needs editor=\"…\" (who wrote these directives).");
    } else {
      out_.editor = std::string(trim(editor.value()));
      if (auto why = name_problem(out_.editor, "an editor's name"); !why.empty())
        p_.add(at, "<directives> editor=\"" + shown(editor.value()) + "\" " + why);
    }
  }


  // Empty when `name` (already trimmed) is acceptable; else the rest of a sentence. Ill-formed
  // UTF-8 is left to the byte pass, which names the line.
  static std::string name_problem(std::string_view name, const char* what) {
    if (name.empty()) return std::string("is empty; give ") + what + ".";
    if (name.size() > kMaxNameBytes)
      return "is " + std::to_string(name.size()) + " bytes long; " + what + " may be at most " +
             std::to_string(kMaxNameBytes) + " bytes.";
    for (std::size_t i = 0; i < name.size();) {
      const long cp = next_code_point(name, i);
      if (cp >= 0 && is_control(cp))
        return "holds an invisible control character (" + code_point_name(cp) + "); " + what + " is plain text.";
    }
    return {};
  }

  void directive(const pugi::xml_node& n) {
    const int at = line(n);
    const Spec* s = spec_for(n.name());
    if (!s) {
      std::string m = tag(n.name()) + " is not a directive";
      if (const Spec* near = near_spec(n.name())) m += " (did you mean " + tag(near->tag) + "?)";
      p_.add(at, m + "; the directives are <merge>, <split>, <rename>, <pair> and <never-pair>.");
      return;
    }
    const std::string el = tag(s->tag);
    const std::string takes = std::string(s->first) + "=\"…\" and " + s->second + "=\"…\" (" + s->why + ")";
    const std::size_t before = p_.list.size();

    pugi::xml_attribute first, second;
    for (pugi::xml_attribute a : n.attributes()) {
      const std::string_view name = a.name();
      pugi::xml_attribute* slot = name == s->first ? &first : name == s->second ? &second : nullptr;
      if (!slot)
        p_.add(at, el + " does not take the attribute " + shown(name) + "=\"" + shown(a.value()) + "\"; it takes " + takes + ".");
      else if (*slot)
        p_.add(at, el + " gives " + std::string(name) + "=\"…\" twice; give it once.");
      else
        *slot = a;
    }
    if (!first || !second) {
      std::string found = "found neither.";
      if (first || second) {
        const pugi::xml_attribute& got = first ? first : second;
        found = "found only " + std::string(got.name()) + "=\"" + shown(got.value()) + "\".";
      }
      p_.add(at, el + " needs both " + takes + "; " + found);
    }

    std::string note;
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_element) {
        if (spec_for(c.name()))
          p_.add(line(c), el + " holds the directive " + tag(c.name()) + ": is the end of " + el + " missing? Close it with " +
                              "</" + s->tag + ">, or write it as <" + s->tag + " .../>.");
        else
          p_.add(line(c), el + " holds the element " + tag(c.name()) + "; a directive holds only its note as text, "
                          "and the names go in " + s->first + "=\"…\" and " + s->second + "=\"…\".");
        break;
      }
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) note += c.value();
    }

    Directive d{s->action, {}, {}, fields::clean_decoded_text(note), at};
    bool names_ok = true;
    for (auto [attr, dest] : {std::pair{first, &d.a}, std::pair{second, &d.b}}) {
      if (!attr) continue;
      *dest = std::string(trim(attr.value()));
      const char* what = s->action == Action::rename && dest == &d.b ? "a display name" : "a name the tool is known by";
      if (auto why = name_problem(*dest, what); !why.empty()) {
        p_.add(at, el + " " + attr.name() + "=\"" + shown(attr.value()) + "\" " + why);
        names_ok = false;
      }
    }
    if (first && second && names_ok) {
      // A rename may change only the case ("tldv" -> "TLDV"); the others may not differ by case alone.
      const bool same = s->action == Action::rename ? d.a == d.b : folded(d.a) == folded(d.b);
      if (same)
        p_.add(at, el + " " + s->first + "=\"" + shown(d.a) + "\" and " + s->second + "=\"" + shown(d.b) +
                       "\" are the same name; " + s->needs + ".");
    }
    if (p_.list.size() == before) out_.directives.push_back(std::move(d));
  }

  std::string_view bytes_;
  const Lines& lines_;
  Problems& p_;
  Parsed& out_;
};

}  // namespace

std::string_view to_string(Action a) {
  for (const auto& s : kSpecs)
    if (s.action == a) return s.tag;
  return "?";
}

std::string to_string(const FileError& e) { return "line " + std::to_string(e.line) + ": " + e.message; }

Parsed parse(std::string_view bytes) {
  Parsed out;
  if (bytes.size() > kMaxBytes) {
    out.errors.push_back({1, "the file is " + std::to_string(bytes.size()) + " bytes; a directives file may be at most " +
                                 std::to_string(kMaxBytes) + " bytes: split it into several files."});
    return out;
  }
  if (trim(bytes).empty()) {
    out.errors.push_back({1, "the file is empty; a directives file starts with <directives date=\"YYYY-MM-DD\" "
                             "editor=\"…\">."});
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
  // encoding_utf8: no conversion, so node offsets are offsets into `bytes`. parse_doctype and
  // parse_declaration keep those nodes so they can be refused or checked; parse_fragment keeps
  // text outside the root, which is then reported rather than silently dropped.
  const unsigned flags = pugi::parse_default | pugi::parse_doctype | pugi::parse_declaration | pugi::parse_fragment;
  const pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size(), flags, pugi::encoding_utf8);
  Walker(bytes, lines, tree_problems, out).document(doc, static_cast<bool>(r));
  if (!r) {
    // The tree is cut at the error: keep only what was said about lines before it.
    const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0));
    const int at = lines.line_of(off);
    // pugixml puts "the file ended" on the last byte.
    const bool at_end = off + 1 >= bytes.size() || off > bytes.find_last_not_of(" \t\r\n");
    std::erase_if(tree_problems.list, [&](const FileError& e) { return e.line >= at; });
    tree_problems.list.push_back({at, parse_problem(r.status, at_end)});
  }

  // Merge in line order; a line with a byte problem reports only that.
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
  if (!out.errors.empty()) out.directives.clear();
  return out;
}

}  // namespace tv::directives
