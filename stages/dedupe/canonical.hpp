// Canonical: one group of records (one tool) -> the tool as the site shows it: its name, its
// aliases and variants, one value per field with the record it came from, the disagreements
// kept side by side, and the merge record saying why each record belongs.
//
// Input records are in the stored record JSON (docs/records.md). Rules:
//   - name: the family form (names.hpp) most members share, never a form with a mode in
//     brackets while another form has none ("Claude 3.7 Sonnet", not "Claude 3.7 Sonnet
//     (thinking)"); ties go to the form written out in full as some member's whole name, then
//     the longer (more punctuated: "tl;dv" over "tldv"), then the smaller in byte order. An
//     editor's rename wins over all of these.
//   - aliases: every other display name and family form of the members, sorted, without the
//     name itself (compared case-sensitively: "GPT-4o" and "gpt-4o" both show).
//   - variants: members whose names carry sizes, qualifiers or a mode ("SmolVLM2-2.2B-Instruct",
//     "Claude 3.7 Sonnet (thinking)").
//   - each field: the value given by the most trusted rule (site profile > JSON-LD > meta tags
//     > title/h1 > prose), then by the most members, then the first record in id order;
//   - conflicts: for vendor, category, kind, licence, price and parameter sizes, when members
//     give different values, every value with the records (files) that gave it and, for each
//     file, the site a reader may be shown instead (source_site). Parameter sizes that are the
//     same within rounding (fields::same_size: "3B" and "3.08B") are one value, the most
//     precise label kept, with the sources of both; sizes that differ beyond it conflict.
// Pure: no I/O; never throws on data.
#pragma once
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "stages/dedupe/cluster.hpp"

namespace tv::dedupe {

struct SourcedValue {
  nlohmann::json value;              // as in the record JSON
  std::vector<std::string> sources;  // inbox files that gave this value
  std::string rule;                  // the rule of the chosen source
  std::vector<std::string> sites;    // what a reader may see of sources[k] (source_site), same order
};

struct Conflict {
  std::string field;
  std::vector<SourcedValue> values;  // in order of trust, the chosen value first
};

struct MergedFrom {
  std::string record;       // record id
  std::string name;         // the name on that record
  std::string source_file;
  std::string site;         // what a reader may see of source_file (source_site)
  std::string joined_with;  // the name of the record it matched, "" for the first
  std::string reason;       // why: "same family", "editor merge (...)", "first record"
};

struct CanonicalTool {
  std::string name;
  std::string key;  // folded key of the name
  std::vector<std::string> aliases;
  std::vector<std::string> variants;
  nlohmann::json fields = nlohmann::json::object();      // field -> value (null when absent)
  nlohmann::json provenance = nlohmann::json::object();  // field -> {file, site, rule}
  std::vector<Conflict> conflicts;
  std::vector<std::string> sources;  // inbox files, sorted, unique
  std::vector<std::string> source_urls;
  std::vector<MergedFrom> merged_from;
  std::vector<std::string> members;  // record ids, sorted
};

// Inbox file names, looked up by string_view.
using FileSet = std::set<std::string, std::less<>>;

// What a reader may be told a record came from, never its file name: the host of its
// source_url without "www." ("huggingface.co"); kEditorsFile when the record came from an
// editor's directives file (its source_file is in `editor_files`, which may be null); else
// kScrapedPage.
inline constexpr std::string_view kEditorsFile = "an editor's file";
inline constexpr std::string_view kScrapedPage = "a scraped page";
std::string source_site(const nlohmann::json& record, const FileSet* editor_files = nullptr);

// `records[k]` is the record JSON of `group.members[k]`; `rename` (may be empty) is an
// editor's name; `names` (may be null) holds analyse_name of every input's name, by input
// index, when the caller has it already; `editor_files` (may be null) names the inbox files
// that are editors' directives (source_site).
CanonicalTool canonical_tool(const Group& group, const std::vector<ClusterInput>& inputs,
                             const std::vector<nlohmann::json>& records, const std::string& rename = {},
                             const std::vector<NameKey>* names = nullptr, const FileSet* editor_files = nullptr);

// The name canonical_tool would give, from the names alone (no record JSON needed).
std::string canonical_name(const Group& group, const std::vector<ClusterInput>& inputs, const std::string& rename = {},
                           const std::vector<NameKey>* names = nullptr);

// "Code Llama 4 (70B & 400B)" -> "code-llama-4-70b-400b", "Command R+" -> "command-r-plus":
// ASCII letters and digits, other runs become one '-', at most 80 bytes; "" when nothing is
// left (a name written only in CJK): the caller then picks a fallback.
std::string slugify(const std::string& name);

}  // namespace tv::dedupe
