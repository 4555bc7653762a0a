#include "corpus_path.hpp"

#include <cstdlib>

namespace tv::test {

std::filesystem::path corpus_dir() {
  if (const char* env = std::getenv("TV_CORPUS"); env && *env) return env;
  return std::filesystem::path(TV_SOURCE_DIR) / ".." / "shared" / "corpus";
}

std::filesystem::path report_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec && exe.has_parent_path()) return exe.parent_path();
  return std::filesystem::current_path();
}

boost::test_tools::assertion_result corpus_present::operator()(boost::unit_test::test_unit_id) const {
  auto dir = corpus_dir() / sub_;
  if (std::filesystem::is_directory(dir)) return true;
  boost::test_tools::assertion_result r(false);
  r.message() << "skipped: corpus folder " << dir.string() << " is absent";
  return r;
}

}  // namespace tv::test
