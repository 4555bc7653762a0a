#include "stages/site/publish.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace fs = std::filesystem;

namespace tv::site {
namespace {

constexpr std::string_view kGenerations = ".site";     // <outbox>/.site/NNNNNNNN
constexpr std::string_view kLink = "site";             // <outbox>/site -> .site/NNNNNNNN
constexpr std::string_view kLinkTmp = ".site-link-tmp";  // the new link before its rename
constexpr std::size_t kGenerationDigits = 8;

[[noreturn]] void fail(const std::string& what, const std::string& path, int err = errno) {
  throw fs::filesystem_error("publish: " + what, fs::path(path), std::error_code(err, std::generic_category()));
}

// ---- paths ---------------------------------------------------------------------------------

// The path as it can be shown in a message: control bytes written as \xNN.
std::string shown(std::string_view p) {
  std::string out;
  for (unsigned char c : p) {
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Why `p` is not a clean site path (file.hpp), or "" when it is.
std::string path_problem(std::string_view p) {
  if (p.empty()) return "is empty";
  if (p.front() == '/') return "is absolute";
  for (unsigned char c : p) {
    if (c == '\\') return "contains a backslash";
    if (c < 0x20 || c == 0x7f) return "contains a control character";
  }
  std::size_t start = 0;
  while (true) {
    std::size_t end = p.find('/', start);
    std::string_view seg = p.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (seg.empty()) return "has an empty segment";
    if (seg == "." || seg == "..") return "has a \"" + std::string(seg) + "\" segment";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return "";
}

std::string not_published(std::string_view path) {
  return "site file \"" + shown(path) + "\" is marked for reuse but the published site has no such file";
}

// Throws PublishError for the first bad, duplicate or file-and-folder path, in input order.
void check_paths(const std::vector<File>& files) {
  std::unordered_set<std::string_view> seen;
  seen.reserve(files.size() * 2);
  for (const File& f : files) {
    if (auto why = path_problem(f.path); !why.empty())
      throw PublishError("site file path \"" + shown(f.path) + "\" " + why);
    if (!seen.insert(f.path).second) throw PublishError("site file path \"" + shown(f.path) + "\" appears twice");
  }
  for (const File& f : files) {
    for (std::size_t slash = f.path.find('/'); slash != std::string::npos; slash = f.path.find('/', slash + 1)) {
      std::string_view folder(f.path.data(), slash);
      if (seen.count(folder))
        throw PublishError("site file path \"" + shown(folder) + "\" is both a file and the folder of \"" +
                           shown(f.path) + "\"");
    }
  }
}

// ---- small POSIX helpers --------------------------------------------------------------------

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now and reports close(2)'s failure (a late write error on some file systems).
  void close_checked(const std::string& path) {
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("cannot close", path);
  }

 private:
  int fd_;
};

void fsync_dir(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) fail("cannot open folder", dir);
  if (::fsync(fd.get()) != 0) fail("cannot fsync folder", dir);
}

// Writes `bytes` to a new file at `path` (mode 0644 less umask). Not synced here: the whole
// generation is made durable by one syncfs(2) before it is named (build_generation).
void write_new(const std::string& path, std::string_view bytes) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) fail("cannot create", path);
  while (!bytes.empty()) {
    ssize_t n = ::write(fd.get(), bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot write", path);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  fd.close_checked(path);
}

// True when the file at `path` holds exactly `bytes` (its size is already known to match).
// `buf` is reused between calls so that comparing 10k pages allocates once.
bool same_bytes(const std::string& path, std::string_view bytes, std::string& buf) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) fail("cannot open", path);
  buf.resize(bytes.size() + 1);  // one byte more: notices a file that grew since it was listed
  std::size_t got = 0;
  while (got < buf.size()) {
    ssize_t n = ::read(fd.get(), buf.data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot read", path);
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  return got == bytes.size() && std::memcmp(buf.data(), bytes.data(), got) == 0;
}

// ---- the current generation -----------------------------------------------------------------

struct OldFile {
  std::uint64_t size = 0;
  bool same = false;  // set while comparing: the new set has this path with these exact bytes
};

// Every regular file under `root`, by '/'-separated relative path. An explicit stack, no
// recursion; symbolic links and special files are not part of a site and are left out.
std::unordered_map<std::string, OldFile> list_files(const std::string& root) {
  std::unordered_map<std::string, OldFile> out;
  std::vector<std::string> todo{""};
  while (!todo.empty()) {
    std::string rel = std::move(todo.back());
    todo.pop_back();
    std::string dir = rel.empty() ? root : root + "/" + rel;
    DIR* d = ::opendir(dir.c_str());
    if (!d) fail("cannot list", dir);
    int dfd = ::dirfd(d);
    errno = 0;
    while (dirent* e = ::readdir(d)) {
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      struct stat st {};
      if (::fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        int err = errno;
        ::closedir(d);
        fail("cannot stat", dir + "/" + std::string(name), err);
      }
      std::string child = rel.empty() ? std::string(name) : rel + "/" + std::string(name);
      if (S_ISDIR(st.st_mode)) todo.push_back(std::move(child));
      else if (S_ISREG(st.st_mode)) out.emplace(std::move(child), OldFile{static_cast<std::uint64_t>(st.st_size)});
      errno = 0;
    }
    int err = errno;
    ::closedir(d);
    if (err != 0) fail("cannot list", dir, err);
  }
  return out;
}

// Generation folders are named by a zero-padded counter; returns -1 for any other name.
long long generation_number(std::string_view name) {
  if (name.size() < kGenerationDigits) return -1;
  long long n = 0;
  for (char c : name) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::string generation_name(long long n) {
  std::string s = std::to_string(n);
  if (s.size() < kGenerationDigits) s.insert(0, kGenerationDigits - s.size(), '0');
  return s;
}

// Removes leftovers of a publish that died: half-built `tmp-*` generations and the new link
// that was never renamed. A real folder at .site-link-tmp is a hand-made site caught halfway
// through being moved aside (publish_switch below): it is kept, as a generation.
void clear_leftovers(const fs::path& outbox, const fs::path& gens, long long& next) {
  for (const auto& e : fs::directory_iterator(gens)) {
    if (e.path().filename().string().rfind("tmp-", 0) == 0) fs::remove_all(e.path());
  }
  fs::path link_tmp = outbox / kLinkTmp;
  auto st = fs::symlink_status(link_tmp);
  if (fs::is_directory(st)) {
    fs::rename(link_tmp, gens / generation_name(next++));
  } else if (fs::exists(st) || fs::is_symlink(st)) {
    fs::remove(link_tmp);
  }
}

// Every folder the new generation needs, parents first ("a", "a/b" for "a/b/c.html"): a
// path's folders are met shortest first, so a parent is always listed before its child.
std::vector<std::string> folders_of(const std::vector<File>& files) {
  std::unordered_set<std::string_view> seen;
  std::vector<std::string> out;
  for (const File& f : files) {
    for (std::size_t slash = f.path.find('/'); slash != std::string::npos; slash = f.path.find('/', slash + 1)) {
      std::string_view folder(f.path.data(), slash);
      if (seen.insert(folder).second) out.emplace_back(folder);
    }
  }
  return out;
}

// Hard-links `from` to `to`; where the file system refuses (another device, no hard links,
// protected_hardlinks), copies the file and gives the copy the old file's mtime instead.
void link_or_copy(const std::string& from, const std::string& to) {
  if (::link(from.c_str(), to.c_str()) == 0) return;
  int err = errno;
  if (err != EXDEV && err != EPERM && err != EMLINK && err != EOPNOTSUPP)
    fail("cannot hard-link", to, err);
  fs::copy_file(from, to);  // with the old file's mode, as a hard link would have
  fs::last_write_time(to, fs::last_write_time(from));
}

// Builds the generation at gens/tmp-<pid>-<n> and renames it to gens/<name>. On a throw the
// temporary folder is removed and nothing else has changed.
void build_generation(const std::vector<File>& files, const std::string& old_root,
                      const std::unordered_map<std::string, OldFile>& old, const fs::path& gens,
                      const std::string& name, PublishStats& stats) {
  static std::atomic<unsigned> counter{0};
  fs::path tmp = gens / ("tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::string root = tmp.string();
  try {
    if (::mkdir(root.c_str(), 0755) != 0) fail("cannot create folder", root);
    std::vector<std::string> folders = folders_of(files);
    for (const std::string& f : folders) {
      std::string p = root + "/" + f;
      if (::mkdir(p.c_str(), 0755) != 0) fail("cannot create folder", p);
    }
    for (const File& f : files) {
      std::string to = root + "/" + f.path;
      auto it = old.find(f.path);
      if (it != old.end() && it->second.same) {
        link_or_copy(old_root + "/" + f.path, to);
        ++stats.linked;
      } else {
        write_new(to, f.bytes);
        ++stats.written;
      }
    }
    // One syncfs(2) makes every file and folder of the generation durable before it gets its
    // name; an fsync per file cost 10k disk flushes (10-20 s for 10k pages on this kind of
    // disk, against a few seconds). It also flushes other data of the same file system,
    // which costs that data nothing but time.
    {
      Fd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
      if (fd.get() < 0) fail("cannot open folder", root);
      if (::syncfs(fd.get()) != 0) fail("cannot sync the file system of", root);
    }
    fs::rename(tmp, gens / name);
    fsync_dir(gens.string());
  } catch (...) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::remove_all(gens / name, ec);
    throw;
  }
}

// fsync for after the switch: the new site is already what readers see, so a failure here
// must not be reported as "the site is as it was"; the next publish fsyncs again.
void fsync_dir_quietly(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Points <outbox>/site at .site/<name> in one rename(2). A real folder at <outbox>/site is
// swapped out atomically with renameat2(RENAME_EXCHANGE) and then moved to .site/<keep_as>;
// where the file system cannot exchange, it is moved first, leaving a moment with no site.
// Throws only while the old site is still the published one.
void publish_switch(const fs::path& outbox, const std::string& name, bool site_is_folder,
                    const std::string& keep_as) {
  fs::path link = outbox / kLink, link_tmp = outbox / kLinkTmp, gens = outbox / kGenerations;
  fs::create_symlink(fs::path(kGenerations) / name, link_tmp);
  auto undo_link_tmp = [&] {
    std::error_code ec;
    fs::remove(link_tmp, ec);
  };
  std::error_code ec;
  if (!site_is_folder) {
    fs::rename(link_tmp, link, ec);
    if (ec) {
      undo_link_tmp();
      throw fs::filesystem_error("publish: cannot switch the site link", link_tmp, link, ec);
    }
  } else if (::renameat2(AT_FDCWD, link_tmp.c_str(), AT_FDCWD, link.c_str(), RENAME_EXCHANGE) == 0) {
    // link_tmp is now the hand-made folder. If this move fails, the next publish finds it
    // at .site-link-tmp and keeps it as a generation (clear_leftovers).
    fs::rename(link_tmp, gens / keep_as, ec);
  } else if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP) {
    fs::rename(link, gens / keep_as, ec);
    if (ec) {
      undo_link_tmp();
      throw fs::filesystem_error("publish: cannot move the hand-made site folder aside", link, gens / keep_as, ec);
    }
    fs::rename(link_tmp, link, ec);
    if (ec) {
      std::error_code back;
      fs::rename(gens / keep_as, link, back);
      undo_link_tmp();
      throw fs::filesystem_error("publish: cannot switch the site link", link_tmp, link, ec);
    }
  } else {
    int err = errno;
    undo_link_tmp();
    fail("cannot switch the site link", link.string(), err);
  }
  fsync_dir_quietly(outbox);
  fsync_dir_quietly(gens);
}

// After the switch: removes every generation but `current` and `previous`. Best effort (a
// failure here leaves an extra folder for the next publish, never a broken site).
void remove_old_generations(const fs::path& gens, const std::string& current, const std::string& previous) {
  std::error_code ec;
  for (fs::directory_iterator it(gens, ec), end; !ec && it != end; it.increment(ec)) {
    std::string n = it->path().filename().string();
    if (generation_number(n) < 0 || n == current || n == previous) continue;
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

// "out/", "./out" and "out" name one outbox; paths returned are built from this form.
fs::path normal(const fs::path& p) {
  fs::path n = p.lexically_normal();
  if (!n.empty() && !n.has_filename()) n = n.parent_path();
  return n.empty() ? fs::path(".") : n;
}

}  // namespace

fs::path current_generation(const fs::path& outbox_arg) {
  fs::path outbox = normal(outbox_arg);
  fs::path link = outbox / kLink;
  auto st = fs::symlink_status(link);
  if (fs::is_directory(st)) return link;
  if (!fs::is_symlink(st)) return {};
  fs::path target = fs::read_symlink(link);
  if (target.is_relative()) target = outbox / target;
  target = target.lexically_normal();
  return fs::is_directory(target) ? target : fs::path();
}

void fill_reused(std::vector<File>& files, const fs::path& outbox) {
  check_paths(files);
  fs::path current = current_generation(outbox);
  for (File& f : files) {
    if (!f.reuse) continue;
    std::string path = (current / f.path).string();
    struct stat st {};
    if (current.empty() || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) throw PublishError(not_published(f.path));
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) fail("cannot open", path);
    f.bytes.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < f.bytes.size()) {
      ssize_t n = ::read(fd.get(), f.bytes.data() + got, f.bytes.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail("cannot read", path);
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    f.bytes.resize(got);
  }
}

PublishStats publish(const std::vector<File>& files, const fs::path& outbox_arg) {
  check_paths(files);
  fs::path outbox = normal(outbox_arg);

  fs::path link = outbox / kLink, gens = outbox / kGenerations;
  auto link_st = fs::symlink_status(link);
  if (fs::exists(link_st) && !fs::is_directory(link_st) && !fs::is_symlink(link_st))
    fail("is neither the site link nor a folder; move it away", link.string(), EEXIST);
  bool site_is_folder = fs::is_directory(link_st);
  fs::create_directories(gens);

  long long next = 1;
  for (const auto& e : fs::directory_iterator(gens)) next = std::max(next, generation_number(e.path().filename().string()) + 1);
  clear_leftovers(outbox, gens, next);

  fs::path current = current_generation(outbox);
  std::string old_root = current.string();
  std::unordered_map<std::string, OldFile> old;
  if (!current.empty()) old = list_files(old_root);

  // Compare: sizes first, bytes only when the sizes match.
  std::size_t kept = 0, same = 0;
  std::string buf;
  for (const File& f : files) {
    auto it = old.find(f.path);
    if (it == old.end() && f.reuse) throw PublishError(not_published(f.path));
    if (it == old.end()) continue;
    ++kept;
    if (f.reuse || (it->second.size == f.bytes.size() && same_bytes(old_root + "/" + f.path, f.bytes, buf))) {
      it->second.same = true;
      ++same;
    }
  }

  PublishStats stats;
  stats.removed = old.size() - kept;
  if (!current.empty() && !site_is_folder && same == files.size() && old.size() == files.size()) {
    stats.generation = current;
    return stats;
  }

  std::string keep_as = site_is_folder ? generation_name(next++) : "";
  std::string name = generation_name(next++);
  build_generation(files, old_root, old, gens, name, stats);
  try {
    publish_switch(outbox, name, site_is_folder, keep_as);
  } catch (...) {
    // Whether the link still names the old generation or already the new one, the folder it
    // names is complete; only an unreferenced new generation is removed.
    if (current_generation(outbox) != (gens / name).lexically_normal()) {
      std::error_code ec;
      fs::remove_all(gens / name, ec);
    }
    throw;
  }

  std::string previous = site_is_folder ? keep_as
                         : current.parent_path() == gens.lexically_normal() ? current.filename().string() : "";
  remove_old_generations(gens, name, previous);
  stats.changed = true;
  stats.generation = (gens / name).lexically_normal();
  return stats;
}

}  // namespace tv::site
