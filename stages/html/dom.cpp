// Dom: gumbo parses, an arena holds gumbo's memory, the tree is copied into pugixml without
// recursion. See dom.hpp for the shape of the resulting tree.
//
// Defences, in the order they run (all produce a refusal sentence, never a crash or a hang):
//   1. limits.max_bytes, checked before anything else;
//   2. a linear pre-scan that estimates how deep the tags nest, refused above 4 x max_depth:
//      gumbo's tree construction does work proportional to the depth of the open-element stack
//      on most tokens, so a page of 200,000 nested <div>s would take minutes;
//   3. while gumbo runs, the arena enforces a memory budget and a time allowance and leaves
//      gumbo by longjmp when either is spent. This is the backstop for what the estimate cannot
//      see (misnested formatting tags that gumbo clones over and over, inputs crafted against
//      the estimate); gumbo is C and keeps no state outside the arena, so abandoning it
//      mid-parse is safe;
//   4. limits.max_depth, measured exactly on the parsed tree during the copy.
#include "stages/html/dom.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace tv::html {
namespace {

constexpr const char* kSvgNamespace = "http://www.w3.org/2000/svg";
constexpr const char* kMathNamespace = "http://www.w3.org/1998/Math/MathML";

bool is_html_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
bool is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 0x20 : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view lower_word) {
  return pos + lower_word.size() <= s.size() && iequals(s.substr(pos, lower_word.size()), lower_word);
}

// =============================================================================================
// 1. The arena gumbo allocates from. Blocks come from malloc and are all freed together when the
// arena dies; gumbo's deallocator is a no-op, so gumbo_destroy_output (which recurses and would
// overflow the stack on deep trees) is never needed.

class Arena {
 public:
  Arena(std::size_t budget, std::chrono::steady_clock::time_point deadline)
      : budget_(budget), deadline_(deadline) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    while (blocks_) {
      Block* next = blocks_->next;
      std::free(blocks_);
      blocks_ = next;
    }
  }

  // Called from inside gumbo. On failure it does not return: it longjmps to `bail`, which
  // run_gumbo set. Nothing in this function has a destructor, as longjmp requires.
  void* allocate(std::size_t n) {
    if (n > budget_) give_up(Failure::memory);
    n = (n + kAlign - 1) & ~(kAlign - 1);
    if (n == 0) n = kAlign;
    if ((++calls_ & 63) == 0 && std::chrono::steady_clock::now() > deadline_)
      give_up(Failure::time);
    if (n <= static_cast<std::size_t>(end_ - cur_)) {
      void* p = cur_;
      cur_ += n;
      return p;
    }
    // A large request gets a block of its own, so the current block keeps serving small ones.
    if (n > kBlockSize / 4) return new_block(n);
    cur_ = static_cast<char*>(new_block(kBlockSize));
    end_ = cur_ + kBlockSize;
    void* p = cur_;
    cur_ += n;
    return p;
  }

  enum class Failure { none, memory, time, out_of_memory };
  Failure failure = Failure::none;
  std::jmp_buf bail;
  std::size_t reserved() const { return reserved_; }

 private:
  static constexpr std::size_t kAlign = alignof(std::max_align_t);
  static constexpr std::size_t kBlockSize = 256u << 10;
  struct alignas(std::max_align_t) Block {
    Block* next;
  };

  void* new_block(std::size_t payload) {
    if (payload > budget_ || reserved_ > budget_ - payload) give_up(Failure::memory);
    void* raw = std::malloc(sizeof(Block) + payload);
    if (!raw) give_up(Failure::out_of_memory);
    Block* b = static_cast<Block*>(raw);
    b->next = blocks_;
    blocks_ = b;
    reserved_ += payload;
    return reinterpret_cast<char*>(b) + sizeof(Block);
  }

  [[noreturn]] void give_up(Failure why) {
    failure = why;
    std::longjmp(bail, 1);
  }

  Block* blocks_ = nullptr;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  std::size_t reserved_ = 0;
  std::size_t calls_ = 0;
  std::size_t budget_;
  std::chrono::steady_clock::time_point deadline_;
};

