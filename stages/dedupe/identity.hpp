// Identity: gives each tool of tonight's clustering its stable id and slug.
//
// A tool's id and slug are made once, when the tool first appears, and never change: later
// duplicates, new sources, another file order or a rename never move a URL. Tonight's groups are
// matched to the tools already known through their member records:
//   - a group holding records of known tools keeps the known tool that holds most of its
//     records (ties: the oldest tool); the other known tools are absorbed: their slugs stay
//     reserved and now lead to the survivor (`absorbed`);
//   - a known tool whose records are split between groups stays with the group holding most of
//     its records (ties: the group whose first record id is smallest); the others are new tools;
//   - a new tool's id is derived from its smallest record id (so the same inputs give the same
//     id on any machine, in any order); its slug is slugify(name), or "tool-<id>" when that is
//     empty, with "-2", "-3"... when taken; new tools take slugs in order of (slug, id).
// Pure; no I/O. The store persists what it returns.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tv::dedupe {

struct KnownTool {
  std::string id, slug;
  std::int64_t created = 0;  // creation order (smaller = older)
};

struct KnownIdentities {
  std::map<std::string, std::string> tool_of_record;  // record id -> tool id
  std::map<std::string, KnownTool> tools;             // tool id -> tool (live and absorbed)
};

struct GroupIdentityInput {
  std::vector<std::string> records;  // member record ids, sorted
  std::string name;                  // canonical name (for a new slug)
};

struct Identity {
  std::string id, slug;
  bool is_new = false;
  std::vector<std::string> absorbed;  // ids of known tools merged into this one tonight
};

std::vector<Identity> assign_identities(const std::vector<GroupIdentityInput>& groups, const KnownIdentities& known);

}  // namespace tv::dedupe
