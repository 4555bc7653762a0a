// Licences to SPDX ids where one exists ("Apache 2.0" -> Apache-2.0, "MIT License" -> MIT,
// "cc-by-nc-4.0" -> CC-BY-NC-4.0, "gpl-3.0" -> GPL-3.0-only) and to a named licence otherwise
// ("llama3.2" -> "Llama 3.2 Community License", "Llama community license" -> "Llama Community
// License", "gemma" -> "Gemma Terms of Use", "proprietary" -> "Proprietary"). Never throws.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace tv::fields {

struct License {
  std::string spdx;   // SPDX id, "" when the licence has none
  std::string name;   // display name: "Apache License 2.0", "Llama Community License", ...
  bool operator==(const License&) const = default;
};

// Parses a text that names one licence (a licence field, a Hub tag, a licence URL). nullopt
// when it does not ("other", "unknown", "custom", a repository's LICENSE file).
std::optional<License> parse_license(std::string_view text);

// Finds a licence stated in running prose: "Released under Apache 2.0", "under the Llama
// Community License", "MIT-licensed". nullopt when none is stated.
std::optional<License> license_in_prose(std::string_view text);

}  // namespace tv::fields
