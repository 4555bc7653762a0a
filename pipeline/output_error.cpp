#include "pipeline/output_error.hpp"

#include <cerrno>
#include <system_error>

#include "pipeline/store.hpp"

namespace tv {
namespace {

bool refused_output(int err) {
  switch (err) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
    case EROFS:
    case EACCES:
    case EPERM:
    case EIO:
      return true;
    default:
      return false;
  }
}

}  // namespace

int output_errno(const std::exception& e) {
  int err = 0;
  if (const auto* s = dynamic_cast<const StoreError*>(&e)) {
    err = s->os_error;
  } else if (const auto* s = dynamic_cast<const std::system_error*>(&e)) {
    const auto& cat = s->code().category();
    if (cat == std::generic_category() || cat == std::system_category()) err = s->code().value();
  }
  return refused_output(err) ? err : 0;
}

const char* output_remedy(int err) {
  switch (err) {
    case ENOSPC:
    case EDQUOT:
      return "free some space there (or raise the quota) and run again";
    case EFBIG:
      return "raise the file size limit (`ulimit -f`, or LimitFSIZE= of the service) and run again";
    case EROFS:
      return "mount it read-write and run again";
    case EACCES:
    case EPERM:
      return "let the pipeline's user write there (the folder's owner or permissions) and run again";
    default:
      return "check the disk (dmesg) before running again";
  }
}

}  // namespace tv
