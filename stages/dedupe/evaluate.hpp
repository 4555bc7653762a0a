// Evaluate: the matcher against labelled pairs (Magellan/ditto format), as counts and
// precision / recall / F1. Used by `pipeline eval-dedupe FILE`. Never throws.
#pragma once
#include <string>
#include <vector>

#include "stages/dedupe/magellan.hpp"

namespace tv::dedupe {

struct Confusion {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct Mistake {
  int line = 0;
  std::string left, right, reason;
  int label = 0;
};

// Runs the matcher on every pair (attributes "title", "manufacturer" and "price"). Title-word
// IDF (matcher rule 6) is computed from the file's own records, each distinct title once:
// unsupervised, the labels are never read for it.
Confusion evaluate(const std::vector<LabelledPair>& pairs, std::vector<Mistake>* mistakes = nullptr);

}  // namespace tv::dedupe
