// Profiles: per-site extraction rules kept as data (profiles/*.profile; format in
// docs/profiles.md), so a new source site needs a profile, not new code.
//
// Every XPath is compiled once when the profiles are loaded; a profile that cannot be read,
// names an unknown field, or holds an XPath that does not compile is a ProfileError naming
// the file and line, and the run stops at start-up before any input is touched.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "stages/extract/page_facts.hpp"

namespace tv::extract {

struct ProfileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Profile {
  std::string name;                 // file stem, e.g. "huggingface.co"
  std::filesystem::path file;
  std::vector<std::string> hosts;   // without "www."
  struct Rule {
    std::string field;
    std::string xpath;
    std::shared_ptr<pugi::xpath_query> query;  // compiled
  };
  std::vector<Rule> rules;          // in file order

  // Appends this profile's findings to `facts` (first non-empty result per rule).
  void apply(const pugi::xml_document& doc, PageFacts& facts) const;
};

class ProfileSet {
 public:
  // Loads every *.profile in `dir` (a missing folder is an empty set). Throws ProfileError.
  static ProfileSet load(const std::filesystem::path& dir);
  // Parses one profile's text; `file` names it in errors. Throws ProfileError.
  static Profile parse(const std::string& text, const std::filesystem::path& file);

  void add(Profile p);
  // The profile for a host ("www." ignored), or nullptr.
  const Profile* for_host(const std::string& host) const;
  std::size_t size() const { return profiles_.size(); }

 private:
  std::vector<Profile> profiles_;
  std::map<std::string, std::size_t> by_host_;
};

}  // namespace tv::extract
