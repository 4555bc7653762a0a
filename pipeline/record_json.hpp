// RecordJson: the JSON form of a tool record. It is both what the state store keeps and
// what `pipeline export records --json` prints, so the two can never drift apart.
// Absent fields are null; every present field has an entry in "provenance". The format is
// documented in docs/records.md.
#pragma once
#include <nlohmann/json.hpp>

#include "stages/normalise/record.hpp"

namespace tv {

nlohmann::json to_json(const ToolRecord& r);

// Serialises without throwing: invalid UTF-8 (which clean_text never lets through) would be
// replaced rather than abort a run.
std::string dump_json(const nlohmann::json& j, int indent = -1);

}  // namespace tv