void* arena_allocate(void* arena, std::size_t n) { return static_cast<Arena*>(arena)->allocate(n); }
void arena_deallocate(void*, void*) {}

// Runs gumbo over the arena. Returns nullptr when the arena gave up; arena.failure says why.
// Kept minimal: between setjmp and a longjmp into it, only C frames and Arena::allocate run.
GumboOutput* run_gumbo(Arena& arena, std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &arena_allocate;
  options.deallocator = &arena_deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // errors copy the open-element stack: quadratic, and unused here
  if (setjmp(arena.bail) != 0) return nullptr;
  return gumbo_parse_with_options(&options, html.data(), html.size());
}

// The memory budget and the time allowance for one parse. Measured: gumbo takes 4-15 bytes of
// arena per byte of page on the readability corpus, and 40-60 on walls of tiny tags ("<br>",
// "<tr><td>x" repeated). Normal pages parse at several MB/s. Both bounds scale with the page.
std::size_t memory_budget(std::size_t bytes) { return (64u << 20) + 96 * bytes; }
std::chrono::milliseconds time_allowance(std::size_t bytes) {
  return std::chrono::milliseconds(5000 + bytes / 1000);  // 5 s plus 1 s per MB
}

// =============================================================================================
// 2. The depth estimate: a linear walk over the tags that keeps a stack of the elements a
// browser would hold open. It follows the tokenizer closely enough to skip comments, quoted
// attribute values and raw text (script, style, textarea, title...), and the tree builder
// loosely: void elements and elements with optional end tags are never counted, an end tag
// closes only an element it names (so a stream of stray "</x>" cannot cancel real nesting),
// and it stops where the HTML standard stops (special elements, scope boundaries). It is an
// estimate; the arena's budgets cover what it misses, and the copy measures the truth.
//
// An end tag walks down the stack like the tree builder does, which on a deep stack costs up to
// the stack's height. The walks share a work allowance proportional to the input; an input
// that spends it (thousands of stray end tags under thousands of open elements) stops the
// estimate early and is left to gumbo, whose own time allowance then bounds it.

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
  DepthEstimate(std::size_t bound, std::size_t input_size)
      : bound_(bound), classes_(tag_table()), work_left_(16 * input_size + 100000) {}

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
      case GUMBO_TAG_SCRIPT: return skip_script(s, after);
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
    if (cls & kRawText) return skip_raw_text(s, after, name);
    push(tag, Ns::html, false, name);
    return after;
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
};

// =============================================================================================
// 3. Names. pugixml stores any string as a name, but a name that is not an XML name (HTML allows
// "a<b", "x\"y", "1x" ...) makes a document that no longer saves as XML. Such names are escaped
// the way XmlConvert.EncodeName does, reversibly: each offending character becomes _xHHHH_, and
// so does a literal '_' that starts "_x", so decoding is unambiguous.

