// Title: the tool's name inside a page title or heading.
//   "HuggingFaceTB/SmolVLM2-2.2B-Instruct · Hugging Face" -> "SmolVLM2-2.2B-Instruct"
//   "SmolVLM2 | LaunchBoard"                              -> "SmolVLM2"
//   "Code Llama 4 - Meta AI Blog"                         -> "Code Llama 4"
//   "Introducing Code Llama 4: open code models"          -> "Code Llama 4"
// Only spaced separators split (" | ", " · ", " - ", " — ", " – ", " :: ", " » "), so
// hyphens inside names ("SmolVLM2-2B", "GPT-4o") are safe. Never throws.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tv::extract {

// A title's segments at the spaced separators above (and, with `colon_space`, at ": " after a
// word: "Perplexity: Test und Einschätzung"), empty ones kept.
std::vector<std::string> split_title(const std::string& title, bool colon_space);

// `site_name` (og:site_name, may be empty) is dropped wherever it appears as a segment.
std::string name_from_title(std::string_view title, std::string_view site_name);

// The segment after the name, when a title reads "Name – Tagline | Site"; "" otherwise.
std::string tagline_from_title(std::string_view title, std::string_view site_name);

}  // namespace tv::extract
