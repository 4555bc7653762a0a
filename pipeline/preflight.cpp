#include "pipeline/preflight.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <cstdint>
#include <set>

namespace tv {
namespace fs = std::filesystem;
namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

std::string mib(std::uint64_t bytes) { return std::to_string(bytes / kMiB) + " MiB"; }

// Creates, writes one byte to and removes a probe file; the errno of the first failure, or 0.
int probe(const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return ec.value();
  const fs::path p = folder / (".tv-preflight-" + std::to_string(::getpid()));
  int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return errno;
  int err = ::write(fd, "x", 1) == 1 ? 0 : (errno ? errno : ENOSPC);
  if (::close(fd) != 0 && err == 0) err = errno;
  ::unlink(p.c_str());
  return err;
}

std::uint64_t file_size_or_0(const fs::path& p) {
  std::error_code ec;
  auto n = fs::file_size(p, ec);
  return ec ? 0 : n;
}

}  // namespace

std::vector<OutputProblem> check_outputs(const Config& cfg, const fs::path& store_file) {
  std::vector<OutputProblem> problems;
  const std::uint64_t need = std::uint64_t(cfg.limits.min_free_mb) * kMiB;
  std::set<std::uint64_t> devices_seen;
  for (const fs::path& folder :
       {cfg.paths.inbox, cfg.paths.state, cfg.paths.archive, cfg.paths.rejected, cfg.paths.outbox}) {
    std::error_code ec;
    if (folder == cfg.paths.inbox && !fs::is_directory(folder, ec)) continue;  // the run says so itself
    if (int err = probe(folder)) {
      problems.push_back({folder, std::string("cannot be written (") + std::strerror(err) + ")", err});
      continue;
    }
    struct stat st {};
    struct statvfs vfs {};
    if (need == 0 || ::stat(folder.c_str(), &st) != 0 || ::statvfs(folder.c_str(), &vfs) != 0) continue;
    if (!devices_seen.insert(std::uint64_t(st.st_dev)).second) continue;
    const std::uint64_t free = std::uint64_t(vfs.f_bavail) * vfs.f_frsize;
    if (free < need)
      problems.push_back({folder,
                          "has " + mib(free) + " free; a run needs " + mib(need) + " (limits.min_free_mb)",
                          ENOSPC});
  }
  struct rlimit fsize {};
  if (::getrlimit(RLIMIT_FSIZE, &fsize) == 0 && fsize.rlim_cur != RLIM_INFINITY) {
    const std::uint64_t store = file_size_or_0(store_file) + file_size_or_0(store_file.string() + "-wal");
    if (std::uint64_t(fsize.rlim_cur) < store + need || fsize.rlim_cur == 0)
      problems.push_back({store_file,
                          "may grow only to " + std::to_string(fsize.rlim_cur / 1024) +
                              " KiB under the file size limit (`ulimit -f`); it is " + std::to_string(store / 1024) +
                              " KiB and a run needs room for " + mib(need) + " more (limits.min_free_mb)",
                          EFBIG});
  }
  return problems;
}

}  // namespace tv
