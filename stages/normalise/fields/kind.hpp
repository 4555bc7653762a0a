// The kind of tool: what a reader would weigh it against. Never throws.
#pragma once
#include <string>
#include <string_view>

namespace tv::fields {

// One of: "vision-language", "code", "text", "image", "video", "audio", "speech",
// "embedding", "multimodal", "agent", "app" (a product rather than a model), or "" when
// the evidence says nothing.
//
// `tag` is a machine tag when the page has one (a Hugging Face pipeline tag such as
// "image-text-to-text", a schema.org applicationCategory); `text` is name + description.
// A tag wins over text, except that the general "text" (every language model is tagged
// text-generation, code models too) is refined by a code or vision-language reading of the
// text. In text, specific phrases ("vision-language", "code model") win over general ones
// ("language model").
std::string infer_kind(std::string_view tag, std::string_view text);

}  // namespace tv::fields
