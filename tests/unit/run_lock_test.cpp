// RunLock: one holder at a time, and the loser names the holder even when it asks in the
// moment between the winner taking the lock and writing its line (the race CI once caught).
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "pipeline/run_lock.hpp"
#include "test_util.hpp"

using tv::RunLock;
using tv::test::TempDir;
using tv::test::write_file;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(run_lock)

namespace {
// Another holder, as a second open file description: writes `content`, takes the flock, and
// returns the descriptor (closing it releases the lock).
int hold_lock(const TempDir& d, const std::string& content) {
  write_file(d / "pipeline.lock", content);
  int fd = ::open((d / "pipeline.lock").c_str(), O_RDWR);
  BOOST_REQUIRE(fd >= 0);
  BOOST_REQUIRE_EQUAL(::flock(fd, LOCK_EX | LOCK_NB), 0);
  return fd;
}
}  // namespace

BOOST_AUTO_TEST_CASE(second_taker_fails_and_names_the_holder) {
  TempDir d;
  std::string holder;
  auto first = RunLock::try_acquire(d.path(), "run", &holder);
  BOOST_REQUIRE(first);
  auto second = RunLock::try_acquire(d.path(), "digest --send", &holder);
  BOOST_CHECK(!second);
  BOOST_CHECK_EQUAL(holder.rfind("pid " + std::to_string(::getpid()) + ", since ", 0), 0u);
  BOOST_CHECK(holder.ends_with(", running `run`"));
}

BOOST_AUTO_TEST_CASE(released_when_the_holder_goes) {
  TempDir d;
  std::string holder;
  { auto first = RunLock::try_acquire(d.path(), "run", &holder); BOOST_REQUIRE(first); }
  BOOST_CHECK(RunLock::try_acquire(d.path(), "run", &holder));
}

BOOST_AUTO_TEST_CASE(loser_waits_for_a_line_the_winner_has_not_written_yet) {
  TempDir d;
  // A dead run's line is still in the file, and the new holder has the lock but no line yet.
  int fd = hold_lock(d, "pid 999999999, since 2026-11-01T00:00:00Z, running `run`\n");
  std::string line = "pid " + std::to_string(::getpid()) + ", since 2026-11-23T00:00:00Z, running `run`\n";
  std::thread writer([&] {
    std::this_thread::sleep_for(100ms);
    BOOST_CHECK_EQUAL(::pwrite(fd, line.data(), line.size(), 0), ssize_t(line.size()));
    BOOST_CHECK_EQUAL(::ftruncate(fd, off_t(line.size())), 0);
  });
  std::string holder;
  BOOST_CHECK(!RunLock::try_acquire(d.path(), "run", &holder));
  writer.join();
  BOOST_CHECK_EQUAL(holder + "\n", line);
  ::close(fd);
}

BOOST_AUTO_TEST_CASE(an_unreadable_holder_is_reported_as_unknown) {
  TempDir d;
  int fd = hold_lock(d, "");
  std::string holder;
  BOOST_CHECK(!RunLock::try_acquire(d.path(), "run", &holder));
  BOOST_CHECK_EQUAL(holder, "unknown process");
  ::close(fd);
}

BOOST_AUTO_TEST_SUITE_END()
