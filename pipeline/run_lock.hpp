// RunLock: one run at a time. An exclusive flock(2) on <state>/pipeline.lock, taken without
// waiting. The kernel drops the lock when the process dies, however it dies, so a crashed run
// never leaves a stale lock. The file holds the holder's pid and start time for the message
// the loser prints.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace tv {

class RunLock {
 public:
  // Tries once. On failure returns nullopt and sets `*holder` to a sentence about who holds
  // it ("pid 4242, since 2026-11-22T23:10:04Z, running `run`"). Throws std::runtime_error when
  // the lock file cannot be created at all.
  static std::optional<RunLock> try_acquire(const std::filesystem::path& state_dir,
                                            const std::string& what, std::string* holder);
  RunLock(RunLock&&) noexcept;
  RunLock& operator=(RunLock&&) noexcept;
  ~RunLock();

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace tv
