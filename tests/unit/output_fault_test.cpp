// Output faults: which failures count as "the system refused the write" (exit 74), the errno a
// StoreError carries when SQLite's write was refused, and the preflight's three checks.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "pipeline/config.hpp"
#include "pipeline/output_error.hpp"
#include "pipeline/preflight.hpp"
#include "pipeline/store.hpp"
#include "test_util.hpp"

using namespace tv;
using tv::test::TempDir;
using tv::test::read_file;
using tv::test::write_file;
namespace fs = std::filesystem;

namespace {

Config config_in(const fs::path& d) {
  Config c = load_config({}, {});
  c.paths.inbox = d / "inbox";
  c.paths.state = d / "state";
  c.paths.archive = d / "state/archive";
  c.paths.rejected = d / "rejected";
  c.paths.outbox = d / "outbox";
  c.limits.min_free_mb = 0;
  return c;
}

// Lowers the soft file size limit for one scope (the hard limit is left alone, so it can be
// raised back) and ignores SIGXFSZ meanwhile, as `pipeline` does.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    old_handler_ = signal(SIGXFSZ, SIG_IGN);
    struct rlimit l = saved_;
    l.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &l);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    signal(SIGXFSZ, old_handler_);
  }

 private:
  struct rlimit saved_ {};
  sighandler_t old_handler_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(output_fault)

BOOST_AUTO_TEST_CASE(refused_writes_are_told_from_other_failures) {
  auto fs_error = [](int err) {
    return fs::filesystem_error("cannot write", "/x", std::error_code(err, std::generic_category()));
  };
  for (int err : {ENOSPC, EDQUOT, EFBIG, EROFS, EACCES, EPERM, EIO}) BOOST_TEST(output_errno(fs_error(err)) == err);
  BOOST_TEST(output_errno(fs_error(ENOENT)) == 0);  // a missing input is not a full disk
  BOOST_TEST(output_errno(StoreError("state store: x: disk I/O error (File too large)", EFBIG)) == EFBIG);
  BOOST_TEST(output_errno(StoreError("state store: x: UNIQUE constraint failed")) == 0);
  BOOST_TEST(output_errno(std::runtime_error("No space left on device")) == 0);  // words are not a code
  BOOST_TEST(std::string(output_remedy(EFBIG)).find("ulimit -f") != std::string::npos);
  BOOST_TEST(std::string(output_remedy(ENOSPC)).find("free some space") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_store_write_past_the_file_size_limit_carries_efbig) {
  TempDir d;
  auto store = Store::open(d / "p.db");
  store.begin_run("r1", "run", "t");
  FileSizeLimit limit(64 * 1024);
  try {
    for (int i = 0; i < 200; ++i) store.begin_run("run-" + std::to_string(i) + std::string(2000, 'x'), "run", "t");
    BOOST_FAIL("200 runs of 2 KB each fit under a 64 KiB file size limit");
  } catch (const StoreError& e) {
    BOOST_TEST(e.os_error == EFBIG);
    BOOST_TEST(std::string(e.what()).find("File too large") != std::string::npos, e.what());
    BOOST_TEST(output_errno(e) == EFBIG);
  }
}

BOOST_AUTO_TEST_CASE(preflight_passes_writable_folders_and_leaves_no_probe) {
  TempDir d;
  fs::create_directories(d / "inbox");
  BOOST_TEST(check_outputs(config_in(d.path()), d / "state/pipeline.db").empty());
  for (const auto& e : fs::recursive_directory_iterator(d.path()))
    BOOST_TEST(e.path().filename().string().rfind(".tv-preflight", 0) != 0u, e.path());
  BOOST_TEST(fs::is_directory(d / "outbox"));  // made, as the run would
}

BOOST_AUTO_TEST_CASE(preflight_removes_the_probe_a_killed_run_left_and_nothing_else) {
  TempDir d;
  fs::create_directories(d / "inbox");
  write_file(d / "rejected/.tv-preflight-4242", "x");       // a run killed mid-probe
  write_file(d / "inbox/.tv-preflight-notes", "x");         // an editor's dotfile
  write_file(d / "inbox/.tv-preflight-77", "two bytes");    // not a probe: too long
  BOOST_TEST(check_outputs(config_in(d.path()), d / "state/pipeline.db").empty());
  BOOST_TEST(!fs::exists(d / "rejected/.tv-preflight-4242"));
  BOOST_TEST(read_file(d / "inbox/.tv-preflight-notes") == "x");
  BOOST_TEST(read_file(d / "inbox/.tv-preflight-77") == "two bytes");
}

BOOST_AUTO_TEST_CASE(preflight_names_a_folder_that_cannot_be_made) {
  TempDir d;
  fs::create_directories(d / "inbox");
  std::ofstream(d / "outbox") << "a file where the outbox should be";
  auto problems = check_outputs(config_in(d.path()), d / "state/pipeline.db");
  BOOST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].folder == d / "outbox");
  BOOST_TEST(problems[0].what.find("cannot be written") == 0u, problems[0].what);
}

BOOST_AUTO_TEST_CASE(preflight_leaves_a_missing_inbox_to_the_run) {
  TempDir d;
  BOOST_TEST(check_outputs(config_in(d.path()), d / "state/pipeline.db").empty());
  BOOST_TEST(!fs::exists(d / "inbox"));
}

BOOST_AUTO_TEST_CASE(preflight_wants_min_free_mb_on_each_disk) {
  TempDir d;
  fs::create_directories(d / "inbox");
  Config c = config_in(d.path());
  c.limits.min_free_mb = std::size_t(1) << 40;  // a million TiB: no disk has it
  auto problems = check_outputs(c, d / "state/pipeline.db");
  BOOST_REQUIRE(problems.size() == 1u);  // one file system, told once
  BOOST_TEST(problems[0].err == ENOSPC);
  BOOST_TEST(problems[0].what.find("(limits.min_free_mb)") != std::string::npos, problems[0].what);
}

BOOST_AUTO_TEST_CASE(preflight_wants_the_file_size_limit_to_leave_the_store_room) {
  TempDir d;
  fs::create_directories(d / "inbox");
  { auto s = Store::open(d / "state/pipeline.db"); }
  Config c = config_in(d.path());
  c.limits.min_free_mb = 1;
  FileSizeLimit limit(512 * 1024);
  auto problems = check_outputs(c, d / "state/pipeline.db");
  BOOST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].err == EFBIG);
  BOOST_TEST(problems[0].what.find("may grow only to 512 KiB") != std::string::npos, problems[0].what);
  c.limits.min_free_mb = 0;  // the store itself fits: only writability is asked for
  BOOST_TEST(check_outputs(c, d / "state/pipeline.db").empty());
}

BOOST_AUTO_TEST_SUITE_END()
