// AtomicFile: writing a whole file durably. Both functions create the folder when missing and
// throw std::filesystem::filesystem_error naming the path, with the system's reason as its
// code (no space, file too large, read-only, ...).
#pragma once
#include <filesystem>
#include <string_view>

namespace tv {

// Replaces a file's contents so that a reader (or a crash) sees the old bytes or the new ones,
// never a mix: a temporary file (PATH.tmp-PID) in the same folder, written, fsync'ed, renamed
// over the target, then the folder fsync'ed. The temporary file is removed on failure (a kill
// may leave it).
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

// Writes the file in place (created or truncated) and fsyncs it: no temporary file, but a
// crash may leave it torn. For files that whoever comes next writes again anyway (a rejected
// input's reason file is rewritten by the run that finishes moving the input).
void write_file_in_place(const std::filesystem::path& path, std::string_view bytes);

}  // namespace tv
