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
// Without recursion; throws only std::bad_alloc.
#pragma once
#include <cstddef>
#include <string_view>

namespace tv::html::detail {

// The deepest nesting seen in `html`, or a value above `bound` as soon as one is seen.
std::size_t estimate_depth(std::string_view html, std::size_t bound);

}  // namespace tv::html::detail
