#include "stages/common/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace tv {
namespace {

[[noreturn]] void fail(const std::string& doing, const std::filesystem::path& p, int err) {
  throw std::filesystem::filesystem_error("cannot " + doing, p, std::error_code(err, std::generic_category()));
}

// Creates (or truncates) `file`, writes `bytes` and fsyncs it; 0, or the errno of the failure
// (the file is then left as it is).
int write_synced(const std::filesystem::path& file, std::string_view bytes) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  std::size_t done = 0;
  int err = 0;
  while (done < bytes.size() && err == 0) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) err = n < 0 ? errno : ENOSPC;
    else done += std::size_t(n);
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  ::close(fd);
  return err;
}

void make_parent(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) fail("create the folder of", path, ec.value());
}

}  // namespace

void write_file_in_place(const std::filesystem::path& path, std::string_view bytes) {
  make_parent(path);
  if (int err = write_synced(path, bytes)) fail("write", path, err);
}

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
  make_parent(path);
  const std::filesystem::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  if (int err = write_synced(tmp, bytes)) {
    ::unlink(tmp.c_str());
    fail("write", path, err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    fail("replace", path, err);
  }
  int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace tv
