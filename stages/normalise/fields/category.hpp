// Site categories: the reader-facing sections of the site ("Developer Tools", "Writing",
// "Image Generation", ...). Never throws.
#pragma once
#include <string>
#include <string_view>

namespace tv::fields {

// Maps a scraped category (a breadcrumb, a schema.org applicationCategory such as
// "DeveloperApplication", a directory tag such as "ai chatbots") to the site's category.
// Unknown categories come back title-cased and cleaned; "" in gives "", and so do generic tags
// that name no category ("AI Tools", "free ai tools", "Uncategorized").
std::string canonical_category(std::string_view raw);

// The category a tool falls in when the page names none, from its kind
// ("code", "vision-language", "text", ... models -> "Developer Tools"). "" when unknown.
std::string category_for_kind(std::string_view kind);

}  // namespace tv::fields
