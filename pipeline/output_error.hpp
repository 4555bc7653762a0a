// OutputError: tells an output the system refused to write (a full disk, a file size limit,
// a read-only or forbidden folder, a failing device) from every other failure, so the run can
// say what the editor has to do and exit 74 (EX_IOERR) instead of 70.
#pragma once
#include <exception>

namespace tv {

// The errno behind `e` when it is such a refusal (ENOSPC, EDQUOT, EFBIG, EROFS, EACCES,
// EPERM, EIO), read from a std::system_error (std::filesystem::filesystem_error included) or a
// StoreError; otherwise 0.
int output_errno(const std::exception& e);

// What the editor should do about `err`, as the end of a sentence: "free some space there (or
// raise the quota) and run again", ...
const char* output_remedy(int err);

}  // namespace tv
