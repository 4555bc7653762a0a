#include "pipeline/run_lock.hpp"

#include "stages/common/utc.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <stdexcept>

namespace tv {

std::optional<RunLock> RunLock::try_acquire(const std::filesystem::path& state_dir,
                                            const std::string& what, std::string* holder) {
  std::filesystem::create_directories(state_dir);
  auto path = state_dir / "pipeline.lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    throw std::runtime_error("cannot open lock file " + path.string() + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char buf[256] = {};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    std::string who = n > 0 ? std::string(buf, size_t(n)) : std::string("unknown process");
    while (!who.empty() && (who.back() == '\n' || who.back() == '\0')) who.pop_back();
    if (holder) *holder = who;
    ::close(fd);
    return std::nullopt;
  }
  std::string me = "pid " + std::to_string(::getpid()) + ", since " + utc_now() + ", running `" + what + "`\n";
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] auto w = ::pwrite(fd, me.data(), me.size(), 0);
  }
  return RunLock(fd);
}

RunLock::RunLock(RunLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
RunLock& RunLock::operator=(RunLock&& o) noexcept {
  std::swap(fd_, o.fd_);
  return *this;
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace tv
