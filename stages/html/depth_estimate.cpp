// DepthEstimate: see depth_estimate.hpp for what it follows and what it leaves to gumbo.
#include "stages/html/depth_estimate.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "stages/html/ascii.hpp"

namespace tv::html::detail {
namespace {

enum TagClass : std::uint16_t {
  kVoid = 1,           // never has contents
  kOptionalEnd = 2,    // closed implicitly by what follows (or the document's frame: html, body)
  kRawText = 4,        // contents are text up to the matching end tag (outside SVG/MathML)
  kFormatting = 8,     // closed by the adoption agency
  kSpecial = 16,       // the HTML standard's "special" category
  kScopeBoundary = 32, // "has an element in scope" stops here
  kBreakout = 64,      // leaves SVG/MathML content when it starts there
};

using TagTable = std::array<std::uint16_t, GUMBO_TAG_LAST + 1>;

TagTable make_tag_table() {
  TagTable t{};
  auto mark = [&t](std::uint16_t cls, std::initializer_list<GumboTag> tags) {
    for (GumboTag tag : tags) t[tag] |= cls;
  };
  mark(kVoid, {GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_BR,
               GUMBO_TAG_COL, GUMBO_TAG_EMBED, GUMBO_TAG_FRAME, GUMBO_TAG_HR, GUMBO_TAG_IMAGE,
               GUMBO_TAG_IMG, GUMBO_TAG_INPUT, GUMBO_TAG_ISINDEX, GUMBO_TAG_KEYGEN, GUMBO_TAG_LINK,
               GUMBO_TAG_META, GUMBO_TAG_PARAM, GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR});
  mark(kOptionalEnd,
       {GUMBO_TAG_P, GUMBO_TAG_LI, GUMBO_TAG_DT, GUMBO_TAG_DD, GUMBO_TAG_OPTION, GUMBO_TAG_OPTGROUP,
        GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT,
        GUMBO_TAG_COLGROUP, GUMBO_TAG_CAPTION, GUMBO_TAG_RB, GUMBO_TAG_RT, GUMBO_TAG_RTC,
        GUMBO_TAG_RP, GUMBO_TAG_HTML, GUMBO_TAG_HEAD, GUMBO_TAG_BODY});
  mark(kRawText, {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_XMP, GUMBO_TAG_IFRAME,
                  GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE});
  mark(kFormatting, {GUMBO_TAG_A, GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_CODE, GUMBO_TAG_EM,
                     GUMBO_TAG_FONT, GUMBO_TAG_I, GUMBO_TAG_NOBR, GUMBO_TAG_S, GUMBO_TAG_SMALL,
                     GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG, GUMBO_TAG_TT, GUMBO_TAG_U});
  mark(kSpecial,
       {GUMBO_TAG_ADDRESS, GUMBO_TAG_APPLET, GUMBO_TAG_AREA, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,
        GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_BLOCKQUOTE,
        GUMBO_TAG_BODY, GUMBO_TAG_BR, GUMBO_TAG_BUTTON, GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER,
        GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_DD, GUMBO_TAG_DETAILS, GUMBO_TAG_DIR,
        GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_EMBED, GUMBO_TAG_FIELDSET,
        GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_FORM, GUMBO_TAG_FRAME,
        GUMBO_TAG_FRAMESET, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
        GUMBO_TAG_H6, GUMBO_TAG_HEAD, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_HR,
        GUMBO_TAG_HTML, GUMBO_TAG_IFRAME, GUMBO_TAG_IMG, GUMBO_TAG_INPUT, GUMBO_TAG_ISINDEX,
        GUMBO_TAG_KEYGEN, GUMBO_TAG_LI, GUMBO_TAG_LINK, GUMBO_TAG_LISTING, GUMBO_TAG_MAIN,
        GUMBO_TAG_MARQUEE, GUMBO_TAG_MENU, GUMBO_TAG_META, GUMBO_TAG_NAV, GUMBO_TAG_NOEMBED,
        GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_OBJECT, GUMBO_TAG_OL, GUMBO_TAG_P,
        GUMBO_TAG_PARAM, GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE, GUMBO_TAG_SCRIPT, GUMBO_TAG_SECTION,
        GUMBO_TAG_SELECT, GUMBO_TAG_SOURCE, GUMBO_TAG_STYLE, GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE,
        GUMBO_TAG_TBODY, GUMBO_TAG_TD, GUMBO_TAG_TEMPLATE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TFOOT,
        GUMBO_TAG_TH, GUMBO_TAG_THEAD, GUMBO_TAG_TITLE, GUMBO_TAG_TR, GUMBO_TAG_TRACK,
        GUMBO_TAG_UL, GUMBO_TAG_WBR, GUMBO_TAG_XMP});
  mark(kScopeBoundary, {GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML, GUMBO_TAG_TABLE,
                        GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT,
                        GUMBO_TAG_TEMPLATE});
  mark(kBreakout,
       {GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY, GUMBO_TAG_BR,
        GUMBO_TAG_CENTER, GUMBO_TAG_CODE, GUMBO_TAG_DD, GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_DT,
        GUMBO_TAG_EM, GUMBO_TAG_EMBED, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4,
        GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_HEAD, GUMBO_TAG_HR, GUMBO_TAG_I, GUMBO_TAG_IMG,
        GUMBO_TAG_LI, GUMBO_TAG_LISTING, GUMBO_TAG_MENU, GUMBO_TAG_META, GUMBO_TAG_NOBR,
        GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_PRE, GUMBO_TAG_RUBY, GUMBO_TAG_S, GUMBO_TAG_SMALL,
        GUMBO_TAG_SPAN, GUMBO_TAG_STRONG, GUMBO_TAG_STRIKE, GUMBO_TAG_SUB, GUMBO_TAG_SUP,
        GUMBO_TAG_TABLE, GUMBO_TAG_TT, GUMBO_TAG_U, GUMBO_TAG_UL, GUMBO_TAG_VAR});
  return t;
}

const TagTable& tag_table() {
  static const TagTable table = make_tag_table();
  return table;
}

bool is_heading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

enum class Ns : std::uint8_t { html, svg, math };

class DepthEstimate {
 public:
  DepthEstimate(std::size_t bound, std::size_t input_size, std::vector<RawTextRange>* raw)
      : bound_(bound), classes_(tag_table()), work_left_(16 * input_size + 100000), raw_(raw) {}

