// AtomicFile: replaces a file's contents so that a reader (or a crash) sees the old bytes or
// the new ones, never a mix: a temporary file in the same folder, written, fsync'ed, renamed
// over the target, then the folder fsync'ed. Creates the folder when missing. Throws
// std::runtime_error naming the path and the system's reason (disk full, read-only, ...);
// the temporary file is removed on failure.
#pragma once
#include <filesystem>
#include <string_view>

namespace tv {

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace tv
