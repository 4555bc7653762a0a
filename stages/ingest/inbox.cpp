#include "stages/ingest/inbox.hpp"

#include "stages/common/atomic_file.hpp"
#include "stages/common/utc.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace tv::ingest {
namespace {

void fsync_path(const fs::path& p, int flags) {
  int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// A path under `dir` named `name` that does not exist yet: "name", "name (2)", "name (3)"...
fs::path free_path(const fs::path& dir, const std::string& name) {
  fs::path p = dir / name;
  for (int i = 2; fs::exists(fs::symlink_status(p)); ++i) p = dir / (name + " (" + std::to_string(i) + ")");
  return p;
}

// rename(2), or copy + fsync + unlink across file systems. The destination must not exist.
// A rename's folder is added to `unsynced` (Inbox::sync makes it durable, once per batch); a
// copy is made durable before the original goes.
void move(const fs::path& from, const fs::path& to, std::set<fs::path>& unsynced) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (!ec) {
    unsynced.insert(to.parent_path());
    return;
  }
  if (ec != std::errc::cross_device_link) throw fs::filesystem_error("cannot move file", from, to, ec);
  auto st = fs::symlink_status(from);
  if (fs::is_symlink(st)) {
    fs::copy_symlink(from, to);
  } else if (fs::is_directory(st)) {
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  } else {
    fs::copy_file(from, to);
    fsync_path(to, O_RDONLY);
  }
  fsync_path(to.parent_path(), O_RDONLY | O_DIRECTORY);
  fs::remove_all(from);  // the durable copy is in place; this only removes the old name
}

bool dotfile(const fs::path& p) {
  auto n = p.filename().string();
  return !n.empty() && n[0] == '.';
}

}  // namespace

std::string safe_file_name(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size() && out.size() < 180;) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= name.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(name[i + k]) >> 6) == 2;
    // Well-formed only: no overlong form (C0 AF is a '/' to a lax decoder), no surrogate,
    // nothing past U+10FFFF.
    const unsigned char d = ok && len > 1 ? static_cast<unsigned char>(name[i + 1]) : 0;
    ok = ok && c != 0xC0 && c != 0xC1 && c <= 0xF4 && !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0) &&
         !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d >= 0x90);
    if (ok && c == 0xC2 && d < 0xA0) {  // a C1 control (U+0080..U+009F; U+009B is a terminal's CSI)
      out.push_back('_');
      i += len;
    } else if (!ok || c < 0x20 || c == 0x7f || c == '/' || c == '\\') {
      out.push_back('_');
      i += 1;
    } else {
      out.append(name, i, len);
      i += len;
    }
  }
  if (out.empty() || out == "." || out == "..") out = "_" + out;
  if (out[0] == '.') out[0] = '_';  // never hide a moved-aside file from the editor
  return out;
}

Inbox::Inbox(InboxDirs dirs, std::chrono::seconds min_age) : dirs_(std::move(dirs)), min_age_(min_age) {}

bool Inbox::ready(const fs::directory_entry& e, fs::file_time_type now) const {
  if (dotfile(e.path())) return false;
  std::error_code ec;
  auto st = e.symlink_status(ec);
  if (ec) return false;
  if (fs::is_symlink(st)) return true;  // moved aside unread; its target's age is irrelevant
  auto t = fs::last_write_time(e.path(), ec);
  if (ec) return false;
  return now - t >= min_age_;
}

std::vector<Claimed> Inbox::unfinished() const {
  std::vector<Claimed> out;
  std::error_code ec;
  if (!fs::is_directory(dirs_.processing(), ec)) return out;
  for (const auto& e : fs::directory_iterator(dirs_.processing())) {
    auto stored = e.path().filename().string();
    auto tilde = stored.find('~');
    std::string name = tilde == std::string::npos ? stored : stored.substr(tilde + 1);
    out.push_back({e.path(), name, fs::is_regular_file(e.symlink_status())});
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.path < b.path; });
  return out;
}