  // The deepest nesting seen, or a value above `bound` as soon as one is seen.
  std::size_t run(std::string_view s) {
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n && deepest_ <= bound_ && work_left_ > 0) {
      const void* lt = std::memchr(s.data() + i, '<', n - i);
      if (!lt) break;
      i = static_cast<const char*>(lt) - s.data();
      if (i + 1 >= n) break;
      const unsigned char c = s[i + 1];
      if (c == '!') {
        i = s.compare(i, 4, "<!--") == 0 ? skip_comment(s, i + 4) : skip_past(s, i + 2, '>');
        continue;
      }
      if (c == '?') {
        i = skip_past(s, i + 1, '>');
        continue;
      }
      const bool end_tag = c == '/';
      std::size_t p = end_tag ? i + 2 : i + 1;
      if (p >= n) break;
      if (!is_ascii_alpha(s[p])) {
        // "</>" is dropped, "</3" is a bogus comment, "<3" is text.
        i = end_tag ? skip_past(s, p, '>') : i + 1;
        continue;
      }
      const std::size_t name_start = p;
      while (p < n && !is_html_ws(s[p]) && s[p] != '/' && s[p] != '>') ++p;
      const std::string_view name = s.substr(name_start, p - name_start);
      bool self_closing = false;
      const std::size_t tag_end = skip_attributes(s, p, &self_closing);
      if (tag_end == std::string_view::npos) break;  // cut by the end of input: dropped
      i = tag_end;
      const GumboTag tag = gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
      if (end_tag)
        end(tag, name);
      else
        i = start(s, tag, name, self_closing, name_start - 1, i);
    }
    return deepest_;
  }

 private:
  struct Open {
    GumboTag tag;
    Ns ns;
    bool html_content;      // an SVG/MathML element whose children are parsed as HTML
    std::string_view name;  // for unknown tags, which the enum cannot tell apart
  };

