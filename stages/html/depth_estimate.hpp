// DepthEstimate: how deep a page's elements nest, estimated from the bytes before gumbo runs.
// Internal to stages/html: dom.cpp refuses a page whose estimate is far above
// limits.max_depth, because gumbo's tree construction does work proportional to the depth of
// the open-element stack on most tokens (a page of 200,000 nested <div>s would take minutes).
//
// A linear walk over the tags that keeps a stack of the elements a browser would hold open.
// It follows the tokenizer closely enough to skip comments, quoted attribute values and raw
// text (script, style, textarea, title...), and the tree builder loosely: void elements and
// elements with optional end tags are never counted, an end tag closes only an element it
// names (so a stream of stray "</x>" cannot cancel real nesting), and it stops where the HTML
// standard stops (special elements, scope boundaries). It is an estimate; the arena's budgets
// cover what it misses, and the copy measures the truth.
//
// An end tag walks down the stack like the tree builder does, which on a deep stack costs up to
// the stack's height. The walks share a work allowance proportional to the input; an input
// that spends it (thousands of stray end tags under thousands of open elements) stops the
// estimate early and is left to gumbo, whose own time allowance then bounds it.
//
// The same walk also lists the raw text it skipped that parse_html may leave out
// (RawText::drop): the contents of <style> and of <script> other than JSON-LD, each only where
// the walk believes it is in HTML content. That is a belief, not a promise: dom.cpp checks each
// range against gumbo's tree and parses the page whole when one does not hold.
// Without recursion; throws only std::bad_alloc.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace tv::html::detail {

// A <script> or <style> element's contents: html[from, to). tag_start is the '<' of its start
// tag; `to` is the '<' of its end tag (contents the input ends in are not listed).
struct RawTextRange {
  std::size_t tag_start;
  std::size_t from;
  std::size_t to;
};

// The deepest nesting seen in `html`, or a value above `bound` as soon as one is seen. With
// `raw`, also appends the ranges described above, in order, up to where the walk stopped.
// A <script> whose start tag mentions "ld+json" (any case) is never listed.
std::size_t estimate_depth(std::string_view html, std::size_t bound,
                           std::vector<RawTextRange>* raw = nullptr);

}  // namespace tv::html::detail