std::vector<Claimed> Inbox::claim_ready(fs::file_time_type now) {
  std::vector<fs::directory_entry> ready_files;
  for (const auto& e : fs::directory_iterator(dirs_.inbox))
    if (ready(e, now)) ready_files.push_back(e);
  std::sort(ready_files.begin(), ready_files.end());
  if (ready_files.empty()) return {};

  fs::create_directories(dirs_.processing());
  // SEQ makes every claimed name unique even when an editor drops a file under a name that
  // an unfinished claim already has; it sorts in claim order.
  auto stamp = std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(
                                  std::chrono::system_clock::now().time_since_epoch()).count());
  std::vector<Claimed> out;
  for (const auto& e : ready_files) {
    std::string name = e.path().filename().string();
    char seq[16];
    std::snprintf(seq, sizeof seq, "%06u", seq_++);
    // A name near the file system's limit (255 bytes) would not fit after the prefix, and
    // a claim that fails every night stops every run: the claimed name keeps what fits (cut
    // on a character boundary); `name` stays whole for this run.
    std::string stored = stamp + "-" + seq + "~" + name;
    if (stored.size() > 255) {
      std::size_t cut = 255;
      while (cut > 0 && (static_cast<unsigned char>(stored[cut]) & 0xC0) == 0x80) --cut;
      stored.resize(cut);
    }
    fs::path to = dirs_.processing() / stored;
    std::error_code ec;
    fs::rename(e.path(), to, ec);  // same file system: atomic
    if (ec == std::errc::no_such_file_or_directory) continue;  // gone meanwhile: not ours
    if (ec) throw fs::filesystem_error("cannot claim inbox file", e.path(), to, ec);
    out.push_back({to, name, fs::is_regular_file(fs::symlink_status(to))});
  }
  return out;
}

Waiting Inbox::count(fs::file_time_type now) const {
  Waiting w;
  std::error_code ec;
  if (fs::is_directory(dirs_.inbox, ec))
    for (const auto& e : fs::directory_iterator(dirs_.inbox)) {
      if (dotfile(e.path())) {
        if (e.path() != dirs_.processing()) ++w.dotfiles;
        continue;
      }
      if (ready(e, now)) ++w.ready;
      else ++w.too_new;
    }
  w.claimed = int(unfinished().size());
  return w;
}

fs::path Inbox::archive_path(const Claimed& file, const std::string& sha256,
                             std::chrono::system_clock::time_point when) const {
  return free_path(dirs_.archive / format_utc(when, "%Y/%m/%d"), sha256.substr(0, 12) + "-" + safe_file_name(file.name));
}

fs::path Inbox::file_away(const Claimed& file, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::path dest = fs::exists(fs::symlink_status(to)) ? free_path(to.parent_path(), to.filename().string()) : to;
  move(file.path, dest, unsynced_);
  return dest;
}

fs::path Inbox::reject_path(const Claimed& file, const std::set<fs::path>& promised) const {
  const std::string safe = safe_file_name(file.name);
  auto taken = [&](const fs::path& to) {
    const fs::path why = to.string() + ".reason.txt";
    return promised.count(to) || promised.count(why) || fs::exists(fs::symlink_status(to)) ||
           fs::exists(fs::symlink_status(why));
  };
  fs::path to = dirs_.rejected / safe;
  for (int i = 2; taken(to); ++i) to = dirs_.rejected / (safe + " (" + std::to_string(i) + ")");
  return to;
}

fs::path Inbox::reject(const Claimed& file, const fs::path& planned, const std::string& reason) {
  fs::create_directories(dirs_.rejected);
  const fs::path to = fs::exists(fs::symlink_status(planned)) ? reject_path(file, {}) : planned;
  const fs::path why = to.string() + ".reason.txt";
  // The reason goes first: a crash between the two steps leaves a reason file and the input
  // still claimed, and the next run writes it again at the recorded path.
  write_file_in_place(why, !reason.empty() && reason.back() != '\n' ? reason + "\n" : reason);
  move(file.path, to, unsynced_);
  return to;
}

void Inbox::sync() {
  for (const auto& dir : unsynced_) fsync_path(dir, O_RDONLY | O_DIRECTORY);
  unsynced_.clear();
}

}  // namespace tv::ingest