  // --- the tokenizer's view

  static std::size_t skip_past(std::string_view s, std::size_t from, char c) {
    const std::size_t at = s.find(c, from);
    return at == std::string_view::npos ? s.size() : at + 1;
  }

  // After "<!--". Ends at "-->", "--!>", or at once for "<!-->" and "<!--->".
  static std::size_t skip_comment(std::string_view s, std::size_t i) {
    if (i < s.size() && s[i] == '>') return i + 1;
    if (s.compare(i, 2, "->") == 0) return i + 2;
    for (std::size_t k = s.find("--", i); k != std::string_view::npos; k = s.find("--", k + 1)) {
      if (s.compare(k + 2, 1, ">") == 0) return k + 3;
      if (s.compare(k + 2, 2, "!>") == 0) return k + 4;
    }
    return s.size();
  }

  // From just after the tag name to just after the closing '>', honouring quoted values (a '>'
  // inside quotes does not end the tag; an unclosed quote swallows the rest of the input).
  // npos when the input ends first: the tokenizer then drops the tag.
  static std::size_t skip_attributes(std::string_view s, std::size_t i, bool* self_closing) {
    const std::size_t n = s.size();
    while (i < n) {
      const char c = s[i];
      if (c == '>') return i + 1;
      if (c == '/') {
        if (i + 1 < n && s[i + 1] == '>') {
          *self_closing = true;
          return i + 2;
        }
        ++i;
        continue;
      }
      if (is_html_ws(c)) {
        ++i;
        continue;
      }
      ++i;  // an attribute name (its first character may be '=')
      while (i < n && !is_html_ws(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
      while (i < n && is_html_ws(s[i])) ++i;
      if (i >= n || s[i] != '=') continue;
      ++i;
      while (i < n && is_html_ws(s[i])) ++i;
      if (i >= n) break;
      if (s[i] == '"' || s[i] == '\'') {
        const std::size_t close = s.find(s[i], i + 1);
        if (close == std::string_view::npos) break;
        i = close + 1;
      } else {
        while (i < n && !is_html_ws(s[i]) && s[i] != '>') ++i;
      }
    }
    return std::string_view::npos;
  }

  static bool ends_name(std::string_view s, std::size_t i) {
    return i >= s.size() || is_html_ws(s[i]) || s[i] == '/' || s[i] == '>';
  }

  // RAWTEXT and RCDATA: the contents end at the first "</name" followed by a delimiter.
  static std::size_t skip_raw_text(std::string_view s, std::size_t i, std::string_view name) {
    for (std::size_t k = s.find("</", i); k != std::string_view::npos; k = s.find("</", k + 1))
      if (iequals(s.substr(k + 2, name.size()), name) && ends_name(s, k + 2 + name.size()))
        return k;
    return s.size();
  }

  // Script data, with the escaped and double-escaped states: "<!--<script>" hides the next
  // "</script>", which old pages rely on and which an estimate that ignored it could be fooled by.
  static std::size_t skip_script(std::string_view s, std::size_t i) {
    enum { data, escaped, double_escaped } state = data;
    for (std::size_t k = s.find_first_of("<-", i); k != std::string_view::npos;
         k = s.find_first_of("<-", k + 1)) {
      if (s[k] == '-') {
        if (state != data && s.compare(k, 3, "-->") == 0) state = data;
      } else if (state == data && s.compare(k, 4, "<!--") == 0) {
        state = escaped;
        k += 1;  // the "--" may also end it: "<!-->" is a whole escape
      } else if (starts_with_ci(s, k, "</script") && ends_name(s, k + 8)) {
        if (state != double_escaped) return k;
        state = escaped;
      } else if (state == escaped && starts_with_ci(s, k, "<script") && ends_name(s, k + 7)) {
        state = double_escaped;
      }
    }
    return s.size();
  }

  // --- the tree builder's view

  bool same_element(const Open& e, GumboTag tag, std::string_view name) const {
    return e.tag == tag && (tag != GUMBO_TAG_UNKNOWN || iequals(e.name, name));
  }

  bool is_special(const Open& e) const {
    return e.ns == Ns::html ? (classes_[e.tag] & kSpecial) != 0 : e.html_content;
  }

  bool is_scope_boundary(const Open& e) const {
    return e.ns == Ns::html ? (classes_[e.tag] & kScopeBoundary) != 0 : e.html_content;
  }

  // Whether the next start tag is parsed as SVG/MathML content (the standard's "tree
  // construction dispatcher", without the finer MathML cases).
  bool in_foreign_content() const {
    return !open_.empty() && open_.back().ns != Ns::html && !open_.back().html_content;
  }

  void push(GumboTag tag, Ns ns, bool html_content, std::string_view name) {
    open_.push_back(Open{tag, ns, html_content, tag == GUMBO_TAG_UNKNOWN ? name : std::string_view{}});
    if (ns == Ns::html) ++open_count_[tag];
    deepest_ = std::max(deepest_, open_.size());
  }

  void pop_to(std::size_t index) {  // pops open_[index] and everything above it
    while (open_.size() > index) {
      if (open_.back().ns == Ns::html) --open_count_[open_.back().tag];
      open_.pop_back();
    }
  }

  std::uint32_t open_headings() const {
    std::uint32_t n = 0;
    for (int t = GUMBO_TAG_H1; t <= GUMBO_TAG_H6; ++t) n += open_count_[t];
    return n;
  }

  // The index of the topmost HTML element `tag`, or npos.
  std::size_t find_html(GumboTag tag) {
    for (std::size_t k = open_.size(); k-- > 0;)
      if (open_[k].ns == Ns::html && open_[k].tag == tag) return k;
    return std::string_view::npos;  // not reached: callers check open_count_ first
  }

  // Returns where scanning continues (past raw text contents, or the end for <plaintext>).
  std::size_t start(std::string_view s, GumboTag tag, std::string_view name, bool self_closing,
                    std::size_t tag_start, std::size_t after) {
    const std::uint16_t cls = classes_[tag];
    if (in_foreign_content()) {
      if (!(cls & kBreakout)) {
        const Open& parent = open_.back();
        const Ns ns = tag == GUMBO_TAG_SVG ? Ns::svg : tag == GUMBO_TAG_MATH ? Ns::math : parent.ns;
        if (!self_closing) push(tag, ns, html_content(s, ns, tag, tag_start, after), name);
        return after;
      }
      while (in_foreign_content()) pop_to(open_.size() - 1);  // HTML breaks out of SVG/MathML
    }
    if (cls & (kVoid | kOptionalEnd)) return after;
    switch (tag) {
      case GUMBO_TAG_SVG:
      case GUMBO_TAG_MATH:
        if (!self_closing) push(tag, tag == GUMBO_TAG_SVG ? Ns::svg : Ns::math, false, name);
        return after;
      case GUMBO_TAG_PLAINTEXT: return s.size();
      case GUMBO_TAG_SCRIPT: {
        const std::size_t end = skip_script(s, after);
        if (!mentions_ld_json(s.substr(tag_start, after - tag_start))) note_raw(s, tag_start, after, end, 6);
        return end;
      }
      case GUMBO_TAG_A:
      case GUMBO_TAG_NOBR:
      case GUMBO_TAG_BUTTON:  // a second one closes the first
        if (open_count_[tag] > 0) pop_to(find_html(tag));
        break;
      case GUMBO_TAG_SELECT:  // a nested <select> acts as </select>
        if (open_count_[tag] > 0) {
          pop_to(find_html(tag));
          return after;
        }
        break;
      case GUMBO_TAG_FORM:  // nested forms are ignored
        if (open_count_[tag] > 0) return after;
        break;
      case GUMBO_TAG_TABLE:
        if (!open_.empty() && open_.back().tag == GUMBO_TAG_TABLE) pop_to(open_.size() - 1);
        break;
      default:
        if (is_heading(tag) && !open_.empty() && open_.back().ns == Ns::html &&
            is_heading(open_.back().tag))
          pop_to(open_.size() - 1);
        break;
    }
    if (cls & kRawText) {
      const std::size_t end = skip_raw_text(s, after, name);
      if (tag == GUMBO_TAG_STYLE) note_raw(s, tag_start, after, end, 5);
      return end;
    }
    push(tag, Ns::html, false, name);
    return after;
  }

  // Only contents closed by a whole end tag ("</style" and the character after it): at the end
  // of the input, "</style" alone is text of the element, not its end.
  void note_raw(std::string_view s, std::size_t tag_start, std::size_t from, std::size_t to,
                std::size_t name_length) {
    if (raw_ && from < to && to + 2 + name_length < s.size())
      raw_->push_back(RawTextRange{tag_start, from, to});
  }

  static bool mentions_ld_json(std::string_view start_tag) {
    for (std::size_t k = start_tag.find_first_of("lL"); k != std::string_view::npos;
         k = start_tag.find_first_of("lL", k + 1))
      if (starts_with_ci(start_tag, k, "ld+json")) return true;
    return false;
  }

  // SVG foreignObject/desc/title, MathML text elements and annotation-xml declared as HTML
  // hold HTML content.
  static bool html_content(std::string_view s, Ns ns, GumboTag tag, std::size_t from,
                           std::size_t to) {
    if (ns == Ns::svg)
      return tag == GUMBO_TAG_FOREIGNOBJECT || tag == GUMBO_TAG_DESC || tag == GUMBO_TAG_TITLE;
    if (ns != Ns::math) return false;
    if (tag == GUMBO_TAG_MI || tag == GUMBO_TAG_MO || tag == GUMBO_TAG_MN || tag == GUMBO_TAG_MS ||
        tag == GUMBO_TAG_MTEXT)
      return true;
    if (tag != GUMBO_TAG_ANNOTATION_XML) return false;
    const std::string_view text = s.substr(from, to - from);
    for (std::size_t k = 0; k < text.size(); ++k)
      if (starts_with_ci(text, k, "text/html") || starts_with_ci(text, k, "application/xhtml+xml"))
        return true;
    return false;
  }

  void end(GumboTag tag, std::string_view name) {
    // In SVG/MathML content an end tag closes the nearest element of that name, up to the
    // first HTML element; from there the HTML rules apply.
    std::size_t k = open_.size();
    while (k > 0 && open_[k - 1].ns != Ns::html) {
      if (same_element(open_[k - 1], tag, name)) {
        pop_to(k - 1);
        return;
      }
      if (--work_left_ == 0) return;
      --k;
    }
    const std::uint16_t cls = classes_[tag];
    if (cls & (kVoid | kOptionalEnd | kRawText)) return;  // never on our stack
    // Nothing of that name is open: the walk below would find nothing. Checking first keeps a
    // stream of stray end tags linear.
    if (tag == GUMBO_TAG_UNKNOWN ? open_count_[tag] == 0
        : is_heading(tag)        ? open_headings() == 0
                                 : open_count_[tag] == 0)
      return;
    for (k = open_.size(); k-- > 0;) {
      const Open& e = open_[k];
      const bool match = e.ns == Ns::html &&
                         (same_element(e, tag, name) || (is_heading(tag) && is_heading(e.tag)));
      if (match) {
        // The adoption agency keeps special elements opened inside a formatting element open
        // (and clones the formatting element into them), so the depth does not fall.
        if (cls & kFormatting)
          for (std::size_t above = k + 1; above < open_.size(); ++above)
            if (is_special(open_[above])) return;
        pop_to(k);
        return;
      }
      // Special and formatting elements must be "in scope"; any other end tag stops at the
      // first special element.
      if ((cls & (kSpecial | kFormatting)) ? is_scope_boundary(e) : is_special(e)) return;
      if (--work_left_ == 0) return;
    }
  }

  std::size_t bound_;
  const TagTable& classes_;
  std::vector<Open> open_;
  std::array<std::uint32_t, GUMBO_TAG_LAST + 1> open_count_{};
  std::size_t deepest_ = 0;
  std::size_t work_left_;
  std::vector<RawTextRange>* raw_;
};

}  // namespace

std::size_t estimate_depth(std::string_view html, std::size_t bound,
                           std::vector<RawTextRange>* raw) {
  return DepthEstimate(bound, html.size(), raw).run(html);
}

}  // namespace tv::html::detail
