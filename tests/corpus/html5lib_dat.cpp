#include "tests/corpus/html5lib_dat.hpp"

#include <fstream>
#include <iterator>

namespace tv::test {

std::string DatCase::data() const {
  auto it = sections.find("data");
  std::string s = it == sections.end() ? "" : it->second;
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

std::string DatCase::trimmed(const std::string& name) const {
  auto it = sections.find(name);
  std::string s = it == sections.end() ? "" : it->second;
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::vector<DatCase> read_dat(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<DatCase> cases;
  DatCase c;
  std::string current;
  int line_no = 0;
  auto finish = [&] {
    if (!c.sections.empty()) cases.push_back(std::move(c));
    c = DatCase{};
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line[0] == '#') {
      current = line.substr(1);
      if (current == "data") {
        finish();
        c.where = file.filename().string() + ":" + std::to_string(line_no);
      }
      c.sections[current];  // present even when empty
      continue;
    }
    if (!current.empty()) c.sections[current] += line + "\n";
  }
  finish();
  return cases;
}

}  // namespace tv::test