bool is_name_start(char32_t c) {
  return c == ':' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
         (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
         (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_char(char32_t c) {
  return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

// Decodes one UTF-8 character at s[i]; malformed bytes read as U+FFFD, one byte at a time.
char32_t next_char(std::string_view s, std::size_t& i) {
  const unsigned char b = s[i];
  if (b < 0x80) {
    ++i;
    return b;
  }
  const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  char32_t c = len == 4 ? b & 0x07 : len == 3 ? b & 0x0F : b & 0x1F;
  bool ok = len > 1 && i + len <= s.size();
  for (std::size_t k = 1; ok && k < len; ++k) {
    const unsigned char cont = s[i + k];
    ok = (cont & 0xC0) == 0x80;
    c = (c << 6) | (cont & 0x3F);
  }
  const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
  if (!ok || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return c;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Common names (ASCII letters, then letters, digits, '-', '.', ':') pass without a copy.
bool is_plain_name(const char* name) {
  if (!is_ascii_alpha(name[0])) return false;
  for (const char* p = name + 1; *p; ++p) {
    const unsigned char c = *p;
    if (!(is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':'))
      return false;
  }
  return true;
}

// Returns `name` itself, or its escaped form written into `scratch`.
const char* xml_name(const char* name, std::string& scratch) {
  if (is_plain_name(name)) return name;
  const std::string_view s(name);
  scratch.clear();
  if (s.empty()) return "_x0000_";  // cannot come from gumbo; kept well-formed regardless
  bool first = true;
  for (std::size_t i = 0; i < s.size(); first = false) {
    const std::size_t at = i;
    const char32_t c = next_char(s, i);
    const bool escape = (first ? !is_name_start(c) : !is_name_char(c)) ||
                        (c == '_' && at + 1 < s.size() && s[at + 1] == 'x');
    if (!escape) {
      append_utf8(scratch, c);
      continue;
    }
    char buf[16];
    const int len = std::snprintf(buf, sizeof buf, "_x%04X_", static_cast<unsigned>(c));
    scratch.append(buf, static_cast<std::size_t>(len));
  }
  return scratch.c_str();
}

bool is_upper_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

// The inverse of xml_name, for html5lib_dump.
std::string decode_name(std::string_view s) {
  std::string out;
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "_x") == 0) {
      std::size_t k = i + 2;
      while (k < s.size() && k - (i + 2) < 6 && is_upper_hex(s[k])) ++k;
      const std::size_t digits = k - (i + 2);
      if (digits >= 4 && k < s.size() && s[k] == '_') {
        append_utf8(out, static_cast<char32_t>(
                             std::strtoul(std::string(s.substr(i + 2, digits)).c_str(), nullptr, 16)));
        i = k + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// The element's name: gumbo's for known tags, else from the source text of the start tag (the
// name is not kept by gumbo 0.10.1), lower-cased the way the tokenizer does. SVG names get
// their camelCase back (foreignObject, clipPath).
const char* element_name(const GumboElement& e, std::string& scratch) {
  const char* name = nullptr;
  if (e.tag != GUMBO_TAG_UNKNOWN && e.tag != GUMBO_TAG_LAST) {
    name = gumbo_normalized_tagname(e.tag);
  } else {
    std::string_view text(e.original_tag.data ? e.original_tag.data : "", e.original_tag.length);
    std::size_t i = text.size() > 0 && text[0] == '<' ? 1 : 0;
    if (i < text.size() && text[i] == '/') ++i;
    std::size_t end = i;
    while (end < text.size() && !is_html_ws(text[end]) && text[end] != '/' && text[end] != '>')
      ++end;
    const std::string_view raw = text.substr(i, end - i);
    scratch.clear();
    for (std::size_t k = 0; k < raw.size();) {
      const char32_t c = next_char(raw, k);
      append_utf8(scratch, c == 0 ? 0xFFFD : c >= 'A' && c <= 'Z' ? c + 0x20 : c);
    }
    if (scratch.empty()) scratch = "unknown";
    name = scratch.c_str();
  }
  if (e.tag_namespace == GUMBO_NAMESPACE_SVG) {
    const GumboStringPiece piece{name, std::strlen(name)};
    if (const char* adjusted = gumbo_normalize_svg_tagname(&piece)) return adjusted;
  }
  return name;
}

// =============================================================================================
// 4. The copy into pugixml, with an explicit stack.

// gumbo 0.10.1 writes a malformed byte for an out-of-range numeric reference ("&#11111111111"):
// the one way its text can stop being UTF-8. Such strings are repaired with U+FFFD, so the
// tree holds only UTF-8, which later stages (JSON output) depend on.
const char* utf8_text(const char* text, std::string& scratch) {
  const char* p = text;
  while (*p) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      ++p;
      continue;
    }
    const std::string_view rest(p);
    std::size_t i = 0;
    if (next_char(rest, i) == 0xFFFD && rest.compare(0, 3, "\xEF\xBF\xBD") != 0) break;
    p += i;
  }
  if (!*p) return text;
  scratch.assign(text, p);
  const std::string_view rest(p);
  for (std::size_t i = 0; i < rest.size();) append_utf8(scratch, next_char(rest, i));
  return scratch.c_str();
}

struct CopyResult {
  bool ok = true;               // false: pugixml ran out of memory
  std::size_t depth = 0;        // deepest element nesting
  std::size_t elements = 0;
};

void append_text(pugi::xml_node parent, const char* raw, std::string& scratch, bool& ok) {
  const char* text = utf8_text(raw, scratch);
  pugi::xml_node last = parent.last_child();
  if (last.type() == pugi::node_pcdata) {
    // gumbo sometimes splits a run of text (whitespace, then text); the DOM has one node.
    std::string merged = last.value();
    merged += text;
    ok = ok && last.set_value(merged.c_str());
    return;
  }
  pugi::xml_node node = parent.append_child(pugi::node_pcdata);
  ok = ok && node && node.set_value(text);
}

void copy_attributes(const GumboElement& e, pugi::xml_node out, std::string& scratch, bool& ok) {
  const bool foreign = e.tag_namespace != GUMBO_NAMESPACE_HTML;
  if (foreign) {
    pugi::xml_attribute ns = out.append_attribute("xmlns");
    ok = ok && ns &&
         ns.set_value(e.tag_namespace == GUMBO_NAMESPACE_SVG ? kSvgNamespace : kMathNamespace);
  }
  for (unsigned k = 0; k < e.attributes.length; ++k) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
    const char* name = a->name;
    if (a->attr_namespace != GUMBO_ATTR_NAMESPACE_NONE) {
      // xlink:href, xml:lang, xmlns:xlink keep their prefix. A declared xmlns is dropped: the
      // element already carries its namespace in the xmlns attribute added above.
      const char* prefix = a->attr_namespace == GUMBO_ATTR_NAMESPACE_XLINK ? "xlink:"
                           : a->attr_namespace == GUMBO_ATTR_NAMESPACE_XML ? "xml:"
                                                                             : "xmlns:";
      if (std::strcmp(name, "xmlns") == 0) continue;
      scratch.assign(prefix).append(name);
      std::string escaped;
      name = xml_name(scratch.c_str(), escaped);
      pugi::xml_attribute attr = out.append_attribute(name);
      ok = ok && attr && attr.set_value(utf8_text(a->value, scratch));
      continue;
    }
    pugi::xml_attribute attr = out.append_attribute(xml_name(name, scratch));
    ok = ok && attr && attr.set_value(utf8_text(a->value, scratch));
  }
}

// The doctype node's value, which pugixml saves after "<!DOCTYPE ": the name, escaped like
// element names ("html<x" is a possible doctype name), then PUBLIC "public" "system" when either
// identifier is present. An identifier holding a double quote is written in single quotes; one
// holding both kinds has its double quotes turned into single ones (not reversible; never seen).
std::string doctype_value(const GumboDocument& doc) {
  std::string scratch;
  std::string value = doc.name && *doc.name ? xml_name(doc.name, scratch) : "";
  const char* pub = doc.public_identifier ? doc.public_identifier : "";
  const char* sys = doc.system_identifier ? doc.system_identifier : "";
  if (!*pub && !*sys) return value;
  value += " PUBLIC";
  for (std::string id : {std::string(pub), std::string(sys)}) {
    char quote = '"';
    if (id.find('"') != std::string::npos) {
      if (id.find('\'') != std::string::npos)
        std::replace(id.begin(), id.end(), '"', '\'');
      else
        quote = '\'';
    }
    value.append(" ").append(1, quote).append(id).append(1, quote);
  }
  return value;
}

// Walks gumbo's tree. Stops copying (but keeps measuring) once an element is deeper than
// max_depth, so the refusal can say how deep the page really goes.
CopyResult copy_tree(const GumboOutput& g, pugi::xml_document& out, std::size_t max_depth) {
  CopyResult r;
  const GumboDocument& doc = g.document->v.document;
  if (doc.has_doctype)
    r.ok = out.append_child(pugi::node_doctype).set_value(doctype_value(doc).c_str());
  struct Frame {
    const GumboVector* children;
    unsigned next;
    pugi::xml_node out;
  };
  std::vector<Frame> stack;
  stack.reserve(64);
  stack.push_back(Frame{&doc.children, 0, out});
  std::string scratch, escaped;
  bool copying = true;
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.children->length) {
      stack.pop_back();
      continue;
    }
    const auto* node = static_cast<const GumboNode*>(top.children->data[top.next++]);
    pugi::xml_node parent = top.out;  // `top` dies at the push below
    switch (node->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const std::size_t depth = stack.size();
        r.depth = std::max(r.depth, depth);
        ++r.elements;
        if (depth > max_depth) copying = false;
        pugi::xml_node el;
        if (copying) {
          el = parent.append_child(xml_name(element_name(node->v.element, scratch), escaped));
          r.ok = r.ok && el;
          copy_attributes(node->v.element, el, scratch, r.ok);
        }
        // gumbo keeps <template> contents as the template node's children: they stay there.
        stack.push_back(Frame{&node->v.element.children, 0, el});
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        if (copying) append_text(parent, node->v.text.text, scratch, r.ok);
        break;
      case GUMBO_NODE_COMMENT:
        if (copying) {
          pugi::xml_node c = parent.append_child(pugi::node_comment);
          r.ok = r.ok && c && c.set_value(utf8_text(node->v.text.text, scratch));
        }
        break;
      case GUMBO_NODE_DOCUMENT:
        break;  // never a child
    }
    if (!r.ok) break;
  }
  return r;
}

bool refuse(std::string* error, std::string sentence) {
  if (error) *error = std::move(sentence);
  return false;
}

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20); }

}  // namespace

