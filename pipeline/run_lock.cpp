#include "pipeline/run_lock.hpp"

#include "stages/common/utc.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <stdexcept>

namespace tv {

namespace {

// "pid N, since ..., running `what`\n" written by a process that is still alive.
bool is_current_holder(const std::string& text) {
  if (text.rfind("pid ", 0) != 0 || text.back() != '\n') return false;
  char* end = nullptr;
  long pid = std::strtol(text.c_str() + 4, &end, 10);
  if (pid <= 0 || end == nullptr || *end != ',') return false;
  return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

// The winner of a race writes its line a moment after taking the lock, and the file may still
// hold a dead run's line until then: read again for up to a second for a live holder's line.
std::string read_holder(int fd) {
  std::string text;
  for (int attempt = 0; attempt < 100; ++attempt) {
    char buf[256] = {};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    text = n > 0 ? std::string(buf, size_t(n)) : std::string();
    if (is_current_holder(text)) break;
    ::usleep(10'000);
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
  return text.empty() ? std::string("unknown process") : text;
}

// The test hook (docs/faults.md, tests/e2e/faults_lock.sh): when TV_TEST_HOLD_LOCK names a
// FIFO, the process that has just taken the lock writes "held" into it, then waits until the
// test opens it for writing and closes it. A test can so hold a real run or send at the moment
// it owns the lock, and let it go on, synchronised on those two events rather than on timing.
void hold_for_test() {
  const char* fifo = std::getenv("TV_TEST_HOLD_LOCK");
  if (fifo == nullptr || *fifo == '\0') return;
  if (int w = ::open(fifo, O_WRONLY | O_CLOEXEC); w >= 0) {  // waits for the test to read
    [[maybe_unused]] ssize_t n = ::write(w, "held\n", 5);
    ::close(w);
  }
  if (int r = ::open(fifo, O_RDONLY | O_CLOEXEC); r >= 0) {  // waits for the test's release
    char buf[64];
    while (::read(r, buf, sizeof buf) > 0) {
    }
    ::close(r);
  }
}

}  // namespace

std::optional<RunLock> RunLock::try_acquire(const std::filesystem::path& state_dir,
                                            const std::string& what, std::string* holder) {
  std::filesystem::create_directories(state_dir);
  auto path = state_dir / "pipeline.lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    throw std::runtime_error("cannot open lock file " + path.string() + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (holder) *holder = read_holder(fd);
    ::close(fd);
    return std::nullopt;
  }
  // Write first, then cut to length: a reader never sees an empty file once a holder exists.
  std::string me = "pid " + std::to_string(::getpid()) + ", since " + utc_now() + ", running `" + what + "`\n";
  if (::pwrite(fd, me.data(), me.size(), 0) == ssize_t(me.size())) {
    [[maybe_unused]] int t = ::ftruncate(fd, off_t(me.size()));
  }
  hold_for_test();
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
