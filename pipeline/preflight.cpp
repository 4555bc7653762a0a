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
#include <string_view>

namespace tv {
namespace fs = std::filesystem;
namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

std::string mib(std::uint64_t bytes) { return std::to_string(bytes / kMiB) + " MiB"; }

constexpr std::string_view kProbePrefix = ".tv-preflight-";

// Writes one byte to `fd` and closes it; the errno of the first failure, or 0.
int write_and_close(int fd) {
  int err = ::write(fd, "x", 1) == 1 ? 0 : (errno ? errno : ENOSPC);
  if (::close(fd) != 0 && err == 0) err = errno;
  return err;
}

// A probe file an earlier, killed run left: ".tv-preflight-<digits>", at most one byte. Only
// one process at a time probes (the caller holds the run lock), so none is in use.
bool stale_probe(const fs::directory_entry& e) {
  const std::string name = e.path().filename().string();
  if (name.size() <= kProbePrefix.size() || name.compare(0, kProbePrefix.size(), kProbePrefix) != 0) return false;
  if (name.find_first_not_of("0123456789", kProbePrefix.size()) != std::string::npos) return false;
  std::error_code ec;
  return e.is_regular_file(ec) && e.file_size(ec) <= 1 && !ec;
}

// Tries writing one byte to the folder: to an unnamed file (O_TMPFILE), so a kill at any
// moment leaves nothing behind, or, where the file system has no unnamed files, to a named
// probe file, removed again. Probe files an earlier killed run left are removed first.
// The errno of the first failure, or 0.
int probe(const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return ec.value();
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (stale_probe(e)) fs::remove(e.path(), ec);
  int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0) return write_and_close(fd);
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return errno;
  const fs::path p = folder / (std::string(kProbePrefix) + std::to_string(::getpid()));
  fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return errno;
  const int err = write_and_close(fd);
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