bool parse_html(std::string_view utf8, const ParseLimits& limits, pugi::xml_document& out,
                std::string* error, ParseStats* stats) {
  try {
    out.reset();
    if (stats) *stats = ParseStats{};
    // gumbo counts positions in unsigned int: nothing near 4 GB may reach it, whatever the config.
    const std::size_t max_bytes = std::min<std::size_t>(limits.max_bytes, UINT_MAX / 2);
    if (utf8.size() > max_bytes)
      return refuse(error, "the page is " + std::to_string(utf8.size()) + " bytes; the limit is " +
                               std::to_string(limits.max_bytes) + " bytes (limits.max_bytes)");

    const std::size_t bound =
        limits.max_depth > SIZE_MAX / 4 ? SIZE_MAX : 4 * std::max<std::size_t>(limits.max_depth, 16);
    if (DepthEstimate(bound, utf8.size()).run(utf8) > bound)
      return refuse(error, "the page nests elements more than " + std::to_string(bound) +
                               " levels deep (counted before parsing); the limit is " +
                               std::to_string(limits.max_depth) + " (limits.max_depth)");

    const auto allowance = time_allowance(utf8.size());
    Arena arena(memory_budget(utf8.size()), std::chrono::steady_clock::now() + allowance);
    const GumboOutput* g = run_gumbo(arena, utf8);
    if (!g) {
      switch (arena.failure) {
        case Arena::Failure::memory:
          return refuse(error, "the HTML parser needed more than " +
                                   megabytes(memory_budget(utf8.size())) +
                                   " MB for this page (tags that must be repeated, such as "
                                   "misnested formatting tags); the page was refused");
        case Arena::Failure::time:
          return refuse(error, "the HTML parser did not finish this page within " +
                                   std::to_string(allowance.count() / 1000) +
                                   " s (unusually deep or tangled markup); the page was refused");
        default:
          return refuse(error, "the machine ran out of memory while parsing the page");
      }
    }

    const CopyResult r = copy_tree(*g, out, limits.max_depth);
    if (r.depth > limits.max_depth) {
      out.reset();
      return refuse(error, "the page nests elements " + std::to_string(r.depth) +
                               " levels deep; the limit is " + std::to_string(limits.max_depth) +
                               " (limits.max_depth)");
    }
    if (!r.ok) {
      out.reset();
      return refuse(error, "the machine ran out of memory while building the page's tree");
    }
    if (stats) *stats = ParseStats{r.depth, r.elements};
    return true;
  } catch (const std::bad_alloc&) {
    out.reset();
    return refuse(error, "the machine ran out of memory while parsing the page");
  } catch (const std::exception& e) {  // a bug of ours; still a refusal, not a crash
    out.reset();
    return refuse(error, std::string("internal error while parsing the page: ") + e.what());
  }
}

