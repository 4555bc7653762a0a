// Labelled record pairs in the Magellan/ditto format, one pair a line:
//   COL attr VAL value … <TAB> COL attr VAL value … <TAB> 0|1
// Contract: never throws. Malformed lines are reported in `errors` ("FILE:LINE: what is wrong")
// and skipped; every other line still counts. A value runs until the next " COL " token or the
// end of its field; values may be empty; attribute names are single tokens; leading and trailing
// spaces of values are trimmed (the benchmark files end each record with a space).
#pragma once
#include <istream>
#include <map>
#include <string>
#include <vector>

namespace tv::dedupe {

struct LabelledPair {
  std::map<std::string, std::string> left, right;
  int label;
  int line;
};

struct MagellanFile {
  std::vector<LabelledPair> pairs;
  std::vector<std::string> errors;  // "FILE:LINE: what is wrong"
};

MagellanFile read_magellan(std::istream& in, const std::string& name);

}  // namespace tv::dedupe
