#include "pipeline/send_journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace tv {
namespace {

[[noreturn]] void fail(const std::string& doing, const std::filesystem::path& file) {
  throw std::filesystem::filesystem_error("cannot " + doing + " the send journal", file,
                                          std::error_code(errno, std::generic_category()));
}

// One line per field set: no tab or line break may reach the file.
std::string field(const std::string& s) {
  std::string out = s;
  for (char& ch : out)
    if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
  return out;
}

}  // namespace

SendJournal::SendJournal(std::filesystem::path file, std::string boot) : file_(std::move(file)), boot_(std::move(boot)) {
  std::error_code ec;
  std::filesystem::create_directories(file_.parent_path(), ec);
  fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd_ < 0) fail("open", file_);
  clear();
}

SendJournal::~SendJournal() {
  if (fd_ >= 0) ::close(fd_);
}

void SendJournal::write_all(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("write", file_);
    done += std::size_t(n);
  }
}

void SendJournal::append(const std::vector<digest::SendUpdate>& updates) {
  if (updates.empty()) return;
  std::string bytes;
  for (const auto& u : updates)
    bytes.append(digest::to_string(u.status)).append("\t").append(u.handed_over ? "1" : "0").append("\t")
        .append(field(u.key)).append("\t").append(field(u.boot)).append("\t").append(field(u.detail)).append("\n");
  write_all(bytes);
}

void SendJournal::clear() {
  if (::ftruncate(fd_, 0) != 0) fail("empty", file_);
  write_all("boot\t" + field(boot_) + "\n");
}

SendJournal::Replay SendJournal::replay(const std::filesystem::path& file) {
  Replay r;
  std::ifstream in(file, std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(in)), {});
  std::size_t pos = 0;
  while (pos < all.size()) {
    auto nl = all.find('\n', pos);
    if (nl == std::string::npos) break;  // a torn last line: the write never finished
    std::string line = all.substr(pos, nl - pos);
    pos = nl + 1;
    std::vector<std::string> f;
    std::size_t a = 0;
    for (;;) {
      auto t = line.find('\t', a);
      f.push_back(line.substr(a, t == std::string::npos ? std::string::npos : t - a));
      if (t == std::string::npos) break;
      a = t + 1;
    }
    if (f.size() == 2 && f[0] == "boot") {
      r.boot = f[1];
      continue;
    }
    if (f.size() != 5 || (f[1] != "0" && f[1] != "1")) continue;
    try {
      r.updates.emplace_back(f[2], digest::send_status(f[0]), f[4], f[1] == "1", f[3]);
    } catch (const std::invalid_argument&) {
      // not a line we wrote: skipped
    }
  }
  return r;
}

}  // namespace tv
