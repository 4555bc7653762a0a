// ToolRecord: one normalised tool as one page describes it, every field with its source.
// This is the unit that dedupe (the next stage) clusters into canonical tools.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "stages/normalise/fields/license.hpp"
#include "stages/normalise/fields/price.hpp"
#include "stages/normalise/fields/size.hpp"

namespace tv {

struct Provenance {
  std::string file;  // the inbox file name
  std::string rule;  // the extraction rule and parser, e.g. "meta og:title"
};

template <class T>
struct Sourced {
  T value{};
  Provenance from;
  bool present = false;
  void set(T v, Provenance p) {
    value = std::move(v);
    from = std::move(p);
    present = true;
  }
};

struct ToolRecord {
  Sourced<std::string> name, vendor, category, tagline, description, kind, source_url, homepage;
  Sourced<fields::Price> price;
  Sourced<fields::License> license;
  Sourced<std::vector<fields::ParamSize>> parameter_sizes;
  std::string source_file;   // the inbox file name the record came from
  std::string source_sha256;
  std::string encoding;      // how the page's bytes were read, e.g. "windows-1252 (meta charset)"
  std::string profile;       // extraction profile used, "" when none
  std::vector<std::string> notes;  // things an editor may want to know (a price rejected, ...)
};

}  // namespace tv
