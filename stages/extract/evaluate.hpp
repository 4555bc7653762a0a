// Evaluate extraction: records against hand-labelled pages (tests/extract/expected.tsv), as
// precision / recall / F1 per field and overall. Used by `pipeline eval-extract DIR`.
// Pure: the caller reads the files and normalises the pages. Never throws.
//
// Scoring, decided before the first run (tests/extract/README.md, "Open questions"):
// - per page and field: label absent and no value: nothing counted; label absent and a value:
//   one false positive; a label and no value: one false negative; a label and the same value:
//   one true positive; a label and another value: one false positive and one false negative.
// - name: equal after clean_text to the label's name or to one of its aliases.
// - vendor, category: equal ignoring ASCII case.
// - a value the record derived from another of its fields is not a fact the page states and
//   counts as no value (it is counted apart, as `derived`): a category from the kind (rule
//   "category from kind ..."), decided before the first run; sizes from the name (rule
//   "... -> size in name"), decided after it, by the same reasoning (tests/extract/README.md).
// - licence: an SPDX label equals the record's SPDX id (ignoring case); `name:<X>` equals the
//   record's licence name, both lower-cased and kept to letters and digits.
// - price: tier, amount (to the cent), currency and period all equal.
// - sizes: the same sizes in any order, each equal within rounding (fields::same_size).
// - a page with no record (refused) counts a false negative for every labelled field.
#pragma once
#include <array>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "stages/normalise/record.hpp"

namespace tv::extract {

enum class Field { name, vendor, license, price, sizes, category };
inline constexpr std::array<Field, 6> kFields{Field::name,  Field::vendor, Field::license,
                                              Field::price, Field::sizes,  Field::category};
const char* field_name(Field);

// One labelled page: "-" in the file is std::nullopt here.
struct GoldPage {
  int line = 0;
  std::string path;  // relative to the gold set's folder
  std::string name;
  std::vector<std::string> aliases;
  std::optional<std::string> vendor, license, price, sizes, category;
  std::string note;
};

struct GoldSet {
  std::vector<GoldPage> pages;
  std::vector<std::string> errors;  // "expected.tsv:7: ..." for lines that could not be read
};

// Reads expected.tsv (header `path name aliases vendor license price sizes category note`).
// `file` names the file in errors.
GoldSet read_gold(std::istream& in, const std::string& file);

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  int derived = 0;  // record values derived from another field, not scored
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1; }
  double f1() const { return 2 * tp + fp + fn ? 2.0 * tp / (2 * tp + fp + fn) : 1; }
  Counts& operator+=(const Counts& o) {
    tp += o.tp, fp += o.fp, fn += o.fn, derived += o.derived;
    return *this;
  }
};

struct Miss {
  const GoldPage* page = nullptr;
  Field field{};
  std::string expected;  // "-" when the label is absent
  std::string got;       // "-" when the record has none
  std::string rule;      // where the record's value came from, "" when none
};

// The record's value of a field in the label's notation ("freemium|20|USD|month", "8x7B;
// 671B (active 37B)", "Apache-2.0", "name:Gemma Terms of Use"); nullopt when it has none or
// only a derived one.
std::optional<std::string> record_value(const ToolRecord& r, Field f);
// True when the record's value of `f` is derived from another of its fields.
bool derived_value(const ToolRecord& r, Field f);

// Scores one page; `record` is null when the page yielded none. Misses are appended.
std::array<Counts, kFields.size()> score_page(const GoldPage& gold, const ToolRecord* record,
                                              std::vector<Miss>* misses);

}  // namespace tv::extract
