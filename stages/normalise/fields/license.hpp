// Licences to SPDX ids where one exists ("Apache 2.0" -> Apache-2.0, "MIT License" -> MIT,
// "cc-by-nc-4.0" -> CC-BY-NC-4.0) and to a named licence otherwise ("llama3.2",
// "Llama community license" -> "Llama Community License"). Never throws.
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

// Parses a text that names one licence (a licence field or tag). nullopt when it does not.
std::optional<License> parse_license(std::string_view text);

// Finds a licence stated in running prose: "Released under Apache 2.0", "under the Llama
// Community License", "MIT-licensed". nullopt when none is stated.
std::optional<License> license_in_prose(std::string_view text);

}  // namespace tv::fields