// =============================================================================================
// html5lib_dump: the tree-construction test format, walked with an explicit stack.

namespace {

// The attributes the HTML standard puts in a namespace on SVG/MathML elements ("adjust foreign
// attributes"); html5lib prints them as "xlink href". Any other "xlink:foo" is a plain name.
bool is_adjusted_foreign_attribute(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role", "xlink:show",
      "xlink:title",   "xlink:type",    "xml:lang",   "xml:space",  "xmlns:xlink"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// "svg ", "math " or "" from the xmlns attribute that copy_attributes puts first.
const char* namespace_prefix(const pugi::xml_node& el) {
  const pugi::xml_attribute first = el.first_attribute();
  if (!first || std::strcmp(first.name(), "xmlns") != 0) return "";
  if (std::strcmp(first.value(), kSvgNamespace) == 0) return "svg ";
  if (std::strcmp(first.value(), kMathNamespace) == 0) return "math ";
  return "";
}

// From doctype_value's form back to html5lib's: `name "public" "system"`.
std::string dump_doctype(std::string_view value) {
  const std::size_t space = value.find(' ');
  std::string out = decode_name(value.substr(0, space));
  if (space == std::string_view::npos || value.compare(space, 8, " PUBLIC ") != 0) return out;
  std::string_view rest = value.substr(space + 8);
  for (int k = 0; k < 2 && !rest.empty(); ++k) {
    const char quote = rest[0];
    const std::size_t close = rest.find(quote, 1);
    if (close == std::string_view::npos) break;
    out.append(" \"").append(rest.substr(1, close - 1)).append("\"");
    rest.remove_prefix(std::min(rest.size(), close + 2));  // the quote and the space after it
  }
  return out;
}

void line(std::string& out, std::size_t depth) {
  if (!out.empty()) out += '\n';
  out += "| ";
  out.append(2 * depth, ' ');
}

}  // namespace

std::string html5lib_dump(const pugi::xml_document& doc) {
  std::string out;
  try {
    std::vector<std::pair<pugi::xml_node, std::size_t>> stack;  // (node, depth)
    for (pugi::xml_node c = doc.last_child(); c; c = c.previous_sibling()) stack.emplace_back(c, 0);
    std::vector<std::pair<std::string, std::string>> attributes;
    while (!stack.empty()) {
      const auto [node, depth] = stack.back();
      stack.pop_back();
      switch (node.type()) {
        case pugi::node_doctype:
          line(out, depth);
          out.append("<!DOCTYPE ").append(dump_doctype(node.value())).append(">");
          break;
        case pugi::node_comment:
          line(out, depth);
          out.append("<!-- ").append(node.value()).append(" -->");
          break;
        case pugi::node_pcdata:
        case pugi::node_cdata:
          line(out, depth);
          out.append("\"").append(node.value()).append("\"");
          break;
        case pugi::node_element: {
          const char* prefix = namespace_prefix(node);
          line(out, depth);
          out.append("<").append(prefix).append(decode_name(node.name())).append(">");
          attributes.clear();
          for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
            if (*prefix && std::strcmp(a.name(), "xmlns") == 0) continue;  // the namespace
            std::string name = decode_name(a.name());
            if (*prefix && is_adjusted_foreign_attribute(name)) name[name.find(':')] = ' ';
            attributes.emplace_back(std::move(name), a.value());
          }
          std::sort(attributes.begin(), attributes.end());
          for (const auto& [name, value] : attributes) {
            line(out, depth + 1);
            out.append(name).append("=\"").append(value).append("\"");
          }
          std::size_t child_depth = depth + 1;
          if (!*prefix && std::strcmp(node.name(), "template") == 0) {
            line(out, depth + 1);
            out += "content";
            child_depth = depth + 2;
          }
          for (pugi::xml_node c = node.last_child(); c; c = c.previous_sibling())
            stack.emplace_back(c, child_depth);
          break;
        }
        default:
          break;
      }
    }
  } catch (const std::exception&) {
    out += "\n(out of memory)";
  }
  return out;
}

}  // namespace tv::html
