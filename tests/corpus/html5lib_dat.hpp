// Reads html5lib-tests .dat files: cases start at "#data", each "#name" line opens a section
// whose text runs to the next "#" line. Shared by the tree-construction and encoding tests.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tv::test {

struct DatCase {
  std::string where;                             // "file.dat:LINE" of its #data line
  std::map<std::string, std::string> sections;   // section name -> text, each line ending '\n'
  // #data without the one newline the format adds after it.
  std::string data() const;
  // Another section without its trailing newlines and spaces.
  std::string trimmed(const std::string& name) const;
};

std::vector<DatCase> read_dat(const std::filesystem::path& file);

}  // namespace tv::test
