// ContentHash: SHA-256 of a file's bytes as lower-case hex; the identity of an input.
// The same bytes dropped twice have the same hash, whatever the file is called.
#pragma once
#include <string>
#include <string_view>

namespace tv::ingest {

std::string sha256_hex(std::string_view bytes);

}  // namespace tv::ingest
