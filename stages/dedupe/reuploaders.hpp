// Re-uploaders: Hub organisations that publish quantised or converted copies of other
// organisations' models ("TheBloke/Mistral-7B-Instruct-v0.2-GGUF" is Mistral AI's model). The
// matcher (rule 1, matcher.hpp) lets such a record join its original whatever the vendors say,
// but only when its name carries a quantisation suffix: "unsloth" publishing a model of its own
// is an ordinary vendor.
//
// The list is data, kept in one table (reuploaders.cpp) and written down in
// docs/catalogue.md#re-uploads; add an organisation there and here together. Names are compared
// case-insensitively on letters and digits only ("mlx-community" = "MLX Community"). Pure;
// never throws.
#pragma once
#include <string_view>

namespace tv::dedupe {

// True when `vendor` (as scraped or canonicalised) names a known re-uploader.
bool is_reuploader(std::string_view vendor);

}  // namespace tv::dedupe
